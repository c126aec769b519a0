//! Letter case of a transliterated unit: lower, Title or ALL-CAPS.
//!
//! A unit is one source letter or letter sequence whose output may be
//! several letters (`Щ` → `Shch`). Its output takes the case of its first
//! source letter, and an uppercase letter gets the ALL-CAPS form when the
//! word around it is written in capitals:
//!
//! * an uppercase letter followed by an uppercase letter → ALL-CAPS
//!   (`ШОЙГУ` → `SHOIGU`);
//! * an uppercase letter followed by a lowercase letter → Title
//!   (`Щукин` → `Shchukin`);
//! * an uppercase letter at the end of a word → ALL-CAPS if the letter
//!   before it is uppercase (`ЛУКАШ` → `LUKASH`), Title otherwise (a one-letter
//!   word `Щ` → `Shch`);
//! * a caseless letter (`ʺ`, `ʹ`) takes upper case when the cased letters
//!   around it say the word is in capitals: the cased letter before it and
//!   the one after it are uppercase, or, at the end of a word, the two cased
//!   letters before it are (used by the Latin → Cyrillic direction:
//!   `SʺEZD` → `СЪЕЗД`, `Sʺezd` → `Съезд`, `KREMLʹ` → `КРЕМЛЬ`). A word with
//!   a single cased letter (`Sʹ`) reads as lowercase.

/// The case a unit is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    /// All lowercase.
    Lower,
    /// First letter uppercase, the rest lowercase.
    Title,
    /// All uppercase.
    Upper,
}

/// The case of a unit whose first source letter is uppercase, given the
/// letters around that first letter (`None` where the word ends).
pub(crate) fn of_upper(next: Option<char>, prev: Option<char>) -> Case {
    let caps = match next {
        Some(n) => n.is_uppercase(),
        None => prev.is_some_and(char::is_uppercase),
    };
    if caps {
        Case::Upper
    } else {
        Case::Title
    }
}

/// The case of a unit whose first source letter has no case, given the
/// next cased letter of the word and the two cased letters before it
/// (nearest first).
pub(crate) fn of_caseless(next: Option<char>, prev: [Option<char>; 2]) -> Case {
    let upper = |c: Option<char>| c.is_some_and(char::is_uppercase);
    let caps = match next {
        Some(n) => upper(prev[0]) && n.is_uppercase(),
        None => upper(prev[0]) && upper(prev[1]),
    };
    if caps {
        Case::Upper
    } else {
        Case::Lower
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caps_word_gets_caps() {
        assert_eq!(of_upper(Some('О'), None), Case::Upper);
    }

    #[test]
    fn title_word_gets_title() {
        assert_eq!(of_upper(Some('у'), None), Case::Title);
    }

    #[test]
    fn word_end_follows_previous_letter() {
        assert_eq!(of_upper(None, Some('А')), Case::Upper);
        assert_eq!(of_upper(None, Some('а')), Case::Title);
        assert_eq!(of_upper(None, None), Case::Title);
    }

    #[test]
    fn caseless_between_capitals_is_upper() {
        assert_eq!(of_caseless(Some('E'), [Some('S'), None]), Case::Upper);
        assert_eq!(of_caseless(Some('e'), [Some('S'), None]), Case::Lower);
        assert_eq!(of_caseless(Some('e'), [Some('s'), None]), Case::Lower);
    }

    #[test]
    fn caseless_at_word_end_needs_two_capitals() {
        assert_eq!(of_caseless(None, [Some('L'), Some('M')]), Case::Upper);
        assert_eq!(of_caseless(None, [Some('S'), None]), Case::Lower);
        assert_eq!(of_caseless(None, [Some('l'), Some('M')]), Case::Lower);
    }
}
