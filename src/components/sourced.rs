//! Compact sourced values for table cells, timelines and lists: the value (or a date, or
//! a short label) opens the same details as a figure card, in a native `<details>`.

use crate::components::figure::{confidence_key, FigureDetails};
use crate::context::use_site;
use klaster_core::format::format_value;
use klaster_core::i18n::{confidence_label, Msg};
use klaster_core::queries::Provenance;
use klaster_core::{Confidence, Figure};
use leptos::prelude::*;

/// A figure's formatted value that opens its source, date and confidence. What it
/// measures is repeated in the details, since a cell shows only the number.
#[component]
pub fn SourcedCell<M: Clone + Send + Sync + 'static>(figure: Figure<M>) -> impl IntoView {
    let site = use_site();
    site.note_shown(&figure.id);
    let locale = site.locale;
    view! {
        <SourcedText
            text=format_value(figure.value, figure.unit, figure.qualifier, locale)
            provenance=Provenance::of_figure(&figure)
            label=figure.label.get(locale).to_string()
            figure=figure.id.clone()
        />
    }
}

/// Any short text (a value, a date, a name) whose provenance opens below it.
/// Unverified, derived and low-confidence facts carry their badge in words.
#[component]
pub fn SourcedText(
    #[prop(into)] text: String,
    provenance: Provenance,
    /// What the text is, shown at the top of the details.
    #[prop(optional, into)]
    label: Option<String>,
    /// The text already says what it opens, so no hint is added for screen readers.
    #[prop(optional)]
    bare: bool,
    /// The id of what the details are about, for a summary whose text does not say it.
    #[prop(optional, into)]
    described_by: Option<String>,
    /// The figure's id, when the text is a figure: its details link to its page.
    #[prop(optional, into)]
    figure: Option<String>,
) -> impl IntoView {
    let locale = use_site().locale;
    let confidence = provenance.confidence;
    view! {
        <details class="sourced" class:sourced--bare=bare data-confidence=confidence_key(confidence)>
            <summary class="sourced__toggle" aria-describedby=described_by>
                <span class="sourced__text">{text}</span>
                <ConfidenceBadge confidence/>
                {(!bare).then(|| view! {
                    <span class="sourced__hint">{format!(" ({})", Msg::FigureDetails.get(locale))}</span>
                })}
            </summary>
            <div class="sourced__panel">
                {label.map(|label| view! { <p class="sourced__label">{label}</p> })}
                <FigureDetails provenance figure/>
            </div>
        </details>
    }
}

/// The confidence in words, shown only where a reader must be warned.
#[component]
pub fn ConfidenceBadge(confidence: Confidence) -> impl IntoView {
    let locale = use_site().locale;
    confidence.needs_warning().then(|| {
        view! {
            <span class="badge" data-confidence=confidence_key(confidence)>
                {confidence_label(confidence).get(locale)}
            </span>
        }
    })
}
