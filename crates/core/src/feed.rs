//! The Atom feed (RFC 4287) a newsroom subscribes to: one entry per data release and one
//! per correction, newest first, in one language per feed. Entry ids are tag URIs
//! (RFC 4151) made of the site's host, the release's date and version, so they never
//! change once published, whatever else the build changes.

use crate::embed::escape_attribute as escape;
use crate::format::format_date;
use crate::i18n::Msg;
use crate::package::{ChangeKind, PackageDescriptor, Release};
use crate::release::change_kind_label;
use crate::text::Locale;

/// Where the feed's links point, each already as the reader will follow it (absolute
/// when the site's address is known, else relative to the feed's own file).
pub struct FeedLinks<'a> {
    /// The feed's own address.
    pub feed: String,
    /// The data page in the feed's language, where each release has its anchor.
    pub data_page: String,
    /// A figure's page, for an id that is a figure; `None` for other records.
    pub figure: &'a dyn Fn(&str) -> Option<String>,
    /// The authority of the tag URIs: the site's host (`example.org`).
    pub authority: String,
}

/// The anchor of a release on the data page: `release-1.1.0`.
pub fn release_anchor(version: &str) -> String {
    format!("release-{version}")
}

/// The anchor of one change of a release on the data page: `release-1.1.0-change-2`.
pub fn change_anchor(version: &str, index: usize) -> String {
    format!("{}-change-{}", release_anchor(version), index + 1)
}

/// A day as an Atom date: midnight UTC (a release is dated to the day).
fn atom_date(release: &Release) -> String {
    format!(
        "{:04}-{:02}-{:02}T00:00:00Z",
        release.date.year,
        release.date.month.unwrap_or(1),
        release.date.day.unwrap_or(1)
    )
}

/// An entry's id: the same release in the other language's feed is another entry.
fn tag(links: &FeedLinks, release: &Release, rest: &str, locale: Locale) -> String {
    format!(
        "tag:{},{}:klaster/release/{}{rest}/{}",
        links.authority,
        release.date,
        release.version,
        locale.tag()
    )
}

/// One change as HTML: its kind, its words, and the ids it touched (figures linked).
fn change_html(change: &crate::package::Change, locale: Locale, links: &FeedLinks) -> String {
    let ids: Vec<String> = change
        .ids
        .iter()
        .map(|id| match (links.figure)(id) {
            Some(href) => format!("<a href=\"{}\">{}</a>", escape(&href), escape(id)),
            None => format!("<code>{}</code>", escape(id)),
        })
        .collect();
    let touched = if ids.is_empty() {
        String::new()
    } else {
        format!(" ({})", ids.join(", "))
    };
    format!(
        "<strong>{}</strong>: {}{touched}",
        escape(change_kind_label(change.kind).get(locale)),
        escape(change.text.get(locale))
    )
}

/// An `<entry>` element.
fn entry(id: &str, title: &str, updated: &str, link: &str, html: &str) -> String {
    format!(
        "  <entry>\n    <id>{}</id>\n    <title>{}</title>\n    <updated>{updated}</updated>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n    <content type=\"html\">{}</content>\n  </entry>\n",
        escape(id),
        escape(title),
        escape(link),
        escape(html)
    )
}

/// The feed of `descriptor`'s releases and corrections in `locale`.
pub fn atom_feed(descriptor: &PackageDescriptor, locale: Locale, links: &FeedLinks) -> String {
    let updated = descriptor
        .releases
        .first()
        .map(atom_date)
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_string());
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n  <id>tag:{authority},{first}:klaster/feed/{lang}</id>\n  <title>{title}</title>\n  <subtitle>{subtitle}</subtitle>\n  <updated>{updated}</updated>\n  <author><name>Klaster</name></author>\n  <link rel=\"self\" type=\"application/atom+xml\" href=\"{feed}\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"{page}\"/>\n  <rights>CC BY 4.0</rights>\n",
        lang = locale.tag(),
        authority = escape(&links.authority),
        first = descriptor.releases.last().map(|r| r.date.to_string()).unwrap_or_default(),
        title = escape(Msg::FeedTitle.get(locale)),
        subtitle = escape(Msg::FeedSubtitle.get(locale)),
        feed = escape(&links.feed),
        page = escape(&links.data_page),
    );
    for release in &descriptor.releases {
        let updated = atom_date(release);
        let version = release.version.as_str();
        for (index, change) in release.changes.iter().enumerate().rev() {
            if change.kind != ChangeKind::Corrected {
                continue;
            }
            out.push_str(&entry(
                &tag(
                    links,
                    release,
                    &format!("/correction/{}", index + 1),
                    locale,
                ),
                &Msg::FeedCorrectionTitle.fill(locale, &[("version", version)]),
                &updated,
                &format!("{}#{}", links.data_page, change_anchor(version, index)),
                &format!("<p>{}</p>", change_html(change, locale, links)),
            ));
        }
        let items: String = release
            .changes
            .iter()
            .map(|change| format!("<li>{}</li>", change_html(change, locale, links)))
            .collect();
        out.push_str(&entry(
            &tag(links, release, "", locale),
            &Msg::FeedReleaseTitle.fill(
                locale,
                &[
                    ("version", version),
                    ("date", &format_date(release.date, locale)),
                ],
            ),
            &updated,
            &format!("{}#{}", links.data_page, release_anchor(version)),
            &format!("<ul>{items}</ul>"),
        ));
    }
    out.push_str("</feed>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn descriptor() -> PackageDescriptor {
        crate::validate::parse_json(
            "datapackage.json",
            include_bytes!("../../../public/data/datapackage.json"),
        )
        .expect("the shipped descriptor parses")
    }

    fn feed(locale: Locale) -> String {
        let figure = |id: &str| {
            id.starts_with("tic-")
                .then(|| format!("https://x.test/en/figures/{id}/"))
        };
        atom_feed(
            &descriptor(),
            locale,
            &FeedLinks {
                feed: "https://x.test/en/feed.xml".into(),
                data_page: "https://x.test/en/data/".into(),
                figure: &figure,
                authority: "x.test".into(),
            },
        )
    }

    /// The text of every `<name>` element directly in `xml`'s entries, in order.
    fn texts<'a>(xml: &'a str, name: &str) -> Vec<&'a str> {
        let open = format!("<{name}>");
        let close = format!("</{name}>");
        xml.split(&open)
            .skip(1)
            .filter_map(|rest| rest.split_once(&close).map(|(text, _)| text))
            .collect()
    }

    #[test]
    fn the_feed_has_what_atom_requires_and_one_entry_per_release_and_correction() {
        let descriptor = descriptor();
        let xml = feed(Locale::En);
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">"));
        let corrections: usize = descriptor
            .releases
            .iter()
            .map(|r| {
                r.changes
                    .iter()
                    .filter(|c| c.kind == ChangeKind::Corrected)
                    .count()
            })
            .sum();
        assert_eq!(
            xml.matches("<entry>").count(),
            descriptor.releases.len() + corrections
        );
        assert_eq!(
            xml.matches("<entry>").count(),
            xml.matches("</entry>").count()
        );
        // Feed and entries: id, title, updated; the feed an author and a self link.
        let ids = texts(&xml, "id");
        assert_eq!(ids.len(), 1 + xml.matches("<entry>").count());
        let mut unique = ids.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "ids are unique");
        assert!(ids.iter().all(|id| id.starts_with("tag:x.test,")));
        assert_eq!(texts(&xml, "title").len(), ids.len());
        assert_eq!(texts(&xml, "updated").len(), ids.len());
        assert!(texts(&xml, "updated")
            .iter()
            .all(|d| d.len() == 20 && d.ends_with('Z')));
        assert!(xml.contains("<author><name>Klaster</name></author>"));
        assert!(xml.contains(
            "rel=\"self\" type=\"application/atom+xml\" href=\"https://x.test/en/feed.xml\""
        ));
        assert!(
            xml.contains("<title>Data release 1.1.0 (5 December 2026)</title>"),
            "{xml}"
        );
        assert!(xml.contains("href=\"https://x.test/en/data/#release-1.1.0\""));
        assert!(
            xml.contains(
                "&lt;a href=&quot;https://x.test/en/figures/tic-2026-01-pre-az-jobs/&quot;&gt;"
            ),
            "figure ids link to their pages"
        );
        assert!(!xml.contains("<script"), "markup is escaped");
    }

    #[test]
    fn each_language_has_its_own_feed_whose_entries_differ_only_by_language() {
        let az = feed(Locale::Az);
        assert!(az.contains("xml:lang=\"az\""));
        assert!(
            az.contains("<title>1.1.0 məlumat buraxılışı (5 dekabr 2026)</title>"),
            "{az}"
        );
        let entry_ids = |xml: &str, suffix: &str| {
            texts(xml, "id")
                .into_iter()
                .skip(1)
                .map(|id| {
                    id.strip_suffix(suffix)
                        .unwrap_or("not in this language")
                        .to_string()
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(entry_ids(&az, "/az"), entry_ids(&feed(Locale::En), "/en"));
    }
}
