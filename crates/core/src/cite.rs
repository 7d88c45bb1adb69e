//! How to cite one figure: a sentence in the page's language, BibTeX and CSL-JSON, each
//! naming the portal as publisher, the figure (label, value, as-of date), its original
//! sources, the data release it belongs to, its address and, when known, the day the
//! reader looked. A journalist cites a number, not a chart; a fact-checker then finds the
//! same number in the same release.

use crate::date::PartialDate;
use crate::figure::Figure;
use crate::format::{format_date, format_value};
use crate::i18n::Msg;
use crate::package::Release;
use crate::resources::Source;
use crate::text::Locale;
use serde_json::json;

/// Everything a citation of one figure names.
pub struct Citation<'a> {
    pub figure: &'a Figure<()>,
    /// The figure's sources, in the order it cites them.
    pub sources: Vec<&'a Source>,
    /// The release the figure is cited from.
    pub release: &'a Release,
    /// The figure's page, as absolute as the build knows it.
    pub url: String,
    /// The day the reader looked; the page fills it in where a script runs.
    pub accessed: Option<PartialDate>,
}

/// The publisher every citation names.
const PORTAL: &str = "Klaster";

impl Citation<'_> {
    /// "Publisher, “Title” (date)" for each source, joined by semicolons.
    fn source_list(&self, locale: Locale) -> String {
        let (open, close) = quotes(locale);
        self.sources
            .iter()
            .map(|source| {
                let date = source
                    .published
                    .map(|d| format!(" ({})", format_date(d, locale)))
                    .unwrap_or_default();
                format!("{}, {open}{}{close}{date}", source.publisher, source.title)
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn value(&self, locale: Locale) -> String {
        let figure = self.figure;
        format_value(figure.value, figure.unit, figure.qualifier, locale)
    }

    /// A stable key for reference managers: the figure and the release.
    pub fn key(&self) -> String {
        format!(
            "klaster-{}-{}",
            self.figure.id,
            self.release.version.replace('.', "-")
        )
    }

    /// The citation as a sentence in `locale`.
    pub fn plain(&self, locale: Locale) -> String {
        let (open, close) = quotes(locale);
        let mut text = Msg::CitePlain.fill(
            locale,
            &[
                ("year", &self.release.date.year.to_string()),
                (
                    "label",
                    &format!("{open}{}{close}", self.figure.label.get(locale)),
                ),
                ("value", &self.value(locale)),
                ("date", &format_date(self.figure.as_of, locale)),
                ("sources", &self.source_list(locale)),
                ("version", &self.release.version),
                ("released", &format_date(self.release.date, locale)),
                ("url", &self.url),
            ],
        );
        if let Some(accessed) = self.accessed {
            text.push(' ');
            text.push_str(
                &Msg::CiteAccessed.fill(locale, &[("date", &format_date(accessed, locale))]),
            );
        }
        text
    }

    /// A BibTeX `@misc` entry with the words in `locale`.
    pub fn bibtex(&self, locale: Locale) -> String {
        let title = format!("{}: {}", self.figure.label.get(locale), self.value(locale));
        let note = format!(
            "{} {}. {}: {}.",
            Msg::AsOf.get(locale),
            format_date(self.figure.as_of, locale),
            Msg::Sources.get(locale),
            self.source_list(locale)
        );
        let mut fields = vec![
            ("author", format!("{{{PORTAL}}}")),
            ("title", format!("{{{}}}", bibtex_escape(&title))),
            ("year", self.release.date.year.to_string()),
            (
                "howpublished",
                bibtex_escape(
                    &Msg::CiteReleaseName.fill(locale, &[("version", &self.release.version)]),
                ),
            ),
            ("version", bibtex_escape(&self.release.version)),
            ("url", self.url.clone()),
            ("note", bibtex_escape(&note)),
            ("language", locale.tag().to_string()),
        ];
        if let Some(accessed) = self.accessed {
            fields.push(("urldate", accessed.to_string()));
        }
        let body: Vec<String> = fields
            .into_iter()
            .map(|(name, value)| format!("  {name} = {{{value}}}"))
            .collect();
        format!("@misc{{{},\n{}\n}}\n", self.key(), body.join(",\n"))
    }

    /// A CSL-JSON item list (what Zotero, Mendeley and pandoc read) holding one
    /// `dataset`, with the words in `locale`.
    pub fn csl_json(&self, locale: Locale) -> String {
        let mut item = json!({
            "id": self.key(),
            "type": "dataset",
            "title": format!("{}: {}", self.figure.label.get(locale), self.value(locale)),
            "author": [{ "literal": PORTAL }],
            "publisher": PORTAL,
            "issued": date_parts(self.release.date),
            "version": self.release.version,
            "URL": self.url,
            "container-title": Msg::CiteReleaseName.fill(locale, &[("version", &self.release.version)]),
            "note": format!(
                "{} {}. {}: {}.",
                Msg::AsOf.get(locale),
                format_date(self.figure.as_of, locale),
                Msg::Sources.get(locale),
                self.source_list(locale)
            ),
            "language": locale.tag(),
        });
        if let Some(accessed) = self.accessed {
            item["accessed"] = date_parts(accessed);
        }
        let mut text = serde_json::to_string_pretty(&json!([item])).unwrap_or_default();
        text.push('\n');
        text
    }
}

/// CSL's date form: `{"date-parts": [[2026, 12, 5]]}`, as precise as the date.
fn date_parts(date: PartialDate) -> serde_json::Value {
    let mut parts = vec![u32::from(date.year)];
    parts.extend(date.month.map(u32::from));
    parts.extend(date.day.map(u32::from));
    json!({ "date-parts": [parts] })
}

/// The quotation marks each language's newspapers use.
fn quotes(locale: Locale) -> (&'static str, &'static str) {
    match locale {
        Locale::Az => ("«", "»"),
        Locale::En => ("“", "”"),
    }
}

/// Text for a BibTeX field: the characters TeX treats as commands or groups, escaped.
fn bibtex_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figure::{Confidence, Qualifier, Unit};
    use crate::text::Text;

    fn figure() -> Figure<()> {
        Figure {
            id: "tic-2026-01-pre-az-jobs".into(),
            metric: (),
            label: Text::new("Dəstəklənən iş yerləri", "Jobs supported"),
            value: 4_600_000.0,
            unit: Unit::Jobs,
            qualifier: Qualifier::Exact,
            as_of: PartialDate::parse("2026-01").unwrap(),
            sources: vec!["src-a".into()],
            confidence: Confidence::Unverified,
            note: None,
            conflicts_with: Vec::new(),
        }
    }

    fn source() -> Source {
        Source {
            id: "src-a".into(),
            title: "Azerbaijan joins 50% & more_{x}".into(),
            publisher: "Report.az".into(),
            url: "https://report.az/x".into(),
            published: Some(PartialDate::parse("2026-01-23").unwrap()),
            accessed: Some(PartialDate::parse("2026-12-05").unwrap()),
            language: "en".into(),
            title_language: None,
            note: None,
        }
    }

    fn release() -> Release {
        Release {
            version: "1.1.0".into(),
            date: PartialDate::parse("2026-12-05").unwrap(),
            changes: Vec::new(),
            hashes: Default::default(),
        }
    }

    fn cite<'a>(figure: &'a Figure<()>, source: &'a Source, release: &'a Release) -> Citation<'a> {
        Citation {
            figure,
            sources: vec![source],
            release,
            url: "https://x.test/en/figures/tic-2026-01-pre-az-jobs/".into(),
            accessed: None,
        }
    }

    #[test]
    fn the_sentence_names_the_figure_its_sources_and_the_release_in_each_language() {
        let (figure, source, release) = (figure(), source(), release());
        let citation = cite(&figure, &source, &release);
        assert_eq!(
            citation.plain(Locale::En),
            "Klaster (2026). “Jobs supported”: 4.6 million jobs, as of January 2026. Sources: Report.az, “Azerbaijan joins 50% & more_{x}” (23 January 2026). Klaster open data, release 1.1.0 (5 December 2026). https://x.test/en/figures/tic-2026-01-pre-az-jobs/"
        );
        let az = citation.plain(Locale::Az);
        assert!(
            az.contains("«Dəstəklənən iş yerləri»: 4,6 mln iş yeri"),
            "{az}"
        );
        assert!(az.contains("1.1.0 buraxılışı (5 dekabr 2026)"), "{az}");
        let accessed = Citation {
            accessed: PartialDate::parse("2027-02-01").ok(),
            ..citation
        };
        assert!(accessed
            .plain(Locale::En)
            .ends_with(" Accessed 1 February 2027."));
    }

    #[test]
    fn bibtex_is_one_misc_entry_with_tex_characters_escaped() {
        let (figure, source, release) = (figure(), source(), release());
        let text = cite(&figure, &source, &release).bibtex(Locale::En);
        assert!(
            text.starts_with("@misc{klaster-tic-2026-01-pre-az-jobs-1-1-0,\n"),
            "{text}"
        );
        assert!(
            text.contains("  title = {{Jobs supported: 4.6 million jobs}},"),
            "{text}"
        );
        assert!(text.contains("50\\% \\& more\\_\\{x\\}"), "{text}");
        assert!(text.contains("  version = {1.1.0},"), "{text}");
        assert!(text.contains("release 1.1.0"), "{text}");
        assert!(text.trim_end().ends_with('}'));
        let opened = text.matches('{').count() - text.matches("\\{").count();
        let closed = text.matches('}').count() - text.matches("\\}").count();
        assert_eq!(opened, closed, "braces balance");
    }

    #[test]
    fn csl_json_is_a_dataset_that_names_the_release() {
        let (figure, source, release) = (figure(), source(), release());
        let citation = Citation {
            accessed: PartialDate::parse("2027-02-01").ok(),
            ..cite(&figure, &source, &release)
        };
        let value: serde_json::Value =
            serde_json::from_str(&citation.csl_json(Locale::Az)).expect("valid JSON");
        let item = &value[0];
        assert_eq!(item["type"], "dataset");
        assert_eq!(item["version"], "1.1.0");
        assert_eq!(item["issued"]["date-parts"][0], json!([2026, 12, 5]));
        assert_eq!(item["accessed"]["date-parts"][0], json!([2027, 2, 1]));
        assert_eq!(item["language"], "az");
        assert!(item["title"]
            .as_str()
            .is_some_and(|t| t.contains("4,6 mln")));
    }
}
