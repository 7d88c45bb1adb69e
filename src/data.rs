//! Fetching the published data package: every resource is checked against the hash in
//! `datapackage.json` and parsed into the core's types at this edge, once.

use futures::future::{FutureExt, LocalBoxFuture, Shared};
use klaster_core::package::{sha256_hash, PackageDescriptor, ResourceName};
use klaster_core::registry::Resources;
use klaster_core::retry::{backoff_ms, should_retry, Attempt, TIMEOUT_MS};
use klaster_core::validate::{parse_json, Problem, DESCRIPTOR_FILE};
use klaster_core::Locale;
use leptos::prelude::{ArcRwSignal, Get, Update};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

thread_local! {
    /// Where the package lives, relative to the page: `data/` below the way back to the
    /// site's root, which the build gave every card, so the portal works under any
    /// sub-path and from any folder depth.
    static DATA_DIR: RefCell<String> = RefCell::new("data/".to_string());
}

/// Called by a card before it fetches: every card of a page gives the same root.
pub fn set_root(root: &str) {
    DATA_DIR.with(|dir| *dir.borrow_mut() = format!("{root}data/"));
}

#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    Network(String),
    TimedOut { file: String },
    Status { file: String, status: u16 },
    Invalid(Problem),
}

impl LoadError {
    pub fn message(&self, locale: Locale) -> String {
        match (self, locale) {
            (LoadError::Network(detail), Locale::Az) => format!("Şəbəkə xətası: {detail}"),
            (LoadError::Network(detail), Locale::En) => format!("Network error: {detail}"),
            (LoadError::TimedOut { file }, Locale::Az) => {
                format!("{file} faylı 10 saniyə ərzində gəlmədi.")
            }
            (LoadError::TimedOut { file }, Locale::En) => {
                format!("{file} did not arrive within 10 seconds.")
            }
            (LoadError::Status { file, status }, Locale::Az) => {
                format!("{file} faylı alınmadı (HTTP {status}).")
            }
            (LoadError::Status { file, status }, Locale::En) => {
                format!("{file} could not be fetched (HTTP {status}).")
            }
            (LoadError::Invalid(problem), Locale::Az) => {
                format!("Fayl düzgün deyil: {problem}")
            }
            (LoadError::Invalid(problem), Locale::En) => {
                format!("The file is not valid: {problem}")
            }
        }
    }
}

thread_local! {
    static DESCRIPTOR: RefCell<Option<Rc<PackageDescriptor>>> = const { RefCell::new(None) };
}

/// Waits `ms` milliseconds without blocking the page.
async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .map(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32));
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// One attempt, abandoned after the timeout.
async fn fetch_once(file: &str) -> (Attempt, Result<Vec<u8>, LoadError>) {
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let timer = controller.clone().map(|controller| {
        leptos::prelude::set_timeout_with_handle(
            move || controller.abort(),
            std::time::Duration::from_millis(u64::from(TIMEOUT_MS)),
        )
    });
    let url = DATA_DIR.with(|dir| format!("{}{file}", dir.borrow()));
    let response = gloo_net::http::Request::get(&url)
        .abort_signal(signal.as_ref())
        .send()
        .await;
    let result = match response {
        Err(error) => {
            let timed_out = signal.as_ref().is_some_and(|s| s.aborted());
            if timed_out {
                (
                    Attempt::TimedOut,
                    Err(LoadError::TimedOut {
                        file: file.to_string(),
                    }),
                )
            } else {
                (
                    Attempt::NetworkError,
                    Err(LoadError::Network(error.to_string())),
                )
            }
        }
        Ok(response) if !response.ok() => (
            Attempt::Status(response.status()),
            Err(LoadError::Status {
                file: file.to_string(),
                status: response.status(),
            }),
        ),
        Ok(response) => match response.binary().await {
            Ok(bytes) => {
                if let Some(saved_at) = response.headers().get(SAVED_AT_HEADER) {
                    note_saved_at(saved_at);
                }
                (Attempt::Delivered, Ok(bytes))
            }
            Err(error) => (
                Attempt::NetworkError,
                Err(LoadError::Network(error.to_string())),
            ),
        },
    };
    if let Some(Ok(timer)) = timer {
        timer.clear();
    }
    result
}

/// Set by the service worker (`public/sw.js`) on a file it answers from this device's
/// cache because the network failed: when the file was saved, in RFC 3339 UTC.
const SAVED_AT_HEADER: &str = "x-klaster-saved-at";

thread_local! {
    // Reference-counted, not owned by whichever page first read it: a page's signals are
    // disposed when the reader leaves it.
    static SAVED_AT: ArcRwSignal<Option<String>> = ArcRwSignal::new(None);
}

/// When the oldest file shown from this device's cache was saved; `None` while every file
/// came from the network.
pub fn cached_data_saved_at() -> Option<String> {
    SAVED_AT.with(|saved| saved.get())
}

fn note_saved_at(saved_at: String) {
    SAVED_AT.with(|saved| {
        saved.update(|oldest| {
            if oldest.as_ref().is_none_or(|known| saved_at < *known) {
                *oldest = Some(saved_at);
            }
        })
    });
}

type SharedFetch = Shared<LocalBoxFuture<'static, Result<Rc<Vec<u8>>, LoadError>>>;

thread_local! {
    /// Fetches under way or done, so pages that need the same file at once share one request.
    static FETCHES: RefCell<HashMap<String, SharedFetch>> = RefCell::new(HashMap::new());
}

/// Fetches a file once for everyone who asks; a failure is forgotten so "try again" refetches.
async fn fetch_shared(file: &str) -> Result<Rc<Vec<u8>>, LoadError> {
    let fetch = FETCHES.with(|fetches| {
        let name = file.to_string();
        fetches
            .borrow_mut()
            .entry(file.to_string())
            .or_insert_with(|| {
                async move { fetch_bytes(&name).await.map(Rc::new) }
                    .boxed_local()
                    .shared()
            })
            .clone()
    });
    let result = fetch.await;
    if result.is_err() {
        FETCHES.with(|fetches| fetches.borrow_mut().remove(file));
    }
    result
}

/// Fetches a file of the package, retrying only what may pass on a second try.
async fn fetch_bytes(file: &str) -> Result<Vec<u8>, LoadError> {
    let mut retries_done = 0;
    loop {
        let (attempt, result) = fetch_once(file).await;
        if !should_retry(attempt, retries_done) {
            return result;
        }
        sleep(backoff_ms(retries_done, js_sys::Math::random())).await;
        retries_done += 1;
    }
}

pub async fn descriptor() -> Result<Rc<PackageDescriptor>, LoadError> {
    if let Some(cached) = DESCRIPTOR.with(|d| d.borrow().clone()) {
        return Ok(cached);
    }
    let bytes = fetch_shared(DESCRIPTOR_FILE).await?;
    let parsed: PackageDescriptor =
        parse_json(DESCRIPTOR_FILE, &bytes).map_err(LoadError::Invalid)?;
    let parsed = Rc::new(parsed);
    DESCRIPTOR.with(|d| *d.borrow_mut() = Some(parsed.clone()));
    Ok(parsed)
}

thread_local! {
    /// Every resource parsed so far, and whether its bytes matched the published hash.
    static PARSED: RefCell<(Resources, HashMap<ResourceName, bool>)> =
        RefCell::new(Default::default());
}

/// The resources `names`, fetched (or taken from those already parsed), verified and
/// parsed into the registry's types; and whether every file matched its published hash.
pub async fn resources(names: &[ResourceName]) -> Result<(Resources, bool), LoadError> {
    let descriptor = descriptor().await?;
    let missing: Vec<ResourceName> = PARSED.with(|p| {
        let parsed = p.borrow();
        names
            .iter()
            .copied()
            .filter(|n| !parsed.0.contains(*n))
            .collect()
    });
    let fetches = missing.iter().map(|name| async move {
        let bytes = fetch_shared(&name.file_name()).await?;
        Ok::<_, LoadError>((*name, bytes))
    });
    for (name, bytes) in futures::future::try_join_all(fetches).await? {
        let expected = descriptor.resource(name).map(|r| r.hash.clone());
        let verified = expected.as_deref() == Some(sha256_hash(&bytes).as_str());
        PARSED.with(|p| {
            let mut parsed = p.borrow_mut();
            parsed.0.parse(name, &bytes).map_err(LoadError::Invalid)?;
            parsed.1.insert(name, verified);
            Ok::<_, LoadError>(())
        })?;
    }
    Ok(PARSED.with(|p| {
        let parsed = p.borrow();
        let verified = names
            .iter()
            .all(|n| parsed.1.get(n).copied().unwrap_or(false));
        (parsed.0.only(names), verified)
    }))
}
