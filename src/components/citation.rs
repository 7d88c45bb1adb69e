//! A figure's citations, ready to copy: a sentence in the page's language, BibTeX and
//! CSL-JSON, from `klaster_core::cite`, each naming the figure's release. The text is in
//! the page, so it can be selected and copied with no script; `figures.js` adds the copy
//! buttons and the day the reader looked.

use crate::context::use_site;
use klaster_core::cite::Citation;
use klaster_core::finder::ListedFigure;
use klaster_core::format::format_date;
use klaster_core::i18n::Msg;
use klaster_core::queries::cited_sources;
use klaster_core::route::Route;
use klaster_core::PartialDate;
use leptos::prelude::*;

#[component]
pub fn Citations(listed: ListedFigure) -> impl IntoView {
    let site = use_site();
    let locale = site.locale;
    let release = site.index.latest.clone();
    let url = site.absolute(&Route::figure_href(locale, &listed.figure.id));
    release.map(|release| {
        let citation = Citation {
            figure: &listed.figure,
            sources: cited_sources(site.sources(), &listed.figure.sources),
            release: &release,
            url: url.clone(),
            accessed: None,
        };
        let forms = [
            ("text", Msg::CiteText, citation.plain(locale)),
            ("bibtex", Msg::CiteBibtex, citation.bibtex(locale)),
            ("csl", Msg::CiteCsl, citation.csl_json(locale)),
        ];
        let blocks = forms
            .into_iter()
            .map(|(kind, name, text)| {
                let id = format!("cite-{kind}");
                view! {
                    <div class="citation__form">
                        <h3 id=format!("{id}-title")>{name.get(locale)}</h3>
                        <pre id=id.clone() class="citation__text" data-cite=kind tabindex="0"
                            aria-labelledby=format!("{id}-title")>{text}</pre>
                        <button type="button" class="citation__copy" data-copy=id hidden>
                            {Msg::CiteCopy.get(locale)}
                        </button>
                    </div>
                }
            })
            .collect_view();
        let accessed = Msg::CiteAccessed.get(locale);
        // The month names the core writes dates with, for the script's "accessed" date.
        let months: Vec<String> = (1..=12)
            .filter_map(|month| {
                let date = PartialDate {
                    year: 2000,
                    month: Some(month),
                    day: Some(1),
                };
                format_date(date, locale)
                    .split(' ')
                    .nth(1)
                    .map(str::to_string)
            })
            .collect();

        view! {
            <section aria-labelledby="figure-cite" class="citation" data-accessed=accessed
                data-copied=Msg::CiteCopied.get(locale) data-months=months.join(" ") data-url=url>
                <h2 id="figure-cite">{Msg::CiteTitle.get(locale)}</h2>
                <p>{Msg::CiteLead.get(locale)}</p>
                {blocks}
                <p class="citation__status" role="status" aria-live="polite"></p>
            </section>
        }
    })
}
