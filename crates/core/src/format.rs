//! Numbers, dates and units as each locale writes them (CLDR conventions for `az` and `en`).

use crate::date::PartialDate;
use crate::figure::{Qualifier, Unit};
use crate::text::Locale;

/// Decimal and grouping separators from CLDR: `az` writes 1.234.567,5; `en` 1,234,567.5.
fn separators(locale: Locale) -> (char, char) {
    match locale {
        Locale::Az => (',', '.'),
        Locale::En => ('.', ','),
    }
}

/// Formats `value` with at most `max_decimals` decimals (trailing zeros dropped) and
/// locale grouping of thousands.
pub fn format_number(value: f64, max_decimals: usize, locale: Locale) -> String {
    if !value.is_finite() {
        return "–".into();
    }
    let (decimal_sep, group_sep) = separators(locale);
    let fixed = format!("{:.*}", max_decimals, value.abs());
    let (whole, fraction) = match fixed.split_once('.') {
        Some((whole, fraction)) => (
            whole.to_string(),
            fraction.trim_end_matches('0').to_string(),
        ),
        None => (fixed.clone(), String::new()),
    };
    let mut grouped = String::new();
    // CLDR's minimum grouping digits is 1 for both locales: 1.234 and 1,234.
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(group_sep);
        }
        grouped.push(digit);
    }
    let negative = value < 0.0 && (whole.chars().any(|c| c != '0') || !fraction.is_empty());
    let mut out = String::new();
    if negative {
        out.push('−');
    }
    out.push_str(&grouped);
    if !fraction.is_empty() {
        out.push(decimal_sep);
        out.push_str(&fraction);
    }
    out
}

/// Large counts in words: `4,6 mln` / `4.6 million`, `1,6 mlrd` / `1.6 billion`.
pub fn format_compact(value: f64, locale: Locale) -> String {
    let abs = value.abs();
    let (scaled, az, en) = if abs >= 1e9 {
        (value / 1e9, "mlrd", "billion")
    } else if abs >= 1e6 {
        (value / 1e6, "mln", "million")
    } else {
        return format_number(value, 1, locale);
    };
    let word = match locale {
        Locale::Az => az,
        Locale::En => en,
    };
    format!("{} {word}", format_number(scaled, 1, locale))
}

/// The power of a thousand a short number is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    One,
    Thousand,
    Million,
    Billion,
}

impl Scale {
    pub fn factor(self) -> f64 {
        match self {
            Scale::One => 1.0,
            Scale::Thousand => 1e3,
            Scale::Million => 1e6,
            Scale::Billion => 1e9,
        }
    }

    /// The largest scale at or below `value`'s size.
    pub fn of(value: f64) -> Scale {
        let abs = value.abs();
        if abs >= 1e9 {
            Scale::Billion
        } else if abs >= 1e6 {
            Scale::Million
        } else if abs >= 1e3 {
            Scale::Thousand
        } else {
            Scale::One
        }
    }
}

/// A number in `scale` written short, for tight places such as axis ticks:
/// `200 min` / `200k`, `2,5 mln` / `2.5m`, `1,6 mlrd` / `1.6bn`. Azerbaijani keeps the
/// abbreviations of its units (`min t`, `mln manat`) after a space; English writes the
/// letters of its money amounts (`USD 800 m`, `AZN 6.7 bn`) closed up, as charts do.
pub fn format_short(value: f64, scale: Scale, max_decimals: usize, locale: Locale) -> String {
    let number = format_number(value / scale.factor(), max_decimals, locale);
    let word = match (scale, locale) {
        (Scale::One, _) => return number,
        _ if value == 0.0 => return number,
        (Scale::Thousand, Locale::Az) => " min",
        (Scale::Million, Locale::Az) => " mln",
        (Scale::Billion, Locale::Az) => " mlrd",
        (Scale::Thousand, Locale::En) => "k",
        (Scale::Million, Locale::En) => "m",
        (Scale::Billion, Locale::En) => "bn",
    };
    format!("{number}{word}")
}

const MONTHS_AZ: [&str; 12] = [
    "yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr",
    "noyabr", "dekabr",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `23 yanvar 2026` / `23 January 2026`; `yanvar 2026` / `January 2026`; `2026`.
pub fn format_date(date: PartialDate, locale: Locale) -> String {
    let months = match locale {
        Locale::Az => MONTHS_AZ,
        Locale::En => MONTHS_EN,
    };
    match (date.month, date.day) {
        (Some(month), Some(day)) => format!(
            "{day} {} {}",
            months[usize::from(month - 1) % 12],
            date.year
        ),
        (Some(month), None) => {
            let name = months[usize::from(month - 1) % 12];
            format!("{name} {}", date.year)
        }
        _ => date.year.to_string(),
    }
}

/// Upper-cases with Azerbaijani rules in Azerbaijani (`i` -> `İ`, `ı` -> `I`).
pub fn to_upper(text: &str, locale: Locale) -> String {
    match locale {
        Locale::Az => text
            .chars()
            .flat_map(|c| match c {
                'i' => "İ".chars().collect::<Vec<_>>(),
                'ı' => vec!['I'],
                other => other.to_uppercase().collect(),
            })
            .collect(),
        Locale::En => text.to_uppercase(),
    }
}

/// The unit's label as written after a number.
pub fn unit_label(unit: Unit, locale: Locale) -> &'static str {
    let (az, en) = match unit {
        Unit::Clusters => ("klaster", "clusters"),
        Unit::Countries => ("ölkə", "countries"),
        Unit::Organisations => ("təşkilat", "organisations"),
        Unit::Companies => ("şirkət", "companies"),
        Unit::Enterprises => ("müəssisə", "enterprises"),
        Unit::Jobs => ("iş yeri", "jobs"),
        Unit::People => ("nəfər", "people"),
        Unit::MtCo2PerYear => ("mln t CO2/il", "Mt CO2/yr"),
        Unit::MtCo2 => ("mln t CO2", "Mt CO2"),
        Unit::MtCo2e => ("mln t CO2e", "Mt CO2e"),
        Unit::KtCo2e => ("min t CO2e", "kt CO2e"),
        Unit::TCo2ePerCapita => ("t CO2e/nəfər", "t CO2e per person"),
        Unit::UsdBn => ("mlrd ABŞ dolları", "USD bn"),
        Unit::UsdM => ("mln ABŞ dolları", "USD m"),
        Unit::UsdPerTonne => ("ABŞ dolları/t", "USD/t"),
        Unit::EurM => ("mln avro", "EUR m"),
        Unit::AznBn => ("mlrd manat", "AZN bn"),
        Unit::AznM => ("mln manat", "AZN m"),
        Unit::TonnesPerYear => ("t/il", "t/yr"),
        Unit::Tonnes => ("t", "t"),
        Unit::MillionM3PerYear => ("mln m³/il", "million m³/yr"),
        Unit::Percent => ("%", "%"),
        Unit::Hectares => ("ha", "ha"),
        Unit::Grades => ("növ", "grades"),
        Unit::Years => ("il", "years"),
    };
    match locale {
        Locale::Az => az,
        Locale::En => en,
    }
}

fn qualifier_prefix(qualifier: Qualifier, locale: Locale) -> &'static str {
    match (qualifier, locale) {
        (Qualifier::Exact, _) | (Qualifier::MoreThan, Locale::Az) => "",
        (Qualifier::Approximately, Locale::Az) => "təxminən ",
        (Qualifier::Approximately, Locale::En) => "about ",
        (Qualifier::MoreThan, Locale::En) => "more than ",
    }
}

/// English amounts of money put the currency first: `USD 508 bn`, `EUR 800 m`.
/// Returns the currency and the scale written after the number.
fn english_currency(unit: Unit) -> Option<(&'static str, &'static str)> {
    Some(match unit {
        Unit::UsdBn => ("USD", " bn"),
        Unit::UsdM => ("USD", " m"),
        Unit::UsdPerTonne => ("USD", "/t"),
        Unit::EurM => ("EUR", " m"),
        Unit::AznBn => ("AZN", " bn"),
        Unit::AznM => ("AZN", " m"),
        _ => return None,
    })
}

/// Azerbaijani money after "more than" takes the ablative on the currency word:
/// `5,5 mlrd manatdan çox`, `300 mlrd ABŞ dollarından çox`.
fn azerbaijani_currency_ablative(unit: Unit) -> Option<&'static str> {
    Some(match unit {
        Unit::AznBn => "mlrd manatdan",
        Unit::AznM => "mln manatdan",
        Unit::UsdBn => "mlrd ABŞ dollarından",
        Unit::UsdM => "mln ABŞ dollarından",
        Unit::EurM => "mln avrodan",
        _ => return None,
    })
}

/// `6.100-dən çox iş yeri`, `70-dən çox təşkilat`, `2,7 mln-dan çox iş yeri`,
/// `78,4%-dən çox`, `5,5 mlrd manatdan çox`: the ablative follows the number as it is
/// said (vowel harmony, see [`crate::az_suffix`]).
fn azerbaijani_more_than(number: &str, unit: Unit, unit_text: &str) -> String {
    use crate::az_suffix::{suffix_after_number, suffix_after_word, Suffix};
    if let Some(ablative) = azerbaijani_currency_ablative(unit) {
        return format!("{number} {ablative} çox");
    }
    if unit_text == "%" {
        return format!(
            "{number}%-{} çox",
            suffix_after_word("faiz", Suffix::Ablative)
        );
    }
    // A compact number ends on its scale word: "2,7 mln" is said "... milyon".
    let suffix = match number.rsplit_once(' ') {
        Some((_, "mln")) => suffix_after_word("milyon", Suffix::Ablative),
        Some((_, "mlrd")) => suffix_after_word("milyard", Suffix::Ablative),
        _ => suffix_after_number(number, Suffix::Ablative).unwrap_or("dən"),
    };
    format!("{number}-{suffix} çox {unit_text}")
}

/// English singulars of the count units. Azerbaijani keeps the noun singular after
/// every number, so it needs none.
fn english_singular(unit: Unit) -> Option<&'static str> {
    Some(match unit {
        Unit::Clusters => "cluster",
        Unit::Countries => "country",
        Unit::Organisations => "organisation",
        Unit::Companies => "company",
        Unit::Enterprises => "enterprise",
        Unit::Jobs => "job",
        Unit::People => "person",
        Unit::Grades => "grade",
        Unit::Years => "year",
        _ => return None,
    })
}

/// A figure's value as a reader sees it, with its qualifier and unit ("1 cluster",
/// "2 clusters", "USD 508 bn", "6.100-dən çox iş yeri").
pub fn format_value(value: f64, unit: Unit, qualifier: Qualifier, locale: Locale) -> String {
    let number = if value.abs() >= 1e6 && matches!(unit, Unit::Jobs | Unit::People) {
        format_compact(value, locale)
    } else {
        format_number(value, 2, locale)
    };
    let unit_text = match (locale, english_singular(unit)) {
        (Locale::En, Some(one)) if value == 1.0 => one,
        _ => unit_label(unit, locale),
    };
    if locale == Locale::Az && qualifier == Qualifier::MoreThan {
        return azerbaijani_more_than(&number, unit, unit_text);
    }
    let joined = match english_currency(unit) {
        Some((currency, scale)) if locale == Locale::En => format!("{currency} {number}{scale}"),
        _ if unit_text == "%" => format!("{number}%"),
        _ => format!("{number} {unit_text}"),
    };
    format!("{}{joined}", qualifier_prefix(qualifier, locale))
}

/// The months' names as dates are written in `locale`, January first: the boot script
/// writes the "saved on this device" date of a page with them.
pub fn month_names(locale: Locale) -> &'static [&'static str; 12] {
    match locale {
        Locale::Az => &MONTHS_AZ,
        Locale::En => &MONTHS_EN,
    }
}

/// When a file was saved on this device, from the RFC 3339 UTC time the service worker
/// records (`2026-01-23T14:05:09.123Z`): `23 yanvar 2026, 14:05 UTC` /
/// `23 January 2026, 14:05 UTC`. `None` for anything else.
pub fn format_saved_at(timestamp: &str, locale: Locale) -> Option<String> {
    let date = PartialDate::parse(timestamp.get(..10)?).ok()?;
    let time = timestamp.get(10..16)?;
    let (hours, minutes) = time.strip_prefix('T')?.split_once(':')?;
    let two_digits = |part: &str, max: u8| {
        part.len() == 2
            && part.bytes().all(|b| b.is_ascii_digit())
            && part.parse::<u8>().is_ok_and(|n| n <= max)
    };
    if !two_digits(hours, 23) || !two_digits(minutes, 59) || !timestamp.ends_with('Z') {
        return None;
    }
    Some(format!(
        "{}, {hours}:{minutes} UTC",
        format_date(date, locale)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Reference outputs: CLDR 46 (ICU / the browser's Intl.NumberFormat) for `az` and `en`.
    #[test]
    fn az_numbers_use_decimal_comma_and_dot_grouping() {
        assert_eq!(format_number(1_234_567.0, 0, Locale::Az), "1.234.567");
        assert_eq!(format_number(74_705.0, 0, Locale::Az), "74.705");
        assert_eq!(format_number(78.4, 1, Locale::Az), "78,4");
        assert_eq!(format_number(4.6, 1, Locale::Az), "4,6");
        assert_eq!(format_number(1234.0, 0, Locale::Az), "1.234");
    }

    #[test]
    fn en_numbers_use_decimal_point_and_comma_grouping() {
        assert_eq!(format_number(1_234_567.0, 0, Locale::En), "1,234,567");
        assert_eq!(format_number(78.4, 2, Locale::En), "78.4");
        assert_eq!(format_number(0.5, 1, Locale::En), "0.5");
        assert_eq!(format_number(999.0, 0, Locale::En), "999");
    }

    #[test]
    fn negative_numbers_use_the_minus_sign() {
        assert_eq!(format_number(-35.0, 0, Locale::En), "−35");
        assert_eq!(format_number(-0.0001, 1, Locale::En), "0");
    }

    #[test]
    fn compact_numbers_in_words() {
        assert_eq!(format_compact(4_600_000.0, Locale::Az), "4,6 mln");
        assert_eq!(format_compact(4_600_000.0, Locale::En), "4.6 million");
        assert_eq!(format_compact(1_600_000_000.0, Locale::Az), "1,6 mlrd");
    }

    #[test]
    fn short_numbers_keep_each_languages_abbreviations() {
        let short = |value, scale, locale| format_short(value, scale, 1, locale);
        assert_eq!(short(200_000.0, Scale::Thousand, Locale::Az), "200 min");
        assert_eq!(short(200_000.0, Scale::Thousand, Locale::En), "200k");
        assert_eq!(short(2_500_000.0, Scale::Million, Locale::Az), "2,5 mln");
        assert_eq!(short(2_500_000.0, Scale::Million, Locale::En), "2.5m");
        assert_eq!(short(1.6e9, Scale::Billion, Locale::Az), "1,6 mlrd");
        assert_eq!(short(1.6e9, Scale::Billion, Locale::En), "1.6bn");
        assert_eq!(short(0.0, Scale::Million, Locale::En), "0");
        assert_eq!(short(750.0, Scale::One, Locale::Az), "750");
        assert_eq!(Scale::of(4.6e6), Scale::Million);
        assert_eq!(Scale::of(-12_000.0), Scale::Thousand);
    }

    #[test]
    fn dates_in_each_language() {
        let day = PartialDate::parse("2026-01-23").unwrap();
        assert_eq!(format_date(day, Locale::Az), "23 yanvar 2026");
        assert_eq!(format_date(day, Locale::En), "23 January 2026");
        let month = PartialDate::parse("2024-11").unwrap();
        assert_eq!(format_date(month, Locale::Az), "noyabr 2024");
        assert_eq!(format_date(month, Locale::En), "November 2024");
        assert_eq!(
            format_date(PartialDate::parse("2021").unwrap(), Locale::En),
            "2021"
        );
    }

    #[test]
    fn saved_at_times_are_written_as_a_date_and_utc_time() {
        assert_eq!(
            format_saved_at("2026-01-23T14:05:09.123Z", Locale::Az).as_deref(),
            Some("23 yanvar 2026, 14:05 UTC")
        );
        assert_eq!(
            format_saved_at("2026-01-23T04:05:09Z", Locale::En).as_deref(),
            Some("23 January 2026, 04:05 UTC")
        );
        for bad in [
            "",
            "2026-01-23",
            "2026-01-23T25:00:00Z",
            "2026-13-01T10:00:00Z",
            "2026-01-23T10:00:00+04:00",
            "<img src=x>",
        ] {
            assert_eq!(format_saved_at(bad, Locale::En), None, "{bad:?}");
        }
    }

    #[test]
    fn azerbaijani_upper_casing_keeps_the_dot() {
        assert_eq!(to_upper("iqlim", Locale::Az), "İQLİM");
        assert_eq!(
            to_upper("sənaye klasterləri", Locale::Az),
            "SƏNAYE KLASTERLƏRİ"
        );
        assert_eq!(to_upper("ılıq", Locale::Az), "ILIQ");
        assert_eq!(to_upper("climate", Locale::En), "CLIMATE");
    }

    #[test]
    fn one_takes_the_singular_in_english_only() {
        let one = |unit, locale| format_value(1.0, unit, Qualifier::Exact, locale);
        assert_eq!(one(Unit::Clusters, Locale::En), "1 cluster");
        assert_eq!(one(Unit::Countries, Locale::En), "1 country");
        assert_eq!(one(Unit::Clusters, Locale::Az), "1 klaster");
        assert_eq!(one(Unit::Tonnes, Locale::En), "1 t");
        assert_eq!(
            format_value(2.0, Unit::Clusters, Qualifier::Exact, Locale::En),
            "2 clusters"
        );
    }

    #[test]
    fn values_with_units_and_qualifiers() {
        assert_eq!(
            format_value(184_000.0, Unit::TonnesPerYear, Qualifier::Exact, Locale::Az),
            "184.000 t/il"
        );
        assert_eq!(
            format_value(78.4, Unit::Percent, Qualifier::Exact, Locale::En),
            "78.4%"
        );
        assert_eq!(
            format_value(2_700_000.0, Unit::Jobs, Qualifier::MoreThan, Locale::En),
            "more than 2.7 million jobs"
        );
        assert_eq!(
            format_value(2_700_000.0, Unit::Jobs, Qualifier::MoreThan, Locale::Az),
            "2,7 mln-dan çox iş yeri"
        );
        assert_eq!(
            format_value(800.0, Unit::EurM, Qualifier::Approximately, Locale::En),
            "about EUR 800 m"
        );
    }

    #[test]
    fn english_amounts_put_the_currency_first() {
        let en = |value, unit, qualifier| format_value(value, unit, qualifier, Locale::En);
        assert_eq!(en(508.0, Unit::UsdBn, Qualifier::Exact), "USD 508 bn");
        assert_eq!(en(6.7, Unit::AznBn, Qualifier::Exact), "AZN 6.7 bn");
        assert_eq!(
            en(300.0, Unit::UsdBn, Qualifier::MoreThan),
            "more than USD 300 bn"
        );
        assert_eq!(
            en(400.0, Unit::UsdPerTonne, Qualifier::Approximately),
            "about USD 400/t"
        );
        assert_eq!(
            format_value(508.0, Unit::UsdBn, Qualifier::Exact, Locale::Az),
            "508 mlrd ABŞ dolları"
        );
    }

    #[test]
    fn azerbaijani_more_than_is_an_ablative_in_harmony_with_the_number() {
        let az = |value, unit| format_value(value, unit, Qualifier::MoreThan, Locale::Az);
        assert_eq!(az(6100.0, Unit::Jobs), "6.100-dən çox iş yeri");
        assert_eq!(az(70.0, Unit::Organisations), "70-dən çox təşkilat");
        assert_eq!(az(40.0, Unit::Countries), "40-dan çox ölkə");
        assert_eq!(az(470_000.0, Unit::Jobs), "470.000-dən çox iş yeri");
        assert_eq!(az(5.5, Unit::AznBn), "5,5 mlrd manatdan çox");
        assert_eq!(az(300.0, Unit::UsdBn), "300 mlrd ABŞ dollarından çox");
        assert_eq!(az(515.0, Unit::AznM), "515 mln manatdan çox");
        assert_eq!(az(10.0, Unit::Percent), "10%-dən çox");
        assert!(!az(9700.0, Unit::Jobs).contains("ən azı"));
    }
}
