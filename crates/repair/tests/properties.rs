//! Property tests: no panics, idempotence, clean text untouched, change
//! lists consistent with the output, normalization equal to the oracle.

#![allow(clippy::cast_possible_wrap)] // test strings are short

use std::borrow::Cow;

use polynorm_repair::{Hygiene, HygieneOptions, LineSeparatorMode, NormalizationForm, Repaired};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

/// Pieces that exercise every rule and their interactions.
const PIECES: &[&str] = &[
    "a",
    "e",
    "l",
    "t",
    "m",
    "p",
    "x",
    "1",
    " ",
    ";",
    "#",
    "&",
    "é",
    "ж",
    "Ω",
    "ب",
    "ی",
    "क",
    "\u{94D}",
    "ᠠ",
    "한",
    "\u{1100}",
    "\u{1161}",
    "\u{11A8}",
    "ﬁ",
    "①",
    "Ａ",
    "＆",
    "；",
    "\u{37E}",
    "\u{2126}",
    "\u{212B}",
    "\u{F900}",
    "\u{301}",
    "\u{323}",
    "\u{308}",
    "\u{34F}",
    "\u{FE0F}",
    "\u{E0100}",
    "\0",
    "\u{1B}",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "\u{B}",
    "\u{C}",
    "\u{7F}",
    "\u{85}",
    "\u{9B}",
    "\u{A0}",
    "\u{AD}",
    "\u{FEFF}",
    "\u{200B}",
    "\u{200C}",
    "\u{200D}",
    "\u{200E}",
    "\u{200F}",
    "\u{61C}",
    "\u{2060}",
    "\u{2062}",
    "\u{2028}",
    "\u{2029}",
    "\u{202A}",
    "\u{202E}",
    "\u{2066}",
    "\u{2069}",
    "\u{1680}",
    "\u{2000}",
    "\u{2009}",
    "\u{202F}",
    "\u{3000}",
    "\u{3164}",
    "\u{FFA0}",
    "\u{115F}",
    "\u{1160}",
    "\u{180E}",
    "\u{E0001}",
    "\u{E0067}",
    "\u{E007F}",
    "\u{1F3F4}",
    "\u{1F3FB}",
    "\u{1F469}",
    "\u{2764}",
    "‘",
    "’",
    "“",
    "„",
    "&amp;",
    "&lt;",
    "&#",
    "&#x",
    "&#38;",
    "&#59;",
    "&nbsp;",
    "lt;",
    "amp;",
    "#6",
    "0;",
    "&NewLine;",
    "&#10;",
    "&#8203;",
    "&#769;",
    "&semi;",
    "&fjlig;",
    "&#xFF06;",
];

fn special_string() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..32).prop_map(|p| p.concat())
}

/// Arbitrary strings, and strings built from the special pieces.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), special_string()]
}

fn form() -> impl Strategy<Value = Option<NormalizationForm>> {
    prop_oneof![
        Just(None),
        Just(Some(NormalizationForm::Nfc)),
        Just(Some(NormalizationForm::Nfd)),
        Just(Some(NormalizationForm::Nfkc)),
        Just(Some(NormalizationForm::Nfkd)),
    ]
}

fn any_options() -> impl Strategy<Value = HygieneOptions> {
    (
        form(),
        prop::array::uniform9(any::<bool>()),
        prop_oneof![
            Just(LineSeparatorMode::Space),
            Just(LineSeparatorMode::Newline),
            Just(LineSeparatorMode::Keep),
        ],
    )
        .prop_map(|(normalization, b, line_separators)| HygieneOptions {
            normalization,
            controls: b[0],
            bom: b[1],
            soft_hyphens: b[2],
            zero_width: b[3],
            bidi_controls: b[4],
            spaces: b[5],
            line_separators,
            html_entities: b[6],
            fullwidth: b[7],
            quotes: b[8],
        })
}

/// Letters, digits and spaces of several scripts, in NFC.
fn clean_text() -> impl Strategy<Value = String> {
    let ranges = prop_oneof![
        prop::char::range('a', 'z'),
        prop::char::range('A', 'Z'),
        prop::char::range('0', '9'),
        Just(' '),
        prop::char::range('À', 'Ö'),
        prop::char::range('ø', 'ÿ'),
        prop::char::range('А', 'я'),
        prop::char::range('α', 'ω'),
        prop::char::range('\u{5D0}', '\u{5EA}'),
        prop::char::range('\u{627}', '\u{63A}'),
        prop::char::range('\u{915}', '\u{939}'),
        prop::char::range('\u{E01}', '\u{E2E}'),
        prop::char::range('\u{4E00}', '\u{9FA5}'),
        prop::char::range('\u{AC00}', '\u{D7A3}'),
        prop::char::range('\u{3041}', '\u{3096}'),
    ];
    prop::collection::vec(ranges, 0..60)
        .prop_map(|cs| cs.into_iter().collect::<String>().nfc().collect())
}

/// Checks the change list against input and output.
fn check_changes(input: &str, r: &Repaired<'_>) -> Result<(), TestCaseError> {
    let mut prev_start = 0;
    for c in &r.changes {
        prop_assert!(c.start <= c.end && c.end <= input.len(), "span {c:?}");
        prop_assert!(
            c.start >= prev_start,
            "changes out of order: {:?}",
            r.changes
        );
        prop_assert!(input.is_char_boundary(c.start) && input.is_char_boundary(c.end));
        prop_assert_ne!(&c.before, &c.after);
        prop_assert!(!c.evidence.is_empty());
        prev_start = c.start;
        let touched = r
            .changes
            .iter()
            .any(|o| !std::ptr::eq(o, c) && o.start < c.end && c.start < o.end);
        if !touched {
            prop_assert_eq!(Some(c.before.as_str()), input.get(c.start..c.end));
        }
    }
    // The widest changes are disjoint; outside them the text is unchanged.
    let growth = |c: &polynorm_repair::Change| c.after.len() as isize - c.before.len() as isize;
    let mut regions: Vec<(usize, usize, isize)> = Vec::new(); // start, end, growth
    for c in &r.changes {
        match regions.last_mut() {
            Some(last) if c.start < last.1 => {
                prop_assert!(
                    c.end <= last.1,
                    "change straddles a wider one: {:?}",
                    r.changes
                );
                last.2 += growth(c);
            }
            _ => regions.push((c.start, c.end, growth(c))),
        }
    }
    let total: isize = regions.iter().map(|r| r.2).sum();
    prop_assert_eq!(r.text.len() as isize, input.len() as isize + total);
    let mut shift = 0isize;
    let mut from = 0;
    for &(start, end, g) in &regions {
        let out = |p: usize| usize::try_from(p as isize + shift).unwrap();
        prop_assert_eq!(input.get(from..start), r.text.get(out(from)..out(start)));
        shift += g;
        from = end;
    }
    let out_from = usize::try_from(from as isize + shift).unwrap();
    prop_assert_eq!(input.get(from..), r.text.get(out_from..));
    Ok(())
}

fn idempotent(h: &Hygiene, input: &str) -> Result<(), TestCaseError> {
    let once = h.apply(input);
    let twice = h.apply(&once.text);
    prop_assert!(
        matches!(twice.text, Cow::Borrowed(_)) && twice.changes.is_empty(),
        "{:?} -> {:?} -> {:?} ({:?})",
        input,
        once.text,
        twice.text,
        twice.changes
    );
    Ok(())
}

use polynorm_testkit::proptest_cases as cases;

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(512), ..ProptestConfig::default() })]

    #[test]
    fn never_panics(text in any_text(), options in any_options()) {
        let r = Hygiene::new(options).apply(&text);
        prop_assert_eq!(matches!(r.text, Cow::Borrowed(_)), r.changes.is_empty());
    }

    #[test]
    fn idempotent_with_defaults(text in any_text()) {
        idempotent(&Hygiene::default(), &text)?;
    }

    #[test]
    fn idempotent_with_all_options(text in any_text()) {
        idempotent(&Hygiene::new(HygieneOptions::all()), &text)?;
    }

    #[test]
    fn idempotent_with_any_options(text in special_string(), options in any_options()) {
        idempotent(&Hygiene::new(options), &text)?;
    }

    #[test]
    fn changes_are_consistent(text in any_text(), options in any_options()) {
        let r = Hygiene::new(options).apply(&text);
        check_changes(&text, &r)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(256), ..ProptestConfig::default() })]

    #[test]
    fn clean_text_is_borrowed(text in clean_text()) {
        for options in [HygieneOptions::default(), HygieneOptions::all()] {
            let r = Hygiene::new(options).apply(&text);
            prop_assert!(matches!(r.text, Cow::Borrowed(_)), "{:?} -> {:?}", text, r.changes);
        }
    }

    #[test]
    fn normalization_matches_the_oracle(text in any_text(), form in form()) {
        let options = HygieneOptions { normalization: form, ..HygieneOptions::none() };
        let r = Hygiene::new(options).apply(&text);
        let expect: String = match form {
            None => text.clone(),
            Some(NormalizationForm::Nfc) => text.nfc().collect(),
            Some(NormalizationForm::Nfd) => text.nfd().collect(),
            Some(NormalizationForm::Nfkc) => text.nfkc().collect(),
            Some(NormalizationForm::Nfkd) => text.nfkd().collect(),
        };
        prop_assert_eq!(r.text.as_ref(), expect.as_str());
        check_changes(&text, &r)?;
    }
}
