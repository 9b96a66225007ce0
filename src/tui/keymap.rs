//! Keys as data. Every screen (and popup) has one table of [`Binding`]s:
//! the keys, the action they dispatch to, the footer hint, the text of the
//! help popup and when the binding is available. Key handling, the footer
//! and the help are all generated from these tables, so they cannot
//! disagree.
//!
//! While a text field has focus only keys that type nothing act (function
//! keys, Ctrl combinations, Enter, Esc, Tab, ↑↓, PgUp/PgDn); letters,
//! digits, ←→, Space and Backspace go to the field. A binding's first key
//! that works in the current context is the one its hint shows, so `v vet
//! ej` becomes `F5 vet ej` in a number question without a second table.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::i18n::room;
use crate::i18n::tui::Words;

use super::app::App;

/// What a key asks for. Each screen decides what an action means there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Left,
    Right,
    /// A digit key; the table holds `Digit(0)`, dispatch gives the digit.
    Digit(u8),
    /// Enter: confirm, choose and go on.
    Enter,
    /// Space: tick, toggle, choose.
    Space,
    /// Esc: back, cancel.
    Back,
    /// Tab: the other part of the screen.
    Tab,
    /// Next question, continue, scroll down.
    Next,
    /// Previous question, scroll up.
    Prev,
    Help,
    Lang,
    Note,
    PrivateNote,
    Unknown,
    NotApplicable,
    Needs,
    Summary,
    Compact,
    Clear,
    Export,
    FollowUp,
    /// The referrals view; in it: the actor made contact.
    Referrals,
    Contacted,
    Quit,
    Yes,
    No,
    Close,
    /// Enter or leave the advisor view.
    AdvisorView,
    /// A new line in a text area.
    Newline,
    /// Who gives and who records consent.
    ConsentWho,
    /// Try the failed save again.
    Retry,
    /// Write the session to a file of one's choosing.
    SaveElsewhere,
    /// Cycle through suggestions (names).
    Suggest,
}

/// A key of a binding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A key code. A character matches without Ctrl or Alt (Shift makes
    /// the character); other keys match with any modifiers.
    Code(KeyCode),
    /// Ctrl and a letter.
    Ctrl(char),
    /// Alt and a key.
    Alt(KeyCode),
    /// Any of 0–9.
    Digit,
    /// One of 1 to the number given (at most 9), written `1–n`: for a
    /// fixed set of choices, so the hint names only digits that act.
    DigitTo(u8),
    /// Any key at all.
    Any,
}

pub const fn ch(c: char) -> Key {
    Key::Code(KeyCode::Char(c))
}
pub const fn ctrl(c: char) -> Key {
    Key::Ctrl(c)
}
pub const fn alt(code: KeyCode) -> Key {
    Key::Alt(code)
}
pub const fn f(n: u8) -> Key {
    Key::Code(KeyCode::F(n))
}
pub const UP: Key = Key::Code(KeyCode::Up);
pub const DOWN: Key = Key::Code(KeyCode::Down);
pub const LEFT: Key = Key::Code(KeyCode::Left);
pub const RIGHT: Key = Key::Code(KeyCode::Right);
pub const ENTER: Key = Key::Code(KeyCode::Enter);
pub const ESC: Key = Key::Code(KeyCode::Esc);
pub const TAB: Key = Key::Code(KeyCode::Tab);
pub const BACKTAB: Key = Key::Code(KeyCode::BackTab);
pub const SPACE: Key = Key::Code(KeyCode::Char(' '));
pub const PGUP: Key = Key::Code(KeyCode::PageUp);
pub const PGDN: Key = Key::Code(KeyCode::PageDown);
pub const DEL: Key = Key::Code(KeyCode::Delete);
pub const BACKSPACE: Key = Key::Code(KeyCode::Backspace);

impl Key {
    /// True for keys that type nothing, which act while a text field has
    /// focus.
    pub fn in_fields(self) -> bool {
        match self {
            Key::Ctrl(_) | Key::Alt(_) => true,
            Key::Code(code) => matches!(
                code,
                KeyCode::PageDown
                    | KeyCode::PageUp
                    | KeyCode::F(_)
                    | KeyCode::Enter
                    | KeyCode::Esc
                    | KeyCode::Tab
                    | KeyCode::BackTab
                    | KeyCode::Up
                    | KeyCode::Down
            ),
            Key::Digit | Key::DigitTo(_) | Key::Any => false,
        }
    }

    /// The digit a key event is, for [`Key::Digit`].
    fn matches(self, ev: &KeyEvent) -> Option<Option<u8>> {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        let plain = !ev
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        match (self, ev.code) {
            (Key::Any, _) => Some(None),
            (Key::Ctrl(c), KeyCode::Char(k)) if ctrl && k.eq_ignore_ascii_case(&c) => Some(None),
            (Key::Alt(c), k) if ev.modifiers.contains(KeyModifiers::ALT) && c == k => Some(None),
            (Key::Digit, KeyCode::Char(d @ '0'..='9')) if plain => Some(Some(d as u8 - b'0')),
            (Key::DigitTo(n), KeyCode::Char(d @ '1'..='9')) if plain && d as u8 - b'0' <= n => {
                Some(Some(d as u8 - b'0'))
            }
            (Key::Code(KeyCode::Char(c)), KeyCode::Char(k)) if plain && c == k => Some(None),
            (Key::Code(KeyCode::Char(_)), _) => None,
            // Shortcut keys (←→, Del …) only without Ctrl/Alt: with them
            // they are the text field's word moves.
            (Key::Code(c), k) if c == k && (plain || self.in_fields()) => Some(None),
            _ => None,
        }
    }

    /// How the key is written in hints and the help.
    pub fn label(self, w: &Words) -> String {
        match self {
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Alt(code) => format!("Alt-{}", Key::Code(code).label(w)),
            Key::Digit => "1–9".into(),
            Key::DigitTo(n) => format!("1–{n}"),
            Key::Any => w.key_any.into(),
            Key::Code(code) => match code {
                KeyCode::Up => "↑".into(),
                KeyCode::Down => "↓".into(),
                KeyCode::Left => "←".into(),
                KeyCode::Right => "→".into(),
                KeyCode::Enter => "Enter".into(),
                KeyCode::Esc => "Esc".into(),
                KeyCode::Tab => "Tab".into(),
                KeyCode::BackTab => "Shift-Tab".into(),
                KeyCode::PageUp => "PgUp".into(),
                KeyCode::PageDown => "PgDn".into(),
                KeyCode::Delete => "Del".into(),
                KeyCode::Backspace => "Backspace".into(),
                KeyCode::Home => "Home".into(),
                KeyCode::End => "End".into(),
                KeyCode::F(n) => format!("F{n}"),
                KeyCode::Char(' ') => w.key_space.into(),
                KeyCode::Char(c) => c.to_string(),
                _ => "?".into(),
            },
        }
    }

    fn is_arrow(self) -> bool {
        matches!(
            self,
            Key::Code(KeyCode::Up | KeyCode::Down | KeyCode::Left | KeyCode::Right)
        )
    }
}

/// A word of the program, picked from the strings of a language.
pub type Say = fn(&Words) -> &'static str;

/// One row of a keymap.
#[derive(Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    /// The footer hint's label; `None` keeps the binding out of the footer
    /// (it is still in the help).
    pub hint: Option<Say>,
    /// How many of the usable keys the hint shows.
    pub show: usize,
    /// What the binding does, for the help popup.
    pub help: Say,
    /// When the binding is available.
    pub when: fn(&App) -> bool,
}

impl Binding {
    /// A binding with a hint showing its first usable key, always available.
    pub const fn new(keys: &'static [Key], action: Action, hint: Say, help: Say) -> Binding {
        Binding {
            keys,
            action,
            hint: Some(hint),
            show: 1,
            help,
            when: always,
        }
    }

    /// A binding shown only in the help.
    pub const fn quiet(keys: &'static [Key], action: Action, help: Say) -> Binding {
        Binding {
            keys,
            action,
            hint: None,
            show: 1,
            help,
            when: always,
        }
    }

    pub const fn when(mut self, when: fn(&App) -> bool) -> Binding {
        self.when = when;
        self
    }

    pub const fn show(mut self, n: usize) -> Binding {
        self.show = n;
        self
    }

    /// The keys that work now.
    fn usable(&self, in_field: bool) -> impl Iterator<Item = Key> + '_ {
        self.keys
            .iter()
            .copied()
            .filter(move |k| !in_field || k.in_fields())
    }
}

pub fn always(_: &App) -> bool {
    true
}

/// The bindings of a screen or popup.
pub struct Keymap {
    pub bindings: &'static [Binding],
    /// True while a text field has focus.
    pub in_field: fn(&App) -> bool,
}

/// One entry of the help popup: the keys and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLine {
    pub keys: String,
    pub text: &'static str,
}

impl Keymap {
    /// The action of a key press, if the table has one now. Releases and
    /// repeats of other kinds are ignored.
    pub fn action(&self, app: &App, ev: &KeyEvent) -> Option<Action> {
        if ev.kind != KeyEventKind::Press {
            return None;
        }
        let in_field = (self.in_field)(app);
        self.bindings
            .iter()
            .filter(|b| (b.when)(app))
            .find_map(|b| {
                b.usable(in_field).find_map(|k| k.matches(ev)).map(|digit| {
                    match (b.action, digit) {
                        (Action::Digit(_), Some(d)) => Action::Digit(d),
                        (a, _) => a,
                    }
                })
            })
    }

    /// The footer: `KEYS label` per available binding with a hint, in table
    /// order; neighbours with the same label share it (`↑↓ move`).
    pub fn hints(&self, app: &App, w: &Words) -> Vec<String> {
        let in_field = (self.in_field)(app);
        let mut out: Vec<(Vec<Key>, &'static str)> = Vec::new();
        for b in self.bindings.iter().filter(|b| (b.when)(app)) {
            let Some(hint) = b.hint else { continue };
            let keys: Vec<Key> = b.usable(in_field).take(b.show).collect();
            if keys.is_empty() {
                continue;
            }
            let label = hint(w);
            match out.last_mut() {
                Some((prev, l)) if *l == label => prev.extend(keys),
                _ => out.push((keys, label)),
            }
        }
        out.into_iter()
            .map(|(keys, label)| format!("{} {label}", join_keys(&keys, w)))
            .collect()
    }

    /// The help: every available binding with all its usable keys;
    /// bindings that do the same share a line.
    pub fn help(&self, app: &App, w: &Words) -> Vec<HelpLine> {
        let in_field = (self.in_field)(app);
        let mut out: Vec<HelpLine> = Vec::new();
        for b in self.bindings.iter().filter(|b| (b.when)(app)) {
            let keys: Vec<String> = b.usable(in_field).map(|k| k.label(w)).collect();
            if keys.is_empty() {
                continue;
            }
            let text = (b.help)(w);
            match out.iter_mut().find(|h| h.text == text) {
                Some(h) => {
                    for k in keys {
                        if !h.keys.split(", ").any(|x| x == k) {
                            h.keys.push_str(", ");
                            h.keys.push_str(&k);
                        }
                    }
                }
                None => out.push(HelpLine {
                    keys: keys.join(", "),
                    text,
                }),
            }
        }
        out
    }

    /// The label of the first key of `action` that works in a text field
    /// (`in_field`) or outside one, whatever has focus now: for texts such
    /// as "( ) v Vet ej" beside a question.
    pub fn key_of(&self, action: Action, in_field: bool, w: &Words) -> Option<String> {
        self.bindings
            .iter()
            .filter(|b| b.action == action)
            .find_map(|b| b.usable(in_field).next())
            .map(|k| k.label(w))
    }
}

/// `↑↓`, `Tab/Esc`, `PgUp/PgDn`: arrows side by side, other keys with `/`.
fn join_keys(keys: &[Key], w: &Words) -> String {
    let mut s = String::new();
    for (i, k) in keys.iter().enumerate() {
        if i > 0 && !(k.is_arrow() && keys[i - 1].is_arrow()) {
            s.push('/');
        }
        s.push_str(&k.label(w));
    }
    s
}

/// Key events from a description such as `"1 Down Down Space Enter v C-n
/// PgDn ?"`: names (`Up` `Down` `Left` `Right` `Enter` `Esc` `Tab`
/// `BackTab` `Space` `Del` `Backspace` `Home` `End` `PgUp` `PgDn` `F1`…`F12`),
/// `C-x` for Ctrl, `A-x` for Alt, or a single character. For tests and
/// scripted sessions.
pub fn parse_keys(text: &str) -> Result<Vec<KeyEvent>, String> {
    text.split_whitespace().map(parse_key).collect()
}

fn parse_key(name: &str) -> Result<KeyEvent, String> {
    let (mods, rest) = if let Some(r) = name.strip_prefix("C-").filter(|r| !r.is_empty()) {
        (KeyModifiers::CONTROL, r)
    } else if let Some(r) = name.strip_prefix("A-").filter(|r| !r.is_empty()) {
        (KeyModifiers::ALT, r)
    } else {
        (KeyModifiers::NONE, name)
    };
    let code = match rest {
        "Up" => KeyCode::Up,
        "Down" => KeyCode::Down,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Tab" => KeyCode::Tab,
        "BackTab" => KeyCode::BackTab,
        "Space" => KeyCode::Char(' '),
        "Del" => KeyCode::Delete,
        "Backspace" => KeyCode::Backspace,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "PgUp" => KeyCode::PageUp,
        "PgDn" => KeyCode::PageDown,
        f if f.len() > 1 && f.starts_with('F') => match f[1..].parse::<u8>() {
            Ok(n @ 1..=12) => KeyCode::F(n),
            _ => return Err(format!("unknown key `{name}`")),
        },
        c if c.chars().count() == 1 => KeyCode::Char(c.chars().next().unwrap_or(' ')),
        _ => return Err(format!("unknown key `{name}`")),
    };
    let mods = match code {
        KeyCode::BackTab => mods | KeyModifiers::SHIFT,
        KeyCode::Char(c) if c.is_uppercase() => mods | KeyModifiers::SHIFT,
        _ => mods,
    };
    Ok(KeyEvent::new(code, mods))
}

// ---------------------------------------------------------------- shared rows

/// F2: Swedish/English, everywhere.
pub const LANG: Binding = Binding::new(&[f(2)], Action::Lang, |w| w.h_lang, |w| w.help_lang);
/// `?`/F1: the help.
pub const HELP: Binding = Binding::new(
    &[ch('?'), f(1)],
    Action::Help,
    |w| w.h_help,
    |w| w.help_help,
);
/// `q`/Ctrl-C: quit (after asking).
pub const QUIT: Binding = Binding::new(
    &[ch('q'), ctrl('c')],
    Action::Quit,
    |w| w.h_quit,
    |w| w.help_quit,
);
pub const MOVE_UP: Binding = Binding::new(&[UP, ch('k')], Action::Up, |w| w.h_move, |w| w.help_up);
pub const MOVE_DOWN: Binding = Binding::new(
    &[DOWN, ch('j')],
    Action::Down,
    |w| w.h_move,
    |w| w.help_down,
);

/// `a`/F12: into the advisor view (visits only; not in a self-assessment).
pub const ADVISOR_ON: Binding = Binding::new(
    &[ch('a'), f(12)],
    Action::AdvisorView,
    |w| room::words(w.lang).h_advisor_on,
    |w| room::words(w.lang).help_advisor_on,
)
.when(|a| !a.is_self() && !a.advisor_view && a.open.is_some());
/// The same keys out of it.
pub const ADVISOR_OFF: Binding = Binding::new(
    &[ch('a'), f(12)],
    Action::AdvisorView,
    |w| room::words(w.lang).h_advisor_off,
    |w| room::words(w.lang).help_advisor_off,
)
.when(|a| a.advisor_view);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_strings() {
        let keys = parse_keys("1 Down Space C-n PgDn ? F5 BackTab Q").unwrap();
        assert_eq!(keys.len(), 9);
        assert_eq!(keys[0].code, KeyCode::Char('1'));
        assert_eq!(keys[3].modifiers, KeyModifiers::CONTROL);
        assert_eq!(keys[6].code, KeyCode::F(5));
        assert!(parse_keys("Dwn").is_err());
        assert!(parse_keys("F13").is_err());
    }

    #[test]
    fn matching() {
        let ev = |s: &str| parse_keys(s).unwrap()[0];
        assert_eq!(Key::Digit.matches(&ev("7")), Some(Some(7)));
        assert_eq!(Key::DigitTo(4).matches(&ev("4")), Some(Some(4)));
        assert_eq!(Key::DigitTo(4).matches(&ev("5")), None);
        assert_eq!(Key::DigitTo(4).matches(&ev("0")), None);
        assert_eq!(ch('q').matches(&ev("C-q")), None);
        assert_eq!(ctrl('c').matches(&ev("C-c")), Some(None));
        assert_eq!(
            ch('?').matches(&KeyEvent::new(KeyCode::Char('?'), KeyModifiers::SHIFT)),
            Some(None)
        );
        assert_eq!(LEFT.matches(&ev("C-Left")), None, "word move in fields");
        assert_eq!(ENTER.matches(&ev("C-Enter")), Some(None));
        assert!(!ch('v').in_fields() && f(5).in_fields() && !SPACE.in_fields());
    }
}
