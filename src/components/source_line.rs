//! "Sources:" and the linked sources, for facts that carry sources but no rating.

use crate::app::use_route;
use crate::components::figure::CitedSources;
use klaster_core::i18n::Msg;
use klaster_core::queries::cited_sources;
use klaster_core::resources::Source;
use leptos::prelude::*;
use std::rc::Rc;

/// `compact`: one line naming the publishers, the full citations one click away; for
/// embeds, where the chart must not push the article down with a list.
#[component]
pub fn SourceLine(
    ids: Vec<String>,
    sources: Rc<Vec<Source>>,
    #[prop(optional)] compact: bool,
) -> impl IntoView {
    let locale = use_route().locale;
    if ids.is_empty() {
        return None;
    }
    let label = move || Msg::Sources.get(locale.get());
    if compact {
        let mut publishers: Vec<String> = Vec::new();
        for source in cited_sources(&sources, &ids) {
            if !publishers.contains(&source.publisher) {
                publishers.push(source.publisher.clone());
            }
        }
        return Some(
            view! {
                <details class="source-line source-line--compact">
                    <summary>
                        <span class="source-line__label">{label} ":"</span> " " {publishers.join(", ")}
                    </summary>
                    <CitedSources ids sources/>
                </details>
            }
            .into_any(),
        );
    }
    Some(
        view! {
            <div class="source-line">
                <span class="source-line__label">{label} ":"</span>
                <CitedSources ids sources/>
            </div>
        }
        .into_any(),
    )
}
