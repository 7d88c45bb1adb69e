//! Registers the service worker (`public/sw.js`) that keeps the app and its data for
//! offline repeat visits; not inside a frame or embed, where the host page decides.

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

const SCRIPT: &str = "sw.js";

pub fn register() {
    let _ = try_register();
}

fn try_register() -> Option<()> {
    let window = web_sys::window()?;
    let top = window.top().ok()??;
    if !Reflect::has(&window.navigator(), &"serviceWorker".into()).ok()?
        || JsValue::from(top) != JsValue::from(window.clone())
    {
        return None;
    }
    let container = Reflect::get(&window.navigator(), &"serviceWorker".into()).ok()?;
    let register: Function = Reflect::get(&container, &"register".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let promise = register.call1(&container, &script_url(&window)?).ok()?;
    let promise: js_sys::Promise = promise.dyn_into().ok()?;
    wasm_bindgen_futures::spawn_local(async move {
        // A refused registration only means no offline copy.
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
    Some(())
}

/// The script's address; under Trusted Types it must come from the page's `default`
/// policy (the boot script's), and without one that admits it there is no service worker.
fn script_url(window: &web_sys::Window) -> Option<JsValue> {
    let trusted_types = Reflect::get(window, &"trustedTypes".into()).ok()?;
    if trusted_types.is_undefined() {
        return Some(SCRIPT.into());
    }
    let policy = Reflect::get(&trusted_types, &"defaultPolicy".into()).ok()?;
    if policy.is_null() || policy.is_undefined() {
        return Some(SCRIPT.into());
    }
    let create: Function = Reflect::get(&policy, &"createScriptURL".into())
        .ok()?
        .dyn_into()
        .ok()?;
    create.call1(&policy, &SCRIPT.into()).ok()
}
