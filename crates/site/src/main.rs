//! `klaster-site render <package> <dist>`: every page of the portal in both languages,
//! rendered ahead of time from the same Leptos components the browser wakes up, into the
//! site trunk built (`dist/index.html` is the template: its stylesheets and boot marker).
//! Also the chart pages, `404.html`, `sitemap.xml`, `robots.txt` and the oEmbed files.
//!
//! `KLASTER_SITE_URL` (e.g. `https://example.org/klaster/`) makes the addresses search
//! engines and link previews need absolute; without it they stay relative, and the
//! sitemap (which must be absolute) names the reserved host `klaster.invalid`.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.as_slice() {
        [command, package, dist, rest @ ..] if command == "render" && rest.len() <= 1 => {
            let url = std::env::var("KLASTER_SITE_URL").unwrap_or_default();
            klaster_site::SiteUrl::parse(&url).and_then(|url| {
                if url.is_none() {
                    println!(
                        "    note: KLASTER_SITE_URL is not set: canonical and preview addresses stay \
                         relative, and sitemap.xml names {}",
                        klaster_site::PLACEHOLDER_ORIGIN
                    );
                }
                let dist = PathBuf::from(dist);
                // The chart pages' frame: the embeds' own build, when there is one.
                let embed_frame = rest.first().map(PathBuf::from);
                klaster_site::render_site(&PathBuf::from(package), &dist, embed_frame.as_deref(), url)
            })
        }
        _ => Err(
            "usage: klaster-site render <package-dir> <dist-dir> [<chart-pages-frame.html>]"
                .to_string(),
        ),
    };
    match result {
        Ok(written) => {
            println!("    wrote {} files", written.len());
            ExitCode::SUCCESS
        }
        Err(problem) => {
            eprintln!("klaster-site: {problem}");
            ExitCode::FAILURE
        }
    }
}
