//! The work on one value, in plain Rust: what the Python functions run on
//! each `str`, list item and Arrow row, and what the pure-Rust loop of the
//! overhead benchmark (`examples/clean_loop.rs`) runs too.

use std::borrow::Cow;

use polynorm_pipeline::repair::Change;
use polynorm_pipeline::script::{LanguageGuess, Script};
use polynorm_pipeline::translit::{Options, Scheme};
use polynorm_pipeline::Pipeline;

/// One line of a value: its byte offset, its text and its terminator
/// (`""`, `"\n"` or `"\r\n"`).
struct Piece<'a> {
    offset: usize,
    text: &'a str,
    terminator: &'a str,
}

/// The lines of `value`, split as `polynorm clean --input-format jsonl`
/// splits a field.
fn pieces(value: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut offset = 0;
    for line in value.split_inclusive('\n') {
        let text = line
            .strip_suffix("\r\n")
            .or_else(|| line.strip_suffix('\n'))
            .unwrap_or(line);
        pieces.push(Piece {
            offset,
            text,
            terminator: line.get(text.len()..).unwrap_or_default(),
        });
        offset += line.len();
    }
    pieces
}

/// Cleans one value exactly as `polynorm clean --input-format jsonl
/// --field F` cleans the field `F` of a record: the value's lines (split at
/// `\n`, keeping `\n` and `\r\n`) are one document for the mixed-script
/// judge, and the value is rebuilt from its cleaned lines only when some
/// line changed. Borrowed when nothing changed.
pub fn clean_value<'a>(pipeline: &Pipeline, value: &'a str) -> Cow<'a, str> {
    if value.is_empty() {
        return Cow::Borrowed(value);
    }
    if !value.contains('\n') {
        let out = pipeline.clean(value);
        return if out.changes.is_empty() {
            Cow::Borrowed(value)
        } else {
            out.text
        };
    }
    let pieces = pieces(value);
    let cleaned = pipeline.clean_document(pieces.iter().map(|p| p.text));
    if cleaned.iter().all(|r| r.changes.is_empty()) {
        return Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len());
    for (piece, result) in pieces.iter().zip(&cleaned) {
        out.push_str(&result.text);
        out.push_str(piece.terminator);
    }
    Cow::Owned(out)
}

/// [`clean_value`] with every change made, byte offsets relative to the
/// value (as `polynorm clean --explain` writes them for a field).
pub fn explain_value<'a>(pipeline: &Pipeline, value: &'a str) -> (Cow<'a, str>, Vec<Change>) {
    if value.is_empty() {
        return (Cow::Borrowed(value), Vec::new());
    }
    let pieces = pieces(value);
    let cleaned = pipeline.clean_document(pieces.iter().map(|p| p.text));
    let mut changes = Vec::new();
    for (piece, result) in pieces.iter().zip(&cleaned) {
        changes.extend(result.changes.iter().map(|c| Change {
            start: c.start + piece.offset,
            end: c.end + piece.offset,
            ..c.clone()
        }));
    }
    if changes.is_empty() {
        return (Cow::Borrowed(value), changes);
    }
    let mut out = String::with_capacity(value.len());
    for (piece, result) in pieces.iter().zip(&cleaned) {
        out.push_str(&result.text);
        out.push_str(piece.terminator);
    }
    (Cow::Owned(out), changes)
}

/// A transliteration scheme with its options and direction, as
/// `polynorm translit --scheme NAME [--name] [--tones] [--reverse]`.
#[derive(Clone, Debug)]
pub struct Translit {
    /// The scheme.
    pub scheme: Scheme,
    /// Text or name mode, tone marks.
    pub options: Options,
    /// Back into the scheme's source script.
    pub reverse: bool,
}

impl Translit {
    /// The transliteration of `text`; borrowed when nothing changes.
    pub fn apply<'a>(&self, text: &'a str) -> Cow<'a, str> {
        if self.reverse {
            self.scheme
                .reverse(text, &self.options)
                .unwrap_or(Cow::Borrowed(text))
        } else {
            self.scheme.transliterate_with(text, &self.options)
        }
    }
}

/// The summary of a `detect` analysis that the Arrow output carries as
/// columns, beside the whole analysis as JSON.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DetectRow {
    /// The analysis as JSON, the object `polynorm detect` writes (without
    /// its `line` field).
    pub json: String,
    /// The script with the most letters, by its long name (`Latin`).
    pub dominant_script: Option<&'static str>,
    /// The language as an ISO 639-3 code (`rus`).
    pub language: Option<&'static str>,
    /// The language guess's confidence, 0 to 1.
    pub confidence: Option<f64>,
    /// Whether the language guess is reliable.
    pub reliable: Option<bool>,
}

/// Analyses `text` as `polynorm detect` does.
pub fn detect_value(pipeline: &Pipeline, text: &str) -> DetectRow {
    let analysis = pipeline.detect(text);
    DetectRow {
        json: serde_json::to_string(&analysis).unwrap_or_default(),
        dominant_script: analysis.dominant_script.map(Script::full_name),
        language: analysis.language.as_ref().map(LanguageGuess::code),
        confidence: analysis.language.as_ref().map(|l| l.confidence),
        reliable: analysis.language.as_ref().map(LanguageGuess::is_reliable),
    }
}

/// The changes as a JSON array, as `polynorm clean --explain` writes them.
pub fn changes_json(changes: &[Change]) -> String {
    serde_json::to_string(changes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_value_borrows_clean_text() {
        let p = Pipeline::default();
        assert!(matches!(clean_value(&p, "plain text"), Cow::Borrowed(_)));
        assert!(matches!(clean_value(&p, "a\nb\r\n"), Cow::Borrowed(_)));
        assert!(matches!(clean_value(&p, ""), Cow::Borrowed(_)));
    }

    #[test]
    fn lines_keep_their_terminators() {
        let p = Pipeline::default();
        assert_eq!(
            clean_value(&p, "a\u{200B}b\r\nsecond\u{00A0}line\n"),
            "ab\r\nsecond line\n"
        );
    }

    #[test]
    fn the_lines_of_a_value_are_one_document() {
        let p = Pipeline::default();
        assert_eq!(
            clean_value(&p, "Minister Sergeн Shoigu said."),
            "Minister Sergeн Shoigu said."
        );
        let value = "Minister Sergeн Shoigu said.\n\
                     Sergey Shoigu met Li. Sergey Shoigu spoke. Sergey Shoigu left.";
        assert!(clean_value(&p, value).starts_with("Minister Sergey Shoigu said.\n"));
    }

    #[test]
    fn explained_offsets_are_relative_to_the_value() {
        let p = Pipeline::default();
        let (text, changes) = explain_value(&p, "ok\nx\u{200B}y");
        assert_eq!(text, "ok\nxy");
        assert_eq!((changes[0].start, changes[0].end), (4, 7));
        assert_eq!(changes[0].kind.as_str(), "zero_width");
        assert_eq!(text, clean_value(&p, "ok\nx\u{200B}y"));
    }

    #[test]
    fn detect_summarizes() {
        let row = detect_value(&Pipeline::default(), "Сергей Шойгу");
        assert_eq!(row.dominant_script, Some("Cyrillic"));
        assert!(row.json.starts_with("{\"runs\":["));
    }
}
