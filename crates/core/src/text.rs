//! Bilingual text and the two locales the portal speaks.

use serde::{Deserialize, Serialize};

/// A language the portal is published in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    Az,
    En,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::Az, Locale::En];

    /// BCP 47 tag, as used in `<html lang>` and hreflang.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Az => "az",
            Locale::En => "en",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Locale> {
        match tag.trim().to_ascii_lowercase().as_str() {
            "az" => Some(Locale::Az),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    /// The locale for a first visit: Azerbaijani for any `az` preference that comes
    /// before an English one, English otherwise.
    pub fn from_preferences<'a>(preferences: impl IntoIterator<Item = &'a str>) -> Locale {
        for tag in preferences {
            let primary = tag.split(['-', '_']).next().unwrap_or_default();
            match primary.to_ascii_lowercase().as_str() {
                "az" => return Locale::Az,
                "en" => return Locale::En,
                _ => {}
            }
        }
        Locale::En
    }

    pub fn other(self) -> Locale {
        match self {
            Locale::Az => Locale::En,
            Locale::En => Locale::Az,
        }
    }
}

/// A piece of user-facing text in both published languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Azerbaijani.
    pub az: String,
    /// English.
    pub en: String,
}

impl Text {
    pub fn new(az: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            az: az.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::Az => &self.az,
            Locale::En => &self.en,
        }
    }
}

/// A table of fixed texts in both languages: an enum `$table` with one variant per text,
/// its `ALL`, and `get` for one language. The interface's words (`i18n::Msg`) and the
/// charts' (`charts::text::ChartMsg`) are two tables of this one kind; each adds what its
/// callers need (`fill` with plain or bilingual slots).
macro_rules! message_table {
    ($(#[$doc:meta])* $table:ident { $($name:ident => ($az:expr, $en:expr),)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $table { $($name,)* }

        impl $table {
            pub const ALL: &'static [$table] = &[$($table::$name,)*];

            fn pair(self) -> (&'static str, &'static str) {
                match self { $($table::$name => ($az, $en),)* }
            }

            pub fn get(self, locale: $crate::text::Locale) -> &'static str {
                let (az, en) = self.pair();
                match locale {
                    $crate::text::Locale::Az => az,
                    $crate::text::Locale::En => en,
                }
            }
        }
    };
}
pub(crate) use message_table;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_visit_follows_the_first_known_preference() {
        assert_eq!(Locale::from_preferences(["az-AZ", "en"]), Locale::Az);
        assert_eq!(Locale::from_preferences(["ru-RU", "az"]), Locale::Az);
        assert_eq!(Locale::from_preferences(["en-GB", "az"]), Locale::En);
        assert_eq!(Locale::from_preferences(["tr", "de"]), Locale::En);
        assert_eq!(Locale::from_preferences([]), Locale::En);
    }

    #[test]
    fn tags_round_trip() {
        for locale in Locale::ALL {
            assert_eq!(Locale::from_tag(locale.tag()), Some(locale));
        }
        assert_eq!(Locale::from_tag("fr"), None);
    }
}
