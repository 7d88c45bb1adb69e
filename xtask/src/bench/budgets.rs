//! Whether each budget is met, and for a missed one, one sentence: by how much, and why
//! (the evidence the figures carry).

use super::figures::{Figures, Unit};

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

    pub fn value(self) -> f64 {
        match self {
            Limit::AtMost(v) | Limit::AtLeast(v) => v,
            Limit::Zero => 0.0,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Budget {
    /// The key of the page in `plan::PAGES`.
    pub page: &'static str,
    /// The figure checked, e.g. `home.load.brotli`.
    pub figure: String,
    pub what: String,
    pub limit: Limit,
    pub unit: Unit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Pass,
    Fail,
    NotMeasured,
    /// The page is not in this build.
    NotBuilt,
}

impl Verdict {
    pub fn word(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "FAIL",
            Verdict::NotMeasured => "not measured",
            Verdict::NotBuilt => "not built",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub budget: Budget,
    pub measured: Option<f64>,
    pub verdict: Verdict,
    /// For a missed budget: by how much and why; for one not measured: why not.
    pub why: Option<String>,
}

pub fn evaluate(budgets: &[Budget], figures: &Figures, built: impl Fn(&str) -> bool) -> Vec<Check> {
    budgets
        .iter()
        .map(|budget| {
            let measured = figures.get(&budget.figure);
            let (verdict, why) = match measured {
                _ if !built(budget.page) => (Verdict::NotBuilt, None),
                None => (Verdict::NotMeasured, Some(figures.missing(&budget.figure))),
                Some(v) if budget.limit.met_by(v) => (Verdict::Pass, None),
                Some(v) => (Verdict::Fail, Some(why_missed(budget, v, figures))),
            };
            Check {
                budget: budget.clone(),
                measured,
                verdict,
                why,
            }
        })
        .collect()
}

/// `12.3 kB over the 100.0 kB budget (+12 %); <evidence>.`
fn why_missed(budget: &Budget, value: f64, figures: &Figures) -> String {
    let unit = budget.unit;
    let limit = budget.limit.value();
    let by = match budget.limit {
        Limit::AtMost(_) if limit > 0.0 => format!(
            "{} over the {} budget (+{:.0} %)",
            unit.show(value - limit),
            unit.show(limit),
            (value - limit) / limit * 100.0
        ),
        Limit::AtLeast(_) => format!(
            "{} below the {} budget",
            unit.show(limit - value),
            unit.show(limit)
        ),
        _ => format!("{} where the budget is 0", unit.show(value)),
    };
    match figures.evidence.get(&budget.figure) {
        Some(evidence) => format!("{by}: {evidence}."),
        None => format!("{by}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn budget(page: &'static str, figure: &str, limit: Limit, unit: Unit) -> Budget {
        Budget {
            page,
            figure: figure.into(),
            what: figure.into(),
            limit,
            unit,
        }
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
    fn a_missed_budget_says_by_how_much_and_why_in_one_sentence() {
        let mut figures = Figures::default();
        figures.set("home.load.brotli", Unit::Bytes, 112_000.0);
        figures.explain(
            "home.load.brotli",
            "the largest request is app.wasm (90.0 kB)",
        );
        figures.set("home.lighthouse.score", Unit::Score, 97.0);
        figures.set("home.lighthouse.cls", Unit::Cls, 0.1016);
        figures.set("embed.lighthouse.tbt", Unit::Ms, 20.0);
        figures.unmeasured("initiative", "the browser crashed");
        let budgets = [
            budget(
                "home",
                "home.load.brotli",
                Limit::AtMost(100_000.0),
                Unit::Bytes,
            ),
            budget(
                "home",
                "home.lighthouse.score",
                Limit::AtLeast(98.0),
                Unit::Score,
            ),
            budget("home", "home.lighthouse.cls", Limit::Zero, Unit::Cls),
            budget(
                "embed",
                "embed.lighthouse.tbt",
                Limit::AtMost(50.0),
                Unit::Ms,
            ),
            budget(
                "initiative",
                "initiative.load.brotli",
                Limit::AtMost(200_000.0),
                Unit::Bytes,
            ),
            budget(
                "figure",
                "figure.load.brotli",
                Limit::AtMost(50_000.0),
                Unit::Bytes,
            ),
        ];
        let checks = evaluate(&budgets, &figures, |page| page != "figure");
        let verdicts: Vec<Verdict> = checks.iter().map(|c| c.verdict).collect();
        assert_eq!(
            verdicts,
            [
                Verdict::Fail,
                Verdict::Fail,
                Verdict::Fail,
                Verdict::Pass,
                Verdict::NotMeasured,
                Verdict::NotBuilt
            ]
        );
        let why: Vec<&str> = checks
            .iter()
            .map(|c| c.why.as_deref().unwrap_or(""))
            .collect();
        assert_eq!(
            why[0],
            "12.0 kB over the 100.0 kB budget (+12 %): the largest request is app.wasm (90.0 kB)."
        );
        assert_eq!(why[1], "1 below the 98 budget.");
        assert_eq!(why[2], "0.102 where the budget is 0.");
        assert_eq!(why[4], "not measured: the browser crashed");
        assert_eq!(why[5], "");
    }
}
