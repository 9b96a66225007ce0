//! A list with a cursor, as the resume and referral lists draw it: the
//! selected row marked `›` in the first column and highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{List, ListItem, ListState};

use crate::tui::theme::Theme;

/// Columns the cursor mark takes: rows are one column narrower.
pub const MARK_WIDTH: usize = 1;

/// Draws `items` into `area` with row `cursor` selected (scrolled into view).
pub fn cursor_list(
    frame: &mut Frame,
    area: Rect,
    items: Vec<ListItem>,
    cursor: usize,
    theme: &Theme,
) {
    let mut state = ListState::default().with_selected(Some(cursor));
    frame.render_stateful_widget(
        List::new(items)
            .highlight_style(theme.selected())
            .highlight_symbol("›"),
        area,
        &mut state,
    );
}
