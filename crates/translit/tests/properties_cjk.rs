//! Property tests of the non-Cyrillic schemes (`el-elot743`, `el-iso843`,
//! `zh-pinyin`, `ja-hepburn`, `ja-hepburn-passport`, `ko-rr`, `any-ascii`):
//! no input panics, the output keeps no letter of the source script, text
//! without the source script comes back borrowed, NFD input gives the same
//! letters as NFC, ALL-CAPS Greek gives the capitals of Title-case Greek;
//! and the pinyin name mode is scored on `fixtures/eval/names/zh-pinyin.tsv`.

use std::borrow::Cow;

use polynorm_translit::{Mode, Options, Scheme};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization as _;

const SCHEMES: [&str; 7] = [
    "el-elot743",
    "el-iso843",
    "zh-pinyin",
    "ja-hepburn",
    "ja-hepburn-passport",
    "ko-rr",
    "any-ascii",
];

fn scheme(name: &str) -> Scheme {
    Scheme::from_name(name).unwrap()
}

fn all_options() -> [Options; 4] {
    [
        Options::new(),
        Options::new().tones(true),
        Options::new().mode(Mode::Name),
        Options::new().mode(Mode::Name).tones(true),
    ]
}

fn is_greek_letter(c: char) -> bool {
    matches!(c, '\u{0370}'..='\u{03FF}' | '\u{1F00}'..='\u{1FFF}') && c.is_alphabetic()
}

/// Kana letters (not the long-vowel marks ー and ｰ, which are Common and
/// stay as they are outside kana).
fn is_kana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}' | '\u{FF66}'..='\u{FF6F}' | '\u{FF71}'..='\u{FF9D}')
}

fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3131}'..='\u{318E}')
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

/// Modern Greek letters (both cases, with tonos and dialytika) plus spaces.
fn greek_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            8 => proptest::char::range('α', 'ω'),
            4 => proptest::char::range('Α', 'Ω').prop_filter("no U+03A2", |c| *c != '\u{3A2}'),
            2 => prop::sample::select(vec!['ά', 'έ', 'ή', 'ί', 'ό', 'ύ', 'ώ', 'ϊ', 'ϋ', 'ΐ', 'ΰ', 'Ά', 'Έ', 'Ύ', 'Ϊ']),
            1 => Just(' '),
            1 => Just('.'),
        ],
        0..24,
    )
    .prop_map(|v| v.into_iter().collect())
}

fn kana_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            6 => proptest::char::range('\u{3041}', '\u{3096}'),
            6 => proptest::char::range('\u{30A1}', '\u{30FA}'),
            2 => Just('ー'),
            1 => proptest::char::range('\u{FF66}', '\u{FF9F}'),
            1 => Just(' '),
        ],
        0..24,
    )
    .prop_map(|v| v.into_iter().collect())
}

fn hangul_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            10 => proptest::char::range('\u{AC00}', '\u{D7A3}'),
            1 => proptest::char::range('\u{3131}', '\u{3163}'),
            1 => Just(' '),
        ],
        0..16,
    )
    .prop_map(|v| v.into_iter().collect())
}

fn han_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            10 => proptest::char::range('\u{4E00}', '\u{9FFF}'),
            2 => proptest::char::range('\u{3400}', '\u{4DBF}'),
            1 => Just('，'),
            1 => Just(' '),
            1 => Just('a'),
            1 => Just('7'),
        ],
        0..16,
    )
    .prop_map(|v| v.into_iter().collect())
}

/// Text in none of the scripts these schemes read (ASCII, Latin, Cyrillic).
fn other_text() -> impl Strategy<Value = String> {
    "[ -~àéüßЖжЯяЁё]{0,32}"
}

use polynorm_testkit::proptest_cases as cases;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(128)))]

    #[test]
    fn no_input_panics(s in any::<String>()) {
        for name in SCHEMES {
            for o in all_options() {
                let _ = scheme(name).transliterate_with(&s, &o);
                let _ = scheme(name).reverse(&s, &o);
            }
        }
    }

    #[test]
    fn greek_output_has_no_greek_letters(s in greek_text()) {
        for name in ["el-elot743", "el-iso843"] {
            let out = scheme(name).transliterate(&s);
            prop_assert!(!out.chars().any(is_greek_letter), "{name}: {s:?} -> {out:?}");
        }
    }

    #[test]
    fn kana_output_has_no_kana(s in kana_text()) {
        for name in ["ja-hepburn", "ja-hepburn-passport"] {
            for o in all_options() {
                let out = scheme(name).transliterate_with(&s, &o);
                prop_assert!(!out.chars().any(is_kana), "{name}: {s:?} -> {out:?}");
            }
        }
    }

    #[test]
    fn hangul_output_has_no_hangul(s in hangul_text()) {
        for o in all_options() {
            let out = scheme("ko-rr").transliterate_with(&s, &o);
            prop_assert!(!out.chars().any(is_hangul), "{s:?} -> {out:?}");
            prop_assert!(out.is_ascii(), "{s:?} -> {out:?}");
        }
    }

    #[test]
    fn han_output_has_no_han(s in han_text()) {
        for o in all_options() {
            let out = scheme("zh-pinyin").transliterate_with(&s, &o);
            prop_assert!(!out.chars().any(is_han), "{s:?} -> {out:?}");
        }
    }

    #[test]
    fn any_ascii_output_is_ascii(s in any::<String>()) {
        let out = scheme("any-ascii").transliterate(&s);
        prop_assert!(out.is_ascii(), "{s:?} -> {out:?}");
    }

    #[test]
    fn text_without_the_source_script_is_borrowed(s in other_text()) {
        for name in SCHEMES {
            if name == "any-ascii" && !s.is_ascii() {
                continue;
            }
            for o in all_options() {
                let out = scheme(name).transliterate_with(&s, &o);
                prop_assert!(matches!(out, Cow::Borrowed(_)), "{name}: {s:?}");
            }
        }
    }

    #[test]
    fn nfd_gives_the_same_letters(
        s in prop_oneof![greek_text(), kana_text(), hangul_text()]
    ) {
        let nfc: String = s.nfc().collect();
        let nfd: String = s.nfd().collect();
        for name in SCHEMES {
            for o in all_options() {
                let a = scheme(name).transliterate_with(&nfc, &o);
                let b = scheme(name).transliterate_with(&nfd, &o);
                let a: String = a.nfc().collect();
                let b: String = b.nfc().collect();
                prop_assert_eq!(a, b, "{} on {:?}", name, s);
            }
        }
    }

    #[test]
    fn greek_all_caps_gives_capitals(s in greek_text()) {
        // Word by word: an all-lower-case word upper-cased gives the
        // upper-cased transcription (digraphs included: θ → th, Θ… → TH…).
        // A one-letter capital word is Title case (Θ. → Th.), not ALL CAPS:
        // double such letters.
        let lower = double_one_letter_words(&s.to_lowercase().replace('ς', "σ"));
        for name in ["el-elot743", "el-iso843"] {
            let caps = scheme(name).transliterate(&lower.to_uppercase()).into_owned();
            let small = scheme(name).transliterate(&lower).to_uppercase();
            prop_assert_eq!(caps.nfc().collect::<String>(), small.nfc().collect::<String>(), "{} on {:?}", name, lower);
        }
    }

    #[test]
    fn iso843_reverse_round_trips_words_without_ps(s in greek_text()) {
        // No σ/ς (πσ reads back as ψ, ς is told from σ by position) and no
        // ΐ ΰ (accent and diaeresis together).
        let lower: String = s
            .to_lowercase()
            .chars()
            .map(|c| match c {
                'σ' | 'ς' => 'τ',
                'ΐ' => 'ί',
                'ΰ' => 'ύ',
                c => c,
            })
            .collect();
        // Keep only the forms ISO 843 writes (monotonic accents on vowels).
        let iso = scheme("el-iso843");
        let latin = iso.transliterate(&lower);
        let back = iso.reverse(&latin, &Options::new()).unwrap();
        let expected: String = lower.nfc().collect();
        prop_assert_eq!(back.nfc().collect::<String>(), expected);
    }
}

/// Writes every one-letter word (run of letters) of `s` twice.
fn double_one_letter_words(s: &str) -> String {
    let mut out = String::new();
    let mut run = String::new();
    for c in s.chars().chain(std::iter::once(' ')) {
        if c.is_alphabetic() {
            run.push(c);
            continue;
        }
        if run.chars().count() == 1 {
            out.push_str(&run);
        }
        out.push_str(&run);
        run.clear();
        out.push(c);
    }
    out.pop();
    out
}

/// Name mode of `zh-pinyin` on real personal names: at least 99% exact.
#[test]
fn pinyin_name_list_is_at_least_99_percent_exact() {
    let text = include_str!("../../../fixtures/eval/names/zh-pinyin.tsv");
    let s = scheme("zh-pinyin");
    let o = Options::new().mode(Mode::Name);
    let mut total = 0;
    let mut exact = 0;
    let mut misses = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let mut fields = line.split('\t');
        let (Some(han), Some(pinyin)) = (fields.next(), fields.next()) else {
            panic!("bad line {line:?}");
        };
        total += 1;
        let got = s.transliterate_with(han, &o);
        if got == pinyin {
            exact += 1;
        } else {
            misses.push(format!("{han}: {got} (expected {pinyin})"));
        }
    }
    assert!(total >= 300, "only {total} names");
    assert!(
        exact * 100 >= total * 99,
        "{exact}/{total} exact; misses: {misses:?}"
    );
}
