//! Language detection, by [whatlang](https://docs.rs/whatlang) (trigram
//! statistics over the text's dominant writing system). A guess carries a
//! confidence and whatlang's reliability verdict; short texts (a name, a few
//! words) rarely give a reliable guess.

use core::fmt;

use whatlang::{Detector, Info, Lang};

/// A language guess for a text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LanguageGuess {
    /// The language.
    pub lang: Lang,
    /// whatlang's confidence, from 0.0 to 1.0.
    pub confidence: f64,
    reliable: bool,
}

impl LanguageGuess {
    fn from_info(info: &Info) -> LanguageGuess {
        LanguageGuess {
            lang: info.lang(),
            confidence: info.confidence(),
            reliable: info.is_reliable(),
        }
    }

    /// Whether whatlang considers the guess reliable (enough text, a clear
    /// winner).
    pub fn is_reliable(&self) -> bool {
        self.reliable
    }

    /// The ISO 639-3 code: `"rus"`.
    pub fn code(&self) -> &'static str {
        self.lang.code()
    }

    /// The English name: `"Russian"`.
    pub fn name(&self) -> &'static str {
        self.lang.eng_name()
    }
}

/// Writes `rus (Russian, 0.98)`, with `?` after the confidence when the
/// guess is not reliable.
impl fmt::Display for LanguageGuess {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mark = if self.reliable { "" } else { "?" };
        write!(
            f,
            "{} ({}, {:.2}{mark})",
            self.code(),
            self.name(),
            self.confidence
        )
    }
}

/// Serializes as `{"lang":"rus","name":"Russian","confidence":0.98,"reliable":true}`.
#[cfg(feature = "serde")]
impl serde::Serialize for LanguageGuess {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut s = serializer.serialize_struct("LanguageGuess", 4)?;
        s.serialize_field("lang", self.code())?;
        s.serialize_field("name", self.name())?;
        s.serialize_field("confidence", &self.confidence)?;
        s.serialize_field("reliable", &self.reliable)?;
        s.end()
    }
}

/// Guesses the language of `text` among all languages whatlang knows;
/// `None` when there is nothing to go on (no letters).
///
/// ```
/// use polynorm_script::{detect_language, Lang};
///
/// let guess = detect_language("Сегодня в Москве прошла встреча министров обороны.").unwrap();
/// assert_eq!(guess.lang, Lang::Rus);
/// assert_eq!(guess.code(), "rus");
/// ```
pub fn detect_language(text: &str) -> Option<LanguageGuess> {
    whatlang::detect(text).map(|info| LanguageGuess::from_info(&info))
}

/// Guesses the language of `text` among `allow` only (for example the
/// languages a feed is known to carry). `None` when `allow` is empty or there
/// is nothing to go on.
///
/// ```
/// use polynorm_script::{detect_language_among, Lang};
///
/// let guess = detect_language_among("Добрый день, друзья", &[Lang::Ukr, Lang::Rus]).unwrap();
/// assert_eq!(guess.lang, Lang::Rus);
/// ```
pub fn detect_language_among(text: &str, allow: &[Lang]) -> Option<LanguageGuess> {
    if allow.is_empty() {
        return None;
    }
    Detector::with_allowlist(allow.to_vec())
        .detect(text)
        .map(|info| LanguageGuess::from_info(&info))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_sentence() {
        let guess =
            detect_language("The quick brown fox jumps over the lazy dog near the river bank.")
                .unwrap();
        assert_eq!(guess.lang, Lang::Eng);
        assert_eq!(guess.name(), "English");
        assert!(guess.confidence > 0.0 && guess.confidence <= 1.0);
    }

    #[test]
    fn nothing_to_go_on() {
        assert_eq!(detect_language(""), None);
        assert_eq!(detect_language("12345 !!!"), None);
    }

    #[test]
    fn empty_allowlist_gives_none() {
        assert_eq!(detect_language_among("Hello there my friend", &[]), None);
    }

    #[test]
    fn allowlist_is_respected() {
        let guess = detect_language_among(
            "Der schnelle braune Fuchs springt über den faulen Hund.",
            &[Lang::Eng, Lang::Fra],
        );
        assert!(guess.is_none_or(|g| g.lang == Lang::Eng || g.lang == Lang::Fra));
    }

    #[test]
    fn display() {
        let guess = LanguageGuess {
            lang: Lang::Rus,
            confidence: 0.5,
            reliable: false,
        };
        assert_eq!(guess.to_string(), "rus (Russian, 0.50?)");
    }
}
