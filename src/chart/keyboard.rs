//! Moving through a chart with the keyboard: which key is which move. Where a move
//! lands is the core's business (`charts::hit::step`).

use klaster_core::charts::hit::{Step, KEYS};

/// What a key press does on a focused chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyAction {
    Move(Step),
    /// Escape: let go of the highlighted value.
    Release,
}

/// The action of `key` (a `KeyboardEvent.key`), if the chart handles it: a move of the
/// core's key table, or Escape.
pub fn key_action(key: &str) -> Option<KeyAction> {
    if key == "Escape" {
        return Some(KeyAction::Release);
    }
    KEYS.iter()
        .find(|(name, _)| *name == key)
        .map(|(_, step)| KeyAction::Move(*step))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_data::package;
    use klaster_core::charts::hit::{step, Target};
    use klaster_core::charts::{extract, ChartId};

    #[test]
    fn arrows_home_end_and_escape_are_the_chart_keys() {
        assert_eq!(key_action("ArrowRight"), Some(KeyAction::Move(Step::Next)));
        assert_eq!(
            key_action("ArrowLeft"),
            Some(KeyAction::Move(Step::Previous))
        );
        assert_eq!(
            key_action("ArrowDown"),
            Some(KeyAction::Move(Step::NextSeries))
        );
        assert_eq!(
            key_action("ArrowUp"),
            Some(KeyAction::Move(Step::PreviousSeries))
        );
        assert_eq!(key_action("Home"), Some(KeyAction::Move(Step::First)));
        assert_eq!(key_action("End"), Some(KeyAction::Move(Step::Last)));
        assert_eq!(key_action("Escape"), Some(KeyAction::Release));
        assert_eq!(key_action("Tab"), None);
        assert_eq!(key_action("Enter"), None);
    }

    /// Presses `keys` from nothing highlighted, as the card does.
    fn press(chart: &klaster_core::charts::ChartData, keys: &[&str]) -> Option<Target> {
        keys.iter().fold(None, |at, key| match key_action(key) {
            Some(KeyAction::Move(s)) => step(chart, at, s),
            Some(KeyAction::Release) => None,
            None => at,
        })
    }

    #[test]
    fn keys_walk_a_series_and_jump_between_series() {
        let chart = extract(ChartId::InitiativeGrowth, &package().resources).unwrap();
        let first = Target::Point {
            panel: 0,
            series: 0,
            index: 0,
        };
        assert_eq!(press(&chart, &["ArrowRight"]), Some(first));
        assert_eq!(
            press(&chart, &["ArrowRight", "ArrowRight"]),
            Some(Target::Point {
                panel: 0,
                series: 0,
                index: 1
            })
        );
        assert_eq!(
            press(&chart, &["ArrowRight", "ArrowLeft", "ArrowLeft"]),
            Some(first)
        );
        let Some(Target::Point { series, .. }) = press(&chart, &["ArrowRight", "ArrowDown"]) else {
            panic!("Down lands on a point")
        };
        assert_eq!(series, 1, "Down goes to the next series");
        let Some(Target::Point { index, .. }) = press(&chart, &["ArrowRight", "End"]) else {
            panic!("End lands on a point")
        };
        assert!(index > 1, "End goes to the last point");
        assert_eq!(press(&chart, &["ArrowRight", "End", "Home"]), Some(first));
        assert_eq!(press(&chart, &["ArrowRight", "Escape"]), None);
    }

    #[test]
    fn keys_walk_the_bars_from_top_to_bottom() {
        let chart = extract(ChartId::MembersByCountry, &package().resources).unwrap();
        assert_eq!(press(&chart, &["ArrowDown"]), Some(Target::Bar(0)));
        assert_eq!(
            press(&chart, &["ArrowDown", "ArrowDown"]),
            Some(Target::Bar(1))
        );
        assert_eq!(
            press(&chart, &["ArrowRight", "ArrowRight", "ArrowUp"]),
            Some(Target::Bar(0))
        );
    }
}
