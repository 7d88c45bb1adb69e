//! Chart colours for each theme. Series also differ by marker and dash
//! ([`super::style`]), so colour is never the only cue.

/// A colour, `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// WCAG 2 relative luminance.
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// WCAG 2 contrast ratio, from 1 to 21.
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PaletteName {
    Light,
    Dark,
    HighContrast,
    /// Okabe–Ito colours, safe for the common colour-vision deficiencies.
    ColourBlindSafe,
}

impl PaletteName {
    pub const ALL: [PaletteName; 4] = [
        PaletteName::Light,
        PaletteName::Dark,
        PaletteName::HighContrast,
        PaletteName::ColourBlindSafe,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PaletteName::Light => "light",
            PaletteName::Dark => "dark",
            PaletteName::HighContrast => "high-contrast",
            PaletteName::ColourBlindSafe => "colour-blind-safe",
        }
    }

    pub fn palette(self) -> Palette {
        match self {
            PaletteName::Light => Palette::light(),
            PaletteName::Dark => Palette::dark(),
            PaletteName::HighContrast => Palette::high_contrast(),
            PaletteName::ColourBlindSafe => Palette::colour_blind_safe(),
        }
    }
}

/// Every colour a chart uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Palette {
    pub background: Rgb,
    pub text: Rgb,
    /// Subtitles, tick labels, the footer.
    pub muted: Rgb,
    pub grid: Rgb,
    pub axis: Rgb,
    /// Event rules and reference lines, and their labels.
    pub annotation: Rgb,
    /// The bar a chart singles out (Azerbaijan's, say).
    pub highlight: Rgb,
    /// Series colours, used in order.
    pub series: [Rgb; 6],
}

impl Palette {
    pub fn light() -> Palette {
        Palette {
            background: Rgb(0xff, 0xff, 0xff),
            text: Rgb(0x1a, 0x1a, 0x1a),
            muted: Rgb(0x55, 0x55, 0x55),
            grid: Rgb(0xe2, 0xe2, 0xe2),
            axis: Rgb(0x76, 0x76, 0x76),
            annotation: Rgb(0x6a, 0x3d, 0x9a),
            highlight: Rgb(0xc0, 0x39, 0x2b),
            series: [
                Rgb(0x1f, 0x5f, 0x9e),
                Rgb(0xb8, 0x43, 0x0f),
                Rgb(0x2e, 0x7d, 0x32),
                Rgb(0x7b, 0x32, 0x94),
                Rgb(0x8c, 0x6d, 0x00),
                Rgb(0x00, 0x7c, 0x89),
            ],
        }
    }

    pub fn dark() -> Palette {
        Palette {
            background: Rgb(0x12, 0x14, 0x17),
            text: Rgb(0xed, 0xed, 0xed),
            muted: Rgb(0xb4, 0xb4, 0xb4),
            grid: Rgb(0x2e, 0x32, 0x38),
            axis: Rgb(0x8a, 0x8f, 0x98),
            annotation: Rgb(0xc9, 0xa8, 0xf0),
            highlight: Rgb(0xff, 0x7a, 0x6b),
            series: [
                Rgb(0x6c, 0xb4, 0xf0),
                Rgb(0xf4, 0xa2, 0x59),
                Rgb(0x7c, 0xd6, 0x7f),
                Rgb(0xd3, 0x9b, 0xe8),
                Rgb(0xe8, 0xd3, 0x6a),
                Rgb(0x5f, 0xd4, 0xdf),
            ],
        }
    }

    pub fn high_contrast() -> Palette {
        Palette {
            background: Rgb(0x00, 0x00, 0x00),
            text: Rgb(0xff, 0xff, 0xff),
            muted: Rgb(0xff, 0xff, 0xff),
            grid: Rgb(0x80, 0x80, 0x80),
            axis: Rgb(0xff, 0xff, 0xff),
            annotation: Rgb(0xff, 0xff, 0x00),
            highlight: Rgb(0xff, 0x80, 0x80),
            series: [
                Rgb(0x00, 0xff, 0xff),
                Rgb(0xff, 0xff, 0x00),
                Rgb(0xff, 0x80, 0xff),
                Rgb(0x80, 0xff, 0x80),
                Rgb(0xff, 0xff, 0xff),
                Rgb(0xff, 0xa5, 0x00),
            ],
        }
    }

    /// Okabe–Ito on white, without the yellow, orange and sky blue that are too pale
    /// against white.
    pub fn colour_blind_safe() -> Palette {
        Palette {
            background: Rgb(0xff, 0xff, 0xff),
            text: Rgb(0x00, 0x00, 0x00),
            muted: Rgb(0x4d, 0x4d, 0x4d),
            grid: Rgb(0xe0, 0xe0, 0xe0),
            axis: Rgb(0x6e, 0x6e, 0x6e),
            annotation: Rgb(0x00, 0x00, 0x00),
            highlight: Rgb(0xd5, 0x5e, 0x00),
            series: [
                Rgb(0x00, 0x72, 0xb2),
                Rgb(0xd5, 0x5e, 0x00),
                Rgb(0x00, 0x9e, 0x73),
                Rgb(0xcc, 0x79, 0xa7),
                Rgb(0x00, 0x00, 0x00),
                Rgb(0x8f, 0x6a, 0x00),
            ],
        }
    }

    pub fn series_colour(&self, index: usize) -> Rgb {
        self.series[index % self.series.len()]
    }

    /// `steps` shades for counts, lowest first: the first series colour mixed ever more
    /// strongly into the background. They differ in lightness, not only in hue, so they
    /// read in order for colour-blind readers and in greyscale.
    pub fn sequential(&self, steps: usize) -> Vec<Rgb> {
        let strongest = self.series_colour(0);
        (0..steps)
            .map(|k| {
                let t = if steps > 1 {
                    0.3 + 0.7 * k as f64 / (steps - 1) as f64
                } else {
                    1.0
                };
                self.background.mix(strongest, t)
            })
            .collect()
    }

    /// Land that has no count on a map: a faint tint of the muted text colour.
    pub fn land(&self) -> Rgb {
        self.background.mix(self.muted, 0.16)
    }
}

impl Rgb {
    /// This colour moved `t` of the way (0 to 1) towards `other`.
    pub fn mix(self, other: Rgb, t: f64) -> Rgb {
        let channel = |a: u8, b: u8| {
            (f64::from(a) + (f64::from(b) - f64::from(a)) * t.clamp(0.0, 1.0)).round() as u8
        };
        Rgb(
            channel(self.0, other.0),
            channel(self.1, other.1),
            channel(self.2, other.2),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_ratio_matches_wcag_reference_values() {
        let white = Rgb(255, 255, 255);
        let black = Rgb(0, 0, 0);
        assert!((white.contrast(black) - 21.0).abs() < 1e-9);
        assert!((Rgb(0x76, 0x76, 0x76).contrast(white) - 4.54).abs() < 0.01);
    }

    #[test]
    fn text_is_readable_on_every_palette() {
        for name in PaletteName::ALL {
            let p = name.palette();
            assert!(p.text.contrast(p.background) >= 7.0, "{name:?} text");
            assert!(p.muted.contrast(p.background) >= 4.5, "{name:?} muted");
            assert!(
                p.annotation.contrast(p.background) >= 4.5,
                "{name:?} annotation"
            );
        }
    }

    #[test]
    fn marks_stand_out_from_the_background_on_every_palette() {
        // WCAG 1.4.11: graphical objects need 3:1 against what is next to them.
        for name in PaletteName::ALL {
            let p = name.palette();
            for (i, colour) in p.series.iter().chain([&p.highlight, &p.axis]).enumerate() {
                let ratio = colour.contrast(p.background);
                assert!(
                    ratio >= 3.0,
                    "{name:?} colour {i} {} has {ratio:.2}:1",
                    colour.hex()
                );
            }
        }
    }

    #[test]
    fn map_shades_move_steadily_away_from_the_background() {
        for name in PaletteName::ALL {
            let p = name.palette();
            let shades = p.sequential(5);
            assert_eq!(shades[4], p.series[0]);
            let contrasts: Vec<f64> = shades.iter().map(|c| c.contrast(p.background)).collect();
            assert!(
                contrasts.windows(2).all(|w| w[1] > w[0]),
                "{name:?}: {contrasts:?}"
            );
            assert_ne!(p.land(), shades[0], "{name:?}");
        }
    }

    #[test]
    fn the_highlight_differs_from_the_ordinary_bar() {
        for name in PaletteName::ALL {
            let p = name.palette();
            assert_ne!(p.highlight, p.series[0]);
        }
    }
}
