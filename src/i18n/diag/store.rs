//! Words of the session store's errors (`sessions`, `score --session`,
//! `import`, the wizard's resume list).

use crate::i18n::Lang;

/// The store's actions, as `StoreError::Io` names them (English), in `l`.
pub fn action(l: Lang, action: &str) -> String {
    let sv = match action {
        "cannot save" => "kan inte spara",
        "cannot save into" => "kan inte spara i",
        "cannot create" => "kan inte skapa",
        "cannot list" => "kan inte lista",
        "cannot delete" => "kan inte radera",
        "cannot move to quarantine" => "kan inte flytta till karantän",
        other => other,
    };
    sv_en!(l, sv.to_string(), action.to_string())
}

pub fn no_data_dir(l: Lang) -> String {
    sv_en!(
        l,
        "ingen datamapp kunde bestämmas; ange --data-dir eller sätt BEHOVSANALYS_DATA_DIR".into(),
        "no data directory could be determined; pass --data-dir or set BEHOVSANALYS_DATA_DIR"
            .into()
    )
}

pub fn not_found(l: Lang, id: &str) -> String {
    sv_en!(
        l,
        format!("det finns ingen session `{id}` (se `behovsanalys sessions list`)"),
        format!("there is no session `{id}` (see `behovsanalys sessions list`)")
    )
}

pub fn bad_id(l: Lang, id: &str) -> String {
    sv_en!(
        l,
        format!("`{id}` är inget sessions-id (bara bokstäver, siffror, `-` och `_`)"),
        format!("`{id}` is not a session id (letters, digits, `-` and `_` only)")
    )
}

/// Who holds a lock: "anna@laptop, process 4242, since …".
pub fn holder(l: Lang, user: &str, host: &str, pid: u32, since: &str) -> String {
    let user = match (user.is_empty(), l) {
        (true, Lang::Sv) => "någon",
        (true, Lang::En) => "someone",
        (false, _) => user,
    };
    let host = match (host.is_empty(), l) {
        (true, Lang::Sv) => "okänd dator",
        (true, Lang::En) => "unknown host",
        (false, _) => host,
    };
    let mut s = sv_en!(
        l,
        format!("{user}@{host}, process {pid}"),
        format!("{user}@{host}, process {pid}")
    );
    if !since.is_empty() {
        s.push_str(&since_text(l, since));
    }
    s
}

/// ", since …" of a lock holder, in Swedish time (a stamp that is not a
/// time is shown as it is).
pub fn since_text(l: Lang, since: &str) -> String {
    let local = crate::time::local_time(since);
    let is_time = local != since;
    match (l, is_time) {
        (Lang::Sv, _) => format!(", sedan {local}"),
        (Lang::En, true) => format!(", since {local} Swedish time"),
        (Lang::En, false) => format!(", since {local}"),
    }
}

pub fn holder_unknown(l: Lang) -> String {
    sv_en!(l, "okänt vem".into(), "holder unknown".into())
}

pub fn locked(l: Lang, id: &str, holder: &str) -> String {
    sv_en!(
        l,
        format!(
            "sessionen `{id}` är öppen i en annan behovsanalys ({holder}); stäng den där först"
        ),
        format!("session `{id}` is open in another behovsanalys ({holder}); close it there first")
    )
}

pub fn lock_failed(l: Lang, id: &str, err: &str) -> String {
    sv_en!(
        l,
        format!("kan inte låsa sessionen `{id}`: {err}"),
        format!("cannot lock session `{id}`: {err}")
    )
}

pub fn quarantined(l: Lang, id: &str, to: &str) -> String {
    sv_en!(
        l,
        format!("sessionen `{id}` kunde inte läsas och flyttades till {to}; inget annat påverkas"),
        format!("session `{id}` could not be read and was moved to {to}; nothing else is affected")
    )
}

pub fn more_lines(l: Lang, n: usize, to: &str) -> String {
    sv_en!(
        l,
        format!("… {n} rader till i {to}.why"),
        format!("… {n} more lines in {to}.why")
    )
}

pub fn exists(l: Lang, id: &str) -> String {
    sv_en!(
        l,
        format!(
            "det finns redan en session `{id}`; den skrevs inte över (importera med --as-new för att behålla båda)"
        ),
        format!(
            "there is already a session `{id}`; it was not overwritten (import with --as-new to keep both)"
        )
    )
}
