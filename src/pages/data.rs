use crate::app::use_route;
use crate::components::status::{LoadFailed, Loading};
use crate::data;
use klaster_core::csv::csv_path;
use klaster_core::format::format_number;
use klaster_core::i18n::Msg;
use leptos::prelude::*;

#[component]
pub fn DataPage() -> impl IntoView {
    let locale = use_route().locale;
    let loaded = LocalResource::new(data::descriptor);
    view! {
        <article class="page">
            <h1>{move || Msg::DataTitle.get(locale.get())}</h1>
            <p class="lead">{move || Msg::DataLead.get(locale.get())}</p>
            <p><a href="data/datapackage.json" download="datapackage.json">"datapackage.json"</a></p>
            {move || match loaded.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(error)) => view! { <LoadFailed error on_retry=move |_| loaded.refetch()/> }.into_any(),
                Some(Ok(package)) => view! {
                    <ul class="resource-list">
                        {package.resources.iter().map(|resource| {
                            let resource = resource.clone();
                            let title = resource.title_text();
                            let cite_title = title.clone();
                            let version = package.version.clone();
                            let description = klaster_core::Text::new(resource.description_in(klaster_core::Locale::Az), resource.description_in(klaster_core::Locale::En));
                            let bytes = resource.bytes as f64;
                            let licence = resource.licenses.first().map(|l| (l.name.clone(), l.path.clone()));
                            view! {
                                <li class="resource">
                                    <h2>{move || title.get(locale.get()).to_string()}</h2>
                                    <p>{move || description.get(locale.get()).to_string()}</p>
                                    <dl class="resource__meta">
                                        <dt>{move || Msg::Size.get(locale.get())}</dt>
                                        <dd>{move || format!("{} {}", format_number(bytes, 0, locale.get()), Msg::Bytes.get(locale.get()))}</dd>
                                        <dt>{move || Msg::Hash.get(locale.get())}</dt>
                                        <dd><code class="hash">{resource.hash.trim_start_matches("sha256:").to_string()}</code></dd>
                                        {licence.map(|(name, path)| view! {
                                            <dt>{move || Msg::Licence.get(locale.get())}</dt>
                                            <dd><a href=path rel="license">{name}</a></dd>
                                        })}
                                    </dl>
                                    <p class="resource__links">
                                        <a href=format!("data/{}", resource.path) download=resource.path.clone()>
                                            {move || Msg::DownloadJson.get(locale.get())} " (" {resource.path.clone()} ")"
                                        </a>
                                        " · "
                                        <a href=format!("data/{}", csv_path(resource.name)) download=format!("{}.csv", resource.name.as_str())>
                                            {move || Msg::DownloadCsv.get(locale.get())}
                                        </a>
                                        " · "
                                        <a href=format!("data/{}", resource.json_schema)>
                                            {move || Msg::Schema.get(locale.get())} " (JSON Schema)"
                                        </a>
                                    </p>
                                    <p class="citation">
                                        <strong>{move || Msg::HowToCite.get(locale.get())} ": "</strong>
                                        {move || Msg::CitePackage.get(locale.get())} ", “" {move || cite_title.get(locale.get()).to_string()} "”, "
                                        {move || Msg::CiteVersion.get(locale.get())} " " {version.clone()} ", " {resource.hash.clone()} ". "
                                        {move || Msg::CiteAdvice.get(locale.get())}
                                    </p>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </article>
    }
}
