//! The JSONL batch layer's per-record work, without the rules: validate a
//! record, find its `text` field and decode it (the scanner of
//! `crates/cli/io/scan.rs` against serde_json alone, as the batch layer did
//! before), and write a new value as a JSON string literal (`write_str`
//! against serde_json with the visible formatter).
//!
//! `cargo bench --bench jsonl`. Records are built from the paragraphs of
//! fixtures/bench/*.txt in the shape of scripts/make_batch_corpus.py's.

use std::borrow::Cow;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

// The batch layer's own readers; they refer to each other as `super::…`,
// so all of them sit at the crate root.
#[path = "../io/scan.rs"]
#[allow(dead_code, unused_imports)]
mod scan;

#[path = "../io/record.rs"]
#[allow(dead_code, unused_imports)]
mod record;

#[path = "../io/jsonl.rs"]
#[allow(dead_code, unused_imports)]
mod jsonl;

#[path = "../json.rs"]
#[allow(dead_code, unused_imports)]
mod json;

/// JSONL lines like the batch corpus's, from the bench paragraphs.
fn records() -> Vec<String> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/bench");
    let mut paragraphs = Vec::new();
    for (name, lang) in [
        ("en", "en"),
        ("ru", "ru"),
        ("zh", "zh"),
        ("mixed", "mul"),
        ("dirty", "mul"),
    ] {
        let text = std::fs::read_to_string(format!("{root}/{name}.txt")).expect("bench corpus");
        paragraphs.extend(
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| (lang, name, l.to_owned())),
        );
    }
    let mut lines = Vec::new();
    for (n, i) in (0..paragraphs.len()).enumerate() {
        let k = [1, 1, 1, 2, 3][n % 5];
        let picks: Vec<_> = (0..k)
            .map(|j| &paragraphs[(i * 7 + j * 13) % paragraphs.len()])
            .collect();
        let (lang, source, first) = picks[0];
        let text: Vec<&str> = picks.iter().map(|p| p.2.as_str()).collect();
        let text = text.join("\n");
        let title: Vec<&str> = first.split_whitespace().take(8).collect();
        let record = serde_json::json!({
            "id": n,
            "lang": lang,
            "source": format!("bench/{source}"),
            "url": format!("https://example.org/{lang}/{n}"),
            "title": title.join(" "),
            "text": text,
            "meta": {"crawl": "2026-11", "chars": text.chars().count(), "tags": [lang, "bench"]},
        });
        lines.push(record.to_string());
    }
    lines
}

/// serde_json alone, as the batch layer did before the scanner: the
/// object's entries with raw values, then the field's string.
fn serde_text(line: &str) -> Option<Cow<'_, str>> {
    let record = jsonl::Record::parse_slow(line).ok()?;
    let span = record.value_span("text")?;
    jsonl::serde_string(line.get(span)?).ok()
}

/// The scanner, as the batch layer uses it.
fn scan_text(line: &str) -> Option<Cow<'_, str>> {
    let entries = scan::object(line)?;
    let span = entries.iter().rev().find(|(k, _)| k == "text")?.1.clone();
    scan::decode(line.get(span)?)
}

fn bench(c: &mut Criterion) {
    let lines = records();
    let bytes: usize = lines.iter().map(String::len).sum();
    for line in &lines {
        assert_eq!(serde_text(line), scan_text(line), "{line}");
    }
    let mut group = c.benchmark_group("jsonl_record");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("serde_json", |b| {
        b.iter(|| {
            for line in &lines {
                black_box(serde_text(black_box(line)));
            }
        });
    });
    group.bench_function("scanner", |b| {
        b.iter(|| {
            for line in &lines {
                black_box(scan_text(black_box(line)));
            }
        });
    });
    group.finish();

    let texts: Vec<String> = lines
        .iter()
        .filter_map(|l| scan_text(l).map(Cow::into_owned))
        .collect();
    let text_bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("json_string_literal");
    group.throughput(Throughput::Bytes(text_bytes as u64));
    let mut out = Vec::with_capacity(2 * text_bytes);
    group.bench_function("serde_json_visible_formatter", |b| {
        b.iter(|| {
            out.clear();
            for text in &texts {
                let _ = json::write_value(&mut out, black_box(&text.as_str()));
            }
            black_box(out.len())
        });
    });
    group.bench_function("write_str", |b| {
        b.iter(|| {
            out.clear();
            for text in &texts {
                json::write_str(&mut out, black_box(text));
            }
            black_box(out.len())
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
