//! Every figure of the package in one list, for the figure pages and the finder, and the
//! matching the finder does as a reader types: Azerbaijani-aware, so `Sumqayit`,
//! `sumqayıt` and `SUMQAYIT` all find `Sumqayıt`, and `emissiya azalmasi` finds
//! `emissiya azalması`. The fold table is written once, here: the build precomputes each
//! row's search key with [`search_key`] and writes [`fold_table_json`] into the page, so
//! the finder's script folds the typed words with the very same table.

use crate::figure::Figure;
use crate::registry::Resources;
use crate::resources::ResourceName;

/// One figure of the package, with where it lives.
#[derive(Debug, Clone, PartialEq)]
pub struct ListedFigure {
    /// The resource the figure is in, which is also its topic in the finder.
    pub resource: ResourceName,
    pub figure: Figure<()>,
    /// The actor the figure is about, where its resource says (a NextGen partner).
    pub about: Option<String>,
}

/// Every figure of `resources`, in the order of the resources and of each file.
pub fn all_figures(resources: &Resources) -> Vec<ListedFigure> {
    let mut listed = Vec::new();
    resources.figures(|resource, figure, about| {
        listed.push(ListedFigure {
            resource,
            figure,
            about: about.map(str::to_string),
        })
    });
    listed
}

/// The resources that hold figures, in order: the finder's topics.
pub fn topics(figures: &[ListedFigure]) -> Vec<ResourceName> {
    let mut topics: Vec<ResourceName> = Vec::new();
    for listed in figures {
        if !topics.contains(&listed.resource) {
            topics.push(listed.resource);
        }
    }
    topics
}

/// The figure with `id`, if the list has it.
pub fn find<'a>(figures: &'a [ListedFigure], id: &str) -> Option<&'a ListedFigure> {
    figures.iter().find(|listed| listed.figure.id == id)
}

/// What a letter folds to: Azerbaijani capitals first (`İ` is `i`, `I` is `ı`, which then
/// folds to `i` like every dotless form), then the letters a reader may type without
/// their marks (`ə` as `e`, `ş` as `s`), and the few foreign ones the data's names use.
/// A letter not listed here is lower-cased by Unicode's default rules, which JavaScript's
/// `toLowerCase` follows too.
pub const FOLD: &[(char, &str)] = &[
    ('İ', "i"),
    ('I', "i"),
    ('ı', "i"),
    ('Ə', "e"),
    ('ə', "e"),
    ('Ş', "s"),
    ('ş', "s"),
    ('Ç', "c"),
    ('ç', "c"),
    ('Ğ', "g"),
    ('ğ', "g"),
    ('Ö', "o"),
    ('ö', "o"),
    ('Ü', "u"),
    ('ü', "u"),
    ('Ø', "o"),
    ('ø', "o"),
    ('É', "e"),
    ('é', "e"),
    // Typographic quotes and dashes as a keyboard types them.
    ('‘', "'"),
    ('’', "'"),
    ('“', "\""),
    ('”', "\""),
    ('«', "\""),
    ('»', "\""),
    ('–', "-"),
    ('—', "-"),
    ('−', "-"),
    ('\u{a0}', " "),
];

/// `text` folded for matching: every letter through [`FOLD`] or lower-cased, runs of
/// white space as one space, no space at either end.
pub fn search_key(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        match FOLD.iter().find(|(from, _)| *from == c) {
            Some((_, to)) => folded.push_str(to),
            None => folded.extend(c.to_lowercase()),
        }
    }
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether every word of `query` is in `key` (both folded): what the finder's script
/// does, kept here so it is tested.
pub fn matches(key: &str, query: &str) -> bool {
    search_key(query)
        .split(' ')
        .filter(|word| !word.is_empty())
        .all(|word| key.contains(word))
}

/// [`FOLD`] as a JSON object (`{"İ":"i",…}`), for the page the finder's script reads it
/// from.
pub fn fold_table_json() -> String {
    let map: serde_json::Map<String, serde_json::Value> = FOLD
        .iter()
        .map(|(from, to)| (from.to_string(), serde_json::Value::from(*to)))
        .collect();
    serde_json::Value::Object(map).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn azerbaijani_letters_typed_without_their_marks_still_match() {
        let key = search_key("Sumqayıt Sənaye Parkının İŞ YERLƏRİ");
        assert_eq!(key, "sumqayit senaye parkinin is yerleri");
        for query in [
            "sumqayit",
            "Sumqayıt",
            "SUMQAYIT",
            "iş yerləri",
            "is yerleri",
            "İş",
        ] {
            assert!(matches(&key, query), "{query}");
        }
        assert!(!matches(&key, "bakı"));
    }

    #[test]
    fn capital_i_folds_the_azerbaijani_way_and_the_english_way_alike() {
        assert_eq!(search_key("İqlim"), "iqlim");
        assert_eq!(search_key("INVESTMENT"), "investment");
        assert_eq!(search_key("ıI"), "ii");
    }

    #[test]
    fn every_word_of_the_query_must_be_found() {
        let key = search_key("Jobs supported – 4.6 million");
        assert!(matches(&key, "jobs 4.6"));
        assert!(matches(&key, "  "), "an empty query matches everything");
        assert!(!matches(&key, "jobs gdp"));
        assert!(
            matches(&key, "supported - 4.6"),
            "a typed hyphen finds a dash"
        );
    }

    #[test]
    fn the_table_the_page_carries_is_the_one_used_here() {
        let table: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&fold_table_json()).expect("the table is JSON");
        assert_eq!(table.len(), FOLD.len(), "no letter is listed twice");
        for (from, to) in FOLD {
            assert_eq!(table[&from.to_string()], *to);
            assert_eq!(search_key(&from.to_string()), to.trim());
        }
    }

    #[test]
    fn every_figure_of_the_shipped_package_is_listed_once() {
        let package = crate::test_data::package();
        let figures = all_figures(&package.resources);
        assert!(figures.len() > 100, "{}", figures.len());
        let mut ids: Vec<&str> = figures.iter().map(|l| l.figure.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), figures.len());
        assert_eq!(
            topics(&figures),
            [
                ResourceName::Milestones,
                ResourceName::Nextgen,
                ResourceName::Park,
                ResourceName::Climate
            ]
        );
        let polymer = find(&figures, "socar-polymer-production-2025").expect("listed");
        assert_eq!(polymer.about.as_deref(), Some("socar-polymer"));
        assert!(
            find(&figures, "az-ndc3-2035").is_some(),
            "targets are figures too"
        );
    }
}
