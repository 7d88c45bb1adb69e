//! The live plot's shared state and what it does with it: the chart as shown, laid out
//! in its frame, drawn on the canvas; the value the pointer or a key step is on, and
//! where that value's mark is.

use super::canvas::paint;
use crate::chart::keyboard::KeyAction;
use klaster_core::charts::frame::Frame;
use klaster_core::charts::hit::{position, step, target_at, Target};
use klaster_core::charts::model::ChartData;
use klaster_core::charts::Palette;
use leptos::html;
use leptos::prelude::*;

/// Milliseconds since the page loaded.
fn now() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// One card's plot; every part is a signal or a node reference, so it is `Copy` into
/// each handler and effect.
#[derive(Clone, Copy)]
pub struct Plot {
    /// The chart without the series the reader hid.
    pub shown: Memo<Option<ChartData>>,
    /// Where the chart is laid out at the plot's width; none before it has a width.
    pub frame: Memo<Option<Frame>>,
    /// The value the pointer or the keyboard is on.
    pub highlight: RwSignal<Option<Target>>,
    /// Whether a tooltip shows for it.
    pub pointing: RwSignal<bool>,
    pub canvas: NodeRef<html::Canvas>,
}

impl Plot {
    /// Draws the chart as it is now (tracking what it reads), counting the draws on the
    /// canvas (`data-draws`, `data-draw-ms`) for the tests and the benchmark. Whether it drew.
    pub fn draw(self, palette: &Palette, ratio: f64, draws: StoredValue<u32>) -> bool {
        let Some(canvas) = self.canvas.get() else {
            return false;
        };
        self.frame.with(|frame| {
            self.shown.with(|shown| {
                let (Some(frame), Some(shown)) = (frame, shown) else {
                    return false;
                };
                let started = now();
                let drawn = paint(
                    &canvas,
                    shown,
                    &frame.layout,
                    palette,
                    (frame.width, frame.height),
                    frame.crop,
                    ratio,
                );
                let elapsed = now() - started;
                if let Err(problem) = drawn {
                    leptos::logging::error!("chart {}: {problem}", shown.spec.id);
                    return false;
                }
                draws.update_value(|n| *n += 1);
                let _ = canvas.set_attribute("data-draws", &draws.get_value().to_string());
                let _ = canvas.set_attribute("data-draw-ms", &format!("{elapsed:.2}"));
                true
            })
        })
    }

    /// Highlights what is under the pointer at (client x, client y), if anything.
    pub fn point_at(self, (client_x, client_y): (f64, f64)) {
        let Some(canvas) = self.canvas.get_untracked() else {
            return;
        };
        let bounds = canvas.get_bounding_client_rect();
        let point = (client_x - bounds.left(), client_y - bounds.top());
        let target = self.frame.with_untracked(|frame| {
            self.shown.with_untracked(|shown| {
                let (frame, shown) = (frame.as_ref()?, shown.as_ref()?);
                let (x, y) = frame.to_layout(point);
                target_at(shown, &frame.layout, x, y)
            })
        });
        // Set only on a change: a pointer moving over one value redraws nothing.
        if self.pointing.get_untracked() != target.is_some() {
            self.pointing.set(target.is_some());
        }
        if self.highlight.get_untracked() != target {
            self.highlight.set(target);
        }
    }

    /// Takes a key's step from the value highlighted (or lets go), and shows it.
    pub fn step(self, action: KeyAction) -> Option<Target> {
        let next = match action {
            KeyAction::Release => None,
            KeyAction::Move(move_to) => self.shown.with_untracked(|shown| {
                step(shown.as_ref()?, self.highlight.get_untracked(), move_to)
            }),
        };
        self.highlight.set(next);
        self.pointing.set(next.is_some());
        next
    }

    /// Where the highlighted value's mark is, in canvas pixels.
    pub fn spot(self) -> Memo<Option<(f64, f64)>> {
        Memo::new(move |_| {
            let target = self.highlight.get()?;
            self.frame.with(|frame| {
                self.shown.with(|shown| {
                    let (frame, shown) = (frame.as_ref()?, shown.as_ref()?);
                    position(shown, &frame.layout, target).map(|at| frame.to_canvas(at))
                })
            })
        })
    }

    /// Lets go of the value highlighted.
    pub fn release(self) {
        self.pointing.set(false);
        self.highlight.set(None);
    }
}
