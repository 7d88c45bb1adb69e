//! The page a host serves for an address it does not have (`404.html`). It cannot know
//! which language the reader came from, so it speaks both.

use crate::context::use_site;
use klaster_core::i18n::Msg;
use klaster_core::route::Page;
use klaster_core::Locale;
use leptos::prelude::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let site = use_site();
    let locale = site.locale;
    let other = locale.other();
    view! {
        <article class="page">
            <h1>{Msg::NotFoundTitle.get(locale)}</h1>
            <p>{Msg::NotFoundBody.get(locale)}</p>
            <p class="link-line"><a href=site.page_link(locale, &Page::Home)>{Msg::NotFoundBack.get(locale)}</a></p>
            <div lang=other.tag()>
                <h2>{Msg::NotFoundTitle.get(other)}</h2>
                <p>{Msg::NotFoundBody.get(other)}</p>
                <p class="link-line"><a href=site.page_link(other, &Page::Home) hreflang=other.tag()>{Msg::NotFoundBack.get(other)}</a></p>
            </div>
        </article>
    }
}

/// The not-found page is written once: Azerbaijani first, for the portal's readers, then
/// English.
pub const NOT_FOUND_LOCALE: Locale = Locale::Az;
