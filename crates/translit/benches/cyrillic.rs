//! Cyrillic → Latin throughput on real Russian text (`fixtures/bench/ru.txt`,
//! 250 KB), one line per call, per scheme; plus the reverse of the
//! reversible schemes and the nothing-to-do case (English text).
//!
//! Goal: at least 100 MB/s on one core for the table schemes.

use std::borrow::Cow;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use polynorm_translit::{Options, Scheme};

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

fn forward(c: &mut Criterion) {
    let ru = corpus("ru.txt");
    let mut group = c.benchmark_group("cyrillic/ru.txt");
    group.throughput(Throughput::Bytes(bytes(&ru)));
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
                for line in &ru {
                    black_box(scheme.transliterate(black_box(line)));
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

fn reverse(c: &mut Criterion) {
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
        group.throughput(Throughput::Bytes(bytes(&latin)));
        group.bench_function(name, |b| {
            b.iter(|| {
                for line in &latin {
                    black_box(scheme.reverse(black_box(line), &options));
                }
            });
        });
    }
    group.finish();
}

fn nothing_to_do(c: &mut Criterion) {
    let en = corpus("en.txt");
    let scheme = Scheme::from_name("ru-icao").expect("registered");
    for line in &en {
        assert!(matches!(scheme.transliterate(line), Cow::Borrowed(_)));
    }
    let mut group = c.benchmark_group("cyrillic/en.txt");
    group.throughput(Throughput::Bytes(bytes(&en)));
    group.bench_function("ru-icao (borrowed)", |b| {
        b.iter(|| {
            for line in &en {
                black_box(scheme.transliterate(black_box(line)));
            }
        });
    });
    group.finish();
}

criterion_group!(benches, forward, reverse, nothing_to_do);
criterion_main!(benches);
