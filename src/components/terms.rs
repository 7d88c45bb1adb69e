//! Glossary terms from the data package, explained where a page uses them.

use crate::components::source_line::SourceLine;
use crate::context::use_site;
use klaster_core::queries::glossary_entries;
use leptos::prelude::*;

/// The glossary entries `ids`, in that order, each opening to its plain-language
/// definition and its sources where it has any.
#[component]
pub fn Terms(
    ids: &'static [&'static str],
    /// The first term open from the start: it is what the section explains; the others
    /// are a key to it, one tap away, so the section stays short on a phone.
    #[prop(optional)]
    open_first: bool,
) -> impl IntoView {
    let site = use_site();
    let locale = site.locale;
    let entries: Vec<_> = glossary_entries(site.glossary(), ids)
        .into_iter()
        .cloned()
        .collect();
    view! {
        <ul class="terms">
            {entries.into_iter().enumerate().map(|(i, entry)| view! {
                <li>
                    <details class="term" open=open_first && i == 0>
                        <summary class="term__name">{entry.term.get(locale).to_string()}</summary>
                        <p>{entry.definition.get(locale).to_string()}</p>
                        <SourceLine ids=entry.sources/>
                    </details>
                </li>
            }).collect_view()}
        </ul>
    }
}
