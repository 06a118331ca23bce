//! Parts of the History screen (`crate::ui::screens::history`), one
//! component per file, plus pure formatting and routing helpers.

pub mod edit_form;
pub mod format;
pub mod month_picker;
pub mod persist;
pub mod route;
pub mod trends;
pub mod undo_snackbar;
pub mod walk_detail;
pub mod walk_list;
pub mod walk_row;
