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
use super::text::ChartMsg;
use super::ticks;
use crate::format::format_date;
use crate::i18n::event_kind_label;
use crate::text::{Locale, Text};

const PAD: f64 = 14.0;
const SWATCH: f64 = 26.0;
/// The least body a canvas that is too low still gets.
const MIN_BODY_HEIGHT: f64 = 110.0;
/// A note is left out before the body gets lower than this.
const NOTES_YIELD_BELOW: f64 = 150.0;
/// Between the body and the footer.
const FOOTER_GAP: f64 = 10.0;
pub const MARKER_RADIUS: f64 = 4.0;
/// The least height of a plot at the sizes the core chooses ([`ChartLayout::body_height`]).
pub const PLOT_HEIGHT: f64 = 200.0;
/// The least plot height the core asks for: [`PLOT_HEIGHT`] and a fifth more, so that
/// a live canvas up to a tenth narrower than the picture it replaces, and so as much
/// lower (`frame::Variant::height_at`), still has a plot that tall.
const WANTED_PLOT_HEIGHT: f64 = 240.0;
/// The narrowest canvas, as a share of a picture's width, that takes the picture's
/// proportions and must still fit its labels (see [`WANTED_PLOT_HEIGHT`]).
const NARROWER_CANVAS: f64 = 0.88;
/// The share of the width that lines of prose (title, subtitle, footer, a legend row)
/// fill: a font may set a long line some 7 % wider than the core's estimate (see
/// [`text_width`]).
const PROSE_SHARE: f64 = 0.93;
/// The least space between two labels side by side: the widths are estimates, and a
/// font may set a label some pixels wider (see [`text_width`]).
pub const LABEL_GAP: f64 = 10.0;

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
    /// What the line covers: its width as the core estimates it, a line high.
    pub fn bounds(&self) -> Rect {
        let w = text_width(&self.text, self.font);
        let x = match self.align {
            Align::Left => self.x,
            Align::Center => self.x - w / 2.0,
            Align::Right => self.x - w,
        };
        Rect {
            x,
            y: self.y,
            w,
            h: self.font.line_height(),
        }
    }

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

/// The words above the body: the title, the subtitle and the legend, `width` wide.
struct Head {
    header: Vec<TextLine>,
    legend: Vec<LegendEntry>,
    /// Where the body begins.
    bottom: f64,
}

fn head(chart: &ChartData, locale: Locale, width: f64) -> Head {
    let inner = width - 2.0 * PAD;
    let mut header = Vec::new();
    let mut y = PAD;
    let prose = inner * PROSE_SHARE;
    for line in wrap(chart.spec.title.get(locale), TITLE, prose) {
        header.push(TextLine::left(line, PAD, y, TITLE, Tone::Text));
        y += TITLE.line_height();
    }
    y += 2.0;
    for line in wrap(chart.spec.subtitle.get(locale), SUBTITLE, prose) {
        header.push(TextLine::left(line, PAD, y, SUBTITLE, Tone::Muted));
        y += SUBTITLE.line_height();
    }
    y += 6.0;
    let (legend, legend_bottom) = legend(chart, locale, PAD, y, inner);
    Head {
        header,
        legend,
        bottom: legend_bottom + 6.0,
    }
}

impl ChartLayout {
    /// `chart` laid out on a `width` × `height` canvas: the words above take what they
    /// need, the footer what it needs from the bottom (dropping notes, last first, rather
    /// than squeezing the body below a readable height), and the body the rest.
    pub fn new(chart: &ChartData, locale: Locale, width: f64, height: f64) -> ChartLayout {
        let inner = width - 2.0 * PAD;
        let Head {
            header,
            legend,
            bottom: body_top,
        } = head(chart, locale, width);

        let mut notes: Vec<&Text> = chart.spec.notes.iter().collect();
        let footer_lines = loop {
            let lines = footer_texts(chart, locale, &notes, inner * PROSE_SHARE);
            let footer_height = lines.len() as f64 * SMALL.line_height();
            let room = height - PAD - footer_height - FOOTER_GAP - body_top;
            if room >= NOTES_YIELD_BELOW || notes.is_empty() {
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
            h: (footer_top - FOOTER_GAP - body_top).max(MIN_BODY_HEIGHT),
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

    /// `chart` laid out `width` wide with a body `body` tall and its footer below it
    /// (every note, unless the body is lower than a note may squeeze it).
    pub fn with_body(chart: &ChartData, locale: Locale, width: f64, body: f64) -> ChartLayout {
        let height = ChartLayout::height_with_body(chart, locale, width, body);
        ChartLayout::new(chart, locale, width, height)
    }

    /// Where the body of `chart` begins `width` wide: under its title, subtitle and
    /// legend. An empty title and subtitle (the page's form of a chart, whose words are
    /// HTML) leave only the legend above it.
    pub fn body_top(chart: &ChartData, locale: Locale, width: f64) -> f64 {
        head(chart, locale, width).bottom
    }

    /// The height the body of `chart` wants `width` wide: every label at full length
    /// without overlapping another, and a plot at least [`PLOT_HEIGHT`] tall (a map:
    /// as tall as its proportions make it at the body's width).
    pub fn body_height(chart: &ChartData, locale: Locale, width: f64) -> f64 {
        let inner = width - 2.0 * PAD;
        let wanted = match &chart.body {
            ChartBody::Lines(lines) => panels::wanted_height(lines, locale, inner),
            ChartBody::Bars(bars) => bars::wanted_height(bars, locale, inner),
            ChartBody::Timeline(timeline) => timeline::wanted_height(timeline, locale, inner),
            ChartBody::Map(map) => map::wanted_height(map, inner),
        };
        wanted.max(MIN_BODY_HEIGHT)
    }

    /// The height of a canvas `width` wide on which the body of `chart` is `body` tall,
    /// with its words above and its footer below.
    pub fn height_with_body(chart: &ChartData, locale: Locale, width: f64, body: f64) -> f64 {
        let notes: Vec<&Text> = chart.spec.notes.iter().collect();
        let prose = (width - 2.0 * PAD) * PROSE_SHARE;
        let footer = footer_texts(chart, locale, &notes, prose).len() as f64 * SMALL.line_height();
        ChartLayout::body_top(chart, locale, width)
            + body.max(MIN_BODY_HEIGHT)
            + FOOTER_GAP
            + footer
            + PAD
    }
}

/// The labels of a horizontal value axis under `plot`, each centred on its tick, or
/// moved in as little as keeps it within `bounds` and the canvas margins beside them;
/// `None` when two would come closer than [`LABEL_GAP`].
fn axis_labels(
    ticks: &ticks::ValueTicks,
    labels: &[String],
    plot: Rect,
    bounds: Rect,
) -> Option<Vec<TextLine>> {
    let x = super::scale::LinearScale::new((ticks.min, ticks.max), (plot.x, plot.right()));
    let centres: Vec<f64> = ticks.values.iter().map(|v| x.map(*v)).collect();
    let widths: Vec<f64> = labels.iter().map(|l| text_width(l, BODY)).collect();
    let edge = PAD - 4.0;
    let centres = spread(&centres, &widths, (bounds.x - edge, bounds.right() + edge))?;
    Some(
        centres
            .into_iter()
            .zip(labels)
            .map(|(at, text)| TextLine {
                text: text.clone(),
                x: at,
                y: plot.bottom() + 5.0,
                font: BODY,
                tone: Tone::Muted,
                align: Align::Center,
            })
            .collect(),
    )
}

/// Centres for labels `widths` wide at `centres` (in order along a line), each moved in
/// as little as keeps it within `lo..hi`; `None` when two would come closer than
/// [`LABEL_GAP`] or one is wider than the line.
fn spread(centres: &[f64], widths: &[f64], (lo, hi): (f64, f64)) -> Option<Vec<f64>> {
    let mut placed: Vec<f64> = Vec::with_capacity(centres.len());
    for (at, w) in centres.iter().zip(widths) {
        if *w > hi - lo {
            return None;
        }
        placed.push(at.clamp(lo + w / 2.0, hi - w / 2.0));
    }
    let apart = placed
        .windows(2)
        .zip(widths.windows(2))
        .all(|(c, w)| c[1] - w[1] / 2.0 - (c[0] + w[0] / 2.0) >= LABEL_GAP);
    apart.then_some(placed)
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
                    event_kind_label(kind).get(locale).into(),
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
        // Room for a font that sets the label wider than the estimate.
        let item_width = SWATCH + 6.0 + text_width(&label, BODY) / PROSE_SHARE;
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
