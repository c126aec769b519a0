#![doc = include_str!("../README.md")]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

mod cluster;
mod error;
mod fold;
mod gazetteer;
mod lexicon;
mod matcher;
mod mentions;
mod parse;
mod registry;
mod romanize;
mod sim;
mod tables;

pub use cluster::{CanonicalScript, Cluster, ClusterOptions, Clusterer, Clustering};
pub use error::Error;
pub use gazetteer::{Gazetteer, GazetteerEntry};
pub use lexicon::Gender;
pub use matcher::{
    AlignedPart, Decision, Explanation, MatchOptions, MatchResult, Matcher, Role, Rule, Verdict,
};
pub use mentions::{mentions, DocumentPeople, Evidence, Mention, MentionFinder, Person};
pub use parse::{Culture, NameOrder, NamePart, OrderCue, ParsedName, Parser, ParserOptions};
pub use registry::{Entity, Registry, Resolution};
pub use romanize::{Romanization, Source};
