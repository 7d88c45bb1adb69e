use crate::app::use_route;
use klaster_core::format::{format_date, format_value};
use klaster_core::i18n::{confidence_help, confidence_label, Msg};
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
    let cited: Vec<Source> = figure.with_value(|f| {
        f.sources
            .iter()
            .filter_map(|id| sources.iter().find(|s| &s.id == id).cloned())
            .collect()
    });
    let cited = StoredValue::new(cited);
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
            <dl class="figure__details" id=panel_id hidden=move || !open.get()>
                <dt>{move || Msg::AsOf.get(locale.get())}</dt>
                <dd>{move || figure.with_value(|f| format_date(f.as_of, locale.get()))}</dd>
                <dt>{move || Msg::ConfidenceLabel.get(locale.get())}</dt>
                <dd>
                    <strong>{move || confidence_label(confidence).get(locale.get())}</strong>
                    ": " {move || confidence_help(confidence).get(locale.get())}
                </dd>
                <dt>{move || Msg::Sources.get(locale.get())}</dt>
                <dd>
                    <ul>
                        {cited.with_value(|cited| cited.iter().map(|source| view! {
                            <li>
                                <a href=source.url.clone() rel="noopener noreferrer" target="_blank">{source.title.clone()}</a>
                                " (" {source.publisher.clone()}
                                {let date = source.published; move || date.map(|date| format!(", {}", format_date(date, locale.get())))} ")"
                            </li>
                        }).collect_view())}
                    </ul>
                </dd>
                {figure.with_value(|f| f.note.clone()).map(|note| view! {
                    <dt>{move || Msg::Note.get(locale.get())}</dt>
                    <dd>{move || note.get(locale.get()).to_string()}</dd>
                })}
            </dl>
        </div>
    }
}
