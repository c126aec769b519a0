//! Word tokens: [UAX #29] word segments (via `unicode-segmentation`) that
//! contain at least one alphabetic or numeric character, each with its
//! resolved script set and restriction level ([UTS #39 §5]).
//!
//! [UAX #29]: https://www.unicode.org/reports/tr29/#Word_Boundaries
//! [UTS #39 §5]: https://www.unicode.org/reports/tr39/#Mixed_Script_Detection

use unicode_segmentation::{UnicodeSegmentation as _, UnicodeWordIndices};

use crate::{resolved_script_set, restriction_level, RestrictionLevel, ScriptSet};

/// A word of the text, with what UTS #39 says about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Token<'a> {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// The word itself: `&text[start..end]`.
    pub text: &'a str,
    /// Its resolved script set ([`resolved_script_set`]); empty when the word
    /// mixes scripts.
    pub scripts: ScriptSet,
    /// Its restriction level ([`restriction_level`]).
    pub restriction: RestrictionLevel,
}

impl Token<'_> {
    /// Whether the word is single-script (its resolved set is not empty).
    pub fn is_single_script(&self) -> bool {
        !self.scripts.is_empty()
    }
}

/// The words of `text`: [UAX #29] word segments holding at least one
/// character that is Alphabetic or a number (so spaces and punctuation are
/// skipped), in order. This is `unicode-segmentation`'s
/// `unicode_word_indices`.
///
/// ```
/// use polynorm_script::{tokens, RestrictionLevel};
///
/// let words: Vec<_> = tokens("Li said Sergeн, 2 times.").collect();
/// let texts: Vec<&str> = words.iter().map(|t| t.text).collect();
/// assert_eq!(texts, ["Li", "said", "Sergeн", "2", "times"]);
/// assert!(words[2].scripts.is_empty()); // Latin + Cyrillic
/// assert_eq!(words[2].restriction, RestrictionLevel::MinimallyRestrictive);
/// ```
///
/// [UAX #29]: https://www.unicode.org/reports/tr29/#Word_Boundaries
pub fn tokens(text: &str) -> Tokens<'_> {
    Tokens {
        words: text.unicode_word_indices(),
    }
}

/// Iterator over the [`Token`]s of a text, made by [`tokens`]. Allocates
/// nothing.
#[derive(Debug)]
pub struct Tokens<'a> {
    words: UnicodeWordIndices<'a>,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let (start, word) = self.words.next()?;
        Some(Token {
            start,
            end: start + word.len(),
            text: word,
            scripts: resolved_script_set(word),
            restriction: restriction_level(word),
        })
    }
}

impl DoubleEndedIterator for Tokens<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let (start, word) = self.words.next_back()?;
        Some(Token {
            start,
            end: start + word.len(),
            text: word,
            scripts: resolved_script_set(word),
            restriction: restriction_level(word),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Script;

    #[test]
    fn cyrillic_name_is_one_single_script_token() {
        let got: Vec<_> = tokens("Сергей").collect();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].scripts, ScriptSet::single(Script::Cyrillic));
        assert_eq!(got[0].restriction, RestrictionLevel::SingleScript);
        assert!(got[0].is_single_script());
    }

    #[test]
    fn spans_point_at_the_words() {
        let text = "«Li» said: Сергей!";
        for t in tokens(text) {
            assert_eq!(&text[t.start..t.end], t.text);
        }
        let words: Vec<&str> = tokens(text).map(|t| t.text).collect();
        assert_eq!(words, ["Li", "said", "Сергей"]);
    }

    #[test]
    fn punctuation_only_has_no_tokens() {
        assert_eq!(tokens(" -- !? ").count(), 0);
        assert_eq!(tokens("").count(), 0);
    }

    #[test]
    fn backwards_is_reverse() {
        let text = "one two три";
        let fwd: Vec<_> = tokens(text).collect();
        let mut back: Vec<_> = tokens(text).rev().collect();
        back.reverse();
        assert_eq!(fwd, back);
    }
}
