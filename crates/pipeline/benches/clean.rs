//! `clean` throughput per corpus, beside the floor (a memcpy of the same
//! lines) and plain NFC by `unicode-normalization` and by ICU4X's
//! `icu_normalizer`. Corpora: `fixtures/bench/` (see its README).
//!
//! Run: `cargo bench -p polynorm-pipeline --bench clean`.
//!
//! The `-cold` variants forget the mixed-script judge's memos before each
//! pass: the others clean the same lines over and over, so most of the
//! judge's verdicts are remembered from the previous pass, which a corpus
//! never seen before does not enjoy.

use std::borrow::Cow;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use polynorm_pipeline::{Pipeline, Rule};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// (name, file, whether every line is already clean)
const CORPORA: [(&str, &str, bool); 5] = [
    ("en", "en.txt", true),
    ("ru", "ru.txt", true),
    ("zh", "zh.txt", true),
    ("mixed", "mixed.txt", true),
    ("dirty", "dirty.txt", false),
];

fn corpus(file: &str) -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/bench/").to_owned() + file;
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn nfc_unicode_normalization(line: &str) -> Cow<'_, str> {
    if is_nfc_quick(line.chars()) == IsNormalized::Yes {
        Cow::Borrowed(line)
    } else {
        let nfc: String = line.nfc().collect();
        if nfc == line {
            Cow::Borrowed(line)
        } else {
            Cow::Owned(nfc)
        }
    }
}

fn bench(c: &mut Criterion) {
    let full = Pipeline::default();
    let hygiene_only = Pipeline::builder()
        .disable(Rule::Homoglyphs)
        .disable(Rule::KeyboardLayouts)
        .build();
    let no_nfc = Pipeline::builder()
        .disable(Rule::Normalization)
        .disable(Rule::Homoglyphs)
        .disable(Rule::KeyboardLayouts)
        .build();
    // The default without mojibake detection: what issue 6's "within 20%
    // of the path without mojibake detection" compares `clean` against.
    let no_mojibake = Pipeline::builder().disable(Rule::Mojibake).build();
    let icu = icu_normalizer::ComposingNormalizerBorrowed::new_nfc();

    for (name, file, all_clean) in CORPORA {
        let text = corpus(file);
        let lines: Vec<&str> = text.lines().collect();

        // The answers the timings stand for.
        for line in &lines {
            let r = full.clean(line);
            assert!(
                !(all_clean && r.is_changed()),
                "{name}: a clean line was changed: {line}\n{:?}",
                r.changes
            );
        }
        let changed = lines.iter().filter(|l| full.clean(l).is_changed()).count();
        // How many lines reach the mixed-script judge: the cost BENCHMARKS.md explains.
        let reviewed = lines.iter().filter(|l| full.needs_review(l)).count();
        #[allow(
            clippy::print_stdout,
            reason = "the benchmark reports what it measures"
        )]
        {
            println!(
                "{name}: {} lines, {reviewed} reach the mixed-script judge",
                lines.len()
            );
        }
        let borrowed = lines
            .iter()
            .filter(|l| matches!(full.clean(l).text, Cow::Borrowed(_)))
            .count();
        if all_clean {
            assert_eq!(changed, 0, "{name}: a clean corpus line was changed");
            assert_eq!(
                borrowed,
                lines.len(),
                "{name}: clean lines must come back borrowed"
            );
        } else {
            assert!(changed > 0, "{name}: the dirty corpus must need cleaning");
        }
        for line in &lines {
            assert_eq!(nfc_unicode_normalization(line), icu.normalize(line));
        }

        let mut group = c.benchmark_group(format!("clean/{name}"));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function("memcpy", |b| {
            let mut buf = Vec::with_capacity(text.len());
            b.iter(|| {
                buf.clear();
                for line in &lines {
                    buf.extend_from_slice(black_box(line.as_bytes()));
                }
                black_box(buf.len())
            });
        });
        group.bench_function("nfc/unicode-normalization", |b| {
            b.iter(|| {
                lines
                    .iter()
                    .map(|l| nfc_unicode_normalization(black_box(l)).len())
                    .sum::<usize>()
            });
        });
        group.bench_function("nfc/icu_normalizer", |b| {
            b.iter(|| {
                lines
                    .iter()
                    .map(|l| icu.normalize(black_box(l)).len())
                    .sum::<usize>()
            });
        });
        for (id, pipeline) in [
            ("polynorm/hygiene-without-nfc", &no_nfc),
            ("polynorm/hygiene", &hygiene_only),
            ("polynorm/clean", &full),
            ("polynorm/clean-without-mojibake", &no_mojibake),
        ] {
            group.bench_function(id, |b| {
                b.iter(|| {
                    lines
                        .iter()
                        .map(|l| pipeline.clean(black_box(l)).text.len())
                        .sum::<usize>()
                });
            });
        }
        // The same on a corpus never seen before: the judge's per-thread
        // memos forgotten before each pass (untimed), so that words repeated
        // within the corpus still hit them but nothing is remembered from
        // the previous pass; their tables keep their room, as a long run's
        // do once grown (`forget_memos`). Hygiene keeps no memo.
        for (id, pipeline) in [
            ("polynorm/clean-cold", &full),
            ("polynorm/clean-without-mojibake-cold", &no_mojibake),
        ] {
            group.bench_function(id, |b| {
                b.iter_batched(
                    polynorm_pipeline::repair::forget_memos,
                    |()| {
                        lines
                            .iter()
                            .map(|l| pipeline.clean(black_box(l)).text.len())
                            .sum::<usize>()
                    },
                    BatchSize::PerIteration,
                );
            });
        }
        // What the command does: the corpus as one document (its windows).
        group.bench_function("polynorm/clean-document", |b| {
            b.iter(|| {
                full.clean_document(lines.iter().copied())
                    .iter()
                    .map(|r| r.text.len())
                    .sum::<usize>()
            });
        });
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(std::time::Duration::from_millis(500))
        .measurement_time(std::time::Duration::from_secs(2));
    targets = bench
}
criterion_main!(benches);
