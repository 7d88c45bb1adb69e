//! Fewer points for a dense series, without losing its shape: per pixel column, the
//! lowest and highest point; the first and last points always stay.

use super::model::Point;
use super::scale::LinearScale;

/// Keeps, for each whole pixel column that `pixel_x` puts points in, the point with
/// the smallest and the one with the largest `value`, in their original order, plus
/// the first and last point. `items` must be ordered by `pixel_x`. The result has at
/// most two points per column, plus the two ends.
pub fn decimate<T: Clone>(
    items: &[T],
    pixel_x: impl Fn(&T) -> f64,
    value: impl Fn(&T) -> f64,
) -> Vec<T> {
    let mut keep: Vec<usize> = Vec::new();
    let mut index = 0;
    while index < items.len() {
        let column = pixel_x(&items[index]).floor();
        let (mut low, mut high) = (index, index);
        let mut next = index + 1;
        while next < items.len() && pixel_x(&items[next]).floor() == column {
            if value(&items[next]) < value(&items[low]) {
                low = next;
            }
            if value(&items[next]) > value(&items[high]) {
                high = next;
            }
            next += 1;
        }
        keep.push(low.min(high));
        keep.push(low.max(high));
        index = next;
    }
    if !items.is_empty() {
        keep.push(0);
        keep.push(items.len() - 1);
    }
    keep.sort_unstable();
    keep.dedup();
    keep.into_iter().map(|i| items[i].clone()).collect()
}

/// A series' points as drawn at the scale `x`: decimated only when there are more
/// than two per pixel column of the range.
pub fn decimate_points(points: &[Point], x: &LinearScale) -> Vec<Point> {
    let width = (x.range.1 - x.range.0).abs();
    if (points.len() as f64) <= 2.0 * width {
        return points.to_vec();
    }
    decimate(points, |p| x.map(p.x), |p| p.y)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wave(count: usize) -> Vec<(f64, f64)> {
        (0..count)
            .map(|i| {
                let x = i as f64;
                (x, (x / 500.0).sin() * 10.0 + (x / 7.0).cos())
            })
            .collect()
    }

    #[test]
    fn a_dense_series_shrinks_to_two_points_per_pixel_and_keeps_its_extremes() {
        let mut points = wave(100_000);
        points[31_337].1 = 1_000.0;
        points[77_001].1 = -1_000.0;
        let width = 800.0;
        let scale = LinearScale::new((0.0, 99_999.0), (0.0, width));
        let kept = decimate(&points, |p| scale.map(p.0), |p| p.1);
        assert!(
            kept.len() <= 2 * width as usize + 2,
            "{} points kept",
            kept.len()
        );
        assert!(kept.contains(&points[31_337]));
        assert!(kept.contains(&points[77_001]));
        assert_eq!(kept.first(), points.first());
        assert_eq!(kept.last(), points.last());
        assert!(kept.windows(2).all(|w| w[0].0 < w[1].0), "order is kept");
    }

    #[test]
    fn every_column_keeps_its_lowest_and_highest_value() {
        let points = wave(10_000);
        let scale = LinearScale::new((0.0, 9_999.0), (0.0, 100.0));
        let kept = decimate(&points, |p| scale.map(p.0), |p| p.1);
        for column in 0..100 {
            let in_column = |p: &&(f64, f64)| scale.map(p.0).floor() == column as f64;
            let max = points
                .iter()
                .filter(in_column)
                .map(|p| p.1)
                .fold(f64::NEG_INFINITY, f64::max);
            assert!(kept.iter().filter(in_column).any(|p| p.1 == max));
        }
    }

    #[test]
    fn sparse_series_are_left_alone() {
        let scale = LinearScale::new((2020.0, 2026.0), (0.0, 600.0));
        let points: Vec<Point> = Vec::new();
        assert!(decimate_points(&points, &scale).is_empty());
        let short = [(0.0, 1.0), (1.0, 2.0)];
        assert_eq!(decimate(&short, |p| p.0, |p| p.1).len(), 2);
    }
}
