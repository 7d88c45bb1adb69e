//! A timeline: one time axis along the bottom; each event a marker in a row above it,
//! with a stem down to its date and its label beside it. Rows stack upwards, and each
//! event takes the lowest row where its label, marker and stem clear everything placed
//! before it, so labels never overlap.

use super::{text_width, Align, Font, Rect, TextLine, Tone, BODY, BODY_BOLD, MARKER_RADIUS, SMALL};
use crate::charts::model::TimelineChart;
use crate::charts::scale::LinearScale;
use crate::charts::ticks::{time_domain, year_ticks};
use crate::date::PartialDate;
use crate::format::format_date;
use crate::text::Locale;

/// The radius of a key step's marker.
pub const KEY_RADIUS: f64 = 6.5;
/// The radius of any other event's marker.
pub const EVENT_RADIUS: f64 = MARKER_RADIUS + 1.0;
/// The height of a row of events.
pub const ROW_HEIGHT: f64 = 18.0;
/// The widest label, as a share of the plot; a longer title ends in an ellipsis.
const MAX_LABEL_SHARE: f64 = 0.32;

#[derive(Debug, Clone, PartialEq)]
pub struct EventLayout {
    /// The marker's centre.
    pub at: (f64, f64),
    pub radius: f64,
    /// Where the event's date is on the axis, the stem's foot.
    pub axis_x: f64,
    /// From the start to the end on the axis, for an event over several days.
    pub span: Option<(f64, f64)>,
    pub label: TextLine,
    /// What the label covers, for the pointer.
    pub label_box: Rect,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TimelineLayout {
    /// The area above the axis where the events stack.
    pub plot: Rect,
    pub x: LinearScale,
    pub axis_y: f64,
    /// Tick positions on the axis, with their labels.
    pub ticks: Vec<f64>,
    pub tick_labels: Vec<TextLine>,
    /// The key date written in full under the tick labels, and where it is on the axis.
    pub key_date: Option<(f64, TextLine)>,
    /// One per event, in the chart's order.
    pub events: Vec<EventLayout>,
}

/// `text`, cut to an ellipsis so it is no wider than `max_width`.
pub fn fit_text(text: &str, font: Font, max_width: f64) -> String {
    if text_width(text, font) <= max_width {
        return text.to_string();
    }
    let mut kept: Vec<char> = text.chars().collect();
    loop {
        let candidate = format!("{}…", kept.iter().collect::<String>().trim_end());
        if kept.is_empty() || text_width(&candidate, font) <= max_width {
            return candidate;
        }
        kept.pop();
    }
}

/// Ticks on a time axis from `x0` to `x1`: whole years over two years or more,
/// otherwise month starts named in the locale.
fn axis_ticks(x0: f64, x1: f64, width: f64, locale: Locale) -> Vec<(f64, String)> {
    if x1 - x0 >= 2.0 {
        let max_ticks = ((width / 50.0) as usize).max(2);
        return year_ticks(x0, x1, max_ticks)
            .into_iter()
            .map(|year| (f64::from(year), year.to_string()))
            .collect();
    }
    let max_ticks = ((width / 110.0) as usize).max(2);
    let months: Vec<(f64, PartialDate)> = (x0.floor() as i32..=x1.ceil() as i32)
        .flat_map(|year| (1..=12u8).map(move |month| (year, month)))
        .filter_map(|(year, month)| {
            let date = PartialDate {
                year: u16::try_from(year).ok()?,
                month: Some(month),
                day: None,
            };
            let at = f64::from(year) + f64::from(month - 1) / 12.0;
            (at >= x0 && at <= x1).then_some((at, date))
        })
        .collect();
    let every = months.len().div_ceil(max_ticks).max(1);
    months
        .into_iter()
        .step_by(every)
        .map(|(at, date)| (at, format_date(date, locale)))
        .collect()
}

/// An event before it has a row: where its marker and its label go across.
struct Piece {
    axis_x: f64,
    radius: f64,
    font: Font,
    text: String,
    /// The label's left edge and width.
    left: f64,
    width: f64,
    /// Whether the label is right of the marker.
    right: bool,
}

impl Piece {
    /// What the label covers across, with a little air.
    fn label_span(&self) -> (f64, f64) {
        (self.left - 3.0, self.left + self.width + 3.0)
    }

    fn marker_span(&self) -> (f64, f64) {
        (
            self.axis_x - self.radius - 2.0,
            self.axis_x + self.radius + 2.0,
        )
    }
}

fn spans_meet(a: (f64, f64), b: (f64, f64)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// A row for each piece, from 0 (just above the axis) up to `rows - 1`.
///
/// A label that reaches across another event's marker must sit above that event, or it
/// would cover the marker or the stem below it. So events are placed covered first
/// (left to right among equals), each in the lowest row above every event its label
/// covers where its label and marker clear the labels and markers of that row. Should
/// the labels cover each other in a circle, the event covering fewest unplaced events
/// goes first. Should the rows run out above, a free row below is taken (a stem then
/// runs behind a label, which is better than two labels on top of each other), and only
/// then the top row.
fn place_in_rows(pieces: &[Piece], rows: usize) -> Vec<usize> {
    let n = pieces.len();
    let covers =
        |i: usize, j: usize| i != j && spans_meet(pieces[i].label_span(), pieces[j].marker_span());
    let mut row: Vec<Option<usize>> = vec![None; n];
    for _ in 0..n {
        let unplaced_covered =
            |i: usize| (0..n).filter(|&j| row[j].is_none() && covers(i, j)).count();
        let Some(next) = (0..n)
            .filter(|&i| row[i].is_none())
            .min_by_key(|&i| unplaced_covered(i))
        else {
            break;
        };
        let lowest = (0..n)
            .filter(|&j| covers(next, j))
            .filter_map(|j| row[j].map(|r| r + 1))
            .max()
            .unwrap_or(0);
        let piece = &pieces[next];
        let free = |r: usize| {
            (0..n).filter(|&j| row[j] == Some(r)).all(|j| {
                let other = &pieces[j];
                !spans_meet(piece.label_span(), other.label_span())
                    && !spans_meet(piece.label_span(), other.marker_span())
                    && !spans_meet(piece.marker_span(), other.label_span())
                    && !spans_meet(piece.marker_span(), other.marker_span())
            })
        };
        let chosen = (lowest..rows)
            .chain((0..lowest.min(rows)).rev())
            .find(|&r| free(r))
            .unwrap_or(rows - 1);
        row[next] = Some(chosen);
    }
    row.into_iter().map(|r| r.unwrap_or(0)).collect()
}

pub(super) fn timeline_layout(chart: &TimelineChart, locale: Locale, area: Rect) -> TimelineLayout {
    // Under the axis: tick labels, then the key date.
    let axis_y = area.bottom() - BODY.line_height() - BODY_BOLD.line_height() - 10.0;
    let plot = Rect {
        x: area.x,
        y: area.y,
        w: area.w,
        h: axis_y - area.y,
    };
    let (lo, hi) = chart
        .events
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), e| {
            (lo.min(e.x), hi.max(e.x_end.unwrap_or(e.x)))
        });
    let (x0, x1) = if lo.is_finite() {
        time_domain(lo, hi)
    } else {
        (0.0, 1.0)
    };
    let x = LinearScale::new((x0, x1), (plot.x + KEY_RADIUS, plot.right() - KEY_RADIUS));
    let ticks = axis_ticks(x0, x1, plot.w, locale);
    let tick_labels = ticks
        .iter()
        .map(|(at, text)| TextLine {
            text: text.clone(),
            x: x.map(*at),
            y: axis_y + 5.0,
            font: BODY,
            tone: Tone::Muted,
            align: Align::Center,
        })
        .collect();
    let key_date = chart.key_date.map(|date| {
        let at = x.map(date.as_fractional_year());
        let text = format_date(date, locale);
        let half = text_width(&text, BODY_BOLD) / 2.0;
        (
            at,
            TextLine {
                text,
                x: at.clamp(plot.x + half, plot.right() - half),
                y: axis_y + 5.0 + BODY.line_height(),
                font: BODY_BOLD,
                tone: Tone::Annotation,
                align: Align::Center,
            },
        )
    });

    // Rows upwards from the axis; row 0 sits just above it.
    let row_centre = |row: usize| axis_y - 22.0 - ROW_HEIGHT * row as f64;
    let rows =
        (((axis_y - 22.0 - plot.y - ROW_HEIGHT / 2.0) / ROW_HEIGHT).floor() as usize + 1).max(1);
    let max_label = plot.w * MAX_LABEL_SHARE;

    // Each event's marker, label and side: right of the marker when it fits.
    let pieces: Vec<Piece> = chart
        .events
        .iter()
        .map(|event| {
            let axis_x = x.map(event.x);
            let (radius, font) = if event.key {
                (KEY_RADIUS, BODY_BOLD)
            } else {
                (EVENT_RADIUS, SMALL)
            };
            let text = fit_text(event.label.get(locale), font, max_label);
            let width = text_width(&text, font);
            let right = axis_x + radius + 4.0 + width <= plot.right();
            let left = if right {
                axis_x + radius + 4.0
            } else {
                (axis_x - radius - 4.0 - width).max(plot.x)
            };
            Piece {
                axis_x,
                radius,
                font,
                text,
                left,
                width,
                right,
            }
        })
        .collect();
    let rows_of = place_in_rows(&pieces, rows);

    let events = pieces
        .into_iter()
        .zip(rows_of)
        .zip(&chart.events)
        .map(|((piece, row), event)| {
            let cy = row_centre(row);
            let h = piece.font.line_height();
            EventLayout {
                at: (piece.axis_x, cy),
                radius: piece.radius,
                axis_x: piece.axis_x,
                span: event.x_end.map(|end| (piece.axis_x, x.map(end))),
                label_box: Rect {
                    x: piece.left,
                    y: cy - h / 2.0,
                    w: piece.width,
                    h,
                },
                label: TextLine {
                    x: if piece.right {
                        piece.left
                    } else {
                        piece.left + piece.width
                    },
                    y: cy - piece.font.px * 0.6,
                    font: piece.font,
                    tone: Tone::Text,
                    align: if piece.right {
                        Align::Left
                    } else {
                        Align::Right
                    },
                    text: piece.text,
                },
            }
        })
        .collect();
    TimelineLayout {
        plot,
        x,
        axis_y,
        ticks: ticks.iter().map(|(at, _)| x.map(*at)).collect(),
        tick_labels,
        key_date,
        events,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_label_ends_in_an_ellipsis_within_the_width() {
        let text = "The digital economy strategy for 2026–2029 is approved";
        let fitted = fit_text(text, SMALL, 120.0);
        assert!(fitted.ends_with('…'));
        assert!(text_width(&fitted, SMALL) <= 120.0);
        assert_eq!(fit_text("Short", SMALL, 120.0), "Short");
    }

    #[test]
    fn short_axes_name_months_in_the_locale() {
        let ticks = axis_ticks(2026.0, 2026.5, 800.0, Locale::Az);
        assert_eq!(ticks.first().map(|(_, t)| t.as_str()), Some("yanvar 2026"));
        let years = axis_ticks(2019.7, 2026.5, 800.0, Locale::En);
        assert_eq!(years.first().map(|(_, t)| t.as_str()), Some("2020"));
    }
}
