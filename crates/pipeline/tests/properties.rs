//! Invariants of the whole pipeline, on generated text that mixes the
//! scripts the mixed-script repair works on.

use std::sync::OnceLock;

use polynorm_pipeline::repair::CodePage;
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
            .disable(Rule::Mojibake)
            .build();
        prop_assert_eq!(off.clean(&text).text, off.hygiene(&text).text);
    }
}

/// Words of the real sentences of the mojibake evaluation set (Russian,
/// Ukrainian, Bulgarian, English, German, French, Turkish, Greek), with the
/// punctuation they carry.
fn real_words() -> &'static [Vec<String>] {
    static WORDS: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    WORDS.get_or_init(|| {
        [
            include_str!("../../../fixtures/eval/mojibake/ru.jsonl"),
            include_str!("../../../fixtures/eval/mojibake/uk.jsonl"),
            include_str!("../../../fixtures/eval/mojibake/de.jsonl"),
            include_str!("../../../fixtures/eval/mojibake/fr.jsonl"),
            include_str!("../../../fixtures/eval/mojibake/tr.jsonl"),
            include_str!("../../../fixtures/eval/mojibake/el.jsonl"),
        ]
        .iter()
        .map(|file| {
            file.lines()
                .filter(|l| l.contains("\"channel\":\"clean\""))
                .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                .filter_map(|v| v["expect"].as_str().map(str::to_owned))
                .flat_map(|s| s.split(' ').map(str::to_owned).collect::<Vec<_>>())
                .collect()
        })
        .collect()
    })
}

/// Three to ten real words of one language, in a random order.
fn real_text() -> impl Strategy<Value = String> {
    (
        0..6usize,
        proptest::collection::vec(any::<prop::sample::Index>(), 3..10),
    )
        .prop_map(|(lang, picks)| {
            let words = &real_words()[lang];
            picks
                .iter()
                .map(|i| i.get(words).as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
}

/// Three to eight real words of one language that hold letters beyond
/// ASCII, three letters or more each: text whose mojibake is decidable
/// (`μ'` read as windows-1251 is `Ој'`, which looks like a Serbian word).
fn damageable_text() -> impl Strategy<Value = String> {
    (
        0..6usize,
        proptest::collection::vec(any::<prop::sample::Index>(), 3..8),
    )
        .prop_map(|(lang, picks)| {
            let words: Vec<&String> = real_words()[lang]
                .iter()
                .filter(|w| !w.is_ascii() && w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
                .collect();
            picks
                .iter()
                .map(|i| i.get(&words).as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
}

/// UTF-8 bytes of `text` decoded as `page` (undefined bytes as C1 controls,
/// as browsers do).
fn misdecode(text: &str, page: CodePage) -> String {
    text.bytes().map(|b| page.decode_byte(b)).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn real_text_is_left_alone_by_the_mojibake_repair(text in real_text()) {
        let pipeline = Pipeline::builder()
            .disable(Rule::Homoglyphs)
            .disable(Rule::KeyboardLayouts)
            .build();
        let r = pipeline.clean(&text);
        prop_assert!(r.changes.iter().all(|c| c.kind != polynorm_pipeline::repair::ChangeKind::Mojibake), "{:?}", r.changes);
    }

    #[test]
    fn utf8_read_as_a_single_byte_page_is_undone(
        text in damageable_text(),
        page in prop::sample::select(vec![
            CodePage::Windows1252, CodePage::Windows1251, CodePage::Koi8R, CodePage::MacRoman,
        ]),
    ) {
        let mangled = misdecode(&text, page);
        let pipeline = Pipeline::builder()
            .disable(Rule::Homoglyphs)
            .disable(Rule::KeyboardLayouts)
            .build();
        let expected = pipeline.clean(&text).text.into_owned();
        let repaired = pipeline.clean(&mangled);
        prop_assert_eq!(&repaired.text, &expected, "{}", mangled);
        prop_assert_eq!(pipeline.clean(&repaired.text).text, repaired.text.clone());
    }
}
