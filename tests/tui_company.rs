//! The company form: the contact person (checked gently, saved when
//! valid), in a self-assessment too; the form scrolls to the focused field
//! at 80×24 and uses two columns on a wide screen; a follow-up visit asks
//! who is present.

mod tui_support;

use behovsanalys::answers::Contact;
use behovsanalys::session::SessionMode;
use behovsanalys::tui::app::{App, CompanyFocus, Field, Screen};
use behovsanalys::tui::screens::company::{email_valid, phone_valid};
use behovsanalys::tui::{OpenKind, update};
use tui_support::*;

fn contact(a: &App) -> Option<Contact> {
    a.session().unwrap().answers.company.contact.clone()
}

/// Tabs to field `f` of the form.
fn to_field(a: &mut App, f: Field) {
    for _ in 0..20 {
        if a.company.focus == CompanyFocus::Field(f) {
            return;
        }
        press(a, "Tab");
    }
    panic!("{f:?} not reached");
}

#[test]
fn phone_and_email_checks() {
    for ok in ["0470-123 45", "+46 (0)470 12 34 56", "070/123.45.67"] {
        assert!(phone_valid(ok), "{ok}");
    }
    for bad in [
        "070 12x",
        "1234",
        "ring mig",
        "+46 470 123 456 789 012 345 6",
    ] {
        assert!(!phone_valid(bad), "{bad}");
    }
    for ok in ["karin.ek@exempel.se", "a+b@c.co"] {
        assert!(email_valid(ok), "{ok}");
    }
    for bad in [
        "karin",
        "karin@",
        "@exempel.se",
        "karin@exempel",
        "k ek@exempel.se",
        "a@b@c.se",
        "a@b.c",
        "a@.se",
    ] {
        assert!(!email_valid(bad), "{bad}");
    }
}

#[test]
fn the_contact_person_is_saved_when_valid_and_the_form_says_what_is_wrong() {
    let mut a = app("sv", SessionMode::Advisor);
    press(&mut a, "Enter");
    typ(&mut a, "Exempel AB");
    to_field(&mut a, Field::ContactName);
    typ(&mut a, "Karin Ek");
    press(&mut a, "Tab");
    typ(&mut a, "vd");
    press(&mut a, "Tab");
    typ(&mut a, "0470-12 34 x");
    press(&mut a, "Tab");
    typ(&mut a, "karin.ek@exempel");
    let c = contact(&a).unwrap();
    assert_eq!(c.name.as_deref(), Some("Karin Ek"));
    assert_eq!(c.role.as_deref(), Some("vd"));
    assert_eq!(c.phone, None, "not a phone number: not saved");
    assert_eq!(c.email, None, "not an address yet: not saved");
    let screen = draw(&a, 80, 24);
    assert!(screen.contains("ett telefonnummer har siffror"), "{screen}");
    assert!(screen.contains("en e-postadress ser ut som"), "{screen}");
    typ(&mut a, ".se");
    press(&mut a, "BackTab Backspace Backspace");
    typ(&mut a, "56");
    let c = contact(&a).unwrap();
    assert_eq!(c.phone.as_deref(), Some("0470-12 3456"));
    assert_eq!(c.email.as_deref(), Some("karin.ek@exempel.se"));
    let screen = draw(&a, 80, 24);
    assert!(!screen.contains("ett telefonnummer har"), "{screen}");
    // Emptied: no contact at all.
    for f in [
        Field::ContactName,
        Field::ContactRole,
        Field::ContactPhone,
        Field::ContactEmail,
    ] {
        to_field(&mut a, f);
        press(&mut a, "C-u");
    }
    assert_eq!(contact(&a), None);
}

#[test]
fn a_self_assessment_asks_for_the_contact_person_too() {
    let mut a = app("en", SessionMode::SelfAssessment);
    press(&mut a, "Enter");
    let screen = draw(&a, 80, 24);
    assert!(screen.contains("Contact person at the company"), "{screen}");
    assert!(!screen.contains("Present at the visit"), "{screen}");
    to_field(&mut a, Field::ContactName);
    typ(&mut a, "Karin Ek");
    assert_eq!(contact(&a).unwrap().name.as_deref(), Some("Karin Ek"));
}

#[test]
fn the_form_scrolls_to_the_focus_at_80x24_and_has_two_columns_when_wide() {
    let mut a = app("sv", SessionMode::Advisor);
    press(&mut a, "Enter");
    to_field(&mut a, Field::ContactEmail);
    for k in 0..6 {
        press(&mut a, "Tab");
        typ(&mut a, &format!("Person {k}"));
        press(&mut a, "Tab");
        typ(&mut a, "Almi");
    }
    press(&mut a, "Tab");
    typ(&mut a, "Sista");
    let screen = draw(&a, 80, 24);
    assert!(
        screen.contains("Sista"),
        "the focused row is in view:\n{screen}"
    );
    assert!(
        screen.contains("▲"),
        "rows hidden above are marked:\n{screen}"
    );
    // On the button, it shows.
    while !a.company.on_button() {
        press(&mut a, "Tab");
    }
    assert!(draw(&a, 80, 24).contains("Fortsätt till frågorna"));
    // Wide: the company beside its contact and who is present.
    let screen = draw(&a, 200, 50);
    let row = screen.lines().find(|l| l.contains("Företagsnamn")).unwrap();
    assert!(row.contains("Kontaktperson på företaget"), "{screen}");
    assert!(!screen.contains('▲'), "{screen}");
}

#[test]
fn a_follow_up_starts_at_who_is_present() {
    let mut a = app("sv", SessionMode::Advisor);
    let mut file = behovsanalys::answers::AnswersFile::new(&a.q);
    file.company.name = Some("Exempel AB".into());
    file.company.contact = Some(Contact {
        name: Some("Karin Ek".into()),
        phone: Some("0470-123 45".into()),
        ..Contact::default()
    });
    let mut s = session_with(&a, file);
    s.meta.previous = Some("20251015-090000-0001".into());
    update(&mut a, opened(s, OpenKind::FollowUp));
    assert_eq!(a.screen, Screen::Company);
    assert_eq!(a.company.focus, CompanyFocus::AttendeeName(0));
    assert_eq!(a.company.field(Field::ContactName), "Karin Ek");
    let screen = draw(&a, 80, 24);
    assert!(screen.contains("Vilka är med i dag?"), "{screen}");
    typ(&mut a, "Anna Berg");
    assert_eq!(a.session().unwrap().meta.attendees[0].name, "Anna Berg");
}
