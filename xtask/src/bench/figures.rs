//! The figures the report is made of, picked out of the results: per-page lookups,
//! Lighthouse medians, and the measures the budgets are checked against.

use super::browser::{self, Browser, LighthouseRun, LongTasks, Page, Section};
use super::budgets::{Figures, LighthouseMedians, Measure};
use super::first_load::FirstLoad;
use super::stats;
use super::{Results, PAGES};

/// 1 MB = 1 000 000 bytes.
pub(super) const MB: f64 = 1_000_000.0;

pub(super) fn page_name(key: &str) -> &'static str {
    PAGES
        .iter()
        .find(|(k, _)| *k == key)
        .map_or("page", |(_, name)| name)
}

pub(super) fn first_load<'a>(
    results: &'a Results,
    key: &str,
) -> Option<&'a Section<Option<FirstLoad>>> {
    browser::by_key(&results.first_loads, key)
}

pub(super) fn lighthouse_runs<'a>(
    browser: &'a Browser,
    key: &str,
) -> Option<&'a Section<Vec<LighthouseRun>>> {
    browser::by_key(&browser.lighthouse, key)
}

/// The median of one Lighthouse figure over the runs that produced it.
pub(super) fn lighthouse_median(
    runs: &[LighthouseRun],
    pick: impl Fn(&LighthouseRun) -> Option<f64>,
) -> Option<f64> {
    let values: Vec<f64> = runs
        .iter()
        .filter(|r| r.error.is_none())
        .filter_map(pick)
        .collect();
    stats::median(&values)
}

pub(super) fn first_load_measure(results: &Results, key: &str) -> Measure {
    match first_load(results, key) {
        Some(Ok(Some(load))) => Measure::Value(load.page.brotli as f64),
        Some(Ok(None)) => Measure::Missing("not present in this build".into()),
        Some(Err(error)) => Measure::Missing(format!("not measured: {error}")),
        None => Measure::Missing("not measured".into()),
    }
}

pub(super) fn lighthouse_medians(results: &Results, key: &str) -> Option<LighthouseMedians> {
    let browser = results.browser.as_ref().ok()?;
    let missing = |why: String| LighthouseMedians {
        score: Measure::Missing(why.clone()),
        lcp_ms: Measure::Missing(why.clone()),
        tbt_ms: Measure::Missing(why.clone()),
        cls: Measure::Missing(why),
    };
    Some(match lighthouse_runs(browser, key) {
        None => match browser::by_key(&browser.pages, key) {
            Some(Ok(Page::Absent)) => missing("not present in this build".into()),
            _ => missing("not measured".into()),
        },
        Some(Err(error)) => missing(format!("not measured: {error}")),
        Some(Ok(runs)) => {
            let why = "no Lighthouse run finished";
            LighthouseMedians {
                score: Measure::from_option(lighthouse_median(runs, |r| r.score), why),
                lcp_ms: Measure::from_option(lighthouse_median(runs, |r| r.lcp_ms), why),
                tbt_ms: Measure::from_option(lighthouse_median(runs, |r| r.tbt_ms), why),
                cls: Measure::from_option(lighthouse_median(runs, |r| r.cls), why),
            }
        }
    })
}

pub(super) fn synthetic(results: &Results, points: u64) -> Option<&browser::Synthetic> {
    let browser = results.browser.as_ref().ok()?;
    browser
        .synthetic
        .as_ref()
        .ok()?
        .iter()
        .find(|s| s.points == points)
}

/// The longest task while interacting, in the median run (0 when it had none).
pub(super) fn longest_interaction_task(results: &Results) -> Measure {
    let runs = match &results.browser {
        Err(error) => return Measure::Missing(format!("not measured: {error}")),
        Ok(browser) => &browser.long_tasks,
    };
    let longest: Vec<f64> = runs
        .iter()
        .filter_map(|run| run.as_ref().ok())
        .map(LongTasks::longest_interacting)
        .collect();
    match stats::median(&longest) {
        Some(median) => Measure::Value(median),
        None => Measure::Missing(match runs.iter().find_map(|r| r.as_ref().err()) {
            Some(error) => format!("not measured: {error}"),
            None => "not measured".into(),
        }),
    }
}

pub fn figures(results: &Results) -> Figures {
    Figures {
        home_first_load: first_load_measure(results, "home"),
        embed_first_load: first_load_measure(results, "embed"),
        lighthouse: PAGES
            .iter()
            .filter_map(|(key, name)| {
                let medians = lighthouse_medians(results, key)?;
                Some((key.to_string(), name.to_string(), medians))
            })
            .collect(),
        redraw_10k_median_ms: Measure::from_option(
            synthetic(results, 10_000).and_then(|s| stats::median(&s.redraw_ms())),
            "not measured",
        ),
        longest_interaction_task_ms: longest_interaction_task(results),
    }
}

/// The markdown, the JSON, and the checked budgets.
pub(super) fn page_load<'a>(results: &'a Results, key: &str) -> Option<&'a browser::PageLoad> {
    match browser::by_key(&results.browser.as_ref().ok()?.pages, key)? {
        Ok(Page::Loaded(page)) => Some(page),
        _ => None,
    }
}

pub(super) fn relative(path: &std::path::Path) -> String {
    path.strip_prefix(crate::paths::repo_root())
        .unwrap_or(path)
        .display()
        .to_string()
}
