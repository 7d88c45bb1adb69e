//! Line chart panels sharing the time axis, each with its own value axis, tick labels,
//! event labels and point labels: side by side where each keeps a readable plot,
//! otherwise stacked, each under its own heading with its own years.

use super::{
    text_width, wrap, Align, Font, Rect, TextLine, Tone, BODY, HEADING, LABEL_GAP, MARKER_RADIUS,
    PLOT_HEIGHT, SMALL, WANTED_PLOT_HEIGHT,
};
use crate::charts::model::{LineChart, Panel, SeriesShape};
use crate::charts::scale::LinearScale;
use crate::charts::ticks::{fitting_ticks, time_domain, ValueTicks};
use crate::format::unit_label;
use crate::text::Locale;

/// A dated event's rule and label.
#[derive(Debug, Clone, PartialEq)]
pub struct AnnotationLayout {
    pub x: f64,
    pub lines: Vec<TextLine>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PanelLayout {
    /// The panel's title (or its unit), in as many lines as its width needs.
    pub heading: Vec<TextLine>,
    pub plot: Rect,
    pub x: LinearScale,
    pub y: LinearScale,
    pub y_ticks: ValueTicks,
    pub y_labels: Vec<TextLine>,
    pub years: Vec<i32>,
    pub x_labels: Vec<TextLine>,
    pub annotations: Vec<AnnotationLayout>,
    /// Labels written beside single points (a target, say).
    pub point_labels: Vec<TextLine>,
}

/// A panel narrower than this, its value labels included, squeezes its plot below
/// about 180 pixels: panels that would be stack instead.
const MIN_PANEL_WIDTH: f64 = 234.0;
/// Between panels side by side, and between stacked panels.
const PANEL_GAP: f64 = 28.0;
const STACK_GAP: f64 = 18.0;
/// The tallest plot a line chart wants.
const MAX_PLOT_HEIGHT: f64 = 340.0;
/// Under the plot: the years, a little lower than the value label at the plot's foot
/// reaches.
const AXIS_ROOM: f64 = 24.0;
const YEARS_BELOW: f64 = 8.0;
/// Between the heading (or the body's top) and the plot, where the top value label's
/// upper half goes.
const ABOVE_PLOT: f64 = 10.0;

fn panel_heading(panel: &Panel, locale: Locale) -> Option<String> {
    match (&panel.title, panel.unit()) {
        (Some(title), _) => Some(title.get(locale).to_string()),
        (None, Some(unit)) => Some(unit_label(unit, locale).to_string()),
        (None, None) => None,
    }
}

fn heading_lines(panel: &Panel, locale: Locale, width: f64) -> Vec<String> {
    panel_heading(panel, locale)
        .map(|text| wrap(&text, HEADING, width))
        .unwrap_or_default()
}

/// How the panels are arranged `width` wide.
struct Arrangement {
    stacked: bool,
    panel_width: f64,
    /// Each panel's heading lines.
    headings: Vec<Vec<String>>,
}

impl Arrangement {
    fn new(chart: &LineChart, locale: Locale, width: f64, stacked: bool) -> Arrangement {
        let count = chart.panels.len().max(1) as f64;
        let panel_width = if stacked {
            width
        } else {
            (width - PANEL_GAP * (count - 1.0)) / count
        };
        let headings = chart
            .panels
            .iter()
            .map(|p| heading_lines(p, locale, panel_width))
            .collect();
        Arrangement {
            stacked,
            panel_width,
            headings,
        }
    }

    /// From a panel's top to its plot's: the heading, or in a row of panels the
    /// tallest heading of the row.
    fn head_room(&self, panel: usize) -> f64 {
        let lines = if self.stacked {
            self.headings.get(panel).map_or(0, Vec::len)
        } else {
            self.headings.iter().map(Vec::len).max().unwrap_or(0)
        };
        lines as f64 * HEADING.line_height() + ABOVE_PLOT
    }

    /// The body height with plots `plot` tall.
    fn height(&self, plot: f64) -> f64 {
        let count = self.headings.len().max(1);
        if self.stacked {
            (0..count)
                .map(|i| self.head_room(i) + plot + AXIS_ROOM)
                .sum::<f64>()
                + STACK_GAP * (count - 1) as f64
        } else {
            self.head_room(0) + plot + AXIS_ROOM
        }
    }
}

fn side_by_side_fits(chart: &LineChart, width: f64) -> bool {
    let count = chart.panels.len().max(1) as f64;
    (width - PANEL_GAP * (count - 1.0)) / count >= MIN_PANEL_WIDTH
}

/// The plot height a chart `width` wide wants: a share of the width between a phone's
/// least and a desktop's most; stacked panels each take the least.
fn wanted_plot(width: f64, stacked: bool) -> f64 {
    if stacked {
        WANTED_PLOT_HEIGHT
    } else {
        (0.42 * width).clamp(WANTED_PLOT_HEIGHT, MAX_PLOT_HEIGHT)
    }
}

/// The height the panels want `width` wide.
pub(super) fn wanted_height(chart: &LineChart, locale: Locale, width: f64) -> f64 {
    let stacked = chart.panels.len() > 1 && !side_by_side_fits(chart, width);
    Arrangement::new(chart, locale, width, stacked).height(wanted_plot(width, stacked))
}

pub(super) fn line_panels(chart: &LineChart, locale: Locale, area: Rect) -> Vec<PanelLayout> {
    // Stacked where side by side would squeeze the plots, if the body is tall enough for
    // stacked plots of PLOT_HEIGHT (a social card is not: narrow plots side by side beat
    // flat ones stacked); and wherever the body is tall enough to stack well: a live
    // canvas that replaces a stacked picture scaled up stays stacked rather than
    // stretching three plots to twice their width in height.
    let stacked = chart.panels.len() > 1 && {
        let stack = Arrangement::new(chart, locale, area.w, true);
        if side_by_side_fits(chart, area.w) {
            area.h >= stack.height(wanted_plot(area.w, true))
        } else {
            area.h >= stack.height(PLOT_HEIGHT)
        }
    };
    let arrangement = Arrangement::new(chart, locale, area.w, stacked);
    let count = chart.panels.len().max(1);
    let fixed = arrangement.height(0.0);
    let plot_height = if stacked {
        (area.h - fixed) / count as f64
    } else {
        area.h - fixed
    }
    .max(40.0);
    let (x0, x1) = chart
        .x_extent()
        .map(|(lo, hi)| time_domain(lo, hi))
        .unwrap_or((0.0, 1.0));
    let mut top = area.y;
    let mut panels = Vec::with_capacity(count);
    for (i, panel) in chart.panels.iter().enumerate() {
        let left = if stacked {
            area.x
        } else {
            area.x + i as f64 * (arrangement.panel_width + PANEL_GAP)
        };
        let bounds = Rect {
            x: left,
            y: top,
            w: arrangement.panel_width,
            h: arrangement.head_room(i) + plot_height + AXIS_ROOM,
        };
        let heading = arrangement.headings[i]
            .iter()
            .enumerate()
            .map(|(k, line)| {
                TextLine::left(
                    line.clone(),
                    left,
                    top + k as f64 * HEADING.line_height(),
                    HEADING,
                    Tone::Text,
                )
            })
            .collect();
        let plot_top = top + arrangement.head_room(i);
        panels.push(panel_layout(
            panel,
            locale,
            heading,
            bounds,
            (plot_top, plot_height),
            (x0, x1),
        ));
        if stacked {
            top += bounds.h + STACK_GAP;
        }
    }
    panels
}

/// One panel in `bounds`, its plot from `plot_top` down `plot_height`.
fn panel_layout(
    panel: &Panel,
    locale: Locale,
    heading: Vec<TextLine>,
    bounds: Rect,
    (plot_top, plot_height): (f64, f64),
    (x0, x1): (f64, f64),
) -> PanelLayout {
    let (lo, hi) = panel
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.y))
        .fold((0.0f64, f64::NEG_INFINITY), |(lo, hi), y| {
            (lo.min(y), hi.max(y))
        });
    // Labels at most a little over a fifth of the panel wide, and a line apart.
    let widest = 0.22 * bounds.w;
    let (y_ticks, labels) = fitting_ticks(
        lo,
        if hi.is_finite() { hi } else { 0.0 },
        ((plot_height / 45.0) as usize).clamp(2, 6),
        locale,
        |ticks, labels| {
            let intervals = ((ticks.max - ticks.min) / ticks.step).round().max(1.0);
            plot_height / intervals >= BODY.line_height() + 4.0
                && labels.iter().all(|l| text_width(l, BODY) <= widest)
        },
    );
    let label_width = labels
        .iter()
        .map(|l| text_width(l, BODY))
        .fold(0.0, f64::max);
    let plot = Rect {
        x: bounds.x + label_width + 8.0,
        y: plot_top,
        w: bounds.w - label_width - 8.0 - 6.0,
        h: plot_height,
    };
    let x = LinearScale::new((x0, x1), (plot.x, plot.right()));
    let y = LinearScale::new((y_ticks.min, y_ticks.max), (plot.bottom(), plot.y));
    let y_labels = y_ticks
        .values
        .iter()
        .zip(labels)
        .map(|(v, text)| TextLine {
            text,
            x: plot.x - 6.0,
            y: y.map(*v) - BODY.px * 0.6,
            font: BODY,
            tone: Tone::Muted,
            align: Align::Right,
        })
        .collect();
    let years = year_ticks(&x, bounds);
    let x_labels = years
        .iter()
        .map(|year| TextLine {
            text: year.to_string(),
            x: x.map(f64::from(*year)),
            y: plot.bottom() + YEARS_BELOW,
            font: BODY,
            tone: Tone::Muted,
            align: Align::Center,
        })
        .collect();
    let annotations: Vec<AnnotationLayout> = panel
        .annotations
        .iter()
        .map(|a| annotation(a.x, a.label.get(locale), &x, plot))
        .collect();
    let taken: Vec<Rect> = annotations
        .iter()
        .flat_map(|a| &a.lines)
        .map(TextLine::bounds)
        .collect();
    let point_labels = point_labels(panel, locale, &x, &y, plot, &taken);
    PanelLayout {
        heading,
        plot,
        x,
        y,
        y_ticks,
        y_labels,
        years,
        x_labels,
        annotations,
        point_labels,
    }
}

/// The years to label under a plot: every 1, 2, 5, 10, 20, 50 or 100 years, the
/// smallest step that keeps the labels [`LABEL_GAP`] apart, and only those whose label
/// stays within the panel's `bounds` (and a little of the gap to the next panel).
fn year_ticks(x: &LinearScale, bounds: Rect) -> Vec<i32> {
    let (x0, x1) = x.domain;
    let (first, last) = (x0.ceil() as i32, x1.floor() as i32);
    if last < first {
        return Vec::new();
    }
    let label = text_width(&last.to_string(), BODY).max(text_width(&first.to_string(), BODY));
    let per_year = (x.map(x0 + 1.0) - x.map(x0)).abs();
    let Some(step) = [1, 2, 5, 10, 20, 50, 100]
        .into_iter()
        .find(|step| f64::from(*step) * per_year >= label + LABEL_GAP)
    else {
        return Vec::new();
    };
    let start = first + (step - first.rem_euclid(step)) % step;
    (start..=last)
        .step_by(step as usize)
        .filter(|year| {
            let at = x.map(f64::from(*year));
            at - label / 2.0 >= bounds.x && at + label / 2.0 <= bounds.right() + 8.0
        })
        .collect()
}

/// A dated event's rule at `at` and its label beside it, on the side with room (the
/// left in the right half), at the foot of the plot, where values from zero rarely
/// reach.
fn annotation(at_x: f64, text: &str, x: &LinearScale, plot: Rect) -> AnnotationLayout {
    let at = x.map(at_x);
    let room_right = plot.right() - at - 8.0;
    let room_left = at - plot.x - 8.0;
    let natural = text_width(text, SMALL);
    let prefer_left = at > plot.x + plot.w / 2.0;
    // The preferred side, unless the label needs more lines there than on the other.
    let lines_in = |room: f64| wrap(text, SMALL, room.max(1.0)).len();
    let left = if prefer_left {
        !(room_left < natural && lines_in(room_left) > lines_in(room_right))
    } else {
        room_right < natural && lines_in(room_right) > lines_in(room_left)
    };
    let room = if left { room_left } else { room_right };
    let lines = wrap(text, SMALL, room.max(1.0));
    let first_line = plot.bottom() - 4.0 - lines.len() as f64 * SMALL.line_height();
    let lines = lines
        .into_iter()
        .enumerate()
        .map(|(k, text)| TextLine {
            text,
            x: if left { at - 4.0 } else { at + 4.0 },
            y: first_line + k as f64 * SMALL.line_height(),
            font: SMALL,
            tone: Tone::Annotation,
            align: if left { Align::Right } else { Align::Left },
        })
        .collect();
    AnnotationLayout { x: at, lines }
}

/// A label to place beside a point.
struct Beside {
    at: (f64, f64),
    text: String,
    font: Font,
    /// Placed only where it clears everything; otherwise where it overlaps least.
    strict: bool,
}

/// Labels beside points: each at the first place around its point that stays in the
/// plot and clears every obstacle and the labels already placed; failing that (unless
/// `strict`), where it overlaps obstacles least. A label that would cover another label
/// is left out (on a narrow phone): two unreadable labels help nobody, and the words are
/// in the tooltip, the table, the legend and the description.
fn place_beside(
    items: Vec<Beside>,
    mut obstacles: Vec<Rect>,
    taken: &[Rect],
    plot: Rect,
) -> (Vec<TextLine>, Vec<Rect>) {
    let r = MARKER_RADIUS + 2.0;
    let mut labels = Vec::new();
    let mut placed: Vec<Rect> = taken.to_vec();
    for item in items {
        let (at, font) = (item.at, item.font);
        let (w, h) = (text_width(&item.text, font), font.line_height());
        let offsets = [-h / 2.0, -h - 2.0, 2.0, -2.0 * h - 2.0, h + 2.0];
        let candidates: Vec<(TextLine, Rect)> = [true, false]
            .iter()
            .flat_map(|right| offsets.iter().map(move |dy| (*right, *dy)))
            .map(|(right, dy)| {
                let left = if right {
                    at.0 + r + 2.0
                } else {
                    at.0 - r - 2.0 - w
                };
                let line = TextLine {
                    text: item.text.clone(),
                    x: if right { left } else { left + w },
                    y: at.1 + dy,
                    font,
                    tone: Tone::Text,
                    align: if right { Align::Left } else { Align::Right },
                };
                (
                    line,
                    Rect {
                        x: left,
                        y: at.1 + dy,
                        w,
                        h,
                    },
                )
            })
            .filter(|(_, b)| {
                b.x >= plot.x
                    && b.right() <= plot.right()
                    && b.y >= plot.y
                    && b.bottom() <= plot.bottom()
            })
            .collect();
        let overlap = |b: &Rect| -> f64 {
            obstacles
                .iter()
                .filter(|o| b.overlaps(o))
                .map(|o| {
                    (b.right().min(o.right()) - b.x.max(o.x))
                        * (b.bottom().min(o.bottom()) - b.y.max(o.y))
                })
                .sum()
        };
        let best = candidates
            .iter()
            .enumerate()
            .min_by(|(i, a), (j, b)| overlap(&a.1).total_cmp(&overlap(&b.1)).then(i.cmp(j)))
            .filter(|(_, c)| !item.strict || overlap(&c.1) == 0.0)
            .map(|(_, c)| c.clone());
        if let Some((line, bounds)) = best {
            // Side by side, labels keep a few pixels apart (see `LABEL_GAP`).
            let apart = Rect {
                x: bounds.x - LABEL_GAP / 2.0,
                w: bounds.w + LABEL_GAP,
                ..bounds
            };
            if placed.iter().any(|other: &Rect| apart.overlaps(other)) {
                continue;
            }
            obstacles.push(bounds);
            placed.push(bounds);
            labels.push(line);
        }
    }
    (labels, placed)
}

/// The labels of single points (a target, say), then the names of the panel's lines at
/// their last points where they all fit, so a reader need not look up the legend; all
/// clear of every marker, of the lines and of `taken`.
fn point_labels(
    panel: &Panel,
    locale: Locale,
    x: &LinearScale,
    y: &LinearScale,
    plot: Rect,
    taken: &[Rect],
) -> Vec<TextLine> {
    let at = |p: &crate::charts::model::Point| (x.map(p.x), y.map(p.y));
    let r = MARKER_RADIUS + 2.0;
    let dot = |(px, py): (f64, f64), r: f64| Rect {
        x: px - r,
        y: py - r,
        w: 2.0 * r,
        h: 2.0 * r,
    };
    let points: Vec<Beside> = panel
        .series
        .iter()
        .flat_map(|s| &s.points)
        .filter_map(|p| {
            Some(Beside {
                at: at(p),
                text: p.label.as_ref()?.get(locale).to_string(),
                font: SMALL,
                strict: false,
            })
        })
        .collect();
    let lines: Vec<Beside> = panel
        .series
        .iter()
        .filter(|s| s.shape != SeriesShape::Points && s.points.len() >= 2)
        .filter_map(|s| {
            Some(Beside {
                at: at(s.points.last()?),
                text: s.label.get(locale).to_string(),
                font: SMALL,
                strict: true,
            })
        })
        .collect();
    // One line needs no name: the panel's heading says what it is.
    let lines = if lines.len() >= 2 { lines } else { Vec::new() };
    if points.is_empty() && lines.is_empty() {
        // Nothing to place: a long series need not be walked.
        return Vec::new();
    }
    let mut obstacles: Vec<Rect> = panel
        .series
        .iter()
        .flat_map(|s| &s.points)
        .map(|p| dot(at(p), r))
        .chain(taken.iter().copied())
        .collect();
    // The lines, as dots a few pixels apart along them.
    for series in &panel.series {
        let path: Vec<(f64, f64)> = series.points.iter().map(at).collect();
        for pair in path.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let legs = match series.shape {
                SeriesShape::Points => Vec::new(),
                SeriesShape::Line => vec![(a, b)],
                SeriesShape::Step => vec![(a, (b.0, a.1)), ((b.0, a.1), b)],
            };
            for (from, to) in legs {
                let steps = ((to.0 - from.0).hypot(to.1 - from.1) / 4.0).ceil().max(1.0);
                for k in 0..=steps as usize {
                    let t = k as f64 / steps;
                    let p = (from.0 + (to.0 - from.0) * t, from.1 + (to.1 - from.1) * t);
                    obstacles.push(dot(p, 2.0));
                }
            }
        }
    }
    let (mut labels, placed) = place_beside(points, obstacles.clone(), taken, plot);
    // The lines' names all or none: some named and some not would send the reader to
    // the legend anyway.
    let count = lines.len();
    let (names, _) = place_beside(lines, obstacles, &placed, plot);
    if names.len() == count {
        labels.extend(names);
    }
    labels
}
