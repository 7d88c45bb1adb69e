//! The value under the pointer or the keyboard's step: a tooltip with its words, and a
//! ring around its mark. Both are for the eye only; the live region reads the value out.

use klaster_core::charts::tip::{placement, ValueInfo};
use klaster_core::Locale;
use leptos::prelude::*;

/// The ring around the highlighted mark, at `spot` (canvas pixels).
#[component]
pub fn FocusRing(spot: Memo<Option<(f64, f64)>>) -> impl IntoView {
    move || {
        let (x, y) = spot.get()?;
        Some(view! {
            <span class="chart-focus-ring" aria-hidden="true" style:left=format!("{x}px") style:top=format!("{y}px")></span>
        })
    }
}

/// The tooltip of the value `info`, beside `spot`, kept inside the canvas's width.
#[component]
pub fn ValueTip(
    locale: Locale,
    /// Shown only while a pointer or a key step is on a value.
    pointing: RwSignal<bool>,
    spot: Memo<Option<(f64, f64)>>,
    info: Signal<Option<ValueInfo>>,
    canvas_width: Signal<f64>,
) -> impl IntoView {
    move || {
        if !pointing.get() {
            return None;
        }
        let (x, y) = spot.get()?;
        let info = info.get()?;
        let place = placement((x, y), canvas_width.get());
        Some(view! {
            <div class="chart-tooltip" aria-hidden="true"
                style:left=format!("{x}px") style:top=format!("{y}px") style:transform=place.transform>
                {info.lines(locale).into_iter().map(|line| view! {
                    <p class=line.class data-confidence=line.confidence>{line.text}</p>
                }).collect_view()}
            </div>
        })
    }
}
