//! Runs the comparison case file `fixtures/names/match.toml`.

use polynorm_names::{Decision, Matcher, Rule};

fn decision(s: &str) -> Decision {
    match s {
        "match" => Decision::Match,
        "partial" => Decision::Partial,
        "no_match" => Decision::NoMatch,
        other => panic!("unknown decision {other}"),
    }
}

fn rule(s: &str) -> Rule {
    match s {
        "all_parts_agree" => Rule::AllPartsAgree,
        "less_specific" => Rule::LessSpecific,
        "single_name_agrees" => Rule::SingleNameAgrees,
        "surname_differs" => Rule::SurnameDiffers,
        "given_name_conflict" => Rule::GivenNameConflict,
        "initial_conflict" => Rule::InitialConflict,
        "patronymic_conflict" => Rule::PatronymicConflict,
        "gender_conflict" => Rule::GenderConflict,
        "suffix_conflict" => Rule::SuffixConflict,
        other => panic!("unknown rule {other}"),
    }
}

#[test]
fn match_cases() {
    let text = include_str!("../../../fixtures/names/match.toml");
    let value: toml::Value = toml::from_str(text).unwrap();
    let cases = value["case"].as_array().unwrap();
    assert!(cases.len() >= 20);
    let m = Matcher::default();
    let mut failures = Vec::new();
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let (a, b) = (case["a"].as_str().unwrap(), case["b"].as_str().unwrap());
        let r = m.compare(a, b);
        let want = (
            decision(case["expect"].as_str().unwrap()),
            rule(case["rule"].as_str().unwrap()),
        );
        if (r.decision, r.explanation.rule) != want {
            failures.push(format!(
                "{name}: {a} | {b}: got {:?}, want {want:?}\n{}",
                r.decision, r.explanation
            ));
        }
        // The decision does not depend on the order of the two names.
        assert_eq!(m.compare(b, a).decision, r.decision, "{name} reversed");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
