//! Builds the documents of [`super::doc`] from the answers: what each
//! reader may see, the needs with the answers behind them (in words, never
//! points), the consent (who gave it, who recorded it, when — in Swedish
//! time) and the advisor it comes from.
//!
//! A referral to an actor carries the answers that feed an area the actor
//! weighs or a rule of the actor that fired, except questions marked
//! `share_with` without that actor. The company's own summary carries
//! nothing of the advisor's: no advisor-only question, answer, note or
//! rule that looks at one, and its needs and actors are computed without
//! the advisor-only answers.

use std::collections::BTreeSet;

use super::doc::{
    ActorRef, ActorSummary, AdviceItem, CompanyDoc, CompanyInfo, Consent, ContactPerson,
    DOC_FORMAT_VERSION, Industry, Need, Note, OpenQuestion, Person, QuestionnaireRef, Reason,
    ReferralDoc, ServiceItem, SourceRef, TRIGGERS_PER_AREA, employees, size_class,
};
use super::escape::clean;
use super::words::{self, Allowed};
use super::{ExportError, Input, Options, sni};
use crate::answers::Answer;
use crate::i18n::Lang;
use crate::questionnaire::{Actor, Audience, Questionnaire, Role, Rule, expr};
use crate::score_output::round;
use crate::scoring::{self, Evaluation};
use crate::session::{ConsentRecord, Meta, SessionMode};
use crate::time;

/// Who a document is for, and so which questions it may draw on.
#[derive(Debug, Clone, Copy)]
enum Reader<'a> {
    /// A referral to this actor (an id): every question except those
    /// marked `share_with` without it.
    Actor(&'a str),
    /// The company itself: every question except advisor-only ones.
    Company,
}

/// The evaluation a document for `reader` is built on. The company's own
/// summary is computed without the advisor-only answers, as the shared
/// screen is: its needs and actors must not tell the advisor's assessment.
fn evaluate_for(input: &Input<'_>, reader: Reader<'_>) -> Evaluation {
    let q = input.questionnaire;
    let answers = &input.answers.answers;
    match reader {
        Reader::Actor(_) => scoring::evaluate(q, answers),
        Reader::Company => {
            let advisor = |id: &str| {
                q.question(id)
                    .is_some_and(|i| q.questions[i].audience == Audience::Advisor)
            };
            if !answers.keys().any(|id| advisor(id)) {
                return scoring::evaluate(q, answers);
            }
            let own = answers
                .iter()
                .filter(|(id, _)| !advisor(id))
                .map(|(id, a)| (id.clone(), a.clone()))
                .collect();
            scoring::evaluate(q, &own)
        }
    }
}

/// Per question of `q`: whether a document for `reader` may show it.
fn allowed(q: &Questionnaire, reader: Reader<'_>) -> Vec<bool> {
    q.questions
        .iter()
        .map(|question| match reader {
            Reader::Actor(actor) => question.shared_with(actor),
            Reader::Company => question.audience != Audience::Advisor,
        })
        .collect()
}

fn opt_clean(s: Option<&String>) -> Option<String> {
    s.map(|s| clean(s.trim())).filter(|s| !s.is_empty())
}

fn dates(opts: &Options) -> Result<(String, String), ExportError> {
    let day = match &opts.date {
        Some(d) => time::parse_ymd(d)?,
        None => time::today(),
    };
    let follow = match &opts.follow_up {
        Some(d) => time::parse_ymd(d)?,
        None => time::add_days(day, super::doc::FOLLOW_UP_DAYS),
    };
    Ok((day.to_string(), follow.to_string()))
}

/// The same person, whatever the case and spacing.
fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    norm(a) == norm(b)
}

/// Everything both documents share.
struct Common<'a> {
    q: &'a Questionnaire,
    input: &'a Input<'a>,
    lang: &'a str,
    eval: Evaluation,
    meta: Meta,
    session: Option<String>,
    date: String,
    follow_up: String,
    allowed: Vec<bool>,
}

impl<'a> Common<'a> {
    fn new(input: &'a Input<'a>, opts: &Options, reader: Reader<'_>) -> Result<Self, ExportError> {
        let (date, follow_up) = dates(opts)?;
        let file_id = input
            .answers
            .meta
            .get("id")
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string();
        let meta = match input.meta {
            Some(m) => m.clone(),
            None => Meta::from_table(&input.answers.meta, &file_id),
        };
        let session = Some(meta.id.clone()).filter(|s| crate::session::valid_id(s));
        Ok(Common {
            q: input.questionnaire,
            input,
            lang: input.lang,
            eval: evaluate_for(input, reader),
            meta,
            session,
            date,
            follow_up,
            allowed: allowed(input.questionnaire, reader),
        })
    }

    fn words_lang(&self) -> Lang {
        Lang::of_content(self.lang)
    }

    fn may_show(&self, qi: usize) -> bool {
        self.allowed.get(qi).copied().unwrap_or(false)
    }

    fn allowed(&self) -> &Allowed {
        &self.allowed
    }

    fn base_id(&self) -> String {
        match &self.session {
            Some(id) => id.clone(),
            None => {
                let c = &self.input.answers.company;
                let key = format!(
                    "{}|{}|{}",
                    c.name.as_deref().unwrap_or(""),
                    c.org_number.as_deref().unwrap_or(""),
                    self.date
                );
                let h = crate::questionnaire::content_hash(&key);
                format!("A{}", &h[..10])
            }
        }
    }

    /// The advisor: `recorded_by` when known (with their organisation from
    /// the attendees), else — at an advisor's visit — the first attendee.
    /// Nobody in the company's own self-assessment.
    fn advisor(&self, recorded_by: Option<&str>) -> Option<Person> {
        if let Some(name) = recorded_by {
            let organisation = self
                .meta
                .attendees
                .iter()
                .find(|a| same_name(&a.name, name))
                .map(|a| clean(a.organisation.trim()))
                .unwrap_or_default();
            return Some(Person {
                name: name.to_string(),
                organisation,
            });
        }
        if self.meta.mode == SessionMode::SelfAssessment {
            return None;
        }
        self.meta
            .attendees
            .first()
            .map(|a| Person {
                name: clean(a.name.trim()),
                organisation: clean(a.organisation.trim()),
            })
            .filter(|p| !p.name.is_empty() || !p.organisation.is_empty())
    }

    fn company(&self) -> CompanyInfo {
        let c = &self.input.answers.company;
        let employees = employees(self.q, self.input.answers);
        let contact = c.contact.as_ref().map(|p| ContactPerson {
            name: opt_clean(p.name.as_ref()),
            role: opt_clean(p.role.as_ref()),
            phone: opt_clean(p.phone.as_ref()),
            email: opt_clean(p.email.as_ref()),
        });
        CompanyInfo {
            name: opt_clean(c.name.as_ref()),
            org_number: opt_clean(c.org_number.as_ref()),
            municipality: opt_clean(c.municipality.as_ref()),
            industry: c.sni.as_ref().map(|code| {
                let letter = sni::section(code);
                Industry {
                    sni: clean(code),
                    section: letter.map(String::from),
                    section_title: letter.map(|l| sni::title(l, self.words_lang()).to_string()),
                }
            }),
            employees,
            size_class: size_class(employees).map(String::from),
            contact: contact.filter(|p| p != &ContactPerson::default()),
        }
    }

    fn questionnaire(&self) -> QuestionnaireRef {
        QuestionnaireRef {
            id: self.q.id.clone(),
            version: clean(&self.q.version),
        }
    }

    /// The need of an area with the answers (that this reader may see)
    /// that raised it most.
    fn need(&self, area: usize) -> Option<Need> {
        let a = self.eval.areas.get(area)?;
        let mut triggers: Vec<&scoring::Contribution> = self
            .eval
            .contributions
            .iter()
            .filter(|c| c.area == area && c.points > 0.0 && self.may_show(c.question))
            .collect();
        triggers.sort_by(|x, y| y.points.total_cmp(&x.points));
        triggers.truncate(TRIGGERS_PER_AREA);
        Some(Need {
            area: self.q.areas[area].id.clone(),
            title: clean(self.q.areas[area].title.get(self.lang)),
            need: a.need.map(round),
            answered: a.answered,
            total: a.total,
            answers: triggers
                .into_iter()
                .map(|c| {
                    words::contribution(self.q, self.input.answers, c.question, c.option, self.lang)
                })
                .collect(),
        })
    }

    fn services(&self, actor: &Actor, r: &scoring::Referral) -> Vec<ServiceItem> {
        r.services
            .iter()
            .filter_map(|o| actor.services.get(o.service).map(|s| (o, s)))
            .map(|(o, s)| ServiceItem {
                id: s.id.clone(),
                name: clean(s.name.get(self.lang)),
                description: clean(s.description.get(self.lang)),
                cost: s.cost.as_str().to_string(),
                price: s.price.as_ref().map(|p| clean(p.get(self.lang))),
                undecided: o.undecided,
                source: s.source.as_ref().map(SourceRef::of),
            })
            .collect()
    }

    /// The rules of the actor that fired, in questionnaire order.
    fn fired_rules<'r>(&self, actor: &'r Actor, r: &scoring::Referral) -> Vec<&'r Rule> {
        r.reasons
            .iter()
            .filter_map(|x| match x {
                scoring::Reason::Rule { rule } => actor.rules.get(*rule),
                scoring::Reason::Answer(_) => None,
            })
            .collect()
    }

    /// The visible questions a rule looks at, in questionnaire order.
    fn rule_questions(&self, rule: &Rule) -> BTreeSet<usize> {
        let mut refs = Vec::new();
        expr::questions_in(&rule.when, &mut refs);
        refs.into_iter().collect()
    }

    /// A fired rule as a reason: its text and the answers behind it that
    /// this reader may see.
    fn reason(&self, rule: &Rule) -> Reason {
        Reason {
            text: reason_text(rule, self.lang),
            answers: self
                .rule_questions(rule)
                .into_iter()
                .filter(|&qi| self.may_show(qi) && self.eval.visible.get(qi) == Some(&true))
                .filter_map(|qi| words::whole_answer(self.q, self.input.answers, qi, self.lang))
                .collect(),
        }
    }

    fn actor_contact(&self, actor: &Actor) -> Option<String> {
        actor
            .contact
            .as_ref()
            .map(|t| clean(t.get(self.lang).trim()))
            .filter(|t| !t.is_empty())
    }

    /// The actor's `next_step`; none is made up when the questionnaire
    /// gives none.
    fn next_step(&self, actor: &Actor) -> Option<String> {
        actor
            .next_step
            .as_ref()
            .map(|t| clean(t.get(self.lang).trim()))
            .filter(|t| !t.is_empty())
    }
}

/// Questions whose answers concern an actor: those that give points to an
/// area it weighs, and those its fired rules look at.
fn concerning(c: &Common<'_>, actor: &Actor, fired: &[&Rule]) -> BTreeSet<usize> {
    let weighted: BTreeSet<usize> = actor.weights.iter().map(|(a, _)| *a).collect();
    let mut out: BTreeSet<usize> =
        c.q.questions
            .iter()
            .enumerate()
            .filter(|(_, question)| {
                question
                    .max_points
                    .iter()
                    .any(|(a, _)| weighted.contains(a))
            })
            .map(|(i, _)| i)
            .collect();
    for rule in fired {
        out.extend(c.rule_questions(rule));
    }
    out
}

/// The most recent `[[meta.consent_log]]` entry giving consent to an actor.
fn consent_record(input: &Input<'_>, actor: &str) -> Option<ConsentRecord> {
    crate::session::consent_log(&input.answers.meta)
        .into_iter()
        .filter(|r| r.actor == actor)
        .rfind(|r| r.given)
}

/// The advisor who recorded consent last, for any actor.
fn latest_recorder(input: &Input<'_>) -> Option<String> {
    crate::session::consent_log(&input.answers.meta)
        .into_iter()
        .rev()
        .find_map(|r| r.recorded_by)
        .map(|n| crate::text::sanitize_line(n.trim()))
        .filter(|n| !n.is_empty())
}

fn consent(c: &Common<'_>, actor: &Actor, actor_name: &str) -> Consent {
    let record = consent_record(c.input, &actor.id);
    let person = |s: Option<&String>| opt_clean(s).map(|s| crate::text::sanitize_line(&s));
    let given_by = record.as_ref().and_then(|r| person(r.given_by.as_ref()));
    let recorded_by = record.as_ref().and_then(|r| person(r.recorded_by.as_ref()));
    let at = record.as_ref().and_then(|r| opt_clean(Some(&r.at)));
    let at_local = at.as_deref().and_then(time::local_rfc3339);
    let when = at.as_deref().and_then(time::local_date_and_time);
    // The representative's role, when they are the contact person.
    let role = c
        .input
        .answers
        .company
        .contact
        .as_ref()
        .filter(|p| matches!((&p.name, &given_by), (Some(n), Some(g)) if same_name(n, g)))
        .and_then(|p| opt_clean(p.role.as_ref()));
    let statement = crate::i18n::export::consent_statement(
        c.words_lang(),
        &crate::i18n::export::ConsentFacts {
            actor: actor_name,
            given_by: given_by.as_deref(),
            given_by_role: role.as_deref(),
            recorded_by: recorded_by.as_deref(),
            when: when.as_ref().map(|(d, t)| (d.as_str(), t.as_str())),
        },
    );
    Consent {
        actor: actor.id.clone(),
        given: true,
        at,
        at_local,
        given_by,
        recorded_by,
        statement,
    }
}

pub fn referral_doc(
    input: &Input<'_>,
    actor_id: &str,
    opts: &Options,
) -> Result<ReferralDoc, ExportError> {
    let q = input.questionnaire;
    let ai = q
        .actor(actor_id)
        .ok_or_else(|| ExportError::UnknownActor(actor_id.to_string()))?;
    let actor = &q.actors[ai];
    if input.answers.consent.get(actor_id) != Some(&true) {
        return Err(ExportError::NoConsent(clean(actor.name.get(input.lang))));
    }
    let c = Common::new(input, opts, Reader::Actor(&actor.id))?;
    let lang = c.lang;
    let r = c
        .eval
        .referral(ai)
        .ok_or_else(|| ExportError::UnknownActor(actor_id.to_string()))?;
    let actor_name = clean(actor.name.get(lang));
    let consent = consent(&c, actor, &actor_name);
    let from = c.advisor(consent.recorded_by.as_deref());

    let mut areas: Vec<(usize, f64)> = actor.weights.clone();
    areas.sort_by(|x, y| {
        let nx = c.eval.need(x.0).unwrap_or(-1.0) * x.1;
        let ny = c.eval.need(y.0).unwrap_or(-1.0) * y.1;
        ny.total_cmp(&nx).then(x.0.cmp(&y.0))
    });
    let needs: Vec<Need> = areas
        .iter()
        .filter(|(a, _)| c.eval.need(*a).is_some_and(|n| n > 0.0))
        .filter_map(|(a, _)| c.need(*a))
        .collect();

    let fired = c.fired_rules(actor, r);
    let concerns = concerning(&c, actor, &fired);
    let tried_id = q.question_with_role(Role::AlreadyTried);
    let other_id = q.question_with_role(Role::AnythingElse);
    let mut notes = Vec::new();
    let mut already_tried: Vec<String> =
        words::text_answer(q, input.answers, c.allowed(), Role::AlreadyTried)
            .into_iter()
            .collect();
    for (qid, note) in &input.answers.notes {
        let note = clean(note.trim());
        let Some(qi) = q.question(qid) else { continue };
        if note.is_empty() || !c.may_show(qi) {
            continue;
        }
        if Some(qi) == tried_id {
            already_tried.push(note);
        } else if concerns.contains(&qi) || Some(qi) == other_id {
            notes.push((
                qi,
                Note {
                    question: qid.clone(),
                    question_text: clean(q.questions[qi].text.get(lang)),
                    note,
                },
            ));
        }
    }
    notes.sort_by_key(|(qi, _)| *qi);

    Ok(ReferralDoc {
        kind: "referral",
        format_version: DOC_FORMAT_VERSION,
        id: format!("{}-{}", c.base_id(), actor.id),
        date: c.date.clone(),
        follow_up: c.follow_up.clone(),
        language: lang.to_string(),
        questionnaire: c.questionnaire(),
        session: c.session.clone(),
        from,
        to: ActorRef {
            id: actor.id.clone(),
            name: actor_name,
            url: opt_clean(actor.url.as_ref()),
            contact: c.actor_contact(actor),
            source: actor.source.as_ref().map(SourceRef::of),
        },
        company: c.company(),
        consent,
        situation: words::situation(q, input.answers, c.allowed(), lang),
        score: round(r.score),
        recommended: r.recommended,
        needs,
        reasons: fired.iter().map(|rule| c.reason(rule)).collect(),
        services: c.services(actor, r),
        notes: notes.into_iter().map(|(_, n)| n).collect(),
        already_tried,
        other: words::text_answer(q, input.answers, c.allowed(), Role::AnythingElse),
        next_step: c.next_step(actor),
    })
}

/// A rule's reason; one that looks at the EU sanctions of the country data
/// says as of when ("EU sanctions per the country data as of …").
fn reason_text(rule: &Rule, lang: &str) -> String {
    let text = clean(rule.reason.get(lang));
    match crate::score_output::sanctions_date(rule) {
        Some(date) => {
            let w = crate::i18n::cli::score(Lang::of_content(lang));
            format!("{text} ({} {date})", w.sanctions_as_of)
        }
        None => text,
    }
}

pub fn company_doc(input: &Input<'_>, opts: &Options) -> Result<CompanyDoc, ExportError> {
    let c = Common::new(input, opts, Reader::Company)?;
    let q = c.q;
    let needs: Vec<Need> = (0..q.areas.len())
        .filter(|a| c.eval.need(*a).is_some())
        .filter_map(|a| c.need(a))
        .collect();
    let actors = c
        .eval
        .referrals
        .iter()
        .filter(|r| r.recommended)
        .filter_map(|r| q.actors.get(r.actor).map(|a| (a, r)))
        .map(|(actor, r)| ActorSummary {
            id: actor.id.clone(),
            name: clean(actor.name.get(c.lang)),
            score: round(r.score),
            url: opt_clean(actor.url.as_ref()),
            contact: c.actor_contact(actor),
            next_step: c.next_step(actor),
            // A rule that looks at an advisor-only question would tell
            // the advisor's assessment: left out.
            reasons: c
                .fired_rules(actor, r)
                .into_iter()
                .filter(|rule| c.rule_questions(rule).iter().all(|&qi| c.may_show(qi)))
                .map(|rule| reason_text(rule, c.lang))
                .collect(),
            services: c.services(actor, r),
            consent: input.answers.consent.get(&actor.id) == Some(&true),
        })
        .collect();
    // Advice that comes from an advisor-only answer, or from a rule that
    // looks at one, would tell the advisor's assessment: left out.
    let advice = c
        .eval
        .advice
        .iter()
        .filter(|hit| match hit.from {
            scoring::AdviceFrom::Option { question, .. } => c.may_show(question),
            scoring::AdviceFrom::Rule { actor, rule } => q
                .actors
                .get(actor)
                .and_then(|a| a.rules.get(rule))
                .is_some_and(|rule| c.rule_questions(rule).iter().all(|&qi| c.may_show(qi))),
        })
        .filter_map(|hit| q.advice.get(hit.advice))
        .map(|a| AdviceItem {
            id: a.id.clone(),
            text: clean(a.text.get(c.lang)),
        })
        .collect();
    let open_questions = c
        .eval
        .open_questions
        .iter()
        .filter(|&&i| c.may_show(i))
        .filter_map(|&i| q.questions.get(i))
        .map(|question| OpenQuestion {
            id: question.id.clone(),
            text: clean(question.text.get(c.lang)),
            unknown: matches!(
                input.answers.answers.get(&question.id),
                Some(Answer::Unknown)
            ),
        })
        .collect();
    Ok(CompanyDoc {
        kind: "company_summary",
        format_version: DOC_FORMAT_VERSION,
        id: format!("{}-company", c.base_id()),
        date: c.date.clone(),
        follow_up: c.follow_up.clone(),
        language: c.lang.to_string(),
        questionnaire: c.questionnaire(),
        session: c.session.clone(),
        from: c.advisor(latest_recorder(input).as_deref()),
        company: c.company(),
        situation: words::situation(q, input.answers, c.allowed(), c.lang),
        needs,
        actors,
        advice,
        open_questions,
    })
}
