//! How wide a text is and where it breaks, estimated per character rather than read
//! from a font file, so the layout is the same natively and in a browser.
//!
//! Sizes are the pixels an SVG renders. plotters' SVG backend writes a text's
//! `font-size` as its size divided by [`SVG_FONT_SCALE`], so the drawing passes
//! `px * SVG_FONT_SCALE`; a canvas backend draws the size as given.

/// plotters-svg writes a text's `font-size` as its size / 1.24.
pub const SVG_FONT_SCALE: f64 = 1.24;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Font {
    pub px: f64,
    pub bold: bool,
}

pub const TITLE: Font = Font {
    px: 19.0,
    bold: true,
};
pub const SUBTITLE: Font = Font {
    px: 13.5,
    bold: false,
};
pub const HEADING: Font = Font {
    px: 12.5,
    bold: true,
};
pub const BODY: Font = Font {
    px: 12.0,
    bold: false,
};
pub const BODY_BOLD: Font = Font {
    px: 12.0,
    bold: true,
};
pub const SMALL: Font = Font {
    px: 11.0,
    bold: false,
};

impl Font {
    pub fn line_height(self) -> f64 {
        (self.px * 1.3).round()
    }
}

/// The width of `text` in `font`, estimated per character. Measured against the
/// fonts: DejaVu Sans Condensed (the published PNGs) is at most 3.5% wider; DejaVu Sans,
/// which browsers on Linux often pick for `sans-serif`, is about 7% wider on average, so
/// layouts keep some slack around text.
pub fn text_width(text: &str, font: Font) -> f64 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | 'ı' | '\'' | '|' | '.' | ',' | ':' | ';' | '!' => 0.28,
            ' ' | 'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' | '/' => 0.35,
            'm' | 'w' | 'M' | 'W' | '%' | '—' => 0.86,
            '0'..='9' => 0.6,
            c if c.is_uppercase() => 0.68,
            _ => 0.55,
        })
        .sum();
    em * font.px * if font.bold { 1.08 } else { 1.0 }
}

/// Breaks `text` into lines no wider than `max_width`, at spaces. A word wider
/// than the whole line keeps a line of its own.
pub fn wrap(text: &str, font: Font, max_width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate, font) <= max_width || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_word_and_respects_the_width() {
        let text = "Member clusters and countries with a member, at each announced step";
        let lines = wrap(text, SUBTITLE, 200.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.join(" "), text);
        for line in &lines {
            assert!(text_width(line, SUBTITLE) <= 200.0, "{line}");
        }
    }

    #[test]
    fn a_long_word_gets_its_own_line() {
        let lines = wrap("a Supercalifragilistic b", BODY, 40.0);
        assert_eq!(lines, vec!["a", "Supercalifragilistic", "b"]);
    }

    #[test]
    fn wider_text_measures_wider() {
        assert!(text_width("WWW", BODY) > text_width("iii", BODY));
        assert!(text_width("abc", BODY_BOLD) > text_width("abc", BODY));
        assert_eq!(text_width("", TITLE), 0.0);
    }
}
