//! Routes inside the History tab, read from the URL fragment:
//! `#/history` (walks), `#/history/month/2026-03` (one month's walks),
//! `#/history/trends` (charts) and `#/history/walk/<id>` (one walk). Pure,
//! tested natively.

use chrono::{Datelike, NaiveDate};

use crate::domain::dates::iso_date;
use crate::domain::record::WalkId;

/// Which History view the fragment names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HistoryRoute {
    /// Walks grouped by week and day, newest first.
    List,
    /// The weeks of one month (given by its first day), for reaching old
    /// walks in a long history.
    Month(NaiveDate),
    /// Charts.
    Trends,
    /// One walk's detail.
    Walk(WalkId),
}

impl HistoryRoute {
    /// The route the part of the fragment after `#/history/` names
    /// (see [`crate::ui::route::Route`]; anything unknown is the list).
    pub fn from_sub(sub: &str) -> HistoryRoute {
        let mut parts = sub.splitn(2, '/');
        match (parts.next(), parts.next()) {
            (Some("trends"), _) => HistoryRoute::Trends,
            (Some("month"), Some(ym)) => {
                parse_month(ym).map_or(HistoryRoute::List, HistoryRoute::Month)
            }
            (Some("walk"), Some(id)) if !id.is_empty() => match percent_decode(id) {
                Some(id) => HistoryRoute::Walk(WalkId(id)),
                None => HistoryRoute::List,
            },
            _ => HistoryRoute::List,
        }
    }

    /// The URL fragment of this route.
    pub fn hash(&self) -> String {
        match self {
            HistoryRoute::List => "#/history".into(),
            HistoryRoute::Trends => "#/history/trends".into(),
            HistoryRoute::Month(first) => format!("#/history/month/{}", &iso_date(*first)[..7]),
            HistoryRoute::Walk(id) => format!("#/history/walk/{}", percent_encode(&id.0)),
        }
    }
}

/// "2026-03" as the first day of that month.
fn parse_month(ym: &str) -> Option<NaiveDate> {
    let (y, m) = ym.split_once('-')?;
    let first = NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, 1)?;
    (first.year() >= 0 && ym.len() == 7).then_some(first)
}

/// Percent-encode everything but unreserved characters (RFC 3986).
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Undo [`percent_encode`]; `None` for malformed escapes or non-UTF-8.
pub fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::route::Route;

    fn from_hash(h: &str) -> HistoryRoute {
        Route::from_hash(h).history()
    }

    #[test]
    fn routes_round_trip_through_the_fragment() {
        for r in [
            HistoryRoute::List,
            HistoryRoute::Trends,
            HistoryRoute::Walk(WalkId("1767258000000-ab3".into())),
            HistoryRoute::Walk(WalkId("odd id/with ü & %".into())),
            HistoryRoute::Month(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()),
        ] {
            assert_eq!(from_hash(&r.hash()), r);
        }
    }

    #[test]
    fn anything_unknown_is_the_list() {
        for h in [
            "",
            "#",
            "#/history",
            "#/history/",
            "#/history/walk/",
            "#/history/nope",
            "#/history/walk/%zz",
            "#/history/month/2026-13",
            "#/history/month/2026-3",
            "#/history/month/",
            "#/settings",
        ] {
            assert_eq!(from_hash(h), HistoryRoute::List, "{h}");
        }
        assert_eq!(from_hash("#/history/trends?x=1"), HistoryRoute::Trends);
        assert_eq!(
            from_hash("#/history/month/2025-12"),
            HistoryRoute::Month(NaiveDate::from_ymd_opt(2025, 12, 1).unwrap())
        );
    }
}
