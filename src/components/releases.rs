//! The data releases on the data page, newest first: each with its date, its unchanging
//! files and its changelog (the kind of each change, its words and the records it
//! touched, a figure linking to its page), and the Atom feed that follows them. Every
//! release and change has an anchor the feed's entries link to.

use crate::context::use_site;
use klaster_core::feed::{change_anchor, release_anchor};
use klaster_core::format::format_date;
use klaster_core::i18n::Msg;
use klaster_core::release::change_kind_label;
use leptos::prelude::*;

/// The feed of a language, below the site's root: `en/feed.xml`.
pub fn feed_file(locale: klaster_core::Locale) -> String {
    format!("{}/feed.xml", locale.tag())
}

#[component]
pub fn ReleaseList() -> impl IntoView {
    let site = use_site();
    let locale = site.locale;
    let frozen: Vec<String> = site
        .index
        .releases
        .iter()
        .map(|f| f.release.version.clone())
        .collect();
    let releases = site
        .package
        .descriptor
        .releases
        .iter()
        .enumerate()
        .map(|(index, release)| {
            let version = release.version.clone();
            let anchor = release_anchor(&version);
            let files = if frozen.contains(&version) {
                view! {
                    <p class="release__files">
                        {Msg::ReleaseFiles.get(locale)} ": "
                        <a href=site.link(&format!("data/releases/{version}/datapackage.json"))>
                            {format!("data/releases/{version}/")}
                        </a>
                    </p>
                }
                .into_any()
            } else {
                view! { <p class="release__files">{Msg::ReleaseNotKept.get(locale)}</p> }.into_any()
            };
            let changes = release
                .changes
                .iter()
                .enumerate()
                .map(|(c, change)| {
                    let ids = change
                        .ids
                        .iter()
                        .map(|id| match site.index.figure(id) {
                            Some(_) => view! { <a href=site.figure_link(id)><code>{id.clone()}</code></a> }.into_any(),
                            None => view! { <code>{id.clone()}</code> }.into_any(),
                        })
                        .collect::<Vec<_>>();
                    let touched = (!ids.is_empty()).then(|| {
                        let mut joined = Vec::new();
                        for (i, id) in ids.into_iter().enumerate() {
                            if i > 0 {
                                joined.push(view! { ", " }.into_any());
                            }
                            joined.push(id);
                        }
                        view! {
                            <span class="release__ids">{Msg::ReleaseTouched.get(locale)} ": " {joined}</span>
                        }
                    });
                    view! {
                        <li id=change_anchor(&version, c) data-kind=change.kind.key()>
                            <strong>{change_kind_label(change.kind).get(locale)}</strong> ": "
                            {change.text.get(locale).to_string()} " " {touched}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="release" id=anchor.clone() aria-labelledby=format!("{anchor}-title")>
                    <h3 id=format!("{anchor}-title")>
                        {Msg::ReleaseVersion.get(locale)} " " {version.clone()} " · "
                        <time datetime=release.date.to_string()>{format_date(release.date, locale)}</time>
                        {(index == 0).then(|| view! { " · " <span class="release__current">{Msg::ReleaseCurrent.get(locale)}</span> })}
                    </h3>
                    {files}
                    <ul class="release__changes">{changes}</ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="releases" class="releases">
            <h2 id="releases">{Msg::ChangelogTitle.get(locale)}</h2>
            <p>{Msg::ReleasesLead.get(locale)}</p>
            <p><a class="feed-link" href=site.link(&feed_file(locale)) type="application/atom+xml">{Msg::FeedSubscribe.get(locale)}</a></p>
            {releases}
        </section>
    }
}
