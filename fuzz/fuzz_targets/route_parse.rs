//! `Route::parse` on any address. It must never panic, and the address the app
//! redirects to (the route's page in a chosen language) must parse back to that page,
//! or a reader would be bounced between addresses.

#![no_main]

use klaster_core::route::Route;
use klaster_core::Locale;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &[u8]| {
    let hash = String::from_utf8_lossy(input);
    let route = Route::parse(&hash);
    for locale in Locale::ALL {
        let href = Route::href(locale, &route.page);
        assert_eq!(
            Route::parse(&href),
            Route {
                locale: Some(locale),
                page: route.page.clone()
            },
            "{hash:?} -> {href:?} does not parse back"
        );
    }
});
