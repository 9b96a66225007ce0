//! SNI 2007 (the Swedish Standard Industrial Classification, NACE Rev. 2):
//! the section letter of a division (the code's first two digits).

/// (first division, last division, section letter, Swedish title, English title).
const SECTIONS: &[(u8, u8, char, &str, &str)] = &[
    (
        1,
        3,
        'A',
        "Jordbruk, skogsbruk och fiske",
        "Agriculture, forestry and fishing",
    ),
    (5, 9, 'B', "Utvinning av mineral", "Mining and quarrying"),
    (10, 33, 'C', "Tillverkning", "Manufacturing"),
    (
        35,
        35,
        'D',
        "Försörjning av el, gas, värme och kyla",
        "Electricity, gas, steam and air conditioning supply",
    ),
    (
        36,
        39,
        'E',
        "Vattenförsörjning, avlopp, avfall och sanering",
        "Water supply, sewerage, waste management and remediation",
    ),
    (41, 43, 'F', "Byggverksamhet", "Construction"),
    (
        45,
        47,
        'G',
        "Handel; reparation av motorfordon",
        "Wholesale and retail trade; repair of motor vehicles",
    ),
    (
        49,
        53,
        'H',
        "Transport och magasinering",
        "Transportation and storage",
    ),
    (
        55,
        56,
        'I',
        "Hotell- och restaurangverksamhet",
        "Accommodation and food service activities",
    ),
    (
        58,
        63,
        'J',
        "Informations- och kommunikationsverksamhet",
        "Information and communication",
    ),
    (
        64,
        66,
        'K',
        "Finans- och försäkringsverksamhet",
        "Financial and insurance activities",
    ),
    (
        68,
        68,
        'L',
        "Fastighetsverksamhet",
        "Real estate activities",
    ),
    (
        69,
        75,
        'M',
        "Juridik, ekonomi, vetenskap och teknik",
        "Professional, scientific and technical activities",
    ),
    (
        77,
        82,
        'N',
        "Uthyrning, fastighetsservice, resetjänster och andra stödtjänster",
        "Administrative and support service activities",
    ),
    (
        84,
        84,
        'O',
        "Offentlig förvaltning och försvar",
        "Public administration and defence",
    ),
    (85, 85, 'P', "Utbildning", "Education"),
    (
        86,
        88,
        'Q',
        "Vård och omsorg; sociala tjänster",
        "Human health and social work activities",
    ),
    (
        90,
        93,
        'R',
        "Kultur, nöje och fritid",
        "Arts, entertainment and recreation",
    ),
    (
        94,
        96,
        'S',
        "Annan serviceverksamhet",
        "Other service activities",
    ),
    (
        97,
        98,
        'T',
        "Hushållens produktion för eget bruk",
        "Activities of households as employers",
    ),
    (
        99,
        99,
        'U',
        "Internationella organisationer",
        "Activities of extraterritorial organisations",
    ),
];

/// All section letters, in order.
pub fn letters() -> impl Iterator<Item = char> {
    SECTIONS.iter().map(|s| s.2)
}

/// The section letter of an SNI code such as `"25.620"` or `"62"`.
pub fn section(code: &str) -> Option<char> {
    let digits: Vec<u8> = code
        .bytes()
        .filter(|b| *b != b'.' && *b != b' ')
        .take(2)
        .collect();
    if digits.len() != 2 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let division = (digits[0] - b'0') * 10 + (digits[1] - b'0');
    SECTIONS
        .iter()
        .find(|(lo, hi, ..)| (*lo..=*hi).contains(&division))
        .map(|s| s.2)
}

/// The title of a section letter.
pub fn title(letter: char, lang: crate::i18n::Lang) -> &'static str {
    SECTIONS
        .iter()
        .find(|s| s.2 == letter)
        .map(|s| lang.pick(s.3, s.4))
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn divisions_map_to_sections() {
        assert_eq!(section("25.620"), Some('C'));
        assert_eq!(section("62"), Some('J'));
        assert_eq!(section("01.110"), Some('A'));
        assert_eq!(section("35"), Some('D'));
        assert_eq!(section("46.690"), Some('G'));
        assert_eq!(section("99000"), Some('U'));
        assert_eq!(section("04"), None);
        assert_eq!(section("x"), None);
        assert_eq!(title('C', crate::i18n::Lang::Sv), "Tillverkning");
        assert_eq!(letters().count(), 21);
    }
}
