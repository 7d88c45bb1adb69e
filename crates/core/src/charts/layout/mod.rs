//! Where every piece of a chart goes, in pixels: header, legend, panels or bars,
//! footer. Pure, so the drawing and the pointer lookup ([`super::hit`]) share it.

mod bars;
mod map;
mod measure;
mod panels;
mod timeline;

pub use bars::{BarRow, BarsLayout, ReferenceLayout};
pub use map::{
    class_label, ring_area, ring_contains, shape_contains, BadgeLayout, MapLayout, ShapeLayout,
};
pub use measure::*;
pub use panels::{AnnotationLayout, PanelLayout};
pub use timeline::{fit_text, EventLayout, TimelineLayout, EVENT_RADIUS, KEY_RADIUS};

use super::model::{ChartBody, ChartData, SeriesShape};
use super::style::{event_shape, MarkerShape};
use super::text::{event_kind_text, ChartMsg};
use crate::format::format_date;
use crate::text::{Locale, Text};

const PAD: f64 = 14.0;
const SWATCH: f64 = 26.0;
const MIN_PLOT_HEIGHT: f64 = 110.0;
pub const MARKER_RADIUS: f64 = 4.0;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn right(&self) -> f64 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x && x <= self.right() && y >= self.y && y <= self.bottom()
    }
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }
}

/// Which palette colour a text takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Text,
    Muted,
    Annotation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// One line of text; `y` is the top of the line.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub font: Font,
    pub tone: Tone,
    pub align: Align,
}

impl TextLine {
    fn left(text: impl Into<String>, x: f64, y: f64, font: Font, tone: Tone) -> TextLine {
        TextLine {
            text: text.into(),
            x,
            y,
            font,
            tone,
            align: Align::Left,
        }
    }
}

/// What a legend entry shows beside its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegendMark {
    /// A series' line and marker, by style index.
    Series(usize, SeriesShape),
    /// A hollow marker: unverified or worked out.
    Hollow,
    /// An outlined bar: unverified or worked out.
    OutlinedBar,
    /// The "more than" chevron.
    LowerBound,
    /// A timeline event's marker.
    Event(MarkerShape),
    /// The larger marker of a key step of a timeline.
    KeyEvent,
    /// An event's span on the time axis.
    Span,
    /// A map's shade for counts: class `index` of `of`.
    Class { index: usize, of: usize },
    /// A map's land with no count.
    NoMembers,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    pub mark: LegendMark,
    /// Left edge of the swatch.
    pub x: f64,
    /// Vertical centre of the row.
    pub y: f64,
    pub label: TextLine,
}

#[derive(Debug, Clone, PartialEq)]
pub enum BodyLayout {
    Lines(Vec<PanelLayout>),
    Bars(BarsLayout),
    Timeline(TimelineLayout),
    Map(MapLayout),
}

/// A whole chart placed on a `width` × `height` canvas.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartLayout {
    pub width: f64,
    pub height: f64,
    pub header: Vec<TextLine>,
    pub legend: Vec<LegendEntry>,
    pub body: BodyLayout,
    pub footer: Vec<TextLine>,
}

impl ChartLayout {
    pub fn new(chart: &ChartData, locale: Locale, width: f64, height: f64) -> ChartLayout {
        let inner = width - 2.0 * PAD;
        let mut header = Vec::new();
        let mut y = PAD;
        for line in wrap(chart.spec.title.get(locale), TITLE, inner) {
            header.push(TextLine::left(line, PAD, y, TITLE, Tone::Text));
            y += TITLE.line_height();
        }
        y += 2.0;
        for line in wrap(chart.spec.subtitle.get(locale), SUBTITLE, inner) {
            header.push(TextLine::left(line, PAD, y, SUBTITLE, Tone::Muted));
            y += SUBTITLE.line_height();
        }
        y += 6.0;
        let (legend, legend_bottom) = legend(chart, locale, PAD, y, inner);
        let body_top = legend_bottom + 6.0;

        // The footer takes what it needs from the bottom, dropping notes (last first)
        // rather than squeezing the plot below a readable height.
        let mut notes: Vec<&Text> = chart.spec.notes.iter().collect();
        let footer_lines = loop {
            let lines = footer_texts(chart, locale, &notes, inner);
            let footer_height = lines.len() as f64 * SMALL.line_height();
            let room = height - PAD - footer_height - 8.0 - body_top;
            if room >= MIN_PLOT_HEIGHT + 40.0 || notes.is_empty() {
                break lines;
            }
            notes.pop();
        };
        let footer_top = height - PAD - footer_lines.len() as f64 * SMALL.line_height();
        let footer = footer_lines
            .into_iter()
            .enumerate()
            .map(|(i, (text, tone))| {
                TextLine::left(
                    text,
                    PAD,
                    footer_top + i as f64 * SMALL.line_height(),
                    SMALL,
                    tone,
                )
            })
            .collect();

        let area = Rect {
            x: PAD,
            y: body_top,
            w: inner,
            h: (footer_top - 10.0 - body_top).max(MIN_PLOT_HEIGHT),
        };
        let body = match &chart.body {
            ChartBody::Lines(lines) => BodyLayout::Lines(panels::line_panels(lines, locale, area)),
            ChartBody::Bars(bars) => BodyLayout::Bars(bars::bars_layout(bars, locale, area)),
            ChartBody::Timeline(timeline) => {
                BodyLayout::Timeline(timeline::timeline_layout(timeline, locale, area))
            }
            ChartBody::Map(map) => BodyLayout::Map(map::map_layout(map, locale, area)),
        };
        ChartLayout {
            width,
            height,
            header,
            legend,
            body,
            footer,
        }
    }
}

fn footer_texts(
    chart: &ChartData,
    locale: Locale,
    notes: &[&Text],
    width: f64,
) -> Vec<(String, Tone)> {
    let mut first = String::new();
    if let Some(date) = chart.spec.as_of {
        let date = Text::new(format_date(date, Locale::Az), format_date(date, Locale::En));
        first.push_str(ChartMsg::DataAsOf.fill(&[("date", &date)]).get(locale));
        first.push_str(" · ");
    }
    first.push_str(chart.spec.source.get(locale));
    let mut lines: Vec<(String, Tone)> = wrap(&first, SMALL, width)
        .into_iter()
        .map(|l| (l, Tone::Muted))
        .collect();
    for note in notes {
        lines.extend(
            wrap(note.get(locale), SMALL, width)
                .into_iter()
                .map(|l| (l, Tone::Muted)),
        );
    }
    lines
}

fn legend(
    chart: &ChartData,
    locale: Locale,
    left: f64,
    top: f64,
    width: f64,
) -> (Vec<LegendEntry>, f64) {
    let mut items: Vec<(LegendMark, String)> = Vec::new();
    match &chart.body {
        ChartBody::Lines(lines) => {
            let styled = lines.series_with_style();
            let styles = styled.iter().map(|(i, _)| *i).max().map_or(0, |m| m + 1);
            if styles > 1 {
                for (index, series) in styled {
                    let mark = LegendMark::Series(index, series.shape);
                    if !items.iter().any(|(m, _)| *m == mark) {
                        items.push((mark, series.label.get(locale).to_string()));
                    }
                }
            }
            if chart.has_warned_values() {
                items.push((LegendMark::Hollow, ChartMsg::KeyWarned.get(locale).into()));
            }
            // Bars say "more than" in their value labels; points need the chevron.
            if chart.has_lower_bounds() {
                items.push((
                    LegendMark::LowerBound,
                    ChartMsg::KeyLowerBound.get(locale).into(),
                ));
            }
        }
        ChartBody::Bars(_) => {
            if chart.has_warned_values() {
                items.push((
                    LegendMark::OutlinedBar,
                    ChartMsg::KeyWarnedBar.get(locale).into(),
                ));
            }
        }
        ChartBody::Timeline(timeline) => {
            // Kinds in the order they first happen.
            let mut kinds = Vec::new();
            for event in &timeline.events {
                if !kinds.contains(&event.kind) {
                    kinds.push(event.kind);
                }
            }
            for kind in kinds {
                items.push((
                    LegendMark::Event(event_shape(kind)),
                    event_kind_text(kind).get(locale).into(),
                ));
            }
            if timeline.events.iter().any(|e| e.key) {
                items.push((
                    LegendMark::KeyEvent,
                    ChartMsg::KeyAccessionStep.get(locale).into(),
                ));
            }
            if timeline.events.iter().any(|e| e.end.is_some()) {
                items.push((LegendMark::Span, ChartMsg::KeySpan.get(locale).into()));
            }
            if chart.has_warned_values() {
                items.push((LegendMark::Hollow, ChartMsg::KeyWarned.get(locale).into()));
            }
        }
        ChartBody::Map(map) => {
            let unit = map
                .members
                .first()
                .map_or(crate::figure::Unit::Clusters, |m| m.unit);
            for (index, class) in map.classes.iter().enumerate() {
                items.push((
                    LegendMark::Class {
                        index,
                        of: map.classes.len(),
                    },
                    class_label(class.min, class.max, unit, locale),
                ));
            }
            items.push((
                LegendMark::NoMembers,
                ChartMsg::KeyNoMembers.get(locale).into(),
            ));
        }
    }
    let row = BODY.line_height() + 4.0;
    let mut entries = Vec::new();
    let (mut x, mut y) = (left, top);
    for (mark, label) in items {
        let item_width = SWATCH + 6.0 + text_width(&label, BODY);
        if x > left && x + item_width > left + width {
            x = left;
            y += row;
        }
        entries.push(LegendEntry {
            mark,
            x,
            y: y + row / 2.0,
            label: TextLine::left(label, x + SWATCH + 6.0, y + 2.0, BODY, Tone::Text),
        });
        x += item_width + 16.0;
    }
    let bottom = if entries.is_empty() { top } else { y + row };
    (entries, bottom)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rects_overlap_only_when_they_share_area() {
        let a = Rect {
            x: 0.0,
            y: 0.0,
            w: 10.0,
            h: 10.0,
        };
        assert!(a.overlaps(&Rect {
            x: 5.0,
            y: 5.0,
            w: 10.0,
            h: 10.0
        }));
        assert!(!a.overlaps(&Rect {
            x: 10.0,
            y: 0.0,
            w: 5.0,
            h: 5.0
        }));
        assert!(!a.overlaps(&Rect {
            x: 0.0,
            y: 11.0,
            w: 5.0,
            h: 5.0
        }));
    }

    #[test]
    fn rect_contains_its_corners() {
        let r = Rect {
            x: 10.0,
            y: 20.0,
            w: 100.0,
            h: 50.0,
        };
        assert!(r.contains(10.0, 20.0) && r.contains(110.0, 70.0));
        assert!(!r.contains(9.0, 30.0));
    }
}
