//! "Sources:" and the linked sources, for facts that carry sources but no rating.

use crate::app::use_route;
use crate::components::figure::CitedSources;
use klaster_core::i18n::Msg;
use klaster_core::resources::Source;
use leptos::prelude::*;
use std::rc::Rc;

#[component]
pub fn SourceLine(ids: Vec<String>, sources: Rc<Vec<Source>>) -> impl IntoView {
    let locale = use_route().locale;
    (!ids.is_empty()).then(|| {
        view! {
            <div class="source-line">
                <span class="source-line__label">{move || Msg::Sources.get(locale.get())} ":"</span>
                <CitedSources ids sources/>
            </div>
        }
    })
}
