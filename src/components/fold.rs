//! A long block folded under a one-line summary: on a phone a page reads as an outline,
//! and everything stays one tap (or key press) away, with no script.

use leptos::prelude::*;

#[component]
pub fn Fold(#[prop(into)] summary: String, children: Children) -> impl IntoView {
    view! {
        <details class="fold">
            <summary class="fold__summary">{summary}</summary>
            <div class="fold__body">{children()}</div>
        </details>
    }
}
