//! Cyrillic → Latin throughput on real Russian text (`fixtures/bench/ru.txt`,
//! 250 KB), one line per call, per scheme; plus the reverse of the
//! reversible schemes and the nothing-to-do case (English text).
//!
//! Goal: at least 100 MB/s on one core for the table schemes.
//!
//! Time is the CPU time of the benchmark thread (Linux
//! `/proc/thread-self/schedstat`), so the numbers hold on a shared, busy
//! machine; elsewhere it falls back to wall-clock time. That clock advances
//! in scheduler ticks (4 ms here), so one iteration runs over the corpus
//! several times (about 20 ms of work) and throughput counts every pass.

use std::borrow::Cow;
use std::hint::black_box;
use std::time::Instant;

use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use polynorm_translit::{Options, Scheme};

/// CPU time of the current thread, in nanoseconds, when the OS reports it.
fn thread_cpu_ns() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    text.split_whitespace().next()?.parse().ok()
}

/// A criterion measurement: thread CPU time (ns), or wall time without it.
struct ThreadCpu;

static WALL: WallTime = WallTime;

impl Measurement for ThreadCpu {
    type Intermediate = (Option<u64>, Instant);
    type Value = f64;

    fn start(&self) -> Self::Intermediate {
        (thread_cpu_ns(), Instant::now())
    }

    fn end(&self, (cpu, wall): Self::Intermediate) -> f64 {
        let elapsed = wall.elapsed();
        match (cpu, thread_cpu_ns()) {
            (Some(a), Some(b)) if b >= a => (b - a) as f64,
            _ => elapsed.as_nanos() as f64,
        }
    }

    fn add(&self, a: &f64, b: &f64) -> f64 {
        a + b
    }

    fn zero(&self) -> f64 {
        0.0
    }

    fn to_f64(&self, value: &f64) -> f64 {
        *value
    }

    fn formatter(&self) -> &dyn ValueFormatter {
        WALL.formatter()
    }
}

fn corpus(name: &str) -> Vec<String> {
    let path = format!("{}/../../fixtures/bench/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .lines()
        .map(str::to_owned)
        .collect()
}

fn bytes(lines: &[String]) -> u64 {
    lines.iter().map(|l| l.len() as u64).sum()
}

/// Passes over the corpus per iteration: forward, reverse, nothing to do.
const FORWARD_PASSES: u64 = 16;
const REVERSE_PASSES: u64 = 4;
const BORROWED_PASSES: u64 = 32;

fn forward(c: &mut Criterion<ThreadCpu>) {
    let ru = corpus("ru.txt");
    let mut group = c.benchmark_group("cyrillic/ru.txt");
    group.throughput(Throughput::Bytes(bytes(&ru) * FORWARD_PASSES));
    for scheme in Scheme::all().filter(|s| s.source_scripts().contains(&"Cyrl")) {
        // The answers are checked once: every line with Cyrillic changes and
        // no Cyrillic letter is left.
        for line in &ru {
            let out = scheme.transliterate(line);
            assert!(
                !out.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)),
                "{}: {out}",
                scheme.name()
            );
        }
        group.bench_function(scheme.name(), |b| {
            b.iter(|| {
                for _ in 0..FORWARD_PASSES {
                    for line in &ru {
                        black_box(scheme.transliterate(black_box(line)));
                    }
                }
            });
        });
    }
    group.finish();
    let icao = Scheme::from_name("ru-icao").expect("registered");
    assert!(icao
        .transliterate(ru.first().map_or("", String::as_str))
        .starts_with("Eto rukovodstvo"));
}

fn reverse(c: &mut Criterion<ThreadCpu>) {
    let ru = corpus("ru.txt");
    let options = Options::new();
    let mut group = c.benchmark_group("cyrillic-reverse/ru.txt");
    for name in ["ru-iso9", "ru-scholarly"] {
        let scheme = Scheme::from_name(name).expect("registered");
        let latin: Vec<String> = ru
            .iter()
            .map(|l| scheme.transliterate(l).into_owned())
            .collect();
        for (l, cyr) in latin.iter().zip(&ru) {
            let back = scheme.reverse(l, &options).expect("reversible");
            // Latin words of the corpus (GNU, Debian) come back in Cyrillic, so
            // compare only lines that had no Latin letters.
            if !cyr.chars().any(|c| c.is_ascii_alphabetic()) {
                assert_eq!(back, cyr.as_str(), "{name}");
            }
        }
        group.throughput(Throughput::Bytes(bytes(&latin) * REVERSE_PASSES));
        group.bench_function(name, |b| {
            b.iter(|| {
                for _ in 0..REVERSE_PASSES {
                    for line in &latin {
                        black_box(scheme.reverse(black_box(line), &options));
                    }
                }
            });
        });
    }
    group.finish();
}

fn nothing_to_do(c: &mut Criterion<ThreadCpu>) {
    let en = corpus("en.txt");
    let scheme = Scheme::from_name("ru-icao").expect("registered");
    for line in &en {
        assert!(matches!(scheme.transliterate(line), Cow::Borrowed(_)));
    }
    let mut group = c.benchmark_group("cyrillic/en.txt");
    group.throughput(Throughput::Bytes(bytes(&en) * BORROWED_PASSES));
    group.bench_function("ru-icao (borrowed)", |b| {
        b.iter(|| {
            for _ in 0..BORROWED_PASSES {
                for line in &en {
                    black_box(scheme.transliterate(black_box(line)));
                }
            }
        });
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .with_measurement(ThreadCpu)
        .sample_size(30)
        .measurement_time(std::time::Duration::from_secs(10));
    targets = forward, reverse, nothing_to_do
}
criterion_main!(benches);
