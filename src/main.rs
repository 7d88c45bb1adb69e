//! Entry point: install the panic hook, mount the portal (or, on a published chart page,
//! the embed view), register the service worker.
//! Everything else lives in `app`.

mod app;
#[cfg(feature = "bench")]
mod bench;
mod components;
mod data;
mod embed;
mod head;
mod pages;
mod panic_notice;
mod sw;

fn main() {
    panic_notice::install();
    match embed::embed_page() {
        // A published chart page: the chart alone, for an iframe or a shared link.
        Some(page) => {
            leptos::mount::mount_to_body(move || embed::EmbedApp(embed::EmbedAppProps { page }))
        }
        None => {
            leptos::mount::mount_to_body(app::App);
            sw::register();
        }
    }
}
