//! Rules for what a person types or ticks, shared by every front end (the
//! wizard and the web form): a number within a question's range, a text
//! within the length limit, an organisation number with its check digit,
//! an SNI code, a phone number, an e-mail address, the options of a
//! choice. Each rule gives an [`InputError`]; its words are
//! [`crate::i18n::input::message`], so every front end says the same.

use crate::questionnaire::{Kind, Question};

use super::{Answer, MAX_TEXT_CHARS, org_number_valid, sni_valid};

/// Why typed or ticked input is not accepted.
#[derive(Debug, Clone, PartialEq)]
pub enum InputError {
    /// Not a number at all.
    NotANumber,
    /// A number outside the question's range (either end may be open).
    OutOfRange { min: Option<f64>, max: Option<f64> },
    /// Not a whole number (a count such as employees).
    NotAWholeNumber,
    /// Longer than [`MAX_TEXT_CHARS`].
    TooLong { max: usize },
    /// An organisation number whose form or check digit is wrong.
    OrgNumber,
    /// Not an SNI code.
    Sni,
    /// Not a phone number.
    Phone,
    /// Not an e-mail address.
    Email,
    /// An option the question does not have (a tampered form).
    UnknownOption,
    /// A single choice with more than one option.
    OneOnly,
    /// More options ticked than the question's `max_choices`.
    TooManyChoices { max: usize },
    /// An exclusive option ("none of these", its label in the language
    /// asked for) ticked together with others.
    Exclusive { label: crate::text::Text },
    /// "vet ej" or "ej relevant" where the question does not offer it, or
    /// together with options.
    NotOffered,
}

/// Parses a typed number as the wizard does: spaces (also no-break
/// spaces) are ignored and a decimal comma is a point; it must be finite
/// and within `min..=max`.
pub fn parse_number(text: &str, min: Option<f64>, max: Option<f64>) -> Result<f64, InputError> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    let x: f64 = cleaned.parse().map_err(|_| InputError::NotANumber)?;
    if !x.is_finite() {
        return Err(InputError::NotANumber);
    }
    if min.is_some_and(|m| x < m) || max.is_some_and(|m| x > m) {
        return Err(InputError::OutOfRange { min, max });
    }
    Ok(x)
}

/// A whole number ≥ 0 (the number of employees in the company details).
pub fn parse_count(text: &str) -> Result<u64, InputError> {
    text.trim().parse().map_err(|_| InputError::NotAWholeNumber)
}

/// A text answer, note or company field: at most [`MAX_TEXT_CHARS`].
pub fn check_text(text: &str) -> Result<(), InputError> {
    if text.chars().count() > MAX_TEXT_CHARS {
        return Err(InputError::TooLong {
            max: MAX_TEXT_CHARS,
        });
    }
    Ok(())
}

/// A Swedish organisation number (see [`org_number_valid`]).
pub fn check_org_number(text: &str) -> Result<(), InputError> {
    if org_number_valid(text) {
        Ok(())
    } else {
        Err(InputError::OrgNumber)
    }
}

/// An SNI 2007 code (see [`sni_valid`]).
pub fn check_sni(text: &str) -> Result<(), InputError> {
    if sni_valid(text.trim()) {
        Ok(())
    } else {
        Err(InputError::Sni)
    }
}

/// A phone number as people write it: digits, spaces and `+ - ( ) / .`,
/// with 5–20 digits.
pub fn phone_valid(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    s.chars()
        .all(|c| c.is_ascii_digit() || " +-()/.".contains(c))
        && (5..=20).contains(&digits)
}

/// An e-mail address of the shape `name@domain.tld` (no spaces, one `@`,
/// a dot in the domain and no empty part).
pub fn email_valid(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
        && domain.split('.').count() >= 2
        && domain.split('.').all(|p| !p.is_empty())
        && domain
            .rsplit('.')
            .next()
            .is_some_and(|tld| tld.chars().count() >= 2)
}

pub fn check_phone(text: &str) -> Result<(), InputError> {
    if phone_valid(text.trim()) {
        Ok(())
    } else {
        Err(InputError::Phone)
    }
}

pub fn check_email(text: &str) -> Result<(), InputError> {
    if email_valid(text.trim()) {
        Ok(())
    } else {
        Err(InputError::Email)
    }
}

/// The answer to a choice question from the option ids ticked: every id
/// must be an option of the question; a single choice takes one; a multi
/// choice at most `max_choices`, and an exclusive option ("none of
/// these") alone. The result keeps questionnaire order without
/// duplicates; no ids is no answer (`None`).
pub fn choices(q: &Question, ids: &[String]) -> Result<Option<Answer>, InputError> {
    let options = q.kind.options();
    if ids.iter().any(|id| !options.iter().any(|o| &o.id == id)) {
        return Err(InputError::UnknownOption);
    }
    match &q.kind {
        Kind::Single { .. } => match ids {
            [] => Ok(None),
            [one] => Ok(Some(Answer::Choice(one.clone()))),
            _ => Err(InputError::OneOnly),
        },
        Kind::Multi { .. } => {
            let mut list: Vec<String> = Vec::new();
            for o in options {
                if ids.contains(&o.id) {
                    list.push(o.id.clone());
                }
            }
            if list.len() > 1
                && let Some(o) = options.iter().find(|o| o.exclusive && list.contains(&o.id))
            {
                return Err(InputError::Exclusive {
                    label: o.label.clone(),
                });
            }
            if let Some(max) = q.max_choices
                && list.len() > max
            {
                return Err(InputError::TooManyChoices { max });
            }
            Ok((!list.is_empty()).then_some(Answer::Choices(list)))
        }
        _ => Err(InputError::UnknownOption),
    }
}

/// A scale answer: a whole number from `min` to `max`.
pub fn scale(q: &Question, text: &str) -> Result<Answer, InputError> {
    let Kind::Scale { min, max, .. } = &q.kind else {
        return Err(InputError::UnknownOption);
    };
    let x: i64 = text.trim().parse().map_err(|_| InputError::UnknownOption)?;
    if x < *min || x > *max {
        return Err(InputError::OutOfRange {
            min: Some(*min as f64),
            max: Some(*max as f64),
        });
    }
    Ok(Answer::Number(x as f64))
}

/// "vet ej" / "ej relevant" where the question offers it.
pub fn special(q: &Question, answer: Answer) -> Result<Answer, InputError> {
    match answer {
        Answer::Unknown if q.allow_unknown => Ok(answer),
        Answer::NotApplicable if q.allow_na => Ok(answer),
        _ => Err(InputError::NotOffered),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choice_limits_and_exclusive_options() {
        let q = crate::questionnaire::builtin().unwrap().questionnaire;
        let markets = &q.questions[q.question("marknader").unwrap()];
        let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(matches!(
            choices(markets, &ids(&["no", "us", "de", "cn", "jp", "in"])),
            Err(InputError::TooManyChoices { max: 5 })
        ));
        assert_eq!(
            choices(markets, &ids(&["us", "no"])),
            Ok(Some(Answer::Choices(ids(&["no", "us"]))))
        );
        assert_eq!(
            choices(markets, &ids(&["xx"])),
            Err(InputError::UnknownOption)
        );
        let with_exclusive = q
            .questions
            .iter()
            .find(|x| {
                x.kind.options().iter().any(|o| o.exclusive) && matches!(x.kind, Kind::Multi { .. })
            })
            .unwrap();
        let ex = with_exclusive
            .kind
            .options()
            .iter()
            .find(|o| o.exclusive)
            .unwrap();
        let other = with_exclusive
            .kind
            .options()
            .iter()
            .find(|o| !o.exclusive)
            .unwrap();
        assert!(matches!(
            choices(with_exclusive, &[ex.id.clone(), other.id.clone()]),
            Err(InputError::Exclusive { .. })
        ));
        assert!(choices(with_exclusive, std::slice::from_ref(&ex.id)).is_ok());
    }

    #[test]
    fn numbers_as_the_wizard_reads_them() {
        assert_eq!(parse_number(" 1 200,5 ", None, None), Ok(1200.5));
        assert_eq!(parse_number("12\u{a0}000", None, None), Ok(12000.0));
        assert_eq!(
            parse_number("tolv", None, None),
            Err(InputError::NotANumber)
        );
        assert_eq!(parse_number("inf", None, None), Err(InputError::NotANumber));
        assert_eq!(
            parse_number("-1", Some(0.0), Some(10.0)),
            Err(InputError::OutOfRange {
                min: Some(0.0),
                max: Some(10.0)
            })
        );
        assert_eq!(parse_number("10", Some(0.0), Some(10.0)), Ok(10.0));
    }

    #[test]
    fn contact_fields() {
        assert!(phone_valid("+46 (0)70-123 45 67"));
        assert!(!phone_valid("070 ring mig"));
        assert!(!phone_valid("123"));
        assert!(email_valid("eva@hallberg.se"));
        assert!(!email_valid("eva@hallberg"));
        assert!(!email_valid("eva hallberg@x.se"));
        assert!(!email_valid("@x.se"));
        assert_eq!(check_org_number("556036-0794"), Err(InputError::OrgNumber));
        assert_eq!(check_sni("2.5620"), Err(InputError::Sni));
        assert_eq!(
            check_text(&"x".repeat(MAX_TEXT_CHARS + 1)),
            Err(InputError::TooLong {
                max: MAX_TEXT_CHARS
            })
        );
    }
}
