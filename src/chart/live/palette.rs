//! Which of the core's palettes a chart takes: the high-contrast one when the system
//! forces colours, otherwise the one of the theme the app sets as `<html data-theme>`.

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

/// What keeps the watchers alive; dropped (and disconnected) with the card.
struct Watchers {
    observer: Option<web_sys::MutationObserver>,
    query: Option<web_sys::MediaQueryList>,
    _on_mutation: Closure<dyn FnMut()>,
    on_change: Closure<dyn FnMut()>,
}

impl Drop for Watchers {
    fn drop(&mut self) {
        if let Some(observer) = &self.observer {
            observer.disconnect();
        }
        if let Some(query) = &self.query {
            let _ = query.remove_event_listener_with_callback(
                "change",
                self.on_change.as_ref().unchecked_ref(),
            );
        }
    }
}

/// The palette, following the theme toggle and the system's forced colours.
pub fn use_palette() -> Signal<PaletteName> {
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
    let watched = query.clone();
    let on_change = Closure::<dyn FnMut()>::new(move || {
        forced.set(watched.as_ref().is_some_and(|q| q.matches()));
    });
    if let Some(query) = &query {
        let _ =
            query.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
    }
    let watchers = StoredValue::new_local(Some(Watchers {
        observer,
        query,
        _on_mutation: on_mutation,
        on_change,
    }));
    on_cleanup(move || {
        let _ = watchers.try_update_value(|w| w.take());
    });
    Signal::derive(move || palette_for(theme.get().as_deref(), forced.get()))
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
