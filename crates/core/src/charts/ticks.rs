//! Where the ticks go and what they say: "nice" 1-2-5 steps on value axes, whole
//! years on time axes, numbers written as each locale writes them.

use super::text::ChartMsg;
use crate::format::{format_number, format_short, Scale};
use crate::text::{Locale, Text};

/// The smallest step of the form 1, 2 or 5 × 10^k that cuts `span` into at most
/// `max_intervals` intervals.
pub fn nice_step(span: f64, max_intervals: usize) -> f64 {
    let span = span.abs();
    if span == 0.0 || !span.is_finite() {
        return 1.0;
    }
    let raw = span / max_intervals.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|step| *step >= raw * (1.0 - 1e-9))
        .unwrap_or(10.0 * magnitude)
}

/// A value axis: its domain, widened to whole steps, and the ticks on it.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueTicks {
    pub min: f64,
    pub max: f64,
    pub step: f64,
    pub values: Vec<f64>,
}

/// Ticks for data from `lo` to `hi`, with at most `max_intervals` intervals. The
/// domain grows to whole steps so the top tick is at or above the largest value.
pub fn value_ticks(lo: f64, hi: f64, max_intervals: usize) -> ValueTicks {
    let (lo, hi) = if hi > lo {
        (lo, hi)
    } else if hi == 0.0 {
        (lo, 1.0)
    } else {
        (lo.min(0.0), hi.max(0.0) + hi.abs() * 0.5)
    };
    let step = nice_step(hi - lo, max_intervals);
    let first = (lo / step + 1e-9).floor() as i64;
    let last = (hi / step - 1e-9).ceil() as i64;
    let decimals = decimals_for_step(step) as i32 + 1;
    let round = |v: f64| {
        let factor = 10f64.powi(decimals);
        (v * factor).round() / factor
    };
    let values: Vec<f64> = (first..=last).map(|k| round(k as f64 * step)).collect();
    ValueTicks {
        min: round(first as f64 * step),
        max: round(last as f64 * step),
        step,
        values,
    }
}

/// Decimals needed to write every multiple of `step`.
pub fn decimals_for_step(step: f64) -> usize {
    if step >= 1.0 || step <= 0.0 || !step.is_finite() {
        0
    } else {
        ((-step.log10()).ceil() as usize).min(6)
    }
}

/// A time axis around the data: a little room on each side so markers at the ends
/// are not cut by the plot's edge.
pub fn time_domain(min_x: f64, max_x: f64) -> (f64, f64) {
    let pad = ((max_x - min_x) * 0.03).max(0.3);
    (min_x - pad, max_x + pad)
}

/// Years to label between `min_x` and `max_x` (fractional years), every 1, 2, 5,
/// 10, 20 or 50 years, at most `max_ticks` of them.
pub fn year_ticks(min_x: f64, max_x: f64, max_ticks: usize) -> Vec<i32> {
    let first = min_x.ceil() as i32;
    let last = max_x.floor() as i32;
    if last < first {
        return Vec::new();
    }
    let span = last - first;
    let step = [1, 2, 5, 10, 20, 50, 100]
        .into_iter()
        .find(|step| (span / step + 1) as usize <= max_ticks.max(1))
        .unwrap_or(100);
    let start = first + (step - first.rem_euclid(step)) % step;
    (start..=last).step_by(step as usize).collect()
}

/// A value tick's label: grouped and with the locale's decimal mark; an axis that
/// reaches a million speaks in millions ("2.5 million" / "2,5 mln").
pub fn tick_label(value: f64, step: f64, axis_max: f64, locale: Locale) -> String {
    if value == 0.0 {
        return "0".to_string();
    }
    if axis_max.abs() >= 1e6 {
        let number = format_number(value / 1e6, decimals_for_step(step / 1e6), locale);
        return ChartMsg::TickMillions
            .fill(&[("n", &Text::new(number.clone(), number))])
            .get(locale)
            .to_string();
    }
    format_number(value, decimals_for_step(step), locale)
}

/// How a value axis writes its numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TickForm {
    /// Grouped digits; an axis that reaches a million in millions ([`tick_label`]).
    Full,
    /// Short, where full labels do not fit: "200 min" / "200k", "2,5 mln" / "2.5m".
    Short,
}

/// A value tick's label in `form`. A short axis counts in the scale of its largest
/// value (from ten thousand up: "8.000" stays as it is).
pub fn tick_label_in(
    form: TickForm,
    value: f64,
    step: f64,
    axis_max: f64,
    locale: Locale,
) -> String {
    match form {
        TickForm::Full => tick_label(value, step, axis_max, locale),
        TickForm::Short => {
            let scale = if axis_max.abs() >= 1e4 {
                Scale::of(axis_max)
            } else {
                Scale::One
            };
            let decimals = decimals_for_step(step / scale.factor());
            format_short(value, scale, decimals, locale)
        }
    }
}

/// Ticks for data from `lo` to `hi` whose labels `fit` (given the ticks and their
/// labels): the most intervals up to `max_intervals` written in full, else the most
/// written short, else the two ends written short. Fewer numbers before shorter ones:
/// a reader can count the gridlines, but "200k" is one more thing to decode.
pub fn fitting_ticks(
    lo: f64,
    hi: f64,
    max_intervals: usize,
    locale: Locale,
    fit: impl Fn(&ValueTicks, &[String]) -> bool,
) -> (ValueTicks, Vec<String>) {
    let labelled = |form: TickForm, intervals: usize| {
        let ticks = value_ticks(lo, hi, intervals);
        let labels: Vec<String> = ticks
            .values
            .iter()
            .map(|v| tick_label_in(form, *v, ticks.step, ticks.max, locale))
            .collect();
        (ticks, labels)
    };
    let tries = [(TickForm::Full, 2), (TickForm::Short, 1)]
        .into_iter()
        .flat_map(|(form, least)| {
            (least..=max_intervals.max(least))
                .rev()
                .map(move |n| (form, n))
        });
    for (form, intervals) in tries {
        let (ticks, labels) = labelled(form, intervals);
        if fit(&ticks, &labels) {
            return (ticks, labels);
        }
    }
    labelled(TickForm::Short, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_one_two_or_five_times_a_power_of_ten() {
        assert_eq!(nice_step(40.0, 5), 10.0);
        assert_eq!(nice_step(877.0, 5), 200.0);
        assert_eq!(nice_step(4.6e6, 5), 1e6);
        assert_eq!(nice_step(1.0, 4), 0.5);
        assert_eq!(nice_step(0.07, 5), 0.02);
        assert_eq!(nice_step(100.0, 5), 20.0);
    }

    #[test]
    fn value_ticks_cover_the_data_with_whole_steps() {
        let ticks = value_ticks(0.0, 40.0, 5);
        assert_eq!(ticks.values, vec![0.0, 10.0, 20.0, 30.0, 40.0]);
        let ticks = value_ticks(0.0, 877.0, 5);
        assert_eq!(ticks.max, 1000.0);
        assert_eq!(ticks.values.len(), 6);
        let ticks = value_ticks(0.0, 0.3, 4);
        assert_eq!(ticks.values, vec![0.0, 0.1, 0.2, 0.3]);
    }

    #[test]
    fn value_ticks_survive_flat_and_empty_data() {
        assert_eq!(value_ticks(0.0, 0.0, 5).max, 1.0);
        let single = value_ticks(12.0, 12.0, 5);
        assert!(single.min <= 0.0 && single.max >= 12.0);
    }

    #[test]
    fn year_ticks_pick_a_round_step() {
        assert_eq!(
            year_ticks(2021.0, 2027.0, 8),
            vec![2021, 2022, 2023, 2024, 2025, 2026, 2027]
        );
        assert_eq!(
            year_ticks(1990.0, 2051.0, 8),
            vec![1990, 2000, 2010, 2020, 2030, 2040, 2050]
        );
        assert_eq!(
            year_ticks(2016.0, 2027.0, 6),
            vec![2016, 2018, 2020, 2022, 2024, 2026]
        );
        assert!(year_ticks(2021.2, 2021.8, 5).is_empty());
    }

    #[test]
    fn time_domains_leave_room_at_both_ends() {
        let (start, end) = time_domain(2021.875, 2026.06);
        assert!(start < 2021.875 && start > 2021.0);
        assert!(end > 2026.06 && end < 2026.5);
        let (start, end) = time_domain(2025.5, 2025.5);
        assert!(start < 2025.5 && end > 2025.5);
    }

    #[test]
    fn value_ticks_start_at_zero_for_positive_data() {
        for hi in [4.0, 40.0, 877.0, 4.6e6] {
            let ticks = value_ticks(0.0, hi, 5);
            assert_eq!(ticks.min, 0.0, "{hi}");
            assert_eq!(ticks.values[0], 0.0);
            assert!(ticks.max >= hi);
        }
    }

    #[test]
    fn short_ticks_count_in_the_scale_of_the_axis() {
        let short = |v, step, max, locale| tick_label_in(TickForm::Short, v, step, max, locale);
        assert_eq!(
            short(200_000.0, 100_000.0, 400_000.0, Locale::Az),
            "200 min"
        );
        assert_eq!(short(200_000.0, 100_000.0, 400_000.0, Locale::En), "200k");
        assert_eq!(short(500_000.0, 500_000.0, 1e6, Locale::En), "0.5m");
        assert_eq!(short(2.5e6, 5e5, 6e6, Locale::Az), "2,5 mln");
        assert_eq!(short(8000.0, 2000.0, 8000.0, Locale::Az), "8.000");
        assert_eq!(short(0.0, 2e5, 6e5, Locale::En), "0");
    }

    #[test]
    fn fitting_ticks_drop_ticks_before_they_shorten_labels() {
        let strings = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        // Room for three labels of up to seven characters.
        let (_, labels) = fitting_ticks(0.0, 380_000.0, 6, Locale::Az, |t, labels| {
            t.values.len() <= 3 && labels.iter().all(|l| l.chars().count() <= 7)
        });
        assert_eq!(labels, strings(&["0", "200.000", "400.000"]));
        // Room for labels of up to four characters: only the short form fits.
        let (_, labels) = fitting_ticks(0.0, 380_000.0, 6, Locale::En, |_, labels| {
            labels.iter().all(|l| l.chars().count() <= 4)
        });
        assert_eq!(labels.last().map(String::as_str), Some("400k"));
        assert!(labels.len() > 3);
    }

    #[test]
    fn tick_labels_follow_the_locale() {
        assert_eq!(
            tick_label(200_000.0, 100_000.0, 600_000.0, Locale::Az),
            "200.000"
        );
        assert_eq!(
            tick_label(200_000.0, 100_000.0, 600_000.0, Locale::En),
            "200,000"
        );
        assert_eq!(tick_label(2.5, 0.5, 10.0, Locale::Az), "2,5");
        assert_eq!(tick_label(2.5e6, 5e5, 5e6, Locale::En), "2.5 million");
        assert_eq!(tick_label(2e6, 1e6, 5e6, Locale::Az), "2 mln");
        assert_eq!(tick_label(0.0, 1e6, 5e6, Locale::Az), "0");
    }
}
