//! Why a missed budget is missed: the evidence from this run (what the first load was
//! made of, the largest paints and layout shifts, Lighthouse's long tasks, the wasm's
//! largest crates) and what would meet it.

use std::fmt::Write as _;

use super::browser::{self, interacting, LighthouseRun};
use super::budgets::{kb, ms, opt_ms, shorten, Check, Verdict};
use super::figures::{first_load, lighthouse_median, lighthouse_runs, page_load, synthetic};
use super::first_load::{FirstLoad, Phase};
use super::stats;
use super::wasm;
use super::Results;

/// The largest crates of the wasm, as `tachys 317 kB, core 167 kB, …`.
fn largest_crates(results: &Results, n: usize) -> Option<String> {
    let analysis = results.wasm.as_ref().ok()?;
    let crates = wasm::by_crate(&analysis.items);
    Some(
        crates
            .iter()
            .take(n)
            .map(|(name, bytes)| format!("{name} {}", kb(*bytes as f64)))
            .collect::<Vec<_>>()
            .join(", "),
    )
}

/// What the wasm is of a first load, as `the wasm is 390.2 kB of it (93 %)`.
fn wasm_share(load: &FirstLoad) -> Option<(u64, f64)> {
    let wasm = load
        .assets
        .iter()
        .filter(|a| a.request.phase == Phase::Page)
        .filter(|a| {
            a.file
                .as_ref()
                .is_some_and(|f| f.extension().is_some_and(|e| e == "wasm"))
        })
        .filter_map(|a| a.sizes.map(|s| s.sent_as_brotli()))
        .sum::<u64>();
    (load.page.brotli > 0).then(|| (wasm, 100.0 * wasm as f64 / load.page.brotli as f64))
}

pub(super) fn lcp_evidence(runs: &[LighthouseRun]) -> String {
    let mut text = String::new();
    if let Some(element) = runs.iter().find_map(|r| r.lcp_element.clone()) {
        let _ = write!(
            text,
            "The LCP element is `{}`. ",
            element.replace('`', "'").replace('\n', " ")
        );
    }
    let phases: Vec<String> = ["TTFB", "Load Delay", "Load Time", "Render Delay"]
        .iter()
        .filter_map(|phase| {
            let values: Vec<f64> = runs
                .iter()
                .flat_map(|r| r.lcp_phases.iter())
                .filter(|(p, _)| p == phase)
                .map(|(_, v)| *v)
                .collect();
            stats::median(&values).map(|m| format!("{phase} {}", ms(m)))
        })
        .collect();
    if !phases.is_empty() {
        let _ = write!(text, "Its phases (medians): {}. ", phases.join(", "));
    }
    text
}

/// The largest-paint candidates of the benchmark's own first load of a page.
pub(super) fn lcp_candidates_text(page: &browser::PageLoad) -> String {
    let candidates: Vec<String> = page
        .lcp_candidates
        .iter()
        .map(|c| format!("`{}` at {} ({:.0} px²)", tidy(&c.element), ms(c.ms), c.size))
        .collect();
    match candidates.as_slice() {
        [] => String::new(),
        [only] => format!("In the benchmark's own first load (phone screen, no throttling) the largest paint is {only}. "),
        [.., last] => format!(
            "In the benchmark's own first load (phone screen, no throttling) the largest-paint candidates were, in order: {}; the last, {last}, is the LCP. ",
            candidates[..candidates.len() - 1].join("; ")
        ),
    }
}

pub(super) fn layout_shifts_text(page: &browser::PageLoad) -> String {
    let shifts: Vec<String> = page
        .layout_shifts
        .iter()
        .map(|s| {
            let sources: Vec<String> = s.sources.iter().map(|n| format!("`{}`", tidy(n))).collect();
            format!(
                "{:.4} at {} moving {}",
                s.value,
                ms(s.ms),
                if sources.is_empty() {
                    "(unnamed)".into()
                } else {
                    sources.join(", ")
                }
            )
        })
        .collect();
    if shifts.is_empty() {
        "The benchmark's own first load saw no layout shift. ".into()
    } else {
        format!(
            "The benchmark's own first load saw these layout shifts: {}. ",
            shifts.join("; ")
        )
    }
}

/// Lighthouse's long tasks of the run with the median TBT, as `boot-….js 178 ms, …`.
pub(super) fn long_tasks_text(runs: &[LighthouseRun]) -> String {
    let Some(median) = lighthouse_median(runs, |r| r.tbt_ms) else {
        return String::new();
    };
    let Some(run) = runs.iter().filter(|r| r.tbt_ms.is_some()).min_by(|a, b| {
        (a.tbt_ms.unwrap_or(0.0) - median)
            .abs()
            .total_cmp(&(b.tbt_ms.unwrap_or(0.0) - median).abs())
    }) else {
        return String::new();
    };
    let tasks: Vec<String> = run
        .long_tasks
        .iter()
        .map(|(url, duration)| format!("{} {}", task_source(url), ms(*duration)))
        .collect();
    if tasks.is_empty() {
        String::new()
    } else {
        format!(
            "Its long tasks on the simulated phone (the run with the median TBT): {}. ",
            tasks.join(", ")
        )
    }
}

/// Where Lighthouse put a long task: a script by its file name, the document itself, or
/// its own words (`Unattributable`).
fn task_source(url: &str) -> String {
    let Some(rest) = url.split_once("://").map(|(_, rest)| rest) else {
        return if url.is_empty() {
            "(no script named)".into()
        } else {
            url.to_string()
        };
    };
    let path = rest.find('/').map_or("/", |at| &rest[at..]);
    let file = path.split(['#', '?']).next().unwrap_or(path);
    let name = file.rsplit('/').next().unwrap_or(file);
    if name.ends_with(".js") || name.ends_with(".mjs") {
        format!("`{name}`")
    } else {
        format!("the page itself (`{path}`)")
    }
}

/// An element description without backticks or line breaks, shortened.
fn tidy(text: &str) -> String {
    shorten(&text.replace('`', "'").replace('\n', " "), 120)
}

/// How the report groups missed budgets: a page's Lighthouse figures share their evidence,
/// and the checks of a page the build does not have share one note.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Group {
    Absent,
    Lighthouse(String),
    Single(String),
}

fn group_of(check: &Check) -> Group {
    let page = check.key.split('.').next().unwrap_or("").to_string();
    if check.verdict == Verdict::NotMeasured && check.measured_text.contains("not present") {
        Group::Absent
    } else if check.key.contains(".lighthouse.") && check.verdict == Verdict::Fail {
        Group::Lighthouse(page)
    } else {
        Group::Single(check.key.clone())
    }
}

pub(super) fn why_section(md: &mut String, results: &Results, checks: &[Check]) {
    let _ = writeln!(
        md,
        "## Why the missed budgets are missed, and what would meet them\n"
    );
    let missed: Vec<&Check> = checks
        .iter()
        .filter(|c| c.verdict != Verdict::Pass)
        .collect();
    if missed.is_empty() {
        let _ = writeln!(md, "Every budget is met.\n");
        return;
    }
    let mut groups: Vec<(Group, Vec<&Check>)> = Vec::new();
    for check in missed {
        let group = group_of(check);
        match groups.iter_mut().find(|(g, _)| *g == group) {
            Some((_, members)) => members.push(check),
            None => groups.push((group, vec![check])),
        }
    }
    for (group, members) in groups {
        let figures: Vec<String> = members
            .iter()
            .map(|c| format!("{} {} (limit {})", c.name, c.measured_text, c.limit_text))
            .collect();
        match group {
            Group::Absent => {
                let names: Vec<&str> = members.iter().map(|c| c.name.as_str()).collect();
                let _ = writeln!(md, "### Not present in this build\n");
                let _ = writeln!(md, "{}: {}\n", names.join("; "), ABSENT_EMBED);
            }
            Group::Lighthouse(page) => {
                let _ = writeln!(md, "### Lighthouse, {}\n", super::figures::page_name(&page));
                let _ = writeln!(md, "Missed: {}.\n", figures.join("; "));
                let failed = |metric: &str| members.iter().any(|c| c.key.ends_with(metric));
                let _ = writeln!(md, "{}\n", lighthouse_why(results, &page, &failed));
            }
            Group::Single(_) => {
                let check = members[0];
                let _ = writeln!(
                    md,
                    "### {} ({}, limit {})\n",
                    check.name, check.measured_text, check.limit_text
                );
                let _ = writeln!(md, "{}\n", explain(results, check));
            }
        }
    }
}

const ABSENT_EMBED: &str = "this build has no embed page. Embeds (`chart-<id>-<lang>.html` at \
     the root of `dist/`) are being built on main; once merged, `cargo xtask bench` measures \
     `chart-initiative-growth-en.html` with no change here.";

/// Evidence and remedies for a page's missed Lighthouse budgets; `failed("lcp")` says
/// whether that metric's budget was missed.
fn lighthouse_why(results: &Results, page_key: &str, failed: &dyn Fn(&str) -> bool) -> String {
    let mut text = String::new();
    let runs = match &results.browser {
        Ok(browser) => match lighthouse_runs(browser, page_key) {
            Some(Ok(runs)) => runs.as_slice(),
            _ => &[],
        },
        Err(_) => &[],
    };
    let page = page_load(results, page_key);
    let _ = write!(
        text,
        "The score weighs TBT 30 %, LCP 25 %, CLS 25 %, FCP 10 % and Speed Index 10 %. \
         Lighthouse counts {} transferred, {} of main-thread work and {} of script evaluation on \
         its simulated 4x slower phone.",
        lighthouse_median(runs, |r| r.total_bytes).map_or("–".into(), kb),
        opt_ms(lighthouse_median(runs, |r| r.main_thread_ms)),
        opt_ms(lighthouse_median(runs, |r| r.bootup_ms))
    );
    if failed("lcp") || failed("score") {
        let _ = write!(
            text,
            "\n\n*LCP.* FCP (the static text in the HTML) is {}. {}{}{}",
            opt_ms(lighthouse_median(runs, |r| r.fcp_ms)),
            lcp_evidence(runs),
            page.map(lcp_candidates_text).unwrap_or_default(),
            if page.is_some_and(lcp_is_static) {
                REMEDY_LCP_STATIC
            } else {
                REMEDY_LCP
            }
        );
    }
    if failed("tbt") || failed("score") {
        let _ = write!(text, "\n\n*TBT.* {}{}", long_tasks_text(runs), REMEDY_TBT);
    }
    if failed("cls") {
        let _ = write!(
            text,
            "\n\n*CLS.* {}{}",
            page.map(layout_shifts_text).unwrap_or_default(),
            REMEDY_CLS
        );
    }
    text
}

/// Whether the page's largest paint is the static HTML's, painted before any wasm ran.
fn lcp_is_static(page: &browser::PageLoad) -> bool {
    page.lcp_candidates
        .last()
        .is_some_and(|c| c.element.contains("(static HTML)"))
}

/// Evidence from this run and the remedy, for one missed budget.
fn explain(results: &Results, check: &Check) -> String {
    if check.verdict == Verdict::NotMeasured {
        return format!("The figure could not be measured: {}.", check.measured_text);
    }
    let key = check.key.as_str();
    let page_key = key.split('.').next().unwrap_or("");
    let crates = largest_crates(results, 6).unwrap_or_default();
    let mut text = String::new();
    if key.ends_with("first_load.brotli") {
        if let Some(Ok(Some(load))) = first_load(results, page_key) {
            if let Some((wasm, share)) = wasm_share(load) {
                let _ = write!(
                    text,
                    "Of the {} requests, the wasm alone is {} ({share:.0} %): on its own it is over the budget. ",
                    load.page.requests,
                    kb(wasm as f64)
                );
            }
            let data = load.data_files();
            if !data.is_empty() {
                let _ = write!(text, "The page also fetched {}. ", data.join(", "));
            }
        }
        let _ = write!(
            text,
            "By twiggy, the wasm's shipped bytes are mostly {crates} (raw, before compression; see \
             [the wasm](#what-the-wasm-is-made-of)). {}",
            REMEDY_SIZE
        );
    } else if key == "synthetic.10k.redraw" {
        if let Some(s) = synthetic(results, 10_000) {
            let _ = write!(
                text,
                "Layout median {}, paint median {}. ",
                opt_ms(stats::median(&s.layout_ms)),
                opt_ms(stats::median(&s.paint_ms))
            );
        }
        text.push_str(REMEDY_REDRAW);
    } else if key == "interaction.longest_task" {
        if let Ok(browser) = &results.browser {
            for (number, run) in browser.long_tasks.iter().enumerate() {
                let Ok(run) = run else { continue };
                let phases: Vec<String> = run
                    .phases
                    .iter()
                    .filter(|p| interacting(p))
                    .filter_map(|phase| {
                        let mine = run.in_phase(phase);
                        let longest = mine.iter().copied().reduce(f64::max)?;
                        let (paints, painting) = run.paints_in(phase);
                        Some(format!(
                            "{phase} {}× (longest {}; the charts painted {paints} times, {} in all)",
                            mine.len(),
                            ms(longest),
                            ms(painting)
                        ))
                    })
                    .collect();
                let found = if phases.is_empty() {
                    "no long task".to_string()
                } else {
                    phases.join(", ")
                };
                let _ = write!(text, "Run {}: {found}. ", number + 1);
            }
        }
        text.push_str(REMEDY_LONG_TASK);
    }
    text
}

const REMEDY_SIZE: &str = "The cheap wins are in: precompressed `.br`/`.gz` copies, `application/wasm`, \
     per-chart data loading, no duplicate crate of weight in the bundle. They do not close a gap this \
     size; what would: (1) an embed or a page whose first paint needs no wasm at all, the chart as the \
     pre-rendered SVG the publisher already makes, with the interactive wasm loaded on the reader's \
     first interaction or when idle; (2) a smaller app: fewer monomorphised Leptos views (`tachys`, \
     `reactive_graph`), typed JSON decoding without `serde_path_to_error`'s wrapper around every \
     field's deserializer (keep it for the publisher's error paths), no SVG export code in the wasm \
     (`plotters-svg`, `klaster_core::charts::svg`: fetch the published SVG instead); (3) splitting \
     the wasm per route, which Leptos 0.8 supports only experimentally (`wasm-split`).";

const REMEDY_LCP: &str = "The static text of the HTML paints early (FCP), but the app replaces \
     it with its own, larger content once the wasm has arrived and run, and that becomes the \
     largest paint. What would fix it: have the HTML already hold the page's largest element and \
     the app keep it (hydration-like, or the app leaving the static header and lead in place), or \
     make the app's first screen no larger than the static one; for chart pages, a fallback \
     `<img>` of the pre-rendered SVG with fixed dimensions, so the largest paint is an image that \
     needs no wasm. Shrinking the wasm (see the size budgets) shortens the render delay in step.";

const REMEDY_LCP_STATIC: &str = "In a real browser the largest paint is the static HTML's and \
     needs no wasm. Lighthouse's simulated LCP is late all the same: its model (lantern) counts \
     every request that started before the largest paint as one the paint waited for, and the \
     boot script requests the app's JS and the wasm while the static page is still painting, so \
     the simulated LCP ends when the wasm has arrived over the slow 4G link. What would fix it: \
     on pages whose static HTML already shows the chart (chart pages, embeds), start the app only \
     after that HTML has painted (the boot script waiting for the load event and a frame, or for \
     the reader's first interaction), and a smaller wasm.";

const REMEDY_TBT: &str = "The blocking time is the wasm's instantiation with the app's first \
     render (the boot script's task) and then, as each data file arrives, parsing it, rendering \
     its part of the page and laying out and painting its charts, each in one task of the app's \
     module. What would fix it: less wasm to compile (see the size budgets), yielding between \
     mounting the page and drawing charts (each chart in its own task, after first paint), and \
     drawing charts that are off screen only when they scroll near.";

const REMEDY_CLS: &str = "Content moves when the app's view replaces the static one at another \
     size or place (on an embed, the card replaces the static image), or when parts of the page \
     that wait for their data (the key figures, a chart card, a figure in the text) are filled in \
     and push what follows down. What would fix it: let the app's view take exactly the static \
     view's box, and give each part its final height while it loads (a min-height on the loading \
     placeholder, an aspect-ratio on the chart card).";

const REMEDY_REDRAW: &str = "Decimation bounds what is stroked to about two points per pixel \
     column, but every kept point still gets a marker and the layout walks every point. What \
     would fix it: decimate once per width and keep it, draw markers only when there are few \
     points per column, and stroke the path in one canvas call.";

const REMEDY_LONG_TASK: &str =
    "The language switch re-runs every translated text of the page (each \
     is a reactive closure), re-lays out every chart for the new language's labels and repaints \
     it, in one task (how much of it is chart painting is measured above). What would fix \
     it: let the switch render the page and then lay out and paint the charts in later tasks (one \
     per card, after a yield), and keep static words out of fine-grained reactive closures (one \
     reactive block per section rather than per string).";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::budgets::{check, Limit, Measure};

    fn made(key: &str, measure: Measure) -> Check {
        check(key, key, Limit::AtMost(1.0), "≤ 1", measure, |v| {
            v.to_string()
        })
    }

    #[test]
    fn long_tasks_are_put_on_a_script_or_on_the_page() {
        assert_eq!(
            task_source("http://127.0.0.1:5/boot-ab12.js"),
            "`boot-ab12.js`"
        );
        assert_eq!(
            task_source("http://127.0.0.1:5/#/en/initiative"),
            "the page itself (`/#/en/initiative`)"
        );
        assert_eq!(
            task_source("http://127.0.0.1:5/chart-x-en.html"),
            "the page itself (`/chart-x-en.html`)"
        );
        assert_eq!(task_source("Unattributable"), "Unattributable");
        assert_eq!(task_source(""), "(no script named)");
    }

    #[test]
    fn a_pages_lighthouse_misses_share_a_group_and_absent_pages_share_one_note() {
        let absent = || Measure::Missing("not present in this build".into());
        let checks = [
            made("embed.first_load.brotli", absent()),
            made("embed.lighthouse.lcp", absent()),
            made("home.lighthouse.lcp", Measure::Value(2.0)),
            made("home.lighthouse.tbt", Measure::Value(3.0)),
            made("chart.lighthouse.lcp", Measure::Value(2.0)),
            made(
                "chart.lighthouse.tbt",
                Measure::Missing("not measured: crashed".into()),
            ),
            made("home.first_load.brotli", Measure::Value(5.0)),
        ];
        let groups: Vec<Group> = checks.iter().map(group_of).collect();
        assert_eq!(groups[0], Group::Absent);
        assert_eq!(groups[1], Group::Absent);
        assert_eq!(groups[2], Group::Lighthouse("home".into()));
        assert_eq!(groups[3], Group::Lighthouse("home".into()));
        assert_eq!(groups[4], Group::Lighthouse("chart".into()));
        assert_eq!(
            groups[5],
            Group::Single("chart.lighthouse.tbt".into()),
            "a figure that could not be measured is explained on its own"
        );
        assert_eq!(groups[6], Group::Single("home.first_load.brotli".into()));
    }
}
