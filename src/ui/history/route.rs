//! Routes inside the History tab, read from the URL fragment:
//! `#/history` (walks), `#/history/trends` (charts) and
//! `#/history/walk/<id>` (one walk). Pure, tested natively.

use crate::domain::record::WalkId;

/// Which History view the fragment names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HistoryRoute {
    /// Walks grouped by week and day.
    List,
    /// Charts.
    Trends,
    /// One walk's detail.
    Walk(WalkId),
}

impl HistoryRoute {
    /// The route a URL fragment names (anything unknown is the list).
    pub fn from_hash(hash: &str) -> HistoryRoute {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path.split('?').next().unwrap_or("");
        let mut parts = path.splitn(3, '/');
        if parts.next() != Some("history") {
            return HistoryRoute::List;
        }
        match (parts.next(), parts.next()) {
            (Some("trends"), _) => HistoryRoute::Trends,
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
            HistoryRoute::Walk(id) => format!("#/history/walk/{}", percent_encode(&id.0)),
        }
    }
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

    #[test]
    fn routes_round_trip_through_the_fragment() {
        for r in [
            HistoryRoute::List,
            HistoryRoute::Trends,
            HistoryRoute::Walk(WalkId("1767258000000-ab3".into())),
            HistoryRoute::Walk(WalkId("odd id/with ü & %".into())),
        ] {
            assert_eq!(HistoryRoute::from_hash(&r.hash()), r);
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
            "#/settings",
        ] {
            assert_eq!(HistoryRoute::from_hash(h), HistoryRoute::List, "{h}");
        }
        assert_eq!(
            HistoryRoute::from_hash("#/history/trends?x=1"),
            HistoryRoute::Trends
        );
    }
}
