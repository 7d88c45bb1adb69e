//! A list of dated events: date (or date span), kind, title, description, who was
//! involved, and the event's sources and confidence one click away.

use crate::app::use_route;
use crate::components::sourced_cell::SourcedText;
use klaster_core::i18n::Msg;
use klaster_core::queries::{actor_names, format_date_span, Provenance};
use klaster_core::resources::{Actor, EventKind, Source, TimelineEvent};
use klaster_core::{Locale, Text};
use leptos::prelude::*;
use std::rc::Rc;

/// `events` as an ordered list, in the order given. `id_prefix` keeps element ids unique
/// when the same event appears twice on a page.
#[component]
pub fn Timeline(
    events: Vec<TimelineEvent>,
    actors: Rc<Vec<Actor>>,
    sources: Rc<Vec<Source>>,
    id_prefix: &'static str,
) -> impl IntoView {
    let locale = use_route().locale;
    view! {
        <ol class="timeline">
            {events.into_iter().map(|event| {
                let (date, end, kind) = (event.date, event.end, event.kind);
                let names = Text::new(
                    actor_names(&actors, &event.actors, Locale::Az).join(", "),
                    actor_names(&actors, &event.actors, Locale::En).join(", "),
                );
                let has_actors = !names.en.is_empty();
                let title = event.title.clone();
                let title_id = format!("{id_prefix}-{}-title", event.id);
                let description = event.description.clone();
                view! {
                    <li class="timeline__item" data-kind=format!("{kind:?}").to_lowercase()>
                        <p class="timeline__meta">
                            {match end {
                                None => view! {
                                    <time datetime=date.to_string()>{move || format_date_span(date, None, locale.get())}</time>
                                }.into_any(),
                                Some(_) => view! {
                                    <span class="timeline__date">{move || format_date_span(date, end, locale.get())}</span>
                                }.into_any(),
                            }}
                            <span class="timeline__kind">{move || event_kind_label(kind).get(locale.get())}</span>
                        </p>
                        <h3 class="timeline__title" id=title_id.clone()>{move || title.get(locale.get()).to_string()}</h3>
                        <p class="timeline__description">{move || description.get(locale.get()).to_string()}</p>
                        {has_actors.then(|| view! {
                            <p class="timeline__actors">
                                <span class="timeline__actors-label">{move || Msg::PagesInvolved.get(locale.get())} ": "</span>
                                {move || names.get(locale.get()).to_string()}
                            </p>
                        })}
                        <SourcedText
                            panel_id=format!("{id_prefix}-{}", event.id)
                            text=move || Msg::FigureDetails.get(locale.get()).to_string()
                            provenance=Provenance::of_event(&event)
                            sources=sources.clone()
                            bare=true
                            described_by=title_id
                        />
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

pub fn event_kind_label(kind: EventKind) -> Msg {
    match kind {
        EventKind::Institution => Msg::PagesEventKindInstitution,
        EventKind::Policy => Msg::PagesEventKindPolicy,
        EventKind::Agreement => Msg::PagesEventKindAgreement,
        EventKind::Announcement => Msg::PagesEventKindAnnouncement,
        EventKind::Meeting => Msg::PagesEventKindMeeting,
        EventKind::Statement => Msg::PagesEventKindStatement,
        EventKind::Recognition => Msg::PagesEventKindRecognition,
        EventKind::Construction => Msg::PagesEventKindConstruction,
    }
}
