//! "Sources:" and the linked sources, for facts that carry sources but no rating.

use crate::chart::content::source_line;
use crate::context::use_site;
use leptos::prelude::*;

/// `compact`: one line naming the publishers, the full citations one click away.
#[component]
pub fn SourceLine(ids: Vec<String>, #[prop(optional)] compact: bool) -> impl IntoView {
    let site = use_site();
    source_line(&ids, site.sources(), site.locale, compact)
}
