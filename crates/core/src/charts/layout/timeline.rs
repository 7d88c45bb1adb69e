//! A timeline: one time axis along the bottom; each event a marker in a row above it,
//! with a stem down to its date and its label beside it. Rows stack upwards, and each
//! event takes the lowest row where its label, marker and stem clear everything placed
//! before it, so labels never overlap. A label too long for its side of the marker
//! wraps into lines, and a row is as tall as its tallest label, so the timeline knows
//! the height it needs ([`wanted_height`]). Only a canvas lower than that (a social
//! card) gets labels of one line, cut with an ellipsis.

use super::{
    spread, text_width, wrap, Align, Font, Rect, TextLine, Tone, BODY, BODY_BOLD, MARKER_RADIUS,
    NARROWER_CANVAS, SMALL, WANTED_PLOT_HEIGHT,
};
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
/// Between rows of events, and at most when there is room to spare.
const ROW_GAP: f64 = 4.0;
const MAX_ROW_GAP: f64 = 14.0;
/// Between the axis and the lowest row, and above the highest.
const FIRST_ROW_AIR: f64 = 12.0;
const TOP_AIR: f64 = 4.0;
/// The widest a label gets before it wraps, as a share of the plot; on a phone, where
/// that share is a few words, up to [`PHONE_LABEL`] pixels.
const MAX_LABEL_SHARE: f64 = 0.32;
const PHONE_LABEL: f64 = 170.0;
/// Between a marker's reach and its label.
const LABEL_OFFSET: f64 = 6.0;

#[derive(Debug, Clone, PartialEq)]
pub struct EventLayout {
    /// The marker's centre.
    pub at: (f64, f64),
    pub radius: f64,
    /// Where the event's date is on the axis, the stem's foot.
    pub axis_x: f64,
    /// From the start to the end on the axis, for an event over several days.
    pub span: Option<(f64, f64)>,
    /// The label's lines, the first level with the marker.
    pub label: Vec<TextLine>,
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

/// How far a marker of `radius` reaches from its centre: a star's points reach past
/// the radius, and the outline adds a pixel.
fn reach(radius: f64) -> f64 {
    radius * 1.3 + 1.0
}

/// An event before it has a row: where its marker and its label go across.
#[derive(Debug)]
struct Piece {
    axis_x: f64,
    radius: f64,
    font: Font,
    lines: Vec<String>,
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
            self.axis_x - reach(self.radius) - 1.0,
            self.axis_x + reach(self.radius) + 1.0,
        )
    }

    fn height(&self) -> f64 {
        self.lines.len().max(1) as f64 * self.font.line_height()
    }
}

/// An event's marker and its label on one side of it: `right` or left, its label
/// broken into lines no wider than `room` (or with `one_line`, cut to it with an
/// ellipsis). `None` when a word is wider than the room.
#[allow(clippy::too_many_arguments)]
fn piece(
    axis_x: f64,
    radius: f64,
    font: Font,
    text: &str,
    right: bool,
    room: f64,
    plot: Rect,
    one_line: bool,
) -> Option<Piece> {
    let lines = if one_line {
        vec![fit_text(text, font, room.max(0.0))]
    } else {
        wrap(text, font, room.max(1.0))
    };
    let width = lines
        .iter()
        .map(|l| text_width(l, font))
        .fold(0.0, f64::max);
    if width > room + 0.5 && !one_line {
        return None;
    }
    let offset = reach(radius) + LABEL_OFFSET;
    let left = if right {
        axis_x + offset
    } else {
        (axis_x - offset - width).max(plot.x)
    };
    Some(Piece {
        axis_x,
        radius,
        font,
        lines,
        left,
        width,
        right,
    })
}

/// Each event's marker and label across `plot`, placed as suits the whole: a label
/// across another event's marker must sit in a row above it, and two labels across each
/// other's markers cannot both, so a stem would run through one. Each label may go right
/// or left of its marker, as wide as its side's room (up to the widest label) or
/// narrower in more lines, stopping short of another marker. Starting from every label
/// right of its marker where it fits, one label at a time takes the place that leaves
/// fewer stems through labels, then fewer rows, then fewer lines, until none does. With
/// `one_line` a label too long is cut with an ellipsis instead.
fn pieces(
    chart: &TimelineChart,
    locale: Locale,
    x: &LinearScale,
    plot: Rect,
    one_line: bool,
) -> Vec<Piece> {
    let max_label = (MAX_LABEL_SHARE * plot.w).max(PHONE_LABEL.min(0.6 * plot.w));
    let markers: Vec<f64> = chart.events.iter().map(|e| x.map(e.x)).collect();
    // Each event's places, the first where it starts.
    let mut options: Vec<Vec<Piece>> = chart
        .events
        .iter()
        .enumerate()
        .map(|(index, event)| {
            let axis_x = markers[index];
            let (radius, font) = if event.key {
                (KEY_RADIUS, BODY_BOLD)
            } else {
                (EVENT_RADIUS, SMALL)
            };
            let text = event.label.get(locale);
            let offset = reach(radius) + LABEL_OFFSET;
            let room_right = (plot.right() - axis_x - offset).min(max_label);
            let room_left = (axis_x - offset - plot.x).min(max_label);
            let on = |right: bool, room: f64, cut: bool| {
                piece(axis_x, radius, font, text, right, room, plot, cut)
            };
            let mut places: Vec<Piece> = Vec::new();
            if !one_line {
                for (right, room) in [(true, room_right), (false, room_left)] {
                    // As wide as the room, or stopping short of each marker in it.
                    let short_of = markers.iter().enumerate().filter(|(j, _)| *j != index);
                    let short_of = short_of.map(|(_, at)| {
                        let gap = if right { at - axis_x } else { axis_x - at };
                        gap - offset - reach(KEY_RADIUS) - 4.0
                    });
                    let mut rooms: Vec<f64> = std::iter::once(room)
                        .chain(short_of.filter(|r| *r > 0.0 && *r < room))
                        .collect();
                    rooms.sort_by(|a, b| b.total_cmp(a));
                    for room in rooms {
                        let Some(place) = on(right, room, false) else {
                            break;
                        };
                        if !places
                            .iter()
                            .any(|p| p.right == right && p.lines == place.lines)
                        {
                            places.push(place);
                        }
                    }
                }
            }
            if places.is_empty() {
                let right = room_right >= room_left;
                let room = if right { room_right } else { room_left };
                places.extend(on(right, room, true));
            }
            places
        })
        .collect();
    let mut chosen = vec![0usize; options.len()];
    let cost = |chosen: &[usize]| {
        let pieces: Vec<&Piece> = chosen
            .iter()
            .zip(&options)
            .filter_map(|(c, places)| places.get(*c))
            .collect();
        arrangement_cost(&pieces)
    };
    let mut best = cost(&chosen);
    // A few rounds settle a timeline of a few dozen events.
    for _ in 0..8 {
        let mut moved = false;
        for i in 0..chosen.len() {
            let current = chosen[i];
            for option in (0..options[i].len()).filter(|o| *o != current) {
                chosen[i] = option;
                let tried = cost(&chosen);
                if tried < best {
                    best = tried;
                    moved = true;
                    break;
                }
                chosen[i] = current;
            }
        }
        if !moved {
            break;
        }
    }
    chosen
        .into_iter()
        .zip(options.iter_mut())
        .filter_map(|(c, places)| (c < places.len()).then(|| places.swap_remove(c)))
        .collect()
}

/// What an arrangement of labels costs, least first: stems through labels, then the
/// height of its rows, then its lines.
fn arrangement_cost(pieces: &[&Piece]) -> (usize, u64, usize) {
    let rows_of = place_in_rows(pieces, pieces.len().max(1));
    let crossings = (0..pieces.len())
        .flat_map(|i| (0..pieces.len()).map(move |j| (i, j)))
        .filter(|&(i, j)| {
            i != j
                && rows_of[i] <= rows_of[j]
                && spans_meet(pieces[i].label_span(), pieces[j].marker_span())
        })
        .count();
    let height = stack_height(&row_heights(pieces, &rows_of), ROW_GAP);
    let lines = pieces.iter().map(|p| p.lines.len()).sum();
    (crossings, height.round() as u64, lines)
}

/// How tall each row is: its tallest label.
fn row_heights(pieces: &[&Piece], rows_of: &[usize]) -> Vec<f64> {
    let count = rows_of.iter().max().map_or(0, |r| r + 1);
    let mut heights = vec![0.0f64; count];
    for (piece, row) in pieces.iter().zip(rows_of) {
        heights[*row] = heights[*row].max(piece.height());
    }
    heights
}

/// The height of rows `heights` tall, `gap` apart.
fn stack_height(heights: &[f64], gap: f64) -> f64 {
    heights.iter().sum::<f64>() + gap * heights.len().saturating_sub(1) as f64
}

/// Under the axis: tick labels, then the key date.
fn below_axis() -> f64 {
    BODY.line_height() + BODY_BOLD.line_height() + 10.0
}

/// The x scale and the events' pieces and rows `width` wide, with every label whole.
fn whole_labels(
    chart: &TimelineChart,
    locale: Locale,
    plot: Rect,
) -> (LinearScale, (f64, f64), Vec<Piece>, Vec<usize>) {
    let (lo, hi) = chart
        .events
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), e| {
            (lo.min(e.x), hi.max(e.x_end.unwrap_or(e.x)))
        });
    let domain = if lo.is_finite() {
        time_domain(lo, hi)
    } else {
        (0.0, 1.0)
    };
    let x = LinearScale::new(domain, (plot.x + KEY_RADIUS, plot.right() - KEY_RADIUS));
    let pieces = pieces(chart, locale, &x, plot, false);
    let rows_of = place_in_rows(&pieces.iter().collect::<Vec<_>>(), pieces.len().max(1));
    (x, domain, pieces, rows_of)
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
fn place_in_rows(pieces: &[&Piece], rows: usize) -> Vec<usize> {
    let n = pieces.len();
    let labels: Vec<(f64, f64)> = pieces.iter().map(|p| p.label_span()).collect();
    let markers: Vec<(f64, f64)> = pieces.iter().map(|p| p.marker_span()).collect();
    let covers = |i: usize, j: usize| i != j && spans_meet(labels[i], markers[j]);
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
        let free = |r: usize| {
            (0..n).filter(|&j| row[j] == Some(r)).all(|j| {
                !spans_meet(labels[next], labels[j])
                    && !spans_meet(labels[next], markers[j])
                    && !spans_meet(markers[next], labels[j])
                    && !spans_meet(markers[next], markers[j])
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

/// The height of the rows of whole labels `width` wide.
fn rows_height(chart: &TimelineChart, locale: Locale, width: f64) -> f64 {
    let plot = Rect {
        x: 0.0,
        y: 0.0,
        w: width,
        h: 0.0,
    };
    let (_, _, pieces, rows_of) = whole_labels(chart, locale, plot);
    let pieces: Vec<&Piece> = pieces.iter().collect();
    stack_height(&row_heights(&pieces, &rows_of), ROW_GAP)
}

/// The height the timeline wants `width` wide: every row of whole labels, also on a
/// canvas a little narrower at the same proportions (where labels wrap into more
/// lines), and a plot at least [`WANTED_PLOT_HEIGHT`] tall.
pub(super) fn wanted_height(chart: &TimelineChart, locale: Locale, width: f64) -> f64 {
    let rows = rows_height(chart, locale, width)
        .max(rows_height(chart, locale, width * NARROWER_CANVAS) / NARROWER_CANVAS);
    (TOP_AIR + rows + FIRST_ROW_AIR).max(WANTED_PLOT_HEIGHT) + below_axis()
}

pub(super) fn timeline_layout(chart: &TimelineChart, locale: Locale, area: Rect) -> TimelineLayout {
    let axis_y = area.bottom() - below_axis();
    let plot = Rect {
        x: area.x,
        y: area.y,
        w: area.w,
        h: axis_y - area.y,
    };
    let (x, (x0, x1), whole, whole_rows) = whole_labels(chart, locale, plot);
    let ticks = axis_ticks(x0, x1, plot.w, locale);
    let widths: Vec<f64> = ticks.iter().map(|(_, t)| text_width(t, BODY)).collect();
    let centres: Vec<f64> = ticks.iter().map(|(at, _)| x.map(*at)).collect();
    let placed = spread(&centres, &widths, (area.x - 10.0, area.right() + 10.0)).unwrap_or(centres);
    let tick_labels = ticks
        .iter()
        .zip(placed)
        .map(|((_, text), at)| TextLine {
            text: text.clone(),
            x: at,
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

    // Whole labels where the rows fit, closer together if they must; on a canvas lower
    // than that, labels of one line in as many rows as fit.
    let room = axis_y - FIRST_ROW_AIR - plot.y - TOP_AIR;
    let heights = row_heights(&whole.iter().collect::<Vec<_>>(), &whole_rows);
    let gaps = heights.len().saturating_sub(1).max(1) as f64;
    let (pieces, rows_of, heights, gap) = if stack_height(&heights, ROW_GAP) <= room {
        // Room to spare goes between the rows, up to a few pixels each.
        let spare = room - stack_height(&heights, ROW_GAP);
        let gap = ROW_GAP + (spare / gaps).min(MAX_ROW_GAP - ROW_GAP);
        (whole, whole_rows, heights, gap)
    } else if stack_height(&heights, 0.0) <= room {
        let gap = ((room - stack_height(&heights, 0.0)) / gaps).min(ROW_GAP);
        (whole, whole_rows, heights, gap)
    } else {
        let cut = pieces(chart, locale, &x, plot, true);
        let pitch = BODY_BOLD.line_height() + 2.0;
        let rows = (((room + 2.0) / pitch).floor() as usize).max(1);
        let rows_of = place_in_rows(&cut.iter().collect::<Vec<_>>(), rows);
        let heights = vec![BODY_BOLD.line_height(); rows];
        (cut, rows_of, heights, 2.0)
    };
    // Each row's top, from the axis up.
    let mut tops = Vec::with_capacity(heights.len());
    let mut bottom = axis_y - FIRST_ROW_AIR;
    for height in &heights {
        tops.push(bottom - height);
        bottom -= height + gap;
    }

    let events = pieces
        .into_iter()
        .zip(rows_of)
        .zip(&chart.events)
        .map(|((piece, row), event)| {
            let top = tops.get(row).copied().unwrap_or(plot.y);
            let line_height = piece.font.line_height();
            let cy = top + line_height / 2.0;
            let label_box = Rect {
                x: piece.left,
                y: top,
                w: piece.width,
                h: piece.height(),
            };
            let label = piece
                .lines
                .into_iter()
                .enumerate()
                .map(|(k, text)| TextLine {
                    x: if piece.right {
                        piece.left
                    } else {
                        piece.left + piece.width
                    },
                    y: cy - piece.font.px * 0.6 + k as f64 * line_height,
                    font: piece.font,
                    tone: Tone::Text,
                    align: if piece.right {
                        Align::Left
                    } else {
                        Align::Right
                    },
                    text,
                })
                .collect();
            EventLayout {
                at: (piece.axis_x, cy),
                radius: piece.radius,
                axis_x: piece.axis_x,
                span: event.x_end.map(|end| (piece.axis_x, x.map(end))),
                label_box,
                label,
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
