//! The light/dark theme: the system preference until the reader chooses, then their choice,
//! kept in localStorage and applied as `<html data-theme>`.

use crate::app::use_route;
use klaster_core::i18n::Msg;
use leptos::prelude::*;

const STORAGE_KEY: &str = "klaster-theme";

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

pub fn system_prefers_dark() -> bool {
    window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches())
}

/// The saved choice, if the reader made one; anything else in storage is ignored.
fn saved_dark() -> Option<bool> {
    match storage()?.get_item(STORAGE_KEY).ok().flatten()?.as_str() {
        "dark" => Some(true),
        "light" => Some(false),
        _ => None,
    }
}

/// Sets `<html data-theme>`, which the stylesheets and the chart palette follow.
pub fn apply(dark: bool) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-theme", if dark { "dark" } else { "light" });
    }
}

#[component]
pub fn ThemeToggle() -> impl IntoView {
    let locale = use_route().locale;
    let dark = RwSignal::new(saved_dark().unwrap_or_else(system_prefers_dark));
    Effect::new(move |_| apply(dark.get()));
    view! {
        <button
            type="button"
            class="theme-toggle"
            aria-pressed=move || dark.get().to_string()
            on:click=move |_| {
                let next = !dark.get_untracked();
                dark.set(next);
                if let Some(storage) = storage() {
                    let _ = storage.set_item(STORAGE_KEY, if next { "dark" } else { "light" });
                }
            }
        >
            <span aria-hidden="true">{move || if dark.get() { "☾ " } else { "☀ " }}</span>
            {move || Msg::ThemeDark.get(locale.get())}
        </button>
    }
}
