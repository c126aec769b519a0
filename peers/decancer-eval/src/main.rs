//! Runs `decancer::cure` (default options) over the mixed-script evaluation
//! set and writes one JSON line per record, plus a `<out>.meta.json` with
//! timings and a word-collision count. Peer comparison only: not part of
//! polynorm, never built or run by CI. See `peers/README.md`.
//!
//! Usage: `decancer-eval <eval-dir> <out.jsonl> [--repeat N]`

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::hint::black_box;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use serde_json::{json, Value};

struct Record {
    id: String,
    lang: String,
    channel: String,
    input: String,
    expect: String,
}

fn field(v: &Value, name: &str, file: &Path, line: usize) -> Result<String, String> {
    v.get(name)
        .and_then(Value::as_str)
        .map(str::to_owned)
        .ok_or_else(|| format!("{}:{}: missing string field {name:?}", file.display(), line))
}

fn load(dir: &Path) -> Result<Vec<Record>, String> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|ext| ext == "jsonl"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("{}: no *.jsonl files", dir.display()));
    }
    let mut records = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let v: Value = serde_json::from_str(line)
                .map_err(|e| format!("{}:{}: {e}", file.display(), i + 1))?;
            records.push(Record {
                id: field(&v, "id", file, i + 1)?,
                lang: field(&v, "lang", file, i + 1)?,
                channel: field(&v, "channel", file, i + 1)?,
                input: field(&v, "input", file, i + 1)?,
                expect: field(&v, "expect", file, i + 1)?,
            });
        }
    }
    Ok(records)
}

/// Crude script label of a word from its letters: enough to tell a
/// Latin/Cyrillic/Greek collision from a diacritics or case merge.
fn scripts(word: &str) -> BTreeSet<&'static str> {
    word.chars()
        .filter(|c| c.is_alphabetic())
        .map(|c| match c as u32 {
            0x0041..=0x024F | 0x1E00..=0x1EFF => "Latin",
            0x0370..=0x03FF | 0x1F00..=0x1FFF => "Greek",
            0x0400..=0x052F => "Cyrillic",
            _ => "other",
        })
        .collect()
}

fn run(dir: &Path, out: &Path, repeat: usize) -> Result<(), String> {
    let records = load(dir)?;
    let options = decancer::Options::default();

    // 1. Outputs, one JSON line per record.
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    let file = fs::File::create(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let mut w = BufWriter::new(file);
    let mut errors = 0usize;
    for r in &records {
        let line = match (
            decancer::cure(&r.input, options),
            decancer::cure(&r.expect, options),
        ) {
            (Ok(ci), Ok(ce)) => json!({
                "id": r.id, "lang": r.lang, "channel": r.channel,
                "output": ci.as_ref(),
                "cured_expect": ce.as_ref(),
                // plain string equality of the two cured strings
                "match_strict": ci.as_ref() == ce.as_ref(),
                // decancer's own comparison (similar characters, leetspeak)
                "match_similar": ci == ce.as_ref(),
                "error": Value::Null,
            }),
            (a, b) => {
                errors += 1;
                let msg = format!("{:?} / {:?}", a.err(), b.err());
                json!({
                    "id": r.id, "lang": r.lang, "channel": r.channel,
                    "output": Value::Null, "cured_expect": Value::Null,
                    "match_strict": false, "match_similar": false, "error": msg,
                })
            }
        };
        writeln!(w, "{line}").map_err(|e| e.to_string())?;
    }
    w.flush().map_err(|e| e.to_string())?;

    // 2. Timing: `repeat` passes of cure(input) over every record; nothing
    //    else (no I/O, no JSON) inside the timed loop.
    let input_bytes: usize = records.iter().map(|r| r.input.len()).sum();
    let mut pass_seconds = Vec::with_capacity(repeat);
    for _ in 0..repeat {
        let start = Instant::now();
        let mut sink = 0usize;
        for r in &records {
            if let Ok(c) = decancer::cure(black_box(&r.input), options) {
                sink += c.len();
            }
        }
        black_box(sink);
        pass_seconds.push(start.elapsed().as_secs_f64());
    }

    // 3. Word collisions: distinct lower-cased words of the clean sentences
    //    (whitespace tokens, punctuation trimmed at the edges) grouped by
    //    their cured form. A group with words from different scripts is a
    //    cross-script false match that decancer would make.
    let mut words: BTreeSet<String> = BTreeSet::new();
    for r in records.iter().filter(|r| r.channel == "clean") {
        for tok in r.input.split_whitespace() {
            let t = tok.trim_matches(|c: char| !c.is_alphanumeric());
            if !t.is_empty() {
                words.insert(t.to_lowercase());
            }
        }
    }
    let mut groups: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for word in &words {
        if let Ok(c) = decancer::cure(word, options) {
            groups
                .entry(c.as_ref().to_owned())
                .or_default()
                .insert(word.clone());
        }
    }
    let shared: Vec<&BTreeSet<String>> = groups.values().filter(|g| g.len() > 1).collect();
    let cross: Vec<&BTreeSet<String>> = shared
        .iter()
        .copied()
        .filter(|g| {
            let first = scripts(g.iter().next().expect("non-empty group"));
            g.iter().any(|w| scripts(w) != first)
        })
        .collect();
    // Examples: longest words first (short ones are mostly single letters).
    let mut by_len = cross.clone();
    by_len.sort_by_key(|g| {
        let shortest = g.iter().map(|w| w.chars().count()).min().unwrap_or(0);
        std::cmp::Reverse(shortest)
    });
    let examples: Vec<Value> = by_len
        .iter()
        .take(15)
        .map(|g| json!(g.iter().collect::<Vec<_>>()))
        .collect();

    let meta = json!({
        "tool": "decancer",
        "options": "Options::default()",
        "records": records.len(),
        "input_bytes": input_bytes,
        "errors": errors,
        "repeat": repeat,
        "pass_seconds": pass_seconds,
        "clean_word_types": words.len(),
        "cured_word_types": groups.len(),
        "word_types_sharing_cured_form": shared.iter().map(|g| g.len()).sum::<usize>(),
        "cured_forms_shared": shared.len(),
        "cross_script_cured_forms": cross.len(),
        "cross_script_word_types": cross.iter().map(|g| g.len()).sum::<usize>(),
        "cross_script_examples": examples,
    });
    let meta_path = PathBuf::from(format!("{}.meta.json", out.display()));
    fs::write(&meta_path, format!("{meta:#}\n"))
        .map_err(|e| format!("{}: {e}", meta_path.display()))?;
    eprintln!(
        "decancer-eval: {} records, {} errors -> {}, {}",
        records.len(),
        errors,
        out.display(),
        meta_path.display()
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut repeat = 5usize;
    let mut pos = Vec::new();
    let mut i = 0;
    while i < args.len() {
        if args[i] == "--repeat" {
            match args.get(i + 1).and_then(|s| s.parse().ok()) {
                Some(n) if n > 0 => repeat = n,
                _ => {
                    eprintln!("--repeat needs a positive number");
                    return ExitCode::from(2);
                }
            }
            i += 2;
        } else {
            pos.push(args[i].clone());
            i += 1;
        }
    }
    if pos.len() != 2 {
        eprintln!("usage: decancer-eval <eval-dir> <out.jsonl> [--repeat N]");
        return ExitCode::from(2);
    }
    match run(Path::new(&pos[0]), Path::new(&pos[1]), repeat) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("decancer-eval: {e}");
            ExitCode::FAILURE
        }
    }
}
