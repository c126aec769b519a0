//! `clean` never panics, is idempotent, and reports spans that lie on char
//! boundaries of the input, for every rule set.
#![no_main]

use libfuzzer_sys::fuzz_target;
use polynorm_pipeline::{Pipeline, Rule};

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let mut builder = Pipeline::builder();
    for (i, rule) in Rule::ALL.into_iter().enumerate() {
        // The first byte picks which optional rules to add.
        if i >= 8 && flags & (1 << (i - 8)) != 0 {
            builder = builder.enable(rule);
        }
    }
    let pipeline = builder.build();
    let once = pipeline.clean(text);
    for change in &once.changes {
        assert!(change.start <= change.end && change.end <= text.len());
        assert!(text.is_char_boundary(change.start) && text.is_char_boundary(change.end));
    }
    let twice = pipeline.clean(&once.text);
    assert_eq!(once.text, twice.text, "clean is not idempotent");
});
