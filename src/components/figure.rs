use crate::app::use_route;
use klaster_core::format::{format_date, format_value};
use klaster_core::i18n::{confidence_help, confidence_label, Msg};
use klaster_core::link::web_address;
use klaster_core::queries::{cited_sources, Provenance};
use klaster_core::resources::Source;
use klaster_core::Figure;
use leptos::prelude::*;
use std::rc::Rc;

/// A number with its source, date and confidence one click (or key press) away.
/// Unverified, derived and low-confidence figures carry a visible badge in words.
#[component]
pub fn SourcedValue<M: Clone + Send + Sync + 'static>(
    figure: Figure<M>,
    sources: Rc<Vec<Source>>,
) -> impl IntoView {
    let locale = use_route().locale;
    let open = RwSignal::new(false);
    let panel_id = format!("figure-{}", figure.id);
    let figure = StoredValue::new(figure);
    let confidence = figure.with_value(|f| f.confidence);
    view! {
        <div class="figure" data-confidence=format!("{confidence:?}").to_lowercase()>
            <p class="figure__value">
                {move || figure.with_value(|f| format_value(f.value, f.unit, f.qualifier, locale.get()))}
            </p>
            <p class="figure__label">{move || figure.with_value(|f| f.label.get(locale.get()).to_string())}</p>
            {confidence.needs_warning().then(|| view! {
                <p class="badge" data-confidence=format!("{confidence:?}").to_lowercase()>
                    {move || confidence_label(confidence).get(locale.get())}
                </p>
            })}
            <button
                type="button"
                class="figure__toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls=panel_id.clone()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || Msg::FigureDetails.get(locale.get())}
            </button>
            <FigureDetails id=panel_id provenance=figure.with_value(Provenance::of_figure) sources open/>
        </div>
    }
}

/// What stands behind a sourced fact: its date, confidence with its meaning, the linked
/// sources and the note. Shared by the figure cards and the compact sourced values.
#[component]
pub fn FigureDetails(
    id: String,
    provenance: Provenance,
    sources: Rc<Vec<Source>>,
    #[prop(into)] open: Signal<bool>,
) -> impl IntoView {
    let locale = use_route().locale;
    let confidence = provenance.confidence;
    view! {
        <dl class="figure__details" id=id hidden=move || !open.get()>
            {provenance.as_of.map(|as_of| view! {
                <dt>{move || Msg::AsOf.get(locale.get())}</dt>
                <dd>{move || format_date(as_of, locale.get())}</dd>
            })}
            <dt>{move || Msg::ConfidenceLabel.get(locale.get())}</dt>
            <dd>
                <strong>{move || confidence_label(confidence).get(locale.get())}</strong>
                ": " {move || confidence_help(confidence).get(locale.get())}
            </dd>
            <dt>{move || Msg::Sources.get(locale.get())}</dt>
            <dd><CitedSources ids=provenance.sources sources/></dd>
            {provenance.note.map(|note| view! {
                <dt>{move || Msg::Note.get(locale.get())}</dt>
                <dd>{move || note.get(locale.get()).to_string()}</dd>
            })}
        </dl>
    }
}

/// The sources behind `ids` as links, with publisher and publication date.
#[component]
pub fn CitedSources(ids: Vec<String>, sources: Rc<Vec<Source>>) -> impl IntoView {
    let locale = use_route().locale;
    let cited: Vec<Source> = cited_sources(&sources, &ids).into_iter().cloned().collect();
    view! {
        <ul>
            {cited.into_iter().map(|source| {
                let date = source.published;
                view! {
                    <li>
                        <a href=web_address(&source.url).map(str::to_string) rel="noopener noreferrer" target="_blank">{source.title}</a>
                        " (" {source.publisher}
                        {move || date.map(|date| format!(", {}", format_date(date, locale.get())))} ")"
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
