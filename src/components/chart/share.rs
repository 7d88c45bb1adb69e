//! The share menu under a chart card: copy the portal link to the card as the reader
//! has set it, copy the standalone chart page's link (it unfurls with the chart's image
//! on social networks), the browser's own share sheet where there is one, and the
//! Embed dialog. An embed shows none of it: the embed's frame links to the portal.

use super::clipboard::{can_share, copy_text, share};
use super::embed_dialog::EmbedDialog;
use super::load::{needs, ChartSource};
use super::permalink::{portal_link, site_base};
use crate::app::use_route;
use klaster_core::embed::{data_version, embed_url, ChartState, EmbedOptions, ThemeChoice};
use klaster_core::i18n::Msg;
use klaster_core::{Locale, Text};
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;

/// Whether this document is a published chart page (an embed or a shared chart).
pub fn in_embed() -> bool {
    crate::embed::embed_page().is_some()
}

/// The standalone chart page for `state`, in `locale`, following the reader's theme and
/// the current data: the link for social networks and the share sheet.
fn chart_page_link(locale: Locale, state: &ChartState) -> String {
    let options = EmbedOptions {
        theme: ThemeChoice::Auto,
        pinned: None,
    };
    embed_url(&site_base(), state, locale, &options)
}

#[component]
pub fn ShareMenu(
    /// The card's id in the catalog, for element ids.
    key: &'static str,
    /// The card's state as the reader has set it.
    state: Memo<ChartState>,
    /// The chart's title in both languages; `None` when the chart could not be made.
    titles: Signal<Option<Text>>,
    source: Arc<ChartSource>,
) -> impl IntoView {
    if in_embed() {
        return ().into_any();
    }
    let locale = use_route().locale;
    let status = RwSignal::new(None::<Msg>);
    // The link the clipboard refused, offered selected in a field to copy by hand.
    let manual = RwSignal::new(None::<String>);
    let manual_field = NodeRef::<html::Input>::new();
    let embed_button = NodeRef::<html::Button>::new();
    let dialog_open = RwSignal::new(false);

    Effect::new(move |_| {
        let link = manual.get();
        if let (Some(field), Some(link)) = (manual_field.get(), link) {
            // The value first: setting it after selecting would drop the selection.
            field.set_value(&link);
            let _ = field.focus();
            field.select();
        }
    });
    let copy = move |link: String| {
        // Cleared first, so copying twice says it twice.
        status.set(None);
        manual.set(None);
        let copying = copy_text(&link);
        leptos::task::spawn_local(async move {
            if copying.await {
                status.set(Some(Msg::ShareLinkCopied));
            } else {
                status.set(Some(Msg::ShareCopyFailed));
                manual.set(Some(link));
            }
        });
    };
    let title = move || {
        titles.with_untracked(|t| {
            t.as_ref()
                .map(|t| t.get(locale.get_untracked()).to_string())
                .unwrap_or_default()
        })
    };
    let close_dialog = Callback::new(move |()| {
        dialog_open.set(false);
        if let Some(button) = embed_button.try_get_untracked().flatten() {
            let _ = button.focus();
        }
    });
    // Built on opening from the card as it is then, and dropped on closing.
    let dialog = move || {
        if !dialog_open.get() {
            return None;
        }
        let state = state.get_untracked();
        let titles = titles.get_untracked()?;
        let version = data_version(&source.package.descriptor, needs(state.chart));
        Some(view! { <EmbedDialog key state titles version on_close=close_dialog/> })
    };

    let text = move |msg: Msg| move || msg.get(locale.get());
    let manual_id = format!("chart-{key}-link");
    view! {
        <div class="chart-share">
            <details class="chart-share__menu">
                <summary>{text(Msg::ShareMenu)}</summary>
                <div class="chart-share__panel">
                    <p class="chart-share__hint">{text(Msg::ShareLinksHint)}</p>
                    <div class="chart-share__actions">
                        <button type="button" data-share="link"
                            on:click=move |_| copy(portal_link(locale.get_untracked(), &state.get_untracked()))
                        >{text(Msg::ShareCopyLink)}</button>
                        <button type="button" data-share="page"
                            on:click=move |_| copy(chart_page_link(locale.get_untracked(), &state.get_untracked()))
                        >{text(Msg::ShareCopyPageLink)}</button>
                        {can_share().then(|| view! {
                            <button type="button" data-share="native" on:click=move |_| {
                                share(&title(), &chart_page_link(locale.get_untracked(), &state.get_untracked()));
                            }>{text(Msg::ShareNative)}</button>
                        })}
                        <button type="button" data-share="embed" node_ref=embed_button aria-haspopup="dialog"
                            hidden=move || titles.with(Option::is_none)
                            on:click=move |_| dialog_open.set(true)
                        >{text(Msg::ShareEmbed)}</button>
                    </div>
                    {move || manual.get().map(|link| view! {
                        <p class="chart-share__manual">
                            <label for=manual_id.clone()>{text(Msg::ShareLinkField)}</label>
                            <input id=manual_id.clone() type="text" readonly dir="ltr" spellcheck="false"
                                node_ref=manual_field prop:value=link/>
                        </p>
                    })}
                </div>
            </details>
            <p class="chart-share__status" role="status">
                {move || status.get().map(|msg| msg.get(locale.get()))}
            </p>
            {dialog}
        </div>
    }
    .into_any()
}
