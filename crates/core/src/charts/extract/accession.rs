//! Chart (8): Azerbaijan's accession as a timeline. Every event of the accession
//! resource sits on one time axis; the events that are the accession itself (the Letter
//! of Intent and the announcement) are emphasised, and the accession date is written on
//! the axis.

use super::common::Attribution;
use super::Lack;
use crate::charts::catalog::ChartId;
use crate::charts::model::{ChartBody, ChartData, TimelineChart, TimelineMark};
use crate::charts::text::ChartMsg;
use crate::date::PartialDate;
use crate::registry::Resources;
use crate::resources::{Accession, EventKind, Milestone, MilestoneKind, Source, TimelineEvent};

/// Whether `date`, at its own precision, names `key`: `2026-01` names 23 January 2026.
fn names_the_day(date: PartialDate, key: PartialDate) -> bool {
    date.year == key.year
        && date.month.is_none_or(|m| Some(m) == key.month)
        && date.day.is_none_or(|d| Some(d) == key.day)
}

/// Whether the event is the accession itself: an agreement or an announcement dated to
/// the accession step, as precisely as the event's date goes.
fn is_accession_step(event: &TimelineEvent, accession: PartialDate) -> bool {
    matches!(event.kind, EventKind::Agreement | EventKind::Announcement)
        && names_the_day(event.date, accession)
}

pub fn timeline(resources: &Resources) -> Result<ChartData, Lack> {
    let milestones: &Vec<Milestone> = resources.get()?;
    let events: &Accession = resources.get()?;
    let sources: &Vec<Source> = resources.get()?;
    let accession = milestones
        .iter()
        .find(|m| m.kind == MilestoneKind::Accession)
        .ok_or("the milestones have no accession step")?
        .date;
    let mut attribution = Attribution::new(sources);
    let mut events: Vec<TimelineMark> = events
        .events
        .iter()
        .map(|event| {
            attribution.record(&event.sources, event.end.unwrap_or(event.date));
            TimelineMark {
                event_id: event.id.clone(),
                kind: event.kind,
                label: event.title.clone(),
                date: event.date,
                end: event.end,
                x: event.date.as_fractional_year(),
                x_end: event.end.map(PartialDate::as_fractional_year),
                confidence: event.confidence,
                key: is_accession_step(event, accession),
            }
        })
        .collect();
    // A stable sort: events on one date keep the order of the data.
    events.sort_by(|a, b| a.x.total_cmp(&b.x));
    let mut notes = Vec::new();
    if events.iter().any(|e| e.date.day.is_none()) {
        notes.push(ChartMsg::TimelineMonthNote.text());
    }
    Ok(ChartData {
        spec: attribution.spec(
            ChartId::AccessionTimeline,
            ChartMsg::TimelineTitle.text(),
            ChartMsg::TimelineSubtitle.text(),
            notes,
        ),
        body: ChartBody::Timeline(TimelineChart {
            events,
            key_date: Some(accession),
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> PartialDate {
        PartialDate::parse(text).unwrap()
    }

    #[test]
    fn a_date_names_a_day_at_its_own_precision() {
        let key = date("2026-01-23");
        assert!(names_the_day(date("2026-01-23"), key));
        assert!(names_the_day(date("2026-01"), key));
        assert!(names_the_day(date("2026"), key));
        assert!(!names_the_day(date("2026-01-21"), key));
        assert!(!names_the_day(date("2026-02"), key));
        assert!(!names_the_day(date("2020-01-21"), key));
    }
}
