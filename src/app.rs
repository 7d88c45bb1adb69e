//! The app: reads the route from the address, keeps `<html lang>` and the title in step,
//! and lays out header, page and footer.

use crate::components::{footer::Footer, header::Header};
use crate::head;
use crate::pages;
use klaster_core::i18n::{page_description, page_title, Msg};
use klaster_core::route::{Page, Route};
use klaster_core::Locale;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The route being shown, shared with every component through context.
#[derive(Clone, Copy)]
pub struct CurrentRoute {
    pub locale: Memo<Locale>,
    pub page: Memo<Page>,
}

pub fn use_route() -> CurrentRoute {
    expect_context::<CurrentRoute>()
}

fn read_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The browser's preferred languages, most preferred first.
fn preferred_languages() -> Vec<String> {
    let navigator = window().navigator();
    let listed: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|value| value.as_string())
        .collect();
    if listed.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        listed
    }
}

/// Turns the address into a route with a language; an address without one is
/// replaced (not pushed, so Back still works) by the same page in the visitor's language.
fn resolve(hash: &str) -> (Locale, Page) {
    let route = Route::parse(hash);
    match route.locale {
        Some(locale) => (locale, route.page),
        None => {
            let preferences = preferred_languages();
            let locale = Locale::from_preferences(preferences.iter().map(String::as_str));
            let _ = window()
                .location()
                .replace(&Route::href(locale, &route.page));
            (locale, route.page)
        }
    }
}

#[component]
pub fn App() -> impl IntoView {
    let hash = RwSignal::new(read_hash());
    let handle = window_event_listener(leptos::ev::hashchange, move |_| hash.set(read_hash()));
    on_cleanup(move || handle.remove());

    let resolved = Memo::new(move |_| resolve(&hash.get()));
    let locale = Memo::new(move |_| resolved.get().0);
    let page = Memo::new(move |_| resolved.get().1);
    provide_context(CurrentRoute { locale, page });

    // Keep the document in step with the route, then tell tests and tools the page is there.
    Effect::new(move |_| {
        let locale = locale.get();
        let page = page.get();
        let document = document();
        // The app has started: the static fallback in index.html has done its job.
        if let Some(fallback) = document.get_element_by_id("static-fallback") {
            fallback.remove();
        }
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", locale.tag());
            let _ = root.set_attribute("data-app-ready", "true");
        }
        document.set_title(&format!(
            "{} · {}",
            page_title(&page).get(locale),
            Msg::SiteName.get(locale)
        ));
        head::set_description(page_description(&page).get(locale));
        head::set_alternates(&page);
        window().scroll_to_with_x_and_y(0.0, 0.0);
    });

    view! {
        <a class="skip-link" href="#main" on:click=move |event| {
            // The skip link must not change the hash route.
            event.prevent_default();
            if let Some(main) = document().get_element_by_id("main") {
                let _ = main.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }>{move || Msg::SkipToContent.get(locale.get())}</a>
        <Header/>
        <main id="main" tabindex="-1">
            {move || match page.get() {
                Page::Home => pages::home::HomePage().into_any(),
                Page::Initiative => pages::initiative::InitiativePage().into_any(),
                Page::Azerbaijan => pages::azerbaijan::AzerbaijanPage().into_any(),
                Page::Nextgen => pages::nextgen::NextgenPage().into_any(),
                Page::Climate => pages::climate::ClimatePage().into_any(),
                Page::Data => pages::data::DataPage().into_any(),
                Page::Sources => pages::sources::SourcesPage().into_any(),
                Page::About => pages::about::AboutPage().into_any(),
                Page::NotFound(_) => pages::not_found::NotFoundPage().into_any(),
            }}
        </main>
        <Footer/>
    }
}
