//! The app's screens and their URL fragments (`#/walk`, `#/history`, ...).
//! Pure: parsing and formatting are tested natively.

/// One screen of the bottom tab bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    Walk,
    History,
    Milestones,
    Settings,
}

impl Tab {
    /// Every tab, in tab-bar order.
    pub const ALL: [Tab; 4] = [Tab::Walk, Tab::History, Tab::Milestones, Tab::Settings];

    /// The tab a URL fragment names; the Walk screen for anything else.
    pub fn from_hash(hash: &str) -> Tab {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let first = path.split(['/', '?']).next().unwrap_or("");
        match first {
            "history" => Tab::History,
            "milestones" => Tab::Milestones,
            "settings" => Tab::Settings,
            _ => Tab::Walk,
        }
    }

    /// The URL fragment of this tab.
    pub fn hash(self) -> &'static str {
        match self {
            Tab::Walk => "#/walk",
            Tab::History => "#/history",
            Tab::Milestones => "#/milestones",
            Tab::Settings => "#/settings",
        }
    }

    /// The tab's label, also the screen's heading.
    pub fn label(self) -> &'static str {
        match self {
            Tab::Walk => "Walk",
            Tab::History => "History",
            Tab::Milestones => "Milestones",
            Tab::Settings => "Settings",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tab_round_trips_through_its_hash() {
        for tab in Tab::ALL {
            assert_eq!(Tab::from_hash(tab.hash()), tab);
        }
    }

    #[test]
    fn unknown_or_empty_fragments_open_the_walk_screen() {
        assert_eq!(Tab::from_hash(""), Tab::Walk);
        assert_eq!(Tab::from_hash("#"), Tab::Walk);
        assert_eq!(Tab::from_hash("#/nowhere"), Tab::Walk);
        assert_eq!(Tab::from_hash("#/history/2026-11-20"), Tab::History);
        assert_eq!(Tab::from_hash("#/settings?x=1"), Tab::Settings);
    }
}
