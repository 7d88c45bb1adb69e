//! Says when the page shows data the service worker kept on this device because the
//! network failed, and when that data was saved.

use crate::app::use_route;
use crate::data::cached_data_saved_at;
use klaster_core::format::format_saved_at;
use klaster_core::i18n::Msg;
use leptos::prelude::*;

#[component]
pub fn CachedDataNotice() -> impl IntoView {
    let locale = use_route().locale;
    move || {
        let saved_at = cached_data_saved_at()?;
        let locale = locale.get();
        let when = format_saved_at(&saved_at, locale);
        Some(view! {
            <p class="cached-data" role="status">
                {Msg::CachedData.get(locale)}
                {when.map(|when| format!(" {}: {when}.", Msg::CachedDataSaved.get(locale)))}
            </p>
        })
    }
}
