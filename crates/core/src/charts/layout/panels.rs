//! Line chart panels: side by side, sharing the time axis; each with its own value
//! axis, tick labels, event labels and point labels.

use super::{text_width, wrap, Align, Rect, TextLine, Tone, BODY, HEADING, MARKER_RADIUS, SMALL};
use crate::charts::model::{LineChart, Panel};
use crate::charts::scale::LinearScale;
use crate::charts::ticks::{tick_label, time_domain, value_ticks, year_ticks, ValueTicks};
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
    pub heading: Option<TextLine>,
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

fn panel_heading(panel: &Panel, locale: Locale) -> Option<String> {
    match (&panel.title, panel.unit()) {
        (Some(title), _) => Some(title.get(locale).to_string()),
        (None, Some(unit)) => Some(unit_label(unit, locale).to_string()),
        (None, None) => None,
    }
}

pub(super) fn line_panels(chart: &LineChart, locale: Locale, area: Rect) -> Vec<PanelLayout> {
    let count = chart.panels.len().max(1) as f64;
    let gap = 28.0;
    let panel_width = (area.w - gap * (count - 1.0)) / count;
    let (x0, x1) = chart
        .x_extent()
        .map(|(lo, hi)| time_domain(lo, hi))
        .unwrap_or((0.0, 1.0));
    let has_headings = chart
        .panels
        .iter()
        .any(|p| panel_heading(p, locale).is_some());
    let plot_top = area.y
        + if has_headings {
            HEADING.line_height() + 6.0
        } else {
            4.0
        };
    let plot_bottom = area.bottom() - BODY.line_height() - 6.0;
    let plot_height = plot_bottom - plot_top;
    chart
        .panels
        .iter()
        .enumerate()
        .map(|(i, panel)| {
            let left = area.x + i as f64 * (panel_width + gap);
            let (lo, hi) = panel
                .series
                .iter()
                .flat_map(|s| s.points.iter().map(|p| p.y))
                .fold((0.0f64, f64::NEG_INFINITY), |(lo, hi), y| {
                    (lo.min(y), hi.max(y))
                });
            let intervals = ((plot_height / 45.0) as usize).clamp(2, 6);
            let y_ticks = value_ticks(lo, if hi.is_finite() { hi } else { 0.0 }, intervals);
            let labels: Vec<String> = y_ticks
                .values
                .iter()
                .map(|v| tick_label(*v, y_ticks.step, y_ticks.max, locale))
                .collect();
            let label_width = labels
                .iter()
                .map(|l| text_width(l, BODY))
                .fold(0.0, f64::max);
            let plot = Rect {
                x: left + label_width + 8.0,
                y: plot_top,
                w: panel_width - label_width - 8.0 - 6.0,
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
            let max_years = ((plot.w / 40.0) as usize).max(2);
            let years = year_ticks(x0, x1, max_years);
            let x_labels = years
                .iter()
                .map(|year| TextLine {
                    text: year.to_string(),
                    x: x.map(f64::from(*year)),
                    y: plot.bottom() + 5.0,
                    font: BODY,
                    tone: Tone::Muted,
                    align: Align::Center,
                })
                .collect();
            let annotations = panel
                .annotations
                .iter()
                .map(|a| {
                    let at = x.map(a.x);
                    let right_half = at > plot.x + plot.w / 2.0;
                    let room = if right_half {
                        at - plot.x
                    } else {
                        plot.right() - at
                    } - 8.0;
                    let lines = wrap(a.label.get(locale), SMALL, room.max(60.0));
                    // At the foot of the plot, where values from zero rarely reach.
                    let first_line = plot.bottom() - 4.0 - lines.len() as f64 * SMALL.line_height();
                    let lines = lines
                        .into_iter()
                        .enumerate()
                        .map(|(k, text)| TextLine {
                            text,
                            x: if right_half { at - 4.0 } else { at + 4.0 },
                            y: first_line + k as f64 * SMALL.line_height(),
                            font: SMALL,
                            tone: Tone::Annotation,
                            align: if right_half {
                                Align::Right
                            } else {
                                Align::Left
                            },
                        })
                        .collect();
                    AnnotationLayout { x: at, lines }
                })
                .collect();
            let heading = panel_heading(panel, locale).map(|text| {
                let text = wrap(&text, HEADING, panel_width)
                    .into_iter()
                    .next()
                    .unwrap_or_default();
                TextLine::left(text, left, area.y, HEADING, Tone::Text)
            });
            let point_labels = point_labels(panel, locale, &x, &y, plot);
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
        })
        .collect()
}

/// Each labelled point's label, at the first place around its point that stays in
/// the plot and clears every marker and the labels already placed; failing that,
/// where it overlaps least. A label that would cover another label is left out (on a
/// narrow phone): two unreadable labels help nobody, and the value's words are in its
/// tooltip, the table and the description.
fn point_labels(
    panel: &Panel,
    locale: Locale,
    x: &LinearScale,
    y: &LinearScale,
    plot: Rect,
) -> Vec<TextLine> {
    let points: Vec<(f64, f64)> = panel
        .series
        .iter()
        .flat_map(|s| &s.points)
        .map(|p| (x.map(p.x), y.map(p.y)))
        .collect();
    let r = MARKER_RADIUS + 2.0;
    let mut obstacles: Vec<Rect> = points
        .iter()
        .map(|(px, py)| Rect {
            x: px - r,
            y: py - r,
            w: 2.0 * r,
            h: 2.0 * r,
        })
        .collect();
    let mut labels = Vec::new();
    let mut placed: Vec<Rect> = Vec::new();
    let labelled = panel.series.iter().flat_map(|s| &s.points).zip(&points);
    for (point, at) in labelled {
        let Some(label) = &point.label else { continue };
        let text = label.get(locale);
        let (w, h) = (text_width(text, SMALL), SMALL.line_height());
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
                    text: text.to_string(),
                    x: if right { left } else { left + w },
                    y: at.1 + dy,
                    font: SMALL,
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
            .filter(|(_, b)| b.x >= plot.x && b.right() <= plot.right() && b.y >= plot.y)
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
            .map(|(_, c)| c.clone());
        if let Some((line, bounds)) = best {
            if placed.iter().any(|other: &Rect| bounds.overlaps(other)) {
                continue;
            }
            obstacles.push(bounds);
            placed.push(bounds);
            labels.push(line);
        }
    }
    labels
}
