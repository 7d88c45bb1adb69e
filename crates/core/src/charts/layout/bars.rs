//! Horizontal bars: labels, one value axis, value labels and reference rules.
//!
//! Labels go in a column beside their bars when every label fits it in two lines (and
//! its detail in one); otherwise, on a narrow canvas, above their bars across the whole
//! width, so no label is cut and the bars keep most of the width. The value axis ends
//! where the longest bar's value label still fits, and its ticks are as many as keep
//! their labels apart ([`fitting_ticks`]).

use super::{
    axis_labels, text_width, wrap, Align, Font, Rect, TextLine, Tone, BODY, BODY_BOLD, SMALL,
    WANTED_PLOT_HEIGHT,
};
use crate::charts::model::{Bar, BarChart};
use crate::charts::scale::LinearScale;
use crate::charts::ticks::{fitting_ticks, ValueTicks};
use crate::figure::Qualifier;
use crate::format::format_value;
use crate::text::Locale;

#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    /// The middle of the bar.
    pub center: f64,
    pub thickness: f64,
    /// The label's lines, then the detail's.
    pub label: Vec<TextLine>,
    /// The value, after the end of the bar.
    pub value_label: TextLine,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceLayout {
    pub x: f64,
    pub label: TextLine,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarsLayout {
    pub plot: Rect,
    pub x: LinearScale,
    pub ticks: ValueTicks,
    pub x_labels: Vec<TextLine>,
    pub rows: Vec<BarRow>,
    pub references: Vec<ReferenceLayout>,
    /// Whether the labels are above their bars rather than in a column beside them.
    pub labels_above: bool,
}

/// The most lines of a label beside its bar, and of its detail.
const SIDE_LABEL_LINES: usize = 2;
const SIDE_DETAIL_LINES: usize = 1;
/// A label column that may be no wider than this reads as a list of fragments: labels
/// go above.
const MIN_COLUMN: f64 = 60.0;
/// Between the label column and the bars.
const COLUMN_GAP: f64 = 10.0;
/// A bar under its label, and the space between rows.
const BAR_UNDER_LABEL: f64 = 18.0;
const ROW_GAP: f64 = 12.0;
/// Between a bar's end and its value.
const VALUE_GAP: f64 = 6.0;

/// One line of a row's words.
type Words = Vec<(String, Font, Tone)>;

/// Where the labels go at a width, and what each row needs.
struct Plan {
    /// The label column's width; 0 with the labels above the bars.
    column: f64,
    above: bool,
    words: Vec<Words>,
    /// The height each row wants, and the least it needs to keep its words and its
    /// value label apart from the next row's.
    wants: Vec<f64>,
    needs: Vec<f64>,
}

impl Plan {
    /// Each row's height in `room`: what it wants, shared out more or less evenly; in
    /// less room than that, what it needs and a share of what is left; in less room
    /// still, its share of `room` (and its words cut to fit).
    fn heights(&self, room: f64) -> Vec<f64> {
        let wanted: f64 = self.wants.iter().sum();
        let needed: f64 = self.needs.iter().sum();
        if room >= wanted || wanted <= needed {
            let stretch = room / wanted.max(1.0);
            return self.wants.iter().map(|w| w * stretch).collect();
        }
        if room >= needed {
            let spare = (room - needed) / (wanted - needed);
            return self
                .wants
                .iter()
                .zip(&self.needs)
                .map(|(w, n)| n + (w - n) * spare)
                .collect();
        }
        let squeeze = room / needed.max(1.0);
        self.needs.iter().map(|n| n * squeeze).collect()
    }

    fn needed(&self) -> f64 {
        self.needs.iter().sum()
    }
}

/// How tall a value label is.
fn value_height() -> f64 {
    BODY.px * 1.2
}

fn label_font(bar: &Bar) -> Font {
    if bar.highlight {
        BODY_BOLD
    } else {
        BODY
    }
}

/// A bar's label, then its detail, broken into lines `width` wide.
fn words(bar: &Bar, locale: Locale, width: f64) -> (Words, usize) {
    let font = label_font(bar);
    let mut words: Words = wrap(bar.label.get(locale), font, width)
        .into_iter()
        .map(|l| (l, font, Tone::Text))
        .collect();
    let label_lines = words.len();
    if let Some(detail) = &bar.detail {
        words.extend(
            wrap(detail.get(locale), SMALL, width)
                .into_iter()
                .map(|l| (l, SMALL, Tone::Muted)),
        );
    }
    (words, label_lines)
}

fn block_height(words: &Words) -> f64 {
    words.iter().map(|(_, font, _)| font.line_height()).sum()
}

/// The widest a label column may be at `width`: the rest keeps the plot at least 60 %
/// of the canvas, whose margins are 28 pixels.
fn column_limit(width: f64) -> f64 {
    (0.36 * width - 16.0).max(0.0)
}

/// Where the labels go `width` wide, with at most `side_lines` lines of a label beside
/// its bar.
fn plan(chart: &BarChart, locale: Locale, width: f64, side_lines: usize) -> Plan {
    let natural = chart
        .bars
        .iter()
        .flat_map(|b| {
            let detail = b.detail.as_ref().map(|d| text_width(d.get(locale), SMALL));
            std::iter::once(text_width(b.label.get(locale), label_font(b))).chain(detail)
        })
        .fold(0.0, f64::max);
    let limit = column_limit(width);
    let column = natural.min(limit);
    let side: Vec<(Words, usize)> = chart
        .bars
        .iter()
        .map(|b| words(b, locale, column))
        .collect();
    let fits_beside = limit >= MIN_COLUMN
        && side.iter().all(|(words, label_lines)| {
            *label_lines <= side_lines
                && words.len() - label_lines <= SIDE_DETAIL_LINES
                && words
                    .iter()
                    .all(|(l, f, _)| text_width(l, *f) <= column + 0.5)
        });
    if fits_beside {
        let words: Vec<Words> = side.into_iter().map(|(w, _)| w).collect();
        let wants = words
            .iter()
            .map(|w| (block_height(w) + ROW_GAP).max(34.0))
            .collect();
        let needs = words
            .iter()
            .map(|w| block_height(w).max(value_height()) + 4.0)
            .collect();
        return Plan {
            column,
            above: false,
            words,
            wants,
            needs,
        };
    }
    let words: Vec<Words> = chart
        .bars
        .iter()
        .map(|b| words(b, locale, width).0)
        .collect();
    let wants = words
        .iter()
        .map(|w| block_height(w) + 4.0 + BAR_UNDER_LABEL + ROW_GAP)
        .collect();
    let needs = words
        .iter()
        .map(|w| block_height(w) + 4.0 + value_height() + 4.0)
        .collect();
    Plan {
        column: 0.0,
        above: true,
        words,
        wants,
        needs,
    }
}

fn reference_room(chart: &BarChart) -> f64 {
    if chart.references.is_empty() {
        0.0
    } else {
        SMALL.line_height() + 4.0
    }
}

/// Under the plot: the tick labels.
fn axis_room() -> f64 {
    BODY.line_height() + 6.0
}

/// The height the bars want `width` wide: every row's words, and a plot at least
/// [`WANTED_PLOT_HEIGHT`] tall.
pub(super) fn wanted_height(chart: &BarChart, locale: Locale, width: f64) -> f64 {
    let rows: f64 = plan(chart, locale, width, SIDE_LABEL_LINES)
        .wants
        .iter()
        .sum();
    reference_room(chart) + rows.max(WANTED_PLOT_HEIGHT) + axis_room()
}

pub(super) fn bars_layout(chart: &BarChart, locale: Locale, area: Rect) -> BarsLayout {
    let reference_room = reference_room(chart);
    let rows_room = area.h - reference_room - axis_room();
    let mut plan = plan(chart, locale, area.w, SIDE_LABEL_LINES);
    // A canvas too low for labels above their bars (a live canvas a little narrower
    // than the picture it replaces, whose labels were beside its bars) keeps them
    // beside, in a third line if it must.
    if plan.above && plan.needed() > rows_room {
        let beside = self::plan(chart, locale, area.w, SIDE_LABEL_LINES + 1);
        if !beside.above && beside.needed() <= rows_room {
            plan = beside;
        }
    }
    let indent = if plan.above {
        0.0
    } else {
        plan.column + COLUMN_GAP
    };
    let plot = Rect {
        x: area.x + indent,
        y: area.y + reference_room,
        w: area.w - indent,
        h: rows_room.max(1.0),
    };
    let value_labels: Vec<String> = chart
        .bars
        .iter()
        .map(|b| format_value(b.value, b.unit, b.qualifier, locale))
        .collect();
    // The axis reaches far enough that every value label fits after its bar, and a
    // little past every reference rule, which would otherwise stand on the plot's edge.
    let reach = chart
        .bars
        .iter()
        .zip(&value_labels)
        .map(|(bar, label)| {
            let room = plot.w - VALUE_GAP - text_width(label, label_font(bar));
            if room > 1.0 {
                bar.value * plot.w / room
            } else {
                bar.value * 2.0
            }
        })
        .chain(chart.references.iter().map(|r| r.value * 1.04))
        .fold(0.0, f64::max);
    let reach = if reach > 0.0 { reach } else { 1.0 };
    // Gridlines at round values up to that reach, which is where the axis ends.
    let within = |ticks: &ValueTicks, labels: &[String]| {
        let kept = ticks
            .values
            .iter()
            .take_while(|v| **v <= reach * (1.0 + 1e-9));
        let values: Vec<f64> = kept.copied().collect();
        let labels = labels[..values.len()].to_vec();
        let ticks = ValueTicks {
            min: ticks.min,
            max: reach,
            step: ticks.step,
            values,
        };
        (ticks, labels)
    };
    let (ticks, tick_texts) = fitting_ticks(
        0.0,
        reach,
        ((plot.w / 50.0) as usize).clamp(2, 6),
        locale,
        |ticks, labels| {
            let (ticks, labels) = within(ticks, labels);
            axis_labels(&ticks, &labels, plot, area).is_some()
        },
    );
    let (ticks, tick_texts) = within(&ticks, &tick_texts);
    let x = LinearScale::new((ticks.min, ticks.max), (plot.x, plot.right()));
    let x_labels = axis_labels(&ticks, &tick_texts, plot, area).unwrap_or_default();

    let heights = plan.heights(plot.h);
    let mut top = plot.y;
    let rows = chart
        .bars
        .iter()
        .zip(value_labels)
        .zip(plan.words)
        .zip(heights)
        .map(|(((bar, value_label), mut words), height)| {
            let row_top = top;
            top += height;
            let (center, thickness, first_line) = if plan.above {
                // Fewer lines only when the canvas is lower than the rows need.
                keep_lines(&mut words, height - 8.0 - value_height());
                let block = block_height(&words);
                let thickness = (height - block - 4.0 - ROW_GAP).clamp(8.0, 24.0);
                // The bar's middle, where its value label is, at least half a value
                // label under the words.
                let middle = (4.0 + thickness / 2.0).max(4.0 + value_height() / 2.0);
                let content = block + middle + thickness / 2.0;
                let first_line = row_top + ((height - content) / 2.0).max(0.0);
                (first_line + block + middle, thickness, first_line)
            } else {
                keep_lines(&mut words, height);
                let center = row_top + height / 2.0;
                (
                    center,
                    (height * 0.62).min(30.0),
                    center - block_height(&words) / 2.0,
                )
            };
            let mut y = first_line;
            let label = words
                .into_iter()
                .map(|(text, font, tone)| {
                    let line = TextLine {
                        text,
                        x: if plan.above {
                            plot.x
                        } else {
                            plot.x - COLUMN_GAP
                        },
                        y,
                        font,
                        tone,
                        align: if plan.above {
                            Align::Left
                        } else {
                            Align::Right
                        },
                    };
                    y += font.line_height();
                    line
                })
                .collect();
            let font = label_font(bar);
            BarRow {
                center,
                thickness,
                label,
                value_label: TextLine {
                    text: value_label,
                    x: x.map(bar.value) + VALUE_GAP,
                    y: center - font.px * 0.6,
                    font,
                    tone: Tone::Text,
                    align: Align::Left,
                },
            }
        })
        .collect();
    let references = chart
        .references
        .iter()
        .map(|r| {
            let at = x.map(r.value);
            let text = format!(
                "{}: {}",
                r.label.get(locale),
                format_value(r.value, r.unit, Qualifier::Exact, locale)
            );
            let width = text_width(&text, SMALL);
            // Beside the rule, on the side with room, and never past the body.
            let right_half = at > plot.x + plot.w / 2.0;
            let (x, align) = if right_half {
                ((at - 4.0).max(area.x + width), Align::Right)
            } else {
                ((at + 4.0).min(area.right() - width), Align::Left)
            };
            ReferenceLayout {
                x: at,
                label: TextLine {
                    text,
                    x,
                    y: area.y,
                    font: SMALL,
                    tone: Tone::Annotation,
                    align,
                },
            }
        })
        .collect();
    BarsLayout {
        plot,
        x,
        ticks,
        x_labels,
        rows,
        references,
        labels_above: plan.above,
    }
}

/// Only as many lines as `height` holds: a canvas lower than the rows want (a social
/// card, say) cuts the last kept line with an ellipsis. The sizes the core gives never do.
fn keep_lines(words: &mut Words, height: f64) {
    let mut kept = 0;
    let mut used = 0.0;
    for (_, font, _) in words.iter() {
        if used + font.line_height() > height && kept > 0 {
            break;
        }
        used += font.line_height();
        kept += 1;
    }
    if kept < words.len() {
        words.truncate(kept);
        if let Some((last, _, _)) = words.last_mut() {
            last.push('…');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::model::ReferenceLine;
    use crate::figure::{Confidence, Unit};
    use crate::text::Text;

    fn bar(label: &str, value: f64) -> Bar {
        Bar {
            label: Text::new(label, label),
            detail: None,
            value,
            unit: Unit::Tonnes,
            qualifier: Qualifier::Exact,
            confidence: Confidence::High,
            figure_ids: Vec::new(),
            highlight: false,
        }
    }

    fn area(w: f64, h: f64) -> Rect {
        Rect {
            x: 14.0,
            y: 0.0,
            w,
            h,
        }
    }

    #[test]
    fn short_labels_stand_beside_their_bars() {
        let chart = BarChart {
            bars: vec![bar("India", 5.0), bar("Spain", 3.0)],
            references: Vec::new(),
        };
        let layout = bars_layout(&chart, Locale::En, area(332.0, 240.0));
        assert!(!layout.labels_above);
        assert!(layout.rows.iter().all(|r| r.label.len() == 1));
    }

    #[test]
    fn long_labels_go_above_their_bars_on_a_phone_and_stay_whole() {
        let long = "Output in 2024, worked out from the monthly reports of the plant";
        let chart = BarChart {
            bars: vec![bar(long, 73_000.0), bar("Exports in 2025", 76_000.0)],
            references: vec![ReferenceLine {
                value: 304_000.0,
                unit: Unit::TonnesPerYear,
                label: Text::new("Capacity", "Capacity"),
                figure_ids: Vec::new(),
            }],
        };
        let height = wanted_height(&chart, Locale::En, 332.0);
        let layout = bars_layout(&chart, Locale::En, area(332.0, height));
        assert!(layout.labels_above);
        let shown: Vec<&str> = layout.rows[0]
            .label
            .iter()
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(shown.join(" "), long);
        assert_eq!(layout.plot.w, 332.0);
        // The bar is under its label.
        let last_line = layout.rows[0].label.last().unwrap();
        assert!(layout.rows[0].center - layout.rows[0].thickness / 2.0 > last_line.y);
        let desk = bars_layout(&chart, Locale::En, area(792.0, 300.0));
        assert!(!desk.labels_above);
    }

    #[test]
    fn every_value_label_fits_after_its_bar() {
        let chart = BarChart {
            bars: vec![bar("A", 650_000.0), bar("B", 120_000.0)],
            references: Vec::new(),
        };
        for width in [292.0, 332.0, 792.0] {
            let layout = bars_layout(&chart, Locale::Az, area(width, 300.0));
            for row in &layout.rows {
                let end = row.value_label.x + text_width(&row.value_label.text, BODY);
                assert!(end <= layout.plot.right() + 0.5, "{width}: {end}");
            }
        }
    }
}
