//! A chart's own page (`chart-<id>-<lang>.html`): the card alone, for an iframe in
//! someone else's article or a shared link. Its first view is HTML and the picture the
//! build drew; the card's code loads only when a reader engages with it. The boot script
//! tells the article the embed's height, applies the theme and open table an embed's
//! address asks for, and shows the notice when the embed was pinned to older data.

use crate::chart::ChartCard;
use crate::context::use_site;
use klaster_core::charts::ChartId;
use klaster_core::embed::{data_version, portal_url, ChartState};
use klaster_core::i18n::Msg;
use klaster_core::release::review_line;
use leptos::prelude::*;

#[component]
pub fn ChartPage(chart: ChartId) -> impl IntoView {
    let site = use_site();
    let locale = site.locale;
    let version = data_version(&site.package.descriptor, chart.entry().needs);
    // The files the chart reads, which are all the data the embed ever fetches.
    let needs = chart
        .entry()
        .needs
        .iter()
        .map(|name| name.file_name())
        .collect::<Vec<_>>()
        .join(" ");
    let portal = portal_url(&site.absolute(""), locale, &ChartState::new(chart));
    view! {
        <main id="main" class="embed" data-embed=chart.as_str() data-version=version data-needs=needs>
            <p class="status status--notice embed__pinned" data-pinned-notice="" role="status" hidden>
                {Msg::EmbedDataUpdated.get(locale)} " "
                <a href=portal.clone() target="_blank" rel="noopener">{Msg::EmbedSeeCurrent.get(locale)}</a>
            </p>
            <ChartCard chart/>
            <p class="embed__portal"><a href=portal target="_blank" rel="noopener">{Msg::EmbedOpenPortal.get(locale)}</a></p>
            <p class="embed__review review-line" data-review-line="">{review_line(&site.package.descriptor, locale)}</p>
        </main>
    }
}
