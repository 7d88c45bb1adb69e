//! Entry point: install the panic hook, mount the app, register the service worker.
//! Everything else lives in `app`.

mod app;
#[cfg(feature = "bench")]
mod bench;
mod components;
mod data;
mod head;
mod pages;
mod panic_notice;
mod sw;

fn main() {
    panic_notice::install();
    leptos::mount::mount_to_body(app::App);
    sw::register();
}
