//! Property tests: no input panics, runs tile the input, tokens are ordered
//! slices on character boundaries.

use polynorm_script::{
    analyze, augmented_script_set, dominant_script, is_single_script, resolved_script_set,
    restriction_level, runs, script, script_counts, script_extensions, tokens, Script,
};
use proptest::prelude::*;

/// Arbitrary strings, and strings built from a mix of scripts and of Common
/// and Inherited characters, where runs get interesting.
fn text() -> impl Strategy<Value = String> {
    const MIXED: &[char] = &[
        'a',
        'b',
        'ж',
        'н',
        'α',
        '東',
        'カ',
        'ひ',
        '한',
        'א',
        'م',
        '٢',
        'ދ',
        ' ',
        '-',
        '«',
        '»',
        '1',
        '\u{301}',
        '\u{20D0}',
        'ー',
        '、',
        '\u{E0080}',
        '\u{200B}',
    ];
    prop_oneof![
        any::<String>(),
        proptest::collection::vec(proptest::sample::select(MIXED), 0..24)
            .prop_map(|v| v.into_iter().collect::<String>()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(super::cases(128)))]

    #[test]
    fn nothing_panics(s in text()) {
        for c in s.chars() {
            let _ = (script(c), script_extensions(c), augmented_script_set(c));
        }
        let _ = (resolved_script_set(&s), is_single_script(&s), restriction_level(&s));
        let _ = (script_counts(&s), dominant_script(&s));
        let _ = analyze(&s);
    }

    #[test]
    fn runs_tile_the_input(s in text()) {
        let all: Vec<_> = runs(&s).collect();
        let mut pos = 0;
        for run in &all {
            prop_assert_eq!(run.start, pos);
            prop_assert!(run.end > run.start);
            prop_assert!(s.is_char_boundary(run.start) && s.is_char_boundary(run.end));
            prop_assert_ne!(run.script, Script::Inherited);
            pos = run.end;
        }
        prop_assert_eq!(pos, s.len());
        if all.iter().any(|r| r.script == Script::Common) {
            prop_assert_eq!(all.len(), 1);
        }
        // Maximal: a run's first character cannot continue the run before it.
        for pair in all.windows(2) {
            let first = s[pair[1].start..].chars().next().unwrap();
            prop_assert!(!script_extensions(first).contains(pair[0].script));
        }
    }

    #[test]
    fn tokens_are_ordered_slices(s in text()) {
        let mut last_end = 0;
        for t in tokens(&s) {
            prop_assert!(t.start >= last_end);
            prop_assert!(t.end > t.start);
            prop_assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
            prop_assert_eq!(&s[t.start..t.end], t.text);
            prop_assert_eq!(t.scripts, resolved_script_set(t.text));
            last_end = t.end;
        }
    }

    #[test]
    fn single_script_strings_are_one_script_run(s in "[a-zA-Z ]{0,20}|[а-яА-Я ]{0,20}") {
        prop_assert!(is_single_script(&s));
        prop_assert!(runs(&s).count() <= 1);
    }
}
