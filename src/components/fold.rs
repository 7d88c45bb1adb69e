//! A long block folded under a one-line summary: on a phone a page reads as an outline,
//! and everything stays one tap (or key press) away, with no script.

use leptos::prelude::*;

#[component]
pub fn Fold(
    #[prop(into)] summary: String,
    /// Whose block this is, said to screen readers after the summary where the page shows
    /// it already (under a heading), so the line stays short on a phone.
    #[prop(optional, into)]
    context: Option<String>,
    children: Children,
) -> impl IntoView {
    view! {
        <details class="fold">
            <summary class="fold__summary">
                {summary}
                {context.map(|context| view! { <span class="visually-hidden">": " {context}</span> })}
            </summary>
            <div class="fold__body">{children()}</div>
        </details>
    }
}
