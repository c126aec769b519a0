//! JSON output that a person can read: invisible and control characters in
//! strings are written as `\uXXXX` escapes (a zero-width space would
//! otherwise print as nothing at all), everything else as UTF-8. The JSON
//! is the same value either way.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::Formatter;

/// Writes `value` as one line of JSON followed by a newline.
pub(crate) fn write_line(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, VisibleFormatter);
    value.serialize(&mut ser).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// Writes `value` as compact JSON, with no newline.
pub(crate) fn write_value(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, VisibleFormatter);
    value.serialize(&mut ser).map_err(io::Error::from)
}

/// serde_json's compact formatter, but escaping invisible characters.
struct VisibleFormatter;

impl Formatter for VisibleFormatter {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if is_invisible(c) {
                writer.write_all(&fragment.as_bytes()[start..i])?;
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    write!(writer, "\\u{unit:04x}")?;
                }
                start = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }
}

/// Characters that show as nothing, or as a plain-looking space, in a
/// terminal: C1 controls, format characters (General_Category Cf), line and
/// paragraph separators, spaces other than U+0020, variation selectors, the
/// combining grapheme joiner and Hangul fillers. serde_json already escapes
/// C0 controls.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{0080}'..='\u{00A0}'
            | '\u{00AD}'
            | '\u{034F}'
            | '\u{0600}'..='\u{0605}'
            | '\u{061C}'
            | '\u{06DD}'
            | '\u{070F}'
            | '\u{0890}'..='\u{0891}'
            | '\u{08E2}'
            | '\u{115F}'..='\u{1160}'
            | '\u{1680}'
            | '\u{17B4}'..='\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{2000}'..='\u{200F}'
            | '\u{2028}'..='\u{202F}'
            | '\u{205F}'..='\u{206F}'
            | '\u{3000}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(value: &impl Serialize) -> String {
        let mut out = Vec::new();
        write_line(&mut out, value).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn invisible_characters_are_escaped_and_the_value_is_unchanged() {
        let text = "a\u{200B}b\u{00A0}c\u{85}d\u{E0041}é \"q\"\tСергей";
        let json = line(&text);
        assert_eq!(
            json,
            "\"a\\u200bb\\u00a0c\\u0085d\\udb40\\udc41é \\\"q\\\"\\tСергей\"\n"
        );
        let back: String = serde_json::from_str(&json).unwrap();
        assert_eq!(back, text);
    }

    #[test]
    fn visible_text_is_written_as_utf8() {
        assert_eq!(line(&"Шойгу 李尚福"), "\"Шойгу 李尚福\"\n");
    }
}
