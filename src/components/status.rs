use crate::app::use_route;
use crate::data::LoadError;
use klaster_core::i18n::Msg;
use leptos::prelude::*;

/// Shown while a dataset loads.
#[component]
pub fn Loading() -> impl IntoView {
    let locale = use_route().locale;
    view! { <p class="status" role="status">{move || Msg::Loading.get(locale.get())}</p> }
}

/// A dataset that failed: what happened, in the reader's language, and a way to try again.
#[component]
pub fn LoadFailed(error: LoadError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let locale = use_route().locale;
    let error = StoredValue::new(error);
    view! {
        <div class="status status--error" role="alert">
            <p><strong>{move || Msg::DataError.get(locale.get())}</strong></p>
            <p>{move || error.with_value(|e| e.message(locale.get()))}</p>
            <button type="button" on:click=move |_| on_retry.run(())>
                {move || Msg::Retry.get(locale.get())}
            </button>
        </div>
    }
}

/// Shown above figures whose file did not match the hash in `datapackage.json`.
#[component]
pub fn IntegrityWarning(verified: bool) -> impl IntoView {
    let locale = use_route().locale;
    (!verified).then(|| {
        view! { <p class="status status--warning" role="alert">{move || Msg::HashMismatch.get(locale.get())}</p> }
    })
}
