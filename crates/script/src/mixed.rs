//! Mixed-script detection and restriction levels of [UTS #39 §5]:
//!
//! - [`augmented_script_set`]: the augmented script set of a character
//!   ([UTS #39 §5.1]).
//! - [`resolved_script_set`], [`is_single_script`]: the resolved script set of
//!   a string and single-script detection ([UTS #39 §5.1]).
//! - [`restriction_level`]: Restriction-Level Detection ([UTS #39 §5.2]),
//!   with the General Security Profile's `Identifier_Status=Allowed`
//!   ([UTS #39 §3.1]) as the identifier profile.
//!
//! [UTS #39 §5]: https://www.unicode.org/reports/tr39/#Mixed_Script_Detection
//! [UTS #39 §5.1]: https://www.unicode.org/reports/tr39/#Mixed_Script_Detection
//! [UTS #39 §5.2]: https://www.unicode.org/reports/tr39/#Restriction_Level_Detection
//! [UTS #39 §3.1]: https://www.unicode.org/reports/tr39/#General_Security_Profile

use core::cmp::Ordering;
use core::fmt;

use crate::tables::identifier_status::{IDENTIFIER_ALLOWED, RECOMMENDED_SCRIPTS};
use crate::{script_extensions, Script, ScriptSet};

/// The augmented script set of `c` ([UTS #39 §5.1]): its `Script_Extensions`,
/// with Common or Inherited replaced by [`ScriptSet::ALL`], and the writing
/// systems added: Han → Hanb, Jpan, Kore; Hiragana, Katakana → Jpan;
/// Hangul → Kore; Bopomofo → Hanb.
///
/// ```
/// use polynorm_script::{augmented_script_set, Script, ScriptSet};
///
/// assert_eq!(augmented_script_set('1'), ScriptSet::ALL);
/// let kana = augmented_script_set('カ');
/// assert!(kana.contains(Script::Katakana) && kana.contains(Script::Japanese));
/// ```
///
/// [UTS #39 §5.1]: https://www.unicode.org/reports/tr39/#def-augmented-script-set
pub fn augmented_script_set(c: char) -> ScriptSet {
    let scx = script_extensions(c);
    if scx.contains(Script::Common) || scx.contains(Script::Inherited) {
        return ScriptSet::ALL;
    }
    let mut set = scx;
    if scx.contains(Script::Han) {
        set = set
            .with(Script::HanWithBopomofo)
            .with(Script::Japanese)
            .with(Script::Korean);
    }
    if scx.contains(Script::Hiragana) || scx.contains(Script::Katakana) {
        set = set.with(Script::Japanese);
    }
    if scx.contains(Script::Hangul) {
        set = set.with(Script::Korean);
    }
    if scx.contains(Script::Bopomofo) {
        set = set.with(Script::HanWithBopomofo);
    }
    set
}

/// The resolved script set of `s` ([UTS #39 §5.1]): the intersection of the
/// augmented script sets of its characters. [`ScriptSet::ALL`] for a string
/// with no characters or only Common and Inherited ones; empty for a
/// mixed-script string.
///
/// ```
/// use polynorm_script::{resolved_script_set, Script, ScriptSet};
///
/// assert_eq!(resolved_script_set("Сергей"), ScriptSet::single(Script::Cyrillic));
/// assert_eq!(resolved_script_set("Sergeн"), ScriptSet::EMPTY);
/// assert_eq!(resolved_script_set("42"), ScriptSet::ALL);
/// ```
///
/// [UTS #39 §5.1]: https://www.unicode.org/reports/tr39/#def-resolved-script-set
pub fn resolved_script_set(s: &str) -> ScriptSet {
    let mut set = ScriptSet::ALL;
    for c in s.chars() {
        set = set.intersection(augmented_script_set(c));
        if set.is_empty() {
            break;
        }
    }
    set
}

/// Whether `s` is single-script ([UTS #39 §5.1]): its resolved script set is
/// not empty. A string of only Common characters (digits, punctuation) is
/// single-script.
///
/// [UTS #39 §5.1]: https://www.unicode.org/reports/tr39/#def-single-script
pub fn is_single_script(s: &str) -> bool {
    !resolved_script_set(s).is_empty()
}

/// Whether `c` has `Identifier_Status=Allowed` in the General Security Profile
/// ([UTS #39 §3.1]); every other character is Restricted.
///
/// ```
/// use polynorm_script::is_identifier_allowed;
///
/// assert!(is_identifier_allowed('a') && is_identifier_allowed('ж'));
/// assert!(!is_identifier_allowed(' ') && !is_identifier_allowed('\u{200B}'));
/// ```
///
/// [UTS #39 §3.1]: https://www.unicode.org/reports/tr39/#Identifier_Status_and_Type
pub fn is_identifier_allowed(c: char) -> bool {
    let cp = u32::from(c);
    if c.is_ascii() {
        // IdentifierStatus.txt: ' - . 0-9 : A-Z _ a-z
        return c.is_ascii_alphanumeric() || matches!(c, '\'' | '-' | '.' | ':' | '_');
    }
    IDENTIFIER_ALLOWED
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                Ordering::Less
            } else if lo > cp {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        })
        .is_ok()
}

/// The restriction levels of [UTS #39 §5.2], from most to least restrictive;
/// `Ord` follows that order, so `level <= RestrictionLevel::HighlyRestrictive`
/// asks "at least highly restrictive".
///
/// [UTS #39 §5.2]: https://www.unicode.org/reports/tr39/#Restriction_Level_Detection
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum RestrictionLevel {
    /// Every character is ASCII (and allowed in identifiers).
    Ascii,
    /// The resolved script set is not empty: one script (plus Common and
    /// Inherited characters), e.g. `Сергей`.
    SingleScript,
    /// Covered by Latin + Han + Hiragana + Katakana, Latin + Han + Bopomofo, or
    /// Latin + Han + Hangul, e.g. `東京abc`.
    HighlyRestrictive,
    /// Covered by Latin and one other Recommended script except Cyrillic and
    /// Greek, e.g. `abcאבג`.
    ModeratelyRestrictive,
    /// Any mix of allowed characters, e.g. `Sergeн` (Latin + Cyrillic).
    MinimallyRestrictive,
    /// Some character is outside the identifier profile (space, emoji,
    /// punctuation, historic scripts...).
    Unrestricted,
}

impl RestrictionLevel {
    /// The `snake_case` name, as serialized: `"single_script"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            RestrictionLevel::Ascii => "ascii",
            RestrictionLevel::SingleScript => "single_script",
            RestrictionLevel::HighlyRestrictive => "highly_restrictive",
            RestrictionLevel::ModeratelyRestrictive => "moderately_restrictive",
            RestrictionLevel::MinimallyRestrictive => "minimally_restrictive",
            RestrictionLevel::Unrestricted => "unrestricted",
        }
    }

    /// Every level, most restrictive first.
    pub const ALL: [RestrictionLevel; 6] = [
        RestrictionLevel::Ascii,
        RestrictionLevel::SingleScript,
        RestrictionLevel::HighlyRestrictive,
        RestrictionLevel::ModeratelyRestrictive,
        RestrictionLevel::MinimallyRestrictive,
        RestrictionLevel::Unrestricted,
    ];

    /// The level named `name` as [`RestrictionLevel::as_str`] spells it.
    pub fn from_name(name: &str) -> Option<RestrictionLevel> {
        RestrictionLevel::ALL
            .into_iter()
            .find(|level| level.as_str() == name)
    }
}

/// Writes [`RestrictionLevel::as_str`].
impl fmt::Display for RestrictionLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The restriction level of `s` ([UTS #39 §5.2]), meant for single words
/// and names (see [`tokens`](crate::tokens)):
///
/// 1. any character not `Identifier_Status=Allowed` → `Unrestricted`
///    (so any string with a space is `Unrestricted`);
/// 2. only ASCII → `Ascii` (the empty string too);
/// 3. resolved script set not empty → `SingleScript`;
/// 4. the characters whose augmented set lacks Latin share Hanb, Jpan or
///    Kore → `HighlyRestrictive`;
/// 5. they share a Recommended script other than Cyrillic and Greek →
///    `ModeratelyRestrictive`;
/// 6. otherwise `MinimallyRestrictive`.
///
/// ```
/// use polynorm_script::{restriction_level, RestrictionLevel};
///
/// assert_eq!(restriction_level("abc"), RestrictionLevel::Ascii);
/// assert_eq!(restriction_level("Серг"), RestrictionLevel::SingleScript);
/// assert_eq!(restriction_level("東京abc"), RestrictionLevel::HighlyRestrictive);
/// assert_eq!(restriction_level("Sergeн"), RestrictionLevel::MinimallyRestrictive);
/// assert_eq!(restriction_level("a b"), RestrictionLevel::Unrestricted);
/// ```
///
/// [UTS #39 §5.2]: https://www.unicode.org/reports/tr39/#Restriction_Level_Detection
pub fn restriction_level(s: &str) -> RestrictionLevel {
    let mut ascii = true;
    let mut resolved = ScriptSet::ALL;
    // The intersection over the characters that do not have Latin: the
    // string is covered by Latin + X exactly when X is in it.
    let mut beside_latin = ScriptSet::ALL;
    for c in s.chars() {
        if !is_identifier_allowed(c) {
            return RestrictionLevel::Unrestricted;
        }
        ascii &= c.is_ascii();
        let set = augmented_script_set(c);
        resolved = resolved.intersection(set);
        if !set.contains(Script::Latin) {
            beside_latin = beside_latin.intersection(set);
        }
    }
    if ascii {
        return RestrictionLevel::Ascii;
    }
    if !resolved.is_empty() {
        return RestrictionLevel::SingleScript;
    }
    let cjk = ScriptSet::EMPTY
        .with(Script::HanWithBopomofo)
        .with(Script::Japanese)
        .with(Script::Korean);
    if !beside_latin.intersection(cjk).is_empty() {
        return RestrictionLevel::HighlyRestrictive;
    }
    let moderate = RECOMMENDED_SCRIPTS
        .without(Script::Cyrillic)
        .without(Script::Greek)
        .without(Script::Latin);
    if !beside_latin.intersection(moderate).is_empty() {
        return RestrictionLevel::ModeratelyRestrictive;
    }
    RestrictionLevel::MinimallyRestrictive
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn augmented_sets() {
        assert_eq!(augmented_script_set(' '), ScriptSet::ALL);
        assert_eq!(augmented_script_set('\u{20D0}'), ScriptSet::ALL);
        assert!(!augmented_script_set('\u{301}').is_all()); // acute has an scx list
        let han = augmented_script_set('東');
        for s in [
            Script::Han,
            Script::HanWithBopomofo,
            Script::Japanese,
            Script::Korean,
        ] {
            assert!(han.contains(s), "{s:?}");
        }
        let hira = augmented_script_set('ひ');
        assert!(hira.contains(Script::Japanese) && !hira.contains(Script::Korean));
        let hangul = augmented_script_set('한');
        assert!(hangul.contains(Script::Korean) && !hangul.contains(Script::Japanese));
        let bopo = augmented_script_set('ㄅ');
        assert!(bopo.contains(Script::HanWithBopomofo) && !bopo.contains(Script::Japanese));
        assert_eq!(augmented_script_set('a'), ScriptSet::single(Script::Latin));
    }

    #[test]
    fn japanese_mix_is_single_script() {
        let set = resolved_script_set("東京タワーとひらがな");
        assert_eq!(set, ScriptSet::single(Script::Japanese));
        assert!(is_single_script("한국어漢字"));
    }

    #[test]
    fn resolved_of_empty_and_common() {
        assert_eq!(resolved_script_set(""), ScriptSet::ALL);
        assert_eq!(resolved_script_set("12-34!"), ScriptSet::ALL);
        assert!(is_single_script("12"));
    }

    #[test]
    fn combining_mark_keeps_latin() {
        assert_eq!(
            resolved_script_set("e\u{301}"),
            ScriptSet::single(Script::Latin)
        );
    }

    #[test]
    fn required_restriction_levels() {
        assert_eq!(restriction_level("abc"), RestrictionLevel::Ascii);
        assert_eq!(
            restriction_level("Sergeн"),
            RestrictionLevel::MinimallyRestrictive
        );
        assert_eq!(
            restriction_level("東京abc"),
            RestrictionLevel::HighlyRestrictive
        );
        assert_eq!(restriction_level("Серг"), RestrictionLevel::SingleScript);
    }

    #[test]
    fn more_restriction_levels() {
        assert_eq!(restriction_level(""), RestrictionLevel::Ascii);
        assert_eq!(restriction_level("a b"), RestrictionLevel::Unrestricted);
        assert_eq!(restriction_level("abc😀"), RestrictionLevel::Unrestricted);
        assert_eq!(
            restriction_level("abcאבג"),
            RestrictionLevel::ModeratelyRestrictive
        );
        assert_eq!(
            restriction_level("abcαβγ"),
            RestrictionLevel::MinimallyRestrictive
        );
        assert_eq!(
            restriction_level("abc한국"),
            RestrictionLevel::HighlyRestrictive
        );
        assert_eq!(restriction_level("café"), RestrictionLevel::SingleScript);
        assert_eq!(
            restriction_level("Сергейαβγ"),
            RestrictionLevel::MinimallyRestrictive
        );
    }

    #[test]
    fn levels_are_ordered_and_named() {
        assert!(RestrictionLevel::Ascii < RestrictionLevel::Unrestricted);
        for level in RestrictionLevel::ALL {
            assert_eq!(RestrictionLevel::from_name(level.as_str()), Some(level));
        }
        assert_eq!(RestrictionLevel::SingleScript.to_string(), "single_script");
    }

    #[test]
    fn ascii_allowed_shortcut_matches_table() {
        for b in 0u8..=0x7F {
            let cp = u32::from(b);
            let in_table = IDENTIFIER_ALLOWED
                .iter()
                .any(|&(lo, hi)| lo <= cp && cp <= hi);
            assert_eq!(is_identifier_allowed(char::from(b)), in_table, "{b:#x}");
        }
    }
}
