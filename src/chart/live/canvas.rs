//! Painting a chart on a `<canvas>` with the core's own drawing function
//! (`charts::draw::draw_laid_out`), through plotters-canvas.
//!
//! Two things plotters-canvas leaves to us. It draws in backing-store pixels, so the
//! backing store is made `css size × devicePixelRatio` and the context scaled by the
//! ratio: the core then draws in CSS pixels and stays sharp on any screen. And it
//! draws text at the size it is given, while plotters' SVG backend writes
//! `size / SVG_FONT_SCALE` and puts a top-anchored baseline at `0.76em`; [`PageCanvas`]
//! writes text the SVG way, so the page, the PNG and the SVG file match.

use klaster_core::charts::draw::draw_laid_out;
use klaster_core::charts::frame::backing_size;
use klaster_core::charts::layout::{ChartLayout, SVG_FONT_SCALE};
use klaster_core::charts::model::ChartData;
use klaster_core::charts::Palette;
use plotters::drawing::IntoDrawingArea;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Why a drawing failed, in words.
#[derive(Debug)]
pub struct CanvasFailure(String);

impl std::fmt::Display for CanvasFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CanvasFailure {}

type Outcome = Result<(), DrawingErrorKind<CanvasFailure>>;

fn failed(error: impl std::fmt::Debug) -> DrawingErrorKind<CanvasFailure> {
    DrawingErrorKind::DrawingError(CanvasFailure(format!("{error:?}")))
}

/// plotters-canvas's errors, as ours.
fn inner<E: std::error::Error + Send + Sync + 'static>(
    result: Result<(), DrawingErrorKind<E>>,
) -> Outcome {
    result.map_err(|error| match error {
        DrawingErrorKind::DrawingError(e) => {
            DrawingErrorKind::DrawingError(CanvasFailure(e.to_string()))
        }
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    })
}

fn css_colour(colour: BackendColor) -> String {
    let (r, g, b) = colour.rgb;
    format!("rgba({r},{g},{b},{})", colour.alpha)
}

/// A canvas whose context is already scaled to CSS pixels: plotters-canvas for shapes,
/// our own text and thin lines.
pub struct PageCanvas {
    shapes: CanvasBackend,
    context: CanvasRenderingContext2d,
    /// The drawing's size in CSS pixels.
    size: (u32, u32),
}

impl PageCanvas {
    fn new(canvas: HtmlCanvasElement, size: (u32, u32)) -> Option<PageCanvas> {
        let context = canvas
            .get_context("2d")
            .ok()??
            .dyn_into::<CanvasRenderingContext2d>()
            .ok()?;
        Some(PageCanvas {
            shapes: CanvasBackend::with_canvas_object(canvas)?,
            context,
            size,
        })
    }
}

impl DrawingBackend for PageCanvas {
    type ErrorType = CanvasFailure;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Outcome {
        Ok(())
    }

    fn present(&mut self) -> Outcome {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, colour: BackendColor) -> Outcome {
        inner(self.shapes.draw_pixel(point, colour))
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
        inner(self.shapes.draw_rect(upper_left, bottom_right, style, fill))
    }

    /// A stroke of odd width is moved half a pixel, so a one-pixel rule covers one row
    /// of pixels rather than blurring over two (plotters-canvas does so for lines only).
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Outcome {
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        let width = style.stroke_width();
        let shift = if width % 2 == 1 { -0.5 } else { 0.0 };
        let context = &self.context;
        context.begin_path();
        for (i, (x, y)) in path.into_iter().enumerate() {
            let (x, y) = (f64::from(x) + shift, f64::from(y) + shift);
            if i == 0 {
                context.move_to(x, y);
            } else {
                context.line_to(x, y);
            }
        }
        context.set_stroke_style_str(&css_colour(colour));
        context.set_line_width(f64::from(width));
        context.set_line_join("round");
        context.set_line_cap("butt");
        context.stroke();
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Outcome {
        inner(self.shapes.draw_circle(center, radius, style, fill))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Outcome {
        inner(self.shapes.fill_polygon(vertices, style))
    }

    /// Text as plotters' SVG backend writes it: `font-size` is the size divided by
    /// `SVG_FONT_SCALE`, and a top-anchored line has its baseline `0.76em` down.
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
        let size = style.size() / SVG_FONT_SCALE;
        let anchor = style.anchor();
        let context = &self.context;
        context.set_font(&format!(
            "{} {size}px {}",
            style.style().as_str(),
            style.family().as_str()
        ));
        context.set_text_align(match anchor.h_pos {
            HPos::Left => "left",
            HPos::Center => "center",
            HPos::Right => "right",
        });
        context.set_text_baseline("alphabetic");
        let baseline = match anchor.v_pos {
            VPos::Top => 0.76 * size,
            VPos::Center => 0.25 * size,
            VPos::Bottom => -0.25 * size,
        };
        context.set_fill_style_str(&css_colour(colour));
        context
            .fill_text(text, f64::from(x), f64::from(y) + baseline)
            .map_err(failed)
    }

    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<CanvasFailure>> {
        let size = style.size() / SVG_FONT_SCALE;
        self.context
            .set_font(&format!("{size}px {}", style.family().as_str()));
        let metrics = self.context.measure_text(text).map_err(failed)?;
        Ok((metrics.width().ceil() as u32, size.ceil() as u32))
    }
}

/// Paints `chart` as `layout` places it on `canvas`, `size` CSS pixels, sharp at
/// `pixel_ratio`, the layout shifted up by `crop` CSS pixels.
pub fn paint(
    canvas: &HtmlCanvasElement,
    chart: &ChartData,
    layout: &ChartLayout,
    palette: &Palette,
    size: (f64, f64),
    crop: f64,
    pixel_ratio: f64,
) -> Result<(), String> {
    let (device_width, device_height) = backing_size(size, pixel_ratio);
    // Setting the size clears the canvas and resets its context.
    if canvas.width() != device_width || canvas.height() != device_height {
        canvas.set_width(device_width);
        canvas.set_height(device_height);
    }
    let style = canvas.style();
    let _ = style.set_property("width", &format!("{}px", size.0));
    let _ = style.set_property("height", &format!("{}px", size.1));
    let (scale_x, scale_y) = (
        f64::from(device_width) / size.0.max(1.0),
        f64::from(device_height) / size.1.max(1.0),
    );
    let layout_size = (size.0.ceil() as u32, (layout.height.ceil()) as u32);
    let backend = PageCanvas::new(canvas.clone(), layout_size).ok_or("no 2d context")?;
    backend
        .context
        .set_transform(scale_x, 0.0, 0.0, scale_y, 0.0, -crop * scale_y)
        .map_err(|e| format!("{e:?}"))?;
    let area = backend.into_drawing_area();
    draw_laid_out(&area, chart, layout, palette)?;
    area.present().map_err(|e| e.to_string())
}
