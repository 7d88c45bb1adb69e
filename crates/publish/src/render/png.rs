//! A chart as a PNG file, drawn natively by the core's own drawing function (not
//! converted from the SVG): the fallback image of a page or embed when scripts are off.
//!
//! plotters' bitmap backend fills whole pixels, so a chart is drawn [`SUPERSAMPLE`]
//! times larger and shrunk by averaging: edges, thin lines and text come out smooth at
//! the size a reader sees (three times larger looked no better and took twice as long).

use super::surface::{Faces, Surface};
use klaster_core::charts::draw::draw;
use klaster_core::charts::{ChartData, Palette};
use klaster_core::text::Locale;
use plotters::backend::{BitMapBackend, RGBPixel};
use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, IntoDrawingArea};
use std::collections::HashMap;

/// How many bitmap pixels each image pixel is drawn with, each way.
pub const SUPERSAMPLE: u32 = 2;

/// An RGB bitmap, three bytes a pixel, row after row.
pub struct Raster {
    pub width: u32,
    pub height: u32,
    pub pixels: Vec<u8>,
}

impl Raster {
    /// A white image `width` × `height` image pixels, to be drawn at [`SUPERSAMPLE`].
    pub fn for_image(width: u32, height: u32) -> Raster {
        let (width, height) = (width * SUPERSAMPLE, height * SUPERSAMPLE);
        Raster {
            width,
            height,
            pixels: vec![0xff; width as usize * height as usize * 3],
        }
    }

    /// A drawing area of `size` pixels that paints `scale` image pixels per pixel
    /// with its top left corner at image pixel `origin`.
    pub fn area(
        &mut self,
        size: (u32, u32),
        scale: f64,
        origin: (f64, f64),
    ) -> Result<DrawingArea<Surface<'_>, Shift>, String> {
        let faces = Faces::embedded()?;
        let (width, height) = (self.width, self.height);
        let bitmap =
            BitMapBackend::<RGBPixel>::with_buffer_and_format(&mut self.pixels, (width, height))
                .map_err(|e| format!("the bitmap does not fit its buffer: {e}"))?;
        let k = f64::from(SUPERSAMPLE);
        let surface = Surface::new(bitmap, faces, size, scale * k, (origin.0 * k, origin.1 * k));
        Ok(surface.into_drawing_area())
    }

    /// The image at its own size: each pixel the average of the [`SUPERSAMPLE`]²
    /// bitmap pixels drawn for it. Plain index loops: the tests run this unoptimised.
    pub fn shrink(&self) -> Raster {
        let k = SUPERSAMPLE as usize;
        let (width, height) = (self.width as usize / k, self.height as usize / k);
        let stride = self.width as usize * 3;
        let samples = (k * k) as u32;
        let mut sums = vec![0u32; width * 3];
        let mut pixels = Vec::with_capacity(width * height * 3);
        for y in 0..height {
            sums.iter_mut().for_each(|sum| *sum = 0);
            let rows = &self.pixels[y * k * stride..(y + 1) * k * stride];
            for row in rows.chunks_exact(stride) {
                for (x, sum) in sums.iter_mut().enumerate() {
                    // Channel x % 3 of the first bitmap pixel under image pixel x / 3.
                    let first = (x / 3) * k * 3 + x % 3;
                    for sample in 0..k {
                        *sum += u32::from(row[first + sample * 3]);
                    }
                }
            }
            pixels.extend(sums.iter().map(|sum| ((sum + samples / 2) / samples) as u8));
        }
        Raster {
            width: width as u32,
            height: height as u32,
            pixels,
        }
    }

    /// The raster as a PNG file with a palette of at most 256 colours: a chart has a
    /// few flat colours and the shades their smoothed edges mix, so a palette is exact
    /// for most and about half the size of RGB. Beyond 256, the rarest colours (edge
    /// shades) take the nearest colour of the palette.
    pub fn encode(&self) -> Result<Vec<u8>, String> {
        let (palette, indices) = indexed(&self.pixels);
        let mut file = Vec::new();
        {
            let mut encoder = png::Encoder::new(&mut file, self.width, self.height);
            encoder.set_color(png::ColorType::Indexed);
            encoder.set_depth(png::BitDepth::Eight);
            encoder.set_palette(palette.iter().flatten().copied().collect::<Vec<u8>>());
            // Measured on these charts: without row filters a palette image is 12% smaller
            // than with adaptive filtering, and the `High` level saves 1.3% for 25% more time.
            encoder.set_compression(png::Compression::Balanced);
            encoder.set_filter(png::Filter::NoFilter);
            let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
            writer
                .write_image_data(&indices)
                .map_err(|e| e.to_string())?;
            writer.finish().map_err(|e| e.to_string())?;
        }
        Ok(file)
    }
}

/// A palette of at most 256 colours for `rgb` (three bytes a pixel), the most frequent
/// first, and each pixel's index into it. Runs of one colour are looked up once: most of
/// a chart is flat, and the tests run this unoptimised.
fn indexed(rgb: &[u8]) -> (Vec<[u8; 3]>, Vec<u8>) {
    let pixels = || rgb.chunks_exact(3).map(|p| [p[0], p[1], p[2]]);
    let mut counts: HashMap<[u8; 3], usize> = HashMap::new();
    let mut run: Option<([u8; 3], usize)> = None;
    for pixel in pixels() {
        run = match run {
            Some((colour, length)) if colour == pixel => Some((colour, length + 1)),
            Some((colour, length)) => {
                *counts.entry(colour).or_insert(0) += length;
                Some((pixel, 1))
            }
            None => Some((pixel, 1)),
        };
    }
    if let Some((colour, length)) = run {
        *counts.entry(colour).or_insert(0) += length;
    }
    let mut colours: Vec<([u8; 3], usize)> = counts.into_iter().collect();
    // Most frequent first; ties by colour, so the file is the same on every run.
    colours.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let palette: Vec<[u8; 3]> = colours.iter().take(256).map(|(c, _)| *c).collect();
    let index_of: HashMap<[u8; 3], u8> = colours
        .iter()
        .map(|(colour, _)| (*colour, nearest(&palette, *colour)))
        .collect();
    let mut last: Option<([u8; 3], u8)> = None;
    let indices = pixels()
        .map(|pixel| match last {
            Some((colour, index)) if colour == pixel => index,
            _ => {
                let index = index_of.get(&pixel).copied().unwrap_or(0);
                last = Some((pixel, index));
                index
            }
        })
        .collect();
    (palette, indices)
}

/// The index of the palette colour closest to `colour`.
fn nearest(palette: &[[u8; 3]], colour: [u8; 3]) -> u8 {
    let distance = |other: &[u8; 3]| -> i32 {
        (0..3)
            .map(|c| (i32::from(other[c]) - i32::from(colour[c])).pow(2))
            .sum()
    };
    let best = (0..palette.len()).min_by_key(|&i| distance(&palette[i]));
    best.unwrap_or(0) as u8
}

/// `chart` in `locale`, `width` × `height` pixels, as a PNG file.
pub fn render_png(
    chart: &ChartData,
    locale: Locale,
    palette: &Palette,
    width: u32,
    height: u32,
) -> Result<Vec<u8>, String> {
    let mut raster = Raster::for_image(width, height);
    {
        let area = raster.area((width, height), 1.0, (0.0, 0.0))?;
        draw(&area, chart, locale, palette)?;
        area.present().map_err(|e| e.to_string())?;
    }
    raster.shrink().encode()
}

/// A PNG file's pixels as RGB, for tests: `(width, height, pixels)`.
#[cfg(test)]
pub fn decode(file: &[u8]) -> (u32, u32, Vec<[u8; 3]>) {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(file));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().expect("a PNG header");
    let mut buffer = vec![0; reader.output_buffer_size().expect("a sane size")];
    let frame = reader.next_frame(&mut buffer).expect("PNG image data");
    assert_eq!(frame.color_type, png::ColorType::Rgb);
    let pixels = buffer[..frame.buffer_size()]
        .chunks_exact(3)
        .map(|p| [p[0], p[1], p[2]])
        .collect();
    (frame.width, frame.height, pixels)
}

#[cfg(test)]
mod tests {
    use super::*;
    use klaster_core::charts::{extract, ChartId, ParkTopic};
    use std::collections::HashSet;
    use std::path::Path;

    fn chart(id: ChartId) -> ChartData {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data");
        let package = crate::validate_dir(&dir)
            .package
            .expect("the shipped package")
            .resources;
        extract(id, &package).expect("the chart")
    }

    fn raster(width: u32, height: u32, pixels: &[[u8; 3]]) -> Raster {
        Raster {
            width,
            height,
            pixels: pixels.iter().flatten().copied().collect(),
        }
    }

    #[test]
    fn shrinking_averages_each_block_of_samples() {
        let k = SUPERSAMPLE as usize;
        // Two image pixels side by side: the left all black, the right a checkerboard.
        let mut pixels = vec![[0u8; 3]; 2 * k * k];
        let mut white = 0;
        for row in 0..k {
            for column in k..2 * k {
                if (row + column) % 2 == 0 {
                    pixels[row * 2 * k + column] = [255, 255, 255];
                    white += 1;
                }
            }
        }
        let small = raster(2 * k as u32, k as u32, &pixels).shrink();
        assert_eq!((small.width, small.height), (2, 1));
        let grey = ((white * 255 + k * k / 2) / (k * k)) as u8;
        assert_eq!(small.pixels, vec![0, 0, 0, grey, grey, grey]);
    }

    #[test]
    fn a_palette_of_up_to_256_colours_is_exact() {
        let pixels: Vec<[u8; 3]> = (0..=255u8).map(|i| [i, 255 - i, i / 2]).collect();
        let file = raster(16, 16, &pixels).encode().unwrap();
        assert_eq!(decode(&file), (16, 16, pixels));
    }

    #[test]
    fn beyond_256_colours_the_rarest_take_the_nearest() {
        // 256 colours twice each, and one more, once, close to colour 10.
        let mut pixels: Vec<[u8; 3]> = (0..=255u8).flat_map(|i| [[i, i, 0], [i, i, 0]]).collect();
        pixels.push([10, 10, 2]);
        pixels.extend(std::iter::repeat_n([0, 0, 0], 15));
        let (_, _, decoded) = decode(&raster(33, 16, &pixels).encode().unwrap());
        assert_eq!(decoded[..512], pixels[..512]);
        assert_eq!(decoded[512], [10, 10, 0]);
    }

    #[test]
    fn a_chart_png_has_its_size_and_shows_the_chart() {
        let file = render_png(
            &chart(ChartId::Park(ParkTopic::Jobs)),
            Locale::Az,
            &Palette::light(),
            800,
            450,
        )
        .unwrap();
        let (width, height, pixels) = decode(&file);
        assert_eq!((width, height), (800, 450));
        let colours: HashSet<[u8; 3]> = pixels.iter().copied().collect();
        assert!(colours.len() > 20, "only {} colours", colours.len());
        // The title is written in the palette's text colour at the top left.
        let text = Palette::light().text;
        let title_ink = (10..40)
            .flat_map(|y| (14..300).map(move |x| y * 800 + x))
            .filter(|&i| pixels[i] == [text.0, text.1, text.2])
            .count();
        assert!(title_ink > 200, "{title_ink} title pixels");
        // A series in the first series colour.
        let series = Palette::light().series[0];
        assert!(colours.contains(&[series.0, series.1, series.2]));
    }

    #[test]
    fn the_same_chart_renders_to_the_same_bytes() {
        let chart = chart(ChartId::NextgenCapacities);
        let render = || render_png(&chart, Locale::En, &Palette::light(), 400, 225).unwrap();
        assert_eq!(render(), render());
    }
}
