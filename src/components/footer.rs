use crate::app::use_route;
use klaster_core::i18n::Msg;
use klaster_core::route::{Page, Route};
use leptos::prelude::*;

#[component]
pub fn Footer() -> impl IntoView {
    let locale = use_route().locale;
    view! {
        <footer class="site-footer">
            <p>
                {move || Msg::FooterLicence.get(locale.get())} " "
                <a href="https://creativecommons.org/licenses/by/4.0/" rel="license">"CC BY 4.0"</a>
            </p>
            <p>
                <a href=move || Route::href(locale.get(), &Page::Sources)>
                    {move || Msg::FooterSources.get(locale.get())}
                </a>
                " · "
                <a href=move || Route::href(locale.get(), &Page::Data)>
                    {move || Msg::NavData.get(locale.get())}
                </a>
            </p>
            <p class="site-footer__small">{move || Msg::FooterIndependent.get(locale.get())}</p>
        </footer>
    }
}
