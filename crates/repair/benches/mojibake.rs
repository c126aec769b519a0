//! Mojibake repair throughput: the clean path (the scan that turns clean
//! text away) against hygiene alone on the benchmark corpora, and the repair
//! of real mojibake (the evaluation set's damaged sentences).
//!
//! Goal: the line stages with mojibake detection within 20% of hygiene alone
//! on clean text (the target), and at least 100× ftfy's throughput
//! on the same files (`peers/mojibake_peers.py`); see `BENCHMARKS.md`.
//!
//! The clean corpora are measured twice: by wall-clock time (groups
//! `mojibake/…`) and by the CPU time of the benchmark thread (groups
//! `mojibake-cpu/…`, read from `/proc/thread-self/schedstat`, in
//! nanoseconds), which a machine shared with other jobs disturbs far less;
//! the peer script times ftfy both ways too.

use std::borrow::Cow;
use std::hint::black_box;

use criterion::measurement::{Measurement, ValueFormatter};
use criterion::{Criterion, Throughput};
use polynorm_repair::{Hygiene, Mojibake};

/// CPU time of the calling thread, in nanoseconds (Linux; 0 elsewhere, so
/// the CPU groups are meaningless off Linux).
fn thread_cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// Criterion measurement: CPU time of the benchmark thread.
struct ThreadCpu;

impl Measurement for ThreadCpu {
    type Intermediate = u64;
    type Value = u64;

    fn start(&self) -> u64 {
        thread_cpu_ns()
    }
    fn end(&self, start: u64) -> u64 {
        thread_cpu_ns().saturating_sub(start)
    }
    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }
    fn zero(&self) -> u64 {
        0
    }
    fn to_f64(&self, value: &u64) -> f64 {
        *value as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        &CpuFormatter
    }
}

/// Nanoseconds of CPU time, shown as such.
struct CpuFormatter;

impl ValueFormatter for CpuFormatter {
    fn scale_values(&self, typical: f64, values: &mut [f64]) -> &'static str {
        let (factor, unit) = if typical < 1e3 {
            (1.0, "ns cpu")
        } else if typical < 1e6 {
            (1e-3, "µs cpu")
        } else if typical < 1e9 {
            (1e-6, "ms cpu")
        } else {
            (1e-9, "s cpu")
        };
        for v in values {
            *v *= factor;
        }
        unit
    }

    fn scale_throughputs(
        &self,
        _typical: f64,
        throughput: &Throughput,
        values: &mut [f64],
    ) -> &'static str {
        let per = match *throughput {
            Throughput::Bytes(n)
            | Throughput::BytesDecimal(n)
            | Throughput::Elements(n)
            | Throughput::Bits(n) => n as f64,
            Throughput::ElementsAndBytes { bytes, .. } => bytes as f64,
        };
        for v in values {
            *v = per * 1e3 / *v; // per ns → millions per second
        }
        "MB/s cpu"
    }

    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}

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

fn clean_corpora<M: Measurement>(c: &mut Criterion<M>, prefix: &str) {
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
        let mut group = c.benchmark_group(format!("{prefix}/{name}"));
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

fn main() {
    let mut wall = Criterion::default().sample_size(20).configure_from_args();
    clean_corpora(&mut wall, "mojibake");
    repair(&mut wall);
    let mut cpu = Criterion::default()
        .with_measurement(ThreadCpu)
        .sample_size(20)
        .configure_from_args();
    clean_corpora(&mut cpu, "mojibake-cpu");
    wall.final_summary();
}
