//! What every portal page shares around its content: the skip link, the header (site
//! name, theme switch, language switch, navigation) and the footer.

use crate::context::{use_site, Document};
use klaster_core::format::month_names;
use klaster_core::i18n::{page_title, Msg};
use klaster_core::release::review_line;
use klaster_core::route::Page;
use leptos::prelude::*;

/// A portal page: header, `main` with `children`, footer.
#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let locale = use_site().locale;
    view! {
        <a class="skip-link" href="#main">{Msg::SkipToContent.get(locale)}</a>
        <Header/>
        <main id="main" tabindex="-1">{children()}</main>
        <Footer/>
    }
}

/// The theme switch: a button the boot script wires up, so it stays hidden where scripts
/// do not run (the system's own light or dark setting still applies there).
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let locale = use_site().locale;
    view! {
        <button type="button" class="theme-toggle" aria-pressed="false" data-theme-toggle hidden>
            <span class="theme-toggle__mark" aria-hidden="true"></span>
            <span class="theme-toggle__label">{Msg::ThemeDark.get(locale)}</span>
        </button>
    }
}

/// Site name, language switch and the main navigation.
#[component]
fn Header() -> impl IntoView {
    let site = use_site();
    let locale = site.locale;
    let other = locale.other();
    let current = site.page().cloned();
    // The same page in the other language; the not-found page offers the other
    // language's home.
    let switch_to = match (&site.document, site.path_in(other)) {
        (Document::NotFound, _) | (_, None) => site.page_link(other, &Page::Home),
        (_, Some(path)) => site.link(&path),
    };
    view! {
        <header class="site-header" id="top">
            <div class="site-header__bar">
                <a class="site-name" href=site.page_link(locale, &Page::Home)>
                    <span class="site-name__mark" aria-hidden="true">"K"</span>
                    <span>{Msg::SiteName.get(locale)}</span>
                </a>
                <div class="site-header__tools">
                    <ThemeToggle/>
                    <a
                        class="language-switch"
                        hreflang=other.tag()
                        lang=other.tag()
                        aria-label=Msg::LanguageSwitchLabel.get(locale)
                        href=switch_to
                        data-keeps-place=""
                    >
                        {Msg::LanguageSwitch.get(locale)}
                    </a>
                </div>
            </div>
            <FigureSearch/>
            <p class="site-tagline">{Msg::SiteTagline.get(locale)}</p>
            <Notices/>
            <nav aria-label=Msg::MainNavigation.get(locale)>
                <ul class="site-nav">
                    {Page::NAVIGATION
                        .into_iter()
                        .map(|page| {
                            let here = current.as_ref() == Some(&page);
                            view! {
                                <li>
                                    <a href=site.page_link(locale, &page) aria-current=here.then_some("page")>
                                        {page_title(&page).get(locale)}
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

/// What the service worker has to say, shown by the boot script: the page came from this
/// device's cache (and when it was saved: the boot script writes the date with these
/// months' names), or newer data was published while the page was open.
#[component]
fn Notices() -> impl IntoView {
    let locale = use_site().locale;
    view! {
        <p class="status status--notice site-notice" data-saved-notice="" role="status" hidden
            data-months=month_names(locale).join(" ")>
            {Msg::CachedData.get(locale)} " " {Msg::CachedDataSaved.get(locale)} ": "
            <span data-saved-when=""></span> "."
        </p>
        <p class="status status--notice site-notice" data-update-notice="" role="status" hidden>
            {Msg::UpdateAvailable.get(locale)} " " <a href="./" data-reload="">{Msg::UpdateReload.get(locale)}</a>
        </p>
    }
}

/// The header's way to the finder: a plain form, so it works with no script; the finder
/// reads the words from its address.
#[component]
fn FigureSearch() -> impl IntoView {
    let site = use_site();
    let locale = site.locale;
    view! {
        <form class="site-search" role="search" method="get"
            action=site.page_link(locale, &Page::Figures) aria-label=Msg::FinderSearchLabel.get(locale)>
            <label for="site-search-q">{Msg::FinderSearchLabel.get(locale)}</label>
            <input type="search" id="site-search-q" name="q" autocomplete="off" spellcheck="false"
                placeholder=Msg::FinderSearchLabel.get(locale)/>
            <button type="submit">{Msg::FinderSearchButton.get(locale)}</button>
        </form>
    }
}

#[component]
fn Footer() -> impl IntoView {
    let site = use_site();
    let locale = site.locale;
    view! {
        <footer class="site-footer">
            <p class="review-line" data-review-line="">{review_line(&site.package.descriptor, locale)}</p>
            <p>
                {Msg::FooterLicence.get(locale)} " "
                <a href="https://creativecommons.org/licenses/by/4.0/" rel="license">"CC BY 4.0"</a>
            </p>
            <p class="site-footer__links">
                <a href=site.page_link(locale, &Page::Sources)>{Msg::FooterSources.get(locale)}</a>
                " · "
                <a href=site.page_link(locale, &Page::Data)>{Msg::NavData.get(locale)}</a>
            </p>
            <p class="site-footer__small">{Msg::FooterIndependent.get(locale)}</p>
        </footer>
    }
}

/// Whether the document gets the portal's shell: chart pages are the chart alone.
pub fn has_shell(document: &Document) -> bool {
    matches!(
        document,
        Document::Portal(_) | Document::NotFound | Document::Figure(_)
    )
}
