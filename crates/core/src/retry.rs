//! When to fetch again: a policy for slow and flaky networks, kept apart from the browser
//! so it can be tested. Only failures that may pass are retried; a file that arrived and
//! is wrong will be just as wrong the second time.

/// How one attempt to fetch a file ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    Delivered,
    NetworkError,
    TimedOut,
    Status(u16),
    /// The file arrived but does not parse or is too large.
    Invalid,
}

/// Retries after the first attempt, at most.
pub const MAX_RETRIES: u32 = 2;

/// How long one attempt may take before it is abandoned.
pub const TIMEOUT_MS: u32 = 10_000;

const BASE_DELAY_MS: f64 = 400.0;

/// Whether to try again after `attempt`, the `retries_done`-th retry having just failed.
pub fn should_retry(attempt: Attempt, retries_done: u32) -> bool {
    if retries_done >= MAX_RETRIES {
        return false;
    }
    match attempt {
        Attempt::NetworkError | Attempt::TimedOut => true,
        Attempt::Status(status) => status == 429 || (500..=599).contains(&status),
        Attempt::Delivered | Attempt::Invalid => false,
    }
}

/// Exponential backoff with jitter: between half and all of 400 ms × 2^retries_done, so
/// readers who failed together do not all come back at the same moment.
/// `random` is a number in [0, 1).
pub fn backoff_ms(retries_done: u32, random: f64) -> u32 {
    let ceiling = BASE_DELAY_MS * f64::from(1u32 << retries_done.min(8));
    let random = if random.is_finite() {
        random.clamp(0.0, 1.0)
    } else {
        0.5
    };
    (ceiling * (0.5 + 0.5 * random)).round() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn network_errors_timeouts_5xx_and_429_are_retried() {
        for attempt in [
            Attempt::NetworkError,
            Attempt::TimedOut,
            Attempt::Status(500),
            Attempt::Status(503),
            Attempt::Status(429),
        ] {
            assert!(should_retry(attempt, 0), "{attempt:?}");
        }
    }

    #[test]
    fn client_errors_and_invalid_data_are_not_retried() {
        for attempt in [
            Attempt::Status(404),
            Attempt::Status(400),
            Attempt::Status(403),
            Attempt::Invalid,
            Attempt::Delivered,
        ] {
            assert!(!should_retry(attempt, 0), "{attempt:?}");
        }
    }

    #[test]
    fn at_most_two_retries() {
        assert!(should_retry(Attempt::NetworkError, 1));
        assert!(!should_retry(Attempt::NetworkError, 2));
    }

    #[test]
    fn backoff_grows_and_stays_within_its_jitter_band() {
        assert_eq!(backoff_ms(0, 0.0), 200);
        assert_eq!(backoff_ms(0, 1.0), 400);
        assert_eq!(backoff_ms(1, 0.0), 400);
        assert_eq!(backoff_ms(1, 1.0), 800);
        assert_eq!(backoff_ms(1, f64::NAN), 600);
        assert!(backoff_ms(30, 1.0) <= 400 * 256);
    }
}
