//! trunk's `index.html` as the frame of every document: its `<head>` keeps the
//! stylesheets and the boot marker trunk wrote; each document brings its own language,
//! title and description, head links and `<body>`, and its way back to the site's root
//! for every relative address (`./main-….css` becomes `../../main-….css` two folders down).

use klaster::context::{Document, Site};
use std::fs;
use std::path::Path;

pub struct Template {
    /// Up to (not including) `</head>`, without the title and description.
    head: String,
}

/// The part of `text` from the first `start` to the end of the next `end`.
fn span(text: &str, start: &str, end: &str) -> Option<(usize, usize)> {
    let from = text.find(start)?;
    let to = from + text[from..].find(end)? + end.len();
    Some((from, to))
}

impl Template {
    pub fn read(path: &Path) -> Result<Template, String> {
        let text = fs::read_to_string(path)
            .map_err(|e| format!("{}: {e} (build the site with trunk first)", path.display()))?;
        Template::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    pub fn parse(text: &str) -> Result<Template, String> {
        let head_end = text.find("</head>").ok_or("the template has no </head>")?;
        let mut head = text[..head_end].to_string();
        for (start, end) in [("<title>", "</title>"), ("<meta name=\"description\"", ">")] {
            if let Some((from, to)) = span(&head, start, end) {
                head.replace_range(from..to, "");
            }
        }
        let (from, to) = span(&head, "<html", ">").ok_or("the template has no <html>")?;
        head.replace_range(from..to, "<html>");
        if !text[head_end..].contains("<body") {
            return Err("the template has no <body>".into());
        }
        Ok(Template { head })
    }

    /// `site`'s document: its language on `<html>`, the template's head with addresses
    /// from the document's folder, its own head, and `body`.
    pub fn page(&self, site: &Site, (head, body): (String, String)) -> Result<String, String> {
        let mut html_tag = format!("<html lang=\"{}\"", site.locale.tag());
        if let Document::Chart(chart) | Document::ReleaseChart(chart, _) = &site.document {
            html_tag.push_str(&format!(" data-embed=\"{}\"", chart.as_str()));
        }
        html_tag.push('>');
        let template_head = self
            .head
            .replacen("<html>", &html_tag, 1)
            .replace("=\"./", &format!("=\"{}", site.link("")));
        Ok(format!(
            "{template_head}  {head}\n</head>\n<body>\n{body}\n</body>\n</html>\n"
        ))
    }
}
