//! What arrives from outside an embed: its query string, a portal address with a chart's
//! state, a message from the article. Parsing must never panic, a parsed state must be
//! one the card can show, and writing it back must read back the same.

#![no_main]

use klaster_core::charts::ChartId;
use klaster_core::embed::{
    card_of, parse_parent_message, permalink, query_string, same_card, state_from_address,
    ChartState, EmbedOptions,
};
use klaster_core::Locale;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &[u8]| {
    let text = String::from_utf8_lossy(input);
    let _ = parse_parent_message(&text);
    let _ = EmbedOptions::from_query(&text);
    for card in ChartId::ALL {
        let state = ChartState::from_query(card, &text);
        assert!(same_card(card, state.chart), "{text:?}: {card} shows {}", state.chart);
        let again = ChartState::from_query(card, &query_string(&state.to_pairs(card)));
        assert_eq!(again, state, "{text:?} does not read back");
    }
    if let Some(state) = state_from_address(&text) {
        let hash = permalink(Locale::En, &state);
        assert_eq!(state_from_address(&hash), Some(state.clone()), "{text:?} -> {hash:?}");
        assert!(same_card(card_of(state.chart), state.chart));
    }
});
