//! The budgets of issue 8, and whether a measured figure meets each.

/// A first load's total, brotli, in bytes (1 kB = 1000 bytes).
pub const EMBED_FIRST_LOAD_BYTES: f64 = 100_000.0;
pub const HOME_FIRST_LOAD_BYTES: f64 = 150_000.0;
/// Lighthouse mobile performance score, 0–100.
pub const LIGHTHOUSE_SCORE: f64 = 98.0;
pub const LCP_MS: f64 = 1500.0;
pub const TBT_MS: f64 = 50.0;
/// Median redraw (layout and paint) of a 10 000-point line series: one frame at 60 Hz.
pub const REDRAW_10K_MS: f64 = 16.0;
/// No long task over this while a reader interacts.
pub const LONG_TASK_MS: f64 = 50.0;

/// A figure, or why there is none.
#[derive(Debug, Clone, PartialEq)]
pub enum Measure {
    Value(f64),
    Missing(String),
}

impl Measure {
    pub fn from_option(value: Option<f64>, missing: &str) -> Measure {
        match value {
            Some(v) => Measure::Value(v),
            None => Measure::Missing(missing.to_string()),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Limit {
    AtMost(f64),
    AtLeast(f64),
    Zero,
}

impl Limit {
    pub fn met_by(self, value: f64) -> bool {
        match self {
            Limit::AtMost(limit) => value <= limit,
            Limit::AtLeast(limit) => value >= limit,
            Limit::Zero => value == 0.0,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Pass,
    Fail,
    NotMeasured,
}

impl Verdict {
    pub fn word(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "FAIL",
            Verdict::NotMeasured => "not measured",
        }
    }
}

/// One budget, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    /// Stable key for the JSON report, e.g. `home.lighthouse.lcp`.
    pub key: String,
    pub name: String,
    pub limit: Limit,
    /// The limit as people read it, e.g. `≤ 1.5 s`.
    pub limit_text: String,
    pub measure: Measure,
    /// The figure as people read it, or why it is missing.
    pub measured_text: String,
    pub verdict: Verdict,
}

pub fn check(
    key: &str,
    name: &str,
    limit: Limit,
    limit_text: &str,
    measure: Measure,
    show: impl Fn(f64) -> String,
) -> Check {
    let (verdict, measured_text) = match &measure {
        Measure::Value(v) if limit.met_by(*v) => (Verdict::Pass, show(*v)),
        Measure::Value(v) => (Verdict::Fail, show(*v)),
        Measure::Missing(why) => (Verdict::NotMeasured, why.clone()),
    };
    Check {
        key: key.to_string(),
        name: name.to_string(),
        limit,
        limit_text: limit_text.to_string(),
        measure,
        measured_text,
        verdict,
    }
}

/// `123.4 kB` (1 kB = 1000 bytes).
pub fn kb(bytes: f64) -> String {
    format!("{:.1} kB", bytes / 1000.0)
}

pub fn ms(value: f64) -> String {
    if value >= 1000.0 {
        format!("{:.2} s", value / 1000.0)
    } else {
        format!("{value:.1} ms")
    }
}

pub fn opt_ms(value: Option<f64>) -> String {
    value.map_or("–".into(), ms)
}

pub fn shorten(text: &str, max: usize) -> String {
    let text = text.replace('|', "\\|");
    if text.chars().count() <= max {
        text
    } else {
        let cut: String = text.chars().take(max).collect();
        format!("{cut}…")
    }
}

/// The Lighthouse figures of one page, medians of its runs.
#[derive(Debug, Clone, PartialEq)]
pub struct LighthouseMedians {
    pub score: Measure,
    pub lcp_ms: Measure,
    pub tbt_ms: Measure,
    pub cls: Measure,
}

/// Everything the budgets are checked against.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    pub home_first_load: Measure,
    pub embed_first_load: Measure,
    /// `(page key, page name, medians)` for home, the chart page and the embed.
    pub lighthouse: Vec<(String, String, LighthouseMedians)>,
    pub redraw_10k_median_ms: Measure,
    /// The longest task while interacting in the median run; 0 when it had none.
    pub longest_interaction_task_ms: Measure,
}

pub fn evaluate(figures: &Figures) -> Vec<Check> {
    let mut checks = vec![
        check(
            "embed.first_load.brotli",
            "Embed first load, brotli, all requests",
            Limit::AtMost(EMBED_FIRST_LOAD_BYTES),
            "≤ 100 kB",
            figures.embed_first_load.clone(),
            kb,
        ),
        check(
            "home.first_load.brotli",
            "Home page first load, brotli, all requests",
            Limit::AtMost(HOME_FIRST_LOAD_BYTES),
            "≤ 150 kB",
            figures.home_first_load.clone(),
            kb,
        ),
    ];
    for (key, page, medians) in &figures.lighthouse {
        checks.push(check(
            &format!("{key}.lighthouse.score"),
            &format!("Lighthouse mobile performance, {page}"),
            Limit::AtLeast(LIGHTHOUSE_SCORE),
            "≥ 98",
            medians.score.clone(),
            |v| format!("{v:.0}"),
        ));
        checks.push(check(
            &format!("{key}.lighthouse.lcp"),
            &format!("LCP, {page}"),
            Limit::AtMost(LCP_MS),
            "≤ 1.5 s",
            medians.lcp_ms.clone(),
            ms,
        ));
        checks.push(check(
            &format!("{key}.lighthouse.tbt"),
            &format!("TBT, {page}"),
            Limit::AtMost(TBT_MS),
            "≤ 50 ms",
            medians.tbt_ms.clone(),
            ms,
        ));
        checks.push(check(
            &format!("{key}.lighthouse.cls"),
            &format!("CLS, {page}"),
            Limit::Zero,
            "0",
            medians.cls.clone(),
            |v| format!("{v:.4}"),
        ));
    }
    checks.push(check(
        "synthetic.10k.redraw",
        "10k-point line redraw (layout + paint), median",
        Limit::AtMost(REDRAW_10K_MS),
        "≤ 16 ms",
        figures.redraw_10k_median_ms.clone(),
        ms,
    ));
    checks.push(check(
        "interaction.longest_task",
        "Longest task while interacting (hover, keys, language), median of the runs",
        Limit::AtMost(LONG_TASK_MS),
        "≤ 50 ms",
        figures.longest_interaction_task_ms.clone(),
        |v| {
            if v == 0.0 {
                "none over 50 ms".to_string()
            } else {
                ms(v)
            }
        },
    ));
    checks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures() -> Figures {
        let medians = LighthouseMedians {
            score: Measure::Value(99.0),
            lcp_ms: Measure::Value(1400.0),
            tbt_ms: Measure::Value(60.0),
            cls: Measure::Value(0.0),
        };
        Figures {
            home_first_load: Measure::Value(150_000.0),
            embed_first_load: Measure::Missing("not present in this build".into()),
            lighthouse: vec![("home".into(), "home".into(), medians)],
            redraw_10k_median_ms: Measure::Value(16.5),
            longest_interaction_task_ms: Measure::Value(0.0),
        }
    }

    fn verdict(checks: &[Check], key: &str) -> Verdict {
        checks.iter().find(|c| c.key == key).unwrap().verdict
    }

    #[test]
    fn limits_are_inclusive_and_cls_must_be_zero() {
        assert!(Limit::AtMost(150.0).met_by(150.0));
        assert!(!Limit::AtMost(150.0).met_by(150.1));
        assert!(Limit::AtLeast(98.0).met_by(98.0));
        assert!(!Limit::AtLeast(98.0).met_by(97.0));
        assert!(Limit::Zero.met_by(0.0));
        assert!(!Limit::Zero.met_by(0.0001));
    }

    #[test]
    fn every_budget_is_checked_and_a_missing_figure_is_not_a_pass() {
        let checks = evaluate(&figures());
        assert_eq!(checks.len(), 2 + 4 + 2);
        assert_eq!(verdict(&checks, "home.first_load.brotli"), Verdict::Pass);
        assert_eq!(
            verdict(&checks, "embed.first_load.brotli"),
            Verdict::NotMeasured
        );
        assert_eq!(verdict(&checks, "home.lighthouse.score"), Verdict::Pass);
        assert_eq!(verdict(&checks, "home.lighthouse.lcp"), Verdict::Pass);
        assert_eq!(verdict(&checks, "home.lighthouse.tbt"), Verdict::Fail);
        assert_eq!(verdict(&checks, "home.lighthouse.cls"), Verdict::Pass);
        assert_eq!(verdict(&checks, "synthetic.10k.redraw"), Verdict::Fail);
        assert_eq!(verdict(&checks, "interaction.longest_task"), Verdict::Pass);
        let embed = checks
            .iter()
            .find(|c| c.key == "embed.first_load.brotli")
            .unwrap();
        assert_eq!(embed.measured_text, "not present in this build");
    }

    #[test]
    fn figures_read_in_kb_and_ms() {
        assert_eq!(kb(149_999.0), "150.0 kB");
        assert_eq!(kb(512.0), "0.5 kB");
        assert_eq!(ms(15.94), "15.9 ms");
        assert_eq!(ms(2345.0), "2.35 s");
        let checks = evaluate(&figures());
        let tasks = checks
            .iter()
            .find(|c| c.key == "interaction.longest_task")
            .unwrap();
        assert_eq!(tasks.measured_text, "none over 50 ms");
    }
}
