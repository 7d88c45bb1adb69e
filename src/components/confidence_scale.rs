use crate::app::use_route;
use crate::components::sourced_cell::confidence_key;
use klaster_core::i18n::{confidence_help, confidence_label};
use klaster_core::Confidence;
use leptos::prelude::*;

/// Every confidence level with what it means, as a reader's key to the badges.
#[component]
pub fn ConfidenceScale() -> impl IntoView {
    let locale = use_route().locale;
    view! {
        <dl class="confidence-scale">
            {Confidence::ALL.into_iter().map(|confidence| view! {
                <dt><span class="badge" data-confidence=confidence_key(confidence)>
                    {move || confidence_label(confidence).get(locale.get())}
                </span></dt>
                <dd>{move || confidence_help(confidence).get(locale.get())}</dd>
            }).collect_view()}
        </dl>
    }
}
