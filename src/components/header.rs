use crate::app::use_route;
use crate::components::cached_data::CachedDataNotice;
use crate::components::theme::ThemeToggle;
use klaster_core::i18n::{page_title, Msg};
use klaster_core::route::{Page, Route};
use leptos::prelude::*;

/// Site name, language switch and the main navigation.
#[component]
pub fn Header() -> impl IntoView {
    let route = use_route();
    let locale = route.locale;
    let other = move || locale.get().other();
    view! {
        <header class="site-header">
            <div class="site-header__bar">
                <a class="site-name" href=move || Route::href(locale.get(), &Page::Home)>
                    <span class="site-name__mark" aria-hidden="true">"K"</span>
                    <span>{move || Msg::SiteName.get(locale.get())}</span>
                </a>
                <div class="site-header__tools">
                <ThemeToggle/>
                <a
                    class="language-switch"
                    hreflang=move || other().tag()
                    lang=move || other().tag()
                    aria-label=move || Msg::LanguageSwitchLabel.get(locale.get())
                    href=move || Route::href(other(), &route.page.get())
                >
                    {move || Msg::LanguageSwitch.get(locale.get())}
                </a>
                </div>
            </div>
            <p class="site-tagline">{move || Msg::SiteTagline.get(locale.get())}</p>
            <CachedDataNotice/>
            <nav aria-label=move || Msg::MainNavigation.get(locale.get())>
                <ul class="site-nav">
                    {Page::NAVIGATION
                        .into_iter()
                        .map(|page| {
                            let target = page.clone();
                            let current = move || route.page.get() == target;
                            let href_page = page.clone();
                            view! {
                                <li>
                                    <a
                                        href=move || Route::href(locale.get(), &href_page)
                                        aria-current=move || current().then_some("page")
                                    >
                                        {move || page_title(&page).get(locale.get())}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </header>
    }
}
