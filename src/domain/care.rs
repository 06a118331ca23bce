//! Back care rules: when to get help (three tiers of signs, after NHS
//! guidance), which numbers to call where the walker lives, and flare-ups
//! as the pacing plan sees them.
//!
//! Every sign's wording and its source are listed in `docs/care.md`, and so
//! is the official source of every phone number in [`COUNTRIES`]. A number
//! is only ever dialled by a button when it is the right service for that
//! country: the emergency number for the emergency tier, and a
//! non-emergency health line only where an official source confirms one
//! ([`Country::health_line`]). For "Other" there is no button at all.

use chrono::{Days, NaiveDate};

use super::pacing::{self, Baseline, FlareUp, Plan};
use super::settings::Settings;
use super::store::Store;

/// How quickly to get help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tier {
    /// Call the emergency number or go to an emergency department now.
    Emergency,
    /// See a doctor today: an urgent GP appointment, or a health line.
    Urgent,
    /// No rush: see a GP or physiotherapist.
    SeeGp,
}

/// Where a sign's wording comes from (the full references are in
/// `docs/care.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// NHS, "Back pain" (nhs.uk/conditions/back-pain).
    NhsBackPain,
    /// NHS, "Sciatica" (nhs.uk/conditions/sciatica).
    NhsSciatica,
    /// The cauda equina syndrome warning card used in NHS trust leaflets.
    CaudaEquinaCard,
    /// NICE guideline NG59 and NICE CKS: signs of a specific cause
    /// (infection, cancer, fracture) to rule out.
    NiceNg59,
}

/// One sign to look out for, in plain words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sign {
    /// The sign, completing "... if you have back pain or sciatica and".
    pub text: &'static str,
    /// Where the wording comes from.
    pub source: Source,
}

const fn sign(text: &'static str, source: Source) -> Sign {
    Sign { text, source }
}

/// Call the emergency number or go to an emergency department now.
pub const EMERGENCY_SIGNS: &[Sign] = &[
    sign(
        "numbness or tingling around your genitals, your bottom or between your legs",
        Source::NhsBackPain,
    ),
    sign(
        "the feeling is different when you wipe yourself with toilet paper",
        Source::CaudaEquinaCard,
    ),
    sign(
        "new trouble peeing, you can't pee, or you can't feel when you need to",
        Source::NhsSciatica,
    ),
    sign(
        "new loss of control of your bladder or bowels (wetting or soiling yourself)",
        Source::NhsBackPain,
    ),
    sign(
        "new trouble getting or keeping an erection",
        Source::CaudaEquinaCard,
    ),
    sign(
        "pain, tingling, weakness or numbness in both legs, or sciatica in both legs",
        Source::NhsBackPain,
    ),
    sign(
        "weakness or numbness in your legs that is severe or getting worse",
        Source::NhsSciatica,
    ),
    sign("chest pain", Source::NhsBackPain),
    sign(
        "the pain started after a serious accident, such as a car accident",
        Source::NhsBackPain,
    ),
];

/// See a doctor today (an urgent GP appointment, or a health line).
pub const URGENT_SIGNS: &[Sign] = &[
    sign(
        "a high temperature, or you feel hot and shivery",
        Source::NhsBackPain,
    ),
    sign(
        "you have lost weight without trying to",
        Source::NhsBackPain,
    ),
    sign(
        "a lump or swelling in your back, or your back has changed shape",
        Source::NhsBackPain,
    ),
    sign(
        "the pain does not get better when you rest, or it is worse at night",
        Source::NhsBackPain,
    ),
    sign(
        "the pain gets worse when you sneeze, cough or go to the toilet",
        Source::NhsBackPain,
    ),
    sign(
        "the pain is high in your back, between your shoulders, rather than low down",
        Source::NhsBackPain,
    ),
    sign(
        "the pain started after a fall or a smaller accident",
        Source::NiceNg59,
    ),
    sign("you have had cancer before", Source::NiceNg59),
];

/// No rush: see a GP or physiotherapist.
pub const SEE_GP_SIGNS: &[Sign] = &[
    sign(
        "the pain is not getting better after a few weeks",
        Source::NhsBackPain,
    ),
    sign(
        "it stops you doing your everyday things",
        Source::NhsBackPain,
    ),
    sign(
        "the pain is very bad, or it keeps getting worse",
        Source::NhsSciatica,
    ),
    sign(
        "you are worried about it, or finding it hard to cope",
        Source::NhsBackPain,
    ),
];

/// The signs of one tier.
pub fn signs(tier: Tier) -> &'static [Sign] {
    match tier {
        Tier::Emergency => EMERGENCY_SIGNS,
        Tier::Urgent => URGENT_SIGNS,
        Tier::SeeGp => SEE_GP_SIGNS,
    }
}

/// Pain from this score up (0-10) is "very bad": the see-a-GP tier is
/// shown beside the walk, with the way to the urgent signs.
pub const VERY_BAD_PAIN: u8 = pacing::HIGH_PAIN;

/// The tier to show beside a pain score picked before or after a walk, if
/// any (before a walk it shows at once, before Start): pain of
/// [`VERY_BAD_PAIN`] or more shows the see-a-GP tier (very bad pain is on
/// its list), with a link to the urgent signs; lower pain shows none.
pub fn tier_for_pain(score: Option<u8>) -> Option<Tier> {
    score.filter(|&s| s >= VERY_BAD_PAIN).map(|_| Tier::SeeGp)
}

/// The tier to show while a flare-up is on: see a GP or physiotherapist if
/// it does not settle, with a link to the urgent signs.
pub fn tier_for_flare(in_flare: bool) -> Option<Tier> {
    in_flare.then_some(Tier::SeeGp)
}

/// The heading of a tier's list for a country, completed by its signs.
pub fn heading(tier: Tier, c: &Country) -> String {
    match tier {
        Tier::Emergency if c.nhs => {
            "Call 999 or go to A&E now if you have back pain or sciatica and:".to_string()
        }
        Tier::Emergency => match c.emergency {
            Some(n) => format!(
                "Call {} or go to the nearest emergency department now if you have back pain or sciatica and:",
                n.shown
            ),
            None => "Call your local emergency number or go to the nearest emergency department now if you have back pain or sciatica and:".to_string(),
        },
        Tier::Urgent if c.nhs => {
            "Get an urgent GP appointment or call 111 if you have back pain or sciatica and:"
                .to_string()
        }
        Tier::Urgent => match c.health_line {
            Some(l) => format!(
                "See a doctor today, or call {} on {}, if you have back pain or sciatica and:",
                l.name, l.number.shown
            ),
            None => "See a doctor today (your own doctor or an out-of-hours service) if you have back pain or sciatica and:".to_string(),
        },
        Tier::SeeGp if c.nhs => "See a GP or physiotherapist if:".to_string(),
        Tier::SeeGp => "See a doctor or physiotherapist if:".to_string(),
    }
}

/// The label of a tier's call button for a country, and its `tel:` link;
/// `None` where no button may be shown: the see-a-GP tier, "Other", and
/// the urgent tier where no official health line is known.
pub fn call_button(tier: Tier, c: &Country) -> Option<(String, String)> {
    match tier {
        Tier::Emergency => c.emergency.map(|n| (format!("Call {}", n.shown), n.href())),
        Tier::Urgent => c.health_line.map(|l| {
            let label = if l.number.shown.len() <= 7 {
                format!("Call {}", l.number.shown)
            } else {
                format!("Call {} {}", l.name, l.number.shown)
            };
            (label, l.number.href())
        }),
        Tier::SeeGp => None,
    }
}

/// A phone number as shown and as dialled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Number {
    /// As written, e.g. `"116 117"`.
    pub shown: &'static str,
    /// As dialled: digits only, e.g. `"116117"`.
    pub dial: &'static str,
}

impl Number {
    /// The `tel:` link for this number.
    pub fn href(&self) -> String {
        format!("tel:{}", self.dial)
    }
}

const fn num(shown: &'static str, dial: &'static str) -> Number {
    Number { shown, dial }
}

/// A non-emergency health line, confirmed by an official source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HealthLine {
    /// The service's name, e.g. "NHS 111".
    pub name: &'static str,
    /// Its number.
    pub number: Number,
    /// A short note on where it works, if it does not cover everyone.
    pub note: Option<&'static str>,
}

/// A country and its numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166 code (`"GB"`), or [`OTHER`].
    pub code: &'static str,
    /// English name, e.g. "United Kingdom".
    pub name: &'static str,
    /// The number for a medical emergency, `None` for "Other".
    pub emergency: Option<Number>,
    /// A short note on other emergency numbers, if useful.
    pub emergency_note: Option<&'static str>,
    /// An urgent, non-emergency health line, only where an official source
    /// confirms one.
    pub health_line: Option<HealthLine>,
    /// True in the UK: the NHS wording ("GP", "A&E", "111") applies as is.
    pub nhs: bool,
}

/// The code of "Other": somewhere not in the list.
pub const OTHER: &str = "OTHER";

const fn c(code: &'static str, name: &'static str, emergency: Number) -> Country {
    Country {
        code,
        name,
        emergency: Some(emergency),
        emergency_note: None,
        health_line: None,
        nhs: false,
    }
}

const E112: Number = num("112", "112");

/// Every country Loopwalk knows, by name, with "Other" last.
pub const COUNTRIES: &[Country] = &[
    Country {
        emergency_note: Some("In an emergency, 112 also works from a mobile."),
        ..c("AU", "Australia", num("000", "000"))
    },
    c("AT", "Austria", E112),
    c("BE", "Belgium", E112),
    c("BG", "Bulgaria", E112),
    c("CA", "Canada", num("911", "911")),
    c("HR", "Croatia", E112),
    c("CY", "Cyprus", E112),
    c("CZ", "Czechia", E112),
    c("DK", "Denmark", E112),
    c("EE", "Estonia", E112),
    c("FI", "Finland", E112),
    c("FR", "France", E112),
    Country {
        health_line: Some(HealthLine {
            name: "the medical on-call service (ärztlicher Bereitschaftsdienst)",
            number: num("116 117", "116117"),
            note: None,
        }),
        ..c("DE", "Germany", E112)
    },
    c("GR", "Greece", E112),
    c("HU", "Hungary", E112),
    c("IS", "Iceland", E112),
    Country {
        emergency_note: Some("For an ambulance, 108 also works in most states."),
        ..c("IN", "India", E112)
    },
    Country {
        emergency_note: Some("999 also works."),
        ..c("IE", "Ireland", E112)
    },
    c("IT", "Italy", E112),
    c("LV", "Latvia", E112),
    c("LI", "Liechtenstein", E112),
    c("LT", "Lithuania", E112),
    c("LU", "Luxembourg", E112),
    c("MT", "Malta", E112),
    c("NL", "Netherlands", E112),
    Country {
        health_line: Some(HealthLine {
            name: "Healthline",
            number: num("0800 611 116", "0800611116"),
            note: Some("Free, 24 hours, with nurses and paramedics."),
        }),
        ..c("NZ", "New Zealand", num("111", "111"))
    },
    c("NO", "Norway", E112),
    c("PL", "Poland", E112),
    c("PT", "Portugal", E112),
    c("RO", "Romania", E112),
    c("SK", "Slovakia", E112),
    c("SI", "Slovenia", E112),
    Country {
        emergency_note: Some("From a landline, call 10177 for an ambulance."),
        ..c("ZA", "South Africa", E112)
    },
    c("ES", "Spain", E112),
    c("SE", "Sweden", E112),
    Country {
        emergency_note: Some("144 is the ambulance; 112 also works."),
        ..c("CH", "Switzerland", num("144", "144"))
    },
    Country {
        emergency_note: Some("112 also works."),
        health_line: Some(HealthLine {
            name: "NHS 111",
            number: num("111", "111"),
            note: Some(
                "111 covers England, Scotland and Wales. In Northern Ireland, contact your GP or the GP out-of-hours service.",
            ),
        }),
        nhs: true,
        ..c("GB", "United Kingdom", num("999", "999"))
    },
    c("US", "United States", num("911", "911")),
    Country {
        code: OTHER,
        name: "Somewhere else",
        emergency: None,
        emergency_note: None,
        health_line: None,
        nhs: false,
    },
];

/// The 27 EU countries and the 3 other EEA countries.
pub const EU_EEA: [&str; 30] = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
];

/// The country with this code; "Other" for an unknown code.
pub fn country(code: &str) -> &'static Country {
    COUNTRIES
        .iter()
        .find(|c| c.code.eq_ignore_ascii_case(code))
        .unwrap_or_else(other)
}

/// "Other": somewhere not in the list.
pub fn other() -> &'static Country {
    COUNTRIES.last().expect("the list ends with Other")
}

/// Guess the country from an IANA time zone (as the browser reports it,
/// `Intl.DateTimeFormat().resolvedOptions().timeZone`), offline. Zones
/// shared by several countries go to the country most people using them
/// live in; anything else is "Other". Only ever a guess: the walker
/// confirms or changes it.
pub fn guess_country(time_zone: &str) -> &'static Country {
    country(guess_code(time_zone))
}

fn guess_code(tz: &str) -> &'static str {
    let (area, city) = tz.split_once('/').unwrap_or((tz, ""));
    match (area, city) {
        ("Europe", "London" | "Belfast") | ("GB" | "GB-Eire", _) => "GB",
        ("Europe", "Dublin") | ("Eire", _) => "IE",
        ("Europe", city) => match city {
            "Vienna" => "AT",
            "Brussels" => "BE",
            "Sofia" => "BG",
            "Zagreb" => "HR",
            "Nicosia" => "CY",
            "Prague" => "CZ",
            "Copenhagen" => "DK",
            "Tallinn" => "EE",
            "Helsinki" | "Mariehamn" => "FI",
            "Paris" => "FR",
            "Berlin" | "Busingen" => "DE",
            "Athens" => "GR",
            "Budapest" => "HU",
            "Rome" => "IT",
            "Riga" => "LV",
            "Vaduz" => "LI",
            "Vilnius" => "LT",
            "Luxembourg" => "LU",
            "Malta" => "MT",
            "Amsterdam" => "NL",
            "Oslo" => "NO",
            "Warsaw" => "PL",
            "Lisbon" => "PT",
            "Bucharest" => "RO",
            "Bratislava" => "SK",
            "Ljubljana" => "SI",
            "Madrid" => "ES",
            "Stockholm" => "SE",
            "Zurich" => "CH",
            _ => OTHER,
        },
        ("Atlantic", "Reykjavik") | ("Iceland", _) => "IS",
        ("Atlantic", "Canary") | ("Africa", "Ceuta") => "ES",
        ("Atlantic", "Madeira" | "Azores") | ("Portugal", _) => "PT",
        ("Asia", "Nicosia" | "Famagusta") => "CY",
        ("Asia", "Kolkata" | "Calcutta") => "IN",
        ("Africa", "Johannesburg") => "ZA",
        ("Pacific", "Auckland" | "Chatham") | ("NZ" | "NZ-CHAT", _) => "NZ",
        ("Australia", _) | ("Antarctica", "Macquarie") => "AU",
        ("US", _) | ("Pacific", "Honolulu") => "US",
        ("Canada", _) => "CA",
        ("America", city) => america(city),
        _ => OTHER,
    }
}

fn america(city: &str) -> &'static str {
    const US: &[&str] = &[
        "New_York",
        "Detroit",
        "Chicago",
        "Denver",
        "Phoenix",
        "Los_Angeles",
        "Anchorage",
        "Juneau",
        "Sitka",
        "Metlakatla",
        "Yakutat",
        "Nome",
        "Adak",
        "Boise",
        "Menominee",
        "Louisville",
    ];
    const CA: &[&str] = &[
        "St_Johns",
        "Halifax",
        "Glace_Bay",
        "Moncton",
        "Goose_Bay",
        "Toronto",
        "Montreal",
        "Nipigon",
        "Thunder_Bay",
        "Iqaluit",
        "Winnipeg",
        "Rankin_Inlet",
        "Resolute",
        "Regina",
        "Swift_Current",
        "Edmonton",
        "Cambridge_Bay",
        "Inuvik",
        "Yellowknife",
        "Dawson_Creek",
        "Fort_Nelson",
        "Whitehorse",
        "Dawson",
        "Vancouver",
        "Atikokan",
        "Blanc-Sablon",
        "Creston",
    ];
    let us_subzone = ["Indiana/", "Kentucky/", "North_Dakota/"]
        .iter()
        .any(|p| city.starts_with(p));
    if us_subzone || US.contains(&city) {
        "US"
    } else if CA.contains(&city) {
        "CA"
    } else {
        OTHER
    }
}

/// The country to use: the walker's confirmed choice, else a guess from
/// the time zone. The flag is true when it is only a guess.
pub fn country_for(settings: &Settings, time_zone: Option<&str>) -> (&'static Country, bool) {
    match settings.country.as_deref() {
        Some(code) => (country(code), false),
        None => (time_zone.map_or_else(other, guess_country), true),
    }
}

/// Days a flare-up started with "My back is bad today" lasts (today and the
/// next two days) unless ended sooner.
pub const FLARE_DAYS: u32 = 3;

/// The flare-up the settings describe, as the pacing plan sees it.
///
/// Settings keep only the last day of the current (or most recent)
/// flare-up, so it is taken to have lasted [`FLARE_DAYS`] days up to then.
pub fn flare_ups(settings: &Settings) -> Vec<FlareUp> {
    settings
        .flare_up_until
        .map(|until| {
            let start = until
                .checked_sub_days(Days::new(u64::from(FLARE_DAYS - 1)))
                .unwrap_or(until);
            FlareUp {
                start,
                days: FLARE_DAYS,
            }
        })
        .into_iter()
        .collect()
}

/// Start a flare-up today: the target is lowered for [`FLARE_DAYS`] days
/// and weekly goals are set aside.
pub fn start_flare(settings: &mut Settings, today: NaiveDate) {
    settings.flare_up_until = today.checked_add_days(Days::new(u64::from(FLARE_DAYS - 1)));
}

/// End a flare-up early. One started today (perhaps by mistake) leaves no
/// trace; an older one is kept as ending yesterday, so the plan eases back.
pub fn end_flare(settings: &mut Settings, today: NaiveDate) {
    let started_today = settings
        .flare_up_until
        .is_some_and(|u| Some(u) >= today.checked_add_days(Days::new(u64::from(FLARE_DAYS - 1))));
    settings.flare_up_until = if started_today {
        None
    } else {
        today.pred_opt()
    };
}

/// The pacing plan for this store on `today`.
pub fn plan_for(store: &Store, today: NaiveDate) -> Plan {
    pacing::plan(
        &store.walks,
        store.settings.weekly_baseline_min.map(Baseline::entered),
        &flare_ups(&store.settings),
        today,
    )
}

/// True when weekly goals are set aside today (flare-up and the week
/// after it).
pub fn streaks_paused(settings: &Settings, today: NaiveDate) -> bool {
    pacing::streaks_suspended(&flare_ups(settings), today)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn texts(tier: Tier) -> String {
        signs(tier)
            .iter()
            .map(|s| s.text)
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn a_flare_up_lasts_three_days_and_can_be_ended() {
        let mut s = Settings::default();
        start_flare(&mut s, day("2026-11-25"));
        assert!(s.in_flare_up(day("2026-11-27")));
        assert!(!s.in_flare_up(day("2026-11-28")));
        let f = flare_ups(&s);
        assert_eq!(f[0].start, day("2026-11-25"));
        // Ended the same day: no trace.
        end_flare(&mut s, day("2026-11-25"));
        assert_eq!(s.flare_up_until, None);
        // Ended a day later: kept as ending yesterday.
        start_flare(&mut s, day("2026-11-25"));
        end_flare(&mut s, day("2026-11-26"));
        assert_eq!(s.flare_up_until, Some(day("2026-11-25")));
        assert!(!s.in_flare_up(day("2026-11-26")));
        assert!(streaks_paused(&s, day("2026-11-26")));
    }

    #[test]
    fn chest_pain_and_a_serious_accident_are_emergencies_not_urgent() {
        let emergency = texts(Tier::Emergency);
        let urgent = texts(Tier::Urgent);
        assert!(emergency.contains("chest pain"));
        assert!(emergency.contains("serious accident, such as a car accident"));
        assert!(!urgent.contains("chest"));
        assert!(!urgent.contains("serious accident"));
        // A smaller fall stays with the urgent-GP tier.
        assert!(urgent.contains("after a fall"));
    }

    #[test]
    fn the_urgent_tier_has_the_nhs_signs_that_were_missing() {
        let urgent = texts(Tier::Urgent);
        for needle in [
            "lump or swelling",
            "changed shape",
            "does not get better when you rest",
            "worse at night",
            "sneeze, cough or go to the toilet",
            "between your shoulders",
            "high temperature",
            "lost weight",
        ] {
            assert!(urgent.contains(needle), "{needle}");
        }
    }

    #[test]
    fn cauda_equina_signs_include_erection_and_wiping() {
        let emergency = texts(Tier::Emergency);
        assert!(emergency.contains("erection"));
        assert!(emergency.contains("wipe yourself with toilet paper"));
        assert!(emergency.contains("both legs"));
        assert!(emergency.contains("bladder or bowels"));
        assert!(emergency.contains("genitals"));
    }

    #[test]
    fn a_calm_tier_for_pain_that_is_not_settling() {
        let gp = texts(Tier::SeeGp);
        for needle in ["few weeks", "everyday things", "very bad", "getting worse"] {
            assert!(gp.contains(needle), "{needle}");
        }
        // No sign appears in two tiers.
        for t in [Tier::Emergency, Tier::Urgent, Tier::SeeGp] {
            for s in signs(t) {
                let count = [Tier::Emergency, Tier::Urgent, Tier::SeeGp]
                    .iter()
                    .filter(|&&u| signs(u).iter().any(|x| x.text == s.text))
                    .count();
                assert_eq!(count, 1, "{}", s.text);
            }
        }
    }

    #[test]
    fn very_bad_pain_and_a_flare_up_show_the_see_a_gp_tier() {
        assert_eq!(tier_for_pain(Some(7)), Some(Tier::SeeGp));
        assert_eq!(tier_for_pain(Some(10)), Some(Tier::SeeGp));
        assert_eq!(tier_for_pain(Some(6)), None);
        assert_eq!(tier_for_pain(None), None);
        assert_eq!(tier_for_flare(true), Some(Tier::SeeGp));
        assert_eq!(tier_for_flare(false), None);
    }

    #[test]
    fn pain_of_7_picked_before_a_walk_shows_the_see_a_gp_tier_with_no_call_button_anywhere() {
        // Every score the before-walk check-in offers: the tier from 7 up.
        for score in 0..=10u8 {
            let expected = (score >= 7).then_some(Tier::SeeGp);
            assert_eq!(tier_for_pain(Some(score)), expected, "{score}");
        }
        // The calm tier never dials anything, in any country; its heading
        // follows the country.
        for c in COUNTRIES.iter().chain([other()]) {
            assert_eq!(call_button(Tier::SeeGp, c), None, "{}", c.code);
        }
        assert_eq!(
            heading(Tier::SeeGp, country("GB")),
            "See a GP or physiotherapist if:"
        );
        assert_eq!(
            heading(Tier::SeeGp, country("US")),
            "See a doctor or physiotherapist if:"
        );
    }

    #[test]
    fn new_zealand_has_no_111_health_line_because_111_is_its_emergency_number() {
        let nz = country("NZ");
        assert_eq!(nz.emergency.unwrap().dial, "111");
        let line = nz.health_line.unwrap();
        assert_ne!(line.number.dial, "111");
        assert_eq!(line.number.href(), "tel:0800611116");
    }

    #[test]
    fn only_the_uk_has_a_111_health_line() {
        for c in COUNTRIES {
            let has_111 = c.health_line.is_some_and(|l| l.number.dial == "111");
            assert_eq!(has_111, c.code == "GB", "{}", c.code);
        }
        let gb = country("GB");
        assert_eq!(gb.emergency.unwrap().href(), "tel:999");
        assert!(gb.nhs);
    }

    #[test]
    fn buttons_never_dial_the_wrong_service() {
        let gb = country("GB");
        assert_eq!(
            call_button(Tier::Emergency, gb),
            Some(("Call 999".into(), "tel:999".into()))
        );
        assert_eq!(
            call_button(Tier::Urgent, gb),
            Some(("Call 111".into(), "tel:111".into()))
        );
        let nz = country("NZ");
        assert_eq!(call_button(Tier::Emergency, nz).unwrap().0, "Call 111");
        let (label, href) = call_button(Tier::Urgent, nz).unwrap();
        assert_eq!(label, "Call Healthline 0800 611 116");
        assert_eq!(href, "tel:0800611116");
        assert_eq!(
            call_button(Tier::Urgent, country("DE")).unwrap().0,
            "Call 116 117"
        );
        let us = country("US");
        assert_eq!(call_button(Tier::Emergency, us).unwrap().1, "tel:911");
        assert_eq!(call_button(Tier::Urgent, us), None);
        assert!(heading(Tier::Urgent, us).contains("See a doctor today"));
        assert!(heading(Tier::Emergency, us).starts_with("Call 911"));
        for t in [Tier::Emergency, Tier::Urgent, Tier::SeeGp] {
            assert_eq!(call_button(t, other()), None);
            assert!(!heading(t, other()).contains("111"));
        }
        assert!(heading(Tier::Emergency, other()).contains("local emergency number"));
        // Outside the UK nothing says 999, A&E, GP or 111.
        for c in COUNTRIES.iter().filter(|c| !c.nhs) {
            for t in [Tier::Emergency, Tier::Urgent, Tier::SeeGp] {
                let h = heading(t, c);
                for word in ["999", "A&E", " GP ", "111"] {
                    if c.code == "NZ" && word == "111" && t == Tier::Emergency {
                        continue;
                    }
                    assert!(!h.contains(word), "{} {h}", c.code);
                }
            }
        }
        assert!(heading(Tier::Emergency, gb).contains("999 or go to A&E"));
        assert!(heading(Tier::Urgent, gb).contains("urgent GP appointment or call 111"));
    }

    #[test]
    fn the_us_and_canada_dial_911_and_have_no_health_line_button() {
        for code in ["US", "CA"] {
            let c = country(code);
            assert_eq!(c.emergency.unwrap().dial, "911");
            assert!(c.health_line.is_none());
        }
    }

    #[test]
    fn every_eu_and_eea_country_dials_112() {
        assert_eq!(EU_EEA.len(), 30);
        for code in EU_EEA {
            let c = country(code);
            assert_eq!(c.code, code, "{code} is in the list");
            assert_eq!(c.emergency.unwrap().dial, "112", "{code}");
        }
        // Germany's confirmed non-emergency line.
        assert_eq!(country("DE").health_line.unwrap().number.dial, "116117");
    }

    #[test]
    fn other_has_no_number_at_all() {
        let o = other();
        assert_eq!(o.code, OTHER);
        assert!(o.emergency.is_none() && o.health_line.is_none());
        assert_eq!(country("XX"), o);
        assert_eq!(country("gb").code, "GB");
    }

    #[test]
    fn the_required_countries_are_listed_once_each() {
        for code in ["GB", "IE", "US", "CA", "AU", "NZ", "IN", "ZA", "CH", OTHER] {
            assert_eq!(
                COUNTRIES.iter().filter(|c| c.code == code).count(),
                1,
                "{code}"
            );
        }
        // Every dialled number is digits only.
        for c in COUNTRIES {
            for n in c
                .emergency
                .into_iter()
                .chain(c.health_line.map(|l| l.number))
            {
                assert!(n.dial.chars().all(|d| d.is_ascii_digit()), "{}", c.code);
                assert_eq!(n.dial, n.shown.replace(' ', ""));
            }
        }
    }

    #[test]
    fn the_time_zone_gives_a_guess() {
        for (tz, code) in [
            ("Europe/London", "GB"),
            ("Europe/Dublin", "IE"),
            ("America/New_York", "US"),
            ("America/Indiana/Indianapolis", "US"),
            ("Pacific/Honolulu", "US"),
            ("America/Toronto", "CA"),
            ("America/Vancouver", "CA"),
            ("Australia/Sydney", "AU"),
            ("Pacific/Auckland", "NZ"),
            ("Asia/Kolkata", "IN"),
            ("Asia/Calcutta", "IN"),
            ("Africa/Johannesburg", "ZA"),
            ("Europe/Berlin", "DE"),
            ("Europe/Zurich", "CH"),
            ("Atlantic/Reykjavik", "IS"),
            ("Atlantic/Canary", "ES"),
            ("Europe/Oslo", "NO"),
            ("America/Mexico_City", OTHER),
            ("Asia/Tokyo", OTHER),
            ("Europe/Jersey", OTHER),
            ("UTC", OTHER),
            ("", OTHER),
        ] {
            assert_eq!(guess_country(tz).code, code, "{tz}");
        }
    }

    #[test]
    fn a_confirmed_country_wins_over_the_guess() {
        let mut s = Settings::default();
        let (c, guessed) = country_for(&s, Some("Pacific/Auckland"));
        assert_eq!((c.code, guessed), ("NZ", true));
        let (c, guessed) = country_for(&s, None);
        assert_eq!((c.code, guessed), (OTHER, true));
        s.country = Some("US".into());
        let (c, guessed) = country_for(&s, Some("Pacific/Auckland"));
        assert_eq!((c.code, guessed), ("US", false));
        // A code from a later version that this one does not know.
        s.country = Some("ZZ".into());
        assert_eq!(country_for(&s, Some("Europe/London")).0.code, OTHER);
    }
}
