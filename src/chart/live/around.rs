//! The card around the live plot is the HTML the build wrote; these steps keep it in
//! step with the plot: the static plot leaves when the live one has drawn, the words of
//! the chart shown are the ones in view, the table's state follows the reader, and a
//! pointer that arrived before the code is picked up.

use crate::chart::island::Live;
use klaster_core::charts::ChartId;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Takes the static plot's place: it leaves and the live one shows in the same task, so
/// nothing moves.
pub fn replace_static(root: &web_sys::Element, live: Live) {
    let Ok(Some(card)) = root.closest(".chart-card") else {
        return;
    };
    if let Ok(Some(stale)) = card.query_selector(".chart-card__static") {
        stale.remove();
    }
    live.set(true);
    let _ = card.set_attribute("data-live", "");
}

/// The card's words are the HTML the build wrote, one block per chart of the card: the
/// metric shown has its title, table and sources in view, the card is labelled by its
/// title, and its table is open when the card's state says so.
pub fn show_words(root: &web_sys::Element, chart: ChartId, table_open: bool) {
    let Ok(Some(card)) = root.closest(".chart-card") else {
        return;
    };
    let Ok(blocks) =
        card.query_selector_all(".chart-card__top[data-chart], .chart-card__more[data-chart]")
    else {
        return;
    };
    for i in 0..blocks.length() {
        let Some(block) = blocks
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        let shown = block.get_attribute("data-chart").as_deref() == Some(chart.as_str());
        block.set_hidden(!shown);
        if shown {
            if let Ok(Some(table)) = block.query_selector("details.chart-card__table") {
                if table.has_attribute("open") != table_open {
                    let _ = table.toggle_attribute_with_force("open", table_open);
                }
            }
        }
    }
    let _ = card.set_attribute("aria-labelledby", &crate::chart::content::title_id(chart));
}

/// Where the pointer was (client pixels) when it last moved before the code arrived: the
/// boot script keeps it on `<html data-pointer="x,y">` until a card wakes.
pub fn pointer_before_waking() -> Option<(f64, f64)> {
    let root = document().document_element()?;
    let at = root.get_attribute("data-pointer")?;
    let (x, y) = at.split_once(',')?;
    Some((x.parse().ok()?, y.parse().ok()?))
}

/// Keeps the card's state in step with the table a reader opens or closes.
pub fn follow_tables(root: &web_sys::Element, table_open: RwSignal<bool>) {
    let Ok(Some(card)) = root.closest(".chart-card") else {
        return;
    };
    let on_toggle = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        let Some(details) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
        else {
            return;
        };
        let hidden = details.closest("[hidden]").ok().flatten().is_some();
        if details.class_list().contains("chart-card__table")
            && !hidden
            && table_open.get_untracked() != details.open()
        {
            table_open.set(details.open());
        }
    });
    // `toggle` does not bubble: listened for on the way down.
    let _ = card.add_event_listener_with_callback_and_bool(
        "toggle",
        on_toggle.as_ref().unchecked_ref(),
        true,
    );
    // The listener lives as long as the card, which is as long as the page.
    on_toggle.forget();
}
