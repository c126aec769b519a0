//! The command's line reader: every byte comes back exactly once, as line
//! content plus terminator or as a passed-through over-long line, whatever
//! the limit; the lossy decoder never panics and reports offsets in range.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[allow(dead_code, unreachable_pub)]
#[path = "../../crates/cli/io/lines.rs"]
mod lines;

fuzz_target!(|data: &[u8]| {
    let Some((&limit, input)) = data.split_first() else {
        return;
    };
    let limit = usize::from(limit % 64) + 1;
    let mut reader = lines::LineReader::new(input, limit);
    let mut rebuilt = Vec::new();
    loop {
        match reader.next_line().expect("reading from a slice cannot fail") {
            None => break,
            Some(lines::Line::Complete { content, terminator }) => {
                let (text, invalid) = lines::decode_line(content);
                for bad in &invalid {
                    assert!(bad.offset + bad.bytes.len() <= content.len());
                }
                assert!(invalid.is_empty() == (text.as_bytes() == content));
                rebuilt.extend_from_slice(content);
                rebuilt.extend_from_slice(terminator);
            }
            Some(lines::Line::TooLong { head }) => {
                assert_eq!(head.len(), limit);
                rebuilt.extend_from_slice(head);
                reader.pass_rest_of_line(&mut rebuilt).expect("writing to a Vec cannot fail");
            }
        }
    }
    assert_eq!(rebuilt, input);
});
