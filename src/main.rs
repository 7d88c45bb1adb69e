//! Entry point: install the panic hook and mount the app. Everything else lives in `app`.

mod app;
mod components;
mod data;
mod head;
mod pages;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
