//! Drawing of the company form: one column, or on a wide screen the
//! company's details beside its contact person and who is present. A
//! column scrolls to keep the focused field in view and marks what is
//! hidden above and below.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::i18n::room;
use crate::i18n::tui::Words;

use super::{CompanyFocus, Field, field_ok};
use crate::tui::app::*;
use crate::tui::theme::Theme;
use crate::tui::widgets::input::draw_input;
use crate::tui::widgets::notice::screen_notice;
use crate::tui::widgets::*;

/// One row of the form.
enum Row {
    Blank,
    Title(&'static str),
    Field(Field),
    /// The column heads of the attendee rows.
    AttendeeHead,
    Attendee(usize),
    Button,
    Extra(Line<'static>),
}

impl Row {
    /// The focus this row holds, if any.
    fn holds(&self, focus: CompanyFocus) -> bool {
        match (self, focus) {
            (Row::Field(f), CompanyFocus::Field(g)) => *f == g,
            (Row::Attendee(k), CompanyFocus::AttendeeName(j) | CompanyFocus::AttendeeOrg(j)) => {
                *k == j
            }
            (Row::Button, CompanyFocus::Continue) => true,
            _ => false,
        }
    }
}

/// Most columns a label takes.
const LABEL_W: u16 = 22;

pub fn draw(app: &App, s: &Words, theme: &Theme, frame: &mut Frame, area: Rect) {
    let block = Block::bordered()
        .title(Span::styled(
            format!(" {} ", s.company_heading),
            theme.title(),
        ))
        .padding(ratatui::widgets::Padding::horizontal(1));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let r = room::words(app.lang);
    let form = &app.company;
    let wide = inner.width >= 100;
    let gap = 3;
    let col_w = if wide {
        (inner.width - gap) / 2
    } else {
        inner.width
    };
    let with_status = |rows: &mut Vec<Row>, f: Field| {
        rows.push(Row::Field(f));
        // A check mark for the codes, and what is wrong with any field,
        // wrapped under the field.
        let ok = match field_ok(f, form.field(f)) {
            Some(ok) if !ok || matches!(f, Field::OrgNumber | Field::Sni) => ok,
            _ => return,
        };
        let msg = status_text(s, r, f, ok);
        let style = if ok { theme.ok() } else { theme.error() };
        let indent = " ".repeat(LABEL_W as usize + 1);
        for line in wrap(msg, col_w.saturating_sub(LABEL_W + 1).max(10) as usize) {
            rows.push(Row::Extra(Line::styled(format!("{indent}{line}"), style)));
        }
    };
    let mut company = Vec::new();
    for f in Field::ALL.into_iter().filter(|f| !f.is_contact()) {
        with_status(&mut company, f);
    }
    let mut people = vec![Row::Title(r.f_contact)];
    for f in Field::ALL.into_iter().filter(|f| f.is_contact()) {
        with_status(&mut people, f);
    }
    if !app.is_self() {
        people.push(Row::Blank);
        people.push(Row::Title(s.f_attendees));
        people.extend(
            wrapped(r.attendees_hint, col_w as usize, theme.dim())
                .into_iter()
                .map(Row::Extra),
        );
        people.push(Row::AttendeeHead);
        people.extend((0..form.attendees.len()).map(Row::Attendee));
    }
    let mut end = vec![Row::Blank, Row::Button, Row::Blank];
    let w = inner.width as usize;
    let cw = col_w as usize;
    end.extend(met_before_lines(app, theme, cw).into_iter().map(Row::Extra));
    if let Some(p) = app.open.as_ref().and_then(|o| o.previous.as_ref()) {
        let date = crate::time::local_date(&p.updated)
            .map(|d| d.to_string())
            .unwrap_or_default();
        end.extend(
            wrapped(
                &crate::i18n::store::follow_up_of(app.lang, &date),
                cw,
                theme.ok(),
            )
            .into_iter()
            .map(Row::Extra),
        );
        end.push(Row::Blank);
    }
    end.extend(
        wrapped(s.company_help, w, theme.dim())
            .into_iter()
            .map(Row::Extra),
    );
    // The notice (imported, follow-up …) stays in view below the form.
    let notice = app
        .notice
        .as_ref()
        .map(|n| screen_notice(app, n, theme, w))
        .unwrap_or_default();
    let notice_h = (notice.len() as u16).min(inner.height / 3);
    let [inner, notice_area] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(notice_h)]).areas(inner);
    frame.render_widget(Paragraph::new(notice), notice_area);
    if wide {
        let left = Rect::new(inner.x, inner.y, col_w, inner.height);
        let right = Rect::new(inner.x + col_w + gap, inner.y, col_w, inner.height);
        company.extend(end);
        draw_column(app, s, theme, frame, left, company);
        draw_column(app, s, theme, frame, right, people);
    } else {
        company.push(Row::Blank);
        company.extend(people);
        company.extend(end);
        draw_column(app, s, theme, frame, inner, company);
    }
}

/// Draws rows into `area`, scrolled so that the focused row (and the one
/// after it) is in view; marks rows hidden above and below.
fn draw_column(app: &App, s: &Words, theme: &Theme, frame: &mut Frame, area: Rect, rows: Vec<Row>) {
    let h = area.height as usize;
    if h == 0 {
        return;
    }
    let focus = app.company.focus;
    let at = rows.iter().position(|r| r.holds(focus)).unwrap_or(0);
    let (scroll, top, shown) = scroll_window(rows.len(), h, at);
    let mut y = area.y;
    if top {
        marker(frame, theme, area, y, &room::more_above(app.lang, scroll));
        y += 1;
    }
    for row in rows.iter().skip(scroll).take(shown) {
        draw_row(
            app,
            s,
            theme,
            frame,
            Rect::new(area.x, y, area.width, 1),
            row,
        );
        y += 1;
    }
    let below = rows.len().saturating_sub(scroll + shown);
    if below > 0 {
        marker(frame, theme, area, y, &room::more_below(app.lang, below));
    }
}

/// Which of `n` rows show in `h` lines with row `at` (and the one after
/// it) in view: the first row shown, whether a marker line for rows above
/// is needed, and how many rows show (the rest of the lines: markers).
fn scroll_window(n: usize, h: usize, at: usize) -> (usize, bool, usize) {
    if n <= h {
        return (0, false, n);
    }
    // With a marker line below (and, once scrolled, one above).
    let room = h.saturating_sub(1).max(1);
    if at + 2 <= room {
        return (0, false, room);
    }
    let room = h.saturating_sub(2).max(1);
    let scroll = (at + 2).saturating_sub(room).min(n - room);
    let shown = if scroll + room >= n {
        // At the end: no marker below, one more row.
        (h - 1).min(n - scroll)
    } else {
        room
    };
    (scroll, true, shown)
}

/// A scroll marker, right-aligned on line `y`.
fn marker(frame: &mut Frame, theme: &Theme, area: Rect, y: u16, text: &str) {
    frame.render_widget(
        Paragraph::new(format!("{text} "))
            .style(theme.accent())
            .right_aligned(),
        Rect::new(area.x, y, area.width, 1),
    );
}

fn status_text(s: &Words, r: &room::Room, f: Field, ok: bool) -> &'static str {
    match (f, ok) {
        (Field::OrgNumber, true) => s.org_ok,
        (Field::OrgNumber, false) => s.org_bad,
        (Field::Sni, true) => s.sni_ok,
        (Field::Sni, false) => s.sni_bad,
        (Field::Employees, false) => s.employees_bad,
        (Field::ContactPhone, false) => r.phone_bad,
        (Field::ContactEmail, false) => r.email_bad,
        _ => "",
    }
}

fn draw_row(app: &App, s: &Words, theme: &Theme, frame: &mut Frame, area: Rect, row: &Row) {
    let form = &app.company;
    let r = room::words(app.lang);
    let focused = |f: CompanyFocus| form.focus == f && app.popup == Popup::None;
    let field_w = area.width.saturating_sub(LABEL_W + 1).min(50);
    let x = area.x + LABEL_W + 1;
    match row {
        Row::Blank => {}
        Row::Title(t) => frame.render_widget(
            Paragraph::new(truncate(t, area.width as usize)).style(theme.title()),
            area,
        ),
        Row::Extra(line) => frame.render_widget(Paragraph::new(line.clone()), area),
        Row::Field(f) => {
            let label = match f {
                Field::Name => s.f_name,
                Field::OrgNumber => s.f_org,
                Field::Municipality => s.f_municipality,
                Field::Sni => s.f_sni,
                Field::Employees => s.f_employees,
                Field::ContactName => r.f_contact_name,
                Field::ContactRole => r.f_contact_role,
                Field::ContactPhone => r.f_contact_phone,
                Field::ContactEmail => r.f_contact_email,
            };
            let here = CompanyFocus::Field(*f);
            let style = if form.focus == here {
                theme.strong()
            } else {
                Style::new()
            };
            frame.render_widget(
                Paragraph::new(truncate(label, LABEL_W as usize)).style(style),
                Rect::new(area.x, area.y, LABEL_W.min(area.width), 1),
            );
            draw_input(
                frame,
                theme,
                form.input(*f),
                Rect::new(x, area.y, field_w, 1),
                focused(here),
            );
        }
        Row::AttendeeHead => {
            let (x, half) = attendee_columns(area);
            frame.render_widget(
                Paragraph::new(s.f_att_name).style(theme.dim()),
                Rect::new(x, area.y, half, 1),
            );
            frame.render_widget(
                Paragraph::new(s.f_att_org).style(theme.dim()),
                Rect::new(x + half, area.y, half, 1),
            );
        }
        Row::Attendee(k) => {
            let Some((name, org)) = form.attendees.get(*k) else {
                return;
            };
            let (x, half) = attendee_columns(area);
            let here = [
                CompanyFocus::AttendeeName(*k),
                CompanyFocus::AttendeeOrg(*k),
            ];
            let style = if here.contains(&form.focus) {
                theme.strong()
            } else {
                Style::new()
            };
            frame.render_widget(
                Paragraph::new(format!("{:>3}.", k + 1)).style(style),
                Rect::new(area.x, area.y, 4.min(area.width), 1),
            );
            draw_input(
                frame,
                theme,
                name,
                Rect::new(x, area.y, half.saturating_sub(1), 1),
                focused(here[0]),
            );
            draw_input(
                frame,
                theme,
                org,
                Rect::new(x + half, area.y, half.saturating_sub(1), 1),
                focused(here[1]),
            );
        }
        Row::Button => {
            let style = if form.on_button() {
                theme.selected()
            } else {
                theme.strong()
            };
            frame.render_widget(
                Paragraph::new(format!(" {} ", s.f_continue)).style(style),
                Rect::new(
                    area.x,
                    area.y,
                    (text_width(s.f_continue) as u16 + 2).min(area.width),
                    1,
                ),
            );
        }
    }
}

/// Where the attendee rows' name column starts and how wide each of the two
/// columns is: after the row number, across the row (at most 40 each).
fn attendee_columns(area: Rect) -> (u16, u16) {
    let x = area.x + 5;
    (x, (area.width.saturating_sub(5) / 2).min(40))
}

/// "This company was visited before": the latest three visits and the offer.
fn met_before_lines(app: &App, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    use crate::i18n::store as w;
    let visits = &app.company.met_before;
    if visits.is_empty() {
        return Vec::new();
    }
    let mut out = wrapped(
        &w::met_before(app.lang, visits.len()),
        width,
        theme.strong(),
    );
    for v in visits.iter().take(3) {
        let date = crate::time::local_date(&v.updated)
            .map(|d| d.to_string())
            .unwrap_or_else(|| v.updated.chars().take(10).collect());
        let referrals: Vec<String> = v
            .referrals
            .iter()
            .map(|n| n.get(app.lang.code()).to_string())
            .collect();
        let text = w::visit_line(app.lang, &date, &v.met_by, &referrals);
        out.push(Line::raw(truncate(
            &crate::text::sanitize_line(&format!("  {text}")),
            width,
        )));
    }
    out.extend(wrapped(w::offer_follow_up(app.lang), width, theme.ok()));
    out.push(Line::raw(""));
    out
}
