//! Mojibake repair throughput: the clean path (the scan that turns clean
//! text away) against hygiene alone on the benchmark corpora, and the repair
//! of real mojibake (the evaluation set's damaged sentences).
//!
//! Goal: the line stages with mojibake detection within 20% of hygiene alone
//! on clean text (the target); see `BENCHMARKS.md`.

use std::borrow::Cow;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use polynorm_repair::{Hygiene, Mojibake};

const CORPORA: [(&str, &str, bool); 5] = [
    ("en", include_str!("../../../fixtures/bench/en.txt"), true),
    ("ru", include_str!("../../../fixtures/bench/ru.txt"), true),
    ("zh", include_str!("../../../fixtures/bench/zh.txt"), true),
    (
        "mixed",
        include_str!("../../../fixtures/bench/mixed.txt"),
        true,
    ),
    (
        "dirty",
        include_str!("../../../fixtures/bench/dirty.txt"),
        false,
    ),
];

const EVAL: [&str; 8] = [
    include_str!("../../../fixtures/eval/mojibake/ru.jsonl"),
    include_str!("../../../fixtures/eval/mojibake/uk.jsonl"),
    include_str!("../../../fixtures/eval/mojibake/bg.jsonl"),
    include_str!("../../../fixtures/eval/mojibake/en.jsonl"),
    include_str!("../../../fixtures/eval/mojibake/de.jsonl"),
    include_str!("../../../fixtures/eval/mojibake/fr.jsonl"),
    include_str!("../../../fixtures/eval/mojibake/tr.jsonl"),
    include_str!("../../../fixtures/eval/mojibake/el.jsonl"),
];

fn clean_corpora(c: &mut Criterion) {
    let stage = Mojibake::default();
    let hygiene = Hygiene::default();
    for (name, text, clean) in CORPORA {
        let lines: Vec<&str> = text.lines().collect();
        if clean {
            // The answer first: clean corpora come back borrowed, unchanged.
            for l in &lines {
                assert!(
                    matches!(stage.apply(l).text, Cow::Borrowed(_)),
                    "{name}: {l}"
                );
            }
        }
        let mut group = c.benchmark_group(format!("mojibake/{name}"));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function("scan", |b| {
            b.iter(|| {
                for l in &lines {
                    black_box(stage.needs_review(black_box(l)));
                }
            });
        });
        group.bench_function("stage", |b| {
            b.iter(|| {
                for l in &lines {
                    black_box(stage.apply(black_box(l)));
                }
            });
        });
        group.bench_function("hygiene", |b| {
            b.iter(|| {
                for l in &lines {
                    black_box(hygiene.apply(black_box(l)));
                }
            });
        });
        group.bench_function("mojibake+hygiene", |b| {
            b.iter(|| {
                for l in &lines {
                    black_box(stage.apply(black_box(l)).and_then(|t| hygiene.apply(t)));
                }
            });
        });
        group.finish();
    }
}

/// The damaged sentences of the evaluation set: the repair itself.
fn repair(c: &mut Criterion) {
    let stage = Mojibake::default();
    let inputs: Vec<String> = EVAL
        .iter()
        .flat_map(|file| file.lines())
        .filter(|l| l.contains("\"channel\":\"utf8\"") && l.contains("\"level\":1"))
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["input"].as_str().map(str::to_owned))
        .collect();
    let bytes: usize = inputs.iter().map(String::len).sum();
    // The answer first: every sentence is changed.
    for l in &inputs {
        assert!(stage.apply(l).is_changed(), "{l}");
    }
    let mut group = c.benchmark_group("mojibake/repair-utf8-x1");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("stage", |b| {
        b.iter(|| {
            for l in &inputs {
                black_box(stage.apply(black_box(l)));
            }
        });
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = clean_corpora, repair
}
criterion_main!(benches);
