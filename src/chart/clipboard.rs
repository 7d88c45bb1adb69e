//! Copying text for the reader, and the Web Share API: both are missing in some
//! browsers (and the clipboard outside secure contexts), so each is looked up before use
//! and a missing one is a `false`, never a script error.

use js_sys::Reflect;
use std::future::Future;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn navigator_member(name: &str) -> Option<JsValue> {
    let navigator = leptos::prelude::window().navigator();
    Reflect::get(&navigator, &JsValue::from_str(name))
        .ok()
        .filter(|value| !value.is_undefined() && !value.is_null())
}

/// Copies `text`, resolving to whether it worked. The write starts before the first
/// await, inside the click that asked for it, as some browsers require.
pub fn copy_text(text: &str) -> impl Future<Output = bool> {
    let started = navigator_member("clipboard")
        .and_then(|value| value.dyn_into::<web_sys::Clipboard>().ok())
        .map(|clipboard| JsFuture::from(clipboard.write_text(text)));
    async move {
        match started {
            Some(write) => write.await.is_ok(),
            None => false,
        }
    }
}

/// Whether the browser offers its own share sheet.
pub fn can_share() -> bool {
    navigator_member("share").is_some_and(|share| share.is_function())
}

/// Opens the browser's share sheet. The reader closing it is not an error worth telling.
pub fn share(title: &str, url: &str) {
    if !can_share() {
        return;
    }
    let data = web_sys::ShareData::new();
    data.set_title(title);
    data.set_url(url);
    let shared = JsFuture::from(leptos::prelude::window().navigator().share_with_data(&data));
    leptos::task::spawn_local(async move {
        let _ = shared.await;
    });
}
