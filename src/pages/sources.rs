use crate::app::use_route;
use crate::components::status::{IntegrityWarning, LoadFailed, Loading};
use crate::data;
use klaster_core::format::format_date;
use klaster_core::i18n::{confidence_help, confidence_label, Msg};
use klaster_core::package::ResourceName;
use klaster_core::resources::Source;
use klaster_core::Confidence;
use leptos::prelude::*;

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
                <dl class="confidence-scale">
                    {Confidence::ALL.into_iter().map(|confidence| view! {
                        <dt><span class="badge" data-confidence=format!("{confidence:?}").to_lowercase()>
                            {move || confidence_label(confidence).get(locale.get())}
                        </span></dt>
                        <dd>{move || confidence_help(confidence).get(locale.get())}</dd>
                    }).collect_view()}
                </dl>
            </section>
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
                                            <a href=source.url.clone() rel="noopener noreferrer" target="_blank" hreflang=source.language.clone()>
                                                {source.title.clone()}
                                            </a>
                                            <span class="source-list__meta">
                                                {source.publisher.clone()} " · "
                                                {move || Msg::Published.get(locale.get())} ": "
                                                {move || published.map(|date| format_date(date, locale.get())).unwrap_or_else(|| Msg::Undated.get(locale.get()).to_string())} " · "
                                                {move || Msg::Language.get(locale.get())} ": " {source.language.clone()}
                                            </span>
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
