//! Property tests: no input makes parsing, matching, mention finding or
//! clustering panic; a full name matches itself; clustering keeps one label
//! per input and puts identical strings together.

use polynorm_names::{mentions, Clusterer, Decision, Matcher, Parser};
use proptest::prelude::*;

fn names() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[A-Za-zА-Яа-яЁё .,'-]{0,30}",
        "[A-Z][a-z]{2,8} [A-Z][a-z]{2,10}",
        "[李王张刘陈习近平尚福강김이정은]{1,4}",
    ]
}

use polynorm_testkit::proptest_cases as cases;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(64)))]

    #[test]
    fn nothing_panics(a in names(), b in names()) {
        let m = Matcher::default();
        let _ = m.compare(&a, &b);
        let _ = Parser::default().parse(&a).romanized();
        let _ = mentions(&format!("{a}. President {b} said."));
    }

    #[test]
    fn a_full_name_matches_itself(a in "[A-Z][a-z]{3,8} [A-Z][a-z]{3,10}") {
        let m = Matcher::default();
        prop_assert_eq!(m.compare(&a, &a).decision, Decision::Match);
    }

    #[test]
    fn clustering_labels_every_input(list in proptest::collection::vec(names(), 0..12)) {
        let c = Clusterer::default().cluster(&list);
        prop_assert_eq!(c.labels.len(), list.len());
        for (i, x) in list.iter().enumerate() {
            for (j, y) in list.iter().enumerate() {
                if x.trim() == y.trim() {
                    prop_assert_eq!(c.labels[i], c.labels[j]);
                }
            }
            prop_assert!(c.labels[i] < c.clusters.len());
        }
    }
}
