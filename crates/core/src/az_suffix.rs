//! Azerbaijani suffixes after numbers. A suffix follows the vowels of the number as
//! it is said, not as it is written: 6.100 is said "altı min yüz", so "more than
//! 6.100" is "6.100-dən çox"; 40 is "qırx", so "to 40" is "40-a"; 2026 is "iki min
//! iyirmi altı", so "the year 2026" is "2026-cı il". The publisher's checks and the
//! formatting of values share these rules.

/// A suffix whose vowel follows the last spoken word of the number before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Suffix {
    /// From, than: `-dan` / `-dən`.
    Ablative,
    /// In, at: `-da` / `-də`.
    Locative,
    /// To: `-a` / `-ə`, after a vowel `-ya` / `-yə`.
    Dative,
    /// Of: `-ın` / `-in` / `-un` / `-ün`, after a vowel `-nın` / `-nin` / `-nun` / `-nün`.
    Genitive,
    /// The ordinal written after digits: `-cı` / `-ci` / `-cu` / `-cü` (2026-cı, 2030-cu).
    Ordinal,
}

impl Suffix {
    pub const ALL: [Suffix; 5] = [
        Suffix::Ablative,
        Suffix::Locative,
        Suffix::Dative,
        Suffix::Genitive,
        Suffix::Ordinal,
    ];

    /// Every written form of this suffix, whichever the harmony.
    pub fn forms(self) -> &'static [&'static str] {
        match self {
            Suffix::Ablative => &["dan", "dən"],
            Suffix::Locative => &["da", "də"],
            Suffix::Dative => &["a", "ə", "ya", "yə"],
            Suffix::Genitive => &["ın", "in", "un", "ün", "nın", "nin", "nun", "nün"],
            Suffix::Ordinal => &["cı", "ci", "cu", "cü"],
        }
    }
}

const UNITS: [&str; 10] = [
    "sıfır", "bir", "iki", "üç", "dörd", "beş", "altı", "yeddi", "səkkiz", "doqquz",
];
const TENS: [&str; 10] = [
    "", "on", "iyirmi", "otuz", "qırx", "əlli", "altmış", "yetmiş", "səksən", "doxsan",
];

/// The last word of a whole number said in Azerbaijani: 6100 ends on "yüz", 40 on
/// "qırx", 2026 on "altı", 3 000 000 on "milyon".
pub fn last_spoken_word(number: u64) -> &'static str {
    if number == 0 {
        return UNITS[0];
    }
    let units = (number % 10) as usize;
    let tens = ((number / 10) % 10) as usize;
    let hundreds = (number / 100) % 10;
    if units != 0 {
        UNITS[units]
    } else if tens != 0 {
        TENS[tens]
    } else if hundreds != 0 {
        "yüz"
    } else if !(number / 1_000).is_multiple_of(1_000) {
        "min"
    } else if !(number / 1_000_000).is_multiple_of(1_000) {
        "milyon"
    } else if !(number / 1_000_000_000).is_multiple_of(1_000) {
        "milyard"
    } else {
        "trilyon"
    }
}

/// The last spoken word of a number as written in Azerbaijani (`6.100`, `2,7`, `2026`,
/// `78,4`): a decimal is said with its fraction last ("iki tam onda yeddi"), so its
/// last word is the fraction's. `None` when the text is not such a number.
pub fn last_spoken_word_of(written: &str) -> Option<&'static str> {
    let (whole, fraction) = match written.split_once(',') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (written, None),
    };
    let digits_only = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let whole_digits: String = whole.chars().filter(|c| *c != '.').collect();
    if !digits_only(&whole_digits) || whole.starts_with('.') || whole.ends_with('.') {
        return None;
    }
    let spoken = match fraction {
        Some(fraction) if digits_only(fraction) => fraction.trim_end_matches('0'),
        Some(_) => return None,
        None => whole_digits.as_str(),
    };
    let spoken = if spoken.is_empty() { "0" } else { spoken };
    // Beyond u64 only the last digits matter, and those are what is said last.
    let tail = &spoken[spoken.len().saturating_sub(18)..];
    tail.parse::<u64>().ok().map(last_spoken_word)
}

fn last_vowel(word: &str) -> Option<char> {
    word.chars()
        .rev()
        .find(|c| matches!(c, 'a' | 'ı' | 'o' | 'u' | 'e' | 'ə' | 'i' | 'ö' | 'ü'))
}

fn ends_in_vowel(word: &str) -> bool {
    word.chars().last() == last_vowel(word)
}

/// The form of `suffix` after a word, by the word's last vowel (two-way harmony for
/// `a`/`ə`, four-way for `ı`/`i`/`u`/`ü`).
pub fn suffix_after_word(word: &str, suffix: Suffix) -> &'static str {
    let vowel = last_vowel(word).unwrap_or('ə');
    let back = matches!(vowel, 'a' | 'ı' | 'o' | 'u');
    let four = match vowel {
        'a' | 'ı' => 0,
        'e' | 'ə' | 'i' => 1,
        'o' | 'u' => 2,
        _ => 3,
    };
    let after_vowel = ends_in_vowel(word);
    match suffix {
        Suffix::Ablative => ["dən", "dan"][usize::from(back)],
        Suffix::Locative => ["də", "da"][usize::from(back)],
        Suffix::Dative => match (after_vowel, back) {
            (false, false) => "ə",
            (false, true) => "a",
            (true, false) => "yə",
            (true, true) => "ya",
        },
        Suffix::Genitive => {
            let forms = if after_vowel {
                ["nın", "nin", "nun", "nün"]
            } else {
                ["ın", "in", "un", "ün"]
            };
            forms[four]
        }
        Suffix::Ordinal => ["cı", "ci", "cu", "cü"][four],
    }
}

/// The form of `suffix` after a number as written in Azerbaijani, or `None` when the
/// text is not a number.
pub fn suffix_after_number(written: &str, suffix: Suffix) -> Option<&'static str> {
    last_spoken_word_of(written).map(|word| suffix_after_word(word, suffix))
}

/// `2026-cı il`: a year with its ordinal suffix and the word for year.
pub fn year_in_words(year: u16) -> String {
    format!(
        "{year}-{} il",
        suffix_after_word(last_spoken_word(u64::from(year)), Suffix::Ordinal)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_spoken_word_is_the_last_non_zero_place() {
        assert_eq!(last_spoken_word(6100), "yüz");
        assert_eq!(last_spoken_word(40), "qırx");
        assert_eq!(last_spoken_word(2026), "altı");
        assert_eq!(last_spoken_word(2030), "otuz");
        assert_eq!(last_spoken_word(470_000), "min");
        assert_eq!(last_spoken_word(3_000_000), "milyon");
        assert_eq!(last_spoken_word(2_000_000_000), "milyard");
        assert_eq!(last_spoken_word(0), "sıfır");
    }

    #[test]
    fn written_numbers_are_read_with_their_fraction_last() {
        assert_eq!(last_spoken_word_of("6.100"), Some("yüz"));
        assert_eq!(last_spoken_word_of("2,7"), Some("yeddi"));
        assert_eq!(last_spoken_word_of("78,4"), Some("dörd"));
        assert_eq!(last_spoken_word_of("184.000"), Some("min"));
        for not_a_number in ["", "abc", "1,2,3", ".100", "100.", "1,"] {
            assert_eq!(last_spoken_word_of(not_a_number), None, "{not_a_number:?}");
        }
    }

    #[test]
    fn suffixes_follow_vowel_harmony() {
        let after = |n: &str, s| suffix_after_number(n, s).unwrap_or_default();
        assert_eq!(after("6.100", Suffix::Ablative), "dən");
        assert_eq!(after("70", Suffix::Ablative), "dən");
        assert_eq!(after("2,7", Suffix::Ablative), "dən");
        assert_eq!(after("40", Suffix::Ablative), "dan");
        assert_eq!(after("10", Suffix::Ablative), "dan");
        assert_eq!(after("40", Suffix::Dative), "a");
        assert_eq!(after("20", Suffix::Dative), "yə");
        assert_eq!(after("2026", Suffix::Dative), "ya");
        assert_eq!(after("2035", Suffix::Dative), "ə");
        assert_eq!(after("2026", Suffix::Locative), "da");
        assert_eq!(after("2024", Suffix::Locative), "də");
        assert_eq!(after("29", Suffix::Genitive), "un");
        assert_eq!(after("2026", Suffix::Genitive), "nın");
        assert_eq!(after("20", Suffix::Genitive), "nin");
        assert_eq!(after("3", Suffix::Genitive), "ün");
        assert_eq!(after("2026", Suffix::Ordinal), "cı");
        assert_eq!(after("2025", Suffix::Ordinal), "ci");
        assert_eq!(after("2030", Suffix::Ordinal), "cu");
        assert_eq!(after("2024", Suffix::Ordinal), "cü");
        assert_eq!(after("2019", Suffix::Ordinal), "cu");
        assert_eq!(after("1990", Suffix::Ordinal), "cı");
    }

    #[test]
    fn every_form_a_rule_gives_is_a_listed_form() {
        for suffix in Suffix::ALL {
            for n in [
                0_u64, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 1000,
            ] {
                let form = suffix_after_word(last_spoken_word(n), suffix);
                assert!(
                    suffix.forms().contains(&form),
                    "{suffix:?} after {n}: {form}"
                );
            }
        }
    }

    #[test]
    fn years_read_as_ordinals() {
        assert_eq!(year_in_words(2026), "2026-cı il");
        assert_eq!(year_in_words(2023), "2023-cü il");
        assert_eq!(year_in_words(2050), "2050-ci il");
    }
}
