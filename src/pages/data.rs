//! The open data: every resource of the package with its description, size, hash,
//! licence, schema and downloads, and how to cite it; then every release with its
//! changelog and the feed that follows them.

use crate::components::releases::ReleaseList;
use crate::context::use_site;
use klaster_core::csv::csv_path;
use klaster_core::format::format_number;
use klaster_core::i18n::Msg;
use leptos::prelude::*;

#[component]
pub fn DataPage() -> impl IntoView {
    let site = use_site();
    let locale = site.locale;
    let descriptor = &site.package.descriptor;
    let resources = descriptor
        .resources
        .iter()
        .map(|resource| {
            let title = resource.title_in(locale).to_string();
            let licence = resource.licenses.first().cloned();
            view! {
                <li class="resource" id=format!("resource-{}", resource.name.as_str())>
                    <h2>{title.clone()}</h2>
                    <p>{resource.description_in(locale).to_string()}</p>
                    <dl class="resource__meta">
                        <dt>{Msg::Size.get(locale)}</dt>
                        <dd>{format!("{} {}", format_number(resource.bytes as f64, 0, locale), Msg::Bytes.get(locale))}</dd>
                        <dt>{Msg::Hash.get(locale)}</dt>
                        <dd><code class="hash">{resource.hash.trim_start_matches("sha256:").to_string()}</code></dd>
                        {licence.map(|licence| view! {
                            <dt>{Msg::Licence.get(locale)}</dt>
                            <dd><a href=licence.path rel="license">{licence.name}</a></dd>
                        })}
                    </dl>
                    <p class="resource__links">
                        <a href=site.link(&format!("data/{}", resource.path)) download=resource.path.clone()>
                            {Msg::DownloadJson.get(locale)} " (" {resource.path.clone()} ")"
                        </a>
                        " · "
                        <a href=site.link(&format!("data/{}", csv_path(resource.name))) download=format!("{}.csv", resource.name.as_str())>
                            {Msg::DownloadCsv.get(locale)}
                        </a>
                        " · "
                        <a href=site.link(&format!("data/{}", resource.json_schema))>
                            {Msg::Schema.get(locale)} " (JSON Schema)"
                        </a>
                    </p>
                    <p class="citation">
                        <strong>{Msg::HowToCite.get(locale)} ": "</strong>
                        {Msg::CitePackage.get(locale)} ", “" {title} "”, "
                        {Msg::CiteVersion.get(locale)} " " {descriptor.version.clone()} ", " {resource.hash.clone()} ". "
                        {Msg::CiteAdvice.get(locale)}
                    </p>
                </li>
            }
        })
        .collect_view();
    view! {
        <article class="page">
            <h1>{Msg::DataTitle.get(locale)}</h1>
            <p class="lead">{Msg::DataLead.get(locale)}</p>
            <p class="link-line"><a href=site.link("data/datapackage.json") download="datapackage.json">"datapackage.json"</a></p>
            <ul class="resource-list">{resources}</ul>
            <ReleaseList/>
        </article>
    }
}
