//! Regression tests named after their issue.

use polynorm_names::{mentions, Evidence};

/// Issue 5 (person names), "Done when": the seed article resolves to exactly
/// four people: Sergey Shoigu (all seven mentions, the keyboard-layout slip
/// `Sergeн` and the bare surnames included), Vladimir Putin, Li Shangfu
/// (with the bare `Li`s) and Xi Jinping.
#[test]
fn issue_5_seed_article_has_exactly_four_people() {
    let text = include_str!("../../../fixtures/news/shoigu-li-shangfu.txt");
    let doc = mentions(text);
    let people: Vec<(&str, Vec<&str>)> = doc
        .people
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.mentions
                    .iter()
                    .map(|&i| doc.mentions[i].text.as_str())
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        people,
        [
            (
                "Li Shangfu",
                vec![
                    "Li Shangfu",
                    "Li",
                    "Li Shangfu",
                    "Li",
                    "Li",
                    "Li Shangfu",
                    "Li Shangfu"
                ]
            ),
            (
                "Sergey Shoigu",
                vec![
                    "Sergeн Shoigu",
                    "Sergey Shoigu",
                    "Sergey Shoigu",
                    "Shoigu",
                    "Shoigu",
                    "Shoigu",
                    "Sergey Shoigu"
                ]
            ),
            (
                "Vladimir Putin",
                vec![
                    "Vladimir Putin",
                    "Vladimir Vladimirovich Putin",
                    "Vladimir Putin",
                    "Putin"
                ]
            ),
            ("Xi Jinping", vec!["Xi Jinping", "Xi Jinping", "Xi"]),
        ]
    );
    // Every mention is linked, titles are kept apart, spans point into the text.
    assert!(doc.mentions.iter().all(|m| m.person.is_some()));
    for m in &doc.mentions {
        assert_eq!(&text[m.start..m.end], m.text);
    }
    let slip = doc
        .mentions
        .iter()
        .find(|m| m.text == "Sergeн Shoigu")
        .unwrap();
    assert_eq!(slip.titles, ["Russian Defense Minister"]);
    assert_eq!(slip.name.romanized(), "Sergey Shoigu");
    assert_eq!(slip.evidence, Evidence::Title);
}
