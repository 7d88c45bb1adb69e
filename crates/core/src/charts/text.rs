//! The chart catalog's own interface words, in both languages. Data words (figure
//! labels, company names) come from the package; numbers never appear here.
//! `{name}` marks a slot that [`ChartMsg::fill`] replaces.

use crate::text::{message_table, Locale, Text};

impl ChartMsg {
    /// Both languages, as data texts are.
    pub fn text(self) -> Text {
        let (az, en) = self.pair();
        Text::new(az, en)
    }

    /// The text with each `{name}` slot replaced by its value in that language.
    pub fn fill(self, slots: &[(&str, &Text)]) -> Text {
        let fill_one = |locale: Locale| {
            slots
                .iter()
                .fold(self.get(locale).to_string(), |text, (name, value)| {
                    text.replace(&format!("{{{name}}}"), value.get(locale))
                })
        };
        Text::new(fill_one(Locale::Az), fill_one(Locale::En))
    }
}

message_table! {
    /// A fixed chart text.
    ChartMsg {
        // ---- Around every chart
        SourcesLine => ("Mənbələr: {sources}", "Sources: {sources}"),
        DataAsOf => ("Məlumatların tarixi: {date}", "Data as of {date}"),
        KeyWarned => (
            "Boş marker: təsdiqlənməmiş və ya hesablanmış rəqəm",
            "Hollow marker: unverified, or worked out by the portal"
        ),
        KeyWarnedBar => (
            "Boş zolaq: təsdiqlənməmiş və ya hesablanmış rəqəm",
            "Outlined bar: unverified, or worked out by the portal"
        ),
        KeyLowerBound => (
            "Nöqtənin üstündəki işarə: alt hədd («...-dən çox»)",
            "Chevron above a point: a lower bound (\"more than\")"
        ),
        TickMillions => ("{n} mln", "{n} million"),
        Dated => ("{label} ({date})", "{label} ({date})"),
        WithUnit => ("{label} ({unit})", "{label} ({unit})"),

        // ---- (1) Initiative growth
        GrowthTitle => (
            "Sənaye Klasterlərinə Keçid təşəbbüsü necə böyüdü",
            "How the Transitioning Industrial Clusters initiative grew"
        ),
        GrowthSubtitle => (
            "Elan olunmuş hər mərhələdə üzv klasterlər və üzvü olan ölkələr",
            "Member clusters and countries with a member, at each announced step"
        ),
        SeriesClusters => ("Üzv klasterlər", "Member clusters"),
        SeriesCountries => ("Üzvü olan ölkələr", "Countries with a member"),
        AzerbaijanJoins => ("Azərbaycan qoşulur", "Azerbaijan joins"),

        // ---- (2) Initiative headline metrics
        MetricsTitle => (
            "Üzv klasterlərin elan olunmuş ümumi göstəriciləri",
            "What the member clusters add up to, as announced"
        ),
        MetricsSubtitle => (
            "CO2 göstəricisi dəyişib: əvvəl illik emissiyalar, sonra potensial azalma. Bunlar fərqli ölçülərdir və birləşdirilmir.",
            "The CO2 measure changed: annual emissions at first, then potential reduction. They are different measures and are not joined."
        ),
        PanelCo2 => ("CO2: iki fərqli göstərici", "CO2: two different measures"),
        PanelGdp => ("ÜDM-ə töhfə", "GDP contribution"),
        PanelJobs => ("İş yerləri", "Jobs"),
        SeriesCo2Emissions => ("İllik CO2 emissiyaları", "Annual CO2 emissions"),
        SeriesCo2eReduction => ("Emissiyaların potensial azaldılması", "Potential emissions reduction"),
        SeriesGdp => ("ÜDM-ə töhfə", "GDP contribution"),
        SeriesJobs => ("İş yerləri", "Jobs"),
        NewMeasure => ("Yeni göstərici", "New measure"),
        MetricsNote => (
            "«Qənaət edə bilər» ifadəsi ilə verilmiş ilk qiymətləndirmə və yalnız yeni üzvlərə aid rəqəmlər burada göstərilmir.",
            "The first \"could save\" estimate and figures about only the newly joined members are not shown here."
        ),

        // ---- (3) Members by country
        MembersTitle => ("Adı məlum üzv klasterlər, ölkələr üzrə", "Named member clusters by country"),
        MembersSubtitle => (
            "Mənbələrin adını çəkdiyi klasterlər; Azərbaycan vurğulanıb",
            "Clusters that a source names; Azerbaijan highlighted"
        ),
        MembersUnnamed => (
            "Təşəbbüsün saydığı daha {count} üzvün adını heç bir mənbə çəkmir.",
            "{count} more members are counted by the initiative but named by no source."
        ),

        // ---- (4) NextGen capacities
        CapacitiesTitle => (
            "NextGen klasteri zavodlarının layihə gücü",
            "Design capacity of the NextGen cluster's plants"
        ),
        CapacitiesSubtitle => (
            "Şirkətlərin açıqladığı illik istehsal gücü",
            "Yearly production capacity, as the companies give it"
        ),

        // ---- (5) SOCAR Polymer output
        PolymerTitle => (
            "SOCAR Polymer: istehsalın və ixracın zavod gücü ilə müqayisəsi",
            "SOCAR Polymer: output and exports against capacity"
        ),
        PolymerSubtitle => (
            "Xətt hər iki zavodun birgə layihə gücüdür",
            "The rule is the combined design capacity of both plants"
        ),
        CombinedCapacity => ("Birgə güc", "Combined capacity"),
        CombinedCapacityNote => (
            "Birgə güc iki zavodun açıqlanmış gücünün cəmidir; onu portal hesablayıb.",
            "The combined capacity is the sum of the two plants' published capacities, worked out by the portal."
        ),

        // ---- (6) Sumgait Industrial Park
        ParkName => ("Sumqayıt Sənaye Parkı", "Sumgait Industrial Park"),
        ParkResidents => ("rezident şirkətlər", "resident companies"),
        ParkInvestment => ("investisiya", "investment"),
        ParkJobs => ("iş yerləri", "jobs"),
        ParkSales => ("rezidentlərin ümumi satışı", "residents' total sales"),
        ParkExports => ("ümumi ixrac", "total exports"),
        ParkTitle => ("{park}: {topic}", "{park}: {topic}"),
        ParkResidentsSubtitle => (
            "Hər tarixdə bildirilən rezident statuslu şirkətlər",
            "Companies with resident status, as reported at each date"
        ),
        ParkInvestmentSubtitle => (
            "Hər tərif ayrıca seriyadır; dollar və manat ayrı göstərilir",
            "Each definition is its own series, and dollars and manats are kept apart"
        ),
        ParkJobsSubtitle => (
            "Daimi iş yerləri; rəqəmlərin çoxu alt həddir («...-dən çox»)",
            "Permanent jobs; most figures are lower bounds (\"more than\")"
        ),
        ParkSalesSubtitle => (
            "Rezidentlərin fəaliyyətə başladıqları vaxtdan bəri ümumi satışı",
            "Residents' sales added up since operations began"
        ),
        ParkExportsSubtitle => (
            "Rezidentlərin fəaliyyətə başladıqları vaxtdan bəri ümumi ixracı",
            "Residents' exports added up since operations began"
        ),
        SeriesResidents => ("Rezident şirkətlər", "Resident companies"),
        SeriesInvestmentActual => ("Faktiki qoyulmuş investisiya", "Money invested"),
        SeriesInvestmentPortfolio => ("Layihə portfeli", "Project portfolio"),
        SeriesInvestmentTotalProjects => ("Layihələrin ümumi investisiyası", "Total project investments"),
        SeriesParkJobs => ("Daimi iş yerləri", "Permanent jobs"),
        SeriesSales => ("Ümumi satış", "Total sales"),
        SeriesExports => ("Ümumi ixrac", "Total exports"),
        InvestmentNote => (
            "Sonuncu rəqəm «layihələrin ümumi investisiyası»dır: faktiki qoyulmuş pulla eyni deyil, ona görə ayrıca göstərilir.",
            "The last figure is \"total project investments\": not the same as money actually invested, so it is shown on its own."
        ),

        // ---- (7) Emissions and NDC targets
        EmissionsTitle => (
            "Azərbaycanın istixana qazı emissiyaları və iqlim hədəfləri",
            "Azerbaijan's greenhouse gas emissions and its climate targets"
        ),
        EmissionsSubtitle => (
            "Torpaq istifadəsi xaric; hədəflər baza ili səviyyəsindən azalma kimi verilib",
            "Excluding land use; the targets are cuts from the base-year level"
        ),
        SeriesInventory => ("Milli rəqəmlər", "National figures"),
        SeriesBaseYear => ("Baza ili səviyyəsi (hesablanıb)", "Base-year level (worked out)"),
        SeriesExternal => ("Kənar model qiymətləndirmələri", "Outside model estimates"),
        SeriesTargets => ("NDC hədəfləri", "NDC targets"),
        SeriesReplacedTargets => ("Əvəz olunmuş NDC hədəfləri", "Replaced NDC targets"),
        TargetLabel => ("{percent}, hədəf ili: {year}", "{percent} by {year}"),
        TargetConditional => ("{label}, şərti", "{label}, conditional"),
        TargetsNote => (
            "Hədəf səviyyələrini portal baza ilinin mətbuatda Dövlət Statistika Komitəsinə istinadən verilən səviyyəsindən hesablayıb.",
            "Target levels are worked out by the portal from the base-year level the press quotes from the State Statistics Committee."
        ),

        // ---- (8) Accession timeline
        TimelineTitle => (
            "Azərbaycanın təşəbbüsə qoşulma yolu",
            "Azerbaijan's road to the initiative"
        ),
        TimelineSubtitle => (
            "Qoşulmanın hadisələri tarix üzrə; işarənin forması hadisənin növünü göstərir",
            "The events of the accession by date; a marker's shape shows the kind of event"
        ),
        KeyAccessionStep => (
            "Böyük işarə, qalın yazı: qoşulmanın özü",
            "Larger marker, bold label: the accession itself"
        ),
        KeySpan => ("Zolaq: bir neçə gün davam edən hadisə", "Bar: an event over several days"),
        TimelineMonthNote => (
            "Qrafikdə yalnız ayı məlum olan tarixlər həmin ayın ortasında göstərilir.",
            "On the chart, dates known only to the month are placed in the middle of that month."
        ),

        // ---- (9) Member map
        MapTitle => (
            "Adı məlum üzv klasterlər dünya xəritəsində",
            "Named member clusters on the world map"
        ),
        MapSubtitle => (
            "Rəng və dairədəki rəqəm: ölkədəki adı məlum üzv klasterlərin sayı; Azərbaycan haşiyələnib",
            "Shade and circled number: a country's named member clusters; Azerbaijan outlined"
        ),
        KeyNoMembers => ("Adı məlum üzv yoxdur", "No named member"),
        MapNotDrawn => (
            "Xəritədə göstərilmir (bu miqyasda çox kiçikdir): {countries}.",
            "Not on the map (too small at this scale): {countries}."
        ),

        // ---- Text descriptions
        DescSeries => ("{series}: tapılan sonuncu rəqəm – {value} ({date}).", "{series}: the last figure found is {value} ({date})."),
        DescSingle => ("{series}: bir rəqəm, {value} ({date}).", "{series}: one figure, {value} ({date})."),
        DescChange => (
            "Dəyişiklik {date} tarixinə nisbətən: {change} ({percent}).",
            "Change since {date}: {change} ({percent})."
        ),
        DescRange => (
            "Ən aşağı: {min} ({min_date}); ən yüksək: {max} ({max_date}).",
            "Lowest {min} ({min_date}); highest {max} ({max_date})."
        ),
        About => ("təxminən {value}", "about {value}"),
        DescTrend => ("Tendensiya: {trend}.", "Trend: {trend}."),
        TrendRising => ("hər mərhələdə artır", "rising at every step"),
        TrendFalling => ("hər mərhələdə azalır", "falling at every step"),
        TrendFlat => ("dəyişməyib", "unchanged"),
        TrendUpOverall => ("ümumilikdə artım, arada enişlərlə", "up overall, with dips"),
        TrendDownOverall => ("ümumilikdə azalma, arada artımlarla", "down overall, with rises"),
        DescBar => ("{label}: {value}.", "{label}: {value}."),
        DescLargest => ("Ən böyüyü: {label}, {value}.", "Largest: {label}, {value}."),
        DescEvent => ("Qeyd olunan hadisə: {label}.", "Marked event: {label}."),
        DescTimeline => (
            "{first_date} ({first}) ilə {last_date} ({last}) arasında {count} hadisə.",
            "{count} events, from {first} ({first_date}) to {last} ({last_date})."
        ),
        DescAccessionDate => (
            "Qoşulma tarixi: {date}. Əsas addımlar: {steps}.",
            "Accession date: {date}. Key steps: {steps}."
        ),
        DescDatedEvent => ("{date}: {label}.", "{date}: {label}."),
        DescMapCountries => (
            "{count} ölkənin ən azı bir adı məlum üzv klasteri var.",
            "{count} countries have at least one named member cluster."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_chart_text_is_non_empty_in_both_languages() {
        for message in ChartMsg::ALL {
            for locale in Locale::ALL {
                assert!(
                    !message.get(locale).trim().is_empty(),
                    "{message:?} is empty in {locale:?}"
                );
            }
        }
    }

    /// A pattern such as `{label} ({date})` has no words of its own to translate.
    fn has_words(text: &str) -> bool {
        let mut outside = String::new();
        let mut depth = 0;
        for c in text.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                c if depth == 0 => outside.push(c),
                _ => {}
            }
        }
        outside.chars().any(char::is_alphabetic)
    }

    #[test]
    fn every_chart_text_differs_between_az_and_en() {
        for message in ChartMsg::ALL
            .iter()
            .filter(|m| has_words(m.get(Locale::En)))
        {
            assert_ne!(
                message.get(Locale::Az),
                message.get(Locale::En),
                "{message:?} is not translated"
            );
        }
    }

    fn slots(text: &str) -> BTreeSet<String> {
        text.split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_string()))
            .collect()
    }

    #[test]
    fn both_languages_have_the_same_slots() {
        for message in ChartMsg::ALL {
            assert_eq!(
                slots(message.get(Locale::Az)),
                slots(message.get(Locale::En)),
                "{message:?}"
            );
        }
    }

    #[test]
    fn chart_texts_type_no_numbers() {
        // Every number comes from the data package.
        for message in ChartMsg::ALL {
            for locale in Locale::ALL {
                let text = message.get(locale).replace("CO2", "");
                assert!(
                    !text.chars().any(|c| c.is_ascii_digit()),
                    "{message:?} types a number in {locale:?}: {text}"
                );
            }
        }
    }

    #[test]
    fn chart_texts_follow_the_house_style_of_suffixes_and_terms() {
        for message in ChartMsg::ALL {
            for locale in Locale::ALL {
                let problems = crate::wording::style_problems(message.get(locale), locale);
                assert!(
                    problems.is_empty(),
                    "{message:?} in {locale:?}: {problems:?}"
                );
            }
        }
    }

    #[test]
    fn fill_replaces_slots_in_each_language() {
        let value = Text::new("40 klaster", "40 clusters");
        let date = Text::new("yanvar 2026", "January 2026");
        let text = ChartMsg::DescSeries.fill(&[
            ("series", &ChartMsg::SeriesClusters.text()),
            ("value", &value),
            ("date", &date),
        ]);
        assert_eq!(
            text.en,
            "Member clusters: the last figure found is 40 clusters (January 2026)."
        );
        assert_eq!(
            text.az,
            "Üzv klasterlər: tapılan sonuncu rəqəm – 40 klaster (yanvar 2026)."
        );
    }
}
