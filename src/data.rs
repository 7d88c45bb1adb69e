//! Fetching the published data package: every resource is checked against the hash in
//! `datapackage.json` and parsed into the core's types at this edge, once.

use klaster_core::package::{sha256_hash, DataPackage, ResourceName};
use klaster_core::validate::{parse_json, Problem, DESCRIPTOR_FILE};
use klaster_core::Locale;
use serde::de::DeserializeOwned;
use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Where the package lives, relative to the page, so the portal works under any sub-path.
const DATA_DIR: &str = "data/";

#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    Network(String),
    Status { file: String, status: u16 },
    Invalid(Problem),
}

impl LoadError {
    pub fn message(&self, locale: Locale) -> String {
        match (self, locale) {
            (LoadError::Network(detail), Locale::Az) => format!("Şəbəkə xətası: {detail}"),
            (LoadError::Network(detail), Locale::En) => format!("Network error: {detail}"),
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

/// A parsed resource, and whether its bytes matched the published hash.
pub struct Loaded<T> {
    pub value: Rc<T>,
    pub verified: bool,
}

impl<T> Clone for Loaded<T> {
    fn clone(&self) -> Self {
        Loaded {
            value: self.value.clone(),
            verified: self.verified,
        }
    }
}

thread_local! {
    static DESCRIPTOR: RefCell<Option<Rc<DataPackage>>> = const { RefCell::new(None) };
    static RESOURCES: RefCell<HashMap<ResourceName, Rc<dyn Any>>> = RefCell::new(HashMap::new());
}

async fn fetch_bytes(file: &str) -> Result<Vec<u8>, LoadError> {
    let response = gloo_net::http::Request::get(&format!("{DATA_DIR}{file}"))
        .send()
        .await
        .map_err(|error| LoadError::Network(error.to_string()))?;
    if !response.ok() {
        return Err(LoadError::Status {
            file: file.to_string(),
            status: response.status(),
        });
    }
    response
        .binary()
        .await
        .map_err(|error| LoadError::Network(error.to_string()))
}

pub async fn descriptor() -> Result<Rc<DataPackage>, LoadError> {
    if let Some(cached) = DESCRIPTOR.with(|d| d.borrow().clone()) {
        return Ok(cached);
    }
    let bytes = fetch_bytes(DESCRIPTOR_FILE).await?;
    let parsed: DataPackage = parse_json(DESCRIPTOR_FILE, &bytes).map_err(LoadError::Invalid)?;
    let parsed = Rc::new(parsed);
    DESCRIPTOR.with(|d| *d.borrow_mut() = Some(parsed.clone()));
    Ok(parsed)
}

/// Fetches, verifies and parses one resource; later calls reuse the first result.
pub async fn resource<T: DeserializeOwned + 'static>(
    name: ResourceName,
) -> Result<Loaded<T>, LoadError> {
    let descriptor = descriptor().await?;
    let expected = descriptor.resource(name).map(|r| r.hash.clone());
    if let Some(cached) = RESOURCES.with(|r| r.borrow().get(&name).cloned()) {
        if let Ok(loaded) = cached.downcast::<Loaded<T>>() {
            return Ok((*loaded).clone());
        }
    }
    let file = name.file_name();
    let bytes = fetch_bytes(&file).await?;
    let verified = expected.as_deref() == Some(sha256_hash(&bytes).as_str());
    let value: T = parse_json(&file, &bytes).map_err(LoadError::Invalid)?;
    let loaded = Loaded {
        value: Rc::new(value),
        verified,
    };
    RESOURCES.with(|r| {
        r.borrow_mut()
            .insert(name, Rc::new(loaded.clone()) as Rc<dyn Any>);
    });
    Ok(loaded)
}
