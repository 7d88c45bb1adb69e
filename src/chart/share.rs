//! The share menu under a chart card on the portal: copy the link to the card as the
//! reader has set it, copy the chart's own page (it unfurls with the chart's image on
//! social networks), the browser's share sheet where there is one, and the Embed
//! dialog. With no script the menu still opens and offers both links to follow or copy
//! by hand; the buttons appear once the card's code runs. An embed shows none of it.

use super::clipboard::{can_share, copy_text, share};
use super::embed_dialog::EmbedDialog;
use super::island::CardProps;
use super::state::{site_base, CardState};
use klaster_core::embed::{
    chart_page_file, embed_url, permalink, ChartState, EmbedOptions, ThemeChoice,
};
use klaster_core::i18n::Msg;
use klaster_core::Locale;
use leptos::html;
use leptos::prelude::*;

/// The chart's own page for `state`, in `locale`, following the reader's theme and the
/// current data: the link for social networks and the share sheet.
fn chart_page_link(base: &str, locale: Locale, state: &ChartState) -> String {
    let options = EmbedOptions {
        theme: ThemeChoice::Auto,
        pinned: None,
    };
    embed_url(base, state, locale, &options)
}

#[component]
pub fn ShareMenu(props: CardProps, state: CardState) -> impl IntoView {
    let locale = props.locale;
    let card = props.card;
    let key = card.as_str();
    let status = RwSignal::new(None::<Msg>);
    // The link the clipboard refused, offered selected in a field to copy by hand.
    let manual = RwSignal::new(None::<String>);
    let manual_field = NodeRef::<html::Input>::new();
    let embed_button = NodeRef::<html::Button>::new();
    let dialog_open = RwSignal::new(false);
    // The buttons need the card's code; until it runs, the links below serve.
    let awake = RwSignal::new(false);
    let native = RwSignal::new(false);
    Effect::new(move |_| {
        awake.set(true);
        native.set(can_share());
    });

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
    let root = StoredValue::new(props.root.clone());
    let base = move || site_base(&root.get_value());
    let portal_link = move || format!("{}{}", base(), permalink(locale, &state.snapshot()));
    let page_link = move || chart_page_link(&base(), locale, &state.snapshot());
    let close_dialog = Callback::new(move |()| {
        dialog_open.set(false);
        if let Some(button) = embed_button.try_get_untracked().flatten() {
            let _ = button.focus();
        }
    });
    let version = props.version.clone();
    let titles = state.titles;
    // Built on opening from the card as it is then, and dropped on closing.
    let dialog = move || {
        if !dialog_open.get() {
            return None;
        }
        let state = untrack(|| state.snapshot());
        Some(view! {
            <EmbedDialog key locale base=base() state titles=titles.get_untracked()
                version=version.clone() on_close=close_dialog/>
        })
    };
    // Relative links for the static menu: a reader with no script follows or copies them.
    let static_portal = format!(
        "{}{}",
        props.root,
        permalink(locale, &ChartState::new(card))
    );
    let static_page = format!("{}{}", props.root, chart_page_file(card, locale));
    let manual_id = format!("chart-{key}-link");
    let title = move || titles.with(|t| t.get(locale).to_string());
    view! {
        <div class="chart-share">
            <details class="chart-share__menu">
                <summary>{Msg::ShareMenu.get(locale)}</summary>
                <div class="chart-share__panel">
                    <p class="chart-share__hint">{Msg::ShareLinksHint.get(locale)}</p>
                    <ul class="chart-share__links">
                        <li><a href=static_portal>{Msg::ShareLinkToCard.get(locale)}</a></li>
                        <li><a href=static_page>{Msg::ShareLinkToPage.get(locale)}</a></li>
                    </ul>
                    <div class="chart-share__actions" hidden=move || !awake.get()>
                        <button type="button" data-share="link" on:click=move |_| copy(portal_link())>
                            {Msg::ShareCopyLink.get(locale)}
                        </button>
                        <button type="button" data-share="page" on:click=move |_| copy(page_link())>
                            {Msg::ShareCopyPageLink.get(locale)}
                        </button>
                        <button type="button" data-share="native" hidden=move || !native.get()
                            on:click=move |_| share(&title(), &page_link())>
                            {Msg::ShareNative.get(locale)}
                        </button>
                        <button type="button" data-share="embed" node_ref=embed_button aria-haspopup="dialog"
                            on:click=move |_| dialog_open.set(true)>
                            {Msg::ShareEmbed.get(locale)}
                        </button>
                    </div>
                    {move || manual.get().map(|link| view! {
                        <p class="chart-share__manual">
                            <label for=manual_id.clone()>{Msg::ShareLinkField.get(locale)}</label>
                            <input id=manual_id.clone() type="text" readonly dir="ltr" spellcheck="false"
                                node_ref=manual_field prop:value=link/>
                        </p>
                    })}
                </div>
            </details>
            <p class="chart-share__status" role="status">
                {move || status.get().map(|msg| msg.get(locale))}
            </p>
            {dialog}
        </div>
    }
}
