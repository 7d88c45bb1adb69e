//! A value with its unit as a chart writes it: [`format_value`], plus English's
//! singular after "1" ("1 cluster"). Azerbaijani keeps the noun singular after every
//! number, so it needs nothing.

use crate::figure::{Qualifier, Unit};
use crate::format::format_value;
use crate::text::Locale;

/// English singulars of the count units.
fn singular(unit: Unit) -> Option<&'static str> {
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

pub fn value_text(value: f64, unit: Unit, qualifier: Qualifier, locale: Locale) -> String {
    let text = format_value(value, unit, qualifier, locale);
    match (locale, singular(unit)) {
        (Locale::En, Some(one)) if value == 1.0 => {
            let plural = crate::format::unit_label(unit, locale);
            match text.strip_suffix(plural) {
                Some(head) => format!("{head}{one}"),
                None => text,
            }
        }
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_takes_the_singular_in_english_only() {
        assert_eq!(
            value_text(1.0, Unit::Clusters, Qualifier::Exact, Locale::En),
            "1 cluster"
        );
        assert_eq!(
            value_text(1.0, Unit::Countries, Qualifier::Exact, Locale::En),
            "1 country"
        );
        assert_eq!(
            value_text(2.0, Unit::Clusters, Qualifier::Exact, Locale::En),
            "2 clusters"
        );
        assert_eq!(
            value_text(1.0, Unit::Clusters, Qualifier::Exact, Locale::Az),
            "1 klaster"
        );
        assert_eq!(
            value_text(1.0, Unit::Tonnes, Qualifier::Exact, Locale::En),
            "1 t"
        );
    }
}
