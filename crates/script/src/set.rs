//! [`ScriptSet`], a fixed-size bitset over [`Script`]: the value type of
//! `Script_Extensions` ([UAX #24 scx]) and of the augmented and resolved
//! script sets of [UTS #39 §5.1].
//!
//! [UAX #24 scx]: https://www.unicode.org/reports/tr24/#Assignment_ScriptX_Values
//! [UTS #39 §5.1]: https://www.unicode.org/reports/tr39/#Mixed_Script_Detection

use core::fmt;
use core::iter::FusedIterator;

use crate::tables::script_values::SCRIPT_SET_WORDS;
use crate::Script;

// Every script has a bit.
const _: () = assert!(Script::COUNT <= SCRIPT_SET_WORDS * 64);

/// A set of [`Script`]s, stored as a fixed-size bitset (`Copy`, no
/// allocation).
///
/// [`ScriptSet::ALL`] holds every script; it is the augmented script set of
/// Common and Inherited characters and the resolved script set of a string
/// made only of them ([UTS #39 §5.1]). Its `Debug` form lists short names:
/// `ScriptSet{Cyrl, Latn}`, or `ScriptSet(All)`.
///
/// ```
/// use polynorm_script::{Script, ScriptSet};
///
/// let mut set = ScriptSet::single(Script::Latin);
/// set.insert(Script::Cyrillic);
/// assert_eq!(set.len(), 2);
/// assert!(set.contains(Script::Cyrillic));
/// assert_eq!(set.intersection(ScriptSet::single(Script::Greek)), ScriptSet::EMPTY);
/// assert_eq!(format!("{set:?}"), "ScriptSet{Cyrl, Latn}");
/// ```
///
/// [UTS #39 §5.1]: https://www.unicode.org/reports/tr39/#Mixed_Script_Detection
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ScriptSet {
    words: [u64; SCRIPT_SET_WORDS],
}

impl ScriptSet {
    /// The empty set.
    pub const EMPTY: ScriptSet = ScriptSet {
        words: [0; SCRIPT_SET_WORDS],
    };

    /// The set of every [`Script`] (Common, Inherited, Unknown and the UTS #39
    /// writing systems included).
    pub const ALL: ScriptSet = ScriptSet::from_scripts(&Script::ALL);

    /// The set holding `script` alone.
    #[inline]
    pub const fn single(script: Script) -> ScriptSet {
        ScriptSet::EMPTY.with(script)
    }

    /// The set of `scripts` (used by the generated tables).
    pub(crate) const fn from_scripts(scripts: &[Script]) -> ScriptSet {
        let mut set = ScriptSet::EMPTY;
        let mut rest = scripts;
        while let [first, tail @ ..] = rest {
            set = set.with(*first);
            rest = tail;
        }
        set
    }

    /// `self` plus `script`.
    #[inline]
    #[must_use]
    pub const fn with(self, script: Script) -> ScriptSet {
        let bit = script as usize;
        let mut words = self.words;
        if let Some((_, tail)) = words.split_at_mut_checked(bit / 64) {
            if let Some(word) = tail.first_mut() {
                *word |= 1 << (bit % 64);
            }
        }
        ScriptSet { words }
    }

    /// `self` without `script`.
    #[inline]
    #[must_use]
    pub const fn without(self, script: Script) -> ScriptSet {
        let bit = script as usize;
        let mut words = self.words;
        if let Some((_, tail)) = words.split_at_mut_checked(bit / 64) {
            if let Some(word) = tail.first_mut() {
                *word &= !(1 << (bit % 64));
            }
        }
        ScriptSet { words }
    }

    /// Adds `script`; returns whether it was not there before.
    #[inline]
    pub fn insert(&mut self, script: Script) -> bool {
        let had = self.contains(script);
        *self = self.with(script);
        !had
    }

    /// Removes `script`; returns whether it was there.
    #[inline]
    pub fn remove(&mut self, script: Script) -> bool {
        let had = self.contains(script);
        *self = self.without(script);
        had
    }

    /// Whether `script` is in the set.
    #[inline]
    pub const fn contains(self, script: Script) -> bool {
        let bit = script as usize;
        match self.words.split_at_checked(bit / 64) {
            Some((_, [word, ..])) => (*word >> (bit % 64)) & 1 == 1,
            _ => false,
        }
    }

    /// The scripts in both sets.
    #[inline]
    #[must_use]
    pub const fn intersection(self, other: ScriptSet) -> ScriptSet {
        self.combine(other, true)
    }

    /// The scripts in either set.
    #[inline]
    #[must_use]
    pub const fn union(self, other: ScriptSet) -> ScriptSet {
        self.combine(other, false)
    }

    /// Word-wise AND (`both`) or OR of the two bitsets; `const`, so a loop
    /// rather than an iterator.
    #[inline]
    const fn combine(self, other: ScriptSet, both: bool) -> ScriptSet {
        let mut words = self.words;
        let mut i = 0;
        while i < SCRIPT_SET_WORDS {
            if let (Some((_, [mine, ..])), Some((_, [theirs, ..]))) = (
                words.split_at_mut_checked(i),
                other.words.split_at_checked(i),
            ) {
                if both {
                    *mine &= *theirs;
                } else {
                    *mine |= *theirs;
                }
            }
            i += 1;
        }
        ScriptSet { words }
    }

    /// Whether every script of `self` is in `other`.
    #[inline]
    pub fn is_subset(self, other: ScriptSet) -> bool {
        self.intersection(other) == self
    }

    /// Whether the set has no script.
    #[inline]
    pub fn is_empty(self) -> bool {
        self == ScriptSet::EMPTY
    }

    /// Whether the set is [`ScriptSet::ALL`].
    #[inline]
    pub fn is_all(self) -> bool {
        self == ScriptSet::ALL
    }

    /// Number of scripts in the set.
    #[inline]
    pub fn len(self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// The scripts in the set, in [`Script`] order.
    #[inline]
    pub fn iter(self) -> ScriptSetIter {
        ScriptSetIter {
            words: self.words,
            word: 0,
        }
    }
}

impl From<Script> for ScriptSet {
    fn from(script: Script) -> ScriptSet {
        ScriptSet::single(script)
    }
}

impl FromIterator<Script> for ScriptSet {
    fn from_iter<I: IntoIterator<Item = Script>>(iter: I) -> ScriptSet {
        let mut set = ScriptSet::EMPTY;
        set.extend(iter);
        set
    }
}

impl Extend<Script> for ScriptSet {
    fn extend<I: IntoIterator<Item = Script>>(&mut self, iter: I) {
        for script in iter {
            *self = self.with(script);
        }
    }
}

impl IntoIterator for ScriptSet {
    type Item = Script;
    type IntoIter = ScriptSetIter;

    fn into_iter(self) -> ScriptSetIter {
        self.iter()
    }
}

impl IntoIterator for &ScriptSet {
    type Item = Script;
    type IntoIter = ScriptSetIter;

    fn into_iter(self) -> ScriptSetIter {
        self.iter()
    }
}

/// Iterator over the scripts of a [`ScriptSet`], in [`Script`] order.
#[derive(Clone, Debug)]
pub struct ScriptSetIter {
    words: [u64; SCRIPT_SET_WORDS],
    word: usize,
}

impl Iterator for ScriptSetIter {
    type Item = Script;

    fn next(&mut self) -> Option<Script> {
        loop {
            let word = self.words.get_mut(self.word)?;
            if *word == 0 {
                self.word += 1;
                continue;
            }
            let bit = word.trailing_zeros() as usize;
            *word &= *word - 1;
            let script = Script::ALL.get(self.word * 64 + bit).copied();
            debug_assert!(script.is_some(), "ScriptSet has a bit past Script::COUNT");
            return script;
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self
            .words
            .iter()
            .skip(self.word)
            .map(|w| w.count_ones() as usize)
            .sum();
        (n, Some(n))
    }
}

impl ExactSizeIterator for ScriptSetIter {}
impl FusedIterator for ScriptSetIter {}

/// Writes a name without quotes inside `debug_set`.
struct Bare(&'static str);

impl fmt::Debug for Bare {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl fmt::Debug for ScriptSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_all() {
            return f.write_str("ScriptSet(All)");
        }
        f.write_str("ScriptSet")?;
        f.debug_set()
            .entries(self.iter().map(|s| Bare(s.short_name())))
            .finish()
    }
}

/// Serializes as `"All"` for [`ScriptSet::ALL`], otherwise as the list of
/// long names in [`Script`] order.
#[cfg(feature = "serde")]
impl serde::Serialize for ScriptSet {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq as _;
        if self.is_all() {
            return serializer.serialize_str("All");
        }
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for script in self {
            seq.serialize_element(script.full_name())?;
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_has_every_script_and_nothing_else() {
        assert_eq!(ScriptSet::ALL.len(), Script::COUNT);
        assert!(Script::ALL.iter().all(|&s| ScriptSet::ALL.contains(s)));
        assert_eq!(
            ScriptSet::ALL.iter().collect::<Vec<_>>(),
            Script::ALL.to_vec()
        );
    }

    #[test]
    fn empty_is_empty() {
        assert!(ScriptSet::EMPTY.is_empty());
        assert_eq!(ScriptSet::EMPTY.len(), 0);
        assert_eq!(ScriptSet::EMPTY.iter().next(), None);
        assert_eq!(ScriptSet::default(), ScriptSet::EMPTY);
    }

    #[test]
    fn insert_and_remove_report_change() {
        let mut set = ScriptSet::EMPTY;
        assert!(set.insert(Script::Latin));
        assert!(!set.insert(Script::Latin));
        assert!(set.remove(Script::Latin));
        assert!(!set.remove(Script::Latin));
        assert!(set.is_empty());
    }

    #[test]
    fn last_script_uses_the_last_word() {
        let last = *Script::ALL.last().unwrap();
        let set = ScriptSet::single(last);
        assert!(set.contains(last));
        assert_eq!(set.iter().collect::<Vec<_>>(), vec![last]);
    }

    #[test]
    fn set_algebra() {
        let a: ScriptSet = [Script::Latin, Script::Cyrillic].into_iter().collect();
        let b: ScriptSet = [Script::Cyrillic, Script::Greek].into_iter().collect();
        assert_eq!(a.intersection(b), ScriptSet::single(Script::Cyrillic));
        assert_eq!(a.union(b).len(), 3);
        assert!(ScriptSet::single(Script::Latin).is_subset(a));
        assert!(!a.is_subset(b));
        assert_eq!(ScriptSet::ALL.intersection(a), a);
    }

    #[test]
    fn iter_is_sorted_and_exact() {
        let set: ScriptSet = [Script::Latin, Script::Adlam, Script::Unknown]
            .into_iter()
            .collect();
        let iter = set.iter();
        assert_eq!(iter.len(), 3);
        assert_eq!(
            iter.collect::<Vec<_>>(),
            vec![Script::Adlam, Script::Latin, Script::Unknown]
        );
    }

    #[test]
    fn debug_lists_short_names() {
        let set: ScriptSet = [Script::Latin, Script::Cyrillic].into_iter().collect();
        assert_eq!(format!("{set:?}"), "ScriptSet{Cyrl, Latn}");
        assert_eq!(format!("{:?}", ScriptSet::ALL), "ScriptSet(All)");
        assert_eq!(format!("{:?}", ScriptSet::EMPTY), "ScriptSet{}");
    }
}
