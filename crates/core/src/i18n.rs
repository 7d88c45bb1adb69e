//! Every fixed string the portal shows, in both languages. Data texts live in the data
//! package; these are the words of the interface around them.

use crate::figure::Confidence;
use crate::resources::EventKind;
use crate::route::Page;
use crate::text::{message_table, Locale};

impl Msg {
    /// The text in `locale` with each `{name}` slot replaced by its value.
    pub fn fill(self, locale: Locale, slots: &[(&str, &str)]) -> String {
        slots
            .iter()
            .fold(self.get(locale).to_string(), |text, (name, value)| {
                text.replace(&format!("{{{name}}}"), value)
            })
    }
}

message_table! {
    /// A fixed interface text.
    Msg {
        SiteName => ("Klaster", "Klaster"),
        SiteTagline => (
            "Azərbaycan və DİF-in Sənaye Klasterlərinə Keçid təşəbbüsü: mənbələri göstərilən faktlar",
            "Azerbaijan and the WEF Transitioning Industrial Clusters initiative: sourced facts"
        ),
        SkipToContent => ("Əsas məzmuna keç", "Skip to main content"),
        MainNavigation => ("Əsas menyu", "Main navigation"),
        LanguageSwitch => ("English", "Azərbaycanca"),
        LanguageSwitchLabel => ("Read this page in English", "Bu səhifəni azərbaycanca oxuyun"),
        NavHome => ("Əsas səhifə", "Home"),
        NavInitiative => ("Təşəbbüs", "The initiative"),
        NavAzerbaijan => ("Azərbaycanın qoşulması", "Azerbaijan's accession"),
        NavNextgen => ("NextGen klasteri", "The NextGen cluster"),
        NavClimate => ("İqlim konteksti", "Climate context"),
        NavData => ("Məlumatlar", "Data"),
        NavSources => ("Mənbələr", "Sources"),
        NavAbout => ("Layihə haqqında", "About"),
        FooterLicence => (
            "Məlumatlar CC BY 4.0 lisenziyası ilə dərc olunur: mənbəni göstərməklə sərbəst istifadə edə bilərsiniz.",
            "Data published under CC BY 4.0: reuse it freely with attribution."
        ),
        FooterSources => ("Bütün mənbələr və metodologiya", "All sources and methodology"),
        FooterIndependent => (
            "Müstəqil şəffaflıq portalı. Portalın Dünya İqtisadi Forumu və Azərbaycan hökuməti ilə heç bir əlaqəsi yoxdur.",
            "An independent transparency portal, not affiliated with the World Economic Forum or the Government of Azerbaijan."
        ),
        NotFoundTitle => ("Səhifə tapılmadı (404)", "Page not found (404)"),
        NotFoundBody => (
            "Bu ünvanda səhifə yoxdur. Keçid köhnəlmiş və ya ünvan səhv yazılmış ola bilər.",
            "There is no page at this address. The link may be out of date or mistyped."
        ),
        NotFoundBack => ("Əsas səhifəyə qayıt", "Back to the home page"),
        Loading => ("Məlumatlar yüklənir…", "Loading the data…"),
        DataError => ("Məlumatları yükləmək alınmadı", "The data could not be loaded"),
        Retry => ("Yenidən cəhd edin", "Try again"),
        HashMismatch => (
            "Diqqət: bu məlumat faylı dərc olunmuş SHA-256 heşinə uyğun gəlmir. Fayldakı rəqəmlər yoxlanılmış kimi təqdim edilmir.",
            "Warning: this data file does not match its published SHA-256 hash. Its figures are not presented as verified."
        ),
        KeyFiguresNote => (
            "Hər rəqəmin öz tarixi göstərilir. Klaster və ölkə sayları təşəbbüsün Azərbaycan qoşulandan sonrakı vəziyyətini əks etdirir; emissiya, ÜDM və iş yeri rəqəmləri isə Azərbaycan qoşulmazdan əvvəlki 39 klasterə aiddir və yalnız Azərbaycanın qoşulma elanında verilib. Araşdırmanın əhatə etdiyi dövrdə bunlardan yeni rəqəm tapılmayıb.",
            "Each figure shows its own date. The counts of clusters and countries describe the initiative after Azerbaijan joined; the emissions, GDP and jobs figures describe the 39 clusters before it joined and appear only in Azerbaijan's announcement. The research found no newer figures up to its cut-off."
        ),
        HomeTitle => (
            "Azərbaycan Sənaye Klasterlərinə Keçid təşəbbüsündə",
            "Azerbaijan in the Transitioning Industrial Clusters initiative"
        ),
        HomeLead => (
            "2026-cı ilin yanvarında Davosda Azərbaycan Dünya İqtisadi Forumunun Sənaye Klasterlərinə Keçid təşəbbüsünə qoşulmaq barədə Niyyət Məktubu imzaladı. Təşəbbüsdə ölkəni İqtisadi Zonaların İnkişafı Agentliyi, SOCAR Polymer və SOCAR Karbamid tərəfindən Sumqayıt Sənaye Parkında formalaşdırılan NextGen klasteri təmsil edir.",
            "In January 2026, in Davos, Azerbaijan signed a Letter of Intent to join the World Economic Forum's Transitioning Industrial Clusters initiative. The country takes part through the NextGen cluster being formed in Sumgait Industrial Park by the Economic Zones Development Agency, SOCAR Polymer and SOCAR Karbamid."
        ),
        KeyFigures => ("Əsas rəqəmlər", "Key figures"),
        HowToRead => ("Rəqəmləri necə oxumalı", "How to read this site"),
        HowToReadBody => (
            "Hər rəqəmin mənbəyi, tarixi və etibarlılıq dərəcəsi göstərilir: bunları görmək üçün rəqəmə toxunun və ya onu klaviatura ilə seçin. Təsdiqlənməmiş və hesablanmış rəqəmlər ayrıca işarələnir.",
            "Every number comes with its source, date and confidence rating: tap it, or reach it with the keyboard. Unverified and derived figures are marked as such."
        ),
        FigureDetails => ("Mənbə və etibarlılıq", "Source and confidence"),
        AsOf => ("Tarix", "As of"),
        Source => ("Mənbə", "Source"),
        Sources => ("Mənbələr", "Sources"),
        ConfidenceLabel => ("Etibarlılıq", "Confidence"),
        Note => ("Qeyd", "Note"),
        SourcesTitle => ("Mənbələr və metodologiya", "Sources and methodology"),
        SourcesLead => (
            "Portaldakı hər rəqəm aşağıdakı açıq mənbələrdən birinə əsaslanır. Mənbələr dərc tarixinə görə sıralanıb.",
            "Every figure on this portal rests on one of the public sources below, listed by publication date."
        ),
        ConfidenceScale => ("Etibarlılıq şkalası", "The confidence scale"),
        Published => ("Dərc tarixi", "Published"),
        Language => ("Dil", "Language"),
        Undated => ("tarixsiz", "undated"),
        DataTitle => ("Açıq məlumatlar", "Open data"),
        DataLead => (
            "Portalın göstərdiyi bütün faktlar Frictionless Data Package formatında açıq paket kimi dərc olunur. Hər faylın ölçüsü və SHA-256 heşi göstərilir ki, yüklədiyiniz faylın dəyişmədiyini yoxlaya biləsiniz.",
            "Every fact the portal shows is published as an open Frictionless Data Package. Each file lists its size and SHA-256 hash, so you can check that what you downloaded is unchanged."
        ),
        Download => ("Yüklə", "Download"),
        Schema => ("Sxem", "Schema"),
        Size => ("Ölçü", "Size"),
        Hash => ("SHA-256 heşi", "SHA-256 hash"),
        Licence => ("Lisenziya", "Licence"),
        Bytes => ("bayt", "bytes"),
        AboutTitle => ("Layihə haqqında", "About this portal"),
        AboutBody => (
            "Klaster vətəndaşlar, jurnalistlər və tədqiqatçılar üçün açıq portaldır. O, Azərbaycanın DİF-in Sənaye Klasterlərinə Keçid təşəbbüsünə qoşulması haqqında dərc olunmuş faktları bir yerə toplayır və hər birini mənbəyi ilə göstərir. Portal tamamilə brauzerdə işləyir və yalnız dərc olunmuş məlumat fayllarını oxuyur.",
            "Klaster is an open portal for citizens, journalists and researchers. It brings together the published facts about Azerbaijan joining the WEF Transitioning Industrial Clusters initiative and shows each one with its source. It runs entirely in your browser and reads only the published data files."
        ),
        ConfidenceHigh => ("yüksək", "high"),
        ConfidenceMedium => ("orta", "medium"),
        ConfidenceLow => ("aşağı", "low"),
        ConfidenceUnverified => ("təsdiqlənməyib", "unverified"),
        ConfidenceDerived => ("hesablanıb", "derived"),
        ConfidenceHighHelp => (
            "rəsmi və ya ilkin mənbə, yaxud bir-birini təsdiqləyən bir neçə müstəqil mənbə",
            "a primary or official source, or several independent sources that agree"
        ),
        ConfidenceMediumHelp => (
            "tək ikinci dərəcəli mənbə və ya rəsmi şəxsin şifahi açıqlaması",
            "a single secondary source, or an official's spoken remark"
        ),
        ConfidenceLowHelp => ("zəif və ya modelə əsaslanan mənbə", "a weak or model-based source"),
        ConfidenceUnverifiedHelp => (
            "yalnız ilkin elanda verilib; haqqında danışılan qurumun öz mənbələrində təsdiqlənməyib",
            "only in the original announcement; not confirmed by the body it is about"
        ),
        ConfidenceDerivedHelp => (
            "heç kim dərc etməyib; portal başqa rəqəmlərdən hesablayıb",
            "not published by anyone; worked out by the portal from other figures"
        ),
        ThemeDark => ("Tünd rejim", "Dark theme"),
        DownloadCsv => ("CSV faylını yüklə", "Download CSV"),
        DownloadJson => ("JSON faylını yüklə", "Download JSON"),
        HowToCite => ("Necə istinad etməli", "How to cite"),
        CitePackage => ("Klaster açıq məlumat paketi", "Klaster open data package"),
        CiteVersion => ("versiya", "version"),
        CiteAdvice => (
            "Rəqəmə istinad edərkən onun ilkin mənbəyini də göstərin: hər rəqəmin mənbələri yanında verilib.",
            "When you cite a figure, name its original source as well: every figure lists its sources beside it."
        ),
        DiscrepanciesTitle => ("Məlum uyğunsuzluqlar", "Known discrepancies"),
        DiscrepanciesLead => (
            "Bəzi mənbələr eyni şeyi fərqli rəqəmlərlə verir və ya göstəricinin tərifi zamanla dəyişib. Portal belə halları gizlətmir:",
            "Some sources give different numbers for the same thing, or a measure changed its definition over time. The portal does not hide these cases:"
        ),
        // Each case's line, which opens onto its explanation below.
        DiscrepancyCo2Title => ("CO2 göstəricisi 2024-cü ildə dəyişib", "The CO2 measure changed in 2024"),
        DiscrepancyInvestmentTitle => (
            "Sumqayıt Sənaye Parkına investisiya: fərqli təriflər",
            "Investment in Sumgait Industrial Park: different definitions"
        ),
        DiscrepancyUnverifiedTitle => (
            "Azərbaycan qoşulmazdan əvvəlki rəqəmlər yalnız bir elanda verilib",
            "Figures from before Azerbaijan joined: one announcement only"
        ),
        DiscrepancyDerivedTitle => ("Portalın hesabladığı rəqəmlər", "Figures the portal worked out"),
        DiscrepancyCo2 => (
            "Təşəbbüsün CO2 göstəricisi 2024-cü ildə dəyişib: 2023-cü ilədək üzv klasterlərin illik emissiyaları, 2024-cü ildən isə potensial emissiya azalması (CO2e) dərc olunur. 2022-ci ildə bir dəfə də səkkiz klasterin \"qənaət edə biləcəyi\" CO2 miqdarı verilib, müddəti və hesablama qaydası göstərilmədən. Portal bunları ayrı göstəricilər kimi saxlayır və heç vaxt bir xətdə birləşdirmir.",
            "The initiative's CO2 measure changed in 2024: until 2023 the clusters' annual emissions were published, from 2024 their potential emissions reduction (CO2e). In 2022 a one-off figure was also given for the CO2 the eight clusters \"could save\", with no period or method. The portal keeps these as separate measures and never joins them into one line."
        ),
        DiscrepancyInvestment => (
            "Sumqayıt Sənaye Parkının investisiya rəqəmləri fərqli təriflərə əsaslanır: faktiki investisiya, investisiya portfeli və \"layihələrin ümumi investisiyası\". Hər rəqəm öz tərifi ilə verilir.",
            "Investment figures for Sumgait Industrial Park rest on different definitions: actual investment, the project portfolio, and \"total project investments\". Each figure is shown with its definition."
        ),
        DiscrepancyUnverified => (
            "Azərbaycan qoşulmazdan əvvəlki 39 klaster, 19 ölkə, 877 mln t CO2e, 508 mlrd ABŞ dolları və 4,6 mln iş yeri rəqəmləri yalnız İqtisadiyyat Nazirliyinə istinad edən elanda verilib; DİF-in öz nəşrlərində tapılmayıb. Onlar \"təsdiqlənməyib\" kimi qeyd olunur.",
            "The figures for the state before Azerbaijan joined (39 clusters, 19 countries, 877 Mt CO2e, USD 508 bn, 4.6 million jobs) appear only in the announcement citing the Ministry of Economy and were not found in a WEF source. They are marked \"unverified\"."
        ),
        DiscrepancyDerived => (
            "Bəzi rəqəmləri heç kim dərc etməyib; portal onları başqa rəqəmlərdən hesablayıb (məsələn, ölkə sayları). Onlar \"hesablanıb\" kimi qeyd olunur.",
            "Some figures were published by no one; the portal worked them out from other figures (for example country counts). They are marked \"derived\"."
        ),
        ConflictingFigures => ("Bir-birinə zidd rəqəmlər", "Figures that disagree"),
        ConflictsWith => ("ziddir", "disagrees with"),
        DescHome => (
            "Azərbaycanın DİF-in Sənaye Klasterlərinə Keçid təşəbbüsünə qoşulması və NextGen klasteri haqqında mənbələri göstərilən faktlar.",
            "Sourced facts about Azerbaijan joining the WEF Transitioning Industrial Clusters initiative and the NextGen cluster."
        ),
        DescInitiative => (
            "Sənaye Klasterlərinə Keçid təşəbbüsü nədir, necə böyüyüb və üzvləri kimlərdir.",
            "What the Transitioning Industrial Clusters initiative is, how it grew and who its members are."
        ),
        DescAzerbaijan => (
            "Azərbaycanın təşəbbüsə qoşulmasının xronologiyası, iştirakçıları və siyasət çərçivəsi.",
            "The timeline, actors and policy frame of Azerbaijan's accession to the initiative."
        ),
        DescNextgen => (
            "Sumqayıtdakı NextGen klasteri: tərəfdaşlar, dəyər zənciri, istehsal gücləri, ixrac və dərc olunmayan məlumatlar.",
            "The NextGen cluster in Sumgait: partners, value chain, capacities, exports and what is not published."
        ),
        DescClimate => (
            "Azərbaycanın istixana qazı emissiyaları, NDC hədəfləri və COP29.",
            "Azerbaijan's greenhouse gas emissions, its NDC targets and COP29."
        ),
        DescData => (
            "Portalın açıq məlumat paketi: JSON və CSV faylları, sxemlər, heşlər və lisenziya.",
            "The portal's open data package: JSON and CSV files, schemas, hashes and licence."
        ),
        DescSources => (
            "Portalın istinad etdiyi bütün mənbələr, etibarlılıq şkalası və məlum uyğunsuzluqlar.",
            "Every source the portal cites, the confidence scale and the known discrepancies."
        ),
        DescAbout => (
            "Klaster portalı kim üçündür və necə işləyir.",
            "Who the Klaster portal is for and how it works."
        ),
        // ---- Chart cards: the controls and words around every interactive chart.
        ChartViewLabel => ("Göstərmə üsulu", "How to show the chart"),
        ChartViewChart => ("Qrafik", "Chart"),
        ChartViewTable => ("Cədvəl", "Table"),
        ChartSeriesLabel => ("Seriyaları göstər və ya gizlət", "Show or hide series"),
        ChartMetricLabel => ("Göstərici", "Figure shown"),
        ChartMetricResidents => ("Rezident şirkətlər", "Resident companies"),
        ChartMetricInvestment => ("İnvestisiya", "Investment"),
        ChartMetricJobs => ("İş yerləri", "Jobs"),
        ChartMetricSales => ("Satış", "Sales"),
        ChartMetricExports => ("İxrac", "Exports"),
        ChartPlotLabel => ("İnteraktiv qrafik", "Interactive chart"),
        ChartHelp => (
            "Dəyərin mənbəyini görmək üçün onun üzərinə gəlin və ya toxunun. Klaviatura ilə: qrafikə keçin, sonra ox düymələri ilə dəyərlər və seriyalar arasında, Home və End ilə ilk və son dəyərə gedin.",
            "Point at or tap a value to see its source. With the keyboard: move to the chart, then use the arrow keys to go between values and series, and Home and End for the first and last value."
        ),
        ChartInWords => ("Qrafikin mətn təsviri", "The chart in words"),
        // The card's short labels on one row; each is part of its full name above, which
        // screen readers announce.
        ChartInWordsShort => ("Mətn təsviri", "In words"),
        ChartTableShort => ("Cədvəl", "Table"),
        ChartDownloadShort => ("Yüklə", "Download"),
        ChartDownloadLabel => ("Qrafiki yüklə", "Download the chart"),
        ChartDownloadPng => ("PNG şəkli", "PNG image"),
        ChartDownloadSvg => ("SVG şəkli", "SVG image"),
        ChartDownloadCsv => ("CSV cədvəli", "CSV table"),
        ChartDownloadJson => ("JSON faylı", "JSON data"),
        ChartColSeries => ("Seriya", "Series"),
        ChartColItem => ("Ad", "Name"),
        ChartColDate => ("Tarix", "Date"),
        ChartColValue => ("Dəyər", "Value"),
        ChartTableRegion => ("Qrafikin məlumatları cədvəl kimi", "The chart's data as a table"),
        ChartUnavailable => ("Bu qrafiki göstərmək mümkün olmadı", "This chart could not be shown"),
        ChartParkTitle => ("Sumqayıt Sənaye Parkı rəqəmlərlə", "Sumgait Industrial Park in figures"),
        ChartParkLead => (
            "NextGen klasterinin yaradıldığı parkın zamanla dəyişən rəqəmləri. Hər dəfə bir göstərici göstərilir; fərqli təriflər və valyutalar birləşdirilmir.",
            "The park where the NextGen cluster is being formed, over time. One measure is shown at a time; different definitions and currencies are never joined."
        ),
        // ---- Hardening: the notice after a crash, and data read from this device's cache.
        PanicNotice => ("Səhifədə xəta baş verdi.", "The page hit an error."),
        PanicReload => ("Səhifəni yenidən yükləyin", "Reload the page"),
        CachedData => (
            "Şəbəkəyə qoşulmaq olmadı: bu cihazda saxlanmış məlumatlar göstərilir.",
            "The network could not be reached: this shows data saved on this device."
        ),
        CachedDataSaved => ("Saxlanma vaxtı", "Saved"),
        // ---- Share and embed controls on chart cards (keys start with Share or EmbedDialog).
        ShareMenu => ("Paylaş", "Share"),
        ShareLinksHint => (
            "Keçid qrafiki indi gördüyünüz kimi açır: dil, göstərici, gizlədilmiş seriyalar, qrafik və ya cədvəl görünüşü.",
            "A link opens the chart as you see it now: language, figure, hidden series, chart or table."
        ),
        ShareCopyLink => ("Keçidi kopyala", "Copy link"),
        ShareCopyPageLink => ("Önizləmə şəkli olan keçidi kopyala", "Copy link with preview image"),
        ShareNative => ("Başqa tətbiqlə paylaş…", "Share via…"),
        ShareEmbed => ("Yerləşdir", "Embed"),
        ShareLinkCopied => ("Keçid kopyalandı", "Link copied"),
        ShareCopyFailed => (
            "Keçidi avtomatik kopyalamaq alınmadı. O, «Keçidin ünvanı» sahəsində seçilib: Ctrl+C (və ya ⌘C) ilə kopyalayın.",
            "The link could not be copied automatically. It is selected in the Link address field: copy it with Ctrl+C (or ⌘C)."
        ),
        ShareLinkField => ("Keçidin ünvanı", "Link address"),
        EmbedDialogTitle => ("Bu qrafiki saytınıza yerləşdirin", "Embed this chart"),
        EmbedDialogIntro => (
            "Aşağıdakı kodu səhifənizin HTML-inə əlavə edin. Qrafik ayrıca, qorunan çərçivədə açılır və səhifənizə heç nə edə bilmir.",
            "Paste the code below into your page's HTML. The chart runs in its own sandboxed frame and cannot touch your page."
        ),
        EmbedDialogLanguage => ("Dil", "Language"),
        EmbedDialogLanguageAz => ("Azərbaycanca", "Azerbaijani (Azərbaycanca)"),
        EmbedDialogLanguageEn => ("İngiliscə", "English"),
        EmbedDialogTheme => ("Rənglər", "Colours"),
        EmbedDialogThemeAuto => ("Oxucunun cihaz ayarına görə", "Follow the reader's device"),
        EmbedDialogThemeLight => ("Açıq", "Light"),
        EmbedDialogThemeDark => ("Tünd", "Dark"),
        EmbedDialogView => ("Əvvəlcə göstərilən", "Shown first"),
        EmbedDialogPin => ("Məlumat dəyişəndə oxucuları xəbərdar et", "Warn readers when the data changes"),
        EmbedDialogPinHelp => (
            "Qrafik bugünkü məlumat versiyasını yadda saxlayır. Daha yeni məlumat dərc olunanda bunu bildirir və cari versiyaya keçid verir.",
            "The chart remembers today's version of the data. When newer data is published, it says so and links to the current version."
        ),
        EmbedDialogCode => ("Yerləşdirmə kodu", "Embed code"),
        EmbedDialogCopy => ("Kodu kopyala", "Copy code"),
        EmbedDialogCopied => ("Kod kopyalandı", "Code copied"),
        EmbedDialogCopyFailed => (
            "Kodu avtomatik kopyalamaq alınmadı. O, yuxarıdakı sahədə seçilib: Ctrl+C (və ya ⌘C) ilə kopyalayın.",
            "The code could not be copied automatically. It is selected in the field above: copy it with Ctrl+C (or ⌘C)."
        ),
        EmbedDialogPreview => ("Önizləmə", "Preview"),
        EmbedDialogClose => ("Bağla", "Close"),
        // ---- Embed view (keys start with Embed but not EmbedDialog).
        EmbedOpenPortal => ("Klaster portalında aç", "Open in the Klaster portal"),
        EmbedBootFailed => (
            "İnteraktiv qrafik bu brauzerdə işə düşmədi. Aşağıdakı şəkil və cədvəl eyni məlumatları göstərir.",
            "The interactive chart could not start in this browser. The image and table below show the same data."
        ),
        EmbedDataUpdated => (
            "Bu qrafik yerləşdiriləndən sonra onun məlumatları yenilənib; indi ən son rəqəmlər göstərilir.",
            "The data behind this chart has been updated since it was embedded; it now shows the latest figures."
        ),
        EmbedSeeCurrent => ("Cari versiyaya baxın", "See the current version"),
        EmbedImageAlt => ("Qrafikin şəkli", "Image of the chart"),
        // ---- Static-first pages: the landing page, the card's static words.
        LandingEnter => ("Portala azərbaycanca daxil olun", "Enter the portal in English"),
        ChartTableSummary => ("Qrafikin dəyərləri cədvəl şəklində", "The chart's values as a table"),
        ShareLinkToCard => ("Portalda bu qrafikə keçid", "Link to this chart on the portal"),
        ShareLinkToPage => (
            "Qrafikin öz səhifəsi (paylaşanda önizləmə şəkli ilə görünür)",
            "The chart's own page (shared, it shows a preview image)"
        ),
        // ---- How current the data is, and how it changed (release.rs fills the slots).
        DataReviewedOn => ("Məlumatların yoxlanma tarixi: {date}.", "Data reviewed on {date}."),
        ResearchCutoff => (
            "Araşdırma {date}-dək dərc olunmuş mənbələri əhatə edir.",
            "The research covers sources published up to {date}."
        ),
        ReviewNoteTitle => ("Son yoxlama haqqında", "About the latest review"),
        Accessed => ("Müraciət tarixi", "Accessed"),
        ChangelogTitle => ("Məlumat dəyişiklikləri", "Data changelog"),
        ReleaseVersion => ("Buraxılış", "Release"),
        ChangeAdded => ("Əlavə olunub", "Added"),
        ChangeChanged => ("Dəyişdirilib", "Changed"),
        ChangeCorrected => ("Düzəldilib", "Corrected"),
        ChangeRemoved => ("Çıxarılıb", "Removed"),
        UpdateAvailable => (
            "Bu səhifə açıq olarkən daha yeni məlumatlar dərc olunub.",
            "Newer data has been published since this page was opened."
        ),
        UpdateReload => ("Səhifəni yenidən yükləyin", "Reload the page"),
        OnThisPage => ("Bu səhifədə", "On this page"),
        SectionLink => ("Bu bölməyə keçid", "Link to this section"),
        BackToTop => ("↑ Yuxarı", "↑ Back to top"),
        EventMore => ("Ətraflı məlumat və mənbələr", "Details and sources"),
        SourcesByPublisher => (
            "Mənbələr naşirlərə görə qruplaşdırılıb. Qrupu açdıqda həmin naşirin materialları görünür, ən yenisi əvvəldə.",
            "The sources, grouped by publisher: open a publisher to see its items, newest first."
        ),
        // ---- Shell additions (lead) go above this line.
        // ---- Page texts (initiative, azerbaijan, nextgen, climate): each page's keys together, prefixed with the page's name.
        // Shared by the four content pages.
        PagesNotGiven => ("verilməyib", "not given"),
        PagesWordsUsed => ("Bu səhifədəki anlayışlar", "Words used on this page"),
        PagesColMeasure => ("Göstərici", "Measure"),
        PagesColValue => ("Dəyər", "Value"),
        PagesInvolved => ("İştirak edənlər", "Involved"),
        PagesEventKindInstitution => ("Qurum", "Institution"),
        PagesEventKindPolicy => ("Siyasət sənədi", "Policy"),
        PagesEventKindAgreement => ("Razılaşma", "Agreement"),
        PagesEventKindAnnouncement => ("Elan", "Announcement"),
        PagesEventKindMeeting => ("Toplantı", "Meeting"),
        PagesEventKindStatement => ("Açıqlama", "Statement"),
        PagesEventKindRecognition => ("Tanınma", "Recognition"),
        PagesEventKindConstruction => ("Tikinti", "Construction"),
        // The initiative.
        InitiativeLead => (
            "Sənaye Klasterlərinə Keçid Dünya İqtisadi Forumunun təşəbbüsüdür. O, sənaye klasterlərinə – bir ərazidə yan-yana işləyən zavodlara, limanlara və enerji şirkətlərinə – emissiyaları azaltmaq üçün birgə plan qurmağa kömək edir. Bu səhifə təşəbbüsün necə böyüdüyünü və üzvlərinin kim olduğunu göstərir.",
            "Transitioning Industrial Clusters is a World Economic Forum initiative. It helps industrial clusters – factories, ports and energy companies working side by side in one area – plan together to cut emissions. This page shows how the initiative grew and who its members are."
        ),
        InitiativeWhatTitle => ("Təşəbbüs nədir", "What the initiative is"),
        InitiativeWhatIntro => (
            "Təşəbbüs sadə sözlərlə və bu səhifədə işlənən anlayışlar:",
            "The initiative in plain words, with the terms this page uses:"
        ),
        InitiativeEngaged => (
            "Klasterlərdən başqa, təşəbbüs şirkətlər və dövlət qurumları ilə də işləyir:",
            "Besides the clusters, the initiative works with companies and public bodies:"
        ),
        InitiativeGrowthTitle => ("Təşəbbüs necə böyüdü", "How the initiative grew"),
        InitiativeGrowthLead => (
            "Hər sətir təşəbbüsün bir mərhələsidir. Rəqəmə toxunun və ya klaviatura ilə seçin: onun mənbəyi, tarixi və etibarlılığı açılacaq.",
            "Each row is one step of the initiative. Tap a number, or select it with the keyboard, to see its source, date and confidence."
        ),
        InitiativeCo2ChangeTitle => (
            "Diqqət: CO2 göstəricisinin tərifi dəyişib",
            "Note: the CO2 measure changed its definition"
        ),
        InitiativeCo2ChangeBody => (
            "Ona görə cədvəldə iki ayrı CO2 sütunu var. Onları bir sıra kimi oxumayın və bir-biri ilə müqayisə etməyin.",
            "That is why the table has two separate CO2 columns. Do not read them as one series or compare one with the other."
        ),
        InitiativeGrowthCaption => (
            "Təşəbbüsün mərhələləri: klasterlər, ölkələr, CO2, ÜDM və iş yerləri",
            "Steps of the initiative: clusters, countries, CO2, GDP and jobs"
        ),
        InitiativeGrowthRegion => (
            "Təşəbbüsün mərhələləri cədvəli, yana sürüşdürmək olar",
            "Table of the initiative's steps, scrolls sideways"
        ),
        InitiativeColStep => ("Mərhələ", "Step"),
        InitiativeColClusters => ("Klasterlər", "Clusters"),
        InitiativeColCountries => ("Ölkələr", "Countries"),
        InitiativeColEmissions => (
            "İllik CO2 emissiyası (2023-cü ilədək dərc olunub)",
            "Annual CO2 emissions (published until 2023)"
        ),
        InitiativeColReduction => (
            "Potensial azalma: CO2 (2022) və CO2e (2024-cü ildən)",
            "Potential reduction: CO2 (2022), CO2e (from 2024)"
        ),
        InitiativeColGdp => ("ÜDM-ə töhfə", "GDP contribution"),
        InitiativeColJobs => ("İş yerləri", "Jobs"),
        InitiativeScopeNewMembers => ("yalnız yeni üzvlər", "new members only"),
        InitiativeScopeCouldSave => ("\"qənaət edə bilər\" ifadəsi", "worded \"could save\""),
        InitiativeMembersTitle => ("Üzvlər", "The members"),
        InitiativeMembersLead => (
            "Mənbələrin adını çəkdiyi üzv klasterlər ölkələrə görə qruplaşdırılıb; ölkələr ilk qoşulduqları tarixə görə sıralanıb. Azərbaycanın NextGen klasteri ayrıca vurğulanıb.",
            "The member clusters the sources name, grouped by country; countries are listed in the order they first joined. Azerbaijan's NextGen cluster is highlighted."
        ),
        InitiativeMembersCaption => ("Adı bilinən üzv klasterlər, ölkələrə görə", "Named member clusters, by country"),
        InitiativeMembersRegion => (
            "Üzv klasterlər cədvəli, yana sürüşdürmək olar",
            "Table of member clusters, scrolls sideways"
        ),
        InitiativeColCluster => ("Klaster", "Cluster"),
        InitiativeColJoined => ("Qoşulub", "Joined"),
        InitiativeColSector => ("Sahə", "Sector"),
        InitiativeAzerbaijanMember => ("Azərbaycanın klasteri", "Azerbaijan's cluster"),
        InitiativeUnidentifiedTitle => ("Adını heç bir mənbənin çəkmədiyi üzvlər", "Members no source names"),
        InitiativeUnidentifiedLead => (
            "Təşəbbüsün elan etdiyi üzv sayı adı bilinən klasterlərdən çoxdur. Portal çatışmayan adları uydurmur: onları burada say kimi, qeydləri ilə göstərir.",
            "The initiative counts more members than the sources name. The portal does not guess the missing names: it shows them here as a count, with its notes."
        ),
        InitiativeUnidentifiedJoined => ("Qoşulma vaxtı", "When they joined"),
        // Azerbaijan's accession.
        AzerbaijanLead => (
            "Azərbaycan Sənaye Klasterlərinə Keçid təşəbbüsünə Davosda, Dünya İqtisadi Forumunun illik toplantısı zamanı qoşuldu. Bu səhifə qoşulmanın necə baş verdiyini, kimlərin iştirak etdiyini və hansı siyasət sənədinə söykəndiyini izah edir.",
            "Azerbaijan joined the Transitioning Industrial Clusters initiative in Davos, during the World Economic Forum's Annual Meeting. This page explains how the accession came about, who took part and which policy it rests on."
        ),
        AzerbaijanStoryTitle => ("Qısaca", "The story in brief"),
        AzerbaijanStorySigning => (
            "Azərbaycanın təşəbbüsə qoşulması haqqında Niyyət Məktubunu iqtisadiyyat nazirinin müavini və SOCAR-ın prezidenti imzaladı. Sənəd Prezidentin DİF-in illik toplantısında iştirakı çərçivəsində imzalandı, qoşulmanı isə İqtisadiyyat Nazirliyi elan etdi.",
            "A Deputy Minister of Economy and the President of SOCAR signed the Letter of Intent for Azerbaijan to join the initiative. It was signed during the President's visit to the WEF Annual Meeting, and the Ministry of Economy announced the accession."
        ),
        AzerbaijanStoryCluster => (
            "Ölkə təşəbbüsdə bir klasterlə təmsil olunur: Sumqayıt Sənaye Parkında formalaşdırılan NextGen klasteri. Onu İqtisadi Zonaların İnkişafı Agentliyi, SOCAR Polymer və SOCAR Karbamid birlikdə qurur. Qoşulmanı İqtisadiyyat Nazirliyi yanında fəaliyyət göstərən 4SİM koordinasiya edir.",
            "The country takes part with one cluster: NextGen, being formed in Sumgait Industrial Park by the Economic Zones Development Agency, SOCAR Polymer and SOCAR Karbamid. 4SIM, a centre under the Ministry of Economy, coordinates the accession."
        ),
        AzerbaijanStoryBackground => (
            "Bu addım Forumla daha əvvəl qurulmuş əlaqəyə əsaslanır: 4SİM DİF-in Dördüncü Sənaye İnqilabı Mərkəzləri şəbəkəsində Azərbaycan mərkəzidir. İqtisadiyyat Nazirliyi sənaye klasterlərinin yaradılmasını və beynəlxalq təşəbbüslərə qoşulmanı rəqəmsal iqtisadiyyat strategiyasının prioritetləri kimi təqdim edir.",
            "The step builds on an earlier link with the Forum: 4SIM is Azerbaijan's centre in the WEF network of Centres for the Fourth Industrial Revolution. The Ministry of Economy presents building industrial clusters and joining international initiatives as priorities of its digital economy strategy."
        ),
        AzerbaijanStoryCaveat => (
            "Qoşulma elanı təşəbbüsün o vaxtkı ölçüsünü də verir, lakin həmin rəqəmlər DİF-in öz nəşrlərində tapılmayıb. Portal onları \"təsdiqlənməyib\" kimi qeyd edir.",
            "The announcement also gave the initiative's size at that time, but those figures were not found in the WEF's own publications. The portal marks them as unverified."
        ),
        AzerbaijanAfterJoining => ("Azərbaycan qoşulandan sonra təşəbbüs", "The initiative after Azerbaijan joined"),
        AzerbaijanActorsTitle => ("Kimlər iştirak edir", "Who is involved"),
        AzerbaijanActorsLead => (
            "Qoşulmanın xronologiyasında adı çəkilən qurumlar və şəxslər, rolları ilə.",
            "The bodies and people named in the accession timeline, with their roles."
        ),
        AzerbaijanKindGovernment => ("Dövlət orqanları", "Government"),
        AzerbaijanKindAgency => ("Agentliklər və mərkəzlər", "Agencies and centres"),
        AzerbaijanKindCompany => ("Şirkətlər", "Companies"),
        AzerbaijanKindInternational => ("Beynəlxalq təşkilatlar", "International organisations"),
        AzerbaijanKindPerson => ("Şəxslər", "People"),
        AzerbaijanTimelineTitle => ("Xronologiya", "Timeline"),
        AzerbaijanTimelineLead => (
            "Hadisələr tarix ardıcıllığı ilə verilir. Yalnız ayı məlum olan hadisə həmin ayda dəqiq günü bilinən hadisələrdən əvvəl verilir.",
            "Events in date order. An event known only to its month is listed before the events of that month whose day is known."
        ),
        AzerbaijanPolicyTitle => (
            "Siyasət çərçivəsi: rəqəmsal iqtisadiyyat strategiyası",
            "The policy frame: the digital economy strategy"
        ),
        AzerbaijanPolicyLead => (
            "İqtisadiyyat Nazirliyi qoşulmanı rəqəmsal iqtisadiyyatın inkişafı strategiyası ilə əlaqələndirir: sənaye klasterlərinin yaradılması və beynəlxalq təşəbbüslərə qoşulma onun prioritetləri sırasındadır. Strategiya belə hazırlanıb və təsdiqlənib:",
            "The Ministry of Economy links the accession to the strategy for developing the digital economy: building industrial clusters and joining international initiatives are among its priorities. This is how the strategy was prepared and approved:"
        ),
        // The NextGen cluster.
        NextgenLead => (
            "NextGen Azərbaycanın təşəbbüsdəki klasteridir. O, Sumqayıt Sənaye Parkında parkı idarə edən İqtisadi Zonaların İnkişafı Agentliyini, SOCAR Polymer və SOCAR Karbamid şirkətlərini birləşdirir. Bu səhifə kimin nə etdiyini, qazdan gübrəyə və olefinlərdən plastikə gedən zənciri və dərc olunmuş rəqəmləri göstərir.",
            "NextGen is Azerbaijan's cluster in the initiative. In Sumgait Industrial Park it brings together the Economic Zones Development Agency, which runs the park, SOCAR Polymer and SOCAR Karbamid. This page shows who does what, the chain from gas to fertiliser and from olefins to plastics, and the published figures."
        ),
        NextgenAboutTitle => ("Klaster haqqında", "About the cluster"),
        NextgenLocation => ("Yerləşdiyi yer", "Location"),
        NextgenAims => ("Məqsədlər", "Aims"),
        NextgenPartnersTitle => ("Tərəfdaşlar və onların rolu", "The partners and their roles"),
        NextgenProducts => ("Məhsullar", "Products"),
        NextgenOtherFigures => ("Maliyyə, mülkiyyət və işçilər", "Money, ownership and people"),
        NextgenOtherFiguresRegion => (
            "Tərəfdaşın digər rəqəmləri cədvəli, yana sürüşdürmək olar",
            "Table of the partner's other figures, scrolls sideways"
        ),
        NextgenChainTitle => (
            "Dəyər zənciri: qazdan gübrəyə, olefinlərdən plastikə",
            "The value chain: from gas to fertiliser, from olefins to plastics"
        ),
        NextgenChainLead => (
            "Hər addım hansı xammalın hansı məhsula çevrildiyini və bunu kimin etdiyini göstərir.",
            "Each step shows which raw material becomes which product, and who does it."
        ),
        NextgenChainInput => ("Xammal", "Input"),
        NextgenChainOutput => ("Məhsul", "Output"),
        NextgenChainUnknownActor => ("Mənbələrdə göstərilmir", "Not named in the sources"),
        NextgenFiguresTitle => ("Güc, istehsal və ixrac", "Capacity, output and exports"),
        NextgenFiguresLead => (
            "Dərc olunmuş rəqəmlər tərəfdaşlara görə. İZİA-nın rəqəmləri təkcə klasterə deyil, agentliyin idarə etdiyi bütün zonalara aiddir.",
            "Published figures, by partner. EZDA's figures cover all the zones the agency runs, not only the cluster."
        ),
        NextgenEventsTitle => ("Zavodların əsas hadisələri", "Key plant events"),
        NextgenEventsLead => (
            "Tərəfdaşların tarixindən əsas hadisələr, tarix ardıcıllığı ilə.",
            "Key events in the partners' history, in date order."
        ),
        NextgenNotPublishedTitle => ("Nə dərc olunmayıb", "What is not published"),
        NextgenNotPublishedLead => (
            "Oxucunun axtara biləcəyi, lakin bu portalın əsaslandığı araşdırmanın heç bir mənbədə tapmadığı məlumatlar. Portal bu boşluqları təxminlərlə doldurmur.",
            "Information a reader may look for but that the research behind this portal found in no source. The portal does not fill these gaps with estimates."
        ),
        // The climate context.
        ClimateLead => (
            "Bu səhifə qoşulmanın iqlim kontekstini göstərir: Azərbaycanın istixana qazı emissiyalarını, milli iqlim hədəflərini (NDC) və Bakıda keçirilən COP29-u – hər birini mənbələri ilə.",
            "This page gives the climate background to the accession: Azerbaijan's greenhouse gas emissions, its national climate targets (NDCs) and COP29 in Baku – each with its sources."
        ),
        ClimateEmissionsTitle => ("Azərbaycanın emissiyaları", "Azerbaijan's emissions"),
        ClimateEmissionsLead => (
            "Rəsmi inventarizasiyanın rəqəmləri, onlardan hesablanan rəqəmlər və kənar model təxminləri tarix ardıcıllığı ilə. Hər kartda rəqəmin nə olduğu və nə qədər etibarlı olduğu yazılıb.",
            "Official inventory figures, figures worked out from them and outside model estimates, in date order. Each card says what the figure is and how far it can be trusted."
        ),
        ClimateDisagreeTitle => ("Bu rəqəmlər bir-birinə uyğun gəlmir", "These figures disagree"),
        ClimateDisagreeBody => (
            "Aşağıdakı rəqəmlər eyni şey haqqındadır, amma fərqlidir. Portal onlardan birini seçmir, hamısını mənbələri ilə yan-yana göstərir.",
            "The figures below are about the same thing but differ. The portal does not pick one; it shows them side by side with their sources."
        ),
        ClimateDisagreeWhy => ("Fərqin izahı", "Why they differ"),
        ClimateSectorsTitle => ("Sektorlar üzrə paylar", "Shares by sector"),
        ClimateSectorsCaption => (
            "Sektorların ümumi emissiyadakı payı",
            "Each sector's share of total emissions"
        ),
        ClimateTargetsTitle => ("Milli iqlim hədəfləri (NDC)", "National climate targets (NDCs)"),
        ClimateTargetsLead => (
            "Azərbaycanın BMT-yə təqdim etdiyi emissiya azaltma hədəfləri. Sonradan başqa hədəflə əvəz olunan hədəf ayrıca qeyd olunub.",
            "The emissions targets Azerbaijan has filed with the UN. A target that a later one replaced is marked as such."
        ),
        ClimateTargetsCaption => ("Emissiyaları azaltma hədəfləri", "Emissions reduction targets"),
        ClimateTargetsRegion => (
            "İqlim hədəfləri cədvəli, yana sürüşdürmək olar",
            "Table of climate targets, scrolls sideways"
        ),
        ClimateColTarget => ("Hədəf", "Target"),
        ClimateColChange => ("Baza ilinə nisbətən dəyişiklik", "Change from the base year"),
        ClimateColTargetYear => ("Hədəf ili", "Target year"),
        ClimateColBaseYear => ("Baza ili", "Base year"),
        ClimateColConditional => ("Şərtlidirmi?", "Conditional?"),
        ClimateColStatus => ("Vəziyyəti", "Status"),
        ClimateConditionalYes => ("Bəli: xarici dəstəkdən asılıdır", "Yes: depends on outside support"),
        ClimateConditionalNo => ("Şərti kimi qeyd olunmayıb", "Not marked as conditional"),
        ClimateSupersededBy => ("Əvəz olunub:", "Replaced by:"),
        ClimateNotSuperseded => ("Əvəz olunması qeyd olunmayıb", "No replacement recorded"),
        ClimateOtherTargets => ("Digər hədəflər", "Other targets"),
        ClimateCop29Title => ("COP29 və milli töhfələr", "COP29 and the national contributions"),
        ClimateCop29Lead => (
            "COP29 Bakıda keçirildi. Konfransın qəbul etdiyi iqlim maliyyəsi hədəfi və Azərbaycanın milli töhfələri ilə bağlı hadisələr:",
            "COP29 was held in Baku. The climate finance goal the conference adopted, and the events around Azerbaijan's national contributions:"
        ),

        // ---- Figures, the finder and data releases (each figure's own page, the list of
        // every figure, pinned releases and the feed). Keys start with Figure, Finder, Cite,
        // Release, Feed or Pinned.
        FiguresTitle => ("Bütün rəqəmlər", "All figures"),
        DescFigures => (
            "Portaldakı bütün rəqəmlər bir siyahıda, mənbəyi, tarixi və etibarlılığı ilə. Rəqəmləri sözə, mövzuya, etibarlılığa və tarixə görə seçmək olar.",
            "Every figure on the portal in one list, with its source, date and confidence: filter it by words, topic, confidence and date."
        ),
        FinderLead => (
            "Hər rəqəmin öz səhifəsi var: orada rəqəmin mənbələri, tarixi, etibarlılığı, ona zidd rəqəmlər və köçürməyə hazır istinad mətni verilir. Siyahı mövzulara görə qruplaşdırılıb.",
            "Every figure has a page of its own, with its sources, date, confidence, the figures it disagrees with and a citation ready to copy. The list is grouped by topic."
        ),
        FinderFilter => ("Rəqəm süzgəci", "Filter the figures"),
        FinderWords => ("Söz və ya rəqəm", "Words or a number"),
        FinderWordsHint => (
            "Azərbaycan hərflərini xüsusi işarəsiz də yaza bilərsiniz: ə əvəzinə e, ş əvəzinə s.",
            "Azerbaijani letters can be typed without their marks: e for ə, s for ş."
        ),
        FinderTopic => ("Mövzu", "Topic"),
        FinderAnyTopic => ("Bütün mövzular", "All topics"),
        FinderAnyConfidence => ("Bütün etibarlılıq dərəcələri", "Any confidence"),
        FinderFrom => ("Başlanğıc ili", "From the year"),
        FinderTo => ("Son il", "Up to the year"),
        FinderAnyYear => ("İstənilən il", "any year"),
        FinderCount => ("{total} rəqəmdən {shown} rəqəm göstərilir.", "Showing {shown} of {total} figures."),
        FinderNone => ("Bu süzgəcə uyğun rəqəm yoxdur.", "No figure matches this filter."),
        FinderClear => ("Süzgəci sıfırla", "Clear the filter"),
        FinderDownloadCsv => ("Göstərilən rəqəmlər: CSV cədvəli", "The figures shown: CSV table"),
        FinderDownloadJson => ("Göstərilən rəqəmlər: JSON faylı", "The figures shown: JSON data"),
        FinderColFigure => ("Rəqəm", "Figure"),
        FinderSearchLabel => ("Rəqəm axtar", "Find a figure"),
        FinderSearchButton => ("Axtar", "Search"),
        FigurePageLink => ("Bu rəqəmin səhifəsi", "This figure's page"),
        FigureAbout => ("Kimə aiddir", "About"),
        FigureTopicLabel => ("Mövzu", "Topic"),
        FigureIdLabel => ("Rəqəmin identifikatoru", "Figure id"),
        FigureSourcesTitle => ("Mənbələr", "Where it comes from"),
        FigureSourcePublished => ("dərc tarixi", "published"),
        FigureSourceAccessed => ("müraciət tarixi", "accessed"),
        FigureConflictsLead => (
            "Bu rəqəm aşağıdakı rəqəmlərlə üst-üstə düşmür. Portal hamısını mənbələri ilə yan-yana göstərir:",
            "This figure disagrees with the ones below. The portal shows them side by side, each with its sources:"
        ),
        FigureUsedTitle => ("Harada göstərilir", "Where it is shown"),
        FigureUsedCharts => ("Qrafiklər", "Charts"),
        FigureUsedPages => ("Səhifələr", "Pages"),
        FigureUsedNowhere => (
            "Bu rəqəm portalın səhifələrində və qrafiklərində göstərilmir; o, yalnız məlumat paketində və rəqəmlər siyahısındadır.",
            "This figure is not shown on the portal's pages or charts; it is in the data package and the list of figures only."
        ),
        FigureReleaseTitle => ("Məlumat buraxılışı", "Data release"),
        FigureInRelease => (
            "Bu rəqəm {version} məlumat buraxılışındandır ({date}).",
            "This figure is from data release {version} ({date})."
        ),
        FigureReleaseFile => ("Bu buraxılışın dəyişməz faylı", "This release's unchanging file"),
        FigureHistoryTitle => ("Əvvəlki buraxılışlarda", "In earlier releases"),
        FigureHistoryAbsent => ("bu buraxılışda yox idi", "not in this release"),
        FigureHistorySame => ("Rəqəm əvvəlki buraxılışlarda da dəyişməyib.", "It was the same in earlier releases."),
        FigureChangesTitle => ("Bu rəqəmlə bağlı dəyişikliklər", "Changes to this figure"),
        CiteTitle => ("Bu rəqəmə necə istinad etməli", "How to cite this figure"),
        CiteLead => (
            "İstinadda rəqəmin götürüldüyü buraxılış göstərilir. Bu buraxılışın faylları heç vaxt dəyişmir, ona görə istinadı yoxlayan hər kəs eyni rəqəmi tapacaq.",
            "The citation names the figure's release: that release's files never change, so anyone who follows it finds the same number."
        ),
        CiteText => ("Mətn", "Text"),
        CiteBibtex => ("BibTeX (LaTeX üçün)", "BibTeX (for LaTeX)"),
        CiteCsl => ("CSL-JSON (Zotero və Mendeley üçün)", "CSL-JSON (for Zotero and Mendeley)"),
        CiteCopy => ("Kopyala", "Copy"),
        CiteCopied => ("Kopyalandı", "Copied"),
        CitePlain => (
            "Klaster ({year}). {label}: {value}, tarix: {date}. Mənbələr: {sources}. Klaster açıq məlumat paketi, {version} buraxılışı ({released}). {url}",
            "Klaster ({year}). {label}: {value}, as of {date}. Sources: {sources}. Klaster open data, release {version} ({released}). {url}"
        ),
        CiteReleaseName => ("Klaster açıq məlumat paketi, {version} buraxılışı", "Klaster open data, release {version}"),
        CiteAccessed => ("Müraciət tarixi: {date}.", "Accessed {date}."),
        ReleasesLead => (
            "Məlumatlar buraxılışlar şəklində dərc olunur. Hər buraxılışın faylları ayrıca ünvanda saxlanılır və dəyişmir, ona görə buraxılışa istinad etmək və ya qrafiki ona bağlamaq olar.",
            "The data is published in releases. Every file of each release is kept at its own address and never changes, so you can cite it or pin a chart to it."
        ),
        ReleaseFiles => ("Buraxılışın faylları", "The release's files"),
        ReleaseCurrent => ("cari buraxılış", "the current release"),
        ReleaseNotKept => ("Bu buraxılışın faylları saxlanılmayıb.", "This release's files were not kept."),
        ReleaseTouched => ("Dəyişən qeydlər", "Records touched"),
        FeedSubscribe => ("Buraxılışlara və düzəlişlərə abunə olun (Atom lenti)", "Follow releases and corrections (Atom feed)"),
        FeedTitle => ("Klaster: məlumat buraxılışları və düzəlişlər", "Klaster: data releases and corrections"),
        FeedSubtitle => (
            "Portalın açıq məlumat paketinin hər yeni buraxılışı və hər düzəlişi.",
            "Every new release of the portal's open data package, and every correction."
        ),
        FeedReleaseTitle => ("{version} məlumat buraxılışı ({date})", "Data release {version} ({date})"),
        FeedCorrectionTitle => ("{version} buraxılışında düzəliş", "A correction in release {version}"),
        PinnedRelease => (
            "Bu qrafik {version} məlumat buraxılışının ({date}) rəqəmlərini göstərir.",
            "This chart shows the figures of data release {version} ({date})."
        ),
        PinnedNewer => (
            "Sonradan daha yeni məlumat dərc olunub ({latest} buraxılışı).",
            "Newer data has been published since (release {latest})."
        ),
        PinnedSeeLatest => ("Ən son rəqəmlərə baxın", "See the latest figures"),
        EmbedDialogRelease => ("Qrafiki {version} buraxılışına bağla", "Keep the figures of release {version}"),
        EmbedDialogReleaseHelp => (
            "Qrafik məqalənizin istinad etdiyi rəqəmləri göstərməyə davam edir. Daha yeni məlumat dərc olunanda bunu bildirir və ona keçid verir.",
            "The chart keeps showing the figures your article cites. When newer data is published, it says so and links to it."
        ),
    }
}

pub fn confidence_label(confidence: Confidence) -> Msg {
    match confidence {
        Confidence::High => Msg::ConfidenceHigh,
        Confidence::Medium => Msg::ConfidenceMedium,
        Confidence::Low => Msg::ConfidenceLow,
        Confidence::Unverified => Msg::ConfidenceUnverified,
        Confidence::Derived => Msg::ConfidenceDerived,
    }
}

/// The name of a kind of event, as the pages and the timeline chart give it.
pub fn event_kind_label(kind: EventKind) -> Msg {
    match kind {
        EventKind::Institution => Msg::PagesEventKindInstitution,
        EventKind::Policy => Msg::PagesEventKindPolicy,
        EventKind::Agreement => Msg::PagesEventKindAgreement,
        EventKind::Announcement => Msg::PagesEventKindAnnouncement,
        EventKind::Meeting => Msg::PagesEventKindMeeting,
        EventKind::Statement => Msg::PagesEventKindStatement,
        EventKind::Recognition => Msg::PagesEventKindRecognition,
        EventKind::Construction => Msg::PagesEventKindConstruction,
    }
}

pub fn confidence_help(confidence: Confidence) -> Msg {
    match confidence {
        Confidence::High => Msg::ConfidenceHighHelp,
        Confidence::Medium => Msg::ConfidenceMediumHelp,
        Confidence::Low => Msg::ConfidenceLowHelp,
        Confidence::Unverified => Msg::ConfidenceUnverifiedHelp,
        Confidence::Derived => Msg::ConfidenceDerivedHelp,
    }
}

/// The meta description of a page.
pub fn page_description(page: &Page) -> Msg {
    match page {
        Page::Home => Msg::DescHome,
        Page::Initiative => Msg::DescInitiative,
        Page::Azerbaijan => Msg::DescAzerbaijan,
        Page::Nextgen => Msg::DescNextgen,
        Page::Climate => Msg::DescClimate,
        Page::Data => Msg::DescData,
        Page::Sources => Msg::DescSources,
        Page::About => Msg::DescAbout,
        Page::Figures => Msg::DescFigures,
        Page::NotFound(_) => Msg::NotFoundBody,
    }
}

/// The navigation label and page title of a page.
pub fn page_title(page: &Page) -> Msg {
    match page {
        Page::Home => Msg::NavHome,
        Page::Initiative => Msg::NavInitiative,
        Page::Azerbaijan => Msg::NavAzerbaijan,
        Page::Nextgen => Msg::NavNextgen,
        Page::Climate => Msg::NavClimate,
        Page::Data => Msg::NavData,
        Page::Sources => Msg::NavSources,
        Page::About => Msg::NavAbout,
        Page::Figures => Msg::FiguresTitle,
        Page::NotFound(_) => Msg::NotFoundTitle,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_exists_and_is_non_empty_in_both_languages() {
        for message in Msg::ALL {
            for locale in Locale::ALL {
                assert!(
                    !message.get(locale).trim().is_empty(),
                    "{message:?} is empty in {locale:?}"
                );
            }
        }
    }

    #[test]
    fn azerbaijani_texts_are_not_left_in_english() {
        // A message identical in both languages is a forgotten translation, except names.
        for message in Msg::ALL {
            if matches!(message, Msg::SiteName) {
                continue;
            }
            assert_ne!(
                message.get(Locale::Az),
                message.get(Locale::En),
                "{message:?} is not translated"
            );
        }
    }

    #[test]
    fn messages_follow_the_house_style_of_numbers_suffixes_and_terms() {
        for message in Msg::ALL {
            for locale in Locale::ALL {
                // A licence's name carries its version number as its owner writes it.
                let text = message.get(locale).replace("CC BY 4.0", "CC BY");
                let problems = crate::wording::style_problems(&text, locale);
                assert!(
                    problems.is_empty(),
                    "{message:?} in {locale:?}: {problems:?}"
                );
            }
        }
    }

    #[test]
    fn both_languages_have_the_same_slots() {
        let slots = |text: &str| -> Vec<String> {
            let mut names: Vec<String> = text
                .split('{')
                .skip(1)
                .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_string()))
                .collect();
            names.sort();
            names
        };
        for message in Msg::ALL {
            assert_eq!(
                slots(message.get(Locale::Az)),
                slots(message.get(Locale::En)),
                "{message:?}"
            );
        }
        assert_eq!(
            Msg::DataReviewedOn.fill(Locale::En, &[("date", "5 December 2026")]),
            "Data reviewed on 5 December 2026."
        );
    }

    #[test]
    fn every_confidence_level_has_a_label_and_an_explanation() {
        for confidence in Confidence::ALL {
            assert_ne!(confidence_label(confidence), confidence_help(confidence));
        }
    }
}
