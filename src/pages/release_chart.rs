//! A chart's page as a frozen data release shows it
//! (`chart-<id>-<lang>-release-1-1-0.html`, pictures in `releases/1.1.0/charts/`): what an
//! embed pinned to that release shows. Rendered by every build from the release's
//! frozen files, with its own pictures, and left as the build wrote it (no live plot,
//! which would read newer data). The build knows the newest release, so the notice that
//! newer data exists, with its link, is plain HTML too: it needs no script.

use crate::chart::ChartCard;
use crate::context::use_site;
use klaster_core::charts::ChartId;
use klaster_core::embed::{chart_page_file, portal_url, ChartState};
use klaster_core::format::format_date;
use klaster_core::i18n::Msg;
use leptos::prelude::*;

#[component]
pub fn ReleaseChartPage(chart: ChartId) -> impl IntoView {
    let site = use_site();
    let locale = site.locale;
    let release = site.package.descriptor.releases.first().cloned();
    let latest = site
        .index
        .latest
        .clone()
        .filter(|latest| Some(&latest.version) != release.as_ref().map(|r| &r.version));
    let portal = portal_url(&site.link(""), locale, &ChartState::new(chart));
    let version = release
        .as_ref()
        .map(|r| r.version.clone())
        .unwrap_or_default();
    view! {
        <main id="main" class="embed" data-embed=chart.as_str() data-release=version.clone()>
            {latest.map(|latest| view! {
                <p class="status status--notice embed__pinned" data-newer-release=latest.version.clone()>
                    {Msg::PinnedNewer.fill(locale, &[("latest", &latest.version)])} " "
                    <a href=site.link(&chart_page_file(chart, locale)) target="_blank" rel="noopener">
                        {Msg::PinnedSeeLatest.get(locale)}
                    </a>
                </p>
            })}
            <ChartCard chart/>
            {release.map(|release| view! {
                <p class="embed__release">
                    <a href=site.link(&format!("data/releases/{}/datapackage.json", release.version)) target="_blank" rel="noopener">
                        {Msg::PinnedRelease.fill(locale, &[("version", &release.version), ("date", &format_date(release.date, locale))])}
                    </a>
                </p>
            })}
            <p class="embed__portal"><a href=portal target="_blank" rel="noopener">{Msg::EmbedOpenPortal.get(locale)}</a></p>
        </main>
    }
}
