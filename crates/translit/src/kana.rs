//! Placeholder: schemes for this script are being written.

use crate::scheme::SchemeDef;

pub(crate) static SCHEMES: &[SchemeDef] = &[];
