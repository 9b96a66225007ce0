//! The JSON Schema (draft 2020-12) of the questionnaire format, so that
//! editors with TOML schema support (taplo / Even Better TOML) complete and
//! check a questionnaire while it is typed.
//!
//! Hand-built with `serde_json` rather than derived (schemars): the loader
//! reads TOML through spanned tables, not serde types, so there is nothing
//! to derive from, and hand-written descriptions are what authors read in
//! their editor. The loader stays the authority (it also checks references,
//! expressions and bands); the schema catches structure while typing.

use serde_json::{Value, json};

use crate::questionnaire::Role;
use crate::questionnaire::load::keys;

/// `$id` of the schema.
pub const SCHEMA_ID: &str = "urn:behovsanalys:questionnaire:1";

fn text(description: &str) -> Value {
    json!({"$ref": "#/$defs/text", "description": description})
}

fn needs(description: &str) -> Value {
    json!({"$ref": "#/$defs/needs", "description": description})
}

fn expression(description: &str) -> Value {
    json!({"$ref": "#/$defs/expression", "description": description})
}

/// The properties of a table: every key the loader accepts there
/// (`keys`, shared with the loader), with the descriptions given. A key the
/// loader accepts but `described` lacks still appears (without a
/// description), and a described key the loader does not accept is kept, so
/// that the test comparing the two lists catches both.
fn props(keys: &[&str], described: Value) -> Value {
    let mut map = match described {
        Value::Object(m) => m,
        _ => serde_json::Map::new(),
    };
    for k in keys {
        map.entry(k.to_string()).or_insert_with(|| json!({}));
    }
    Value::Object(map)
}

/// Keys that only some question kinds have.
fn kind_keys() -> Vec<&'static str> {
    let mut all: Vec<&'static str> = Vec::new();
    for k in keys::CHOICE_KEYS
        .iter()
        .chain(keys::MULTI_KEYS)
        .chain(keys::SCALE_KEYS)
        .chain(keys::NUMBER_KEYS)
    {
        if !all.contains(k) {
            all.push(k);
        }
    }
    all
}

fn kind_rule(kinds: &[&str], allowed: &[&str], required: &[&str]) -> Value {
    let forbidden: serde_json::Map<String, Value> = kind_keys()
        .into_iter()
        .filter(|k| !allowed.contains(k))
        .map(|k| (k.to_string(), Value::Bool(false)))
        .collect();
    json!({
        "if": {"properties": {"kind": {"enum": kinds}}, "required": ["kind"]},
        "then": {"required": required, "properties": forbidden}
    })
}

fn def_actor() -> Value {
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["id"],
        "properties": props(keys::ACTOR_KEYS, json!({
            "id": {"$ref": "#/$defs/id", "description": "The actor's id, e.g. \"almi\". Consent and referrals name it. In a file with `extends`, the id of an actor of the base adds rules and services to it (then only `id`, `rule` and `service`)."},
            "name": text("The actor's name as shown: a string (the same name in every language), e.g. \"Almi\", or one per language, e.g. { sv = \"Tullverket\", en = \"Swedish Customs\" }. Required (except in an addition to a base actor)."),
            "description": text("What the actor does, for the company, in two or three sentences."),
            "url": {"type": "string", "description": "The actor's web site."},
            "contact": text("How to reach the actor, e.g. { sv = \"Via almi.se (kontaktformulär)\", en = \"Via almi.se (contact form)\" }."),
            "next_step": text("What happens after a referral, e.g. \"Contact Almi via almi.se; have the latest annual accounts ready\". Promise nothing the actor does not state."),
            "source": {"$ref": "#/$defs/source", "description": "Where the actor's facts come from and when they were checked."},
            "min_coverage": {"type": "number", "minimum": 0, "maximum": 100, "default": 50, "description": "How much (per cent) of what the actor weighs must be answered before its score alone recommends it; a `refer` rule recommends at once."},
            "threshold": {"type": "number", "minimum": 0, "maximum": 100, "default": 50, "description": "Recommend the actor when its score (0–100) is at least this."},
            "weights": {"type": "object", "propertyNames": {"$ref": "#/$defs/letter_id"}, "additionalProperties": {"type": "number", "exclusiveMinimum": 0}, "description": "How much each need area counts for this actor, e.g. { finansiering = 1.0, strategi = 0.3 }. The score is the weighted mean of the known needs. `weights = {}` with rules makes an actor that only rules recommend."},
            "eligibility": expression("Which companies the actor can help at all, e.g. \"anstallda < 250\". When it is definitely false the actor is never recommended and the output says why; \"vet ej\" or unanswered keeps it in play."),
            "rule": {"type": "array", "description": "Rules that raise the score or recommend the actor outright in clear cases.", "items": {"$ref": "#/$defs/rule"}},
            "service": {"type": "array", "description": "The actor's services: the catalogue (`behovsanalys catalogue`) and the services offered with a referral.", "items": {"$ref": "#/$defs/service"}}
        }))
    })
}

fn def_rule() -> Value {
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["when"],
        "properties": props(keys::RULE_KEYS, json!({
            "when": expression("When the rule fires. Rules may also use `need.AREA` (0–100)."),
            "boost": {"type": "number", "default": 0, "description": "Points added to the actor's score when the rule fires (the score is capped at 100)."},
            "refer": {"type": "boolean", "default": false, "description": "Recommend the actor whenever the rule fires, whatever the score."},
            "reason": text("Why, in words the company understands; shown with the recommendation. Required unless the rule only gives `advice` (no boost, no refer)."),
            "advice": {"$ref": "#/$defs/advice", "description": "Something the company can do itself, shown when the rule fires; it never changes a score."}
        }))
    })
}

fn def_service() -> Value {
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["id", "name", "description", "cost"],
        "properties": props(keys::SERVICE_KEYS, json!({
            "id": {"$ref": "#/$defs/id", "description": "The service's id, unique within the actor."},
            "name": text("The service's name."),
            "description": text("What the company gets."),
            "cost": {"enum": ["free", "subsidised", "paid", "unknown"], "description": "What it costs the company: free, subsidised or paid (put the amount in `price`), or unknown when no source states it."},
            "price": text("The price or terms in words, e.g. \"Half the cost, up to 50 000 kr\"."),
            "eligibility": expression("Which companies qualify, e.g. \"anstallda < 50\". A service is not offered when this is false; when it depends on a \"vet ej\" answer it is offered with that caveat."),
            "areas": {"type": "array", "items": {"$ref": "#/$defs/letter_id"}, "uniqueItems": true, "description": "The need areas the service helps with; offered services are ordered by the need in these areas."},
            "source": {"$ref": "#/$defs/source", "description": "Where the service's facts (cost, terms) come from and when they were checked."}
        }))
    })
}

fn def_section() -> Value {
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["id"],
        "properties": props(keys::SECTION_KEYS, json!({
            "id": {"$ref": "#/$defs/id", "description": "The section's id. In a file with `extends`, the id of a section of the base adds questions at its end (then only `id` and `question`)."},
            "title": text("The section's heading (required, except in an addition to a base section)."),
            "help": text("A short explanation shown with the section."),
            "show_if": expression("Show the section only when this holds; it may only refer to questions in earlier sections."),
            "question": {"type": "array", "description": "The section's questions, in order.", "items": {"$ref": "#/$defs/question"}}
        }))
    })
}

fn def_question() -> Value {
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["id", "kind", "text"],
        "properties": props(keys::QUESTION_ALL_KEYS, json!({
            "id": {"$ref": "#/$defs/letter_id", "description": "The question's id: answers are saved under it and conditions use it. Renaming it? Keep the old id in `aliases`."},
            "kind": {"enum": ["single", "multi", "country", "scale", "number", "text"], "description": "single: one option; multi: any number of options; country: countries from the built-in country data (answers are ISO codes such as \"no\"; conditions use any()/all()); scale: a number from min to max; number: a number, scored by bands; text: free text (never scored)."},
            "text": text("The question as asked."),
            "help": text("Help shown with the question."),
            "required": {"type": "boolean", "default": false, "description": "The question must be answered (\"vet ej\" counts as an answer)."},
            "show_if": expression("Ask the question only when this holds; it may only refer to earlier questions."),
            "audience": {"enum": ["both", "advisor", "company"], "default": "both", "description": "Who is asked: both, advisor (hidden in self-assessment) or company (only in self-assessment)."},
            "allow_unknown": {"type": "boolean", "default": true, "description": "Offer \"vet ej\" (don't know)."},
            "allow_na": {"type": "boolean", "default": false, "description": "Offer \"ej relevant\" (not applicable)."},
            "aliases": {"type": "array", "items": {"$ref": "#/$defs/letter_id"}, "uniqueItems": true, "description": "Earlier ids of this question: answers saved under them still count."},
            "role": {"enum": Role::ALL.iter().map(|r| r.as_str()).collect::<Vec<_>>(), "description": "What the question is, for the program, whatever its id: employees (number; the company form fills it), turnover (single or number), exports_today (single), export_share (single or number), export_countries (text or multi), target_markets (multi), payment_terms (single), already_tried and anything_else (text; a referral passes them on). Summaries describe the export situation from these. At most one question per role."},
            "share_with": {"type": "array", "items": {"$ref": "#/$defs/id"}, "uniqueItems": true, "description": "A sensitive question (e.g. an anti-corruption policy): its answer and notes go only into referrals to these actors (actor ids). Without it, every referral the answer concerns may carry it."},
            "option": {"type": "array", "minItems": 1, "description": "The options of a single or multi question.", "items": {"$ref": "#/$defs/option"}},
            "max_choices": {"type": "integer", "minimum": 1, "description": "Multi or country: at most this many options may be chosen (the wizard, `score` and `import` enforce it)."},
            "min": {"type": "number", "description": "Smallest answer (scale: an integer)."},
            "max": {"type": "number", "description": "Largest answer (scale: an integer, at most 20 steps above min)."},
            "low": text("Scale: what the lowest value means."),
            "high": text("Scale: what the highest value means."),
            "needs_low": needs("Scale: points at the low end, falling linearly to 0 at the high end."),
            "needs_high": needs("Scale: points at the high end, falling linearly to 0 at the low end."),
            "unit": text("Number: the unit, e.g. \"employees\"."),
            "band": {"type": "array", "description": "Number: ranges of answers and the points they give.", "items": {"$ref": "#/$defs/band"}}
        })),
        "allOf": [
            kind_rule(&["single"], &["option"], &["option"]),
            kind_rule(&["multi"], &["option", "max_choices"], &["option"]),
            kind_rule(&["country"], &["max_choices"], &[]),
            kind_rule(&["scale"], &["min", "max", "low", "high", "needs_low", "needs_high"], &["min", "max"]),
            {"if": {"properties": {"kind": {"const": "scale"}}, "required": ["kind"]}, "then": {"properties": {"min": {"type": "integer"}, "max": {"type": "integer"}}}},
            kind_rule(&["number"], &["min", "max", "unit", "band"], &[]),
            kind_rule(&["text"], &[], &[])
        ]
    })
}

fn def_option() -> Value {
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["id", "label"],
        "properties": props(keys::OPTION_KEYS, json!({
            "id": {"$ref": "#/$defs/id", "description": "The option's id: saved in answers and used in conditions, e.g. kredit in \"betalning == 'kredit'\"."},
            "label": text("The option as shown."),
            "help": text("Help for this option."),
            "needs": needs("Points this answer gives each need area. \"No need\" answers give none."),
            "summary": text("A sentence about the company when this is its answer, used in summaries, e.g. \"Företaget exporterar regelbundet\" (no final full stop)."),
            "exclusive": {"type": "boolean", "default": false, "description": "Multi only: this option cannot be chosen with others (e.g. \"no particular obstacles\")."},
            "advice": {"$ref": "#/$defs/advice", "description": "Something the company can do itself when this is (part of) its answer, e.g. apply for an EORI number. Never points, never a referral."}
        }))
    })
}

fn def_band() -> Value {
    json!({
        "type": "object",
        "additionalProperties": false,
        "properties": props(keys::BAND_KEYS, json!({
            "from": {"type": "number", "description": "Lowest answer in the band (inclusive); leave out for no lower bound."},
            "to": {"type": "number", "description": "Upper end of the band (exclusive); leave out for no upper bound."},
            "needs": needs("Points an answer in this band gives each need area.")
        }))
    })
}

/// The schema as a JSON value.
pub fn schema() -> Value {
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "behovsanalys questionnaire (format version 1)",
        "description": "A shared export-needs checklist: need areas, the actors a company can be referred to (with their rules and services) and the sections of questions. Check a file with `behovsanalys check --explain FILE`; see docs/AUTHORING.md.",
        "type": "object",
        "additionalProperties": false,
        "required": ["questionnaire"],
        "properties": props(keys::TOP_KEYS, json!({
            "questionnaire": {
                "type": "object",
                "description": "What this checklist is: its id, version, languages and title.",
                "additionalProperties": false,
                "required": ["id", "version"],
                "properties": props(keys::META_KEYS, json!({
                    "id": {"$ref": "#/$defs/id", "description": "A short name for the checklist, e.g. \"exportbehov\". Saved answers name it."},
                    "version": {"type": "string", "minLength": 1, "description": "The version, e.g. \"2026.1\". Change it when you send out a new version; saved answers remember it."},
                    "languages": {"type": "array", "items": {"type": "string", "pattern": "^[a-z]{2,3}$"}, "minItems": 1, "uniqueItems": true, "default": ["sv", "en"], "description": "Language codes of the texts, e.g. [\"sv\", \"en\"]. The first is the default: every text must exist in it; other languages fall back to it."},
                    "title": text("The checklist's title."),
                    "description": text("A short introduction shown before the first question."),
                    "extends": {"type": "string", "minLength": 1, "description": "Build on another questionnaire: \"exportbehov\" (the built-in one) or a path to a .toml file, relative to this file. This file then adds areas, actors, sections, and rules, services and questions to the base's actors and sections; title and languages are inherited."}
                }))
            },
            "area": {
                "type": "array",
                "description": "Need areas, e.g. financing or payment risk. Answers give points to areas; the need of an area (0–100) is the points earned out of the points possible.",
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["id", "title"],
                    "properties": props(keys::AREA_KEYS, json!({
                        "id": {"$ref": "#/$defs/letter_id", "description": "The area's id, used in `needs`, `weights`, service `areas` and `need.AREA` in rules."},
                        "title": text("The area's name."),
                        "description": text("What the area covers, in one sentence.")
                    }))
                }
            },
            "actor": {
                "type": "array",
                "description": "The actors a company can be referred to (Almi, Business Sweden, EKN …).",
                "items": {"$ref": "#/$defs/actor"}
            },
            "section": {
                "type": "array",
                "minItems": 1,
                "description": "The sections of the checklist, in the order they are asked.",
                "items": {"$ref": "#/$defs/section"}
            }
        })),
        "$defs": {
            "id": {"type": "string", "pattern": "^[a-z0-9_-]+$", "description": "An id: lower-case a–z, digits, `_` and `-` (no spaces, capitals or å/ä/ö)."},
            "letter_id": {"type": "string", "pattern": "^[a-z_][a-z0-9_-]*$", "description": "An id used in conditions: lower-case a–z, digits, `_` and `-`, starting with a letter."},
            "text": {
                "description": "A text: a plain string (in the default language) or one per language, e.g. { sv = \"…\", en = \"…\" }.",
                "anyOf": [
                    {"type": "string"},
                    {"type": "object", "minProperties": 1, "propertyNames": {"pattern": "^[a-z]{2,3}$"}, "additionalProperties": {"type": "string"}}
                ]
            },
            "needs": {
                "type": "object",
                "description": "Points per need area, e.g. { finansiering = 3, betalningsrisk = 5 }. Keys are area ids.",
                "propertyNames": {"$ref": "#/$defs/letter_id"},
                "additionalProperties": {"type": "number"}
            },
            "expression": {
                "type": "string",
                "minLength": 1,
                "maxLength": 4096,
                "description": "A condition, e.g. \"exporterar == 'ja' and anstallda < 250\". A question id stands for its answer (option id, list of option ids for multi, number); use == != < <= > >=, `in ['a', 'b']`, `contains 'option'` (multi, country), `any(q, TAGS)` / `all(q, TAGS)` on a country question (tags: eu, eea, efta, oecd, marketable_risk, sanctioned, sanction_broad, sanction.REGIME … with and/or/not), `answered(id)`, and, or, not, parentheses. An unanswered, \"vet ej\" or hidden answer makes every comparison false."
            },
            "advice": {
                "type": "object",
                "description": "Advice: { id = \"eori\", sv = \"…\", en = \"…\" } (id optional), or { id = \"eori\" } to repeat advice written elsewhere.",
                "properties": {"id": {"$ref": "#/$defs/id"}},
                "propertyNames": {"pattern": "^([a-z]{2,3}|id)$"},
                "additionalProperties": {"type": "string"},
                "minProperties": 1
            },
            "source": {
                "type": "object",
                "description": "A source: { url = \"https://…\", checked = \"YYYY-MM-DD\" } – the page the facts come from and the day it was read.",
                "additionalProperties": false,
                "required": ["url", "checked"],
                "properties": props(keys::SOURCE_KEYS, json!({
                    "url": {"type": "string", "pattern": "^https?://[^ ]+$", "description": "The address of the page."},
                    "checked": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "When the page was last read, YYYY-MM-DD."}
                }))
            },
            "actor": def_actor(),
            "rule": def_rule(),
            "service": def_service(),
            "section": def_section(),
            "question": def_question(),
            "option": def_option(),
            "band": def_band()
        }
    })
}

/// The schema as pretty JSON with a final newline, as `behovsanalys schema` prints it.
pub fn schema_text() -> String {
    let mut s = serde_json::to_string_pretty(&schema()).unwrap_or_default();
    s.push('\n');
    s
}
