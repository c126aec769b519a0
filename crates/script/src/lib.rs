#![doc = include_str!("../README.md")]
//!
//! # Data
//!
//! Unicode 17.0.0 ([`UNICODE_VERSION`]): Scripts.txt, ScriptExtensions.txt and
//! PropertyValueAliases.txt from the UCD, IdentifierStatus.txt from the UTS #39
//! security data, vendored unchanged in `data/unicode/17.0.0/` and compiled
//! into `src/tables/` by `polynorm-gen` (`cargo run -p polynorm-gen -- all`).
//! Word segmentation is `unicode-segmentation`'s; language detection is
//! whatlang's.
//!
//! # Principle of operation
//!
//! Everything is a lookup: [`script`] and [`script_extensions`] binary-search
//! sorted range tables (ASCII is a branch), and a [`ScriptSet`] is a
//! fixed-size bitset, so the UTS #39 set operations are a few word ANDs.
//! [`runs`] and [`tokens`] are lazy iterators that allocate nothing; only
//! [`analyze`] and language detection allocate.
//!
//! # Known limitations
//!
//! - Script runs do not pair brackets as full UAX #24 run resolution does, and
//!   a Common character always joins the run before it.
//! - [`restriction_level`] applies the General Security Profile (any space or
//!   punctuation other than `' - . : _` and a few others makes a string
//!   `Unrestricted`); use it on tokens, not on sentences.
//! - Language guesses on short runs are rarely reliable; [`analyze`] does not
//!   ask below [`RUN_LANGUAGE_MIN_LETTERS`] letters.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

mod alphabetic;
mod analysis;
mod char_props;
mod counts;
mod language;
mod mixed;
mod run;
mod set;
mod tables;
mod token;

pub use alphabetic::is_alphabetic;
pub use analysis::{analyze, Analysis, RunInfo, RUN_LANGUAGE_MIN_LETTERS};
pub use char_props::{script, script_extensions};
pub use counts::{dominant_script, script_counts, ScriptCounts, ScriptCountsIter};
pub use language::{detect_language, detect_language_among, LanguageGuess};
pub use mixed::{
    augmented_script_set, is_identifier_allowed, is_single_script, resolved_script_set,
    restriction_level, RestrictionLevel,
};
pub use run::{runs, Run, Runs};
pub use set::{ScriptSet, ScriptSetIter};
pub use tables::script_values::Script;
pub use token::{tokens, Token, Tokens};
pub use whatlang::Lang;

/// The Unicode version of the script and identifier tables.
pub const UNICODE_VERSION: (u8, u8, u8) = (17, 0, 0);
