//! Summaries of repeated measurements: the median and the 95th percentile.

/// The finite samples, sorted; `None` when there are none.
fn sorted(samples: &[f64]) -> Option<Vec<f64>> {
    let mut sorted: Vec<f64> = samples.iter().copied().filter(|v| v.is_finite()).collect();
    sorted.sort_by(f64::total_cmp);
    (!sorted.is_empty()).then_some(sorted)
}

/// The middle sample, or the mean of the two middle ones.
pub fn median(samples: &[f64]) -> Option<f64> {
    let s = sorted(samples)?;
    let mid = s.len() / 2;
    Some(match s.len() % 2 {
        1 => s[mid],
        _ => (s[mid - 1] + s[mid]) / 2.0,
    })
}

/// Nearest rank: the sample at rank `ceil(0.95 n)` (1-based).
pub fn p95(samples: &[f64]) -> Option<f64> {
    let s = sorted(samples)?;
    let rank = (0.95 * s.len() as f64).ceil().max(1.0) as usize;
    Some(s[rank.min(s.len()) - 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&[5.0, 1.0, 3.0]), Some(3.0));
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(&[7.0]), Some(7.0));
        assert_eq!(median(&[]), None);
    }

    #[test]
    fn p95_is_the_nearest_rank() {
        let twenty: Vec<f64> = (1..=20).map(f64::from).collect();
        assert_eq!(p95(&twenty), Some(19.0));
        let hundred: Vec<f64> = (1..=100).rev().map(f64::from).collect();
        assert_eq!(p95(&hundred), Some(95.0));
        assert_eq!(p95(&[3.0, 1.0]), Some(3.0));
    }

    #[test]
    fn non_finite_samples_are_left_out() {
        assert_eq!(median(&[f64::NAN, 1.0, f64::INFINITY, 3.0]), Some(2.0));
        assert_eq!(median(&[f64::NAN]), None);
    }
}
