//! Every fixed string the portal shows, in both languages. Data texts live in the data
//! package; these are the words of the interface around them.

use crate::figure::Confidence;
use crate::route::Page;
use crate::text::Locale;

macro_rules! messages {
    ($($name:ident => ($az:expr, $en:expr),)*) => {
        /// A fixed interface text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg { $($name,)* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$name,)*];

            fn pair(self) -> (&'static str, &'static str) {
                match self { $(Msg::$name => ($az, $en),)* }
            }
        }
    };
}

impl Msg {
    pub fn get(self, locale: Locale) -> &'static str {
        let (az, en) = self.pair();
        match locale {
            Locale::Az => az,
            Locale::En => en,
        }
    }
}

messages! {
    SiteName => ("Klaster", "Klaster"),
    SiteTagline => (
        "Azərbaycan və DİF-in Sənaye Klasterlərinə Keçid təşəbbüsü: mənbəli faktlar",
        "Azerbaijan and the WEF Transitioning Industrial Clusters initiative: sourced facts"
    ),
    SkipToContent => ("Əsas məzmuna keç", "Skip to main content"),
    MainNavigation => ("Əsas naviqasiya", "Main navigation"),
    LanguageSwitch => ("English", "Azərbaycanca"),
    LanguageSwitchLabel => ("Read this page in English", "Bu səhifəni azərbaycanca oxuyun"),
    NavHome => ("Əsas səhifə", "Home"),
    NavData => ("Məlumatlar", "Data"),
    NavSources => ("Mənbələr", "Sources"),
    NavAbout => ("Layihə haqqında", "About"),
    FooterLicence => (
        "Məlumatlar CC BY 4.0 lisenziyası ilə dərc olunur: mənbəni göstərməklə istifadə edə bilərsiniz.",
        "Data published under CC BY 4.0: reuse it freely with attribution."
    ),
    FooterSources => ("Bütün mənbələr və metodologiya", "All sources and methodology"),
    FooterIndependent => (
        "Müstəqil şəffaflıq portalı. Dünya İqtisadi Forumu və ya Azərbaycan hökuməti ilə bağlı deyil.",
        "An independent transparency portal, not affiliated with the World Economic Forum or the Government of Azerbaijan."
    ),
    NotFoundTitle => ("Səhifə tapılmadı (404)", "Page not found (404)"),
    NotFoundBody => (
        "Axtardığınız ünvanda səhifə yoxdur. Ünvan köhnəlmiş və ya səhv yazılmış ola bilər.",
        "There is no page at this address. The link may be out of date or mistyped."
    ),
    NotFoundBack => ("Əsas səhifəyə qayıt", "Back to the home page"),
    Loading => ("Məlumatlar yüklənir…", "Loading the data…"),
    DataError => ("Məlumatları yükləmək alınmadı", "The data could not be loaded"),
    Retry => ("Yenidən cəhd edin", "Try again"),
    HashMismatch => (
        "Diqqət: bu məlumat faylı dərc olunmuş SHA-256 xeşinə uyğun gəlmir. Rəqəmlər təsdiqlənmiş kimi təqdim edilmir.",
        "Warning: this data file does not match its published SHA-256 hash. Its figures are not presented as verified."
    ),
    KeyFiguresNote => (
        "Son rəqəmlər təşəbbüsün Azərbaycan qoşulduqdan sonrakı vəziyyətini göstərir. Təsir göstəriciləri Azərbaycan qoşulmazdan əvvəlki 39 klasterə aiddir və yalnız Azərbaycan elanında verilib.",
        "The latest counts describe the initiative after Azerbaijan joined. The impact figures describe the 39 clusters before Azerbaijan joined and appear only in Azerbaijan's announcement."
    ),
    HomeTitle => (
        "Azərbaycan Sənaye Klasterlərinə Keçid təşəbbüsündə",
        "Azerbaijan in the Transitioning Industrial Clusters initiative"
    ),
    HomeLead => (
        "2026-cı ilin yanvarında Davosda Azərbaycan Dünya İqtisadi Forumunun Sənaye Klasterlərinə Keçid təşəbbüsünə qoşulmaq barədə Niyyət Məktubu imzaladı. Təşəbbüsdə ölkəni Sumqayıt Sənaye Parkında yaradılan NextGen klasteri təmsil edir: İqtisadi Zonaların İnkişafı Agentliyi, SOCAR Polymer və SOCAR Karbamid.",
        "In January 2026, in Davos, Azerbaijan signed a Letter of Intent to join the World Economic Forum's Transitioning Industrial Clusters initiative. The country takes part through the NextGen cluster being formed in Sumgait Industrial Park by the Economic Zones Development Agency, SOCAR Polymer and SOCAR Karbamid."
    ),
    KeyFigures => ("Əsas rəqəmlər", "Key figures"),
    HowToRead => ("Bu saytı necə oxumalı", "How to read this site"),
    HowToReadBody => (
        "Hər rəqəmin yanında onun mənbəyi, tarixi və etibarlılıq dərəcəsi var: rəqəmə toxunun və ya klaviatura ilə seçin. Təsdiqlənməmiş və hesablanmış rəqəmlər ayrıca qeyd olunur.",
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
        "Portaldakı hər rəqəm aşağıdakı ictimai mənbələrdən birinə əsaslanır. Mənbələr nəşr tarixinə görə düzülüb.",
        "Every figure on this portal rests on one of the public sources below, listed by publication date."
    ),
    ConfidenceScale => ("Etibarlılıq şkalası", "The confidence scale"),
    Published => ("Dərc tarixi", "Published"),
    Language => ("Dil", "Language"),
    Undated => ("tarixsiz", "undated"),
    DataTitle => ("Açıq məlumatlar", "Open data"),
    DataLead => (
        "Portalın göstərdiyi bütün faktlar Frictionless Data Package formatında açıq paket kimi dərc olunur. Hər faylın ölçüsü və SHA-256 xeşi var ki, yüklədiyiniz faylın dəyişmədiyini yoxlaya biləsiniz.",
        "Every fact the portal shows is published as an open Frictionless Data Package. Each file lists its size and SHA-256 hash, so you can check that what you downloaded is unchanged."
    ),
    Download => ("Yüklə", "Download"),
    Schema => ("Sxem", "Schema"),
    Size => ("Ölçü", "Size"),
    Hash => ("SHA-256 xeşi", "SHA-256 hash"),
    Licence => ("Lisenziya", "Licence"),
    Bytes => ("bayt", "bytes"),
    AboutTitle => ("Layihə haqqında", "About this portal"),
    AboutBody => (
        "Klaster vətəndaşlar, jurnalistlər və tədqiqatçılar üçün açıq portaldır. O, Azərbaycanın DİF-in Sənaye Klasterlərinə Keçid təşəbbüsünə qoşulması haqqında dərc olunmuş faktları bir yerə toplayır və hər birini mənbəyi ilə göstərir. Portal bütünlüklə brauzerdə işləyir və yalnız dərc olunmuş məlumat fayllarını oxuyur.",
        "Klaster is an open portal for citizens, journalists and researchers. It brings together the published facts about Azerbaijan joining the WEF Transitioning Industrial Clusters initiative and shows each one with its source. It runs entirely in your browser and reads only the published data files."
    ),
    ConfidenceHigh => ("yüksək", "high"),
    ConfidenceMedium => ("orta", "medium"),
    ConfidenceLow => ("aşağı", "low"),
    ConfidenceUnverified => ("təsdiqlənməyib", "unverified"),
    ConfidenceDerived => ("hesablanıb", "derived"),
    ConfidenceHighHelp => (
        "rəsmi və ya ilkin mənbə, yaxud bir-biri ilə razılaşan bir neçə müstəqil mənbə",
        "a primary or official source, or several independent sources that agree"
    ),
    ConfidenceMediumHelp => (
        "bir ikinci dərəcəli mənbə və ya rəsminin şifahi açıqlaması",
        "a single secondary source, or an official's spoken remark"
    ),
    ConfidenceLowHelp => ("zəif və ya modelə əsaslanan mənbə", "a weak or model-based source"),
    ConfidenceUnverifiedHelp => (
        "yalnız ilkin elanda var; aid olduğu qurumun mənbəyində təsdiqlənməyib",
        "only in the original announcement; not confirmed by the body it is about"
    ),
    ConfidenceDerivedHelp => (
        "heç kim dərc etməyib; portal başqa rəqəmlərdən hesablayıb",
        "not published by anyone; worked out by the portal from other figures"
    ),
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

pub fn confidence_help(confidence: Confidence) -> Msg {
    match confidence {
        Confidence::High => Msg::ConfidenceHighHelp,
        Confidence::Medium => Msg::ConfidenceMediumHelp,
        Confidence::Low => Msg::ConfidenceLowHelp,
        Confidence::Unverified => Msg::ConfidenceUnverifiedHelp,
        Confidence::Derived => Msg::ConfidenceDerivedHelp,
    }
}

/// The navigation label and page title of a page.
pub fn page_title(page: &Page) -> Msg {
    match page {
        Page::Home => Msg::NavHome,
        Page::Data => Msg::NavData,
        Page::Sources => Msg::NavSources,
        Page::About => Msg::NavAbout,
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
    fn every_confidence_level_has_a_label_and_an_explanation() {
        for confidence in Confidence::ALL {
            assert_ne!(confidence_label(confidence), confidence_help(confidence));
        }
    }
}
