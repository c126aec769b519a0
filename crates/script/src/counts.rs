//! Letters per script, and the dominant script of a text.
//!
//! A letter here is a character with the Unicode Alphabetic property
//! (`char::is_alphabetic`: letters, letter numbers and the vowel signs of
//! Brahmic scripts), counted under its Script value ([UAX #24]); Common,
//! Inherited and Unknown are not counted.
//!
//! [UAX #24]: https://www.unicode.org/reports/tr24/#Assignment_Script_Values

use core::fmt;
use core::iter::FusedIterator;

use crate::{script, Script};

/// How many letters of each script a text has. Iterate with
/// [`ScriptCounts::iter`]: most letters first, ties in [`Script`] order.
///
/// ```
/// use polynorm_script::{script_counts, Script};
///
/// let counts = script_counts("Li said Сергей");
/// assert_eq!(counts.get(Script::Latin), 6);
/// assert_eq!(counts.get(Script::Cyrillic), 6);
/// assert_eq!(counts.total(), 12);
/// let order: Vec<_> = counts.iter().collect();
/// assert_eq!(order, [(Script::Cyrillic, 6), (Script::Latin, 6)]); // tie: Cyrl < Latn
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct ScriptCounts {
    counts: [usize; Script::COUNT],
    total: usize,
}

impl Default for ScriptCounts {
    fn default() -> ScriptCounts {
        ScriptCounts {
            counts: [0; Script::COUNT],
            total: 0,
        }
    }
}

impl ScriptCounts {
    /// No letters counted yet.
    pub fn new() -> ScriptCounts {
        ScriptCounts::default()
    }

    /// Counts the letters of `text` too.
    pub fn add(&mut self, text: &str) {
        for c in text.chars() {
            if !crate::is_alphabetic(c) {
                continue;
            }
            let s = script(c);
            if matches!(s, Script::Common | Script::Inherited | Script::Unknown) {
                continue;
            }
            if let Some(n) = self.counts.get_mut(s as usize) {
                *n += 1;
                self.total += 1;
            }
        }
    }

    /// Letters of `script` counted.
    pub fn get(&self, script: Script) -> usize {
        self.counts.get(script as usize).copied().unwrap_or(0)
    }

    /// All letters counted.
    pub fn total(&self) -> usize {
        self.total
    }

    /// Number of scripts with at least one letter.
    pub fn len(&self) -> usize {
        self.counts.iter().filter(|&&n| n > 0).count()
    }

    /// Whether no letter was counted.
    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// The script with the most letters (ties: the first in [`Script`]
    /// order), or `None` without letters.
    pub fn dominant(&self) -> Option<Script> {
        self.iter().next().map(|(s, _)| s)
    }

    /// `(script, letters)` for every script with letters: most letters first,
    /// ties in [`Script`] order.
    pub fn iter(&self) -> ScriptCountsIter<'_> {
        ScriptCountsIter {
            counts: self,
            last: None,
        }
    }
}

impl<'a> IntoIterator for &'a ScriptCounts {
    type Item = (Script, usize);
    type IntoIter = ScriptCountsIter<'a>;

    fn into_iter(self) -> ScriptCountsIter<'a> {
        self.iter()
    }
}

impl fmt::Debug for ScriptCounts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.iter().map(|(s, n)| (s.short_name(), n)))
            .finish()
    }
}

/// Serializes as a map from long script name to letters, in iteration order:
/// `{"Cyrillic": 6, "Latin": 6}`.
#[cfg(feature = "serde")]
impl serde::Serialize for ScriptCounts {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap as _;
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (script, n) in self {
            map.serialize_entry(script.full_name(), &n)?;
        }
        map.end()
    }
}

/// Iterator over a [`ScriptCounts`], most letters first. Allocates nothing
/// (each step scans the fixed-size count array).
#[derive(Clone, Debug)]
pub struct ScriptCountsIter<'a> {
    counts: &'a ScriptCounts,
    last: Option<(usize, Script)>,
}

/// Whether `(n, s)` comes after `(last_n, last_s)`: fewer letters, or as many
/// and a later script.
fn after((n, s): (usize, Script), (last_n, last_s): (usize, Script)) -> bool {
    n < last_n || (n == last_n && s > last_s)
}

impl Iterator for ScriptCountsIter<'_> {
    type Item = (Script, usize);

    fn next(&mut self) -> Option<(Script, usize)> {
        let mut best: Option<(usize, Script)> = None;
        for (&s, &n) in Script::ALL.iter().zip(self.counts.counts.iter()) {
            if n == 0 || self.last.is_some_and(|last| !after((n, s), last)) {
                continue;
            }
            if best.is_none_or(|b| after(b, (n, s))) {
                best = Some((n, s));
            }
        }
        self.last = best;
        best.map(|(n, s)| (s, n))
    }
}

impl FusedIterator for ScriptCountsIter<'_> {}

/// Counts the letters of `text` per script.
pub fn script_counts(text: &str) -> ScriptCounts {
    let mut counts = ScriptCounts::new();
    counts.add(text);
    counts
}

/// The script with the most letters in `text`; ties go to the first script in
/// [`Script`] order (ISO 15924 code), so the answer is deterministic. `None`
/// when `text` has no letters (digits and punctuation are not letters).
///
/// ```
/// use polynorm_script::{dominant_script, Script};
///
/// assert_eq!(dominant_script("Владимир Putin"), Some(Script::Cyrillic));
/// assert_eq!(dominant_script("2024-01-01"), None);
/// ```
pub fn dominant_script(text: &str) -> Option<Script> {
    script_counts(text).dominant()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_and_inherited_are_not_counted() {
        let counts = script_counts("123 ... e\u{301} ー");
        assert_eq!(counts.total(), 1);
        assert_eq!(counts.get(Script::Latin), 1);
    }

    #[test]
    fn order_is_count_then_script() {
        let counts = script_counts("aaa жж ββ");
        let order: Vec<_> = counts.iter().collect();
        assert_eq!(
            order,
            [
                (Script::Latin, 3),
                (Script::Cyrillic, 2),
                (Script::Greek, 2)
            ]
        );
        assert_eq!(counts.len(), 3);
        assert_eq!(counts.dominant(), Some(Script::Latin));
    }

    #[test]
    fn empty() {
        let counts = script_counts("");
        assert!(counts.is_empty());
        assert_eq!(counts.iter().next(), None);
        assert_eq!(dominant_script(" !"), None);
    }

    #[test]
    fn add_accumulates() {
        let mut counts = ScriptCounts::new();
        counts.add("ab");
        counts.add("вг");
        assert_eq!(counts.total(), 4);
    }

    #[test]
    fn debug_is_a_map() {
        assert_eq!(
            format!("{:?}", script_counts("aж")),
            r#"{"Cyrl": 1, "Latn": 1}"#
        );
    }

    #[test]
    fn dominant_prefers_more_letters() {
        assert_eq!(dominant_script("Sergeн"), Some(Script::Latin));
        assert_eq!(dominant_script("東京タワー"), Some(Script::Han));
    }
}
