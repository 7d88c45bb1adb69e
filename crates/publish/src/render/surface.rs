//! A plotters `DrawingBackend` that paints the core's drawing into an RGB bitmap
//! `scale` times larger than the coordinates the core draws in, at an offset. The
//! bitmap is drawn large and shrunk afterwards ([`super::png::Raster::shrink`]),
//! which is what smooths plotters' bitmap edges: its rasteriser fills whole pixels.
//!
//! Text is set here, from fonts embedded in the binary, the way the SVG file and the
//! page's canvas show it (see `klaster_core::charts::layout::measure`): the core asks
//! for `px * SVG_FONT_SCALE` and means an em of `px`, with a top-anchored line's
//! baseline `0.76em` down. plotters' own ab_glyph text would take the size as the
//! font's whole height (about 7% larger here), put the baseline half a size down, and
//! drop each glyph's left side bearing, so letters sat unevenly.
//!
//! The face is DejaVu Sans Condensed. The core lays text out by estimated widths; over
//! every text of the catalog, DejaVu Sans is 7% wider than those estimates on average
//! and up to 15% (labels ran into legend swatches and past the right edge), while the
//! condensed cut is 4% narrower on average and at most 3.5% wider (a test pins this).

use ab_glyph::{point, Font, FontRef, GlyphId, PxScale, ScaleFont};
use klaster_core::charts::layout::SVG_FONT_SCALE;
use plotters::backend::{BitMapBackend, RGBPixel};
use plotters::prelude::DrawingBackend;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontStyle,
};
use std::sync::OnceLock;

/// DejaVu Sans Condensed, regular and bold, in the binary: the images must not depend
/// on the fonts of the machine that renders them. Licence: `fonts/LICENSE-DejaVu.txt`.
const REGULAR: &[u8] = include_bytes!("../../fonts/DejaVuSansCondensed.ttf");
const BOLD: &[u8] = include_bytes!("../../fonts/DejaVuSansCondensed-Bold.ttf");

/// The two faces every text of an image is set in, whatever family the core names
/// (it asks for "sans-serif").
pub struct Faces {
    regular: FontRef<'static>,
    bold: FontRef<'static>,
}

impl Faces {
    /// The embedded faces, parsed once.
    pub fn embedded() -> Result<&'static Faces, String> {
        static FACES: OnceLock<Result<Faces, String>> = OnceLock::new();
        FACES
            .get_or_init(|| {
                let parse = |bytes: &'static [u8], name: &str| {
                    FontRef::try_from_slice(bytes)
                        .map_err(|e| format!("the embedded font {name} does not parse: {e}"))
                };
                Ok(Faces {
                    regular: parse(REGULAR, "DejaVuSansCondensed.ttf")?,
                    bold: parse(BOLD, "DejaVuSansCondensed-Bold.ttf")?,
                })
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    pub fn face(&self, bold: bool) -> &FontRef<'static> {
        if bold {
            &self.bold
        } else {
            &self.regular
        }
    }

    /// Whether both faces have a glyph for `c` (not the "missing" box).
    #[cfg(test)]
    pub fn has_glyph(&self, c: char) -> bool {
        self.regular.glyph_id(c) != GlyphId(0) && self.bold.glyph_id(c) != GlyphId(0)
    }
}

/// One line of text set in one face at `em` pixels per em, from the pen's start.
pub struct Setting<'f> {
    face: &'f FontRef<'static>,
    scale: PxScale,
}

impl<'f> Setting<'f> {
    pub fn new(face: &'f FontRef<'static>, em: f32) -> Setting<'f> {
        // ab_glyph's scale is the height from descender to ascender, not the em.
        let units_per_em = face.units_per_em().unwrap_or(2048.0);
        let scale = PxScale::from(em * face.height_unscaled() / units_per_em);
        Setting { face, scale }
    }

    /// Where each glyph of `text` starts, from 0, and the advance after the last.
    fn pen_positions(&self, text: &str) -> (Vec<(GlyphId, f32)>, f32) {
        let font = self.face.as_scaled(self.scale);
        let mut pen = 0.0;
        let mut previous: Option<GlyphId> = None;
        let mut glyphs = Vec::with_capacity(text.len());
        for c in text.chars() {
            let id = font.glyph_id(c);
            if let Some(previous) = previous {
                pen += font.kern(previous, id);
            }
            glyphs.push((id, pen));
            pen += font.h_advance(id);
            previous = Some(id);
        }
        (glyphs, pen)
    }

    /// The advance width of `text`, in pixels.
    pub fn width(&self, text: &str) -> f32 {
        self.pen_positions(text).1
    }

    /// Calls `paint(x, y, coverage)` for every pixel of `text` with its pen starting
    /// at `x` and its baseline at `baseline`. Glyphs sit at fractional positions, so
    /// spacing stays even at any size.
    pub fn paint(
        &self,
        text: &str,
        (x, baseline): (f32, f32),
        mut paint: impl FnMut(i32, i32, f32),
    ) {
        let font = self.face.as_scaled(self.scale);
        let (glyphs, _) = self.pen_positions(text);
        for (id, pen) in glyphs {
            let glyph = id.with_scale_and_position(self.scale, point(x + pen, baseline));
            let Some(outline) = font.outline_glyph(glyph) else {
                continue; // a space
            };
            let bounds = outline.px_bounds();
            let (left, top) = (bounds.min.x as i32, bounds.min.y as i32);
            outline.draw(|gx, gy, coverage| paint(left + gx as i32, top + gy as i32, coverage));
        }
    }
}

type BitmapError = <BitMapBackend<'static, RGBPixel> as DrawingBackend>::ErrorType;
type Outcome = Result<(), DrawingErrorKind<BitmapError>>;

/// A stroke at the bitmap's scale.
struct Stroke {
    colour: BackendColor,
    width: u32,
}

impl BackendStyle for Stroke {
    fn color(&self) -> BackendColor {
        self.colour
    }
    fn stroke_width(&self) -> u32 {
        self.width
    }
}

/// The core's drawing, `size` pixels, painted `scale` times larger with its top left
/// corner at `origin` of the bitmap.
pub struct Surface<'a> {
    bitmap: BitMapBackend<'a, RGBPixel>,
    faces: &'static Faces,
    size: (u32, u32),
    scale: f64,
    origin: (f64, f64),
}

impl<'a> Surface<'a> {
    pub fn new(
        bitmap: BitMapBackend<'a, RGBPixel>,
        faces: &'static Faces,
        size: (u32, u32),
        scale: f64,
        origin: (f64, f64),
    ) -> Surface<'a> {
        Surface {
            bitmap,
            faces,
            size,
            scale,
            origin,
        }
    }

    /// A corner of a filled shape: the core's pixel edges are the bitmap's.
    fn corner(&self, (x, y): BackendCoord) -> BackendCoord {
        (
            (self.origin.0 + f64::from(x) * self.scale).round() as i32,
            (self.origin.1 + f64::from(y) * self.scale).round() as i32,
        )
    }

    /// A point on a stroke `width` core pixels wide. Like an SVG or canvas stroke it
    /// is centred on the coordinate, but one of odd width is moved half a pixel so it
    /// covers whole rows of core pixels instead of blurring over two (as the page's
    /// canvas does).
    fn on_stroke(&self, (x, y): BackendCoord, width: u32) -> BackendCoord {
        let shift = if width % 2 == 1 { 0.5 } else { 0.0 };
        (
            (self.origin.0 + (f64::from(x) + shift) * self.scale).round() as i32,
            (self.origin.1 + (f64::from(y) + shift) * self.scale).round() as i32,
        )
    }

    fn stroke<S: BackendStyle>(&self, style: &S) -> Stroke {
        Stroke {
            colour: style.color(),
            width: ((f64::from(style.stroke_width()) * self.scale).round() as u32).max(1),
        }
    }
}

impl DrawingBackend for Surface<'_> {
    type ErrorType = BitmapError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Outcome {
        self.bitmap.ensure_prepared()
    }

    fn present(&mut self) -> Outcome {
        self.bitmap.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, colour: BackendColor) -> Outcome {
        let from = self.corner(point);
        let to = self.corner((point.0 + 1, point.1 + 1));
        self.bitmap.draw_rect(from, to, &colour, true)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Outcome {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Outcome {
        if fill {
            let (from, to) = (self.corner(upper_left), self.corner(bottom_right));
            return self.bitmap.draw_rect(from, to, &style.color(), true);
        }
        let (left, top) = upper_left;
        let (right, bottom) = bottom_right;
        let outline = [
            (left, top),
            (right, top),
            (right, bottom),
            (left, bottom),
            (left, top),
        ];
        self.draw_path(outline, style)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Outcome {
        let width = style.stroke_width();
        let points: Vec<BackendCoord> = path
            .into_iter()
            .map(|point| self.on_stroke(point, width))
            .collect();
        let stroke = self.stroke(style);
        self.bitmap.draw_path(points, &stroke)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Outcome {
        let centre = self.corner(center);
        let radius = (f64::from(radius) * self.scale).round() as u32;
        let stroke = self.stroke(style);
        self.bitmap.draw_circle(centre, radius, &stroke, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Outcome {
        let vertices: Vec<BackendCoord> = vertices
            .into_iter()
            .map(|point| self.corner(point))
            .collect();
        self.bitmap.fill_polygon(vertices, &style.color())
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        (x, y): BackendCoord,
    ) -> Outcome {
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        let face = self.faces.face(matches!(style.style(), FontStyle::Bold));
        let em = style.size() / SVG_FONT_SCALE * self.scale;
        let setting = Setting::new(face, em as f32);
        let width = f64::from(setting.width(text));
        let (x, y) = self.corner((x, y));
        let left = f64::from(x)
            - match style.anchor().h_pos {
                HPos::Left => 0.0,
                HPos::Center => width / 2.0,
                HPos::Right => width,
            };
        let baseline = f64::from(y)
            + em * match style.anchor().v_pos {
                VPos::Top => 0.76,
                VPos::Center => 0.25,
                VPos::Bottom => -0.25,
            };
        let mut failure = None;
        setting.paint(text, (left as f32, baseline as f32), |px, py, coverage| {
            let ink = BackendColor {
                alpha: colour.alpha * f64::from(coverage.min(1.0)),
                rgb: colour.rgb,
            };
            if failure.is_none() && ink.alpha > 0.0 {
                failure = self.bitmap.draw_pixel((px, py), ink).err();
            }
        });
        failure.map_or(Ok(()), Err)
    }

    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        let face = self.faces.face(matches!(style.style(), FontStyle::Bold));
        let em = style.size() / SVG_FONT_SCALE;
        let width = Setting::new(face, em as f32).width(text);
        Ok((width.ceil() as u32, em.ceil() as u32))
    }
}

#[cfg(test)]
mod tests {
    use super::super::png::Raster;
    use super::*;
    use klaster_core::charts::draw::draw;
    use klaster_core::charts::layout::{text_width, Font as LayoutFont};
    use klaster_core::charts::{extract, ChartId, Palette};
    use klaster_core::text::Locale;
    use plotters::drawing::IntoDrawingArea;
    use plotters::style::text_anchor::Pos;
    use plotters::style::{FontDesc, FontFamily, RGBColor, TextStyle};
    use std::cell::RefCell;
    use std::path::Path;
    use std::rc::Rc;

    const AZERBAIJANI: &str = "ƏəĞğİıŞşÇçÖöÜü";

    /// `text` drawn black at 24 pixels an em on a white 120 × 40 image, anchored at
    /// `at` as `anchor` says: the image's pixels, row after row, as grey levels.
    fn drawn(text: &str, anchor: Pos, at: (i32, i32)) -> Vec<u8> {
        let mut raster = Raster::for_image(120, 40);
        {
            let area = raster.area((120, 40), 1.0, (0.0, 0.0)).unwrap();
            let font = FontDesc::new(
                FontFamily::SansSerif,
                24.0 * SVG_FONT_SCALE,
                FontStyle::Normal,
            );
            let style = TextStyle::from(font).color(&RGBColor(0, 0, 0)).pos(anchor);
            area.draw_text(text, &style, at).unwrap();
        }
        raster
            .shrink()
            .pixels
            .chunks_exact(3)
            .map(|p| p[0])
            .collect()
    }

    fn top_left(text: &str) -> Vec<u8> {
        drawn(text, Pos::new(HPos::Left, VPos::Top), (8, 4))
    }

    /// The pixels darker than mid-grey.
    fn ink(pixels: &[u8]) -> Vec<(usize, usize)> {
        (0..pixels.len())
            .filter(|&i| pixels[i] < 128)
            .map(|i| (i % 120, i / 120))
            .collect()
    }

    #[test]
    fn the_faces_have_every_azerbaijani_letter() {
        let faces = Faces::embedded().unwrap();
        for letter in AZERBAIJANI.chars().chain('A'..='Z').chain('a'..='z') {
            assert!(faces.has_glyph(letter), "no glyph for {letter}");
        }
        // The check can fail: a private-use character has no glyph.
        assert!(!faces.has_glyph('\u{E000}'));
    }

    #[test]
    fn each_azerbaijani_letter_is_drawn_as_itself() {
        // A missing glyph is drawn as DejaVu's "no glyph" box, or as nothing.
        let missing = top_left("\u{E000}");
        let mut shapes: Vec<Vec<u8>> = Vec::new();
        for letter in AZERBAIJANI.chars() {
            let pixels = top_left(&letter.to_string());
            assert!(ink(&pixels).len() > 20, "{letter} left almost no ink");
            assert_ne!(pixels, missing, "{letter} was drawn as a missing glyph");
            assert!(
                !shapes.contains(&pixels),
                "{letter} looks like another letter"
            );
            shapes.push(pixels);
        }
        // Ə is not E, and the dotted İ is not I.
        assert_ne!(top_left("Ə"), top_left("E"));
        assert_ne!(top_left("İ"), top_left("I"));
    }

    #[test]
    fn text_is_placed_by_its_anchor() {
        let right = ink(&drawn(
            "Klaster",
            Pos::new(HPos::Right, VPos::Top),
            (110, 4),
        ));
        let rightmost = right.iter().map(|(x, _)| *x).max().unwrap();
        assert!(
            (106..=110).contains(&rightmost),
            "right edge at {rightmost}"
        );
        let centred = ink(&drawn("HHHH", Pos::new(HPos::Center, VPos::Top), (60, 4)));
        let (left, right) = centred
            .iter()
            .fold((usize::MAX, 0), |(l, r), (x, _)| (l.min(*x), r.max(*x)));
        assert!(
            (left + right).abs_diff(120) <= 2,
            "centred over {left}..{right}"
        );
        // A capital's top sits 0.76 em - its cap height (0.73 em) below the anchor.
        let top = ink(&top_left("H")).iter().map(|(_, y)| *y).min().unwrap();
        assert!((4..=6).contains(&top), "cap top at {top}");
    }

    /// Records every text the core draws: (text, pixels per em, bold).
    struct Recorder(Rc<RefCell<Vec<(String, f64, bool)>>>);

    #[derive(Debug)]
    struct NoFailure;

    impl std::fmt::Display for NoFailure {
        fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("recording does not fail")
        }
    }

    impl std::error::Error for NoFailure {}

    type Recorded = Result<(), DrawingErrorKind<NoFailure>>;

    impl DrawingBackend for Recorder {
        type ErrorType = NoFailure;
        fn get_size(&self) -> (u32, u32) {
            (800, 450)
        }
        fn ensure_prepared(&mut self) -> Recorded {
            Ok(())
        }
        fn present(&mut self) -> Recorded {
            Ok(())
        }
        fn draw_pixel(&mut self, _: BackendCoord, _: BackendColor) -> Recorded {
            Ok(())
        }
        fn draw_text<T: BackendTextStyle>(
            &mut self,
            text: &str,
            style: &T,
            _: BackendCoord,
        ) -> Recorded {
            let bold = matches!(style.style(), FontStyle::Bold);
            let em = style.size() / SVG_FONT_SCALE;
            self.0.borrow_mut().push((text.to_string(), em, bold));
            Ok(())
        }
    }

    #[test]
    fn text_is_set_no_wider_than_the_core_layout_expects() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data");
        let package = crate::validate_dir(&dir).package.unwrap().resources;
        let faces = Faces::embedded().unwrap();
        let texts = Rc::new(RefCell::new(Vec::new()));
        for id in ChartId::ALL {
            let chart = extract(id, &package).unwrap();
            for locale in Locale::ALL {
                let area = Recorder(texts.clone()).into_drawing_area();
                draw(&area, &chart, locale, &Palette::light()).unwrap();
            }
        }
        let ratios: Vec<(f64, String)> = texts
            .borrow()
            .iter()
            .filter(|(text, _, _)| text.chars().count() >= 8)
            .map(|(text, em, bold)| {
                let expected = text_width(
                    text,
                    LayoutFont {
                        px: *em,
                        bold: *bold,
                    },
                );
                let set = f64::from(Setting::new(faces.face(*bold), *em as f32).width(text));
                (set / expected, text.clone())
            })
            .collect();
        assert!(ratios.len() > 100, "only {} texts", ratios.len());
        let mean = ratios.iter().map(|(r, _)| r).sum::<f64>() / ratios.len() as f64;
        assert!(
            mean <= 1.0,
            "text is {mean:.3} times as wide as the layout expects"
        );
        for (ratio, text) in &ratios {
            assert!(
                *ratio <= 1.05,
                "{text:?} is {ratio:.3} times as wide as expected"
            );
        }
    }
}
