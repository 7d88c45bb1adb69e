//! The embed view: one chart card without the site's chrome, for an iframe in someone
//! else's article or a shared link. The published chart page (`chart-<id>-<lang>.html`,
//! written by `klaster-publish pages`) names its chart and language on `<html>`; the
//! address adds the card's state, the theme and the data version the embed was made with.
//!
//! The page's static chart (image and table) stays until the card has its data, so the
//! reader never looks at an empty box; then the card takes its place and the embed tells
//! the article its height (`embed.js` on the article resizes the iframe).

use crate::app::CurrentRoute;
use crate::components::chart::load::{chart_source, needs};
use crate::components::chart::ChartCard;
use crate::components::theme;
use crate::data;
use klaster_core::charts::ChartId;
use klaster_core::embed::{
    data_version, height_message, page_of, parse_parent_message, portal_url, ChartState,
    EmbedOptions, ParentMessage, ThemeChoice,
};
use klaster_core::i18n::Msg;
use klaster_core::Locale;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// What the chart page's `<html>` says: which chart, in which language.
#[derive(Debug, Clone, Copy)]
pub struct EmbedPage {
    pub chart: ChartId,
    pub locale: Locale,
}

/// `Some` on a published chart page, `None` on the portal.
pub fn embed_page() -> Option<EmbedPage> {
    let root = document().document_element()?;
    let chart = ChartId::parse(&root.get_attribute("data-embed")?)?;
    let locale = root
        .get_attribute("lang")
        .and_then(|tag| Locale::from_tag(&tag))
        .unwrap_or(Locale::En);
    Some(EmbedPage { chart, locale })
}

fn search() -> String {
    window().location().search().unwrap_or_default()
}

/// The journalist's theme, or the reader's system setting. Sandboxed embeds have no
/// storage, so nothing is remembered.
fn apply_theme(choice: ThemeChoice) {
    theme::apply(match choice {
        ThemeChoice::Dark => true,
        ThemeChoice::Light => false,
        ThemeChoice::Auto => theme::system_prefers_dark(),
    });
}

/// The window of the page around the embed, when there is one.
fn parent_window() -> Option<web_sys::Window> {
    let parent = window().parent().ok()??;
    (JsValue::from(&parent) != JsValue::from(window())).then_some(parent)
}

/// Tells the article how tall the embed is. `*` as target: the article's origin is not
/// known in advance, and the height is no secret.
fn report_height(chart: ChartId, element: &web_sys::HtmlElement) {
    let Some(parent) = parent_window() else {
        return;
    };
    let height = element.get_bounding_client_rect().height().ceil();
    // Heights are whole CSS pixels, well inside u32; the core clamps them further.
    let height = height.clamp(0.0, f64::from(u32::MAX)) as u32;
    let _ = parent.post_message(&JsValue::from_str(&height_message(chart, height)), "*");
}

/// Reports the height now, on every change of size, and whenever the article asks.
fn keep_parent_informed(chart: ChartId, element: web_sys::HtmlElement) {
    if parent_window().is_none() {
        return;
    }
    report_height(chart, &element);
    let observed = element.clone();
    let on_resize = Closure::<dyn FnMut()>::new(move || report_height(chart, &observed));
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&element);
        // The embed lives as long as its page: the observer is never disconnected.
        std::mem::forget(observer);
    }
    on_resize.forget();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            // Only the page around us, only a message we know.
            let from_parent = match (event.source(), parent_window()) {
                (Some(source), Some(parent)) => JsValue::from(source) == JsValue::from(parent),
                _ => false,
            };
            let message = event
                .data()
                .as_string()
                .and_then(|text| parse_parent_message(&text));
            if from_parent && message == Some(ParentMessage::RequestHeight) {
                report_height(chart, &element);
            }
        });
    let _ =
        window().add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
}

#[component]
pub fn EmbedApp(page: EmbedPage) -> impl IntoView {
    let EmbedPage { chart, locale } = page;
    let locale = Memo::new(move |_| locale);
    provide_context(CurrentRoute {
        locale,
        page: Memo::new(move |_| page_of(chart)),
    });
    let options = EmbedOptions::from_query(&search());
    apply_theme(options.theme);

    // The card fetches the same files through the shared cache, so this costs nothing extra.
    let ready = LocalResource::new(move || async move { chart_source(chart).await.is_ok() });
    let current_version = LocalResource::new(move || async move {
        let descriptor = data::descriptor().await.ok()?;
        Some(data_version(&descriptor, needs(chart)))
    });
    let wrapper = NodeRef::<html::Main>::new();
    // Shown only once the static chart is gone, in the same task: the card then takes
    // the static chart's place instead of appearing below it and moving up (a layout
    // shift of the whole embed).
    let shown = RwSignal::new(false);
    let informing = StoredValue::new(false);
    Effect::new(move |_| {
        // Until the data is there the static chart is the better view; an error shows
        // the card's own panel with the static chart kept above it.
        let Some(loaded) = ready.get() else { return };
        let document = document();
        if loaded {
            if let Some(fallback) = document.get_element_by_id("static-fallback") {
                fallback.remove();
            }
        }
        shown.set(true);
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("data-app-ready", "true");
        }
        if let Some(wrapper) = wrapper.get() {
            if !informing.get_value() {
                informing.set_value(true);
                keep_parent_informed(chart, wrapper);
            }
        }
    });

    let portal = move || {
        let state = ChartState::from_query(chart, &search());
        portal_url("", locale.get(), &state)
    };
    let updated = move || {
        let pinned = options.pinned.clone()?;
        let current = current_version.get().flatten()?;
        (pinned != current).then(|| {
            let locale = locale.get();
            view! {
                <p class="status embed__updated" role="status">
                    {Msg::EmbedDataUpdated.get(locale)} " "
                    <a href=portal() target="_blank" rel="noopener">{Msg::EmbedSeeCurrent.get(locale)}</a>
                </p>
            }
        })
    };
    view! {
        <main class="embed" node_ref=wrapper hidden=move || !shown.get()>
            {updated}
            <ChartCard chart/>
            <p class="embed__portal">
                // The card keeps its state in the address; the link follows it when used.
                <a href=portal target="_blank" rel="noopener" on:click=move |event| {
                    if let Some(link) = event.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                        let _ = link.set_attribute("href", &portal());
                    }
                }>
                    {move || Msg::EmbedOpenPortal.get(locale.get())}
                </a>
            </p>
        </main>
    }
}
