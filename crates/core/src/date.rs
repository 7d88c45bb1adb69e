//! Dates as precise as the source gives them: a year, a month or a day.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. A source that says "January 2026" must not be
/// turned into a day it never named, so the precision is part of the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    pub fn parse(text: &str) -> Result<PartialDate, String> {
        let bad = || format!("'{text}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
        let parts: Vec<&str> = text.split('-').collect();
        let number = |part: &str, len: usize| -> Result<u32, String> {
            if part.len() != len || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            part.parse::<u32>().map_err(|_| bad())
        };
        let year = number(parts.first().copied().unwrap_or_default(), 4)?;
        if !(1900..=2100).contains(&year) {
            return Err(format!("'{text}': year {year} is outside 1900-2100"));
        }
        let year = year as u16;
        let month = match parts.get(1) {
            None => None,
            Some(part) => {
                let month = number(part, 2)?;
                if !(1..=12).contains(&month) {
                    return Err(format!("'{text}': month {month} does not exist"));
                }
                Some(month as u8)
            }
        };
        let day = match parts.get(2) {
            None => None,
            Some(part) => {
                let day = number(part, 2)?;
                let last = days_in_month(year, month.unwrap_or(1));
                if day < 1 || day > u32::from(last) {
                    return Err(format!("'{text}': day {day} does not exist in that month"));
                }
                Some(day as u8)
            }
        };
        if parts.len() > 3 {
            return Err(bad());
        }
        Ok(PartialDate { year, month, day })
    }

    /// A number that orders dates and places them on a time axis: years with a fraction.
    /// An unknown month or day is placed at the middle of its span.
    pub fn as_fractional_year(self) -> f64 {
        let year = f64::from(self.year);
        match (self.month, self.day) {
            (None, _) => year + 0.5,
            (Some(month), None) => year + (f64::from(month) - 0.5) / 12.0,
            (Some(month), Some(day)) => {
                let days = f64::from(days_in_month(self.year, month));
                year + (f64::from(month) - 1.0 + (f64::from(day) - 0.5) / days) / 12.0
            }
        }
    }
}

pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        PartialDate::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for PartialDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PartialDate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A date as precise as its source: YYYY, YYYY-MM or YYYY-MM-DD",
            "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        let day = PartialDate::parse("2026-01-23").unwrap();
        assert_eq!((day.year, day.month, day.day), (2026, Some(1), Some(23)));
        assert_eq!(PartialDate::parse("2026-01").unwrap().day, None);
        assert_eq!(PartialDate::parse("2021").unwrap().month, None);
    }

    #[test]
    fn rejects_impossible_or_malformed_dates() {
        for bad in [
            "2026-13",
            "2026-02-30",
            "2025-02-29",
            "26-01-01",
            "2026/01/23",
            "",
            "2026-1-5",
            "2026-01-23-1",
            "abcd",
        ] {
            assert!(PartialDate::parse(bad).is_err(), "{bad} should be rejected");
        }
        assert!(PartialDate::parse("2024-02-29").is_ok());
    }

    #[test]
    fn display_round_trips() {
        for text in ["2026", "2026-01", "2026-01-23"] {
            assert_eq!(PartialDate::parse(text).unwrap().to_string(), text);
        }
    }

    #[test]
    fn dates_order_on_a_time_axis() {
        let may = PartialDate::parse("2022-05-24")
            .unwrap()
            .as_fractional_year();
        let jan = PartialDate::parse("2023-01").unwrap().as_fractional_year();
        assert!(may < jan);
        assert!((PartialDate::parse("2021").unwrap().as_fractional_year() - 2021.5).abs() < 1e-9);
    }
}
