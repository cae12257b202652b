//! Month and weekday names: what the time expressions look for and what the name checks
//! must never take for a name.

/// Month names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Weekday names, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A full weekday or month name in any case ("Friday", "may"): the words every draft
/// capitalises that the name checks must not take for names.
pub fn is_calendar_word(word: &str) -> bool {
    WEEKDAYS
        .iter()
        .chain(MONTHS.iter())
        .any(|d| d.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_words_in_any_case() {
        for w in ["Friday", "friday", "MAY", "September"] {
            assert!(is_calendar_word(w), "{w}");
        }
        for w in ["Fri", "Sept", "Mayor", "Sun"] {
            assert!(!is_calendar_word(w), "{w}");
        }
    }
}
