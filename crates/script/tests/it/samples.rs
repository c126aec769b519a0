//! `fixtures/samples.json`: one real sentence per language, keyed by the
//! ISO 639-3 code whatlang uses; detection must name that language.

use std::collections::BTreeMap;

use polynorm_script::{detect_language, Lang};

const SAMPLES: &str = include_str!("../../../../fixtures/samples.json");

#[test]
fn every_sample_is_detected_as_its_language() {
    let samples: BTreeMap<String, String> =
        serde_json::from_str(SAMPLES).expect("fixtures/samples.json is a JSON object of strings");
    assert!(samples.len() >= 10, "only {} samples", samples.len());
    let mut failures = Vec::new();
    for (code, sentence) in &samples {
        let Some(lang) = Lang::from_code(code) else {
            failures.push(format!("{code}: not a whatlang language code"));
            continue;
        };
        match detect_language(sentence) {
            Some(guess) if guess.lang == lang => {}
            Some(guess) => failures.push(format!("{code}: detected {guess} for {sentence:?}")),
            None => failures.push(format!("{code}: no guess for {sentence:?}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
