//! What every extraction needs: points from figures, and the chart's source line and
//! as-of date from the figures it shows.

use crate::charts::catalog::ChartId;
use crate::charts::model::{ChartSpec, Point};
use crate::charts::text::ChartMsg;
use crate::date::PartialDate;
use crate::figure::{Figure, Unit};
use crate::format::{format_date, unit_label};
use crate::resources::Source;
use crate::text::{Locale, Text};

/// A figure as a point on the time axis at `date`.
pub fn point<M>(figure: &Figure<M>, date: PartialDate) -> Point {
    Point {
        x: date.as_fractional_year(),
        y: figure.value,
        figure_id: figure.id.clone(),
        date,
        qualifier: figure.qualifier,
        confidence: figure.confidence,
        label: None,
    }
}

/// Orders points along the time axis.
pub fn sort_by_time(points: &mut [Point]) {
    points.sort_by(|a, b| a.x.total_cmp(&b.x));
}

/// A unit's label in both languages.
pub fn unit_text(unit: Unit) -> Text {
    Text::new(unit_label(unit, Locale::Az), unit_label(unit, Locale::En))
}

/// A date as each language writes it.
pub fn date_text(date: PartialDate) -> Text {
    Text::new(format_date(date, Locale::Az), format_date(date, Locale::En))
}

/// "label (date)".
pub fn dated(label: ChartMsg, date: PartialDate) -> Text {
    ChartMsg::Dated.fill(&[("label", &label.text()), ("date", &date_text(date))])
}

/// "label (unit)".
pub fn with_unit(label: &Text, unit: Unit) -> Text {
    ChartMsg::WithUnit.fill(&[("label", label), ("unit", &unit_text(unit))])
}

/// Collects where a chart's values come from, for its source line and as-of date.
pub struct Attribution<'a> {
    sources: &'a [Source],
    source_ids: Vec<String>,
    as_of: Option<PartialDate>,
}

impl<'a> Attribution<'a> {
    pub fn new(sources: &'a [Source]) -> Attribution<'a> {
        Attribution {
            sources,
            source_ids: Vec::new(),
            as_of: None,
        }
    }

    pub fn figure<M>(&mut self, figure: &Figure<M>) {
        self.record(&figure.sources, figure.as_of);
    }

    pub fn record(&mut self, sources: &[String], date: PartialDate) {
        for id in sources {
            if !self.source_ids.contains(id) {
                self.source_ids.push(id.clone());
            }
        }
        self.as_of = self.as_of.max(Some(date));
    }

    /// The publishers of every source, once each, in the order first used.
    fn source_line(&self) -> Text {
        let list = crate::queries::publishers(self.sources, &self.source_ids).join("; ");
        ChartMsg::SourcesLine.fill(&[("sources", &Text::new(list.clone(), list))])
    }

    pub fn spec(&self, id: ChartId, title: Text, subtitle: Text, notes: Vec<Text>) -> ChartSpec {
        ChartSpec {
            id,
            title,
            subtitle,
            source: self.source_line(),
            notes,
            as_of: self.as_of,
        }
    }
}
