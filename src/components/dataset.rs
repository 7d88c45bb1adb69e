//! A page section that needs several datasets: it waits for all of them, a dataset that
//! fails shows its own error panel and retry button, and a dataset whose bytes do not
//! match the published hash is announced above the section's content.

use crate::components::status::{IntegrityWarning, LoadFailed, Loading};
use crate::data::{self, LoadError, Loaded};
use klaster_core::package::ResourceName;
use leptos::prelude::*;
use serde::de::DeserializeOwned;

/// A dataset as a section sees it.
pub type Dataset<T> = LocalResource<Result<Loaded<T>, LoadError>>;

/// Starts loading one resource of the package for this page.
pub fn dataset<T: DeserializeOwned + 'static>(name: ResourceName) -> Dataset<T> {
    LocalResource::new(move || data::resource::<T>(name))
}

/// Whether every dataset in a value matched its published hash.
pub trait Verified {
    fn verified(&self) -> bool;
}

impl<T> Verified for Loaded<T> {
    fn verified(&self) -> bool {
        self.verified
    }
}

impl<A: Verified, B: Verified> Verified for (A, B) {
    fn verified(&self) -> bool {
        self.0.verified() && self.1.verified()
    }
}

/// Where a section's datasets stand.
pub enum Ready<T> {
    Waiting,
    /// The error panels of every dataset that failed, each with its own retry.
    Failed(Vec<AnyView>),
    Done(T),
}

impl<T: Verified> Ready<T> {
    /// Both datasets, or the first reason not to show them yet.
    pub fn and<U: Verified>(self, other: Ready<U>) -> Ready<(T, U)> {
        match (self, other) {
            (Ready::Failed(mut a), Ready::Failed(b)) => {
                a.extend(b);
                Ready::Failed(a)
            }
            (Ready::Failed(a), _) | (_, Ready::Failed(a)) => Ready::Failed(a),
            (Ready::Waiting, _) | (_, Ready::Waiting) => Ready::Waiting,
            (Ready::Done(a), Ready::Done(b)) => Ready::Done((a, b)),
        }
    }

    /// The section: loading, the error panels, or `show` with the data (after a warning
    /// when a file did not match its hash).
    pub fn view<V: IntoView + 'static>(self, show: impl FnOnce(T) -> V) -> AnyView {
        match self {
            Ready::Waiting => view! { <Loading/> }.into_any(),
            Ready::Failed(panels) => panels.into_any(),
            Ready::Done(data) => {
                let verified = data.verified();
                view! {
                    <IntegrityWarning verified/>
                    {show(data)}
                }
                .into_any()
            }
        }
    }
}

/// Reads one dataset (tracking it, so the section updates when it loads or is retried).
pub fn ready<T: 'static>(dataset: Dataset<T>) -> Ready<Loaded<T>> {
    match dataset.get() {
        None => Ready::Waiting,
        Some(Ok(loaded)) => Ready::Done(loaded),
        Some(Err(error)) => Ready::Failed(vec![
            view! { <LoadFailed error on_retry=move |_| dataset.refetch()/> }.into_any(),
        ]),
    }
}
