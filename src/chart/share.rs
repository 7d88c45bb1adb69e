//! The share menu under a chart card on the portal: copy the link to the card as the
//! reader has set it, copy the chart's own page (it unfurls with the chart's image on
//! social networks), the browser's share sheet where there is one, and the Embed
//! dialog. With no script the menu still opens and offers both links to follow or copy
//! by hand; the buttons appear once its code runs. An island of its own: it learns the
//! card's state from the address, where the card's live plot keeps it. An embed shows
//! none of it.

use super::clipboard::{can_share, copy_text, share};
use super::embed_dialog::EmbedDialog;
use super::state::{current_state, site_base};
use klaster_core::charts::ChartId;
use klaster_core::embed::{
    chart_page_file, embed_url, permalink, ChartState, EmbedOptions, ThemeChoice,
};
use klaster_core::i18n::Msg;
use klaster_core::{Locale, Text};
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

/// The share menu of the card whose chart is `card`. Its state (the park metric, hidden
/// series, the table open) is the one the card's live plot keeps in the address; `titles`
/// names each chart of the card in both languages (id, az, en).
#[island]
pub fn ShareIsland(
    card: String,
    lang: String,
    root: String,
    version: String,
    /// The data release the page shows, which the Embed dialog can pin a chart to.
    release: String,
    titles: Vec<(String, String, String)>,
) -> impl IntoView {
    // The build wrote these; anything else leaves the menu's links as they are.
    let Some((card, locale)) = ChartId::parse(&card).zip(Locale::from_tag(&lang)) else {
        return ().into_any();
    };
    let key = card.as_str();
    let titles: Vec<(ChartId, Text)> = titles
        .into_iter()
        .filter_map(|(id, az, en)| Some((ChartId::parse(&id)?, Text::new(az, en))))
        .collect();
    let title_of = move |chart: ChartId| {
        titles
            .iter()
            .find(|(id, _)| *id == chart)
            .or(titles.first())
            .map(|(_, text)| text.clone())
            .unwrap_or_else(|| Text::new(key, key))
    };
    let state = move || current_state(card, false);
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
    let root = StoredValue::new(root);
    let base = move || site_base(&root.get_value());
    let portal_link = move || format!("{}{}", base(), permalink(locale, &state()));
    let page_link = move || chart_page_link(&base(), locale, &state());
    let close_dialog = Callback::new(move |()| {
        dialog_open.set(false);
        if let Some(button) = embed_button.try_get_untracked().flatten() {
            let _ = button.focus();
        }
    });
    let title_of = StoredValue::new(title_of);
    // Built on opening from the card as it is then, and dropped on closing.
    let dialog = move || {
        if !dialog_open.get() {
            return None;
        }
        let state = state();
        let titles = title_of.with_value(|title_of| title_of(state.chart));
        Some(view! {
            <EmbedDialog key locale base=base() state titles
                version=version.clone() release=release.clone() on_close=close_dialog/>
        })
    };
    // Relative links for the static menu: a reader with no script follows or copies them.
    let static_portal = format!(
        "{}{}",
        root.get_value(),
        permalink(locale, &ChartState::new(card))
    );
    let static_page = format!("{}{}", root.get_value(), chart_page_file(card, locale));
    let manual_id = format!("chart-{key}-link");
    let title =
        move || title_of.with_value(|title_of| title_of(state().chart).get(locale).to_string());
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
    .into_any()
}
