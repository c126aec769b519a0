//! The `serde` feature: the JSON shapes the CLI prints.

use polynorm_script::{
    analyze, detect_language, runs, script_counts, tokens, RestrictionLevel, Script, ScriptSet,
};
use serde_json::{json, to_value};

#[test]
fn script_is_its_long_name() {
    assert_eq!(to_value(Script::Latin).unwrap(), json!("Latin"));
    assert_eq!(to_value(Script::OldItalic).unwrap(), json!("Old_Italic"));
}

#[test]
fn script_set_is_a_list_or_all() {
    let set: ScriptSet = [Script::Latin, Script::Cyrillic].into_iter().collect();
    assert_eq!(to_value(set).unwrap(), json!(["Cyrillic", "Latin"]));
    assert_eq!(to_value(ScriptSet::ALL).unwrap(), json!("All"));
    assert_eq!(to_value(ScriptSet::EMPTY).unwrap(), json!([]));
}

#[test]
fn restriction_level_is_snake_case() {
    assert_eq!(
        to_value(RestrictionLevel::SingleScript).unwrap(),
        json!("single_script")
    );
    assert_eq!(to_value(RestrictionLevel::Ascii).unwrap(), json!("ascii"));
    for level in RestrictionLevel::ALL {
        assert_eq!(to_value(level).unwrap(), json!(level.as_str()));
    }
}

#[test]
fn language_guess_shape() {
    let guess =
        detect_language("Общественный договор Debian — это утверждение обязательств.").unwrap();
    let value = to_value(guess).unwrap();
    assert_eq!(value["lang"], json!("rus"));
    assert_eq!(value["name"], json!("Russian"));
    assert!(value["confidence"].is_f64());
    assert!(value["reliable"].is_boolean());
    assert_eq!(value.as_object().unwrap().len(), 4);
}

#[test]
fn run_and_token_fields() {
    let run = runs("Sergeн").nth(1).unwrap();
    assert_eq!(
        to_value(run).unwrap(),
        json!({"start": 5, "end": 7, "script": "Cyrillic"})
    );
    let token = tokens("Sergeн").next().unwrap();
    assert_eq!(
        to_value(token).unwrap(),
        json!({"start": 0, "end": 7, "text": "Sergeн", "scripts": [], "restriction": "minimally_restrictive"})
    );
}

#[test]
fn analysis_and_counts() {
    let value = to_value(analyze("Li said Сергей")).unwrap();
    assert_eq!(
        value["runs"][1],
        json!({"start": 8, "end": 20, "script": "Cyrillic", "text": "Сергей", "language": null})
    );
    assert_eq!(value["tokens"].as_array().unwrap().len(), 3);
    assert_eq!(value["dominant_script"], json!("Cyrillic"));
    assert_eq!(
        to_value(script_counts("aж")).unwrap(),
        json!({"Cyrillic": 1, "Latin": 1})
    );
}
