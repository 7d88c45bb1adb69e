//! Elapsed times as people read them.

use std::time::Duration;

/// `0.4s`, `12.3s`, `3m 05s`.
pub fn format(elapsed: Duration) -> String {
    let secs = elapsed.as_secs();
    if secs < 60 {
        format!("{:.1}s", elapsed.as_secs_f64())
    } else {
        format!("{}m {:02}s", secs / 60, secs % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_times_show_tenths_and_long_times_minutes() {
        assert_eq!(format(Duration::from_millis(400)), "0.4s");
        assert_eq!(format(Duration::from_millis(12_340)), "12.3s");
        assert_eq!(format(Duration::from_secs(185)), "3m 05s");
    }
}
