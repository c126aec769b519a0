//! polynorm for Python: the native module `polynorm._native`, wrapped by
//! the `polynorm` package in `python/polynorm/` (see the root README's
//! "Python and Spark" section).
//!
//! Every function takes a `str`, a list of `str` (and `None`) or an Arrow
//! string array, and gives back the same shape; the work is the very code
//! the `polynorm` command runs, through `polynorm-pipeline`. Configuration
//! errors are Python exceptions carrying the command's messages.
//!
//! Like the binary, this crate is a leaf: nothing depends on it.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

mod arrow;
pub mod core;
mod module;
mod names;
mod values;
