//! After a crash: report it to the console as before, and tell the reader in the page,
//! in both languages, with a link that reloads it. Built from text nodes only, because
//! the app that would normally render it is what just failed.

use klaster_core::i18n::Msg;
use klaster_core::Locale;

const NOTICE_ID: &str = "panic-notice";

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let _ = show();
    }));
}

fn show() -> Option<()> {
    let window = web_sys::window()?;
    let document = window.document()?;
    if document.get_element_by_id(NOTICE_ID).is_some() {
        return Some(());
    }
    let location = window.location();
    // A different query string makes a real reload; the same address with its hash route
    // would only scroll. The route is kept.
    let reload = format!(
        "{}?reload={}{}",
        location.pathname().ok()?,
        js_sys::Date::now() as u64,
        location.hash().unwrap_or_default()
    );
    let notice = document.create_element("div").ok()?;
    notice.set_id(NOTICE_ID);
    notice.set_class_name("panic-notice");
    notice.set_attribute("role", "alert").ok()?;
    for locale in Locale::ALL {
        let line = document.create_element("p").ok()?;
        line.set_attribute("lang", locale.tag()).ok()?;
        line.append_child(
            &document.create_text_node(&format!("{} ", Msg::PanicNotice.get(locale))),
        )
        .ok()?;
        let link = document.create_element("a").ok()?;
        link.set_attribute("href", &reload).ok()?;
        link.append_child(&document.create_text_node(Msg::PanicReload.get(locale)))
            .ok()?;
        line.append_child(&link).ok()?;
        notice.append_child(&line).ok()?;
    }
    document.body()?.append_child(&notice).ok()?;
    Some(())
}
