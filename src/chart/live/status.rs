//! What a card says about its files: one that failed (what happened, in the reader's
//! language, and a way to try again), one that does not match its published hash, and
//! files shown from this device's cache because the network failed.

use crate::chart::parts::ChartSource;
use crate::data::{cached_data_saved_at, LoadError};
use klaster_core::format::format_saved_at;
use klaster_core::i18n::Msg;
use klaster_core::Locale;
use leptos::prelude::*;

/// The static chart stays above; this says why it does not come to life.
pub fn load_failed(
    error: LoadError,
    locale: Locale,
    retry: impl Fn() + Send + Sync + 'static,
) -> AnyView {
    view! {
        <div class="status status--error" role="alert">
            <p><strong>{Msg::DataError.get(locale)}</strong></p>
            <p>{error.message(locale)}</p>
            <button type="button" on:click=move |_| retry()>{Msg::Retry.get(locale)}</button>
        </div>
    }
    .into_any()
}

/// A warning when a file did not match its hash, a notice when it came from the cache.
pub fn checked(source: &ChartSource, locale: Locale) -> Option<AnyView> {
    let mismatch = (!source.verified).then(|| {
        view! { <p class="status status--warning" role="alert">{Msg::HashMismatch.get(locale)}</p> }
    });
    let cached = cached_data_saved_at().map(|saved_at| {
        let when = format_saved_at(&saved_at, locale);
        view! {
            <p class="cached-data" role="status">
                {Msg::CachedData.get(locale)}
                {when.map(|when| format!(" {}: {when}.", Msg::CachedDataSaved.get(locale)))}
            </p>
        }
    });
    (mismatch.is_some() || cached.is_some()).then(|| view! { {mismatch}{cached} }.into_any())
}
