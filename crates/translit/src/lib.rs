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

mod case;
mod cyrillic;
mod fallback;
mod greek;
mod han;
mod hangul;
mod kana;
mod options;
mod scheme;
mod tables;

pub use options::{Mode, Options};
pub use scheme::{Error, Scheme};

use scheme::SchemeDef;

/// Every scheme, grouped by source script; [`Scheme::all`] walks this in order.
static REGISTRY: &[&[SchemeDef]] = &[
    cyrillic::SCHEMES,
    greek::SCHEMES,
    han::SCHEMES,
    kana::SCHEMES,
    hangul::SCHEMES,
    fallback::SCHEMES,
];
