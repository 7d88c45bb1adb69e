//! A chart placed for a page, in CSS pixels. On a page the chart's words (title, legend,
//! sources) are HTML around the drawing, so the drawing shows only the body of the
//! layout: the layout is made for a taller area and the drawing shifted up by `crop`.
//! Downloads draw the whole standalone chart instead ([`standalone_size`]). Every size
//! here is the layout's answer ([`ChartLayout::body_top`], [`ChartLayout::body_height`]),
//! not found by laying the chart out and looking.
//!
//! The build draws each chart's body ahead of time at the widths of [`VARIANTS`]; the
//! page shows the one whose viewport range it is in, and the interactive canvas that later
//! takes its place keeps that picture's proportions ([`Variant::height_at`]), so nothing
//! below it moves.

use super::layout::{BodyLayout, ChartLayout, LegendEntry, BODY};
use super::model::{ChartBody, ChartData};
use super::ChartSpec;
use crate::text::{Locale, Text};

/// One width the build draws a chart's body at, for viewports up to `max_viewport` CSS
/// pixels wide (the last has no limit).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Variant {
    /// In file names: `<id>-<lang>-<name>.svg`.
    pub name: &'static str,
    pub width: u32,
    pub max_viewport: Option<u32>,
}

/// Phones, tablets and narrow windows, desktops.
pub const VARIANTS: [Variant; 3] = [
    Variant {
        name: "s",
        width: 360,
        max_viewport: Some(599),
    },
    Variant {
        name: "m",
        width: 600,
        max_viewport: Some(959),
    },
    Variant {
        name: "l",
        width: 820,
        max_viewport: None,
    },
];

impl Variant {
    /// The variant a viewport `viewport` CSS pixels wide shows.
    pub fn for_viewport(viewport: f64) -> Variant {
        VARIANTS
            .into_iter()
            .find(|v| v.max_viewport.is_none_or(|max| viewport <= f64::from(max)))
            .unwrap_or(VARIANTS[VARIANTS.len() - 1])
    }

    /// The CSS media query that selects this variant, for `<source media>` and
    /// `matchMedia`; `None` for the last, which is the picture's default.
    pub fn media(&self) -> Option<String> {
        self.max_viewport.map(|max| format!("(max-width: {max}px)"))
    }

    /// The height of `chart`'s body drawn `width` wide in this variant's proportions:
    /// the picture scaled to `width`, so a canvas of this height replaces it in place.
    pub fn height_at(&self, chart: &ChartData, locale: Locale, width: f64) -> f64 {
        let own = Frame::new(chart, locale, f64::from(self.width));
        (own.height * width / own.width).round()
    }
}

/// Narrower than this, a chart is drawn at this width and its box scrolls.
pub const MIN_WIDTH: f64 = 240.0;
/// Room kept above the body on the page.
const TOP_MARGIN: f64 = 8.0;
/// Room kept under the body on the page.
const BOTTOM_MARGIN: f64 = 4.0;
/// The least body a file gets.
const MIN_FILE_BODY: f64 = 160.0;

/// The chart without its words, which the card shows as HTML.
pub fn on_screen(chart: &ChartData) -> ChartData {
    let empty = || Text::new("", "");
    ChartData {
        spec: ChartSpec {
            id: chart.spec.id,
            title: empty(),
            subtitle: empty(),
            source: empty(),
            notes: Vec::new(),
            as_of: None,
        },
        body: chart.body.clone(),
    }
}

/// The chart with the series of the hidden style indices left empty: the others keep
/// their colours, markers and legend entries.
pub fn with_hidden(chart: &ChartData, hidden: &[usize]) -> ChartData {
    let mut shown = chart.clone();
    if let (ChartBody::Lines(all), ChartBody::Lines(lines)) = (&chart.body, &mut shown.body) {
        let styles: Vec<usize> = all.series_with_style().iter().map(|(i, _)| *i).collect();
        let series = lines.panels.iter_mut().flat_map(|p| p.series.iter_mut());
        for (series, style) in series.zip(styles) {
            if hidden.contains(&style) {
                series.points.clear();
            }
        }
    }
    shown
}

/// The height of the canvas that shows the body of `chart` `width` wide on a page: the
/// body the layout wants, and the margins around it.
pub fn body_height(chart: &ChartData, locale: Locale, width: f64) -> f64 {
    let crop = crop(chart, locale, width);
    let above = ChartLayout::body_top(chart, locale, width) - crop;
    above + ChartLayout::body_height(chart, locale, width) + BOTTOM_MARGIN
}

/// Where the body of a layout begins: its highest heading, label or plot.
pub fn body_top(layout: &ChartLayout) -> f64 {
    match &layout.body {
        BodyLayout::Lines(panels) => panels
            .iter()
            .flat_map(|p| {
                let labels = p.heading.iter().chain(&p.y_labels).map(|l| l.y);
                labels.chain([p.plot.y])
            })
            .fold(f64::INFINITY, f64::min),
        BodyLayout::Bars(bars) => bars
            .references
            .iter()
            .map(|r| r.label.y)
            .fold(bars.plot.y, f64::min),
        BodyLayout::Timeline(timeline) => timeline.plot.y,
        BodyLayout::Map(map) => map.frame.y,
    }
}

/// How much of the top of the layout the page leaves out: the legend's room (its height
/// depends only on the width) down to a little above the body.
fn crop(chart: &ChartData, locale: Locale, width: f64) -> f64 {
    (ChartLayout::body_top(chart, locale, width) - TOP_MARGIN)
        .max(0.0)
        .floor()
}

/// A chart placed for the page: the core's layout of the whole (word-less) chart, and
/// the window of it the canvas shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    pub layout: ChartLayout,
    /// The legend the core laid out, which the card shows as HTML.
    pub legend: Vec<LegendEntry>,
    /// How far the drawing is shifted up: layout `y` = canvas `y` + `crop`.
    pub crop: f64,
    /// The canvas, in CSS pixels.
    pub width: f64,
    pub height: f64,
}

impl Frame {
    /// `chart` as [`on_screen`] returns it, laid out `width` wide.
    pub fn new(chart: &ChartData, locale: Locale, width: f64) -> Frame {
        let width = width.max(MIN_WIDTH).floor();
        let height = body_height(chart, locale, width).ceil();
        Frame::sized(chart, locale, width, height)
    }

    /// `chart` laid out `width` wide with a body `height` tall.
    pub fn sized(chart: &ChartData, locale: Locale, width: f64, height: f64) -> Frame {
        let width = width.max(MIN_WIDTH).floor();
        let height = height.max(1.0).ceil();
        let crop = crop(chart, locale, width);
        let above = ChartLayout::body_top(chart, locale, width) - crop;
        let body = height - above - BOTTOM_MARGIN;
        let mut layout = ChartLayout::with_body(chart, locale, width, body);
        // The legend is HTML on the page.
        let legend = std::mem::take(&mut layout.legend);
        Frame {
            layout,
            legend,
            crop,
            width,
            height,
        }
    }

    /// From a point on the canvas to the layout's pixels.
    pub fn to_layout(&self, (x, y): (f64, f64)) -> (f64, f64) {
        (x, y + self.crop)
    }

    /// From the layout's pixels to a point on the canvas.
    pub fn to_canvas(&self, (x, y): (f64, f64)) -> (f64, f64) {
        (x, y - self.crop)
    }
}

/// The size of the chart as a file: `width` wide (within reason) and as tall as its
/// words and body need.
pub fn standalone_size(chart: &ChartData, locale: Locale, width: f64) -> (f64, f64) {
    let width = width.clamp(640.0, 1100.0).floor();
    let body = ChartLayout::body_height(chart, locale, width).max(MIN_FILE_BODY);
    let height = ChartLayout::height_with_body(chart, locale, width, body);
    (width, height.ceil())
}

/// A legend swatch's size in CSS pixels: the core draws a legend mark 26 pixels wide.
pub const SWATCH: (f64, f64) = (30.0, 20.0);

/// A chart with nothing but one legend entry, laid out so that drawing it paints just
/// that entry's mark: the legend's swatches, on a canvas or in SVG.
pub fn swatch(id: super::ChartId, mark: super::layout::LegendMark) -> (ChartData, ChartLayout) {
    use super::layout::{Align, TextLine, Tone};
    use super::model::LineChart;
    let none = || Text::new("", "");
    let chart = ChartData {
        spec: ChartSpec {
            id,
            title: none(),
            subtitle: none(),
            source: none(),
            notes: Vec::new(),
            as_of: None,
        },
        body: ChartBody::Lines(LineChart { panels: Vec::new() }),
    };
    let layout = ChartLayout {
        width: SWATCH.0,
        height: SWATCH.1,
        header: Vec::new(),
        legend: vec![LegendEntry {
            mark,
            x: 2.0,
            y: SWATCH.1 / 2.0,
            label: TextLine {
                text: String::new(),
                x: 0.0,
                y: 0.0,
                font: BODY,
                tone: Tone::Text,
                align: Align::Left,
            },
        }],
        body: BodyLayout::Lines(Vec::new()),
        footer: Vec::new(),
    };
    (chart, layout)
}

/// The canvas's backing store for a CSS size at a device pixel ratio: whole device
/// pixels, at least one each way.
pub fn backing_size((width, height): (f64, f64), pixel_ratio: f64) -> (u32, u32) {
    let ratio = if pixel_ratio.is_finite() && pixel_ratio > 0.0 {
        pixel_ratio
    } else {
        1.0
    };
    let device = |css: f64| ((css * ratio).round() as u32).max(1);
    (device(width), device(height))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::{extract, ChartId, ParkTopic};
    use crate::test_data::package;

    #[test]
    fn the_backing_store_is_the_css_size_times_the_pixel_ratio() {
        assert_eq!(backing_size((640.0, 300.0), 1.0), (640, 300));
        assert_eq!(backing_size((640.0, 300.0), 2.0), (1280, 600));
        assert_eq!(backing_size((333.0, 201.0), 1.5), (500, 302));
        assert_eq!(backing_size((640.0, 300.0), 0.0), (640, 300));
        assert_eq!(backing_size((640.0, 300.0), f64::NAN), (640, 300));
        assert_eq!(backing_size((0.0, 0.0), 3.0), (1, 1));
    }

    #[test]
    fn the_page_shows_the_body_without_the_words() {
        let package = package();
        for id in ChartId::ALL {
            let chart = on_screen(&extract(id, &package.resources).unwrap());
            for width in [320.0, 760.0, 1100.0] {
                let frame = Frame::new(&chart, Locale::Az, width);
                assert!(frame.layout.header.is_empty() && frame.layout.footer.is_empty());
                assert!(frame.layout.legend.is_empty(), "{id}: the legend is HTML");
                let top = body_top(&frame.layout) - frame.crop;
                assert!(
                    (0.0..=12.0).contains(&top),
                    "{id} at {width}: body at {top}"
                );
                // Three panels stacked on a phone are the tallest.
                assert!(
                    frame.height >= 100.0 && frame.height < 1000.0,
                    "{id} at {width}: {}",
                    frame.height
                );
            }
        }
    }

    #[test]
    fn the_timeline_is_tall_enough_that_no_two_labels_overlap() {
        let package = package();
        let chart = on_screen(&extract(ChartId::AccessionTimeline, &package.resources).unwrap());
        for locale in [Locale::Az, Locale::En] {
            for width in [320.0, 600.0, 926.0] {
                let frame = Frame::new(&chart, locale, width);
                let BodyLayout::Timeline(timeline) = &frame.layout.body else {
                    panic!("a timeline")
                };
                let boxes: Vec<_> = timeline.events.iter().map(|e| e.label_box).collect();
                for (i, a) in boxes.iter().enumerate() {
                    for b in &boxes[i + 1..] {
                        assert!(!a.overlaps(b), "{locale:?} at {width}: {a:?} and {b:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn the_pointer_and_the_drawing_share_the_frame() {
        let package = package();
        let chart = on_screen(&extract(ChartId::InitiativeGrowth, &package.resources).unwrap());
        let frame = Frame::new(&chart, Locale::En, 700.0);
        let at = (120.0, 80.0);
        assert_eq!(frame.to_canvas(frame.to_layout(at)), at);
        assert_eq!(frame.to_layout(at).1, 80.0 + frame.crop);
    }

    #[test]
    fn hidden_series_keep_the_styles_of_the_others() {
        let package = package();
        let chart = extract(ChartId::Park(ParkTopic::Investment), &package.resources).unwrap();
        let ChartBody::Lines(before) = &chart.body else {
            panic!("the park chart has lines")
        };
        let shown = with_hidden(&chart, &[0]);
        let ChartBody::Lines(after) = &shown.body else {
            unreachable!()
        };
        let styles = |l: &crate::charts::model::LineChart| {
            l.series_with_style()
                .iter()
                .map(|(i, s)| (*i, s.id.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(styles(before), styles(after));
        for (style, series) in after.series_with_style() {
            assert_eq!(series.points.is_empty(), style == 0, "{}", series.id);
        }
    }

    #[test]
    fn a_downloaded_chart_has_room_for_its_words() {
        let package = package();
        for id in ChartId::ALL {
            let chart = extract(id, &package.resources).unwrap();
            let (width, height) = standalone_size(&chart, Locale::En, 390.0);
            assert_eq!(width, 640.0);
            let layout = ChartLayout::new(&chart, Locale::En, width, height);
            let footer = layout.footer.first().map_or(height, |l| l.y);
            assert!(
                body_top(&layout) < footer,
                "{id}: the body starts below the footer"
            );
            assert_eq!(
                layout.footer.len(),
                {
                    let roomy = ChartLayout::new(&chart, Locale::En, width, height + 1000.0);
                    roomy.footer.len()
                },
                "{id}: a note was dropped for want of room"
            );
        }
    }

    #[test]
    fn every_viewport_has_one_variant_and_its_media_query_says_so() {
        assert_eq!(Variant::for_viewport(320.0).name, "s");
        assert_eq!(Variant::for_viewport(599.0).name, "s");
        assert_eq!(Variant::for_viewport(600.0).name, "m");
        assert_eq!(Variant::for_viewport(1920.0).name, "l");
        assert_eq!(VARIANTS[0].media().as_deref(), Some("(max-width: 599px)"));
        assert_eq!(VARIANTS[2].media(), None);
    }

    #[test]
    fn a_canvas_in_a_variants_proportions_has_the_pictures_height() {
        let package = package();
        for id in ChartId::ALL {
            let chart = on_screen(&extract(id, &package.resources).unwrap());
            for variant in VARIANTS {
                let own = Frame::new(&chart, Locale::En, f64::from(variant.width));
                let at_own = variant.height_at(&chart, Locale::En, own.width);
                assert_eq!(at_own, own.height.round(), "{id} {}", variant.name);
                let half = variant.height_at(&chart, Locale::En, own.width / 2.0);
                assert!(
                    (half - own.height / 2.0).abs() <= 1.0,
                    "{id} {}",
                    variant.name
                );
            }
        }
    }
}
