use crate::components::figure::confidence_key;
use crate::context::use_site;
use klaster_core::i18n::{confidence_help, confidence_label};
use klaster_core::Confidence;
use leptos::prelude::*;

/// Every confidence level with what it means, as a reader's key to the badges.
#[component]
pub fn ConfidenceScale() -> impl IntoView {
    let locale = use_site().locale;
    view! {
        <dl class="confidence-scale">
            {Confidence::ALL.into_iter().map(|confidence| view! {
                <dt><span class="badge" data-confidence=confidence_key(confidence)>
                    {confidence_label(confidence).get(locale)}
                </span></dt>
                <dd>{confidence_help(confidence).get(locale)}</dd>
            }).collect_view()}
        </dl>
    }
}
