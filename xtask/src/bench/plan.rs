//! What the benchmark measures: the pages, one line each with its budgets (issues 12, 13
//! and 15), and the budgets that follow from them. A page the build does not have is
//! reported as "not built", so a row can wait for its page.

use super::budgets::{Budget, Limit};
use super::figures::Unit;

/// 1 kB = 1000 bytes, as in every size the report gives.
pub const KB: f64 = 1000.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A portal page: its first load settles without scrolling; then every chart is woken.
    Portal,
    /// A chart page as an article frames it: 5 s without interaction, then the first hover.
    Embed,
}

/// A page's Lighthouse budgets (mobile, median of the runs); `None` is not budgeted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lighthouse {
    pub score: f64,
    pub lcp_ms: Option<f64>,
    pub tbt_ms: Option<f64>,
    pub cls_zero: bool,
}

pub const PORTAL: Lighthouse = Lighthouse {
    score: 98.0,
    lcp_ms: Some(1200.0),
    tbt_ms: Some(50.0),
    cls_zero: true,
};
pub const EMBED: Lighthouse = Lighthouse {
    score: 100.0,
    lcp_ms: Some(1000.0),
    tbt_ms: Some(50.0),
    cls_zero: true,
};
pub const SCORE: Lighthouse = Lighthouse {
    score: 98.0,
    lcp_ms: None,
    tbt_ms: None,
    cls_zero: false,
};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Page {
    /// The page's name in figure keys (`home.load.brotli`) and in the previous figures.
    pub key: &'static str,
    /// From the site's root.
    pub address: &'static str,
    pub kind: Kind,
    /// Brotli bytes of every request of the first load, at most (kB).
    pub first_load_kb: Option<f64>,
    /// An embed's bytes once it is interactive (after the first hover), at most (kB).
    pub interactive_kb: Option<f64>,
    pub lighthouse: Lighthouse,
}

impl Page {
    const fn portal(
        key: &'static str,
        address: &'static str,
        kb: Option<f64>,
        lh: Lighthouse,
    ) -> Page {
        Page {
            key,
            address,
            kind: Kind::Portal,
            first_load_kb: kb,
            interactive_kb: None,
            lighthouse: lh,
        }
    }

    const fn embed(key: &'static str, address: &'static str, kb: f64, interactive: f64) -> Page {
        Page {
            key,
            address,
            kind: Kind::Embed,
            first_load_kb: Some(kb),
            interactive_kb: Some(interactive),
            lighthouse: EMBED,
        }
    }
}

/// Every page measured. A new page is one line here.
pub const PAGES: [Page; 6] = [
    Page::portal("home", "/en/", Some(100.0), PORTAL),
    Page::portal("initiative", "/en/initiative/", Some(200.0), PORTAL),
    Page::portal("nextgen", "/en/nextgen/", None, PORTAL),
    Page::embed("embed", "/chart-initiative-growth-en.html", 60.0, 150.0),
    Page::portal("figure", "/en/figures/az-ghg-2022/", Some(50.0), SCORE),
    Page::portal("finder", "/en/figures/", Some(100.0), SCORE),
];

/// The page whose long tasks are measured while a reader interacts with its charts.
pub const INTERACTION_PAGE: &str = "initiative";

/// No task longer than this while a reader hovers, uses keys or switches the theme.
pub const LONGEST_TASK_MS: f64 = 50.0;

pub fn page(key: &str) -> Option<&'static Page> {
    PAGES.iter().find(|p| p.key == key)
}

/// Every budget, in the report's order: each page's, then the interaction's.
pub fn budgets() -> Vec<Budget> {
    let mut all = Vec::new();
    for page in &PAGES {
        let mut add = |figure: &str, what: &str, limit: Limit, unit: Unit| {
            all.push(Budget {
                page: page.key,
                figure: format!("{}.{figure}", page.key),
                what: what.to_string(),
                limit,
                unit,
            })
        };
        let first_load = match page.kind {
            Kind::Portal => "first load (settled, no scrolling), brotli",
            Kind::Embed => "first load (5 s, no interaction), brotli",
        };
        if let Some(kb) = page.first_load_kb {
            add(
                "load.brotli",
                first_load,
                Limit::AtMost(kb * KB),
                Unit::Bytes,
            );
        }
        if let Some(kb) = page.interactive_kb {
            let what = "interactive (after the first hover), brotli";
            add("full.brotli", what, Limit::AtMost(kb * KB), Unit::Bytes);
        }
        let lh = page.lighthouse;
        let score = Limit::AtLeast(lh.score);
        add(
            "lighthouse.score",
            "Lighthouse mobile score",
            score,
            Unit::Score,
        );
        if let Some(ms) = lh.lcp_ms {
            add(
                "lighthouse.lcp",
                "Lighthouse LCP",
                Limit::AtMost(ms),
                Unit::Ms,
            );
        }
        if let Some(ms) = lh.tbt_ms {
            add(
                "lighthouse.tbt",
                "Lighthouse TBT",
                Limit::AtMost(ms),
                Unit::Ms,
            );
        }
        if lh.cls_zero {
            add("lighthouse.cls", "Lighthouse CLS", Limit::Zero, Unit::Cls);
        }
    }
    all.push(Budget {
        page: INTERACTION_PAGE,
        figure: "interaction.longest_task".into(),
        what: "longest task while interacting (desktop, median of 3 runs)".into(),
        limit: Limit::AtMost(LONGEST_TASK_MS),
        unit: Unit::Ms,
    });
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_page_brings_its_budgets() {
        let budgets = budgets();
        let keys: Vec<&str> = budgets.iter().map(|b| b.figure.as_str()).collect();
        for key in [
            "home.load.brotli",
            "initiative.load.brotli",
            "nextgen.lighthouse.cls",
            "embed.load.brotli",
            "embed.full.brotli",
            "embed.lighthouse.lcp",
            "figure.load.brotli",
            "finder.lighthouse.score",
            "interaction.longest_task",
        ] {
            assert!(keys.contains(&key), "{key}");
        }
        assert!(
            !keys.contains(&"nextgen.load.brotli"),
            "NextGen has no size budget"
        );
        assert!(
            !keys.contains(&"figure.lighthouse.lcp"),
            "figure pages: the score only"
        );
        let embed_score = budgets
            .iter()
            .find(|b| b.figure == "embed.lighthouse.score")
            .unwrap();
        assert_eq!(embed_score.limit, Limit::AtLeast(100.0));
        let home = budgets
            .iter()
            .find(|b| b.figure == "home.load.brotli")
            .unwrap();
        assert_eq!(home.limit, Limit::AtMost(100_000.0));
    }

    #[test]
    fn page_keys_are_unique_and_the_interaction_page_is_listed() {
        for (i, page) in PAGES.iter().enumerate() {
            assert!(PAGES[..i].iter().all(|p| p.key != page.key), "{}", page.key);
            assert!(page.address.starts_with('/'), "{}", page.address);
        }
        assert!(page(INTERACTION_PAGE).is_some());
    }
}
