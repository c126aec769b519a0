//! Criterion benchmarks of name comparison: the whole `Matcher` on pairs of
//! the evaluation set, and the two string-similarity kernels of its hot loop,
//! `strsim` against `rapidfuzz`, on the keys it really compares.
//!
//! ```console
//! cargo bench -p polynorm-names --bench compare
//! ```

#![allow(missing_docs, clippy::cast_precision_loss)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use polynorm_names::{Decision, Matcher, ParsedName};

fn eval_names() -> Vec<String> {
    let text = include_str!("../../../fixtures/eval/names/names.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').nth(1).map(str::to_owned))
        .collect()
}

/// Adjacent pairs of the evaluation set (mostly the same person) and pairs
/// a step apart across people.
fn pairs(parsed: &[ParsedName]) -> Vec<(usize, usize)> {
    let n = parsed.len();
    (0..n)
        .flat_map(|i| [(i, (i + 1) % n), (i, (i + 37) % n)])
        .collect()
}

fn keys(parsed: &[ParsedName]) -> Vec<(String, String)> {
    let key = |p: &ParsedName| {
        p.surname_heads()
            .next()
            .map(|s| s.key.clone())
            .unwrap_or_default()
    };
    pairs(parsed)
        .into_iter()
        .map(|(a, b)| (key(&parsed[a]), key(&parsed[b])))
        .collect()
}

fn bench(c: &mut Criterion) {
    let names = eval_names();
    let matcher = Matcher::default();
    let parsed: Vec<ParsedName> = names.iter().map(|n| matcher.parser().parse(n)).collect();
    let pairs = pairs(&parsed);
    // The answers the benchmark relies on.
    assert_eq!(
        matcher.compare("Sergey Shoigu", "Sergei Shoygu").decision,
        Decision::Match
    );
    assert_eq!(
        matcher.compare("Li Qiang", "Li Keqiang").decision,
        Decision::NoMatch
    );

    let mut g = c.benchmark_group("compare");
    g.throughput(Throughput::Elements(pairs.len() as u64));
    g.bench_function("parsed_pairs", |b| {
        b.iter(|| {
            let mut same = 0;
            for &(x, y) in &pairs {
                if matcher.compare_parsed(&parsed[x], &parsed[y]).decision != Decision::NoMatch {
                    same += 1;
                }
            }
            black_box(same)
        });
    });
    g.throughput(Throughput::Elements(100));
    g.bench_function("strings_with_parsing", |b| {
        b.iter(|| {
            for w in names.windows(2).take(100) {
                black_box(matcher.compare(&w[0], &w[1]).decision);
            }
        });
    });
    g.finish();

    let keys = keys(&parsed);
    // Both crates must agree on what the matcher uses.
    for (a, b) in keys.iter().take(200) {
        let s = strsim::jaro_winkler(a, b);
        let r = rapidfuzz::distance::jaro_winkler::similarity(a.chars(), b.chars());
        assert!((s - r).abs() < 1e-9, "{a} {b}: {s} {r}");
        assert_eq!(
            strsim::damerau_levenshtein(a, b),
            rapidfuzz::distance::damerau_levenshtein::distance(a.chars(), b.chars())
        );
    }
    let mut g = c.benchmark_group("kernels");
    g.throughput(Throughput::Elements(keys.len() as u64));
    g.bench_function("jaro_winkler/strsim", |b| {
        b.iter(|| {
            keys.iter()
                .map(|(x, y)| strsim::jaro_winkler(x, y))
                .sum::<f64>()
        });
    });
    g.bench_function("jaro_winkler/rapidfuzz", |b| {
        b.iter(|| {
            keys.iter()
                .map(|(x, y)| rapidfuzz::distance::jaro_winkler::similarity(x.chars(), y.chars()))
                .sum::<f64>()
        });
    });
    g.bench_function("damerau_levenshtein/strsim", |b| {
        b.iter(|| {
            keys.iter()
                .map(|(x, y)| strsim::damerau_levenshtein(x, y))
                .sum::<usize>()
        });
    });
    g.bench_function("damerau_levenshtein/rapidfuzz", |b| {
        b.iter(|| {
            keys.iter()
                .map(|(x, y)| {
                    rapidfuzz::distance::damerau_levenshtein::distance(x.chars(), y.chars())
                })
                .sum::<usize>()
        });
    });
    // One key against many (the block loop), with rapidfuzz's batch comparator.
    let targets: Vec<&str> = keys.iter().map(|(_, y)| y.as_str()).collect();
    g.throughput(Throughput::Elements(targets.len() as u64));
    g.bench_function("one_against_many/strsim", |b| {
        b.iter(|| {
            targets
                .iter()
                .map(|t| strsim::jaro_winkler("Xoiku", t))
                .sum::<f64>()
        });
    });
    g.bench_function("one_against_many/rapidfuzz_batch", |b| {
        let cmp = rapidfuzz::distance::jaro_winkler::BatchComparator::new("Xoiku".chars());
        b.iter(|| {
            targets
                .iter()
                .map(|t| cmp.similarity(t.chars()))
                .sum::<f64>()
        });
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
