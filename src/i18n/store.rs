//! Words of the shared store: `store init|grant|status`, `sync`,
//! `sessions resolve`, and the wizard's sync status and company lookup.

use super::Lang;

pub fn no_store(lang: Lang) -> &'static str {
    lang.pick(
        "ingen delad databas angiven: ge --store postgres://… eller sätt BEHOVSANALYS_STORE",
        "no shared store given: pass --store postgres://… or set BEHOVSANALYS_STORE",
    )
}

pub fn initialised(lang: Lang, url: &str, from: i32, to: i32) -> String {
    if from == to {
        return match lang {
            Lang::Sv => format!("{url}: schemat är redan version {to}; inget att göra"),
            Lang::En => format!("{url}: the schema is already version {to}; nothing to do"),
        };
    }
    match lang {
        Lang::Sv => format!(
            "{url}: schemat uppdaterat från version {from} till {to}\n\
             nästa steg: skapa en inloggning per rådgivare (createuser -P NAMN) och ge den en roll:\n  \
             behovsanalys --store {url} store grant NAMN --as advisor --region REGION"
        ),
        Lang::En => format!(
            "{url}: schema updated from version {from} to {to}\n\
             next: create a login per advisor (createuser -P NAME) and give it a role:\n  \
             behovsanalys --store {url} store grant NAME --as advisor --region REGION"
        ),
    }
}

pub fn granted(
    lang: Lang,
    role: &str,
    kind: &str,
    region: Option<&str>,
    actor: Option<&str>,
) -> String {
    let region = region.unwrap_or("*");
    let actor = actor.map(|a| format!(" ({a})")).unwrap_or_default();
    match lang {
        Lang::Sv => format!("{role}: {kind}{actor} i region {region}"),
        Lang::En => format!("{role}: {kind}{actor} in region {region}"),
    }
}

pub fn status(
    lang: Lang,
    url: &str,
    version: i32,
    member: Option<(&str, Option<&str>, Option<&str>)>,
    sessions: usize,
) -> String {
    let who = match (member, lang) {
        (Some((kind, region, actor)), _) => {
            let actor = actor.map(|a| format!(" ({a})")).unwrap_or_default();
            format!("{kind}{actor}, {}", region.unwrap_or("*"))
        }
        (None, Lang::Sv) => "ingen roll (store grant)".into(),
        (None, Lang::En) => "no role (store grant)".into(),
    };
    // An actor's role reads referrals, not sessions.
    let what = match (member.is_some_and(|m| m.0 == "actor"), lang) {
        (true, Lang::Sv) => "remisser du kan läsa",
        (true, Lang::En) => "referrals you can read",
        (false, Lang::Sv) => "sessioner du kan läsa",
        (false, Lang::En) => "sessions you can read",
    };
    match lang {
        Lang::Sv => format!("{url}\nschemaversion {version}\nroll: {who}\n{what}: {sessions}\n"),
        Lang::En => format!("{url}\nschema version {version}\nrole: {who}\n{what}: {sessions}\n"),
    }
}

fn list(ids: &[String]) -> String {
    const MAX: usize = 10;
    let mut s = ids.iter().take(MAX).cloned().collect::<Vec<_>>().join(", ");
    if ids.len() > MAX {
        s.push_str(&format!(", … (+{})", ids.len() - MAX));
    }
    s
}

/// The summary of a sync, one line per kind of change.
pub fn sync_summary(lang: Lang, r: &crate::store::SyncReport) -> String {
    let mut out = String::new();
    let mut line = |n: usize, sv: &str, en: &str, ids: &[String]| {
        if n > 0 {
            out.push_str(&format!("{}: {n} ({})\n", lang.pick(sv, en), list(ids)));
        }
    };
    line(r.pushed.len(), "skickade", "pushed", &r.pushed);
    line(r.pulled.len(), "uppdaterade här", "updated here", &r.pulled);
    line(r.new_here.len(), "nya här", "new here", &r.new_here);
    line(
        r.deleted_there.len(),
        "raderade i databasen",
        "deleted in the store",
        &r.deleted_there,
    );
    line(
        r.deleted_here.len(),
        "raderade här",
        "deleted here",
        &r.deleted_here,
    );
    line(
        r.marked.len(),
        "markeringar från aktörer (kontakt, utfall)",
        "marks from actors (contact, outcome)",
        &r.marked,
    );
    if !r.changed_anything() && r.unresolved.is_empty() && r.skipped.is_empty() {
        out.push_str(lang.pick("allt är redan synkat\n", "everything is in sync already\n"));
    }
    for id in r.conflicts.iter().chain(&r.unresolved) {
        out.push_str(&match lang {
            Lang::Sv => format!(
                "KONFLIKT {id}: ändrad både här och i databasen; båda versionerna är sparade. Lös med: behovsanalys sessions resolve {id}\n"
            ),
            Lang::En => format!(
                "CONFLICT {id}: changed here and in the store; both versions are kept. Resolve with: behovsanalys sessions resolve {id}\n"
            ),
        });
    }
    for (id, why) in &r.skipped {
        let why = skip(lang, why);
        out.push_str(&match lang {
            Lang::Sv => format!("hoppade över {id}: {why}\n"),
            Lang::En => format!("skipped {id}: {why}\n"),
        });
    }
    out
}

pub fn conflict_intro(lang: Lang, id: &str, revision: i64) -> String {
    match lang {
        Lang::Sv => format!(
            "session {id}: versionen här och databasens (revision {revision}) skiljer sig åt.\nVälj för varje skillnad: l = lokal (här), s = servern (databasen)."
        ),
        Lang::En => format!(
            "session {id}: the version here and the store's (revision {revision}) differ.\nChoose for each difference: l = local (here), s = server (the store)."
        ),
    }
}

pub fn not_answered(lang: Lang) -> &'static str {
    lang.pick("(obesvarad)", "(not answered)")
}

pub fn the_rest(lang: Lang) -> &'static str {
    lang.pick(
        "företaget, deltagarna, samtycken och delade anteckningar",
        "the company, attendees, consents and shared notes",
    )
}

pub fn prompt_side(lang: Lang) -> &'static str {
    lang.pick("[l/s]? ", "[l/s]? ")
}

pub fn resolved(lang: Lang, id: &str) -> String {
    match lang {
        Lang::Sv => {
            format!("konflikten i {id} är löst; nästa `behovsanalys sync` skickar resultatet")
        }
        Lang::En => format!(
            "the conflict in {id} is resolved; the next `behovsanalys sync` sends the result"
        ),
    }
}

pub fn bad_answer_choice(lang: Lang, given: &str) -> String {
    match lang {
        Lang::Sv => format!("--answer vill ha FRÅGA=local|server, inte `{given}`"),
        Lang::En => format!("--answer takes QUESTION=local|server, not `{given}`"),
    }
}

/// The wizard's line about sync in the background.
pub fn background(
    lang: Lang,
    outcome: &Result<crate::store::SyncReport, std::sync::Arc<crate::store::SyncError>>,
) -> String {
    match outcome {
        Ok(r) => {
            let conflicts = r.conflicts.len() + r.unresolved.len();
            let n = r.pushed.len() + r.pulled.len() + r.new_here.len();
            match (lang, conflicts) {
                (Lang::Sv, 0) => format!("Synkat med databasen ({n} ändringar)"),
                (Lang::En, 0) => format!("Synced with the store ({n} changes)"),
                (Lang::Sv, c) => format!("Synkat; {c} konflikt(er): behovsanalys sessions resolve"),
                (Lang::En, c) => format!("Synced; {c} conflict(s): behovsanalys sessions resolve"),
            }
        }
        Err(e) if matches!(**e, crate::store::SyncError::NotForRole { .. }) => lang
            .pick(
                "Din roll i databasen synkar inte sessioner: du arbetar lokalt, inget går förlorat",
                "Your role in the store does not sync sessions: working locally, nothing is lost",
            )
            .to_string(),
        Err(_) => lang
            .pick(
                "Databasen kan inte nås: du arbetar lokalt, inget går förlorat",
                "The store cannot be reached: working locally, nothing is lost",
            )
            .to_string(),
    }
}

/// "Has anyone met this company?"
pub fn met_before(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Sv => format!("Företaget har besökts förut ({n}):"),
        Lang::En => format!("This company was visited before ({n}):"),
    }
}

pub fn visit_line(lang: Lang, date: &str, by: &[String], referrals: &[String]) -> String {
    let by = if by.is_empty() {
        "–".to_string()
    } else {
        by.join(", ")
    };
    match (lang, referrals.is_empty()) {
        (Lang::Sv, true) => format!("{date} · {by} · inga remisser"),
        (Lang::En, true) => format!("{date} · {by} · no referrals"),
        (Lang::Sv, false) => format!("{date} · {by} · remiss till: {}", referrals.join(", ")),
        (Lang::En, false) => format!("{date} · {by} · referred to: {}", referrals.join(", ")),
    }
}

pub fn offer_follow_up(lang: Lang) -> &'static str {
    lang.pick(
        "F9: starta ett uppföljningsbesök i stället",
        "F9: start a follow-up visit instead",
    )
}

/// The mark of a session in conflict in `sessions list`.
pub fn conflict_flag(lang: Lang, id: &str) -> String {
    match lang {
        Lang::Sv => format!("KONFLIKT: sessions resolve {id}"),
        Lang::En => format!("CONFLICT: sessions resolve {id}"),
    }
}

/// What a role that does not sync sessions may do instead.
pub fn role_instead(lang: Lang, kind: &str) -> &'static str {
    match kind {
        "national" => lang.pick(
            "en nationell roll läser statistik: behovsanalys report --store URL",
            "a national role reads statistics: behovsanalys report --store URL",
        ),
        "actor" => lang.pick(
            "en aktörs roll läser sina remisser och markerar dem: behovsanalys --store URL store referrals, behovsanalys --store URL store mark ID --contacted|--outcome UTFALL",
            "an actor's role reads its referrals and marks them: behovsanalys --store URL store referrals, behovsanalys --store URL store mark ID --contacted|--outcome OUTCOME",
        ),
        _ => lang.pick(
            "be databasens ägare om en roll (store grant)",
            "ask the store's owner for a role (store grant)",
        ),
    }
}

/// `store mark` of a session with no referral to this role's actor.
pub fn no_referral_here(lang: Lang, id: &str) -> String {
    match lang {
        Lang::Sv => format!(
            "ingen remiss från sessionen `{id}` till din aktör som du får läsa (se `behovsanalys store referrals`)"
        ),
        Lang::En => format!(
            "no referral from session `{id}` to your actor that you may read (see `behovsanalys store referrals`)"
        ),
    }
}

/// A shared-store error in words (the URL is always shown without its password).
pub fn error(lang: Lang, e: &crate::store::SyncError) -> String {
    use crate::store::SyncError as E;
    match (lang, e) {
        (_, E::Local(crate::session::StoreError::File(f))) => f.render(lang),
        (_, E::Db { what, url, why }) if denied(why) => {
            let hint = match lang {
                Lang::Sv => {
                    "din roll i databasen får inte det (databasens ägare ger roller med `behovsanalys --store URL store grant`; `store status` visar din)"
                }
                Lang::En => {
                    "your role in the store may not do that (the store's owner gives roles with `behovsanalys --store URL store grant`; `store status` shows yours)"
                }
            };
            match lang {
                Lang::Sv => format!(
                    "kan inte {} i databasen på {url}: {hint}",
                    db_what(lang, what)
                ),
                Lang::En => format!("cannot {what} in the store at {url}: {hint}"),
            }
        }
        (Lang::En, e) => e.to_string(),
        (Lang::Sv, E::BadUrl { url, why }) => {
            format!(
                "{} (databas {url})",
                url_reason_sv(why).unwrap_or(why.as_str())
            )
        }
        (Lang::Sv, E::Unreachable { url, why }) => format!(
            "databasen på {url} kan inte nås: {why}\ndina sessioner är säkra på den här datorn; kör `behovsanalys sync` igen när databasen kan nås"
        ),
        (Lang::Sv, E::Tls { url, why }) => format!("kan inte sätta upp TLS för {url}: {why}"),
        (Lang::Sv, E::Db { what, url, why }) => {
            format!(
                "kan inte {} i databasen på {url}: {why}",
                db_what(lang, what)
            )
        }
        (
            Lang::Sv,
            E::SchemaTooNew {
                url,
                server,
                binary,
            },
        ) => format!(
            "databasen på {url} har schemaversion {server}, nyare än den här behovsanalys känner till ({binary}); uppdatera behovsanalys"
        ),
        (Lang::Sv, E::NotInitialised { url, why }) => format!(
            "databasen på {url} är inte förberedd för behovsanalys ({why}); databasens ägare kör `behovsanalys --store URL store init` en gång"
        ),
        (Lang::Sv, E::NotForRole { url, kind }) => format!(
            "databasen på {url} ger dig rollen `{kind}`, som inte synkar sessioner: {}",
            role_instead(lang, kind)
        ),
        (Lang::Sv, E::UnknownKind) => {
            "en medlem är en av advisor, coordinator, actor, national".into()
        }
        (Lang::Sv, E::RegionNeeded) => "ge --region för alla utom national".into(),
        (Lang::Sv, E::ActorNeeded) => {
            "ge --actor för (och bara för) en aktörs rådgivare (actor)".into()
        }
        (Lang::Sv, E::NoSuchRole(role)) => format!(
            "det finns ingen databasroll `{role}`; skapa den först (createuser eller CREATE ROLE … LOGIN)"
        ),
        (Lang::Sv, E::NotADifference(q)) => {
            format!("`{q}` är inte ett svar som skiljer sig mellan de två versionerna")
        }
        (Lang::Sv, E::ChangedMeanwhile { id, revision }) => format!(
            "sessionen `{id}` har ändrats i databasen under tiden (revision {revision}); ändringen sparades som en konflikt"
        ),
        (Lang::Sv, E::NotYours(id)) => {
            format!("sessionen `{id}` finns i databasen och du får inte ändra den")
        }
        (Lang::Sv, E::NoConflict(id)) => format!("sessionen `{id}` har ingen konflikt att lösa"),
        (Lang::Sv, E::Undecided { id, open }) => format!(
            "sessionen `{id}` har en konflikt och de här skiljer sig: {}; välj med --take local|server eller --answer FRÅGA=local|server (\"*\" är företaget, deltagarna, samtycken och anteckningar)",
            open.join(", ")
        ),
        (Lang::Sv, E::Usage(s)) => s.clone(),
        (Lang::Sv, E::Local(e)) => e.to_string(),
    }
}

/// Whether the server refused for lack of rights.
fn denied(why: &str) -> bool {
    why.contains("permission denied") || why.contains("row-level security")
}

/// What could not be done in the store (`SyncError::Db`'s `what`).
fn db_what(lang: Lang, what: &'static str) -> &'static str {
    if let Lang::En = lang {
        return what;
    }
    match what {
        "apply a migration" => "tillämpa en migrering",
        "create the schema" => "skapa schemat",
        "delete a session" => "radera en session",
        "fetch sessions" => "hämta sessioner",
        "list the sessions" => "lista sessionerna",
        "lock a session" => "låsa en session",
        "unlock a session" => "låsa upp en session",
        "mark a referral" => "markera en remiss",
        "migrate" => "migrera",
        "read the membership" => "läsa din roll",
        "read the referrals" => "läsa remisserna",
        "read the referrals' marks" => "läsa aktörernas markeringar av remisser",
        "read the schema version" => "läsa schemaversionen",
        "read statistics" => "läsa statistik",
        "push a session" => "skicka en session",
        "grant" => "ge rollen",
        other => other,
    }
}

/// A reason a store URL is refused, in Swedish (the ones this program
/// writes; the URL parser's own stay as they are).
fn url_reason_sv(why: &str) -> Option<&'static str> {
    Some(match why {
        "a store is a postgres:// URL" => "en databas anges som en postgres://-URL",
        "a parameter is not valid UTF-8" => "en parameter är inte giltig UTF-8",
        "sslmode must be disable, prefer, require, verify-ca or verify-full" => {
            "sslmode är disable, prefer, require, verify-ca eller verify-full"
        }
        "no user: put one in the URL (postgres://USER@host/db)" => {
            "ingen användare: skriv den i URL:en (postgres://ANVÄNDARE@värd/db)"
        }
        _ => return None,
    })
}

/// The company form of a follow-up visit.
pub fn follow_up_of(lang: Lang, date: &str) -> String {
    match lang {
        Lang::Sv => format!("Uppföljning av besöket {date}: jämförs med det i sammanfattningen"),
        Lang::En => format!("Follow-up of the visit on {date}: compared with it in the summary"),
    }
}

/// The mark of a session in conflict in the wizard's resume list.
pub fn conflict_short(lang: Lang) -> &'static str {
    lang.pick(
        "KONFLIKT: behovsanalys sessions resolve",
        "CONFLICT: behovsanalys sessions resolve",
    )
}

/// Why sync left a session alone.
pub fn skip(lang: Lang, why: &crate::store::Skip) -> String {
    use crate::store::Skip;
    match why {
        Skip::Unreadable(e) => match lang {
            Lang::Sv => format!("kan inte läsas här: {e}"),
            Lang::En => format!("cannot be read here: {e}"),
        },
        Skip::Open => lang
            .pick(
                "öppen i guiden; synkas nästa gång",
                "open in the wizard; synced next time",
            )
            .into(),
        Skip::DeletedThere => lang
            .pick(
                "raderad i databasen (ett företags uppgifter raderade); dina ändringar här raderades också",
                "deleted in the store (a company's data erased); your changes here were deleted too",
            )
            .into(),
        Skip::Forbidden => lang
            .pick(
                "databasen har en session med det här id:t som du inte får läsa; skickades inte",
                "the store has a session with this id that you may not read; not sent",
            )
            .into(),
        Skip::Mark { actor, why } => match lang {
            Lang::Sv => format!("{actor}s markering av remissen kan inte tas in: {why}"),
            Lang::En => format!("{actor}'s mark on the referral cannot be taken: {why}"),
        },
        Skip::IdDeleted => lang
            .pick(
                "en session med det här id:t är raderad i databasen; skickades inte (importera filen igen med --as-new för att skicka den)",
                "a session with this id was deleted in the store; not sent (import the file again with --as-new to send it)",
            )
            .into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::SyncError;
    use std::sync::Arc;

    #[test]
    fn the_wizard_tells_a_role_that_does_not_sync_from_a_store_that_cannot_be_reached() {
        let refused = Err(Arc::new(SyncError::NotForRole {
            url: "postgres://x@y/z".into(),
            kind: "actor".into(),
        }));
        assert!(background(Lang::Sv, &refused).starts_with("Din roll i databasen synkar inte"));
        let down = Err(Arc::new(SyncError::Unreachable {
            url: "postgres://x@y/z".into(),
            why: "connection refused".into(),
        }));
        assert!(background(Lang::En, &down).starts_with("The store cannot be reached"));
        // Every error has Swedish words of its own, not the English text.
        for e in [
            SyncError::UnknownKind,
            SyncError::RegionNeeded,
            SyncError::ActorNeeded,
            SyncError::NoSuchRole("x".into()),
            SyncError::NotADifference("q".into()),
            SyncError::ChangedMeanwhile {
                id: "a".into(),
                revision: 2,
            },
            SyncError::NotYours("a".into()),
            SyncError::NoConflict("a".into()),
            SyncError::Tls {
                url: "u".into(),
                why: "w".into(),
            },
            SyncError::Db {
                what: "push a session",
                url: "u".into(),
                why: "w".into(),
            },
            SyncError::BadUrl {
                url: "u".into(),
                why: "a store is a postgres:// URL".into(),
            },
        ] {
            assert_ne!(error(Lang::Sv, &e), error(Lang::En, &e), "{e}");
        }
    }
}
