//! A list of dated events: date (or date span), kind, title, description, who was
//! involved, and the event's sources and confidence one click away, on the event's line.

use crate::components::figure::FigureDetails;
use crate::context::use_site;
use klaster_core::i18n::{event_kind_label, Msg};
use klaster_core::queries::{actor_names, format_date_span, Provenance};
use klaster_core::resources::TimelineEvent;
use leptos::prelude::*;

/// `events` as an ordered list, in the order given. `id_prefix` keeps element ids unique
/// when the same event appears twice on a page.
#[component]
pub fn Timeline(events: Vec<TimelineEvent>, id_prefix: &'static str) -> impl IntoView {
    let site = use_site();
    let locale = site.locale;
    let actors = site.actors();
    view! {
        <ol class="timeline">
            {events.into_iter().map(|event| {
                let (date, end, kind) = (event.date, event.end, event.kind);
                let names = actor_names(actors, &event.actors, locale).join(", ");
                let title_id = format!("{id_prefix}-{}-title", event.id);
                view! {
                    <li class="timeline__item" data-kind=kind.key()>
                        // The event's line is what opens onto what happened, who took part and
                        // the sources: a long timeline reads as dates and titles on a phone,
                        // each one tap from the rest.
                        <details class="timeline__more">
                            <summary>
                                <span class="timeline__meta">
                                    {match end {
                                        None => view! {
                                            <time datetime=date.to_string()>{format_date_span(date, None, locale)}</time>
                                        }.into_any(),
                                        Some(_) => view! {
                                            <span class="timeline__date">{format_date_span(date, end, locale)}</span>
                                        }.into_any(),
                                    }}
                                    <span class="timeline__kind">{event_kind_label(kind).get(locale)}</span>
                                </span>
                                <h3 class="timeline__title" id=title_id>{event.title.get(locale).to_string()}</h3>
                            </summary>
                            <p class="timeline__description">{event.description.get(locale).to_string()}</p>
                            {(!names.is_empty()).then(|| view! {
                                <p class="timeline__actors">
                                    <span class="timeline__actors-label">{Msg::PagesInvolved.get(locale)} ": "</span>
                                    {names}
                                </p>
                            })}
                            <FigureDetails provenance=Provenance::of_event(&event)/>
                        </details>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
