//! The Embed dialog: the iframe snippet for a chart as the reader has set it, with the
//! language, theme, first view and data pin a journalist may choose (a warning when the
//! data changes, or the figures of this data release kept as they are), a live preview
//! in the same sandbox, and a copy button. It is mounted only while open, so no card loads
//! a preview (or carries the dialog's controls) until a reader asks for one.

use super::clipboard::copy_text;
use klaster_core::embed::{
    embed_url, release_embed_url, snippet, ChartState, EmbedOptions, ThemeChoice, View,
};
use klaster_core::i18n::Msg;
use klaster_core::{Locale, Text};
use leptos::html;
use leptos::prelude::*;

/// The snippet's sandbox, repeated on the preview so it shows what an article will.
const SANDBOX: &str = "allow-scripts allow-popups allow-popups-to-escape-sandbox";

/// The preview's height in CSS pixels: the chart and its words, scrolled beyond that.
const PREVIEW_HEIGHT: u32 = 500;

/// An option of one of the dialog's radio groups: its value in the form, and its words.
trait Choice: Copy + PartialEq + Send + Sync + 'static {
    fn tag(self) -> &'static str;
    fn words(self) -> Msg;
}

impl Choice for Locale {
    fn tag(self) -> &'static str {
        Locale::tag(self)
    }
    fn words(self) -> Msg {
        match self {
            Locale::Az => Msg::EmbedDialogLanguageAz,
            Locale::En => Msg::EmbedDialogLanguageEn,
        }
    }
}

impl Choice for ThemeChoice {
    fn tag(self) -> &'static str {
        self.as_str()
    }
    fn words(self) -> Msg {
        match self {
            ThemeChoice::Auto => Msg::EmbedDialogThemeAuto,
            ThemeChoice::Light => Msg::EmbedDialogThemeLight,
            ThemeChoice::Dark => Msg::EmbedDialogThemeDark,
        }
    }
}

impl Choice for View {
    fn tag(self) -> &'static str {
        match self {
            View::Chart => "chart",
            View::Table => "table",
        }
    }
    fn words(self) -> Msg {
        match self {
            View::Chart => Msg::ChartViewChart,
            View::Table => Msg::ChartViewTable,
        }
    }
}

/// A radio group under `legend`: one button per option, the checked one in `chosen`.
fn choice<T: Choice>(
    legend: Msg,
    name: String,
    options: &[T],
    chosen: RwSignal<T>,
    locale: Locale,
) -> impl IntoView {
    let buttons = options
        .iter()
        .map(|&option| {
            view! {
                <label>
                    <input type="radio" name=name.clone() value=option.tag()
                        prop:checked=move || chosen.get() == option
                        on:change=move |_| chosen.set(option)/>
                    {option.words().get(locale)}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset>
            <legend>{legend.get(locale)}</legend>
            {buttons}
        </fieldset>
    }
}

#[component]
pub fn EmbedDialog(
    /// The card's id in the catalog, for element ids.
    key: &'static str,
    /// The page's language, which the dialog speaks and the snippet starts in.
    locale: Locale,
    /// The site's root as an absolute URL: where the chart pages and `embed.js` are.
    base: String,
    /// The card's state when the dialog opened: its metric and hidden series.
    state: ChartState,
    /// The chart's title in both languages: the iframe's title in the chosen one.
    titles: Text,
    /// The version of the data the chart reads, for the pin.
    version: String,
    /// The data release the page shows: an embed can keep that release's figures.
    release: String,
    /// Called once the dialog has closed (Close or Esc).
    on_close: Callback<()>,
) -> impl IntoView {
    let language = RwSignal::new(locale);
    let theme = RwSignal::new(ThemeChoice::Auto);
    let first_view = RwSignal::new(state.view);
    let pinned = RwSignal::new(true);
    let keep_release = RwSignal::new(false);
    let release_label = Msg::EmbedDialogRelease.fill(locale, &[("version", &release)]);
    let status = RwSignal::new(None::<Msg>);
    let base = StoredValue::new(base);

    let src = Memo::new(move |_| {
        let state = ChartState {
            view: first_view.get(),
            ..state.clone()
        };
        if keep_release.get() {
            return release_embed_url(
                &base.read_value(),
                &state,
                language.get(),
                theme.get(),
                &release,
            );
        }
        let options = EmbedOptions {
            theme: theme.get(),
            pinned: pinned.get().then(|| version.clone()),
        };
        embed_url(&base.read_value(), &state, language.get(), &options)
    });
    let frame_title = Memo::new(move |_| titles.get(language.get()).to_string());
    let code = Memo::new(move |_| {
        let resizer = format!("{}embed.js", base.read_value());
        snippet(&src.get(), &frame_title.get(), &resizer)
    });

    // Opened as a modal once in the document: the browser moves focus in, keeps it
    // there, and closes on Esc.
    let dialog = NodeRef::<html::Dialog>::new();
    Effect::new(move |_| {
        if let Some(dialog) = dialog.get() {
            if !dialog.open() {
                if let Err(problem) = dialog.show_modal() {
                    leptos::logging::error!("embed dialog: {problem:?}");
                }
            }
        }
    });
    let close = move |_| {
        if let Some(dialog) = dialog.get_untracked() {
            dialog.close();
        }
    };

    let code_field = NodeRef::<html::Textarea>::new();
    // Also called after an await, when the dialog may have closed: `try_`, not a panic.
    let select_code = move || {
        if let Some(field) = code_field.try_get_untracked().flatten() {
            let _ = field.focus();
            field.select();
        }
    };
    let copy = move |_| {
        status.set(None);
        let copying = copy_text(&code.get_untracked());
        leptos::task::spawn_local(async move {
            if copying.await {
                status.set(Some(Msg::EmbedDialogCopied));
            } else {
                select_code();
                status.set(Some(Msg::EmbedDialogCopyFailed));
            }
        });
    };

    let id = |part: &str| format!("embed-{key}-{part}");
    let text = move |msg: Msg| msg.get(locale);
    view! {
        <dialog class="embed-dialog" node_ref=dialog aria-labelledby=id("title")
            on:close=move |_| on_close.run(())>
            <div class="embed-dialog__head">
                <h2 id=id("title")>{text(Msg::EmbedDialogTitle)}</h2>
                <button type="button" class="embed-dialog__close" on:click=close>
                    {text(Msg::EmbedDialogClose)}
                </button>
            </div>
            <p class="embed-dialog__intro">{text(Msg::EmbedDialogIntro)}</p>
            <div class="embed-dialog__choices">
                {choice(Msg::EmbedDialogLanguage, id("language"), &Locale::ALL, language, locale)}
                {choice(Msg::EmbedDialogTheme, id("theme"), &ThemeChoice::ALL, theme, locale)}
                {choice(Msg::EmbedDialogView, id("view"), &[View::Chart, View::Table], first_view, locale)}
            </div>
            <p class="embed-dialog__pin">
                <label>
                    <input type="checkbox" aria-describedby=id("pin-help")
                        prop:checked=move || pinned.get() || keep_release.get()
                        prop:disabled=move || keep_release.get()
                        on:change=move |event| pinned.set(event_target_checked(&event))/>
                    {text(Msg::EmbedDialogPin)}
                </label>
            </p>
            <p class="embed-dialog__hint" id=id("pin-help")>{text(Msg::EmbedDialogPinHelp)}</p>
            <p class="embed-dialog__pin">
                <label>
                    <input type="checkbox" aria-describedby=id("release-help") data-keep-release=""
                        prop:checked=move || keep_release.get()
                        on:change=move |event| keep_release.set(event_target_checked(&event))/>
                    {release_label}
                </label>
            </p>
            <p class="embed-dialog__hint" id=id("release-help")>{text(Msg::EmbedDialogReleaseHelp)}</p>
            <label class="embed-dialog__label" for=id("code")>{text(Msg::EmbedDialogCode)}</label>
            <textarea class="embed-dialog__code" id=id("code") node_ref=code_field readonly rows="6"
                dir="ltr" spellcheck="false" prop:value=move || code.get()
                on:focus=move |_| select_code()></textarea>
            <div class="embed-dialog__copy">
                <button type="button" on:click=copy>{text(Msg::EmbedDialogCopy)}</button>
                <p class="embed-dialog__status" role="status">
                    {move || status.get().map(|msg| msg.get(locale))}
                </p>
            </div>
            <h3 class="embed-dialog__preview-title">{text(Msg::EmbedDialogPreview)}</h3>
            // The sandbox comes before the address, so the frame never loads without it.
            <iframe class="embed-dialog__preview" sandbox=SANDBOX src=move || src.get()
                title=move || frame_title.get() width="100%" height=PREVIEW_HEIGHT.to_string()></iframe>
        </dialog>
    }
}
