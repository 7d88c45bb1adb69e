//! Glossary terms from the data package, explained where a page uses them.

use crate::components::source_line::SourceLine;
use crate::context::use_site;
use klaster_core::queries::glossary_entries;
use leptos::prelude::*;

/// The glossary entries `ids`, in that order, with their plain-language definitions and
/// their sources where they have any.
#[component]
pub fn Terms(ids: &'static [&'static str]) -> impl IntoView {
    let site = use_site();
    let locale = site.locale;
    let entries: Vec<_> = glossary_entries(site.glossary(), ids)
        .into_iter()
        .cloned()
        .collect();
    view! {
        <dl class="terms">
            {entries.into_iter().map(|entry| view! {
                <dt>{entry.term.get(locale).to_string()}</dt>
                <dd>
                    <p>{entry.definition.get(locale).to_string()}</p>
                    <SourceLine ids=entry.sources/>
                </dd>
            }).collect_view()}
        </dl>
    }
}
