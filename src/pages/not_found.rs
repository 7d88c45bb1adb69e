use crate::app::use_route;
use klaster_core::i18n::Msg;
use klaster_core::route::{Page, Route};
use leptos::prelude::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let locale = use_route().locale;
    view! {
        <article class="page">
            <h1>{move || Msg::NotFoundTitle.get(locale.get())}</h1>
            <p>{move || Msg::NotFoundBody.get(locale.get())}</p>
            <p><a href=move || Route::href(locale.get(), &Page::Home)>{move || Msg::NotFoundBack.get(locale.get())}</a></p>
        </article>
    }
}
