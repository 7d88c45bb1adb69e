//! Charts outside the portal: the state a chart link or embed carries in its address, the
//! files each chart is published as, the iframe snippet, and the messages an embed and
//! the article around it exchange. Everything that arrives from outside (a query string,
//! a `postMessage`) is parsed here into typed values; anything unknown falls back to the
//! default, so a hand-edited or truncated link still shows the chart.

use crate::charts::ChartId;
use crate::package::{PackageDescriptor, ResourceName};
use crate::text::Locale;
use sha2::{Digest, Sha256};

/// Chart or table: what a card shows first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Chart,
    Table,
}

/// The embed's colours: the reader's system setting, or fixed by the journalist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeChoice {
    #[default]
    Auto,
    Light,
    Dark,
}

impl ThemeChoice {
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::Auto, ThemeChoice::Light, ThemeChoice::Dark];

    pub fn as_str(self) -> &'static str {
        match self {
            ThemeChoice::Auto => "auto",
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
        }
    }

    fn parse(value: &str) -> Option<ThemeChoice> {
        ThemeChoice::ALL.into_iter().find(|t| t.as_str() == value)
    }
}

/// The most series a link may hide; more is not a real link.
const MAX_HIDDEN: usize = 32;
/// Series indices a link may name; the largest chart has far fewer.
const MAX_SERIES_INDEX: usize = 64;
/// Longer query strings are cut before parsing, so a hostile address costs nothing.
const MAX_QUERY_BYTES: usize = 2048;

/// Everything a reader can change on a chart card, as carried by a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartState {
    /// For the park chart, the metric shown; otherwise the card's own chart.
    pub chart: ChartId,
    pub view: View,
    /// Indices of the series switched off in the legend, ascending, without repeats.
    pub hidden: Vec<usize>,
}

impl ChartState {
    pub fn new(chart: ChartId) -> ChartState {
        ChartState {
            chart,
            view: View::Chart,
            hidden: Vec::new(),
        }
    }

    /// The state of the card that shows `card` (its first chart), read from `query`.
    /// A `chart` parameter is honoured only when it names a chart the same card can show
    /// (another park metric); anything unknown keeps the default.
    pub fn from_query(card: ChartId, query: &str) -> ChartState {
        let mut state = ChartState::new(card);
        for (key, value) in pairs(query) {
            match key {
                "chart" => {
                    if let Some(chart) = ChartId::parse(value).filter(|c| same_card(card, *c)) {
                        state.chart = chart;
                    }
                }
                "view" => {
                    state.view = match value {
                        "table" => View::Table,
                        _ => View::Chart,
                    }
                }
                "hide" => state.hidden = parse_hidden(value),
                _ => {}
            }
        }
        state
    }

    /// The query parameters that differ from a fresh card (`card`), in a fixed order.
    pub fn to_pairs(&self, card: ChartId) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if self.chart != card {
            out.push(("chart", self.chart.as_str().to_string()));
        }
        if self.view == View::Table {
            out.push(("view", "table".to_string()));
        }
        if !self.hidden.is_empty() {
            let list: Vec<String> = self.hidden.iter().map(usize::to_string).collect();
            out.push(("hide", list.join(".")));
        }
        out
    }
}

/// Whether one card shows both charts (the park metrics share a card).
pub fn same_card(a: ChartId, b: ChartId) -> bool {
    a.entry().card == b.entry().card
}

/// `1.3.3.x.999` → `[1, 3]`: sorted, unique, bounded; anything else is dropped.
fn parse_hidden(value: &str) -> Vec<usize> {
    let mut hidden: Vec<usize> = value
        .split(['.', ','])
        .filter_map(|part| part.parse::<usize>().ok())
        .filter(|&index| index < MAX_SERIES_INDEX)
        .take(MAX_HIDDEN)
        .collect();
    hidden.sort_unstable();
    hidden.dedup();
    hidden
}

/// `a=1&b=2` → pairs, cut to a safe length. Values here are plain ASCII tokens, so no
/// percent-decoding is needed: a value that would need it is not one we understand.
fn pairs(query: &str) -> impl Iterator<Item = (&str, &str)> {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut end = query.len().min(MAX_QUERY_BYTES);
    while !query.is_char_boundary(end) {
        end -= 1;
    }
    query[..end]
        .split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .filter(|(key, _)| !key.is_empty())
}

/// What an embed's address says beyond the chart's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedOptions {
    pub theme: ThemeChoice,
    /// The data version the embed was made with ([`data_version`]); `None` follows the
    /// current data without comment.
    pub pinned: Option<String>,
}

impl EmbedOptions {
    pub fn from_query(query: &str) -> EmbedOptions {
        let mut options = EmbedOptions {
            theme: ThemeChoice::Auto,
            pinned: None,
        };
        for (key, value) in pairs(query) {
            match key {
                "theme" => options.theme = ThemeChoice::parse(value).unwrap_or_default(),
                "data" if is_version(value) => options.pinned = Some(value.to_string()),
                _ => {}
            }
        }
        options
    }
}

/// The length of a data version: 12 hex digits, short enough for a URL, long enough
/// that two releases never collide in practice.
const VERSION_LEN: usize = 12;

fn is_version(value: &str) -> bool {
    value.len() == VERSION_LEN && value.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The version of the data `resources` hold in this package: a short hash over their
/// published hashes. It changes exactly when one of those files changes, so an embed
/// pinned to it can tell when its chart's data has moved on (and only then).
pub fn data_version(descriptor: &PackageDescriptor, resources: &[ResourceName]) -> String {
    let mut hasher = Sha256::new();
    for name in resources {
        hasher.update(name.as_str().as_bytes());
        hasher.update(b"=");
        if let Some(resource) = descriptor.resource(*name) {
            hasher.update(resource.hash.as_bytes());
        }
        hasher.update(b"\n");
    }
    hasher
        .finalize()
        .iter()
        .take(VERSION_LEN / 2)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Joins query pairs into `?a=1&b=2`, or nothing when there are none.
pub fn query_string(pairs: &[(&str, String)]) -> String {
    if pairs.is_empty() {
        return String::new();
    }
    let joined: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
    format!("?{}", joined.join("&"))
}

/// The charts a card shows, its own first: the park card's metrics, or the card's chart.
pub fn charts_of_card(card: ChartId) -> Vec<ChartId> {
    let mut charts: Vec<ChartId> = ChartId::ALL
        .into_iter()
        .filter(|chart| same_card(card, *chart))
        .collect();
    charts.sort_by_key(|chart| *chart != card);
    charts
}

/// The standalone chart page, at the root of the published site: it is the embed's
/// document, the link a reader shares (it unfurls with the social card), and the
/// no-script view with the fallback image and the table.
pub fn chart_page_file(chart: ChartId, locale: Locale) -> String {
    format!("chart-{}-{}.html", chart.as_str(), locale.tag())
}

/// A chart's page as a frozen data release shows it, at the site's root beside the
/// chart's own page: `chart-<id>-<lang>-release-1-1-0.html`, with its pictures in
/// [`release_folder`]. The build renders it from the release's frozen files, so an embed
/// pinned to it keeps showing the figures it was made with. Its name has the shape of
/// every chart page (lowercase letters, digits and hyphens), so hosts serve it as one:
/// an embed, framed anywhere.
pub fn release_chart_page_file(version: &str, chart: ChartId, locale: Locale) -> String {
    format!(
        "chart-{}-{}-release-{}.html",
        chart.as_str(),
        locale.tag(),
        version.replace('.', "-")
    )
}

/// Where a release's chart pictures and files are, below the site's root
/// (`releases/1.1.0/charts/…`).
pub fn release_folder(version: &str) -> String {
    format!("releases/{version}/")
}

/// The rendered images, under `charts/` (written by `klaster-publish render`).
pub fn image_file(chart: ChartId, locale: Locale, extension: &str) -> String {
    format!("charts/{}-{}.{extension}", chart.as_str(), locale.tag())
}

/// A chart's body as a page shows it before its code wakes up, one file per width
/// (`charts::frame::VARIANTS`): `charts/body/<id>-<lang>-<variant>.svg`.
pub fn body_image_file(chart: ChartId, locale: Locale, variant: &str) -> String {
    format!(
        "charts/body/{}-{}-{variant}.svg",
        chart.as_str(),
        locale.tag()
    )
}

/// What each spot of that picture shows, for an embed's pointer and keys
/// (`charts::values`): `charts/values/<id>-<lang>-<variant>.json`, the picture's name
/// with `values` for `body` and `.json` for `.svg`, so a page finds it from the picture
/// it shows.
pub fn values_file(chart: ChartId, locale: Locale, variant: &str) -> String {
    body_image_file(chart, locale, variant)
        .replacen("charts/body/", "charts/values/", 1)
        .replace(".svg", ".json")
}

pub fn card_image_file(chart: ChartId, locale: Locale) -> String {
    format!("charts/{}-{}-card.png", chart.as_str(), locale.tag())
}

pub fn oembed_file(chart: ChartId, locale: Locale) -> String {
    format!("oembed/{}-{}.json", chart.as_str(), locale.tag())
}

/// The portal address of a chart with its state, below the site's root:
/// `en/nextgen/?chart=park-residents&metric=park-jobs#chart-park-residents`. The query
/// carries the state; the fragment scrolls the card into view even with scripts off.
pub fn permalink(locale: Locale, state: &ChartState) -> String {
    let card = state.chart.entry().card;
    let mut pairs = vec![("chart", card.as_str().to_string())];
    pairs.extend(
        state
            .to_pairs(card)
            .into_iter()
            .filter(|(key, _)| *key != "chart"),
    );
    if state.chart != card {
        pairs.push(("metric", state.chart.as_str().to_string()));
    }
    format!(
        "{}{}#{}",
        crate::route::Route::href(locale, &state.chart.entry().page),
        query_string(&pairs),
        card_anchor(card)
    )
}

/// The element id of a chart's card on its portal page, and so the fragment that
/// scrolls to it.
pub fn card_anchor(card: ChartId) -> String {
    format!("chart-{}", card.as_str())
}

/// Reads a portal address's chart state: which card it points at, and that card's state.
/// Takes a permalink (`en/nextgen/?chart=…#…`), a page's `location.search`, or an earlier
/// release's hash route (`#/en/nextgen?chart=…`).
pub fn state_from_address(address: &str) -> Option<ChartState> {
    let address = address.strip_prefix('#').unwrap_or(address);
    let (_, query) = address.split_once('?')?;
    let query = query.split('#').next().unwrap_or_default();
    let card = pairs(query)
        .find(|(key, _)| *key == "chart")
        .and_then(|(_, value)| ChartId::parse(value))
        .map(|chart| chart.entry().card)?;
    let mut state = ChartState::from_query(card, query);
    // On the portal the park metric travels as `metric`, since `chart` names the card.
    if let Some(metric) = pairs(query)
        .find(|(key, _)| *key == "metric")
        .and_then(|(_, value)| ChartId::parse(value))
        .filter(|metric| same_card(card, *metric))
    {
        state.chart = metric;
    }
    Some(state)
}

/// The query of the chart page that shows `card`: the state's pairs that differ from
/// that card's defaults, then the theme and pinned version when set.
pub fn embed_query(card: ChartId, state: &ChartState, options: &EmbedOptions) -> String {
    let mut pairs = state.to_pairs(card);
    if options.theme != ThemeChoice::Auto {
        pairs.push(("theme", options.theme.as_str().to_string()));
    }
    if let Some(version) = &options.pinned {
        pairs.push(("data", version.clone()));
    }
    query_string(&pairs)
}

/// The address of an embed, relative to the site's root (`base` ends with `/`, or is
/// empty for a relative link).
pub fn embed_url(base: &str, state: &ChartState, locale: Locale, options: &EmbedOptions) -> String {
    format!(
        "{base}{}{}",
        chart_page_file(state.chart, locale),
        embed_query(state.chart, state, options)
    )
}

/// The address of an embed pinned to data release `version` (`base` as for
/// [`embed_url`]): that release's chart page, with the state and theme in its query. It
/// needs no `data=`: the page itself knows its release, and the build marks it when a
/// newer one exists.
pub fn release_embed_url(
    base: &str,
    state: &ChartState,
    locale: Locale,
    theme: ThemeChoice,
    version: &str,
) -> String {
    let options = EmbedOptions {
        theme,
        pinned: None,
    };
    format!(
        "{base}{}{}",
        release_chart_page_file(version, state.chart, locale),
        embed_query(state.chart, state, &options)
    )
}

/// The portal's page with the card in `state`, below the site's root `base`.
pub fn portal_url(base: &str, locale: Locale, state: &ChartState) -> String {
    format!("{base}{}", permalink(locale, state))
}

/// The height an iframe starts at before the embed reports its own, in CSS pixels:
/// chart, title, source line and link, on a phone.
pub const DEFAULT_EMBED_HEIGHT: u32 = 600;

/// Text for an HTML attribute value in double quotes.
pub fn escape_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The snippet a journalist pastes: the iframe (sandboxed without `allow-same-origin`,
/// so the chart cannot touch the article) and the resizer script, which is harmless to
/// include more than once.
pub fn snippet(src: &str, title: &str, resizer_src: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{DEFAULT_EMBED_HEIGHT}\" style=\"border:0;width:100%;max-width:100%\" loading=\"lazy\" sandbox=\"allow-scripts allow-popups allow-popups-to-escape-sandbox\" data-klaster-embed></iframe>\n<script src=\"{}\" async></script>",
        escape_attribute(src),
        escape_attribute(title),
        escape_attribute(resizer_src),
    )
}

/// The version of the messages between an embed and `embed.js`. A receiver ignores
/// messages of any other version.
pub const MESSAGE_VERSION: u32 = 1;

/// Heights outside this range are not a chart; the resizer clamps to it too.
pub const MIN_HEIGHT: u32 = 100;
pub const MAX_HEIGHT: u32 = 5000;

/// What the embed tells the article: its document's height.
pub fn height_message(chart: ChartId, height: u32) -> String {
    format!(
        "{{\"type\":\"klaster:height\",\"version\":{MESSAGE_VERSION},\"chart\":\"{}\",\"height\":{}}}",
        chart.as_str(),
        height.clamp(MIN_HEIGHT, MAX_HEIGHT)
    )
}

/// What the article may ask of an embed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParentMessage {
    /// "Tell me your height" (sent by `embed.js` when it finds the iframe).
    RequestHeight,
}

/// Parses a message from the embedding page. Anything that is not exactly a known
/// message of our version is `None`.
pub fn parse_parent_message(json: &str) -> Option<ParentMessage> {
    if json.len() > 1024 {
        return None;
    }
    let value: serde_json::Value = serde_json::from_str(json).ok()?;
    let object = value.as_object()?;
    if object.get("version")?.as_u64()? != u64::from(MESSAGE_VERSION) {
        return None;
    }
    match object.get("type")?.as_str()? {
        "klaster:request-height" => Some(ParentMessage::RequestHeight),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::ParkTopic;
    use crate::route::Page;

    const PARK: ChartId = ChartId::Park(ParkTopic::Residents);

    #[test]
    fn a_fresh_card_has_an_empty_query_and_reads_back() {
        let state = ChartState::new(ChartId::InitiativeGrowth);
        assert!(state.to_pairs(ChartId::InitiativeGrowth).is_empty());
        assert_eq!(ChartState::from_query(ChartId::InitiativeGrowth, ""), state);
    }

    #[test]
    fn state_round_trips_through_the_query() {
        let state = ChartState {
            chart: ChartId::Park(ParkTopic::Sales),
            view: View::Table,
            hidden: vec![0, 2],
        };
        let query = query_string(&state.to_pairs(PARK));
        assert_eq!(query, "?chart=park-sales&view=table&hide=0.2");
        assert_eq!(ChartState::from_query(PARK, &query), state);
    }

    #[test]
    fn unknown_and_hostile_values_fall_back_to_defaults() {
        let state = ChartState::from_query(
            ChartId::InitiativeGrowth,
            "?chart=member-map&view=<script>&hide=x.99999999999999999999.3.3.1&zzz=1&=&&",
        );
        assert_eq!(
            state.chart,
            ChartId::InitiativeGrowth,
            "another card's chart is refused"
        );
        assert_eq!(state.view, View::Chart);
        assert_eq!(state.hidden, vec![1, 3]);
        let long = format!("hide={}", "1.".repeat(5000));
        assert_eq!(ChartState::from_query(PARK, &long).hidden, vec![1]);
        let options = EmbedOptions::from_query("theme=purple&data=../../etc");
        assert_eq!(options.theme, ThemeChoice::Auto);
        assert_eq!(options.pinned, None);
    }

    #[test]
    fn a_query_cut_inside_a_character_does_not_panic() {
        let query = format!("hide={}ə", "1".repeat(MAX_QUERY_BYTES - 5));
        let _ = ChartState::from_query(PARK, &query);
    }

    #[test]
    fn an_embed_pinned_to_a_release_is_that_releases_chart_page() {
        let state = ChartState {
            view: View::Table,
            ..ChartState::new(ChartId::Park(ParkTopic::Jobs))
        };
        assert_eq!(
            release_embed_url(
                "https://x.test/",
                &state,
                Locale::En,
                ThemeChoice::Dark,
                "1.1.0"
            ),
            "https://x.test/chart-park-jobs-en-release-1-1-0.html?view=table&theme=dark"
        );
    }

    #[test]
    fn embed_options_read_theme_and_pinned_version() {
        let options = EmbedOptions::from_query("?theme=dark&data=0123456789ab");
        assert_eq!(options.theme, ThemeChoice::Dark);
        assert_eq!(options.pinned.as_deref(), Some("0123456789ab"));
    }

    #[test]
    fn an_embed_url_names_the_chart_page_and_only_what_differs() {
        let state = ChartState::new(ChartId::EmissionsTargets);
        let options = EmbedOptions {
            theme: ThemeChoice::Auto,
            pinned: None,
        };
        assert_eq!(
            embed_url("https://example.org/klaster/", &state, Locale::Az, &options),
            "https://example.org/klaster/chart-emissions-targets-az.html"
        );
        let options = EmbedOptions {
            theme: ThemeChoice::Dark,
            pinned: Some("0123456789ab".into()),
        };
        let state = ChartState {
            view: View::Table,
            ..state
        };
        assert_eq!(
            embed_url("", &state, Locale::En, &options),
            "chart-emissions-targets-en.html?view=table&theme=dark&data=0123456789ab"
        );
    }

    #[test]
    fn permalinks_point_at_the_card_on_its_page_and_read_back() {
        let state = ChartState {
            chart: ChartId::Park(ParkTopic::Jobs),
            view: View::Table,
            hidden: vec![1],
        };
        let link = permalink(Locale::En, &state);
        assert_eq!(
            link,
            "en/nextgen/?chart=park-residents&view=table&hide=1&metric=park-jobs#chart-park-residents"
        );
        assert_eq!(crate::route::Route::parse(&link).page, Page::Nextgen);
        assert_eq!(state_from_address(&link), Some(state.clone()));
        assert_eq!(state_from_address("en/nextgen/"), None);
        assert_eq!(state_from_address("?chart=nope"), None);
        // A link shared before the portal had real addresses reads the same.
        let earlier = "#/en/nextgen?chart=park-residents&view=table&hide=1&metric=park-jobs";
        assert_eq!(state_from_address(earlier), Some(state));
    }

    #[test]
    fn every_chart_shares_a_card_only_with_charts_of_its_page() {
        for chart in ChartId::ALL {
            assert!(same_card(chart.entry().card, chart));
            assert_eq!(chart.entry().card.entry().page, chart.entry().page);
        }
    }

    #[test]
    fn the_snippet_is_sandboxed_without_same_origin_and_escapes_its_title() {
        let html = snippet(
            "https://x.test/chart-a-en.html?view=table&theme=dark",
            "A \"quoted\" <title>",
            "https://x.test/embed.js",
        );
        assert!(
            html.contains("sandbox=\"allow-scripts allow-popups allow-popups-to-escape-sandbox\"")
        );
        assert!(!html.contains("allow-same-origin"));
        assert!(html.contains("loading=\"lazy\""));
        assert!(html.contains("width=\"100%\""));
        assert!(html.contains("title=\"A &quot;quoted&quot; &lt;title&gt;\""));
        assert!(html.contains("?view=table&amp;theme=dark"));
    }

    #[test]
    fn the_height_message_is_versioned_and_clamped() {
        let message = height_message(ChartId::MemberMap, 1_000_000);
        let value: serde_json::Value = serde_json::from_str(&message).unwrap();
        assert_eq!(value["type"], "klaster:height");
        assert_eq!(value["version"], 1);
        assert_eq!(value["height"], MAX_HEIGHT);
        assert_eq!(value["chart"], "member-map");
    }

    #[test]
    fn only_known_parent_messages_of_our_version_parse() {
        assert_eq!(
            parse_parent_message(r#"{"type":"klaster:request-height","version":1}"#),
            Some(ParentMessage::RequestHeight)
        );
        for bad in [
            r#"{"type":"klaster:request-height","version":2}"#,
            r#"{"type":"klaster:request-height"}"#,
            r#"{"type":"klaster:height","version":1,"height":5}"#,
            r#"["klaster:request-height",1]"#,
            "not json",
            "",
        ] {
            assert_eq!(parse_parent_message(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_data_version_changes_only_with_the_files_a_chart_reads() {
        let text = include_str!("../../../public/data/datapackage.json");
        let descriptor: PackageDescriptor = serde_json::from_str(text).unwrap();
        let names = [ResourceName::Milestones, ResourceName::Sources];
        let version = data_version(&descriptor, &names);
        assert!(is_version(&version), "{version}");
        let mut changed = descriptor.clone();
        for resource in &mut changed.resources {
            if resource.name == ResourceName::Climate {
                resource.hash = "sha256:00".into();
            }
        }
        assert_eq!(data_version(&changed, &names), version);
        for resource in &mut changed.resources {
            if resource.name == ResourceName::Milestones {
                resource.hash = "sha256:00".into();
            }
        }
        assert_ne!(data_version(&changed, &names), version);
    }
}
