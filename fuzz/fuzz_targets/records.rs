//! The batch record readers: every input byte is accounted for by exactly
//! one JSONL line or CSV record, whatever the limit; parsing never panics;
//! a string spliced back into a JSONL record reads back as the same value;
//! a CSV field written back reads back as the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[allow(dead_code, unreachable_pub)]
#[path = "../../crates/cli/json.rs"]
mod json;

// The readers refer to each other as `super::record`, so all of them sit
// at the crate root.
#[allow(dead_code, unreachable_pub)]
#[path = "../../crates/cli/io/csv.rs"]
mod csv;
#[allow(dead_code, unreachable_pub)]
#[path = "../../crates/cli/io/jsonl.rs"]
mod jsonl;
#[allow(dead_code, unreachable_pub)]
#[path = "../../crates/cli/io/record.rs"]
mod record;
#[allow(dead_code, unreachable_pub)]
#[path = "../../crates/cli/io/scan.rs"]
mod scan;

use record::RecordState;

fuzz_target!(|data: &[u8]| {
    let Some((&control, input)) = data.split_first() else {
        return;
    };
    let limit = usize::from(control % 64) + 1;
    jsonl_lines(input, limit, usize::from(control >> 2) * 7 + 1);
    csv_records(input, if control & 0x80 == 0 { b',' } else { b'\t' }, limit);
});

fn jsonl_lines(input: &[u8], limit: usize, target: usize) {
    let mut blocks = jsonl::LineBlocks::new(input, limit);
    let mut data = Vec::new();
    let mut total = 0u64;
    let mut line = 1u64;
    loop {
        match blocks.next_block(&mut data, target).expect("reading a slice") {
            jsonl::Block::End => break,
            jsonl::Block::TooLong(len) => {
                assert!(len as usize > limit);
                total += len;
                line += 1;
            }
            jsonl::Block::Lines => {
                for r in jsonl::split_lines(&data, line, limit) {
                    assert_eq!(r.line, line);
                    total += r.len;
                    line += 1;
                    if r.state == RecordState::TooLong {
                        assert!(r.len as usize > limit);
                        continue;
                    }
                    assert_eq!(r.range.len() as u64, r.len);
                    let Ok(text) = std::str::from_utf8(&data[r.range.start..r.content_end]) else {
                        continue;
                    };
                    check_record(text);
                }
            }
        }
    }
    assert_eq!(total, input.len() as u64);
}

/// A record the scanner accepts is one the serde_json-only parser accepts
/// (with the same entries), and a string spliced back at a path reads back
/// as the same value. (Not serde_json's `Value`: it rejects numbers beyond
/// `f64`, which are valid JSON and pass through.)
fn check_record(text: &str) {
    let Ok(record) = jsonl::Record::parse_in(text, Vec::new()) else {
        return;
    };
    let slow = jsonl::Record::parse_slow(text).expect("the serde_json-only parser accepts it too");
    assert_eq!(record.into_entries().len(), slow.into_entries().len());
    let record = jsonl::Record::parse_in(text, Vec::new()).expect("parsed above");
    for path in [jsonl::FieldPath::parse("a"), jsonl::FieldPath::parse("a.b")] {
        if let Ok(found) = record.string_at(&path) {
            let mut out = Vec::new();
            jsonl::splice(
                text.as_bytes(),
                &[(found.span.clone(), jsonl::Patch::Str(&found.value))],
                &mut out,
            );
            let again = std::str::from_utf8(&out).expect("UTF-8");
            let reparsed = jsonl::Record::parse_in(again, Vec::new()).expect("still a record");
            assert_eq!(reparsed.string_at(&path).expect("still there").value, found.value);
        }
    }
}

fn csv_records(input: &[u8], delimiter: u8, limit: usize) {
    let mut reader = csv::CsvReader::new(input, delimiter, limit);
    let (mut data, mut spans) = (Vec::new(), Vec::new());
    let mut total = 0u64;
    while let Some(r) = reader.next_record(&mut data, &mut spans).expect("reading a slice") {
        total += r.len;
        if r.state == RecordState::TooLong {
            continue;
        }
        assert_eq!(r.range.len() as u64, r.len);
        for span in &spans[r.fields.clone()] {
            assert!(r.range.start <= span.start && span.end <= r.content_end);
            let Ok(raw) = std::str::from_utf8(&data[span.clone()]) else {
                continue;
            };
            if r.state != RecordState::Ok {
                continue;
            }
            let value = csv::unquote(raw);
            let mut out = Vec::new();
            csv::write_field(&mut out, &value, delimiter, false);
            let written = std::str::from_utf8(&out).expect("UTF-8");
            assert_eq!(csv::unquote(written), value);
        }
    }
    assert_eq!(total, input.len() as u64);
}
