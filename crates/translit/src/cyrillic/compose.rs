//! NFD input: a Cyrillic letter followed by combining marks is composed
//! (`и` + U+0306 → `й`, `е` + U+0308 → `ё`) before transliteration, so NFD
//! and NFC input give the same output. Only such pairs are composed; other
//! text keeps its form. Text without a combining mark in U+0300–U+036F (the
//! usual case) is not copied.

use std::borrow::Cow;

use unicode_normalization::char::compose;

use super::engine::{is_mark, Table};

/// Whether `text` has a mark in U+0300–U+036F (UTF-8 lead bytes 0xCC, 0xCD).
fn has_basic_mark(text: &str) -> bool {
    text.bytes().any(|b| b == 0xCC || b == 0xCD)
}

/// `text` with each letter the table handles composed with the marks that
/// follow it, where Unicode has a composition; borrowed when nothing composes.
pub(crate) fn compose_letters<'a>(table: &Table, text: &'a str) -> Cow<'a, str> {
    if !has_basic_mark(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::new();
    let mut changed = false;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let mut base = c;
        let mut composed_any = false;
        if table.get(c).is_some() {
            while let Some(&(_, m)) = chars.peek() {
                if !is_mark(m) {
                    break;
                }
                match compose(base, m) {
                    Some(x) => {
                        base = x;
                        composed_any = true;
                        chars.next();
                    }
                    None => break,
                }
            }
        }
        if composed_any && !changed {
            changed = true;
            out.reserve(text.len());
            out.push_str(text.get(..i).unwrap_or_default());
        }
        if changed {
            out.push(base);
        }
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}
