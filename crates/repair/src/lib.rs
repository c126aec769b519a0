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

mod chars;
mod context;
mod edit;
mod entities;
mod escapes;
mod hygiene;
mod mixed;
mod mojibake;
mod names;
mod normalize;
mod options;
mod repaired;
mod scan;
mod tables;
mod word_table;

// `polynorm_testkit::proptest_cases`, for the property tests of the modules.
#[cfg(test)]
pub(crate) use polynorm_testkit::proptest_cases;

pub use escapes::decode_escapes;
pub use hygiene::Hygiene;
pub use mixed::{forget_memos, DocumentContext, MixedScript, MixedScriptOptions, MAX_REVIEW_BYTES};
pub use mojibake::{CodePage, Mojibake, MojibakeOptions};
pub use options::{Error, HygieneOptions, LineSeparatorMode, NormalizationForm};
pub use repaired::{Change, ChangeKind, Repaired};

/// The Unicode version of this crate's rules and tables.
///
/// Script data comes from `polynorm-script` (Unicode 17.0.0); normalization
/// data from the `unicode-normalization` crate.
pub const UNICODE_VERSION: (u8, u8, u8) = (17, 0, 0);

/// Cleans `text` with the default [`HygieneOptions`]: NFC, controls, BOM,
/// soft hyphens, invisible characters, bidi controls, exotic spaces and line
/// separators. Borrows `text` when nothing changes.
///
/// ```
/// let r = polynorm_repair::clean("Zu\u{00AD}rich\u{200B}");
/// assert_eq!(r.text, "Zurich");
/// assert_eq!(r.changes.len(), 2);
/// ```
pub fn clean(text: &str) -> Repaired<'_> {
    Hygiene::default().apply(text)
}
