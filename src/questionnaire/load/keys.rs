//! The keys each table of a questionnaire may hold. The loader reports any
//! other key as `unknown-key`; the JSON Schema (`behovsanalys schema`) is
//! built from the same lists, so the two cannot disagree.

/// Top level of the file.
pub const TOP_KEYS: &[&str] = &["questionnaire", "area", "actor", "section"];
pub const META_KEYS: &[&str] = &[
    "id",
    "version",
    "languages",
    "title",
    "description",
    "extends",
];
pub const AREA_KEYS: &[&str] = &["id", "title", "description"];
pub const ACTOR_KEYS: &[&str] = &[
    "id",
    "name",
    "description",
    "url",
    "contact",
    "next_step",
    "threshold",
    "weights",
    "rule",
    "service",
    "eligibility",
    "source",
    "min_coverage",
];
/// What an `[[actor]]` of an extending file may hold when its id is an
/// actor of the base: more rules and services.
pub const ACTOR_EXTENSION_KEYS: &[&str] = &["id", "rule", "service"];
pub const RULE_KEYS: &[&str] = &["when", "boost", "refer", "reason", "advice"];
pub const SERVICE_KEYS: &[&str] = &[
    "id",
    "name",
    "description",
    "cost",
    "price",
    "eligibility",
    "areas",
    "source",
];
pub const SOURCE_KEYS: &[&str] = &["url", "checked"];
pub const SECTION_KEYS: &[&str] = &["id", "title", "help", "show_if", "question"];
/// What a `[[section]]` of an extending file may hold when its id is a
/// section of the base: more questions, added at its end.
pub const SECTION_EXTENSION_KEYS: &[&str] = &["id", "question"];
pub const CHOICE_KEYS: &[&str] = &["option"];
/// Keys of multi-choice and country questions only.
pub const MULTI_KEYS: &[&str] = &["max_choices"];
pub const SCALE_KEYS: &[&str] = &["min", "max", "low", "high", "needs_low", "needs_high"];
pub const NUMBER_KEYS: &[&str] = &["min", "max", "unit", "band"];
pub const OPTION_KEYS: &[&str] = &[
    "id",
    "label",
    "help",
    "needs",
    "summary",
    "exclusive",
    "advice",
];
pub const BAND_KEYS: &[&str] = &["from", "to", "needs"];
/// Every key a question of some kind may have.
pub const QUESTION_ALL_KEYS: &[&str] = &[
    "id",
    "kind",
    "text",
    "help",
    "required",
    "show_if",
    "audience",
    "allow_unknown",
    "allow_na",
    "aliases",
    "role",
    "share_with",
    "option",
    "min",
    "max",
    "low",
    "high",
    "needs_low",
    "needs_high",
    "unit",
    "band",
    "max_choices",
];
pub const KINDS: &[&str] = &["single", "multi", "country", "scale", "number", "text"];
