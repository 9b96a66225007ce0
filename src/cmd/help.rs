//! The clap command with the help texts of `behovsanalys::i18n::cli::help`
//! in the language of the program's words, and usage errors in it.

use behovsanalys::i18n::Lang;
use behovsanalys::i18n::cli::{self, UsageError, help::Help};
use clap::builder::{Arg, Command};
use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::Cli;

/// The whole command line, built and with every text in `lang`.
pub fn command(lang: Lang) -> Command {
    let mut c = <Cli as clap::CommandFactory>::command();
    // Built first, so that the help flags, the help subcommand and the
    // global options copied into every subcommand are there to translate.
    c.build();
    localize(c, "", cli::help::help(lang))
}

/// The description of the (sub)command at `path` (`""`, `"check"`,
/// `"sessions show"` …).
fn about(path: &str, h: &Help) -> Option<&'static str> {
    if path == "help" || path.ends_with(" help") {
        return Some(h.help_command);
    }
    // Below `help` clap mirrors the commands (`help sessions list`).
    let own: Vec<&str> = path.split(' ').filter(|p| *p != "help").collect();
    Some(match own.join(" ").as_str() {
        "" => h.about,
        "check" => h.check,
        "score" => h.score,
        "export" => h.export,
        "report" => h.report,
        "catalogue" => h.catalogue,
        "schema" => h.schema,
        "preview" => h.preview,
        "diff" => h.diff,
        "sessions" => h.sessions,
        "sessions list" => h.sessions_list,
        "sessions show" => h.sessions_show,
        "sessions delete" => h.sessions_delete,
        "sessions new" => h.sessions_new,
        "import" => h.import,
        "referrals" => h.referrals,
        "referrals list" => h.referrals_list,
        "referrals mark" => h.referrals_mark,
        "open" => h.open,
        "store" => h.store,
        "store init" => h.store_init,
        "store grant" => h.store_grant,
        "store status" => h.store_status,
        "store referrals" => h.store_referrals,
        "store mark" => h.store_mark,
        "sync" => h.sync,
        "sessions resolve" => h.sessions_resolve,
        "serve" => h.serve,
        _ => return None,
    })
}

/// The help of argument `id` of the command at `path`.
fn arg_help(path: &str, id: &str, h: &Help) -> Option<&'static str> {
    Some(match (path, id) {
        (_, "questionnaire") => h.questionnaire,
        (_, "lang") => h.lang,
        (_, "self_assessment") => h.self_assessment,
        (_, "data_dir") => h.data_dir,
        (_, "help") => h.help,
        (_, "version") => h.version,
        (_, "format") => h.format,
        (_, "answers") => h.answers,
        (_, "session") => h.session,
        (_, "out") => h.out,
        (_, "force") => h.force,
        ("check", "files") => h.check_files,
        ("check", "explain") => h.check_explain,
        ("export", "actor") => h.export_actor,
        ("export", "company") => h.export_company,
        ("export", "handover") => h.export_handover,
        ("export", "out_dir") => h.export_out_dir,
        ("export", "date") => h.export_date,
        ("export", "follow_up") => h.export_follow_up,
        ("report", "min_group") => h.report_min_group,
        ("report", "from") => h.report_from,
        ("report", "to") => h.report_to,
        ("report", "municipality") => h.report_municipality,
        ("report", "date") => h.report_date,
        ("catalogue", "file") => h.catalogue_file,
        ("preview", "file") => h.preview_file,
        ("diff", "old") => h.diff_old,
        ("diff", "new") => h.diff_new,
        ("sessions show", "id") => h.sessions_show_id,
        ("sessions delete", "id") => h.sessions_delete_id,
        ("sessions delete", "yes") => h.sessions_delete_yes,
        (_, "store") => h.store_url,
        ("report", "region") => h.report_region,
        ("store grant", "role") => h.store_grant_role,
        ("store grant", "kind") => h.store_grant_kind,
        ("store grant", "region") => h.store_grant_region,
        ("store grant", "actor") => h.store_grant_actor,
        ("store referrals", "open") => h.referrals_list_open,
        ("store mark", "id") => h.store_mark_id,
        ("store mark", "contacted") => h.referrals_mark_contacted,
        ("store mark", "outcome") => h.referrals_mark_outcome,
        ("store mark", "at") => h.referrals_mark_at,
        ("store mark", "note") => h.referrals_mark_note,
        ("sessions resolve", "id") => h.sessions_resolve_id,
        ("sessions resolve", "take") => h.sessions_resolve_take,
        ("sessions resolve", "answer") => h.sessions_resolve_answer,
        ("sessions new", "from") => h.sessions_new_from,
        ("import", "file") => h.import_file,
        ("import", "as_new") => h.import_as_new,
        ("serve", "addr") => h.serve_addr,
        ("serve", "trust_proxy") => h.serve_trust_proxy,
        ("serve", "rate_limit") => h.serve_rate_limit,
        ("serve", "quiet") => h.serve_quiet,
        ("referrals list", "open") => h.referrals_list_open,
        ("referrals list", "actor") => h.referrals_list_actor,
        ("referrals mark", "id") => h.referrals_mark_id,
        ("referrals mark", "actor") => h.referrals_mark_actor,
        ("referrals mark", "contacted") => h.referrals_mark_contacted,
        ("referrals mark", "outcome") => h.referrals_mark_outcome,
        ("referrals mark", "at") => h.referrals_mark_at,
        ("referrals mark", "note") => h.referrals_mark_note,
        ("open", "id") => h.open_id,
        _ => return None,
    })
}

fn localize(mut c: Command, path: &str, h: &'static Help) -> Command {
    if let Some(a) = about(path, h) {
        c = c.about(a);
    }
    c = c
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            h.usage
        ))
        .subcommand_help_heading(h.commands)
        .subcommand_value_name(h.usage_command);
    // The command's own options first, in the order they are defined, then
    // the global ones, then help and version.
    let ids: Vec<(String, usize)> = c
        .get_arguments()
        .enumerate()
        .map(|(i, a)| {
            let id = a.get_id().as_str();
            let group = match id {
                "help" | "version" => 2000,
                _ if a.is_global_set() => 1000,
                _ => 0,
            };
            (id.to_owned(), group + i)
        })
        .collect();
    for (id, order) in ids {
        c = c.mut_arg(&id, |a| localize_arg(a, path, h).display_order(order));
    }
    let names: Vec<String> = c
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        let sub = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        c = c.mut_subcommand(&name, |s| localize(s, &sub, h));
    }
    // clap writes `[OPTIONS]` itself; the usage line is set from its own
    // with the placeholder in `h`'s words.
    let usage = c.render_usage().to_string();
    let usage = usage
        .split_once(' ')
        .map_or(usage.as_str(), |(_, rest)| rest)
        .replace("[OPTIONS]", &format!("[{}]", h.usage_options));
    c.override_usage(usage)
}

/// Sets an argument's help and heading; its default value, possible values
/// and environment variable are written by us (in `h`'s words) instead of
/// by clap.
fn localize_arg(mut a: Arg, path: &str, h: &Help) -> Arg {
    let heading = if a.is_positional() {
        h.arguments
    } else {
        h.options
    };
    a = a.help_heading(heading);
    let Some(text) = arg_help(path, a.get_id().as_str(), h) else {
        return a;
    };
    let mut text = text.to_string();
    if a.get_action().takes_values() {
        let possible: Vec<String> = a
            .get_possible_values()
            .iter()
            .filter(|p| !p.is_hide_set())
            .map(|p| p.get_name().to_owned())
            .collect();
        if !possible.is_empty() && !a.is_hide_possible_values_set() {
            text.push_str(&format!(" [{}: {}]", h.possible, possible.join(", ")));
            a = a.hide_possible_values(true);
        }
        let defaults: Vec<String> = a
            .get_default_values()
            .iter()
            .map(|d| d.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() && !a.is_hide_default_value_set() {
            text.push_str(&format!(" [{}: {}]", h.default, defaults.join(", ")));
            a = a.hide_default_value(true);
        }
    }
    if let Some(env) = a.get_env().map(|e| e.to_string_lossy().into_owned())
        && !a.is_hide_env_set()
    {
        text.push_str(&format!(" [{}: {env}]", h.env));
        a = a.hide_env(true);
    }
    a.help(text)
}

/// Prints a parse error (or the help or version clap was asked for) and
/// exits: 0 for help and version, 2 for a usage error.
pub fn exit_with(e: clap::Error, lang: Lang) -> ! {
    if let Some(text) = usage_error(&e).and_then(|u| cli::usage_error(lang, &u)) {
        eprintln!("{}", behovsanalys::text::sanitize(&text));
        std::process::exit(2);
    }
    e.exit()
}

/// What a clap error says, as data (`None` for help, version and kinds
/// that are left to clap).
fn usage_error(e: &clap::Error) -> Option<UsageError> {
    let s = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => v.first().cloned(),
        _ => None,
    };
    let list = |k: ContextKind| match e.get(k) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let suggestions = |k: ContextKind| Some(list(k).join("', '")).filter(|s| !s.is_empty());
    Some(match e.kind() {
        ErrorKind::InvalidValue => {
            let arg = s(ContextKind::InvalidArg)?;
            match s(ContextKind::InvalidValue).filter(|v| !v.is_empty()) {
                Some(value) => UsageError::InvalidValue {
                    arg,
                    value,
                    possible: list(ContextKind::ValidValue),
                },
                None => UsageError::MissingValue { arg },
            }
        }
        ErrorKind::ValueValidation => {
            use std::error::Error as _;
            UsageError::BadValue {
                arg: s(ContextKind::InvalidArg)?,
                value: s(ContextKind::InvalidValue).unwrap_or_default(),
                why: e.source().map(|x| x.to_string()).unwrap_or_default(),
            }
        }
        ErrorKind::UnknownArgument => UsageError::UnknownArgument {
            arg: s(ContextKind::InvalidArg)?,
            suggestion: suggestions(ContextKind::SuggestedArg),
        },
        ErrorKind::InvalidSubcommand => UsageError::UnknownCommand {
            name: s(ContextKind::InvalidSubcommand)?,
            suggestion: suggestions(ContextKind::SuggestedSubcommand),
        },
        ErrorKind::MissingRequiredArgument => UsageError::MissingRequired {
            args: list(ContextKind::InvalidArg),
        },
        ErrorKind::ArgumentConflict => UsageError::Conflict {
            arg: s(ContextKind::InvalidArg)?,
            with: s(ContextKind::PriorArg).unwrap_or_default(),
        },
        ErrorKind::NoEquals => UsageError::MissingValue {
            arg: s(ContextKind::InvalidArg)?,
        },
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and option has a text in both languages (a new one
    /// without a line in `i18n::cli::help` fails here).
    #[test]
    fn every_command_and_option_has_help_in_both_languages() {
        fn walk(c: &Command, path: &str, missing: &mut Vec<String>) {
            if c.get_about().is_none() {
                missing.push(format!("command `{path}`"));
            }
            for a in c.get_arguments() {
                if a.get_help().is_none() {
                    missing.push(format!("`{path}` {}", a.get_id()));
                }
            }
            for s in c.get_subcommands() {
                let p = format!("{path} {}", s.get_name()).trim().to_owned();
                walk(s, &p, missing);
            }
        }
        for lang in Lang::ALL {
            let mut missing = Vec::new();
            walk(&command(lang), "", &mut missing);
            assert!(missing.is_empty(), "{lang}: no help for {missing:?}");
        }
    }
}
