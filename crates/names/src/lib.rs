#![doc = "polynorm-names (README to come)"]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

mod error;
mod fold;
mod lexicon;
mod matcher;
mod parse;
mod romanize;
mod tables;

pub use error::Error;
pub use lexicon::Gender;
pub use matcher::{
    AlignedPart, Decision, Explanation, MatchOptions, MatchResult, Matcher, Role, Rule, Verdict,
};
pub use parse::{Culture, NameOrder, NamePart, OrderCue, ParsedName, Parser, ParserOptions};
pub use romanize::{Romanization, Source};
