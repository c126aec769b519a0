//! The fast path of JSONL records: a validating scanner over one line that
//! finds an object's entries (key and value spans) without building
//! anything, and a decoder for string values with escapes.
//!
//! It answers only when it is sure. Every "no" (`None`) sends the record to
//! the serde_json path in [`super::jsonl`], which decides and words the
//! error, so a record is accepted exactly when serde_json accepts it and
//! the fast path only has to be right about the records it accepts. It
//! says "no" to anything unusual: a top-level key with an escape, nesting
//! deeper than [`MAX_DEPTH`], a string whose escapes do not decode to
//! characters (lone surrogates). Validity is serde_json's: values off the
//! selected paths are checked as `serde_json` skips them (`\u` escapes
//! need four hex digits, not a valid pair), the keys on the path and the
//! selected strings as it decodes them.

use std::borrow::Cow;
use std::ops::Range;

/// Deeper nesting goes to serde_json (whose skipping has no limit), so the
/// scanner's recursion stays small.
pub(crate) const MAX_DEPTH: u32 = 64;

/// One entry of an object: the key (borrowed: keys with escapes are left to
/// serde_json) and the value's span in the scanned text.
pub(crate) type Entry<'a> = (Cow<'a, str>, Range<usize>);

/// The entries of the JSON object that `text` holds (JSON whitespace
/// around it allowed), in order, with value spans relative to `text`.
/// `None`: not sure (invalid, or unusual); ask serde_json.
pub(crate) fn object(text: &str) -> Option<Vec<Entry<'_>>> {
    let mut entries = Vec::new();
    object_into(text, &mut entries).then_some(entries)
}

/// [`object`] into a caller's buffer (cleared first), to spare an
/// allocation per record; false where [`object`] says `None`.
pub(crate) fn object_into<'a>(text: &'a str, entries: &mut Vec<Entry<'a>>) -> bool {
    entries.clear();
    object_entries(text, entries).is_some()
}

fn object_entries<'a>(text: &'a str, entries: &mut Vec<Entry<'a>>) -> Option<()> {
    let b = text.as_bytes();
    let mut i = ws(b, 0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    i = ws(b, i + 1);
    if b.get(i) == Some(&b'}') {
        i += 1;
    } else {
        loop {
            if b.get(i) != Some(&b'"') {
                return None;
            }
            let (end, escaped) = string(b, i)?;
            if escaped {
                return None;
            }
            let key = text.get(i + 1..end - 1)?;
            i = ws(b, end);
            if b.get(i) != Some(&b':') {
                return None;
            }
            let start = ws(b, i + 1);
            let value_end = value(b, start, MAX_DEPTH)?;
            entries.push((Cow::Borrowed(key), start..value_end));
            i = ws(b, value_end);
            match b.get(i)? {
                b',' => i = ws(b, i + 1),
                b'}' => {
                    i += 1;
                    break;
                }
                _ => return None,
            }
        }
    }
    (ws(b, i) == b.len()).then_some(())
}

/// The span of item `index` of the JSON array `text` holds, `Some(None)`
/// when it has fewer items. `None`: not sure; ask serde_json.
pub(crate) fn array_item(text: &str, index: usize) -> Option<Option<Range<usize>>> {
    let b = text.as_bytes();
    let mut i = ws(b, 0);
    if b.get(i) != Some(&b'[') {
        return None;
    }
    let mut found = None;
    i = ws(b, i + 1);
    if b.get(i) == Some(&b']') {
        i += 1;
    } else {
        let mut n = 0usize;
        loop {
            let end = value(b, i, MAX_DEPTH)?;
            if n == index {
                found = Some(i..end);
            }
            n += 1;
            i = ws(b, end);
            match b.get(i)? {
                b',' => i = ws(b, i + 1),
                b']' => {
                    i += 1;
                    break;
                }
                _ => return None,
            }
        }
    }
    (ws(b, i) == b.len()).then_some(found)
}

/// The value of a JSON string literal `raw` (quotes included), already
/// validated by the scanner: borrowed when it has no escapes. `None` when
/// an escape does not decode to a character (a lone surrogate).
pub(crate) fn decode(raw: &str) -> Option<Cow<'_, str>> {
    let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
    let b = inner.as_bytes();
    let Some(first) = memchr::memchr(b'\\', b) else {
        return Some(Cow::Borrowed(inner));
    };
    let mut out = String::with_capacity(inner.len());
    let mut i = 0;
    let mut next = Some(first);
    while let Some(k) = next {
        out.push_str(inner.get(i..k)?);
        let (c, len) = match *b.get(k + 1)? {
            b'"' => ('"', 2),
            b'\\' => ('\\', 2),
            b'/' => ('/', 2),
            b'b' => ('\u{8}', 2),
            b'f' => ('\u{c}', 2),
            b'n' => ('\n', 2),
            b'r' => ('\r', 2),
            b't' => ('\t', 2),
            b'u' => {
                let unit = hex4(b, k + 2)?;
                if (0xD800..0xDC00).contains(&unit) {
                    if b.get(k + 6..k + 8) != Some(b"\\u") {
                        return None;
                    }
                    let low = hex4(b, k + 8)?;
                    if !(0xDC00..0xE000).contains(&low) {
                        return None;
                    }
                    let c = char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))?;
                    (c, 12)
                } else {
                    (char::from_u32(unit)?, 6)
                }
            }
            _ => return None,
        };
        out.push(c);
        i = k + len;
        next = memchr::memchr(b'\\', b.get(i..)?).map(|j| i + j);
    }
    out.push_str(inner.get(i..)?);
    Some(Cow::Owned(out))
}

fn hex4(b: &[u8], at: usize) -> Option<u32> {
    let digits = b.get(at..at + 4)?;
    let mut n = 0u32;
    for &d in digits {
        n = n * 16 + char::from(d).to_digit(16)?;
    }
    Some(n)
}

/// Skips JSON whitespace.
fn ws(b: &[u8], mut i: usize) -> usize {
    while let Some(b' ' | b'\t' | b'\n' | b'\r') = b.get(i) {
        i += 1;
    }
    i
}

/// The end of the value starting at `i`.
fn value(b: &[u8], i: usize, depth: u32) -> Option<usize> {
    match *b.get(i)? {
        b'"' => string(b, i).map(|(end, _)| end),
        b'{' => {
            let depth = depth.checked_sub(1)?;
            let mut j = ws(b, i + 1);
            if b.get(j) == Some(&b'}') {
                return Some(j + 1);
            }
            loop {
                if b.get(j) != Some(&b'"') {
                    return None;
                }
                let (end, _) = string(b, j)?;
                j = ws(b, end);
                if b.get(j) != Some(&b':') {
                    return None;
                }
                j = ws(b, j + 1);
                j = ws(b, value(b, j, depth)?);
                match b.get(j)? {
                    b',' => j = ws(b, j + 1),
                    b'}' => return Some(j + 1),
                    _ => return None,
                }
            }
        }
        b'[' => {
            let depth = depth.checked_sub(1)?;
            let mut j = ws(b, i + 1);
            if b.get(j) == Some(&b']') {
                return Some(j + 1);
            }
            loop {
                j = ws(b, value(b, j, depth)?);
                match b.get(j)? {
                    b',' => j = ws(b, j + 1),
                    b']' => return Some(j + 1),
                    _ => return None,
                }
            }
        }
        b't' => literal(b, i, b"true"),
        b'f' => literal(b, i, b"false"),
        b'n' => literal(b, i, b"null"),
        b'-' | b'0'..=b'9' => number(b, i),
        _ => None,
    }
}

fn literal(b: &[u8], i: usize, word: &[u8]) -> Option<usize> {
    (b.get(i..i + word.len())? == word).then_some(i + word.len())
}

/// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`; what follows is the
/// caller's to check.
fn number(b: &[u8], mut i: usize) -> Option<usize> {
    if b.get(i) == Some(&b'-') {
        i += 1;
    }
    match b.get(i)? {
        b'0' => i += 1,
        b'1'..=b'9' => i = digits(b, i + 1),
        _ => return None,
    }
    if b.get(i) == Some(&b'.') {
        let start = i + 1;
        i = digits(b, start);
        if i == start {
            return None;
        }
    }
    if let Some(b'e' | b'E') = b.get(i) {
        i += 1;
        if let Some(b'+' | b'-') = b.get(i) {
            i += 1;
        }
        let start = i;
        i = digits(b, start);
        if i == start {
            return None;
        }
    }
    Some(i)
}

fn digits(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    i
}

/// The end of the string literal starting at `b[i] == '"'` (after its
/// closing quote), and whether it has escapes. Control characters must be
/// escaped; escapes must be JSON's.
fn string(b: &[u8], i: usize) -> Option<(usize, bool)> {
    let mut j = i + 1;
    let mut escaped = false;
    loop {
        j += special(b.get(j..)?)?;
        match *b.get(j)? {
            b'"' => return Some((j + 1, escaped)),
            b'\\' => {}
            _ => return None, // a control character
        }
        escaped = true;
        match *b.get(j + 1)? {
            b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => j += 2,
            b'u' => {
                hex4(b, j + 2)?;
                j += 6;
            }
            _ => return None,
        }
    }
}

/// The offset of the first `"`, `\` or control character in `s`. The
/// first [`SWAR_BYTES`] are looked at eight at a time (most strings, keys
/// and short values, end there); after them, a vectorized search for the
/// quote and backslash, and a vectorized check for control characters
/// before the one found.
fn special(s: &[u8]) -> Option<usize> {
    let head = s.get(..SWAR_BYTES).unwrap_or(s);
    if let Some(k) = special_swar(head) {
        return Some(k);
    }
    let tail = s.get(head.len()..)?;
    let k = memchr::memchr2(b'"', b'\\', tail).unwrap_or(tail.len());
    let before = tail.get(..k)?;
    let k = if has_control(before) {
        before.iter().position(|&c| c < 0x20)?
    } else if k == tail.len() {
        return None;
    } else {
        k
    };
    Some(head.len() + k)
}

/// How many bytes [`special`] checks eight at a time before it switches
/// to vectorized searches.
const SWAR_BYTES: usize = 32;

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// [`special`] eight bytes at a time (SWAR: the high bit of a byte of the
/// mask is set where the byte, xor-ed with the one looked for, is zero, or
/// where it is below 0x20; only the lowest marked byte is sure to be
/// right, and it is the one wanted).
fn special_swar(s: &[u8]) -> Option<usize> {
    let mut chunks = s.chunks_exact(8);
    let mut at = 0;
    for chunk in chunks.by_ref() {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        let quote = w ^ (ONES * u64::from(b'"'));
        let backslash = w ^ (ONES * u64::from(b'\\'));
        let mask = (quote.wrapping_sub(ONES) & !quote)
            | (backslash.wrapping_sub(ONES) & !backslash)
            | (w.wrapping_sub(ONES * 0x20) & !w);
        let mask = mask & HIGHS;
        if mask != 0 {
            return Some(at + (mask.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&c| c == b'"' || c == b'\\' || c < 0x20)
        .map(|k| at + k)
}

/// Whether `s` holds a byte below 0x20 (no early exit, so the loop
/// vectorizes).
fn has_control(s: &[u8]) -> bool {
    s.iter().fold(0u8, |acc, &c| acc | u8::from(c < 0x20)) != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_and_spans() {
        let text = r#" { "id" : -1.5e+3, "t":"a\nb", "m":{"x":[1,{}]} , "e":[] } "#;
        let entries = object(text).unwrap();
        let got: Vec<(&str, &str)> = entries
            .iter()
            .map(|(k, r)| (k.as_ref(), &text[r.clone()]))
            .collect();
        assert_eq!(
            got,
            [
                ("id", "-1.5e+3"),
                ("t", "\"a\\nb\""),
                ("m", r#"{"x":[1,{}]}"#),
                ("e", "[]")
            ]
        );
        assert_eq!(object("{}").unwrap().len(), 0);
    }

    #[test]
    fn says_no_to_what_serde_json_rejects_or_what_is_unusual() {
        for bad in [
            "",
            "{",
            "{\"a\":1,}",
            "{\"a\":01}",
            "{\"a\":1.}",
            "{\"a\":.5}",
            "{\"a\":1e}",
            "{\"a\":-}",
            "{\"a\":tru}",
            "{\"a\":\"x\ty\"}",
            "{\"a\":\"\\x\"}",
            "{\"a\":\"\\u12g4\"}",
            "{\"a\":[1 2]}",
            "{\"a\":1} x",
            "{a:1}",
            "{\"\\u0061\":1}",
            "[1]",
        ] {
            assert!(object(bad).is_none(), "{bad}");
        }
        let deep = format!("{{\"a\":{}{}}}", "[".repeat(70), "]".repeat(70));
        assert!(object(&deep).is_none());
    }

    #[test]
    fn special_bytes_are_found_exactly() {
        let filler = b"a\x7f\x80\xff !#[]\x21\x5b\x5d";
        for len in (0..80usize).chain([200, 1000]) {
            let plain: Vec<u8> = (0..len).map(|k| filler[k % 12]).collect();
            assert_eq!(special(&plain), None, "{plain:?}");
            for at in 0..len {
                for c in [b'"', b'\\', 0x00, 0x1f, b'\t'] {
                    let mut s = plain.clone();
                    s[at] = c;
                    // A special byte right after does not hide this one.
                    if at + 1 < len {
                        s[at + 1] = b'"';
                    }
                    assert_eq!(special(&s), Some(at), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn array_items() {
        let text = "[ 1 , \"x\" ,[2] ]";
        assert_eq!(array_item(text, 1), Some(Some(6..9)));
        assert_eq!(array_item(text, 2), Some(Some(11..14)));
        assert_eq!(array_item(text, 3), Some(None));
        assert_eq!(array_item("[]", 0), Some(None));
        assert_eq!(array_item("[1,]", 0), None);
    }

    #[test]
    fn decoding() {
        assert!(matches!(
            decode("\"Сергей\""),
            Some(Cow::Borrowed("Сергей"))
        ));
        assert_eq!(
            decode(r#""a\"b\\c\/\b\f\n\r\t\u00e9\ud83d\ude00z""#).unwrap(),
            "a\"b\\c/\u{8}\u{c}\n\r\té😀z"
        );
        assert_eq!(decode(r#""\ud83d""#), None);
        assert_eq!(decode(r#""\ude00""#), None);
        assert_eq!(decode(r#""\ud83d\u0041""#), None);
    }
}
