//! The site's root: the portal in brief in both languages and a door to each. The boot
//! script sends a reader on to their language at once, and turns a link shared from an
//! earlier release (`#/en/climate`) into its page (`en/climate/`); the pages it may send
//! to are listed on `<main>` (`data-pages`), from the same list as the navigation.

use crate::context::use_site;
use klaster_core::i18n::Msg;
use klaster_core::route::Page;
use klaster_core::Locale;
use leptos::prelude::*;

#[component]
pub fn LandingPage() -> impl IntoView {
    let site = use_site();
    let slugs: Vec<&str> = Page::NAVIGATION.iter().map(Page::slug).collect();
    let doors = Locale::ALL
        .into_iter()
        .map(|locale| {
            view! {
                <section class="landing__language" lang=locale.tag() aria-labelledby=format!("landing-{}", locale.tag())>
                    <h2 id=format!("landing-{}", locale.tag())>{Msg::HomeTitle.get(locale)}</h2>
                    <p>{Msg::HomeLead.get(locale)}</p>
                    <p>
                        <a class="landing__door" href=site.page_link(locale, &Page::Home) hreflang=locale.tag()>
                            {Msg::LandingEnter.get(locale)}
                        </a>
                    </p>
                </section>
            }
        })
        .collect_view();
    view! {
        <header class="site-header">
            <div class="site-header__bar">
                <span class="site-name"><span class="site-name__mark" aria-hidden="true">"K"</span><span>"Klaster"</span></span>
            </div>
        </header>
        <main id="main" class="page landing" data-landing="" data-pages=slugs.join(" ")>
            <h1>
                <span lang="az">{Msg::SiteTagline.get(Locale::Az)}</span>
                " · "
                <span lang="en">{Msg::SiteTagline.get(Locale::En)}</span>
            </h1>
            <div class="landing__languages">{doors}</div>
        </main>
    }
}
