//! Generated tables of this crate, one module per table family. Do not edit
//! them by hand; each file's header names the command that writes it.

#[rustfmt::skip]
pub(crate) mod html_entities;
