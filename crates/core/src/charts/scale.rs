//! Linear mapping from data values to pixels, and back.

/// Maps `domain` onto `range` linearly. A value axis drawn upwards uses an inverted
/// range, `(bottom, top)`, so larger values land higher on the screen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinearScale {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl LinearScale {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> LinearScale {
        LinearScale { domain, range }
    }

    /// The pixel for `value`. A domain of zero width maps to the middle of the range.
    pub fn map(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if (d1 - d0).abs() < f64::EPSILON {
            return (r0 + r1) / 2.0;
        }
        r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }

    /// The value at `pixel`.
    pub fn invert(&self, pixel: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if (r1 - r0).abs() < f64::EPSILON {
            return (d0 + d1) / 2.0;
        }
        d0 + (pixel - r0) / (r1 - r0) * (d1 - d0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_the_domain_ends_to_the_range_ends() {
        let x = LinearScale::new((2020.0, 2030.0), (50.0, 750.0));
        assert_eq!(x.map(2020.0), 50.0);
        assert_eq!(x.map(2030.0), 750.0);
        assert_eq!(x.map(2025.0), 400.0);
    }

    #[test]
    fn an_inverted_range_draws_larger_values_higher() {
        let y = LinearScale::new((0.0, 100.0), (400.0, 40.0));
        assert_eq!(y.map(0.0), 400.0);
        assert_eq!(y.map(100.0), 40.0);
        assert!(y.map(75.0) < y.map(25.0));
    }

    #[test]
    fn invert_undoes_map() {
        let y = LinearScale::new((-5.0, 45.0), (300.0, 20.0));
        for value in [-5.0, 0.0, 12.5, 45.0] {
            assert!((y.invert(y.map(value)) - value).abs() < 1e-9);
        }
    }

    #[test]
    fn a_single_value_maps_to_the_middle() {
        let x = LinearScale::new((7.0, 7.0), (0.0, 100.0));
        assert_eq!(x.map(7.0), 50.0);
    }
}
