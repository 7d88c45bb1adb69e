//! Addresses from the data package that the page may turn into links.

/// `url` when it is an absolute http(s) address without whitespace; `None` for anything
/// else (`javascript:`, `data:`, relative paths), which the page then shows as plain text.
/// The validator refuses such addresses too; this keeps a tampered file harmless.
pub fn web_address(url: &str) -> Option<&str> {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let scheme = if lower.starts_with("https://") {
        8
    } else if lower.starts_with("http://") {
        7
    } else {
        return None;
    };
    (url.len() > scheme && !url.contains(char::is_whitespace)).then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_addresses_become_links() {
        for good in [
            "https://example.org/a?b=c",
            "http://example.org",
            "HTTPS://EXAMPLE.ORG",
            "http://e",
        ] {
            assert_eq!(web_address(good), Some(good));
        }
        for bad in [
            "javascript:window.__xss=1",
            " javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,<script>1</script>",
            "https://",
            "https://exa mple.org",
            "//example.org",
            "example.org",
            "",
            "ə",
        ] {
            assert_eq!(web_address(bad), None, "{bad:?}");
        }
    }
}
