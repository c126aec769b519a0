//! Guards the mixed-script evaluation numbers reported in EVALUATION.md:
//! a change that makes polynorm repair less, or damage clean text more,
//! fails here. The floors sit just under the measured values.

#[path = "../eval/mixed_script.rs"]
mod eval;

use std::path::Path;

use polynorm_pipeline::Pipeline;

/// Scores the set `name` and checks it against its floors: (channel,
/// recall floor, precision floor), at most [`FLOOR_FALSE_PER_20K`] false
/// changes per 20,000 clean tokens, and at least the given numbers of clean
/// sentences and tokens (so a truncated set cannot pass).
fn hold_to_floors(
    name: &str,
    floors: &[(&str, f64, f64)],
    min_clean_records: u64,
    min_clean_tokens: u64,
) {
    let dir = eval::set_dir(name).expect("known set");
    let report = eval::run(&dir, &Pipeline::default());
    let clean = &report.by_channel["clean"];
    let false_per_20k = 20_000.0 * clean.wrong_tokens as f64 / clean.tokens as f64;
    assert!(
        clean.records >= min_clean_records && clean.tokens > min_clean_tokens,
        "{name}: {} clean sentences, {} tokens",
        clean.records,
        clean.tokens
    );
    assert!(
        false_per_20k <= FLOOR_FALSE_PER_20K,
        "{name}: false changes per 20k tokens: {false_per_20k:.2}\n{report}"
    );
    assert_eq!(
        report.by_channel.len(),
        floors.len() + 1,
        "{name}: channels"
    );
    for (channel, min_recall, min_precision) in floors {
        let c = &report.by_channel[*channel];
        assert!(
            c.recall() >= *min_recall && c.precision() >= *min_precision,
            "{name} {channel}: recall {:.3} (floor {min_recall}), precision {:.3} (floor {min_precision})\n{report}",
            c.recall(),
            c.precision()
        );
    }
}

#[test]
fn mixed_script_repair_quality() {
    hold_to_floors("dev", FLOORS, 3_000, 45_000);
}

/// The held-out split (`fixtures/eval/mixed-script-heldout/`): rules are
/// tuned on the dev set only, this one measures how well they carry over.
/// A failure here means a change lost ground on text nobody tuned for; do
/// not fix it by reading the held-out failures and writing rules for them.
#[test]
fn mixed_script_heldout_quality() {
    hold_to_floors("heldout", HELDOUT_FLOORS, 1_200, 20_000);
}

/// (channel, recall floor, precision floor): the run of 2026-11-29
/// (EVALUATION.md) less a little slack. Raise them as the judge improves.
const FLOORS: &[(&str, f64, f64)] = &[
    ("homoglyph", 0.985, 0.995),
    ("homoglyph-word", 0.97, 0.995),
    ("layout-inword", 0.92, 0.995),
    ("layout-word", 0.91, 0.995),
    ("layout-line", 0.955, 0.995),
];
/// The same for the held-out split, measured at the commit EVALUATION.md
/// names, less one to four records of recall; precision held to the issue's
/// 99.5% where it was measured at or above it, else just under the measure.
const HELDOUT_FLOORS: &[(&str, f64, f64)] = &[
    ("homoglyph", 0.975, 0.995),
    ("homoglyph-word", 0.92, 0.995),
    ("layout-inword", 0.91, 0.995),
    ("layout-word", 0.89, 0.995),
    ("layout-line", 0.945, 0.995),
];
/// The bound: at most one false change per 20,000 clean tokens.
const FLOOR_FALSE_PER_20K: f64 = 1.0;

/// The benchmark corpora (`fixtures/bench/`, about 1 MB of real text in 21
/// languages, technical vocabulary included) are clean: the default
/// pipeline must not change a single line, judging each line alone or the
/// whole file as one document.
#[test]
fn clean_real_text_is_left_alone() {
    let pipeline = Pipeline::default();
    let mut tokens = 0usize;
    for name in ["en", "ru", "zh", "mixed"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../fixtures/bench")
            .join(format!("{name}.txt"));
        let text = std::fs::read_to_string(&path).expect("corpus");
        let lines: Vec<&str> = text.lines().collect();
        tokens += text.split_whitespace().count();
        for line in &lines {
            let r = pipeline.clean(line);
            assert!(!r.is_changed(), "{name}: {line}\n{:?}", r.changes);
        }
        for r in pipeline.clean_document(lines.iter().copied()) {
            assert!(!r.is_changed(), "{name} as one document: {:?}", r.changes);
        }
    }
    assert!(tokens > 80_000, "{tokens} tokens");
}
