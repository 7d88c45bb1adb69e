//! The few things a chart paints, over a plotters drawing area, in palette colours.
//! Coordinates arrive as f64 pixels and are rounded once, here.

use crate::charts::layout::MARKER_RADIUS;
use crate::charts::layout::{Align, TextLine, Tone, SVG_FONT_SCALE};
use crate::charts::style::{dash_segments, marker_polygon, Dash, MarkerShape};
use crate::charts::theme::{Palette, Rgb};
use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::element::{Circle, PathElement, Polygon, Rectangle};
use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontDesc, FontFamily, FontStyle, RGBColor, ShapeStyle, TextStyle};

fn px(value: f64) -> i32 {
    value.round() as i32
}

fn points(path: &[(f64, f64)]) -> Vec<(i32, i32)> {
    path.iter().map(|(x, y)| (px(*x), px(*y))).collect()
}

fn rgb(colour: Rgb) -> RGBColor {
    RGBColor(colour.0, colour.1, colour.2)
}

pub struct Canvas<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, Shift>,
    theme: &'a Palette,
}

impl<'a, DB: DrawingBackend> Canvas<'a, DB> {
    pub fn new(area: &'a DrawingArea<DB, Shift>, theme: &'a Palette) -> Self {
        Canvas { area, theme }
    }

    pub fn theme(&self) -> &Palette {
        self.theme
    }

    pub fn background(&self) -> Result<(), String> {
        self.area
            .fill(&rgb(self.theme.background))
            .map_err(|e| e.to_string())
    }

    pub fn tone(&self, tone: Tone) -> Rgb {
        match tone {
            Tone::Text => self.theme.text,
            Tone::Muted => self.theme.muted,
            Tone::Annotation => self.theme.annotation,
        }
    }

    pub fn text(&self, line: &TextLine) -> Result<(), String> {
        let style = if line.font.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        let font = FontDesc::new(FontFamily::SansSerif, line.font.px * SVG_FONT_SCALE, style);
        let anchor = match line.align {
            Align::Left => HPos::Left,
            Align::Center => HPos::Center,
            Align::Right => HPos::Right,
        };
        let colour = rgb(self.tone(line.tone));
        let text_style = TextStyle::from(font)
            .color(&colour)
            .pos(Pos::new(anchor, VPos::Top));
        self.area
            .draw_text(&line.text, &text_style, (px(line.x), px(line.y)))
            .map_err(|e| e.to_string())
    }

    /// A polyline, solid or dashed.
    pub fn line(
        &self,
        path: &[(f64, f64)],
        colour: Rgb,
        width: u32,
        dash: Dash,
    ) -> Result<(), String> {
        let style = ShapeStyle::from(rgb(colour)).stroke_width(width);
        let pieces = match dash.pattern() {
            None => vec![path.to_vec()],
            Some((on, off)) => dash_segments(path, on, off),
        };
        for piece in pieces.iter().filter(|p| p.len() > 1) {
            self.area
                .draw(&PathElement::new(points(piece), style))
                .map_err(|e| e.to_string())?;
        }
        Ok(())
    }

    /// A rectangle, filled or drawn as a two-pixel outline over the background.
    pub fn bar(
        &self,
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        colour: Rgb,
        filled: bool,
    ) -> Result<(), String> {
        let corners = [(px(x), px(y)), (px(x + w), px(y + h))];
        if filled {
            return self
                .area
                .draw(&Rectangle::new(corners, rgb(colour).filled()))
                .map_err(|e| e.to_string());
        }
        self.area
            .draw(&Rectangle::new(
                corners,
                rgb(self.theme.background).filled(),
            ))
            .map_err(|e| e.to_string())?;
        let outline = [(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)];
        self.line(&outline, colour, 2, Dash::Solid)
    }

    /// A series marker; a hollow one is filled with the background so lines do not
    /// show through it.
    pub fn marker(
        &self,
        shape: MarkerShape,
        at: (f64, f64),
        colour: Rgb,
        filled: bool,
    ) -> Result<(), String> {
        self.marker_of_size(shape, at, MARKER_RADIUS, colour, filled)
    }

    /// A marker of radius `r`.
    pub fn marker_of_size(
        &self,
        shape: MarkerShape,
        at: (f64, f64),
        r: f64,
        colour: Rgb,
        filled: bool,
    ) -> Result<(), String> {
        let stroke = ShapeStyle::from(rgb(colour)).stroke_width(2);
        let fill = if filled {
            rgb(colour)
        } else {
            rgb(self.theme.background)
        };
        let result = match (shape, marker_polygon(shape, at, r)) {
            (_, Some(outline)) => {
                self.area
                    .draw(&Polygon::new(points(&outline), fill.filled()))
                    .map_err(|e| e.to_string())?;
                let mut closed = outline.clone();
                closed.push(outline[0]);
                self.area.draw(&PathElement::new(points(&closed), stroke))
            }
            (MarkerShape::Cross | MarkerShape::Plus, None) => {
                let (x, y) = at;
                let (a, b) = if shape == MarkerShape::Plus {
                    let r = r * 1.2;
                    ([(x - r, y), (x + r, y)], [(x, y - r), (x, y + r)])
                } else {
                    (
                        [(x - r, y - r), (x + r, y + r)],
                        [(x - r, y + r), (x + r, y - r)],
                    )
                };
                self.area
                    .draw(&PathElement::new(points(&a), stroke))
                    .map_err(|e| e.to_string())?;
                self.area.draw(&PathElement::new(points(&b), stroke))
            }
            (_, None) => {
                let centre = (px(at.0), px(at.1));
                self.area
                    .draw(&Circle::new(centre, r as i32, fill.filled()))
                    .map_err(|e| e.to_string())?;
                self.area.draw(&Circle::new(centre, r as i32, stroke))
            }
        };
        result.map_err(|e| e.to_string())
    }

    /// A filled polygon without an outline; it closes itself.
    pub fn polygon(&self, outline: &[(f64, f64)], colour: Rgb) -> Result<(), String> {
        if outline.len() < 3 {
            return Ok(());
        }
        self.area
            .draw(&Polygon::new(points(outline), rgb(colour).filled()))
            .map_err(|e| e.to_string())
    }

    /// A closed outline of a polygon.
    pub fn outline(&self, ring: &[(f64, f64)], colour: Rgb, width: u32) -> Result<(), String> {
        let Some(first) = ring.first() else {
            return Ok(());
        };
        let mut closed = ring.to_vec();
        closed.push(*first);
        self.line(&closed, colour, width, Dash::Solid)
    }

    /// A circle filled with `fill` and drawn round with a one-pixel `stroke`.
    pub fn disc(&self, centre: (f64, f64), r: f64, fill: Rgb, stroke: Rgb) -> Result<(), String> {
        let centre = (px(centre.0), px(centre.1));
        self.area
            .draw(&Circle::new(centre, px(r), rgb(fill).filled()))
            .map_err(|e| e.to_string())?;
        self.area
            .draw(&Circle::new(
                centre,
                px(r),
                ShapeStyle::from(rgb(stroke)).stroke_width(1),
            ))
            .map_err(|e| e.to_string())
    }
}
