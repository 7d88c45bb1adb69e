//! An embed's value map: what every spot of a chart's picture shows, written by the
//! build beside the picture (`charts/values/<id>-<lang>-<variant>.json`, named by
//! [`crate::embed::values_file`]). An embed answers a reader's pointer and keys from it
//! with a small module (`xtask/src/values.js`), without the drawing code: the picture already shows the
//! chart, so what remains is which value lies where, its words, and where each key goes.
//!
//! Everything here is the live card's own answer, worked out ahead of time: the
//! pointer's target is [`target_at`] at the middle of each cell of a grid over the
//! picture, a value's mark is [`position`], its words are [`ValueInfo`], and a key's
//! move is [`step`] through [`KEYS`].

use super::export::{rows, SourceIndex};
use super::frame::Frame;
use super::hit::{position, step, target_at, Target, KEYS};
use super::model::ChartData;
use super::tip::{placement, TipLine, ValueInfo};
use crate::resources::Source;
use crate::Locale;
use serde::Serialize;
use std::collections::BTreeMap;

/// The side of a grid cell, in the picture's pixels: finer than any mark a finger or a
/// pointer aims at, coarse enough that the map stays a few kilobytes.
pub const CELL: u32 = 4;

/// The values of one picture of a chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValueMap {
    /// The picture's size in pixels; a page scales it, and the pointer with it.
    pub width: f64,
    pub height: f64,
    pub cell: u32,
    /// The grid's cells that show a value, row by row: `[row, first column, past the
    /// last column, value]`, the value an index into `values`.
    pub runs: Vec<[usize; 4]>,
    pub values: Vec<MappedValue>,
    /// Where each key lands with no value highlighted.
    pub start: BTreeMap<&'static str, usize>,
}

/// One value: where its mark is, its tooltip, the sentence read out, and the key moves.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MappedValue {
    /// Its mark, in the picture's pixels.
    pub at: [f64; 2],
    /// The CSS transform that puts its tooltip beside the mark.
    pub place: &'static str,
    pub lines: Vec<TipLine>,
    pub sentence: String,
    /// Where each key goes from here.
    pub keys: BTreeMap<&'static str, usize>,
}

/// The value map of `chart` (as a page shows it: [`super::frame::on_screen`]) laid out
/// in `frame`, in `locale`.
pub fn value_map(
    chart: &ChartData,
    frame: &Frame,
    locale: Locale,
    index: &SourceIndex,
    sources: &[Source],
) -> ValueMap {
    let rows = rows(chart);
    // Every value that has a mark, once, in the table's order.
    let mut marked: Vec<(Target, (f64, f64), &_)> = Vec::new();
    for row in &rows {
        let Some(target) = row.target else { continue };
        if marked.iter().any(|(t, _, _)| *t == target) {
            continue;
        }
        if let Some(at) = position(chart, &frame.layout, target) {
            marked.push((target, frame.to_canvas(at), row));
        }
    }
    let index_of = |target: Option<Target>| marked.iter().position(|(t, _, _)| Some(*t) == target);
    let moves = |from: Option<Target>| -> BTreeMap<&'static str, usize> {
        KEYS.iter()
            .filter_map(|(key, s)| Some((*key, index_of(step(chart, from, *s))?)))
            .collect()
    };
    let values = marked
        .iter()
        .map(|(target, at, row)| {
            let info = ValueInfo::new(row, locale, index, sources);
            MappedValue {
                at: [round(at.0), round(at.1)],
                place: placement(*at, frame.width).transform,
                lines: info.lines(locale),
                sentence: info.sentence(locale),
                keys: moves(Some(*target)),
            }
        })
        .collect();
    let columns = (frame.width / f64::from(CELL)).ceil() as usize;
    let grid_rows = (frame.height / f64::from(CELL)).ceil() as usize;
    let mut runs = Vec::new();
    for row in 0..grid_rows {
        let mut open: Option<[usize; 4]> = None;
        for column in 0..columns {
            let centre = |n: usize| (n as f64 + 0.5) * f64::from(CELL);
            let (x, y) = frame.to_layout((centre(column), centre(row)));
            let value = index_of(target_at(chart, &frame.layout, x, y));
            match (open.as_mut(), value) {
                (Some(run), Some(v)) if run[3] == v => run[2] = column + 1,
                _ => {
                    runs.extend(open.take());
                    open = value.map(|v| [row, column, column + 1, v]);
                }
            }
        }
        runs.extend(open);
    }
    ValueMap {
        width: frame.width,
        height: frame.height,
        cell: CELL,
        runs,
        values,
        start: moves(None),
    }
}

/// A tenth of a pixel is as close as a ring or a tooltip needs.
fn round(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

impl ValueMap {
    /// The map as its published file.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The value under the picture's pixel (`x`, `y`), as an embed looks it up.
    pub fn value_at(&self, x: f64, y: f64) -> Option<usize> {
        let cell = f64::from(self.cell);
        let (column, row) = ((x / cell).floor(), (y / cell).floor());
        if column < 0.0 || row < 0.0 {
            return None;
        }
        let (column, row) = (column as usize, row as usize);
        self.runs
            .iter()
            .find(|r| r[0] == row && (r[1]..r[2]).contains(&column))
            .map(|r| r[3])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::frame::{on_screen, VARIANTS};
    use crate::charts::{extract, ChartId};
    use crate::test_data::{package, sources};

    fn maps(id: ChartId) -> Vec<(ChartData, Frame, ValueMap)> {
        let package = package();
        let index = SourceIndex::new(&package.resources);
        let sources = sources(&package);
        let chart = on_screen(&extract(id, &package.resources).expect("extracts"));
        VARIANTS
            .iter()
            .map(|v| {
                let frame = Frame::new(&chart, Locale::En, f64::from(v.width));
                let map = value_map(&chart, &frame, Locale::En, &index, sources);
                (chart.clone(), frame, map)
            })
            .collect()
    }

    #[test]
    fn every_value_of_every_chart_is_found_at_its_own_mark() {
        for id in ChartId::ALL {
            for (_, frame, map) in maps(id) {
                assert!(!map.values.is_empty(), "{id}: no values");
                assert_eq!(map.width, frame.width);
                let found = (0..map.values.len())
                    .filter(|&i| {
                        let [x, y] = map.values[i].at;
                        map.value_at(x, y) == Some(i)
                    })
                    .count();
                // Marks may overlap (two series at one point): the one drawn on top wins.
                assert!(
                    found * 10 >= map.values.len() * 8,
                    "{id} at {}: only {found} of {} values are found at their marks",
                    frame.width,
                    map.values.len()
                );
            }
        }
    }

    #[test]
    fn the_map_answers_as_the_live_card_does_at_each_cells_middle() {
        for id in [
            ChartId::InitiativeGrowth,
            ChartId::MemberMap,
            ChartId::AccessionTimeline,
        ] {
            for (chart, frame, map) in maps(id) {
                let targets: Vec<Option<Target>> = rows(&chart)
                    .iter()
                    .filter(|r| {
                        r.target
                            .and_then(|t| position(&chart, &frame.layout, t))
                            .is_some()
                    })
                    .map(|r| r.target)
                    .collect();
                for (x, y) in [
                    (30.0, 40.0),
                    (frame.width / 2.0, frame.height / 2.0),
                    (frame.width - 50.0, 100.0),
                ] {
                    let cell = f64::from(CELL);
                    let middle = |v: f64| ((v / cell).floor() + 0.5) * cell;
                    let (lx, ly) = frame.to_layout((middle(x), middle(y)));
                    let live = target_at(&chart, &frame.layout, lx, ly);
                    let mapped = map.value_at(x, y).and_then(|i| targets[i]);
                    assert_eq!(mapped, live, "{id} at ({x}, {y}), {} wide", frame.width);
                }
            }
        }
    }

    #[test]
    fn keys_move_as_the_live_card_moves() {
        let (chart, frame, map) = maps(ChartId::InitiativeGrowth).remove(0);
        let targets: Vec<Target> = rows(&chart).iter().filter_map(|r| r.target).collect();
        assert_eq!(
            map.start["ArrowRight"], 0,
            "the first key lands on the first value"
        );
        let first = targets[0];
        let next = step(&chart, Some(first), super::super::hit::Step::Next);
        assert_eq!(targets.get(map.values[0].keys["ArrowRight"]).copied(), next);
        let down = step(&chart, Some(first), super::super::hit::Step::NextSeries);
        assert_eq!(targets.get(map.values[0].keys["ArrowDown"]).copied(), down);
        assert!(frame.width > 0.0);
    }

    #[test]
    fn a_value_says_what_the_live_tooltip_says() {
        let (_, _, map) = maps(ChartId::InitiativeGrowth).remove(2);
        let first = &map.values[0];
        assert_eq!(first.lines[0].class, Some("chart-tooltip__title"));
        assert_eq!(first.lines[0].text, "Member clusters");
        assert!(
            first.sentence.starts_with("Member clusters: "),
            "{}",
            first.sentence
        );
        assert!(first.lines.iter().any(|l| l.text.starts_with("Source: ")));
        let json = map.to_json();
        assert!(json.starts_with("{\"width\":820"), "{}", &json[..40]);
    }
}
