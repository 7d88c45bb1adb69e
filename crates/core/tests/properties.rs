//! Properties that must hold for any input, not just the examples in the unit tests:
//! addresses, dates, numbers and fetched files from outside never panic, and what the
//! portal writes reads back to what it meant. The fuzz targets in `fuzz/` push the same
//! edges much longer; these run in every `cargo test`.

use klaster_core::date::days_in_month;
use klaster_core::format::format_number;
use klaster_core::resources::*;
use klaster_core::retry::{backoff_ms, should_retry, Attempt, MAX_RETRIES};
use klaster_core::route::{Page, Route};
use klaster_core::validate::parse_json;
use klaster_core::{Locale, PackageDescriptor, PartialDate};
use proptest::prelude::*;

fn locale() -> impl Strategy<Value = Locale> {
    prop_oneof![Just(Locale::Az), Just(Locale::En)]
}

/// Addresses made mostly of the characters that matter to the route parser.
fn address() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[#/?aenzAEZ .əİ-]{0,40}",
        "#/(az|en|AZ| en )?/(sources|data|about|nope|a/b)?[/?#]{0,3}",
        "#/en/[a/]{150,260}",
    ]
}

proptest! {
    #[test]
    fn route_parse_never_panics_and_its_redirect_parses_back(hash in address(), to in locale()) {
        let route = Route::parse(&hash);
        // The app redirects an address without a language to the page in one; that
        // address, like every language link, must name the same page.
        let href = Route::href(to, &route.page);
        prop_assert_eq!(Route::parse(&href), Route { locale: Some(to), page: route.page });
    }

    #[test]
    fn valid_routes_round_trip(
        to in locale(),
        index in 0..Page::NAVIGATION.len(),
        unknown in "[a-z0-9][a-z0-9-]{0,40}",
        pick_unknown in any::<bool>(),
    ) {
        let page = if pick_unknown {
            Page::from_slug(&unknown)
        } else {
            Page::NAVIGATION[index].clone()
        };
        let route = Route { locale: Some(to), page };
        prop_assert_eq!(Route::parse(&Route::href(to, &route.page)), route);
    }

    #[test]
    fn partial_dates_round_trip_through_display(
        year in 1900u16..=2100,
        month in proptest::option::of(1u8..=12),
        day_seed in proptest::option::of(1u8..=31),
    ) {
        let day = month.and(day_seed).map(|d| d.min(days_in_month(year, month.unwrap_or(1))));
        let date = PartialDate { year, month, day };
        let text = date.to_string();
        prop_assert_eq!(PartialDate::parse(&text), Ok(date));
    }

    #[test]
    fn partial_dates_reject_garbage_without_panicking(
        text in prop_oneof![any::<String>(), "[0-9-]{0,12}", "[0-9]{4}-[0-9]{2}-[0-9]{2}"],
    ) {
        // Whatever parses is already written the one way the portal writes it.
        if let Ok(date) = PartialDate::parse(&text) {
            prop_assert_eq!(date.to_string(), text);
        }
    }

    #[test]
    fn format_number_reads_back_as_the_rounded_value(
        value in prop_oneof![any::<f64>(), -1e7f64..1e7, -1.0f64..1.0],
        decimals in 0usize..=6,
        to in locale(),
    ) {
        let shown = format_number(value, decimals, to);
        if !value.is_finite() {
            prop_assert_eq!(shown, "–");
            return Ok(());
        }
        let (decimal, group) = match to {
            Locale::Az => (',', '.'),
            Locale::En => ('.', ','),
        };
        let plain: String = shown
            .chars()
            .filter(|c| *c != group)
            .map(|c| match c {
                c if c == decimal => '.',
                '−' => '-',
                c => c,
            })
            .collect();
        let read: f64 = plain.parse().map_err(|e| TestCaseError::fail(format!("{shown:?}: {e}")))?;
        let rounded: f64 = format!("{value:.decimals$}").parse().unwrap();
        prop_assert_eq!(read, rounded, "{} shown as {:?}", value, shown);
    }

    #[test]
    fn parse_json_never_panics_on_arbitrary_bytes(
        bytes in prop_oneof![
            proptest::collection::vec(any::<u8>(), 0..256),
            "[\\[\\]{}\":,0-9a-z \\\\-]{0,200}".prop_map(String::into_bytes),
        ],
    ) {
        let _ = parse_json::<PackageDescriptor>("datapackage.json", &bytes);
        let _ = parse_json::<Vec<Milestone>>("milestones.json", &bytes);
        let _ = parse_json::<ClusterRegistry>("clusters.json", &bytes);
        let _ = parse_json::<Accession>("accession.json", &bytes);
        let _ = parse_json::<NextGenCluster>("nextgen.json", &bytes);
        let _ = parse_json::<IndustrialPark>("park.json", &bytes);
        let _ = parse_json::<ClimateContext>("climate.json", &bytes);
        let _ = parse_json::<Vec<GlossaryEntry>>("glossary.json", &bytes);
        let _ = parse_json::<Vec<Source>>("sources.json", &bytes);
        let _ = parse_json::<WorldMap>("world-map.json", &bytes);
    }

    #[test]
    fn the_retry_policy_never_exceeds_max_retries(
        outcomes in proptest::collection::vec(
            prop_oneof![
                Just(Attempt::Delivered),
                Just(Attempt::NetworkError),
                Just(Attempt::TimedOut),
                Just(Attempt::Invalid),
                any::<u16>().prop_map(Attempt::Status),
            ],
            1..20,
        ),
        random in any::<f64>(),
    ) {
        // The loop of the app's `fetch_bytes`, fed one outcome per attempt.
        let mut retries_done = 0;
        let mut attempts = 0;
        for attempt in outcomes {
            attempts += 1;
            if !should_retry(attempt, retries_done) {
                break;
            }
            let wait = backoff_ms(retries_done, random);
            prop_assert!(wait <= 400 << MAX_RETRIES, "waits {} ms", wait);
            retries_done += 1;
        }
        prop_assert!(retries_done <= MAX_RETRIES);
        prop_assert!(attempts <= MAX_RETRIES + 1);
    }
}

#[test]
fn deeply_nested_json_is_refused_without_overflowing_the_stack() {
    // serde_json stops at 128 levels; a hostile file must get an error, not a crash.
    for bytes in [
        "[".repeat(100_000).into_bytes(),
        r#"{"a":"#.repeat(100_000).into_bytes(),
    ] {
        let error = parse_json::<serde_json::Value>("nested.json", &bytes).unwrap_err();
        assert!(
            error.message.contains("recursion limit"),
            "{}",
            error.message
        );
        assert!(parse_json::<Vec<Milestone>>("milestones.json", &bytes).is_err());
        assert!(parse_json::<PackageDescriptor>("datapackage.json", &bytes).is_err());
        assert!(parse_json::<WorldMap>("world-map.json", &bytes).is_err());
    }
    let deep_but_allowed = format!("{}{}", "[".repeat(127), "]".repeat(127));
    assert!(parse_json::<serde_json::Value>("nested.json", deep_but_allowed.as_bytes()).is_ok());
}

/// Query strings made mostly of what the embed's parser looks at.
fn embed_query() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[?&=.,a-z0-9-]{0,60}",
        "(chart=(park-[a-z]{3,10}|member-map|x)|view=(table|chart|x)|hide=[0-9.,]{0,20}|theme=[a-z]{0,6}|data=[0-9a-f]{10,14})(&(chart=park-sales|view=table|hide=[0-9.]{0,9}|metric=park-jobs)){0,4}",
    ]
}

proptest! {
    #[test]
    fn embed_state_parses_to_a_state_its_card_can_show_and_reads_back(
        query in embed_query(),
        card in 0..klaster_core::charts::ChartId::ALL.len(),
    ) {
        use klaster_core::embed::{query_string, same_card, ChartState, EmbedOptions};
        let card = klaster_core::charts::ChartId::ALL[card];
        let state = ChartState::from_query(card, &query);
        prop_assert!(same_card(card, state.chart));
        prop_assert!(state.hidden.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats");
        let written = query_string(&state.to_pairs(card));
        prop_assert_eq!(ChartState::from_query(card, &written), state);
        let _ = EmbedOptions::from_query(&query);
    }

    #[test]
    fn permalinks_read_back_from_any_address(hash in embed_query(), to in locale()) {
        use klaster_core::embed::{permalink, state_from_address};
        let hash = format!("en/nextgen/?{hash}");
        if let Some(state) = state_from_address(&hash) {
            prop_assert_eq!(state_from_address(&permalink(to, &state)), Some(state));
        }
    }

    #[test]
    fn parent_messages_never_panic(text in any::<String>()) {
        let _ = klaster_core::embed::parse_parent_message(&text);
    }
}
