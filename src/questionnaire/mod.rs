//! The validated questionnaire model, its loader and the expression language.
//!
//! Raw TOML is read with spans by [`load`]; what comes out is a
//! [`Questionnaire`] whose references are indices, checked once, so that
//! scoring and the wizard never have to handle a dangling id.

pub mod countries;
pub mod expr;
pub mod load;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

pub use countries::Countries;
pub use expr::Expr;
pub use load::{BUILTIN_NAME, BUILTIN_TOML, LoadError, builtin, load_file, load_str};

use crate::text::Text;

/// Who sees a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Both,
    /// Hidden in self-assessment.
    Advisor,
    /// Only in self-assessment.
    Company,
}

impl Audience {
    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Both => "both",
            Audience::Advisor => "advisor",
            Audience::Company => "company",
        }
    }
}

/// Points per area, as `(area index, points)`.
pub type Needs = Vec<(usize, f64)>;

#[derive(Debug, Clone)]
pub struct ChoiceOption {
    pub id: String,
    pub label: Text,
    pub help: Option<Text>,
    pub needs: Needs,
    /// A sentence about the company when this option is its answer, for
    /// summaries ("Företaget exporterar regelbundet").
    pub summary: Option<Text>,
    /// Multi choice: this option cannot be chosen together with others
    /// ("no particular obstacles").
    pub exclusive: bool,
    /// Advice for the company when this option is (part of) its answer:
    /// an index into [`Questionnaire::advice`].
    pub advice: Option<usize>,
}

/// What a question is, for the parts of the program that need to know
/// without knowing its id: the company form fills the `employees`
/// question, summaries describe the export situation from the others.
/// A questionnaire declares them with `role = "…"` on a question; each role
/// belongs to at most one question, of a kind that fits it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The number of employees (number).
    Employees,
    /// The turnover (single choice of bands, or number).
    Turnover,
    /// Whether the company exports today (single).
    ExportsToday,
    /// Export share of turnover (single choice of bands, or number).
    ExportShare,
    /// The countries sold to today (text or multi).
    ExportCountries,
    /// The markets the company wants to sell in (multi).
    TargetMarkets,
    /// Payment terms for foreign customers (single).
    PaymentTerms,
    /// What the company has already tried, and with whom (text): a
    /// referral passes it on.
    AlreadyTried,
    /// Anything else the company wants known (text): a referral passes it on.
    AnythingElse,
}

impl Role {
    pub const ALL: [Role; 9] = [
        Role::Employees,
        Role::Turnover,
        Role::ExportsToday,
        Role::ExportShare,
        Role::ExportCountries,
        Role::TargetMarkets,
        Role::PaymentTerms,
        Role::AlreadyTried,
        Role::AnythingElse,
    ];

    /// The name in a questionnaire file.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Employees => "employees",
            Role::Turnover => "turnover",
            Role::ExportsToday => "exports_today",
            Role::ExportShare => "export_share",
            Role::ExportCountries => "export_countries",
            Role::TargetMarkets => "target_markets",
            Role::PaymentTerms => "payment_terms",
            Role::AlreadyTried => "already_tried",
            Role::AnythingElse => "anything_else",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// The question kinds that can carry the role.
    pub fn kinds(self) -> &'static [&'static str] {
        match self {
            Role::Employees => &["number"],
            Role::Turnover | Role::ExportShare => &["single", "number"],
            Role::ExportsToday | Role::PaymentTerms => &["single"],
            Role::ExportCountries => &["text", "multi", "country"],
            Role::TargetMarkets => &["multi", "country"],
            Role::AlreadyTried | Role::AnythingElse => &["text"],
        }
    }
}

#[derive(Debug, Clone)]
pub struct Band {
    /// Inclusive lower bound; `None` is open.
    pub from: Option<f64>,
    /// Exclusive upper bound; `None` is open.
    pub to: Option<f64>,
    pub needs: Needs,
}

impl Band {
    pub fn contains(&self, x: f64) -> bool {
        self.from.is_none_or(|f| x >= f) && self.to.is_none_or(|t| x < t)
    }
}

#[derive(Debug, Clone)]
pub enum Kind {
    Single {
        options: Vec<ChoiceOption>,
    },
    Multi {
        options: Vec<ChoiceOption>,
    },
    Scale {
        min: i64,
        max: i64,
        low: Option<Text>,
        high: Option<Text>,
        needs_low: Needs,
        needs_high: Needs,
    },
    Number {
        min: Option<f64>,
        max: Option<f64>,
        unit: Option<Text>,
        bands: Vec<Band>,
    },
    Text,
}

impl Kind {
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Single { .. } => "single",
            Kind::Multi { .. } => "multi",
            Kind::Scale { .. } => "scale",
            Kind::Number { .. } => "number",
            Kind::Text => "text",
        }
    }

    pub fn options(&self) -> &[ChoiceOption] {
        match self {
            Kind::Single { options } | Kind::Multi { options } => options,
            _ => &[],
        }
    }

    pub fn option_index(&self, id: &str) -> Option<usize> {
        self.options().iter().position(|o| o.id == id)
    }
}

#[derive(Debug, Clone)]
pub struct Question {
    pub id: String,
    /// Index of the section it belongs to.
    pub section: usize,
    pub kind: Kind,
    pub text: Text,
    pub help: Option<Text>,
    pub required: bool,
    pub show_if: Option<Expr>,
    pub audience: Audience,
    pub allow_unknown: bool,
    pub allow_na: bool,
    /// Earlier ids of this question; answers saved under them still count.
    pub aliases: Vec<String>,
    /// What the question is, for the program (see [`Role`]).
    pub role: Option<Role>,
    /// `kind = "country"`: a multi choice whose options are the countries
    /// of the country data (ids are ISO codes, labels the names).
    pub country: bool,
    /// Multi choice: at most this many options may be chosen.
    pub max_choices: Option<usize>,
    /// A sensitive question (`share_with = ["ekn"]`): its answer and notes
    /// go only into referrals to these actors (ids, checked to exist).
    /// `None`: every referral the answer concerns may carry it.
    pub share_with: Option<Vec<String>>,
    /// The most points each area can get from this question (only areas > 0).
    pub max_points: Needs,
    /// Byte span of the question's `id` value in its file, for warnings.
    pub span: Range<usize>,
}

impl Question {
    /// True when the question can give points to some area.
    pub fn is_scored(&self) -> bool {
        !self.max_points.is_empty()
    }

    /// The kind as written in the file (`country` for country questions).
    pub fn kind_name(&self) -> &'static str {
        if self.country {
            "country"
        } else {
            self.kind.name()
        }
    }

    /// Whether the answer may be passed on to the actor `actor` (an id):
    /// true unless the question is marked `share_with` without it.
    pub fn shared_with(&self, actor: &str) -> bool {
        self.share_with
            .as_ref()
            .is_none_or(|list| list.iter().any(|a| a == actor))
    }
}

#[derive(Debug, Clone)]
pub struct Section {
    pub id: String,
    pub title: Text,
    pub help: Option<Text>,
    pub show_if: Option<Expr>,
    /// Indices into [`Questionnaire::questions`], in order.
    pub questions: Range<usize>,
}

#[derive(Debug, Clone)]
pub struct Area {
    pub id: String,
    pub title: Text,
    pub description: Option<Text>,
    /// Byte span of the area's `id` value in its file, for warnings.
    pub span: Range<usize>,
}

#[derive(Debug, Clone)]
pub struct Rule {
    pub when: Expr,
    /// May be negative (e.g. an actor that only serves smaller companies).
    pub boost: f64,
    pub refer: bool,
    /// Empty for a rule that only gives advice (boost 0, no `refer`): such
    /// a rule is never shown as a reason for a referral.
    pub reason: Text,
    /// Advice for the company when the rule fires: an index into
    /// [`Questionnaire::advice`].
    pub advice: Option<usize>,
    pub span: Range<usize>,
}

impl Rule {
    /// Whether the rule is a reason for a referral (it has a reason text).
    pub fn has_reason(&self) -> bool {
        !self.reason.is_empty()
    }
}

/// Something the company can do itself ("apply for an EORI number"),
/// attached to options and rules; shown in summaries, never a referral and
/// never points.
#[derive(Debug, Clone)]
pub struct Advice {
    /// Stable id: written `advice = { id = "…", sv = "…", en = "…" }`, or
    /// made from where the advice is (`question.option`, `actor.rule-N`).
    pub id: String,
    pub text: Text,
    /// Where the text is defined, for messages.
    pub span: Range<usize>,
}

/// Where an actor's or a service's facts come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub url: String,
    /// When the source was last read, `YYYY-MM-DD`.
    pub checked: String,
}

/// What a service costs the company.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cost {
    Free,
    Subsidised,
    Paid,
    /// No source states the cost (`cost = "unknown"`): say so rather than
    /// guess.
    Unknown,
}

impl Cost {
    pub fn as_str(self) -> &'static str {
        match self {
            Cost::Free => "free",
            Cost::Subsidised => "subsidised",
            Cost::Paid => "paid",
            Cost::Unknown => "unknown",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Service {
    pub id: String,
    pub name: Text,
    pub description: Text,
    pub cost: Cost,
    pub price: Option<Text>,
    pub eligibility: Option<Expr>,
    pub areas: Vec<usize>,
    pub source: Option<Source>,
    pub span: Range<usize>,
}

#[derive(Debug, Clone)]
pub struct Actor {
    pub id: String,
    /// The actor's name in each language (a plain string in the file is the
    /// same name in every language).
    pub name: Text,
    pub description: Text,
    pub url: Option<String>,
    /// How to reach the actor (a text in each language).
    pub contact: Option<Text>,
    pub next_step: Option<Text>,
    pub threshold: f64,
    /// `(area index, weight)`, weights > 0.
    pub weights: Vec<(usize, f64)>,
    pub rules: Vec<Rule>,
    pub services: Vec<Service>,
    /// Which companies the actor can help at all (e.g. `anstallda < 250`).
    /// When it is definitely false the actor is never recommended.
    pub eligibility: Option<Expr>,
    pub source: Option<Source>,
    /// How much (0–100 %) of what the actor weighs must be answered before
    /// its score alone recommends it (default [`DEFAULT_MIN_COVERAGE`]).
    pub min_coverage: f64,
    pub span: Range<usize>,
}

/// The default `min_coverage` of an actor, in per cent.
pub const DEFAULT_MIN_COVERAGE: f64 = 50.0;

/// A validated questionnaire.
#[derive(Debug, Clone)]
pub struct Questionnaire {
    pub id: String,
    pub version: String,
    /// First is the default.
    pub languages: Vec<String>,
    pub title: Text,
    pub description: Option<Text>,
    pub areas: Vec<Area>,
    pub actors: Vec<Actor>,
    pub sections: Vec<Section>,
    /// All questions in questionnaire order.
    pub questions: Vec<Question>,
    /// Advice texts, referred to by options and rules.
    pub advice: Vec<Advice>,
    /// Ids and versions of the questionnaires this one extends (nearest
    /// first): answers files written for them are accepted too.
    pub extends: Vec<(String, String)>,
    /// A hash of the file's content (FNV-1a 64, hex) to notice changes.
    pub hash: String,
    /// Name of the file it came from (for messages).
    pub source_name: String,
    question_index: IdMap,
    alias_index: IdMap,
    area_index: IdMap,
    actor_index: IdMap,
    /// The question of each role, by `Role::ALL` position.
    role_index: [Option<usize>; Role::ALL.len()],
}

/// Id → index. Ids are short strings looked up for every answer of every
/// file read (the report reads 100,000 sessions), so a multiply-rotate
/// hash (FxHash's) replaces SipHash. The keys come from the questionnaire,
/// which its author controls, so flooding is not a concern.
type IdMap = HashMap<String, usize, BuildHasherDefault<IdHasher>>;

#[derive(Default, Clone, Copy)]
struct IdHasher(u64);

impl IdHasher {
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b) ^ ((rest.len() as u64) << 59));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl Questionnaire {
    pub fn question(&self, id: &str) -> Option<usize> {
        self.question_index.get(id).copied()
    }

    /// Looks a question up by its id or one of its aliases.
    pub fn question_or_alias(&self, id: &str) -> Option<usize> {
        self.question(id)
            .or_else(|| self.alias_index.get(id).copied())
    }

    /// Whether an answers file for questionnaire `id` can be read with this
    /// one: its own id, or one it extends.
    pub fn accepts(&self, id: &str) -> bool {
        self.id == id || self.extends.iter().any(|(e, _)| e == id)
    }

    /// The version an answers file for questionnaire `id` should carry:
    /// this one's, or that of the questionnaire it extends with that id.
    pub fn version_for(&self, id: &str) -> &str {
        self.extends
            .iter()
            .find(|(e, _)| e == id && id != self.id)
            .map_or(self.version.as_str(), |(_, v)| v.as_str())
    }

    pub fn advice_by_id(&self, id: &str) -> Option<usize> {
        self.advice.iter().position(|a| a.id == id)
    }

    pub fn area(&self, id: &str) -> Option<usize> {
        self.area_index.get(id).copied()
    }

    pub fn actor(&self, id: &str) -> Option<usize> {
        self.actor_index.get(id).copied()
    }

    /// The question that has `role`, if the questionnaire declares one
    /// (at most one question has each role; the loader checks it).
    pub fn question_with_role(&self, role: Role) -> Option<usize> {
        let slot = Role::ALL.iter().position(|r| *r == role)?;
        self.role_index.get(slot).copied().flatten()
    }

    pub fn default_lang(&self) -> &str {
        self.languages.first().map(String::as_str).unwrap_or("sv")
    }

    /// Builds the id indices; called by the loader after validation.
    fn index(&mut self) {
        self.role_index = Role::ALL.map(|r| self.questions.iter().position(|q| q.role == Some(r)));
        self.question_index = self
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.clone(), i))
            .collect();
        // The first question with an alias wins, as a scan in order would.
        self.alias_index = IdMap::default();
        for (i, q) in self.questions.iter().enumerate() {
            for a in &q.aliases {
                self.alias_index.entry(a.clone()).or_insert(i);
            }
        }
        self.area_index = self
            .areas
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        self.actor_index = self
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
    }
}

/// FNV-1a 64-bit, hex: a cheap fingerprint to notice that a file changed.
pub fn content_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}
