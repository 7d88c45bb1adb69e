//! One file per page. Each renders once per language, ahead of time, from the validated
//! package in [`crate::context::Site`]; [`page_body`] picks the page for a document.

pub mod about;
pub mod azerbaijan;
pub mod chart_page;
pub mod climate;
pub mod data;
pub mod figure;
pub mod figures;
pub mod home;
pub mod initiative;
pub mod landing;
pub mod nextgen;
pub mod not_found;
pub mod release_chart;
pub mod sources;

use crate::context::Document;
use crate::shell::Shell;
use klaster_core::route::Page;
use leptos::prelude::*;

/// A whole `<body>`: the portal's shell around a page, or a document of its own.
pub fn document_body(document: &Document) -> AnyView {
    match document {
        Document::Portal(page) => {
            let page = page.clone();
            view! { <Shell>{page_body(&page)}</Shell> }.into_any()
        }
        Document::NotFound => view! { <Shell>{not_found::NotFoundPage()}</Shell> }.into_any(),
        Document::Chart(chart) => {
            chart_page::ChartPage(chart_page::ChartPageProps { chart: *chart }).into_any()
        }
        Document::Figure(id) => {
            let id = id.clone();
            view! { <Shell><figure::FigurePage id/></Shell> }.into_any()
        }
        Document::ReleaseChart(chart, _) => {
            release_chart::ReleaseChartPage(release_chart::ReleaseChartPageProps { chart: *chart })
                .into_any()
        }
        Document::Landing => landing::LandingPage().into_any(),
    }
}

/// The content of a portal page, inside the shell's `main`.
pub fn page_body(page: &Page) -> AnyView {
    match page {
        Page::Home => home::HomePage().into_any(),
        Page::Initiative => initiative::InitiativePage().into_any(),
        Page::Azerbaijan => azerbaijan::AzerbaijanPage().into_any(),
        Page::Nextgen => nextgen::NextgenPage().into_any(),
        Page::Climate => climate::ClimatePage().into_any(),
        Page::Data => data::DataPage().into_any(),
        Page::Sources => sources::SourcesPage().into_any(),
        Page::About => about::AboutPage().into_any(),
        Page::Figures => figures::FiguresPage().into_any(),
        Page::NotFound(_) => not_found::NotFoundPage().into_any(),
    }
}

/// The chart cards the core's catalog places in a section of a page, in catalog order:
/// a page places this once per section with charts, and a new chart for that section
/// is a row of the catalog only.
#[component]
pub fn ChartCards(section: crate::components::on_this_page::SectionRef) -> impl IntoView {
    klaster_core::charts::cards_in(section.0)
        .map(|chart| view! { <crate::chart::ChartCard chart/> })
        .collect_view()
}
