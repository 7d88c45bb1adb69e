//! A chart's social card (Open Graph, Twitter `summary_large_image`): a header band
//! with the portal's mark and name and the chart's title, large, and below it the chart
//! itself, drawn by the core's own drawing function at a larger scale so its words stay
//! readable when a feed shows the card at half size.

use super::png::Raster;
use super::surface::{Faces, Setting};
use klaster_core::charts::draw::draw;
use klaster_core::charts::layout::{BodyLayout, ChartLayout, Rect, TextLine, SVG_FONT_SCALE};
use klaster_core::charts::text::ChartMsg;
use klaster_core::charts::theme::Rgb;
use klaster_core::charts::{ChartData, Palette};
use klaster_core::format::format_date;
use klaster_core::i18n::Msg;
use klaster_core::text::{Locale, Text};
use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::element::{Polygon, Rectangle};
use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontDesc, FontFamily, FontStyle, RGBColor, TextStyle};

/// The size of a social card, in pixels (the size Open Graph and Twitter ask for).
pub const CARD_WIDTH: u32 = 1200;
pub const CARD_HEIGHT: u32 = 630;

/// The portal's colour, `--accent` of the light theme in style/main.css and the
/// favicon's ground.
const BRAND: Rgb = Rgb(0x0b, 0x5d, 0x5b);

/// Left and right margin of the card's words.
const MARGIN: f64 = 56.0;
/// The mark's side and top.
const MARK: f64 = 32.0;
const MARK_TOP: f64 = 32.0;
const NAME_PX: f64 = 22.0;
/// The title's sizes, largest first: the first at which it takes at most
/// [`TITLE_LINES`] lines.
const TITLE_PX: [f64; 3] = [40.0, 35.0, 30.0];
const TITLE_LINES: usize = 2;
const TITLE_TOP: f64 = 80.0;
/// The sources line at the bottom: its size and how far its top is from the bottom.
const SOURCE_PX: f64 = 16.0;
const SOURCE_FROM_BOTTOM: f64 = 40.0;
/// How much larger than in the 800 × 450 image the chart is drawn, largest first: the
/// first at which the chart's labels have room (a timeline's labels need height).
const CHART_SCALES: [f64; 6] = [1.5, 1.4, 1.3, 1.2, 1.1, 1.0];
/// The core's own padding around a chart, in its pixels (layout `PAD`).
const CHART_PAD: f64 = 14.0;

/// `chart`'s social card in `locale`, as a PNG file.
pub fn render_card(
    chart: &ChartData,
    locale: Locale,
    palette: &Palette,
) -> Result<Vec<u8>, String> {
    let faces = Faces::embedded()?;
    let title = TitleLines::fit(faces, chart.spec.title.get(locale));
    let band_bottom = title.bottom();

    let mut raster = Raster::for_image(CARD_WIDTH, CARD_HEIGHT);
    {
        let area = raster.area((CARD_WIDTH, CARD_HEIGHT), 1.0, (0.0, 0.0))?;
        area.fill(&rgb(palette.background)).map_err(failed)?;
        // Capitals, 0.73 em tall with their baseline 0.76 em down, centred on the mark.
        let name_top = MARK_TOP + MARK / 2.0 - 0.4 * NAME_PX;
        text(
            &area,
            Msg::SiteName.get(locale),
            (MARGIN + MARK + 14.0, name_top),
            NAME_PX,
            true,
            BRAND,
        )?;
        for (i, line) in title.lines.iter().enumerate() {
            let top = TITLE_TOP + i as f64 * title.line_height();
            text(&area, line, (MARGIN, top), title.px, true, palette.text)?;
        }
        let rule = [
            (px(MARGIN), px(band_bottom)),
            (px(f64::from(CARD_WIDTH) - MARGIN), px(band_bottom) + 2),
        ];
        area.draw(&Rectangle::new(rule, rgb(palette.grid).filled()))
            .map_err(failed)?;
        let source = source_line(faces, chart, locale);
        let source_top = f64::from(CARD_HEIGHT) - SOURCE_FROM_BOTTOM;
        text(
            &area,
            &source,
            (MARGIN, source_top),
            SOURCE_PX,
            false,
            palette.muted,
        )?;
        area.present().map_err(failed)?;
    }
    {
        // The mark, on a grid ten times finer than the favicon's 32 units, so its
        // half units stay whole numbers.
        let scale = MARK / 320.0;
        let area = raster.area((320, 320), scale, (MARGIN, MARK_TOP))?;
        mark(&area)?;
        area.present().map_err(failed)?;
    }
    {
        let shown = body_only(chart);
        // Should even the smallest scale crowd the labels, the chart is still drawn.
        let place = ChartPlace::fitting(&shown, locale, band_bottom)
            .unwrap_or_else(|| ChartPlace::at(1.0, band_bottom));
        let area = raster.area(place.size, place.scale, place.origin)?;
        draw(&area, &shown, locale, palette)?;
        area.present().map_err(failed)?;
    }
    raster.shrink().encode()
}

/// Where the chart goes on the card, below a band ending at `band_bottom`, and how
/// much larger than its own pixels it is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
struct ChartPlace {
    scale: f64,
    /// The chart's top left corner on the card.
    origin: (f64, f64),
    /// The chart's size in its own pixels.
    size: (u32, u32),
}

impl ChartPlace {
    fn at(scale: f64, band_bottom: f64) -> ChartPlace {
        // The chart's own padding lines its words up with the card's margin.
        let left = MARGIN - CHART_PAD * scale;
        let top = band_bottom + 8.0;
        let bottom = f64::from(CARD_HEIGHT) - SOURCE_FROM_BOTTOM - 4.0;
        let width = (f64::from(CARD_WIDTH) - 2.0 * left) / scale;
        let height = (bottom - top) / scale;
        ChartPlace {
            scale,
            origin: (left, top),
            size: (width.floor() as u32, height.floor() as u32),
        }
    }

    /// The largest of [`CHART_SCALES`] at which `chart`'s labels have room.
    fn fitting(chart: &ChartData, locale: Locale, band_bottom: f64) -> Option<ChartPlace> {
        CHART_SCALES
            .into_iter()
            .map(|scale| ChartPlace::at(scale, band_bottom))
            .find(|place| has_room(chart, locale, place.size))
    }
}

/// The chart as the card draws it: its subtitle, legend and body. The title is in the
/// band above and the sources in one line below; the notes stay on the chart's page,
/// where the card links.
fn body_only(chart: &ChartData) -> ChartData {
    let mut shown = chart.clone();
    shown.spec.title = Text::new("", "");
    shown.spec.source = Text::new("", "");
    shown.spec.notes.clear();
    shown.spec.as_of = None;
    shown
}

/// The first line of the chart's footer, "Data as of … · Sources: …", cut to one line
/// of the card with an ellipsis.
fn source_line(faces: &Faces, chart: &ChartData, locale: Locale) -> String {
    let mut line = String::new();
    if let Some(date) = chart.spec.as_of {
        let date = Text::new(format_date(date, Locale::Az), format_date(date, Locale::En));
        line.push_str(ChartMsg::DataAsOf.fill(&[("date", &date)]).get(locale));
        line.push_str(" · ");
    }
    line.push_str(chart.spec.source.get(locale));
    let setting = Setting::new(faces.face(false), SOURCE_PX as f32);
    let measure = |text: &str| f64::from(setting.width(text));
    let width = f64::from(CARD_WIDTH) - 2.0 * MARGIN;
    if measure(&line) <= width {
        return line;
    }
    with_ellipsis(&line, width, &measure)
}

/// Whether `chart` laid out at `size` keeps its labels whole and apart. The core fits a
/// body into the height it is given: a timeline's labels and a bar chart's row labels
/// are cut to one line with an ellipsis, and can collide, when it is too low.
fn has_room(chart: &ChartData, locale: Locale, (width, height): (u32, u32)) -> bool {
    let layout = ChartLayout::new(chart, locale, f64::from(width), f64::from(height));
    fn whole<'a>(mut lines: impl Iterator<Item = &'a TextLine>) -> bool {
        lines.all(|l| !l.text.contains('…'))
    }
    match &layout.body {
        BodyLayout::Timeline(timeline) => {
            let boxes: Vec<&Rect> = timeline.events.iter().map(|e| &e.label_box).collect();
            let apart = boxes
                .iter()
                .enumerate()
                .all(|(i, a)| boxes[i + 1..].iter().all(|b| !a.overlaps(b)));
            apart && whole(timeline.events.iter().flat_map(|e| &e.label))
        }
        BodyLayout::Bars(bars) => {
            let apart = bars.rows.windows(2).all(|pair| {
                let above = pair[0].label.last();
                let below = pair[1].label.first();
                match (above, below) {
                    // The letters of a line reach from its top to about one em down.
                    (Some(above), Some(below)) => above.y + above.font.px * 1.1 <= below.y,
                    _ => true,
                }
            });
            apart && whole(bars.rows.iter().flat_map(|r| &r.label))
        }
        _ => true,
    }
}

/// The title broken into lines at the largest size that needs no more than
/// [`TITLE_LINES`]; at the smallest size, a longer one ends in an ellipsis.
struct TitleLines {
    px: f64,
    lines: Vec<String>,
}

impl TitleLines {
    fn fit(faces: &Faces, title: &str) -> TitleLines {
        let width = f64::from(CARD_WIDTH) - 2.0 * MARGIN;
        let face = faces.face(true);
        let mut fitted = TitleLines {
            px: TITLE_PX[0],
            lines: Vec::new(),
        };
        for px in TITLE_PX {
            let setting = Setting::new(face, px as f32);
            let measure = |text: &str| f64::from(setting.width(text));
            fitted = TitleLines {
                px,
                lines: wrap(title, width, &measure),
            };
            if fitted.lines.len() <= TITLE_LINES {
                return fitted;
            }
        }
        let setting = Setting::new(face, fitted.px as f32);
        let measure = |text: &str| f64::from(setting.width(text));
        fitted.lines.truncate(TITLE_LINES);
        if let Some(last) = fitted.lines.last_mut() {
            *last = with_ellipsis(last, width, &measure);
        }
        fitted
    }

    fn line_height(&self) -> f64 {
        (self.px * 1.2).round()
    }

    /// Where the band under the title ends.
    fn bottom(&self) -> f64 {
        TITLE_TOP + self.lines.len() as f64 * self.line_height() + 14.0
    }
}

/// Breaks `text` at spaces into lines no wider than `width`; a word wider than a
/// whole line keeps a line of its own. Two lines are balanced, so a title does not
/// leave one word alone on its second line.
fn wrap(text: &str, width: f64, measure: &dyn Fn(&str) -> f64) -> Vec<String> {
    let lines = greedy_wrap(text, width, measure);
    if lines.len() != 2 {
        return lines;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..words.len())
        .map(|split| [words[..split].join(" "), words[split..].join(" ")])
        .filter(|pair| pair.iter().all(|line| measure(line) <= width))
        .min_by(|a, b| {
            let widest = |pair: &[String; 2]| measure(&pair[0]).max(measure(&pair[1]));
            widest(a).total_cmp(&widest(b))
        })
        .map_or(lines, Vec::from)
}

fn greedy_wrap(text: &str, width: f64, measure: &dyn Fn(&str) -> f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if measure(&format!("{line} {word}")) <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// `line` with an ellipsis after it, words dropped from its end until both fit.
fn with_ellipsis(line: &str, width: f64, measure: &dyn Fn(&str) -> f64) -> String {
    let mut words: Vec<&str> = line.split_whitespace().collect();
    while words.len() > 1 && measure(&format!("{} …", words.join(" "))) > width {
        words.pop();
    }
    format!("{} …", words.join(" "))
}

/// The favicon's mark (public/favicon.svg): a rounded square in the brand colour
/// with a white K, on a 320 × 320 area.
fn mark<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>) -> Result<(), String> {
    let corner = 60.0;
    let mut square = Vec::new();
    for (cx, cy, start) in [
        (320.0 - corner, corner, -90.0),
        (320.0 - corner, 320.0 - corner, 0.0),
        (corner, 320.0 - corner, 90.0),
        (corner, corner, 180.0),
    ] {
        for step in 0..=8 {
            let angle = f64::to_radians(start + f64::from(step) * 90.0 / 8.0);
            square.push((px(cx + corner * angle.cos()), px(cy + corner * angle.sin())));
        }
    }
    area.draw(&Polygon::new(square, rgb(BRAND).filled()))
        .map_err(failed)?;
    let k = [
        (100, 70),
        (140, 70),
        (140, 145),
        (205, 70),
        (250, 70),
        (178, 150),
        (255, 250),
        (208, 250),
        (152, 174),
        (140, 187),
        (140, 250),
        (100, 250),
    ];
    area.draw(&Polygon::new(
        k.to_vec(),
        RGBColor(0xff, 0xff, 0xff).filled(),
    ))
    .map_err(failed)
}

/// One line of text with its top left corner at `at`, `size` pixels per em.
fn text<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    line: &str,
    at: (f64, f64),
    size: f64,
    bold: bool,
    colour: Rgb,
) -> Result<(), String> {
    let style = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    // The surface reads sizes the way the core writes them, as SVG pixels.
    let font = FontDesc::new(FontFamily::SansSerif, size * SVG_FONT_SCALE, style);
    let colour = rgb(colour);
    let style = TextStyle::from(font)
        .color(&colour)
        .pos(Pos::new(HPos::Left, VPos::Top));
    area.draw_text(line, &style, (px(at.0), px(at.1)))
        .map_err(failed)
}

fn px(value: f64) -> i32 {
    value.round() as i32
}

fn rgb(colour: Rgb) -> RGBColor {
    RGBColor(colour.0, colour.1, colour.2)
}

fn failed(error: impl std::fmt::Display) -> String {
    format!("drawing the card failed: {error}")
}

#[cfg(test)]
mod tests {
    use super::super::png::decode;
    use super::*;
    use klaster_core::charts::{extract, ChartId};
    use std::path::Path;

    fn catalog() -> Vec<ChartData> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data");
        let package = crate::validate_dir(&dir)
            .package
            .expect("the shipped package")
            .resources;
        ChartId::ALL
            .into_iter()
            .map(|id| extract(id, &package).expect("the chart"))
            .collect()
    }

    /// One unit per character: wrapping tests that do not depend on the font.
    fn characters(text: &str) -> f64 {
        text.chars().count() as f64
    }

    #[test]
    fn a_two_line_title_is_balanced() {
        let lines = wrap(
            "How the Transitioning Industrial Clusters initiative grew",
            52.0,
            &characters,
        );
        assert_eq!(
            lines,
            [
                "How the Transitioning Industrial",
                "Clusters initiative grew"
            ]
        );
        assert_eq!(wrap("Short title", 52.0, &characters), ["Short title"]);
    }

    #[test]
    fn a_title_too_long_for_two_lines_ends_in_an_ellipsis() {
        let faces = Faces::embedded().unwrap();
        let title = "Sumqayıt Kimya Sənaye Parkının rezident şirkətlərinin ümumi satışı ".repeat(3);
        let fitted = TitleLines::fit(faces, &title);
        assert_eq!(fitted.px, TITLE_PX[TITLE_PX.len() - 1]);
        assert_eq!(fitted.lines.len(), TITLE_LINES);
        let last = fitted.lines.last().unwrap();
        assert!(last.ends_with(" …"), "{last}");
        let setting = Setting::new(faces.face(true), fitted.px as f32);
        for line in &fitted.lines {
            let width = f64::from(setting.width(line));
            assert!(
                width <= f64::from(CARD_WIDTH) - 2.0 * MARGIN,
                "{line}: {width}"
            );
        }
    }

    #[test]
    fn every_chart_fits_its_card_with_its_labels_apart() {
        let faces = Faces::embedded().unwrap();
        for chart in catalog() {
            for locale in Locale::ALL {
                let band_bottom = TitleLines::fit(faces, chart.spec.title.get(locale)).bottom();
                let place = ChartPlace::fitting(&body_only(&chart), locale, band_bottom);
                assert!(
                    place.is_some(),
                    "{} ({}) has no room",
                    chart.spec.id,
                    locale.tag()
                );
            }
        }
    }

    #[test]
    fn a_cramped_timeline_does_not_fit() {
        // The check that picks the scale can say no.
        let timeline = catalog()
            .into_iter()
            .find(|chart| chart.spec.id == ChartId::AccessionTimeline)
            .unwrap();
        assert!(!has_room(&body_only(&timeline), Locale::Az, (500, 150)));
    }

    #[test]
    fn the_card_shows_the_name_and_the_title_above_the_chart() {
        let chart = catalog()
            .into_iter()
            .find(|chart| chart.spec.id == ChartId::MemberMap)
            .unwrap();
        let palette = Palette::light();
        let (width, height, pixels) = decode(&render_card(&chart, Locale::Az, &palette).unwrap());
        assert_eq!((width, height), (CARD_WIDTH, CARD_HEIGHT));
        let count = |colour: Rgb, xs: std::ops::Range<usize>, ys: std::ops::Range<usize>| {
            ys.flat_map(|y| xs.clone().map(move |x| y * CARD_WIDTH as usize + x))
                .filter(|&i| pixels[i] == [colour.0, colour.1, colour.2])
                .count()
        };
        // The title, bold and large, in the text colour.
        assert!(count(palette.text, 56..900, 80..130) > 3000);
        // The mark and the portal's name in the brand colour.
        assert!(count(BRAND, 56..88, 32..64) > 500);
        assert!(count(BRAND, 100..200, 32..64) > 100);
        // The margin left of the words is empty.
        assert_eq!(count(palette.background, 0..40, 0..630), 40 * 630);
        // The map below the band: its land and its shades.
        assert!(count(palette.land(), 56..1144, 200..560) > 20_000);
    }
}
