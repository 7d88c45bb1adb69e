//! Horizontal bars: a label column, one value axis, value labels and reference rules.

use super::{text_width, wrap, Align, Font, Rect, TextLine, Tone, BODY, BODY_BOLD, SMALL};
use crate::charts::model::BarChart;
use crate::charts::scale::LinearScale;
use crate::charts::ticks::{tick_label, value_ticks, ValueTicks};
use crate::figure::Qualifier;
use crate::format::format_value;
use crate::text::Locale;

#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    pub center: f64,
    pub thickness: f64,
    pub label: Vec<TextLine>,
    pub value_label: String,
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
}

pub(super) fn bars_layout(chart: &BarChart, locale: Locale, area: Rect) -> BarsLayout {
    let label_column = (area.w * 0.34).min(
        chart
            .bars
            .iter()
            .flat_map(|b| {
                let detail = b.detail.as_ref().map(|d| text_width(d.get(locale), SMALL));
                std::iter::once(text_width(b.label.get(locale), BODY_BOLD)).chain(detail)
            })
            .fold(0.0, f64::max),
    );
    let value_labels: Vec<String> = chart
        .bars
        .iter()
        .map(|b| format_value(b.value, b.unit, b.qualifier, locale))
        .collect();
    let value_room = value_labels
        .iter()
        .map(|l| text_width(l, BODY))
        .fold(0.0, f64::max)
        + 10.0;
    let reference_room = if chart.references.is_empty() {
        0.0
    } else {
        SMALL.line_height() + 4.0
    };
    let plot = Rect {
        x: area.x + label_column + 10.0,
        y: area.y + reference_room,
        w: area.w - label_column - 10.0 - value_room,
        h: area.h - reference_room - BODY.line_height() - 6.0,
    };
    let largest = chart
        .bars
        .iter()
        .map(|b| b.value)
        .chain(chart.references.iter().map(|r| r.value))
        .fold(0.0, f64::max);
    let ticks = value_ticks(0.0, largest, ((plot.w / 110.0) as usize).clamp(2, 6));
    let x = LinearScale::new((ticks.min, ticks.max), (plot.x, plot.right()));
    let x_labels = ticks
        .values
        .iter()
        .map(|v| TextLine {
            text: tick_label(*v, ticks.step, ticks.max, locale),
            x: x.map(*v),
            y: plot.bottom() + 5.0,
            font: BODY,
            tone: Tone::Muted,
            align: Align::Center,
        })
        .collect();
    let count = chart.bars.len().max(1) as f64;
    let row_height = plot.h / count;
    let rows = chart
        .bars
        .iter()
        .zip(value_labels)
        .enumerate()
        .map(|(i, (bar, value_label))| {
            let center = plot.y + row_height * (i as f64 + 0.5);
            let font = if bar.highlight { BODY_BOLD } else { BODY };
            let mut texts: Vec<(String, Font, Tone)> =
                wrap(bar.label.get(locale), font, label_column)
                    .into_iter()
                    .map(|l| (l, font, Tone::Text))
                    .collect();
            if let Some(detail) = &bar.detail {
                texts.extend(
                    wrap(detail.get(locale), SMALL, label_column)
                        .into_iter()
                        .map(|l| (l, SMALL, Tone::Muted)),
                );
            }
            // Only as many lines as the row holds; a cut label ends in an ellipsis.
            let fits = ((row_height / BODY.line_height()).floor() as usize).max(1);
            if texts.len() > fits {
                texts.truncate(fits);
                if let Some((last, _, _)) = texts.last_mut() {
                    last.push('…');
                }
            }
            let block: f64 = texts.iter().map(|(_, f, _)| f.line_height()).sum();
            let mut y = center - block / 2.0;
            let label = texts
                .into_iter()
                .map(|(text, font, tone)| {
                    let line = TextLine {
                        text,
                        x: plot.x - 10.0,
                        y,
                        font,
                        tone,
                        align: Align::Right,
                    };
                    y += font.line_height();
                    line
                })
                .collect();
            BarRow {
                center,
                thickness: (row_height * 0.62).min(30.0),
                label,
                value_label,
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
            let right_half = at > plot.x + plot.w / 2.0;
            ReferenceLayout {
                x: at,
                label: TextLine {
                    text,
                    x: if right_half { at - 4.0 } else { at + 4.0 },
                    y: area.y,
                    font: SMALL,
                    tone: Tone::Annotation,
                    align: if right_half {
                        Align::Right
                    } else {
                        Align::Left
                    },
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
    }
}
