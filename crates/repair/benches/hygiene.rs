//! Hygiene throughput on clean and dirty text in several scripts.
//!
//! Goal: at least 200 MB/s on one core for mostly clean text.

use std::borrow::Cow;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use polynorm_repair::{Hygiene, HygieneOptions, NormalizationForm};

/// About 64 KiB made of `line` repeated, one line per call.
fn lines(line: &str) -> Vec<String> {
    let n = (64 * 1024) / line.len().max(1);
    (0..n).map(|i| format!("{line} {i}")).collect()
}

fn bench_group(c: &mut Criterion, name: &str, line: &str, expect_borrowed: bool) {
    let input = lines(line);
    let bytes: usize = input.iter().map(String::len).sum();
    let mut group = c.benchmark_group(format!("hygiene/{name}"));
    group.throughput(Throughput::Bytes(bytes as u64));
    for (label, options) in [
        ("default", HygieneOptions::default()),
        ("all", HygieneOptions::all()),
        (
            "chars-only",
            HygieneOptions {
                normalization: None,
                ..HygieneOptions::default()
            },
        ),
        (
            "nfc-only",
            HygieneOptions {
                normalization: Some(NormalizationForm::Nfc),
                ..HygieneOptions::none()
            },
        ),
    ] {
        let hygiene = Hygiene::new(options);
        for l in &input {
            let r = hygiene.apply(l);
            assert_eq!(
                matches!(r.text, Cow::Borrowed(_)),
                expect_borrowed,
                "{label}: {l}"
            );
        }
        group.bench_function(label, |b| {
            b.iter(|| {
                for l in &input {
                    black_box(hygiene.apply(black_box(l)));
                }
            });
        });
    }
    group.finish();
}

fn hygiene(c: &mut Criterion) {
    bench_group(
        c,
        "latin-clean",
        "The quick brown fox jumps over the lazy dog; Sergey Shoigu met Li Shangfu in Moscow.",
        true,
    );
    bench_group(
        c,
        "cyrillic-clean",
        "Министр обороны России Сергей Шойгу встретился с Ли Шанфу в Москве.",
        true,
    );
    bench_group(
        c,
        "cjk-clean",
        "俄罗斯国防部长绍伊古在莫斯科会见了李尚福。東京ひらがな",
        true,
    );
    bench_group(
        c,
        "arabic-clean",
        "التقى وزير الدفاع الروسي سيرغي شويغو بنظيره الصيني لي شانغ فو في موسكو",
        true,
    );
    bench_group(
        c,
        "mixed-dirty",
        "Serge\u{0301}y\u{00A0}Sho\u{200B}igu \u{201C}Шойгу\u{201D}\u{00AD} Li\u{2028}Shangfu",
        false,
    );
}

criterion_group!(benches, hygiene);
criterion_main!(benches);
