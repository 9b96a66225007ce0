//! A section's page (its questions, as the GOV.UK pattern does them: a
//! fieldset and legend for options, a label for a field, the help text as
//! a hint tied to the control, an error under the legend) and the page of
//! referral requests.

use maud::{Markup, html};

use crate::answers::Answer;
use crate::i18n::{Lang, web};
use crate::questionnaire::{Kind, Question, Questionnaire};
use crate::text::fmt_num;

use super::super::draft::Draft;
use super::super::flow::{FieldError, NA, Outcome, UNKNOWN};
use super::start::buttons;
use super::{Page, csrf, error_summary, layout};

/// What a section page shows.
pub struct SectionView<'a> {
    pub section: usize,
    pub shown: &'a [usize],
    /// Questions that appeared because of the answers just given.
    pub appeared: bool,
    pub step: (usize, usize),
    pub back: String,
}

pub fn section(
    lang: Lang,
    q: &Questionnaire,
    d: &Draft,
    token: &str,
    out: &Outcome,
    v: &SectionView<'_>,
) -> Markup {
    let w = web::words(lang);
    let l = lang.code();
    let s = &q.sections[v.section];
    let path = format!("/section/{}", s.id);
    let page = Page {
        lang,
        q,
        title: web::step_title(lang, s.title.get(l), v.step.0, v.step.1),
        errors: &out.errors,
        path: &path,
        back: Some(v.back.clone()),
    };
    layout(
        &page,
        html! {
            (error_summary(lang, &out.errors))
            @if v.appeared && out.errors.is_empty() {
                div.notice role="status" { p { (w.more_questions) } }
            }
            (super::caption(lang, v.step.0, v.step.1))
            h1 { (s.title.get(l)) }
            @if let Some(h) = &s.help { p.lead { (h.get(l)) } }
            form method="post" action=(path) novalidate {
                (csrf(token))
                @for &i in v.shown {
                    (question(lang, &q.questions[i], d.answers.answers.get(&q.questions[i].id), out))
                }
                (buttons(lang))
            }
        },
    )
}

fn error_of<'a>(out: &'a Outcome, q: &Question) -> Option<&'a FieldError> {
    let key = format!("q:{}", q.id);
    out.errors.iter().find(|e| e.key == key)
}

fn error_line(lang: Lang, id: &str, e: Option<&FieldError>) -> Markup {
    html! {
        @if let Some(e) = e {
            p.error-message id=(id) { span.visually-hidden { (web::words(lang).error_prefix) " " } (e.message) }
        }
    }
}

/// One question.
fn question(lang: Lang, q: &Question, answer: Option<&Answer>, out: &Outcome) -> Markup {
    let w = web::words(lang);
    let l = lang.code();
    let base = format!("q-{}", q.id);
    let name = format!("q.{}", q.id);
    let err = error_of(out, q);
    let hint_id = format!("{base}-hint");
    let err_id = format!("{base}-error");
    let range_hint = match &q.kind {
        Kind::Number { min, max, .. } if min.is_some() || max.is_some() => Some(web::answer_range(
            lang,
            &crate::i18n::input::range(lang, *min, *max),
        )),
        Kind::Multi { .. } => Some(match q.max_choices {
            Some(max) => web::choose_at_most(lang, max),
            None => w.choose_any.to_string(),
        }),
        _ => None,
    };
    let has_hint = q.help.is_some() || range_hint.is_some();
    let described = [
        has_hint.then_some(hint_id.as_str()),
        err.map(|_| err_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let described = (!described.is_empty()).then_some(described);
    let hint = html! {
        @if has_hint {
            div.hint id=(hint_id) {
                @if let Some(h) = &q.help { (h.get(l)) " " }
                @if let Some(r) = &range_hint { (r) }
            }
        }
    };
    let wrapper_id = format!("question-{}", q.id);
    match &q.kind {
        Kind::Single { options } | Kind::Multi { options } => {
            let multi = matches!(q.kind, Kind::Multi { .. });
            let kind = if multi { "checkbox" } else { "radio" };
            let chosen = |id: &str| match answer {
                Some(Answer::Choice(c)) => c == id,
                Some(Answer::Choices(c)) => c.iter().any(|x| x == id),
                _ => false,
            };
            html! {
                div.form-group.has-error[err.is_some()] id=(wrapper_id) {
                    fieldset.fieldset aria-describedby=[described.as_deref()] {
                        legend.legend { (q.text.get(l)) }
                        (hint)
                        (error_line(lang, &err_id, err))
                        @if q.country {
                            (countries(lang, q, &base, &name, answer))
                        }
                        div class=(if multi { "checkboxes" } else { "radios" }) {
                            @for (n, o) in options.iter().enumerate().filter(|_| !q.country) {
                                @let id = format!("{base}-{n}");
                                @let ohint = format!("{id}-hint");
                                div.choice {
                                    input id=(id) name=(name) type=(kind) value=(o.id) checked[chosen(&o.id)]
                                        aria-describedby=[o.help.as_ref().map(|_| ohint.as_str())];
                                    label for=(id) { (o.label.get(l)) }
                                    @if let Some(h) = &o.help { div.hint.choice-hint id=(ohint) { (h.get(l)) } }
                                }
                            }
                            (specials(lang, q, &base, &name, options.len(), kind, answer))
                        }
                    }
                }
            }
        }
        Kind::Scale {
            min,
            max,
            low,
            high,
            ..
        } => {
            let current = match answer {
                Some(Answer::Number(x)) => Some(x.round() as i64),
                _ => None,
            };
            html! {
                div.form-group.has-error[err.is_some()] id=(wrapper_id) {
                    fieldset.fieldset aria-describedby=[described.as_deref()] {
                        legend.legend { (q.text.get(l)) }
                        (hint)
                        (error_line(lang, &err_id, err))
                        div.radios.scale {
                            @for (n, v) in (*min..=*max).enumerate() {
                                @let id = format!("{base}-{n}");
                                div.choice {
                                    input id=(id) name=(name) type="radio" value=(v) checked[current == Some(v)];
                                    label for=(id) {
                                        (v)
                                        @if v == *min { @if let Some(t) = low { " – " (t.get(l)) } }
                                        @if v == *max { @if let Some(t) = high { " – " (t.get(l)) } }
                                    }
                                }
                            }
                            (specials(lang, q, &base, &name, (max - min + 1).max(0) as usize, "radio", answer))
                        }
                    }
                }
            }
        }
        Kind::Number { .. } | Kind::Text => {
            let is_text = matches!(q.kind, Kind::Text);
            let value = out
                .typed
                .get(&name)
                .cloned()
                .unwrap_or_else(|| match answer {
                    Some(Answer::Number(x)) => fmt_num(*x),
                    Some(Answer::Text(t)) => t.clone(),
                    _ => String::new(),
                });
            let unit = match &q.kind {
                Kind::Number { unit: Some(u), .. } => Some(u.get(l).to_string()),
                _ => None,
            };
            let special_name = format!("s.{}", q.id);
            html! {
                div.form-group.has-error[err.is_some()] id=(wrapper_id) {
                    label.label.question-label for=(base) { (q.text.get(l)) }
                    (hint)
                    (error_line(lang, &err_id, err))
                    @if is_text {
                        textarea.textarea id=(base) name=(name) rows="5" aria-describedby=[described.as_deref()]
                            aria-invalid=[err.map(|_| "true")] { (value) }
                    } @else {
                        div.input-wrapper {
                            input.input.number id=(base) name=(name) type="text" inputmode="decimal" value=(value)
                                autocomplete="off" spellcheck="false"
                                aria-describedby=[described.as_deref()] aria-invalid=[err.map(|_| "true")];
                            @if let Some(u) = &unit { span.suffix aria-hidden="true" { (u) } }
                        }
                    }
                    @if q.allow_unknown || q.allow_na {
                        div.checkboxes.small {
                            @if q.allow_unknown {
                                div.choice {
                                    input id=(format!("{base}-unknown")) name=(special_name) type="checkbox" value=(UNKNOWN)
                                        checked[answer == Some(&Answer::Unknown)];
                                    label for=(format!("{base}-unknown")) { (w.unknown) }
                                }
                            }
                            @if q.allow_na {
                                div.choice {
                                    input id=(format!("{base}-na")) name=(special_name) type="checkbox" value=(NA)
                                        checked[answer == Some(&Answer::NotApplicable)];
                                    label for=(format!("{base}-na")) { (w.not_applicable) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A country question: every country as a checkbox, grouped by region
/// (each group a fieldset with its region as legend), the ones chosen
/// named first; a filter field that only the script shows (type a few
/// letters, also other names of a country). Works as a plain list of
/// checkboxes without it.
fn countries(lang: Lang, q: &Question, base: &str, name: &str, answer: Option<&Answer>) -> Markup {
    let w = web::words(lang);
    let l = lang.code();
    let options = q.kind.options();
    let data = crate::questionnaire::Countries::builtin().ok();
    let chosen: Vec<&str> = match answer {
        Some(Answer::Choices(ids)) => ids
            .iter()
            .filter_map(|id| options.iter().find(|o| &o.id == id))
            .map(|o| o.label.get(l))
            .collect(),
        _ => Vec::new(),
    };
    let region_of = |code: &str| {
        let tags: Vec<&str> = data
            .and_then(|d| d.country(code))
            .map(|c| c.member_tags().collect())
            .unwrap_or_default();
        web::REGIONS
            .iter()
            .position(|r| tags.contains(r))
            .unwrap_or(web::REGIONS.len())
    };
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); web::REGIONS.len() + 1];
    for (n, o) in options.iter().enumerate() {
        groups[region_of(&o.id)].push(n);
    }
    // Countries come by code from their data: shown by name. Each box is
    // numbered in the order shown, so that `-0` (where an error links to)
    // is the first.
    for g in &mut groups {
        g.sort_by_cached_key(|&n| lang.collation_key(options[n].label.get(l)));
    }
    let mut shown = 0..;
    let groups: Vec<(usize, Vec<(usize, usize)>)> = groups
        .into_iter()
        .enumerate()
        .filter(|(_, m)| !m.is_empty())
        .map(|(g, m)| {
            (
                g,
                m.into_iter()
                    .map(|n| (shown.next().unwrap_or(n), n))
                    .collect(),
            )
        })
        .collect();
    let filter_id = format!("{base}-filter");
    let count_id = format!("{base}-count");
    let checked =
        |id: &str| matches!(answer, Some(Answer::Choices(c)) if c.iter().any(|x| x == id));
    html! {
        div.filter hidden {
            label.label for=(filter_id) { (w.country_filter) }
            input.input #(filter_id) type="search" autocomplete="off" spellcheck="false" aria-describedby=(count_id);
            p.hint #(count_id) aria-live="polite" {}
        }
        @if !chosen.is_empty() {
            p.chosen { strong { (w.chosen) ": " } (chosen.join(", ")) }
        }
        div.checkboxes.country-list data-filter=(filter_id) data-count=(count_id) data-template=(web::matches_template(lang)) {
            @for (g, members) in &groups {
                fieldset.fieldset.country-group {
                    legend.group-legend { (web::region_name(lang, *g)) }
                    @for &(pos, n) in members {
                        @let o = &options[n];
                        @let id = format!("{base}-{pos}");
                        @let aliases = data.and_then(|d| d.country(&o.id)).map(|c| {
                            let mut a = c.aliases.join(" ");
                            a.push(' ');
                            a.push_str(&c.sv);
                            a.push(' ');
                            a.push_str(&c.en);
                            a
                        }).unwrap_or_default();
                        div.choice data-alias=(aliases) {
                            input id=(id) name=(name) type="checkbox" value=(o.id) checked[checked(&o.id)];
                            label for=(id) { (o.label.get(l)) }
                        }
                    }
                }
            }
        }
    }
}

/// "Vet ej" / "Ej relevant" after the options, behind "eller".
fn specials(
    lang: Lang,
    q: &Question,
    base: &str,
    name: &str,
    n: usize,
    kind: &str,
    answer: Option<&Answer>,
) -> Markup {
    let w = web::words(lang);
    html! {
        @if q.allow_unknown || q.allow_na {
            div.divider { (w.or) }
            @if q.allow_unknown {
                @let id = format!("{base}-{n}");
                div.choice {
                    input id=(id) name=(name) type=(kind) value=(UNKNOWN) checked[answer == Some(&Answer::Unknown)];
                    label for=(id) { (w.unknown) }
                }
            }
            @if q.allow_na {
                @let id = format!("{base}-{}", n + 1);
                div.choice {
                    input id=(id) name=(name) type=(kind) value=(NA) checked[answer == Some(&Answer::NotApplicable)];
                    label for=(id) { (w.not_applicable) }
                }
            }
        }
    }
}

/// The referral requests: one checkbox per actor, with what it means.
pub fn consent(
    lang: Lang,
    q: &Questionnaire,
    d: &Draft,
    token: &str,
    recommended: &[usize],
    step: (usize, usize),
    back: String,
) -> Markup {
    let w = web::words(lang);
    let l = lang.code();
    let page = Page {
        lang,
        q,
        title: web::step_title(lang, w.consent_title, step.0, step.1),
        errors: &[],
        path: "/consent",
        back: Some(back),
    };
    let mut order: Vec<usize> = recommended.to_vec();
    order.extend((0..q.actors.len()).filter(|a| !recommended.contains(a)));
    layout(
        &page,
        html! {
            (super::caption(lang, step.0, step.1))
            form method="post" action="/consent" novalidate {
                (csrf(token))
                div.form-group {
                    fieldset.fieldset aria-describedby="consent-hint" {
                        legend.legend.legend-h1 { h1 { (w.consent_title) } }
                        div.hint #consent-hint { p { (w.consent_intro) } p { (w.consent_confirm) } }
                        div.checkboxes {
                            @for (n, &a) in order.iter().enumerate() {
                                @let actor = &q.actors[a];
                                @let id = format!("actor-{n}");
                                @let hint = format!("{id}-hint");
                                div.choice {
                                    input id=(id) name="actor" type="checkbox" value=(actor.id)
                                        checked[d.answers.consent.get(&actor.id) == Some(&true)]
                                        aria-describedby=(hint);
                                    label for=(id) {
                                        (web::contact_me(lang, actor.name.get(l)))
                                    }
                                    div.hint.choice-hint id=(hint) {
                                        @if recommended.contains(&a) { strong.tag { (w.recommended_for_you) } " " }
                                        (actor.description.get(l)) " "
                                        (web::consent_means(lang, actor.name.get(l)))
                                    }
                                }
                            }
                        }
                    }
                }
                (buttons(lang))
            }
        },
    )
}
