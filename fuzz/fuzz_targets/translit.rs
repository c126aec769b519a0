//! Every transliteration scheme, forwards and (where it has one) backwards,
//! in both modes, never panics and borrows its input when it changes
//! nothing.
#![no_main]

use std::borrow::Cow;

use libfuzzer_sys::fuzz_target;
use polynorm_translit::{Mode, Options, Scheme};

fuzz_target!(|data: &[u8]| {
    let Some((&control, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let schemes: Vec<Scheme> = Scheme::all().collect();
    let scheme = schemes[usize::from(control) % schemes.len()];
    let options = Options::new()
        .mode(if control & 0x80 == 0 { Mode::Text } else { Mode::Name })
        .tones(control & 0x40 != 0);
    let out = scheme.transliterate_with(text, &options);
    if let Cow::Owned(changed) = &out {
        assert_ne!(changed, text, "an unchanged text was copied");
    }
    let _ = scheme.reverse(text, &options);
    let _ = scheme.reverse(&out, &options);
});
