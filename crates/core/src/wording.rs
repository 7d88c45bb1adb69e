//! House style of the data texts that a machine can check: numbers written the way each
//! language writes them, Azerbaijani suffixes after numbers in vowel harmony, and the
//! terms the terminology list (`public/data/TERMINOLOGY.md`) replaces. Each check names
//! what it found and what to write instead.

use crate::az_suffix::{suffix_after_number, Suffix};
use crate::text::Locale;

/// Words the terminology list replaces, matched as whole words, case-insensitively.
const REPLACED_TERMS: &[(Locale, &str, &str)] = &[
    (Locale::Az, "xeş", "heş"),
    (Locale::Az, "xeşi", "heşi"),
    (Locale::Az, "link", "keçid"),
    (Locale::Az, "linki", "keçidi"),
    (Locale::Az, "rəsminin", "rəsmi şəxsin"),
    (Locale::Az, "urea", "karbamid"),
    (Locale::En, "Turkey", "Türkiye"),
    (Locale::En, "Turkey's", "Türkiye's"),
];

/// Every style problem in `text` written in `locale`, as sentences a person can act on.
pub fn style_problems(text: &str, locale: Locale) -> Vec<String> {
    let mut problems = Vec::new();
    number_problems(text, locale, &mut problems);
    if locale == Locale::Az {
        suffix_problems(text, &mut problems);
    }
    term_problems(text, locale, &mut problems);
    problems
}

/// A run of characters that can make up a written number: digits with the grouping and
/// decimal marks of either language, and a space or no-break space only between digits.
fn number_runs(text: &str) -> Vec<(usize, &str)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let preceded_by_letter = i > 0 && chars[i - 1].1.is_alphabetic();
        if !c.is_ascii_digit() || preceded_by_letter {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < chars.len() {
            let next = chars[j + 1].1;
            let joins = matches!(next, '.' | ',' | ' ' | '\u{a0}' | '\u{202f}')
                && chars.get(j + 2).is_some_and(|(_, d)| d.is_ascii_digit());
            if next.is_ascii_digit() || joins {
                j += if next.is_ascii_digit() { 1 } else { 2 };
            } else {
                break;
            }
        }
        let end = chars.get(j + 1).map_or(text.len(), |(at, _)| *at);
        runs.push((start, &text[start..end]));
        i = j + 1;
    }
    runs
}

fn is_group_of_three_after(run: &str, mark: char) -> bool {
    run.split(mark).skip(1).all(|group| group.len() == 3)
}

fn number_problems(text: &str, locale: Locale, problems: &mut Vec<String>) {
    for (_, run) in number_runs(text) {
        // Years and other numbers next to each other ("in 2022 61") are not groups.
        let spaced = run.contains([' ', '\u{a0}', '\u{202f}']);
        if spaced {
            let groups: Vec<&str> = run.split([' ', '\u{a0}', '\u{202f}']).collect();
            let looks_grouped = groups.first().is_some_and(|g| g.len() <= 3)
                && groups[1..]
                    .iter()
                    .all(|g| g.len() == 3 && !g.contains(['.', ',']));
            if looks_grouped {
                let (mark, example) = match locale {
                    Locale::Az => ('.', "184.000"),
                    Locale::En => (',', "184,000"),
                };
                problems.push(format!(
                    "'{run}' groups thousands with spaces; write them with '{mark}' as the interface does ({example})"
                ));
            }
            continue;
        }
        match locale {
            Locale::Az => {
                // 1.234.567 and 4,6 are Azerbaijani; 4.6 and 1,234 are not.
                if run.contains('.')
                    && !is_group_of_three_after(run.split(',').next().unwrap_or(run), '.')
                {
                    problems.push(format!(
                        "'{run}' has a decimal point; Azerbaijani writes a decimal comma (4,6) and groups thousands with dots (184.000)"
                    ));
                } else if run.contains(',')
                    && !run.contains('.')
                    && is_group_of_three_after(run, ',')
                    && run.len() > 4
                {
                    problems.push(format!(
                        "'{run}' reads as a decimal in Azerbaijani; group thousands with dots (184.000)"
                    ));
                }
            }
            Locale::En => {
                if run.contains(',')
                    && !is_group_of_three_after(run.split('.').next().unwrap_or(run), ',')
                {
                    problems.push(format!(
                        "'{run}' has a decimal comma; English writes a decimal point (4.6) and groups thousands with commas (184,000)"
                    ));
                }
            }
        }
    }
}

/// The suffix class a word after a hyphen starts with, when it is one the rules cover.
fn suffix_class(word: &str) -> Option<Suffix> {
    let starts = |forms: &[&str]| forms.iter().any(|f| word.starts_with(f));
    let is = |forms: &[&str]| forms.contains(&word);
    if starts(&["dan", "dən"]) {
        Some(Suffix::Ablative)
    } else if starts(&["da", "də"]) && !word.starts_with("dək") {
        Some(Suffix::Locative)
    } else if starts(Suffix::Ordinal.forms()) {
        Some(Suffix::Ordinal)
    } else if is(Suffix::Genitive.forms()) {
        Some(Suffix::Genitive)
    } else if is(Suffix::Dative.forms()) {
        Some(Suffix::Dative)
    } else {
        None
    }
}

fn suffix_problems(text: &str, problems: &mut Vec<String>) {
    for (start, run) in number_runs(text) {
        // After a per cent sign the suffix usually follows a possessive ("60%-nin" is
        // "60 faizinin"), so only suffixes straight after digits are checked.
        let after = &text[start + run.len()..];
        let Some(rest) = after.strip_prefix('-') else {
            continue;
        };
        let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        let Some(class) = suffix_class(&word) else {
            continue;
        };
        let Some(expected) = suffix_after_number(run, class) else {
            continue;
        };
        let written = class
            .forms()
            .iter()
            .filter(|f| word.starts_with(**f))
            .max_by_key(|f| f.len())
            .copied()
            .unwrap_or_default();
        if written != expected {
            problems.push(format!(
                "'{run}-{word}': after {run} the suffix is '-{expected}', not '-{written}' (vowel harmony follows the number as it is said)"
            ));
        }
    }
}

fn term_problems(text: &str, locale: Locale, problems: &mut Vec<String>) {
    let words = text.split(|c: char| !(c.is_alphanumeric() || c == '\''));
    for word in words {
        for (term_locale, term, instead) in REPLACED_TERMS {
            if *term_locale == locale && word.to_lowercase() == term.to_lowercase() {
                problems.push(format!("'{word}': the terminology list writes '{instead}'"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn az(text: &str) -> Vec<String> {
        style_problems(text, Locale::Az)
    }
    fn en(text: &str) -> Vec<String> {
        style_problems(text, Locale::En)
    }

    #[test]
    fn azerbaijani_groups_with_dots_and_writes_a_decimal_comma() {
        assert!(
            az("184.000 ton, 4,6 mln, 1.234.567, 2015–2024-cü illər, 26,6676 hektar").is_empty()
        );
        assert_eq!(az("184 000 ton").len(), 1);
        assert_eq!(az("6 600 → 6 400").len(), 2);
        assert_eq!(az("NDC 3.0").len(), 1);
        assert_eq!(az("4.6 mln").len(), 1);
        assert_eq!(az("1,234 ton").len(), 1);
    }

    #[test]
    fn english_groups_with_commas_and_writes_a_decimal_point() {
        assert!(en("184,000 t, 4.6 million, 1,234,567.5, in 2022 and 2023").is_empty());
        assert_eq!(en("184 000 t").len(), 1);
        assert_eq!(en("4,6 million").len(), 1);
    }

    #[test]
    fn suffixes_after_numbers_are_checked_for_harmony() {
        assert!(az("6.100-dən çox, 40-a, 20-yə, 2026-cı il, 2030-cu il, 2024-cü ildə, 78,4%-i, 60%-nin, COP29-un, 2035-dək").is_empty());
        let problems = az("6.100-dan çox və 40-ə qədər, 2026-ci il");
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].contains("'-dən'"), "{problems:?}");
    }

    #[test]
    fn replaced_terms_are_named_with_their_replacement() {
        assert_eq!(
            az("SHA-256 xeşi"),
            ["'xeşi': the terminology list writes 'heşi'"]
        );
        assert!(az("keçid, heş").is_empty());
        assert_eq!(en("Turkey's yearly emissions").len(), 1);
        assert!(en("Türkiye, Turkish markets").is_empty());
    }
}
