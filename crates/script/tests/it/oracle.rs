//! Agreement with the `unicode-script` and `unicode-security` crates. They may
//! carry a different Unicode version than our tables, so characters are
//! compared only where both assign them a script; a character whose
//! properties changed between the two versions is listed, with the reason,
//! in the `KNOWN_*` tables below.

use polynorm_script::{
    is_identifier_allowed, is_single_script, restriction_level, script, script_extensions,
    RestrictionLevel, Script,
};
use proptest::prelude::*;
use unicode_script::{Script as OScript, UnicodeScript as _};
use unicode_security::{
    GeneralSecurityProfile as _, MixedScript as _, RestrictionLevelDetection as _,
};

/// `Script_Extensions` that differ between our 17.0.0 tables and the oracle's
/// newer data (unicode-script 0.5.9 reports Unicode 18.0.0); ours follow
/// `data/unicode/17.0.0/ScriptExtensions.txt`.
const KNOWN_SCX_DIFFERENCES: &[(char, &str)] = &[
    ('\u{0B83}', "TAMIL SIGN VISARGA: 17.0 scx is Taml alone"),
    ('\u{1CF5}', "VEDIC SIGN JIHVAMULIYA: 17.0 scx is Beng Deva"),
    ('\u{1CF6}', "VEDIC SIGN UPADHMANIYA: 17.0 scx is Beng Deva"),
];

/// Every scalar value.
fn all_chars() -> impl Iterator<Item = char> {
    (0..=0x10_FFFF_u32).filter_map(char::from_u32)
}

/// Whether both sides assign `c` (neither says Unknown).
fn both_know(c: char) -> bool {
    script(c) != Script::Unknown && c.script() != OScript::Unknown
}

fn report(what: &str, mismatches: &[String]) {
    assert!(
        mismatches.is_empty(),
        "{} {what} mismatches with the oracle, first ones:\n{}",
        mismatches.len(),
        mismatches
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn script_matches_unicode_script() {
    let mismatches: Vec<String> = all_chars()
        .filter(|&c| both_know(c))
        .filter(|&c| script(c).short_name() != c.script().short_name())
        .map(|c| {
            format!(
                "U+{:04X}: ours {:?}, oracle {:?}",
                u32::from(c),
                script(c),
                c.script()
            )
        })
        .collect();
    report("Script", &mismatches);
}

#[test]
fn script_extensions_match_unicode_script() {
    let mismatches: Vec<String> = all_chars()
        .filter(|&c| both_know(c))
        .filter(|&c| !KNOWN_SCX_DIFFERENCES.iter().any(|&(k, _)| k == c))
        .filter_map(|c| {
            let mut ours: Vec<&str> = script_extensions(c)
                .iter()
                .map(Script::short_name)
                .collect();
            let mut theirs: Vec<&str> = c
                .script_extension()
                .iter()
                .map(OScript::short_name)
                .collect();
            ours.sort_unstable();
            theirs.sort_unstable();
            (ours != theirs)
                .then(|| format!("U+{:04X}: ours {ours:?}, oracle {theirs:?}", u32::from(c)))
        })
        .collect();
    report("Script_Extensions", &mismatches);
}

#[test]
fn identifier_status_matches_unicode_security() {
    let mismatches: Vec<String> = all_chars()
        .filter(|&c| both_know(c))
        .filter(|&c| is_identifier_allowed(c) != c.identifier_allowed())
        .map(|c| {
            format!(
                "U+{:04X}: ours allowed={}, oracle allowed={}",
                u32::from(c),
                is_identifier_allowed(c),
                c.identifier_allowed()
            )
        })
        .collect();
    report("Identifier_Status", &mismatches);
}

/// Characters of well-established scripts whose properties are the same in
/// both Unicode versions, with Common and Inherited ones among them.
const POOL: &[char] = &[
    'a', 'Z', 'é', 'ж', 'Д', 'α', 'Ω', '東', '京', 'カ', 'ひ', 'ー', '・', '한', 'א', 'م', 'ก',
    '1', '-', '\'', '.', '\u{301}', '\u{308}', ' ', '😀', '!',
];

fn pooled() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(POOL), 0..8)
        .prop_map(|chars| chars.into_iter().collect())
}

fn oracle_level(s: &str) -> RestrictionLevel {
    use unicode_security::RestrictionLevel as O;
    match s.detect_restriction_level() {
        O::ASCIIOnly => RestrictionLevel::Ascii,
        O::SingleScript => RestrictionLevel::SingleScript,
        O::HighlyRestrictive => RestrictionLevel::HighlyRestrictive,
        O::ModeratelyRestrictive => RestrictionLevel::ModeratelyRestrictive,
        O::MinimallyRestrictive => RestrictionLevel::MinimallyRestrictive,
        O::Unrestricted => RestrictionLevel::Unrestricted,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(super::cases(256)))]

    #[test]
    fn single_script_matches_unicode_security(s in pooled()) {
        prop_assert_eq!(is_single_script(&s), s.as_str().is_single_script());
    }

    #[test]
    fn restriction_level_matches_unicode_security(s in pooled()) {
        prop_assert_eq!(restriction_level(&s), oracle_level(&s));
    }
}

#[test]
fn required_levels_match_unicode_security() {
    for s in [
        "abc",
        "Sergeн",
        "東京abc",
        "Серг",
        "abcאבג",
        "a b",
        "abc한국",
    ] {
        assert_eq!(restriction_level(s), oracle_level(s), "{s:?}");
    }
}
