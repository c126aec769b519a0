//! The Script and `Script_Extensions` properties of a character ([UAX #24]).
//!
//! - [`script`] is the Script property ([UAX #24 sc], `sc`): one value per
//!   code point; unassigned code points are [`Script::Unknown`].
//! - [`script_extensions`] is `Script_Extensions` ([UAX #24 scx], `scx`): the
//!   scripts a character is used with; a character with no `scx` entry has
//!   `{script(c)}`.
//!
//! Both are binary searches over generated range tables, except for ASCII,
//! which is answered by a branch.
//!
//! [UAX #24]: https://www.unicode.org/reports/tr24/
//! [UAX #24 sc]: https://www.unicode.org/reports/tr24/#Assignment_Script_Values
//! [UAX #24 scx]: https://www.unicode.org/reports/tr24/#Assignment_ScriptX_Values

use core::cmp::Ordering;
use core::fmt;

use crate::tables::script_extensions::{SCRIPT_EXTENSION_RANGES, SCRIPT_EXTENSION_SETS};
use crate::tables::script_ranges::SCRIPT_RANGES;
use crate::tables::script_values::NAMES;
use crate::{Script, ScriptSet};

impl Script {
    /// Finds a script by its ISO 15924 code (`"Latn"`), its long name
    /// (`"Latin"`, `"Old_Italic"`) or another alias from
    /// PropertyValueAliases.txt (`"Qaac"`). Matching is loose in the manner
    /// of [UAX #44 LM3]: ASCII case, `_`, `-` and spaces are ignored, so
    /// `"old italic"` finds [`Script::OldItalic`]. The UTS #39 writing systems
    /// are found as `"Hanb"`/`"Han_With_Bopomofo"`, `"Jpan"`/`"Japanese"` and
    /// `"Kore"`/`"Korean"`.
    ///
    /// ```
    /// use polynorm_script::Script;
    ///
    /// assert_eq!(Script::from_name("Cyrl"), Some(Script::Cyrillic));
    /// assert_eq!(Script::from_name("cyrillic"), Some(Script::Cyrillic));
    /// assert_eq!(Script::from_name("Klingon"), None);
    /// ```
    ///
    /// [UAX #44 LM3]: https://www.unicode.org/reports/tr44/#UAX44-LM3
    pub fn from_name(name: &str) -> Option<Script> {
        let wanted = || {
            name.bytes()
                .filter(|b| !matches!(b, b'_' | b'-' | b' '))
                .map(|b| b.to_ascii_lowercase())
        };
        NAMES
            .binary_search_by(|(key, _)| key.bytes().cmp(wanted()))
            .ok()
            .and_then(|i| NAMES.get(i))
            .map(|&(_, script)| script)
    }

    /// Every script, in [`Script`] order (by ISO 15924 code).
    pub fn all() -> &'static [Script] {
        &Script::ALL
    }

    /// Whether this is [`Script::Common`] or [`Script::Inherited`], the values
    /// of characters shared by many scripts.
    #[inline]
    pub const fn is_common_or_inherited(self) -> bool {
        matches!(self, Script::Common | Script::Inherited)
    }
}

/// Writes the long name, as [`Script::full_name`].
impl fmt::Display for Script {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.full_name())
    }
}

/// Serializes as the long name: `"Latin"`.
#[cfg(feature = "serde")]
impl serde::Serialize for Script {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.full_name())
    }
}

/// Binary search for the range holding `cp`.
#[inline]
fn find<T: Copy>(ranges: &[(u32, u32, T)], cp: u32) -> Option<T> {
    ranges
        .binary_search_by(|&(lo, hi, _)| {
            if hi < cp {
                Ordering::Less
            } else if lo > cp {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        })
        .ok()
        .and_then(|i| ranges.get(i))
        .map(|&(_, _, value)| value)
}

/// The Script property of `c` ([UAX #24]).
///
/// ```
/// use polynorm_script::{script, Script};
///
/// assert_eq!(script('a'), Script::Latin);
/// assert_eq!(script('ж'), Script::Cyrillic);
/// assert_eq!(script('1'), Script::Common);
/// assert_eq!(script('\u{301}'), Script::Inherited); // combining acute
/// assert_eq!(script('\u{50000}'), Script::Unknown); // unassigned
/// ```
///
/// [UAX #24]: https://www.unicode.org/reports/tr24/#Assignment_Script_Values
#[inline]
pub fn script(c: char) -> Script {
    if c.is_ascii() {
        return if c.is_ascii_alphabetic() {
            Script::Latin
        } else {
            Script::Common
        };
    }
    script_from_table(c)
}

/// [`script`] without the ASCII shortcut.
#[inline]
pub(crate) fn script_from_table(c: char) -> Script {
    find(&SCRIPT_RANGES, u32::from(c)).unwrap_or(Script::Unknown)
}

/// The `Script_Extensions` property of `c` ([UAX #24 scx]): the scripts `c` is
/// used with. Characters without an entry in ScriptExtensions.txt get
/// `{script(c)}`, so a Common character such as `'1'` gets `{Common}`.
///
/// ```
/// use polynorm_script::{script_extensions, Script, ScriptSet};
///
/// // U+0483 COMBINING CYRILLIC TITLO is Inherited, used with Cyrillic and Old Permic.
/// let scx = script_extensions('\u{483}');
/// assert!(scx.contains(Script::Cyrillic));
/// assert!(!scx.contains(Script::Inherited));
/// assert_eq!(script_extensions('a'), ScriptSet::single(Script::Latin));
/// ```
///
/// [UAX #24 scx]: https://www.unicode.org/reports/tr24/#Assignment_ScriptX_Values
#[inline]
pub fn script_extensions(c: char) -> ScriptSet {
    if c.is_ascii() {
        // ScriptExtensions.txt has no ASCII entries.
        return ScriptSet::single(script(c));
    }
    match find(&SCRIPT_EXTENSION_RANGES, u32::from(c)) {
        None => ScriptSet::single(script_from_table(c)),
        Some(index) => {
            let set = SCRIPT_EXTENSION_SETS.get(usize::from(index)).copied();
            debug_assert!(set.is_some(), "Script_Extensions index out of range");
            set.unwrap_or_else(|| ScriptSet::single(script_from_table(c)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_shortcut_matches_table() {
        for b in 0u8..=0x7F {
            let c = char::from(b);
            assert_eq!(script(c), script_from_table(c), "{c:?}");
        }
    }

    #[test]
    fn ascii_has_no_extensions_in_the_table() {
        assert!(SCRIPT_EXTENSION_RANGES.iter().all(|&(lo, _, _)| lo > 0x7F));
    }

    #[test]
    fn tables_are_sorted_and_disjoint() {
        assert!(SCRIPT_RANGES.windows(2).all(|w| w[0].1 < w[1].0));
        assert!(SCRIPT_RANGES.iter().all(|r| r.0 <= r.1));
        assert!(SCRIPT_EXTENSION_RANGES.windows(2).all(|w| w[0].1 < w[1].0));
        assert!(SCRIPT_EXTENSION_RANGES
            .iter()
            .all(|r| usize::from(r.2) < SCRIPT_EXTENSION_SETS.len()));
    }

    #[test]
    fn range_edges() {
        assert_eq!(script('\u{0400}'), Script::Cyrillic);
        assert_eq!(script('\u{04FF}'), Script::Cyrillic);
        assert_eq!(script('\u{4E00}'), Script::Han);
        assert_eq!(script('\u{10FFFF}'), Script::Unknown);
        assert_eq!(script('\u{E0001}'), Script::Common); // LANGUAGE TAG
        assert_eq!(script('ー'), Script::Common); // prolonged sound mark
    }

    #[test]
    fn writing_systems_are_never_a_char_script() {
        for &(_, _, s) in &SCRIPT_RANGES {
            assert!(!matches!(
                s,
                Script::HanWithBopomofo | Script::Japanese | Script::Korean
            ));
        }
    }

    #[test]
    fn names_round_trip() {
        for &s in Script::all() {
            assert_eq!(Script::from_name(s.short_name()), Some(s));
            assert_eq!(Script::from_name(s.full_name()), Some(s));
            assert_eq!(Script::from_name(&s.full_name().to_uppercase()), Some(s));
        }
    }

    #[test]
    fn from_name_is_loose_but_not_too_loose() {
        assert_eq!(Script::from_name("old italic"), Some(Script::OldItalic));
        assert_eq!(Script::from_name("Qaac"), Some(Script::Coptic));
        assert_eq!(Script::from_name("Zyyy"), Some(Script::Common));
        assert_eq!(Script::from_name("Jpan"), Some(Script::Japanese));
        assert_eq!(Script::from_name(""), None);
        assert_eq!(Script::from_name("Lat"), None);
        assert_eq!(Script::from_name("Latinx"), None);
        assert_eq!(Script::from_name("Лат"), None);
    }

    #[test]
    fn names() {
        assert_eq!(Script::Latin.short_name(), "Latn");
        assert_eq!(Script::Latin.full_name(), "Latin");
        assert_eq!(Script::Unknown.short_name(), "Zzzz");
        assert_eq!(Script::Latin.to_string(), "Latin");
    }

    #[test]
    fn all_is_in_discriminant_order() {
        for (i, &s) in Script::all().iter().enumerate() {
            assert_eq!(s as usize, i);
        }
        assert!(Script::all().windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn extensions_default_to_script() {
        assert_eq!(script_extensions('ж'), ScriptSet::single(Script::Cyrillic));
        assert_eq!(script_extensions('!'), ScriptSet::single(Script::Common));
        let danda = script_extensions('\u{0964}');
        assert!(danda.contains(Script::Devanagari) && danda.contains(Script::Bengali));
    }
}
