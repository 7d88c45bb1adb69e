//! Charts adapt to the width they are given rather than shrink: every chart of the
//! catalog, in both languages, laid out at every width from 320 to 1280 pixels (step
//! 40) in the three forms a reader meets it:
//! - the page: the body without its words ([`on_screen`]), as [`Frame::new`] sizes it
//!   (the build's static pictures are these at the widths of `VARIANTS`);
//! - the live canvas that replaces a picture: [`Frame::sized`] at the width of the card
//!   and the height of the picture scaled to it ([`Variant::height_at`]);
//! - the file: the whole chart at [`standalone_size`].
//!
//! In each, no two texts overlap, no text is cut (with an ellipsis, or by leaving words
//! out) or leaves the canvas, and the plot is at least 60 % of the canvas wide and 200
//! pixels tall. A map has no plot in that sense: it keeps its projection's proportions,
//! so the rule for it is that it is at least 60 % of the canvas wide and as tall as
//! those proportions make it.

mod common;
use common::shipped_resources;
use klaster_core::charts::frame::{on_screen, standalone_size, Frame, Variant};
use klaster_core::charts::layout::{BodyLayout, ChartLayout, Rect, TextLine};
use klaster_core::charts::model::{ChartBody, ChartData};
use klaster_core::charts::{extract, ChartId};
use klaster_core::format::unit_label;
use klaster_core::text::Locale;

const MIN_PLOT_SHARE: f64 = 0.6;
const MIN_PLOT_HEIGHT: f64 = 200.0;
/// How much wider than the core's estimate a label may be set, each side.
const TEXT_SLACK: f64 = 2.0;

/// What a line of text covers: its width as the core estimates it, and the height of
/// its letters (a little less than a line, whose height includes the space between
/// lines).
fn text_box(line: &TextLine) -> Rect {
    Rect {
        h: line.font.px * 1.2,
        ..line.bounds()
    }
}

/// Every text of a layout.
fn texts(layout: &ChartLayout) -> Vec<&TextLine> {
    let mut texts: Vec<&TextLine> = layout.header.iter().chain(&layout.footer).collect();
    texts.extend(layout.legend.iter().map(|e| &e.label));
    match &layout.body {
        BodyLayout::Lines(panels) => {
            for p in panels {
                texts.extend(p.heading.iter().chain(&p.y_labels).chain(&p.x_labels));
                texts.extend(p.annotations.iter().flat_map(|a| &a.lines));
                texts.extend(&p.point_labels);
            }
        }
        BodyLayout::Bars(bars) => {
            texts.extend(&bars.x_labels);
            texts.extend(bars.rows.iter().flat_map(|r| &r.label));
            texts.extend(bars.rows.iter().map(|r| &r.value_label));
            texts.extend(bars.references.iter().map(|r| &r.label));
        }
        BodyLayout::Timeline(timeline) => {
            texts.extend(&timeline.tick_labels);
            texts.extend(timeline.key_date.iter().map(|(_, label)| label));
            texts.extend(timeline.events.iter().flat_map(|e| &e.label));
        }
        BodyLayout::Map(map) => {
            texts.extend(map.badges.iter().map(|b| &b.text));
            texts.extend(map.badges.iter().filter_map(|b| b.name.as_ref()));
        }
    }
    texts.retain(|t| !t.text.is_empty());
    texts
}

/// The words of `text`, to compare what is shown with what should be.
fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

/// Each labelled thing of the data, with the lines the layout shows it in.
fn labels<'a>(
    chart: &'a ChartData,
    layout: &'a ChartLayout,
    locale: Locale,
) -> Vec<(String, String)> {
    let joined = |lines: &mut dyn Iterator<Item = &TextLine>| {
        lines.map(|l| l.text.as_str()).collect::<Vec<_>>().join(" ")
    };
    let mut pairs = Vec::new();
    match (&chart.body, &layout.body) {
        (ChartBody::Lines(data), BodyLayout::Lines(panels)) => {
            for (panel, laid) in data.panels.iter().zip(panels) {
                let heading = match (&panel.title, panel.unit()) {
                    (Some(title), _) => title.get(locale).to_string(),
                    (None, Some(unit)) => unit_label(unit, locale).to_string(),
                    (None, None) => String::new(),
                };
                pairs.push((heading, joined(&mut laid.heading.iter())));
                for (a, shown) in panel.annotations.iter().zip(&laid.annotations) {
                    pairs.push((
                        a.label.get(locale).to_string(),
                        joined(&mut shown.lines.iter()),
                    ));
                }
            }
        }
        (ChartBody::Bars(data), BodyLayout::Bars(bars)) => {
            for (bar, row) in data.bars.iter().zip(&bars.rows) {
                let mut label = bar.label.get(locale).to_string();
                if let Some(detail) = &bar.detail {
                    label = format!("{label} {}", detail.get(locale));
                }
                pairs.push((label, joined(&mut row.label.iter())));
            }
        }
        (ChartBody::Timeline(data), BodyLayout::Timeline(timeline)) => {
            for (event, laid) in data.events.iter().zip(&timeline.events) {
                pairs.push((
                    event.label.get(locale).to_string(),
                    joined(&mut laid.label.iter()),
                ));
            }
        }
        _ => {}
    }
    pairs
}

/// What is wrong with `layout` seen through `canvas` (in the layout's pixels).
fn problems(chart: &ChartData, layout: &ChartLayout, locale: Locale, canvas: Rect) -> Vec<String> {
    let mut found = Vec::new();
    let texts = texts(layout);
    let boxes: Vec<Rect> = texts.iter().map(|t| text_box(t)).collect();
    for (text, b) in texts.iter().zip(&boxes) {
        if text.text.contains('…') {
            found.push(format!("'{}' is cut", text.text));
        }
        let inside = b.x >= canvas.x - 0.5
            && b.right() <= canvas.right() + 0.5
            && b.y >= canvas.y - 0.5
            && b.bottom() <= canvas.bottom() + 0.5;
        if !inside {
            found.push(format!("'{}' leaves the canvas ({b:?})", text.text));
        }
    }
    // Two labels side by side keep a few pixels apart: a font may set a label a little
    // wider than the core's estimate.
    let widened: Vec<Rect> = boxes
        .iter()
        .map(|b| Rect {
            x: b.x - TEXT_SLACK,
            w: b.w + 2.0 * TEXT_SLACK,
            ..*b
        })
        .collect();
    for (i, a) in widened.iter().enumerate() {
        for (j, b) in widened.iter().enumerate().skip(i + 1) {
            if a.overlaps(b) {
                found.push(format!("'{}' overlaps '{}'", texts[i].text, texts[j].text));
            }
        }
    }
    for (expected, shown) in labels(chart, layout, locale) {
        if words(&expected) != words(&shown) {
            found.push(format!("'{expected}' is shown as '{shown}'"));
        }
    }
    let width = canvas.w;
    let small = |what: &str, plot: &Rect, share: f64| {
        (plot.w < MIN_PLOT_SHARE * width * share || plot.h < MIN_PLOT_HEIGHT)
            .then(|| format!("the {what} is {:.0} × {:.0}", plot.w, plot.h))
    };
    match &layout.body {
        BodyLayout::Lines(panels) => {
            // Panels side by side share the width: together they are the plot.
            let mut rows: Vec<(f64, f64, f64)> = Vec::new();
            for p in panels {
                match rows
                    .iter_mut()
                    .find(|(y, _, _)| (*y - p.plot.y).abs() < 0.5)
                {
                    Some(row) => {
                        row.1 += p.plot.w;
                        row.2 = row.2.min(p.plot.h);
                    }
                    None => rows.push((p.plot.y, p.plot.w, p.plot.h)),
                }
            }
            for (y, w, h) in rows {
                found.extend(small("panels' plot", &Rect { x: 0.0, y, w, h }, 1.0));
            }
        }
        BodyLayout::Bars(bars) => found.extend(small("bars' plot", &bars.plot, 1.0)),
        BodyLayout::Timeline(timeline) => {
            found.extend(small("timeline's plot", &timeline.plot, 1.0));
            // A label covers no other event's marker or stem either.
            for a in &timeline.events {
                for b in timeline.events.iter().filter(|b| *b != a) {
                    let marker = Rect {
                        x: b.at.0 - b.radius,
                        y: b.at.1 - b.radius,
                        w: 2.0 * b.radius,
                        h: 2.0 * b.radius,
                    };
                    let stem = Rect {
                        x: b.axis_x - 0.5,
                        y: b.at.1,
                        w: 1.0,
                        h: timeline.axis_y - b.at.1,
                    };
                    if a.label_box.overlaps(&marker) || a.label_box.overlaps(&stem) {
                        let text = |e: &klaster_core::charts::layout::EventLayout| {
                            e.label
                                .iter()
                                .map(|l| l.text.clone())
                                .collect::<Vec<_>>()
                                .join(" ")
                        };
                        found.push(format!("'{}' covers the event '{}'", text(a), text(b)));
                    }
                }
            }
        }
        BodyLayout::Map(map) => {
            if map.frame.w < MIN_PLOT_SHARE * width {
                found.push(format!("the map is {:.0} wide", map.frame.w));
            }
        }
    }
    found
}

fn widths() -> impl Iterator<Item = f64> {
    (320..=1280).step_by(40).map(f64::from)
}

/// Runs `check` on every chart in both languages at every width, and reports every
/// problem at once.
fn every_chart(form: &str, check: impl Fn(&ChartData, Locale, f64) -> Vec<String>) {
    let package = shipped_resources();
    let mut failures = Vec::new();
    for id in ChartId::ALL {
        let chart = extract(id, &package).unwrap_or_else(|e| panic!("{e}"));
        for locale in Locale::ALL {
            for width in widths() {
                for problem in check(&chart, locale, width) {
                    failures.push(format!("{id} ({}) at {width}: {problem}", locale.tag()));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems {form}:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// What the frame's canvas shows, in the layout's pixels.
fn window(frame: &Frame) -> Rect {
    Rect {
        x: 0.0,
        y: frame.crop,
        w: frame.width,
        h: frame.height,
    }
}

#[test]
fn on_the_page_every_chart_adapts_to_its_width() {
    every_chart("on the page", |chart, locale, width| {
        let body = on_screen(chart);
        let frame = Frame::new(&body, locale, width);
        problems(&body, &frame.layout, locale, window(&frame))
    });
}

#[test]
fn the_live_canvas_adapts_to_its_width_at_the_pictures_height() {
    every_chart("on the live canvas", |chart, locale, width| {
        let body = on_screen(chart);
        let variant = Variant::for_viewport(width);
        let height = variant.height_at(&body, locale, width);
        let frame = Frame::sized(&body, locale, width, height);
        problems(&body, &frame.layout, locale, window(&frame))
    });
}

#[test]
fn as_a_file_every_chart_has_room_for_everything() {
    every_chart("in the file", |chart, locale, width| {
        let (w, h) = standalone_size(chart, locale, width);
        let layout = ChartLayout::new(chart, locale, w, h);
        let canvas = Rect {
            x: 0.0,
            y: 0.0,
            w,
            h,
        };
        problems(chart, &layout, locale, canvas)
    });
}
