use crate::app::use_route;
use klaster_core::i18n::Msg;
use klaster_core::route::{Page, Route};
use leptos::prelude::*;

#[component]
pub fn AboutPage() -> impl IntoView {
    let locale = use_route().locale;
    view! {
        <article class="page">
            <h1>{move || Msg::AboutTitle.get(locale.get())}</h1>
            <p class="lead">{move || Msg::AboutBody.get(locale.get())}</p>
            <p>
                <a href=move || Route::href(locale.get(), &Page::Data)>{move || Msg::DataTitle.get(locale.get())}</a>
                " · "
                <a href=move || Route::href(locale.get(), &Page::Sources)>{move || Msg::SourcesTitle.get(locale.get())}</a>
            </p>
        </article>
    }
}
