//! The park card's metric switch: one radio button per metric, the chart shown the one
//! picked. A new metric starts with every series shown and nothing highlighted.

use crate::chart::topic_name;
use klaster_core::charts::hit::Target;
use klaster_core::charts::{ChartId, ParkTopic};
use klaster_core::i18n::Msg;
use klaster_core::Locale;
use leptos::prelude::*;

#[component]
pub fn MetricSwitch(
    card: ChartId,
    locale: Locale,
    selected: RwSignal<ChartId>,
    hidden: RwSignal<Vec<usize>>,
    highlight: RwSignal<Option<Target>>,
) -> impl IntoView {
    let key = card.as_str();
    view! {
        <fieldset class="chart-card__metric">
            <legend class="chart-card__metric-label">{Msg::ChartMetricLabel.get(locale)}</legend>
            {ParkTopic::ALL.into_iter().map(|topic| {
                let id = ChartId::Park(topic);
                view! {
                    <label>
                        <input type="radio" name=format!("chart-{key}-metric") value=id.as_str()
                            prop:checked=move || selected.get() == id
                            on:change=move |_| {
                                selected.set(id);
                                hidden.set(Vec::new());
                                highlight.set(None);
                            }/>
                        {topic_name(topic).get(locale)}
                    </label>
                }
            }).collect_view()}
        </fieldset>
    }
}
