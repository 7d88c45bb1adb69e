//! Compact sourced values for table cells, timelines and lists: the value (or a date, or
//! a short label) is a button that opens the same details as a figure card.

use crate::app::use_route;
use crate::components::figure::FigureDetails;
use klaster_core::format::format_value;
use klaster_core::i18n::{confidence_label, Msg};
use klaster_core::queries::Provenance;
use klaster_core::resources::Source;
use klaster_core::{Confidence, Figure};
use leptos::prelude::*;
use std::rc::Rc;

/// A figure's formatted value that opens its source, date and confidence on click or key
/// press. What it measures (`label`) is repeated in the details, since a cell shows only
/// the number.
#[component]
pub fn SourcedCell<M: Clone + Send + Sync + 'static>(
    figure: Figure<M>,
    sources: Rc<Vec<Source>>,
) -> impl IntoView {
    let locale = use_route().locale;
    let (value, unit, qualifier) = (figure.value, figure.unit, figure.qualifier);
    let label = figure.label.clone();
    view! {
        <SourcedText
            panel_id=format!("cell-{}", figure.id)
            text=move || format_value(value, unit, qualifier, locale.get())
            provenance=Provenance::of_figure(&figure)
            sources
            label=Signal::derive(move || label.get(locale.get()).to_string())
        />
    }
}

/// Any short text (a value, a date, a name) whose provenance opens below it.
/// Unverified, derived and low-confidence facts carry their badge in words.
#[component]
pub fn SourcedText(
    panel_id: String,
    #[prop(into)] text: Signal<String>,
    provenance: Provenance,
    sources: Rc<Vec<Source>>,
    /// What the text is, shown at the top of the details.
    #[prop(optional, into)]
    label: Option<Signal<String>>,
    /// The text already says what the button does, so no hint is added for screen readers.
    #[prop(optional)]
    bare: bool,
    /// The id of what the details are about, for a button whose text does not say it.
    #[prop(optional, into)]
    described_by: Option<String>,
) -> impl IntoView {
    let locale = use_route().locale;
    let open = RwSignal::new(false);
    let confidence = provenance.confidence;
    view! {
        <div class="sourced" class:sourced--bare=bare data-confidence=confidence_key(confidence)>
            <button
                type="button"
                class="sourced__toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls=panel_id.clone()
                aria-describedby=described_by
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span class="sourced__text">{text}</span>
                <ConfidenceBadge confidence/>
                {(!bare).then(|| view! {
                    <span class="sourced__hint">{move || format!(" ({})", Msg::FigureDetails.get(locale.get()))}</span>
                })}
            </button>
            <div class="sourced__panel" id=panel_id.clone() hidden=move || !open.get()>
                {label.map(|label| view! { <p class="sourced__label">{label}</p> })}
                <FigureDetails id=format!("{panel_id}-details") provenance sources open/>
            </div>
        </div>
    }
}

/// The confidence in words, shown only where a reader must be warned.
#[component]
pub fn ConfidenceBadge(confidence: Confidence) -> impl IntoView {
    let locale = use_route().locale;
    confidence.needs_warning().then(|| {
        view! {
            <span class="badge" data-confidence=confidence_key(confidence)>
                {move || confidence_label(confidence).get(locale.get())}
            </span>
        }
    })
}

/// The lower-case key the stylesheet uses: `unverified`, `derived`, …
pub fn confidence_key(confidence: Confidence) -> String {
    format!("{confidence:?}").to_lowercase()
}
