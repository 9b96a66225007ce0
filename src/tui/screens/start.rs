//! The start screen: new, resume, open a self-assessment, language, quit.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::i18n::tui::Words;

use crate::tui::app::*;
use crate::tui::keymap::{self, Action, Binding, ENTER, ESC, Key, Keymap, SPACE, ch, ctrl};
use crate::tui::theme::Theme;
use crate::tui::update::*;
use crate::tui::widgets::notice::screen_notice;
use crate::tui::widgets::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartItem {
    New,
    Resume,
    Open,
    Referrals,
    Lang,
    Quit,
}

#[derive(Debug, Clone, Default)]
pub struct StartState {
    pub cursor: usize,
}

/// The start menu's items: opening a company's file only for advisors,
/// the language only when the questionnaire has two.
pub fn items(app: &App) -> Vec<StartItem> {
    let mut v = vec![StartItem::New, StartItem::Resume];
    if !app.is_self() {
        v.push(StartItem::Open);
        v.push(StartItem::Referrals);
    }
    if app.langs().len() > 1 {
        v.push(StartItem::Lang);
    }
    v.push(StartItem::Quit);
    v
}

pub const KEYS: Keymap = Keymap {
    bindings: &[
        keymap::MOVE_UP,
        keymap::MOVE_DOWN,
        Binding::quiet(&[Key::Digit], Action::Digit(0), |w| w.help_start_digit),
        Binding::new(
            &[ENTER, SPACE],
            Action::Enter,
            |w| w.h_ok,
            |w| w.help_start_ok,
        ),
        keymap::LANG,
        keymap::HELP,
        Binding::new(
            &[ch('q'), ESC, ctrl('c')],
            Action::Quit,
            |w| w.h_quit,
            |w| w.help_quit_now,
        ),
    ],
    in_field: |_| false,
};

pub fn act(app: &mut App, action: Action) -> Vec<Effect> {
    let items = items(app);
    match action {
        Action::Up => app.start.cursor = app.start.cursor.saturating_sub(1),
        Action::Down => app.start.cursor = (app.start.cursor + 1).min(items.len() - 1),
        Action::Digit(d) if (1..=items.len()).contains(&usize::from(d)) => {
            app.start.cursor = usize::from(d) - 1;
            return activate_start(app, items[app.start.cursor]);
        }
        Action::Enter => {
            let item = items
                .get(app.start.cursor)
                .copied()
                .unwrap_or(StartItem::Quit);
            return activate_start(app, item);
        }
        Action::Quit => {
            app.quit = true;
            return vec![Effect::Quit];
        }
        _ => {}
    }
    vec![]
}

fn activate_start(app: &mut App, item: StartItem) -> Vec<Effect> {
    match item {
        StartItem::New => {
            let s = new_session(app);
            let id = s.meta.id.clone();
            open_session(app, s);
            goto(app, Screen::Company);
            vec![Effect::Lock(id)]
        }
        StartItem::Resume => {
            app.resume.list = None;
            goto(app, Screen::Resume);
            let ticket = app.wait_for(Waiting::List);
            vec![Effect::ListSessions { ticket }]
        }
        StartItem::Open => {
            goto(app, Screen::OpenFile);
            vec![]
        }
        StartItem::Referrals => super::referrals::show_open(app),
        StartItem::Lang => {
            toggle_lang(app);
            vec![]
        }
        StartItem::Quit => {
            app.quit = true;
            vec![Effect::Quit]
        }
    }
}

pub fn draw(app: &App, s: &Words, theme: &Theme, frame: &mut Frame, area: Rect) {
    let w = area.width.saturating_sub(4).min(72);
    let inner_w = w.saturating_sub(4) as usize;
    let mut lines = vec![
        Line::styled(clean(app.q.title.get(app.lang.code())), theme.title()),
        Line::raw(""),
    ];
    let intro = if app.is_self() {
        s.start_intro_self
    } else {
        s.start_intro
    };
    lines.extend(wrapped(intro, inner_w, Style::new()));
    lines.push(Line::raw(""));
    for (k, item) in items(app).iter().enumerate() {
        let label = match item {
            StartItem::New if app.is_self() => s.start_new_self,
            StartItem::New => s.start_new,
            StartItem::Resume => s.start_resume,
            StartItem::Open => s.start_open,
            StartItem::Referrals => s.referrals.start_item,
            StartItem::Lang => s.start_lang,
            StartItem::Quit => s.start_quit,
        };
        let mark = if k == app.start.cursor { '›' } else { ' ' };
        let text = pad(&format!("{mark}{}  {label}", k + 1), inner_w);
        let style = if k == app.start.cursor {
            theme.selected()
        } else {
            Style::new()
        };
        lines.push(Line::styled(text, style));
    }
    if let Some(n) = &app.notice {
        lines.push(Line::raw(""));
        lines.extend(screen_notice(app, n, theme, inner_w));
    }
    if let Some(sync) = app.sync_line() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(crate::text::sanitize_line(&sync), theme.dim()));
    }
    let h = lines.len() as u16 + 2;
    let rect = centered_box(area, w, h);
    let block = Block::bordered()
        .title(Span::styled(
            format!(" {} ", s.start_heading),
            theme.title(),
        ))
        .padding(ratatui::widgets::Padding::horizontal(1));
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
