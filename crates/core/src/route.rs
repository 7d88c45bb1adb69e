//! Page addresses: `{az|en}/{page}/` below the site's root, each written ahead of time as
//! `{az|en}/{page}/index.html`, so any static host, sub-path or folder serves them with
//! no rewrite rules. The parser also reads the hash routes of earlier releases
//! (`#/en/climate`), so a link shared before still lands on its page.

use crate::text::Locale;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    Home,
    Initiative,
    Azerbaijan,
    Nextgen,
    Climate,
    Data,
    Sources,
    About,
    /// The finder: every figure of the package, grouped by topic, with a filter. Not in
    /// the navigation; the header's search box leads to it.
    Figures,
    /// Anything else: the 404 page, keeping what was asked for.
    NotFound(String),
}

impl Page {
    /// Pages listed in the main navigation, in order.
    pub const NAVIGATION: [Page; 8] = [
        Page::Home,
        Page::Initiative,
        Page::Azerbaijan,
        Page::Nextgen,
        Page::Climate,
        Page::Data,
        Page::Sources,
        Page::About,
    ];

    pub fn slug(&self) -> &str {
        match self {
            Page::Home => "",
            Page::Initiative => "initiative",
            Page::Azerbaijan => "azerbaijan",
            Page::Nextgen => "nextgen",
            Page::Climate => "climate",
            Page::Data => "data",
            Page::Sources => "sources",
            Page::About => "about",
            Page::Figures => "figures",
            Page::NotFound(slug) => slug,
        }
    }

    pub fn from_slug(slug: &str) -> Page {
        match slug {
            "" => Page::Home,
            "initiative" => Page::Initiative,
            "azerbaijan" => Page::Azerbaijan,
            "nextgen" => Page::Nextgen,
            "climate" => Page::Climate,
            "data" => Page::Data,
            "sources" => Page::Sources,
            "about" => Page::About,
            "figures" => Page::Figures,
            other => Page::NotFound(other.chars().take(MAX_SLUG_CHARS).collect()),
        }
    }
}

/// The longest unknown address kept for the 404 page, in characters.
const MAX_SLUG_CHARS: usize = 200;

/// The page named by `slug`, cut to `MAX_SLUG_CHARS` before any trailing `/` is dropped,
/// so the page's own address (`Route::href`) parses back to the same page.
fn page_at(slug: &str) -> Page {
    let bounded: String = slug.chars().take(MAX_SLUG_CHARS).collect();
    Page::from_slug(bounded.trim_end_matches('/'))
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    /// `None` when the address names no language: the app then picks one and redirects.
    pub locale: Option<Locale>,
    pub page: Page,
}

impl Route {
    /// Parses a page's address below the site's root (`en/climate/`), or an earlier
    /// release's hash route (`#/en/climate`). Never fails: anything unknown becomes the
    /// 404 page, and an address with no language asks the caller to choose one.
    pub fn parse(address: &str) -> Route {
        let path = address.strip_prefix('#').unwrap_or(address);
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let mut parts = path.trim_start_matches('/').splitn(2, '/');
        let first = parts.next().unwrap_or_default();
        let rest = parts.next().unwrap_or_default();
        match Locale::from_tag(first) {
            Some(locale) => Route {
                locale: Some(locale),
                page: page_at(rest),
            },
            None if first.is_empty() => Route {
                locale: None,
                page: Page::Home,
            },
            None => Route {
                locale: None,
                page: page_at(path.trim_start_matches('/')),
            },
        }
    }

    /// The page's address below the site's root: `az/`, `en/climate/`.
    pub fn href(locale: Locale, page: &Page) -> String {
        match page.slug() {
            "" => format!("{}/", locale.tag()),
            slug => format!("{}/{slug}/", locale.tag()),
        }
    }

    /// A figure's own page: `en/figures/<id>/`, below the finder. Figure ids are
    /// lowercase letters, digits and hyphens (the validator refuses others), so the id is
    /// the address as it is, and stays as long as the figure does.
    pub fn figure_href(locale: Locale, id: &str) -> String {
        format!("{}{id}/", Route::href(locale, &Page::Figures))
    }

    /// How many folders deep the page's file sits (`en/climate/index.html`: 2), so its
    /// links reach the site's root with that many `../`.
    pub fn depth(locale: Locale, page: &Page) -> usize {
        Route::href(locale, page).matches('/').count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_language_and_page() {
        assert_eq!(
            Route::parse("#/az/sources"),
            Route {
                locale: Some(Locale::Az),
                page: Page::Sources
            }
        );
        assert_eq!(
            Route::parse("#/en/"),
            Route {
                locale: Some(Locale::En),
                page: Page::Home
            }
        );
        assert_eq!(
            Route::parse("#/en"),
            Route {
                locale: Some(Locale::En),
                page: Page::Home
            }
        );
        assert_eq!(
            Route::parse("#/en/data/"),
            Route {
                locale: Some(Locale::En),
                page: Page::Data
            }
        );
    }

    #[test]
    fn no_language_asks_for_one() {
        assert_eq!(
            Route::parse(""),
            Route {
                locale: None,
                page: Page::Home
            }
        );
        assert_eq!(
            Route::parse("#"),
            Route {
                locale: None,
                page: Page::Home
            }
        );
        assert_eq!(
            Route::parse("#/sources"),
            Route {
                locale: None,
                page: Page::Sources
            }
        );
    }

    #[test]
    fn unknown_pages_are_not_found_and_bounded() {
        assert_eq!(
            Route::parse("#/en/nope").page,
            Page::NotFound("nope".into())
        );
        let long = format!("#/en/{}", "x".repeat(10_000));
        match Route::parse(&long).page {
            Page::NotFound(slug) => assert_eq!(slug.len(), 200),
            other => panic!("expected NotFound, got {other:?}"),
        }
    }

    #[test]
    fn a_long_address_cut_before_a_slash_still_parses_back() {
        // Found by fuzz/route_parse: cutting at 200 characters left a trailing `/`,
        // which the page's own address then lost, so it named a different page.
        let hash = format!("#/az/{}{}x", "s".repeat(190), "/".repeat(30));
        let route = Route::parse(&hash);
        assert_eq!(route.page, Page::NotFound("s".repeat(190)));
        assert_eq!(Route::parse(&Route::href(Locale::Az, &route.page)), route);
        let no_language = Route::parse(&format!("#/{}{}x", "s".repeat(190), "/".repeat(30)));
        assert_eq!(
            Route::parse(&Route::href(Locale::En, &no_language.page)).page,
            no_language.page
        );
    }

    #[test]
    fn pages_have_folder_addresses() {
        assert_eq!(Route::href(Locale::Az, &Page::Home), "az/");
        assert_eq!(Route::href(Locale::En, &Page::Climate), "en/climate/");
        assert_eq!(Route::depth(Locale::En, &Page::Home), 1);
        assert_eq!(Route::depth(Locale::En, &Page::Climate), 2);
    }

    #[test]
    fn earlier_hash_routes_and_new_addresses_name_the_same_page() {
        for locale in Locale::ALL {
            for page in Page::NAVIGATION {
                let old = format!("#/{}/{}", locale.tag(), page.slug());
                assert_eq!(
                    Route::parse(&old),
                    Route::parse(&Route::href(locale, &page))
                );
            }
        }
        assert_eq!(Route::parse("/en/climate/?chart=x").page, Page::Climate);
    }

    #[test]
    fn a_figure_page_sits_below_the_finder() {
        assert_eq!(Route::href(Locale::En, &Page::Figures), "en/figures/");
        assert_eq!(
            Route::figure_href(Locale::Az, "tic-2026-01-jobs"),
            "az/figures/tic-2026-01-jobs/"
        );
        assert_eq!(Route::parse("en/figures/").page, Page::Figures);
    }

    #[test]
    fn href_round_trips() {
        for locale in Locale::ALL {
            for page in Page::NAVIGATION {
                let route = Route::parse(&Route::href(locale, &page));
                assert_eq!(
                    route,
                    Route {
                        locale: Some(locale),
                        page: page.clone()
                    }
                );
            }
        }
    }
}
