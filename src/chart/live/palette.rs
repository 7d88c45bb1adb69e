//! Which of the core's palettes a chart takes: the high-contrast one when the system
//! forces colours, otherwise the one of the theme `<html data-theme>` names. The theme
//! switch is the boot script's (plain JS, so pages without charts load no wasm), so the
//! attribute is where the theme lives; the page watches it once for all its cards.

use klaster_core::charts::PaletteName;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The palette for a theme attribute and the forced-colours state.
pub fn palette_for(theme: Option<&str>, forced_colours: bool) -> PaletteName {
    match (forced_colours, theme) {
        (true, _) => PaletteName::HighContrast,
        (false, Some("dark")) => PaletteName::Dark,
        (false, _) => PaletteName::Light,
    }
}

fn theme_attribute() -> Option<String> {
    document().document_element()?.get_attribute("data-theme")
}

fn forced_colours_query() -> Option<web_sys::MediaQueryList> {
    window()
        .match_media("(forced-colors: active)")
        .ok()
        .flatten()
}

/// What keeps the watchers alive: they live as long as the page.
struct Watchers {
    _observer: Option<web_sys::MutationObserver>,
    _on_mutation: Closure<dyn FnMut()>,
    _on_change: Closure<dyn FnMut()>,
}

thread_local! {
    /// One palette for the page, shared by its cards: the theme is the page's (the boot
    /// script's switch sets it before any code runs), so it is watched once.
    static PALETTE: std::cell::OnceCell<(Signal<PaletteName>, Watchers)> =
        const { std::cell::OnceCell::new() };
}

/// The palette, following the theme switch and the system's forced colours.
pub fn use_palette() -> Signal<PaletteName> {
    PALETTE.with(|palette| palette.get_or_init(watch_palette).0)
}

/// Watches the theme attribute and the forced-colours query, in an owner of its own so
/// the signals outlive the card that first asked.
fn watch_palette() -> (Signal<PaletteName>, Watchers) {
    let owner = Owner::new();
    let watched = owner.with(|| {
        let theme = RwSignal::new(theme_attribute());
        let query = forced_colours_query();
        let forced = RwSignal::new(query.as_ref().is_some_and(|q| q.matches()));

        let on_mutation = Closure::<dyn FnMut()>::new(move || theme.set(theme_attribute()));
        let observer = web_sys::MutationObserver::new(on_mutation.as_ref().unchecked_ref()).ok();
        if let (Some(observer), Some(root)) = (&observer, document().document_element()) {
            let options = web_sys::MutationObserverInit::new();
            options.set_attributes(true);
            options.set_attribute_filter(&js_sys::Array::of1(&"data-theme".into()));
            let _ = observer.observe_with_options(&root, &options);
        }
        let matches = query.clone();
        let on_change = Closure::<dyn FnMut()>::new(move || {
            forced.set(matches.as_ref().is_some_and(|q| q.matches()));
        });
        if let Some(query) = &query {
            let _ = query
                .add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        }
        let palette = Signal::derive(move || palette_for(theme.get().as_deref(), forced.get()));
        (
            palette,
            Watchers {
                _observer: observer,
                _on_mutation: on_mutation,
                _on_change: on_change,
            },
        )
    });
    // The page's palette is never disposed.
    std::mem::forget(owner);
    watched
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forced_colours_take_the_high_contrast_palette_whatever_the_theme() {
        assert_eq!(palette_for(Some("dark"), true), PaletteName::HighContrast);
        assert_eq!(palette_for(Some("light"), true), PaletteName::HighContrast);
        assert_eq!(palette_for(Some("dark"), false), PaletteName::Dark);
        assert_eq!(palette_for(Some("light"), false), PaletteName::Light);
        assert_eq!(palette_for(None, false), PaletteName::Light);
    }
}
