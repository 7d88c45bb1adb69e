//! Summaries of repeated measurements: median and 95th percentile.

/// A set of samples, summarised.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    pub count: usize,
    pub median: f64,
    /// Nearest-rank 95th percentile: the smallest sample at or above 95 % of them.
    pub p95: f64,
    pub min: f64,
    pub max: f64,
}

/// `None` when there are no finite samples (non-finite ones are left out).
pub fn summarise(samples: &[f64]) -> Option<Summary> {
    let mut sorted: Vec<f64> = samples.iter().copied().filter(|v| v.is_finite()).collect();
    if sorted.is_empty() {
        return None;
    }
    sorted.sort_by(f64::total_cmp);
    Some(Summary {
        count: sorted.len(),
        median: median_of_sorted(&sorted),
        p95: nearest_rank(&sorted, 0.95),
        min: sorted[0],
        max: sorted[sorted.len() - 1],
    })
}

pub fn median(samples: &[f64]) -> Option<f64> {
    summarise(samples).map(|s| s.median)
}

/// The middle sample, or the mean of the two middle ones.
fn median_of_sorted(sorted: &[f64]) -> f64 {
    let mid = sorted.len() / 2;
    if sorted.len() % 2 == 1 {
        sorted[mid]
    } else {
        (sorted[mid - 1] + sorted[mid]) / 2.0
    }
}

/// The sample at rank `ceil(p * n)` (1-based).
fn nearest_rank(sorted: &[f64], p: f64) -> f64 {
    let rank = (p * sorted.len() as f64).ceil().max(1.0) as usize;
    sorted[rank.min(sorted.len()) - 1]
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
        assert_eq!(summarise(&twenty).unwrap().p95, 19.0);
        let hundred: Vec<f64> = (1..=100).rev().map(f64::from).collect();
        let s = summarise(&hundred).unwrap();
        assert_eq!((s.p95, s.min, s.max, s.count), (95.0, 1.0, 100.0, 100));
        assert_eq!(summarise(&[3.0, 1.0]).unwrap().p95, 3.0);
        assert_eq!(summarise(&[2.0]).unwrap().p95, 2.0);
    }

    #[test]
    fn non_finite_samples_are_left_out() {
        let s = summarise(&[f64::NAN, 1.0, f64::INFINITY, 3.0]).unwrap();
        assert_eq!((s.count, s.median), (2, 2.0));
        assert_eq!(summarise(&[f64::NAN]), None);
    }
}
