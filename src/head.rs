//! Keeps the document head in step with the route: meta description and the hreflang
//! alternates that point search engines and readers at the same page in the other language.

use klaster_core::route::{Page, Route};
use klaster_core::Locale;
use leptos::prelude::*;

pub fn set_description(text: &str) {
    let document = document();
    if let Ok(Some(meta)) = document.query_selector("meta[name=description]") {
        let _ = meta.set_attribute("content", text);
    }
}

pub fn set_alternates(page: &Page) {
    let document = document();
    let Some(head) = document.head() else { return };
    let location = window().location();
    let base = format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    );
    let links = Locale::ALL
        .iter()
        .map(|locale| (locale.tag(), Route::href(*locale, page)))
        .chain(std::iter::once((
            "x-default",
            Route::href(Locale::En, page),
        )));
    for (hreflang, href) in links {
        let selector = format!("link[rel=alternate][hreflang=\"{hreflang}\"]");
        let link = match document.query_selector(&selector) {
            Ok(Some(link)) => link,
            _ => match document.create_element("link") {
                Ok(link) => {
                    let _ = link.set_attribute("rel", "alternate");
                    let _ = link.set_attribute("hreflang", hreflang);
                    let _ = head.append_child(&link);
                    link
                }
                Err(_) => continue,
            },
        };
        let _ = link.set_attribute("href", &format!("{base}{href}"));
    }
}
