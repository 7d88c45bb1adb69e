//! The value under the pointer or the keyboard's step: a tooltip with its words, and a
//! ring around its mark. Both are for the eye only; the live region reads the value out.

use crate::chart::tooltip::{placement, ValueInfo};
use klaster_core::i18n::{confidence_label, Msg};
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
        // Every rating is named; one a reader must be warned about is a badge.
        let rating = info.confidence.map(|c| {
            let words = confidence_label(c).get(locale);
            match c.needs_warning() {
                true => view! {
                    <p class="badge" data-confidence=c.key()>{words}</p>
                }
                .into_any(),
                false => view! {
                    <p>{Msg::ConfidenceLabel.get(locale)} ": " {words}</p>
                }
                .into_any(),
            }
        });
        Some(view! {
            <div class="chart-tooltip" aria-hidden="true"
                style:left=format!("{x}px") style:top=format!("{y}px") style:transform=place.transform>
                <p class="chart-tooltip__title">{info.title}</p>
                {info.label.map(|l| view! { <p>{l}</p> })}
                {info.value.map(|v| view! { <p class="chart-tooltip__value">{v}</p> })}
                {info.date.map(|d| view! { <p>{d}</p> })}
                {rating}
                {(!info.publishers.is_empty()).then(|| view! {
                    <p class="chart-tooltip__source">
                        {Msg::Source.get(locale)} ": " {info.publishers.join("; ")}
                    </p>
                })}
            </div>
        })
    }
}
