//! A real scraped article (`fixtures/news/`) in which one name was typed with
//! the wrong keyboard layout halfway through.

use polynorm_script::{analyze, dominant_script, tokens, RestrictionLevel, Script};

const ARTICLE: &str = include_str!("../../../../fixtures/news/shoigu-li-shangfu.txt");

#[test]
fn only_the_broken_name_is_mixed_script() {
    let mixed: Vec<&str> = tokens(ARTICLE)
        .filter(|t| t.scripts.is_empty())
        .map(|t| t.text)
        .collect();
    assert_eq!(mixed, ["Sergeн"]);
    let token = tokens(ARTICLE).find(|t| t.text == "Sergeн").unwrap();
    assert_eq!(token.restriction, RestrictionLevel::MinimallyRestrictive);
    assert_eq!(&ARTICLE[token.start..token.end], "Sergeн");
}

#[test]
fn article_is_latin_and_english() {
    assert_eq!(dominant_script(ARTICLE), Some(Script::Latin));
    let analysis = analyze(ARTICLE);
    assert_eq!(analysis.language.map(|l| l.code()), Some("eng"));
    assert!(analysis.language.is_some_and(|l| l.is_reliable()));
    let cyrillic: Vec<&str> = analysis
        .runs
        .iter()
        .filter(|r| r.script == Script::Cyrillic)
        .map(|r| r.text)
        .collect();
    assert_eq!(cyrillic, ["н "]);
}
