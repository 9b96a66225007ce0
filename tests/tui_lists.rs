//! The wizard's long lists (a country is found by typing), choice limits
//! (`max_choices`, `exclusive`), the honest live panel (coverage marks, no
//! star for a score from too little) and the advice in the summary.

mod tui_support;

use behovsanalys::answers::Answer;
use behovsanalys::session::SessionMode;
use behovsanalys::tui::App;
use behovsanalys::tui::app::{InputError, Screen};
use tui_support::*;

fn answer<'a>(app: &'a App, id: &str) -> Option<&'a Answer> {
    app.session().unwrap().answers.answers.get(id)
}

fn choices(app: &App, id: &str) -> Vec<String> {
    match answer(app, id) {
        Some(Answer::Choices(v)) => v.clone(),
        other => panic!("{id}: {other:?}"),
    }
}

fn at_markets() -> App {
    let mut a = app("sv", SessionMode::Advisor);
    to_questions(&mut a);
    goto(&mut a, "marknader");
    a
}

#[test]
fn a_country_is_ticked_by_typing_a_few_letters_and_enter() {
    let mut a = at_markets();
    // Four keys: n, o, r, Enter.
    typ(&mut a, "nor");
    press(&mut a, "Enter");
    assert_eq!(choices(&a, "marknader"), ["no"]);
    assert_eq!(
        current_id(&a),
        "marknader",
        "Enter with a search ticks and stays"
    );
    assert!(a.qs.filter.is_empty(), "the search starts over");
    // By country code, by a word of the name, ignoring accents.
    for typed in ["de", "zeeland", "osterr"] {
        typ(&mut a, typed);
        press(&mut a, "Enter");
    }
    let mut got = choices(&a, "marknader");
    got.sort();
    assert_eq!(got, ["at", "de", "no", "nz"]);
    // The same again unticks.
    typ(&mut a, "nor");
    press(&mut a, "Enter");
    assert!(!choices(&a, "marknader").contains(&"no".to_string()));
    // Without a search, Enter goes on.
    press(&mut a, "Enter");
    assert_ne!(current_id(&a), "marknader");
}

#[test]
fn esc_clears_the_search_before_it_goes_back() {
    let mut a = at_markets();
    typ(&mut a, "xyzzy");
    let screen = draw(&a, 100, 30);
    assert!(
        screen.contains("Inget alternativ passar sökningen."),
        "{screen}"
    );
    press(&mut a, "Esc");
    assert!(a.qs.filter.is_empty());
    assert_eq!(current_id(&a), "marknader");
    press(&mut a, "Esc");
    assert_ne!(current_id(&a), "marknader");
}

#[test]
fn letters_search_and_space_ticks_with_an_empty_search() {
    let mut a = at_markets();
    // "b" and "s" would be shortcuts elsewhere; here they search.
    typ(&mut a, "bs");
    assert_eq!(a.screen, Screen::Questions);
    assert!(!a.show_needs);
    assert_eq!(a.qs.filter.text(), "bs");
    press(&mut a, "Esc");
    // Space with nothing typed ticks the option under the cursor.
    press(&mut a, "Down");
    typ(&mut a, " ");
    assert_eq!(choices(&a, "marknader").len(), 1);
    assert!(a.qs.filter.is_empty());
}

#[test]
fn at_most_max_choices_are_ticked_with_a_message() {
    let mut a = at_markets();
    for code in ["de", "fr", "no", "dk", "fi"] {
        typ(&mut a, code);
        press(&mut a, "Enter");
    }
    assert_eq!(choices(&a, "marknader").len(), 5);
    typ(&mut a, "us");
    press(&mut a, "Enter");
    assert_eq!(choices(&a, "marknader").len(), 5, "a sixth is refused");
    assert_eq!(a.qs.input_error, Some(InputError::TooMany(5)));
    let screen = draw(&a, 100, 40);
    assert!(
        screen.contains("Högst 5 val – kryssa ur ett först."),
        "{screen}"
    );
    assert!(screen.contains("5 valda av högst 5"), "{screen}");
    // Unticking one makes room.
    typ(&mut a, "de");
    press(&mut a, "Enter");
    typ(&mut a, "us");
    press(&mut a, "Enter");
    assert!(choices(&a, "marknader").contains(&"us".to_string()));
    assert_eq!(a.qs.input_error, None);
}

#[test]
fn an_exclusive_option_replaces_the_others_and_back() {
    let mut a = app("sv", SessionMode::Advisor);
    to_questions(&mut a);
    goto(&mut a, "exporterar");
    press(&mut a, "2");
    goto(&mut a, "exporthinder");
    let q = &a.q.questions[a.q.question("exporthinder").unwrap()];
    let none = q.kind.option_index("inga").unwrap();
    press(&mut a, "1 2");
    assert_eq!(choices(&a, "exporthinder").len(), 2);
    // "No particular obstacles" (the tenth option: no digit) alone.
    press(
        &mut a,
        &format!("{}{}Space", "Up ".repeat(12), "Down ".repeat(none)),
    );
    assert_eq!(choices(&a, "exporthinder"), ["inga"]);
    assert_eq!(a.qs.input_error, Some(InputError::Exclusive(none)));
    let screen = draw(&a, 100, 40);
    assert!(
        screen.contains("kan inte kombineras med andra val"),
        "{screen}"
    );
    // Another tick replaces it.
    press(&mut a, "3");
    assert_eq!(choices(&a, "exporthinder"), ["betalningsrisk"]);
    // And at most three.
    press(&mut a, "1 2 4");
    assert_eq!(choices(&a, "exporthinder").len(), 3);
    assert_eq!(a.qs.input_error, Some(InputError::TooMany(3)));
}

#[test]
fn the_live_panel_does_not_star_a_score_from_one_tick() {
    let mut a = app("sv", SessionMode::Advisor);
    to_questions(&mut a);
    goto(&mut a, "exporterar");
    press(&mut a, "2");
    goto(&mut a, "exporthinder");
    let q = &a.q.questions[a.q.question("exporthinder").unwrap()];
    let tull = q.kind.option_index("tull_logistik").unwrap();
    press(&mut a, &format!("{} b", tull + 1));
    let screen = draw(&a, 140, 50);
    assert!(screen.contains("? Tullverket"), "{screen}");
    assert!(!screen.contains("★ Tullverket"), "{screen}");
    assert!(screen.contains("? för tidigt"), "{screen}");
    // Coverage marks: the customs area is barely answered (its bar beside
    // the name, or under it when the name takes a line of its own).
    let lines: Vec<&str> = screen.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("Tull, dokument, ursprung"))
        .unwrap();
    let line = format!("{}{}", lines[at], lines.get(at + 1).unwrap_or(&""));
    assert!(line.contains("100 ◔"), "{line}");
    assert!(screen.contains("● besvarat  ◑ delvis  ○ inte"), "{screen}");
}

#[test]
fn the_summary_lists_the_advice_after_the_actors() {
    let mut a = app("sv", SessionMode::Advisor);
    to_questions(&mut a);
    goto(&mut a, "exporterar");
    press(&mut a, "2");
    goto(&mut a, "eori");
    let q = &a.q.questions[a.q.question("eori").unwrap()];
    let no = q.kind.option_index("nej").unwrap();
    press(&mut a, &(no + 1).to_string());
    press(&mut a, "F8");
    assert_eq!(a.screen, Screen::Summary);
    for _ in 0..a.q.actors.len() {
        press(&mut a, "Down");
    }
    let screen = draw(&a, 120, 40);
    assert!(
        screen.contains("› Råd till företaget (1)")
            || screen.contains("›    Råd till företaget (1)"),
        "{screen}"
    );
    assert!(
        screen.contains("Ansök om EORI-nummer hos Tullverket"),
        "{screen}"
    );
    // Space on the advice gives no consent to anyone.
    press(&mut a, "Space");
    assert!(a.session().unwrap().answers.consent.values().all(|v| !v));
}
