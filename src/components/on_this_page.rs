//! Long pages read on a phone: a list of the page's sections at the top (each section is
//! linkable by its address, `#nextgen-partners`), and a way back to the top that stays in
//! reach while the reader scrolls.

use crate::context::use_site;
use klaster_core::i18n::Msg;
use klaster_core::route::Page;
use leptos::prelude::*;

/// One section of a page: its element id and its heading.
pub type SectionRef = (&'static str, Msg);

/// "On this page" and the page's sections, in order.
#[component]
pub fn OnThisPage(sections: &'static [SectionRef]) -> impl IntoView {
    let locale = use_site().locale;
    // One line until a reader opens it: on a phone the page's own text comes first.
    view! {
        <nav class="on-this-page" aria-label=Msg::OnThisPage.get(locale)>
            <details>
                <summary class="on-this-page__title">{Msg::OnThisPage.get(locale)}</summary>
                <ol>
                    {sections.iter().map(|(id, title)| view! {
                        <li><a href=format!("#{id}")>{title.get(locale)}</a></li>
                    }).collect_view()}
                </ol>
            </details>
        </nav>
    }
}

/// A page section whose heading links to itself, so a reader can copy its address.
#[component]
pub fn Section(
    section: SectionRef,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    let locale = use_site().locale;
    let (id, title) = section;
    view! {
        <section id=id aria-labelledby=format!("{id}-title") class=class>
            <h2 id=format!("{id}-title")>
                {title.get(locale)}
                " "
                <a class="section-link" href=format!("#{id}") aria-label=format!("{}: {}", Msg::SectionLink.get(locale), title.get(locale))>"#"</a>
            </h2>
            {children()}
        </section>
    }
}

/// Back to the top of the page, and the same page in the other language, kept at the foot
/// of the screen once the reader is a screen down: the header with its language switch is
/// then far above, and this switch takes the reader to the section they are reading.
#[component]
pub fn BackToTop() -> impl IntoView {
    let site = use_site();
    let locale = site.locale;
    let other = locale.other();
    let here = site.page().cloned().unwrap_or(Page::Home);
    view! {
        <div class="back-to-top">
            <a href="#top">{Msg::BackToTop.get(locale)}</a>
            <a href=site.page_link(other, &here) hreflang=other.tag() lang=other.tag()
                aria-label=Msg::LanguageSwitchLabel.get(locale) data-keeps-place="">
                {Msg::LanguageSwitch.get(locale)}
            </a>
        </div>
    }
}
