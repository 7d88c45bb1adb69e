//! "Sources:" and the linked sources, for facts that carry sources but no rating.

use crate::app::use_route;
use crate::components::figure::CitedSources;
use klaster_core::i18n::Msg;
use klaster_core::queries::publishers;
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
        let publishers = publishers(&sources, &ids).join(", ");
        return Some(
            view! {
                <details class="source-line source-line--compact">
                    <summary>
                        <span class="source-line__label">{label} ":"</span> " " {publishers}
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
