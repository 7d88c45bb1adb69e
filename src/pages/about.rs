use crate::context::use_site;
use klaster_core::i18n::Msg;
use klaster_core::route::Page;
use leptos::prelude::*;

#[component]
pub fn AboutPage() -> impl IntoView {
    let site = use_site();
    let locale = site.locale;
    view! {
        <article class="page">
            <h1>{Msg::AboutTitle.get(locale)}</h1>
            <p class="lead">{Msg::AboutBody.get(locale)}</p>
            <p>
                <a href=site.page_link(locale, &Page::Data)>{Msg::DataTitle.get(locale)}</a>
                " · "
                <a href=site.page_link(locale, &Page::Sources)>{Msg::SourcesTitle.get(locale)}</a>
            </p>
        </article>
    }
}
