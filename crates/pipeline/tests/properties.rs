//! Invariants of the whole pipeline, on generated text that mixes the
//! scripts the mixed-script repair works on.

use polynorm_pipeline::{Pipeline, Rule};
use proptest::prelude::*;

/// Words made of Latin, Cyrillic and Greek letters (lookalikes included),
/// layout punctuation, digits and invisible characters, joined by spaces.
fn mixed_text() -> impl Strategy<Value = String> {
    let word = proptest::collection::vec(
        prop::sample::select(vec![
            'a', 'e', 'o', 'p', 'c', 'x', 'y', 'k', 'h', 'g', 'j', 'f', 'S', 'B', 'а', 'е', 'о',
            'р', 'с', 'х', 'у', 'к', 'н', 'п', 'щ', 'ш', 'ф', 'В', 'ο', 'α', 'ε', 'Ν', ';', ',',
            '.', '[', '\'', '-', '1', '\u{200B}', '\u{00A0}', 'é', '\u{0301}',
        ]),
        1..9,
    )
    .prop_map(|chars| chars.into_iter().collect::<String>());
    proptest::collection::vec(word, 0..8).prop_map(|words| words.join(" "))
}

/// 256 cases unless `PROPTEST_CASES` says otherwise (a longer local run).
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn clean_is_idempotent_and_spans_are_valid(text in mixed_text()) {
        let pipeline = Pipeline::default();
        let once = pipeline.clean(&text);
        for c in &once.changes {
            prop_assert!(c.start <= c.end && c.end <= text.len());
            prop_assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
            prop_assert!((0.0..=1.0).contains(&c.confidence));
        }
        let twice = pipeline.clean(&once.text);
        prop_assert_eq!(&once.text, &twice.text);
    }

    #[test]
    fn arbitrary_strings_never_panic(text in "\\PC{0,64}") {
        let pipeline = Pipeline::builder().enable(Rule::HtmlEntities).build();
        let once = pipeline.clean(&text);
        let twice = pipeline.clean(&once.text);
        prop_assert_eq!(&once.text, &twice.text);
    }

    #[test]
    fn without_mixed_script_channels_only_hygiene_runs(text in mixed_text()) {
        let off = Pipeline::builder()
            .disable(Rule::Homoglyphs)
            .disable(Rule::KeyboardLayouts)
            .build();
        prop_assert_eq!(off.clean(&text).text, off.hygiene(&text).text);
    }
}
