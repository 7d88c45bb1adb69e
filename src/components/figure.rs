//! A sourced figure as one row: its value, label, date and confidence, the row itself
//! opening (a native `<details>`, which needs no script and prints open) onto its sources
//! and a link to the figure's own page, where it can be cited. Rows stack into dense lists
//! on a phone; the home page's key figures style the same rows as cards.

use crate::chart::content::source_list;
use crate::context::use_site;
use klaster_core::format::{format_date, format_value};
use klaster_core::i18n::{confidence_help, confidence_label, Msg};
use klaster_core::queries::Provenance;
use klaster_core::Figure;
use leptos::prelude::*;

/// Every row shows its confidence in words; unverified, derived and low-confidence figures
/// have it marked as a badge.
#[component]
pub fn SourcedValue<M: Clone + Send + Sync + 'static>(figure: Figure<M>) -> impl IntoView {
    let site = use_site();
    site.note_shown(&figure.id);
    let locale = site.locale;
    let confidence = figure.confidence;
    let key = confidence_key(confidence);
    let mark = if confidence.needs_warning() {
        "badge"
    } else {
        "figure__confidence"
    };
    let row_key = key.clone();
    view! {
        <div class="figure" id=format!("figure-{}", figure.id) data-confidence=row_key>
            <details class="figure__more">
                <summary class="figure__toggle">
                    <span class="figure__value">{format_value(figure.value, figure.unit, figure.qualifier, locale)}</span>
                    <span class="figure__label">{figure.label.get(locale).to_string()}</span>
                    <span class="figure__when">
                        <span>{format_date(figure.as_of, locale)}</span> " · "
                        <span class=mark data-confidence=key>{confidence_label(confidence).get(locale)}</span>
                    </span>
                </summary>
                <FigureDetails provenance=Provenance::of_figure(&figure) figure=Some(figure.id.clone())/>
            </details>
        </div>
    }
}

/// What stands behind a sourced fact: its date, confidence with its meaning, the linked
/// sources and the note, and for a figure the link to its own page. Shared by the figure
/// cards and the compact sourced values.
#[component]
pub fn FigureDetails(
    provenance: Provenance,
    /// The figure's id, when the fact is a figure.
    #[prop(optional_no_strip)]
    figure: Option<String>,
) -> impl IntoView {
    let site = use_site();
    let locale = site.locale;
    let confidence = provenance.confidence;
    view! {
        <dl class="figure__details">
            {provenance.as_of.map(|as_of| view! {
                <dt>{Msg::AsOf.get(locale)}</dt>
                <dd>{format_date(as_of, locale)}</dd>
            })}
            <dt>{Msg::ConfidenceLabel.get(locale)}</dt>
            <dd>
                <strong>{confidence_label(confidence).get(locale)}</strong>
                ": " {confidence_help(confidence).get(locale)}
            </dd>
            <dt>{Msg::Sources.get(locale)}</dt>
            <dd><CitedSources ids=provenance.sources/></dd>
            {provenance.note.map(|note| view! {
                <dt>{Msg::Note.get(locale)}</dt>
                <dd>{note.get(locale).to_string()}</dd>
            })}
        </dl>
        {figure.map(|id| view! {
            <p class="figure__page"><a href=site.figure_link(&id) data-figure-link=id>{Msg::FigurePageLink.get(locale)}</a></p>
        })}
    }
}

/// The sources behind `ids` as links, with publisher and publication date.
#[component]
pub fn CitedSources(ids: Vec<String>) -> impl IntoView {
    let site = use_site();
    source_list(&ids, site.sources(), site.locale)
}

/// The lower-case key the stylesheet and the tests use: `unverified`, `derived`, …
pub fn confidence_key(confidence: klaster_core::Confidence) -> String {
    confidence.key().to_string()
}
