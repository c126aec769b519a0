//! Inputs the fuzz targets once failed on (`fixtures/fuzz/`), checked the
//! way `fuzz/fuzz_targets/clean.rs` checks them: `clean` never panics, its
//! spans lie on char boundaries of the input, and it is idempotent.

use std::path::Path;

use polynorm_pipeline::{Pipeline, Rule};

/// The pipeline the fuzz target builds from its control byte.
fn pipeline(flags: u8) -> Pipeline {
    let mut builder = Pipeline::builder();
    for (i, rule) in Rule::ALL.into_iter().enumerate() {
        if i >= 8 && flags & (1 << (i - 8)) != 0 {
            builder = builder.enable(rule);
        }
    }
    builder.build()
}

#[test]
fn clean_inputs_found_by_fuzzing() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/fuzz/clean");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        let (&flags, rest) = data.split_first().unwrap();
        let text = std::str::from_utf8(rest).unwrap();
        for pipeline in [pipeline(flags), Pipeline::default()] {
            let once = pipeline.clean(text);
            for change in &once.changes {
                assert!(change.start <= change.end && change.end <= text.len());
                assert!(text.is_char_boundary(change.start) && text.is_char_boundary(change.end));
            }
            let twice = pipeline.clean(&once.text);
            assert_eq!(
                once.text,
                twice.text,
                "{}: clean is not idempotent",
                path.display()
            );
        }
        checked += 1;
    }
    assert!(checked > 0, "no inputs in {}", dir.display());
}
