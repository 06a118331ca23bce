//! Charts drawn by the app as inline SVG, with a text alternative each
//! (an accessible name and summary, plus a table of the numbers). Colours
//! come from CSS classes (`style/history.css`), so dark mode just works.

pub mod bar_chart;
pub mod figure;
pub mod line_chart;
pub mod scale;
