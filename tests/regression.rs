//! Regression tests, named after the issue that asked for the behaviour.

use crate::util::{fixture, run, stdout};

/// Issue 2: the seed article has no hygiene damage, so hygiene leaves it
/// byte for byte as it was (its curly quotes included: quote straightening
/// is off by default).
#[test]
fn issue_2_seed_article_is_left_alone_by_hygiene() {
    let seed = std::fs::read(fixture("news/shoigu-li-shangfu.txt")).expect("seed");
    let out = run(&["clean"], &seed);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out).as_bytes(), &seed[..]);
}
