use crate::app::use_route;
use crate::components::confidence_scale::ConfidenceScale;
use crate::components::figure::SourcedValue;
use crate::components::status::{IntegrityWarning, LoadFailed, Loading};
use crate::data::{self, LoadError};
use klaster_core::figure::conflict_pairs;
use klaster_core::format::format_date;
use klaster_core::i18n::Msg;
use klaster_core::link::web_address;
use klaster_core::package::ResourceName;
use klaster_core::resources::Source;
use klaster_core::resources::{ClimateContext, IndustrialPark, Milestone, NextGenCluster};
use klaster_core::Figure;
use leptos::prelude::*;
use std::rc::Rc;

#[component]
pub fn SourcesPage() -> impl IntoView {
    let locale = use_route().locale;
    let loaded = LocalResource::new(|| data::resource::<Vec<Source>>(ResourceName::Sources));
    view! {
        <article class="page">
            <h1>{move || Msg::SourcesTitle.get(locale.get())}</h1>
            <p class="lead">{move || Msg::SourcesLead.get(locale.get())}</p>
            <section aria-labelledby="confidence-scale">
                <h2 id="confidence-scale">{move || Msg::ConfidenceScale.get(locale.get())}</h2>
                <ConfidenceScale/>
            </section>
            <Discrepancies/>
            <section aria-labelledby="source-list">
                <h2 id="source-list">{move || Msg::Sources.get(locale.get())}</h2>
                {move || match loaded.get() {
                    None => view! { <Loading/> }.into_any(),
                    Some(Err(error)) => view! { <LoadFailed error on_retry=move |_| loaded.refetch()/> }.into_any(),
                    Some(Ok(sources)) => {
                        let mut list: Vec<Source> = sources.value.as_ref().clone();
                        list.sort_by(|a, b| b.published.cmp(&a.published).then_with(|| a.title.cmp(&b.title)));
                        view! {
                            <IntegrityWarning verified=sources.verified/>
                            <ol class="source-list">
                                {list.into_iter().map(|source| {
                                    let published = source.published;
                                    view! {
                                        <li id=format!("source-{}", source.id)>
                                            <a href=web_address(&source.url).map(str::to_string) rel="noopener noreferrer" target="_blank" hreflang=source.language.clone()>
                                                {source.title.clone()}
                                            </a>
                                            <span class="source-list__meta">
                                                {source.publisher.clone()} " · "
                                                {move || Msg::Published.get(locale.get())} ": "
                                                {move || published.map(|date| format_date(date, locale.get())).unwrap_or_else(|| Msg::Undated.get(locale.get()).to_string())} " · "
                                                {move || Msg::Language.get(locale.get())} ": " {source.language.clone()}
                                            </span>
                                            {source.note.clone().map(|note| view! {
                                                <span class="source-list__note">{move || note.get(locale.get()).to_string()}</span>
                                            })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ol>
                        }.into_any()
                    }
                }}
            </section>
        </article>
    }
}

/// Every figure of the package that carries numbers, without its resource-specific metric.
async fn all_figures() -> Result<(Vec<Figure<()>>, Rc<Vec<Source>>), LoadError> {
    let milestones = data::resource::<Vec<Milestone>>(ResourceName::Milestones).await?;
    let nextgen = data::resource::<NextGenCluster>(ResourceName::Nextgen).await?;
    let park = data::resource::<IndustrialPark>(ResourceName::Park).await?;
    let climate = data::resource::<ClimateContext>(ResourceName::Climate).await?;
    let sources = data::resource::<Vec<Source>>(ResourceName::Sources).await?;
    let figures = milestones
        .value
        .iter()
        .flat_map(|m| m.figures.iter().map(Figure::erased))
        .chain(
            nextgen
                .value
                .partners
                .iter()
                .flat_map(|p| p.figures.iter().map(Figure::erased)),
        )
        .chain(park.value.figures.iter().map(Figure::erased))
        .chain(climate.value.figures.iter().map(Figure::erased))
        .chain(climate.value.targets.iter().map(|t| t.figure.erased()))
        .collect();
    Ok((figures, sources.value))
}

/// How the portal treats conflicting figures and changed definitions, with the pairs
/// of figures that disagree side by side.
#[component]
fn Discrepancies() -> impl IntoView {
    let locale = use_route().locale;
    let loaded = LocalResource::new(all_figures);
    view! {
        <section aria-labelledby="discrepancies">
            <h2 id="discrepancies">{move || Msg::DiscrepanciesTitle.get(locale.get())}</h2>
            <p>{move || Msg::DiscrepanciesLead.get(locale.get())}</p>
            <ul>
                <li>{move || Msg::DiscrepancyCo2.get(locale.get())}</li>
                <li>{move || Msg::DiscrepancyInvestment.get(locale.get())}</li>
                <li>{move || Msg::DiscrepancyUnverified.get(locale.get())}</li>
                <li>{move || Msg::DiscrepancyDerived.get(locale.get())}</li>
            </ul>
            <h3>{move || Msg::ConflictingFigures.get(locale.get())}</h3>
            {move || match loaded.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(error)) => view! { <LoadFailed error on_retry=move |_| loaded.refetch()/> }.into_any(),
                Some(Ok((figures, sources))) => conflict_pairs(&figures)
                    .into_iter()
                    .map(|(first, second)| view! {
                        <div class="conflict-pair">
                            <SourcedValue figure=first sources=sources.clone()/>
                            <SourcedValue figure=second sources=sources.clone()/>
                        </div>
                    })
                    .collect_view()
                    .into_any(),
            }}
        </section>
    }
}
