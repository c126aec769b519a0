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

/// Cases for a property test whose own count is `own`, scaled by
/// `PROPTEST_CASES` / 256 for a longer local run (`PROPTEST_CASES=2560`
/// runs each ten times its own count); never fewer than `own`, so CI's
/// `PROPTEST_CASES=256` keeps every count. (proptest reads the variable
/// itself only where a test keeps its default count, 256.)
#[cfg(test)]
pub(crate) fn proptest_cases(own: u32) -> u32 {
    let asked = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(256);
    let scaled = u64::from(own) * asked / 256;
    u32::try_from(scaled.max(u64::from(own))).unwrap_or(u32::MAX)
}

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
