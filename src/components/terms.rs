//! Glossary terms from the data package, explained where a page uses them.

use crate::app::use_route;
use crate::components::dataset::{ready, Dataset};
use crate::components::source_line::SourceLine;
use klaster_core::queries::glossary_entries;
use klaster_core::resources::{GlossaryEntry, Source};
use leptos::prelude::*;
use std::rc::Rc;

/// Terms and their plain-language definitions, with their sources where they have any.
#[component]
pub fn TermList(entries: Vec<GlossaryEntry>, sources: Rc<Vec<Source>>) -> impl IntoView {
    let locale = use_route().locale;
    view! {
        <dl class="terms">
            {entries.into_iter().map(|entry| {
                let (term, definition) = (entry.term, entry.definition);
                view! {
                    <dt>{move || term.get(locale.get()).to_string()}</dt>
                    <dd>
                        <p>{move || definition.get(locale.get()).to_string()}</p>
                        <SourceLine ids=entry.sources sources=sources.clone()/>
                    </dd>
                }
            }).collect_view()}
        </dl>
    }
}

/// The glossary entries `ids`, in that order, once the glossary and the sources load.
#[component]
pub fn Terms(
    ids: &'static [&'static str],
    glossary: Dataset<Vec<GlossaryEntry>>,
    sources: Dataset<Vec<Source>>,
) -> impl IntoView {
    move || {
        ready(glossary)
            .and(ready(sources))
            .view(|(glossary, sources)| {
                let entries = glossary_entries(&glossary.value, ids)
                    .into_iter()
                    .cloned()
                    .collect();
                view! { <TermList entries sources=sources.value/> }
            })
    }
}
