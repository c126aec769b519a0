//! The jobs of `clean` and `detect` on one record's fields.

use polynorm_pipeline::repair::Change;
use polynorm_pipeline::translit::{Options, Scheme};
use polynorm_pipeline::Pipeline;
use serde::ser::{Serialize, SerializeMap, Serializer};

use super::{Job, JobOutput};
use crate::stats::Counts;

/// `clean`: the selected fields of a record are one document; each field
/// is split into lines (keeping `\n` / `\r\n`), and the lines of all of
/// them are cleaned together with [`Pipeline::clean_document`], so a word
/// in one field is judged by how the others spell it.
pub(crate) struct CleanJob {
    pub(crate) pipeline: Pipeline,
    /// Write the changes into the output field.
    pub(crate) explain: bool,
    /// The `--field` names, keys of the explanation object.
    pub(crate) names: Vec<String>,
}

/// One line of a field.
struct Piece<'a> {
    field: usize,
    /// Byte offset of the line in its field.
    offset: usize,
    text: &'a str,
    terminator: &'a str,
}

fn pieces<'a>(fields: &[&'a str]) -> Vec<Piece<'a>> {
    let mut pieces = Vec::with_capacity(fields.len());
    for (field, &value) in fields.iter().enumerate() {
        let mut offset = 0;
        // (memchr's search, not `split_inclusive`: most fields are one long line.)
        let last_end = (!value.is_empty() && !value.ends_with('\n')).then_some(value.len());
        let ends = memchr::memchr_iter(b'\n', value.as_bytes()).map(|k| k + 1);
        for end in ends.chain(last_end) {
            let line = value.get(offset..end).unwrap_or_default();
            let text = line
                .strip_suffix("\r\n")
                .or_else(|| line.strip_suffix('\n'))
                .unwrap_or(line);
            pieces.push(Piece {
                field,
                offset,
                text,
                terminator: &line[text.len()..],
            });
            offset = end;
        }
        if value.is_empty() {
            pieces.push(Piece {
                field,
                offset: 0,
                text: "",
                terminator: "",
            });
        }
    }
    pieces
}

impl Job for CleanJob {
    fn run(&self, fields: &[&str], counts: &mut Counts) -> JobOutput {
        let pieces = pieces(fields);
        let cleaned = self.pipeline.clean_document(pieces.iter().map(|p| p.text));
        let mut values: Vec<Option<String>> = vec![None; fields.len()];
        let mut changes: Vec<Vec<Change>> = if self.explain {
            vec![Vec::new(); fields.len()]
        } else {
            Vec::new()
        };
        for (piece, result) in pieces.iter().zip(&cleaned) {
            if result.changes.is_empty() {
                continue;
            }
            for change in &result.changes {
                counts.change(change.kind.as_str());
            }
            values[piece.field] = Some(String::new());
            if let Some(list) = changes.get_mut(piece.field) {
                list.extend(result.changes.iter().map(|c| Change {
                    start: c.start + piece.offset,
                    end: c.end + piece.offset,
                    ..c.clone()
                }));
            }
        }
        // Rebuild the changed fields from their lines.
        for (piece, result) in pieces.iter().zip(&cleaned) {
            if let Some(Some(value)) = values.get_mut(piece.field) {
                value.push_str(&result.text);
                value.push_str(piece.terminator);
            }
        }
        let extra = self.explain.then(|| {
            let mut json = Vec::new();
            let _ = crate::json::write_value(&mut json, &ByField(&self.names, &changes));
            json
        });
        JobOutput { values, extra }
    }
}

/// `detect`: the analysis of each selected field (scripts, runs, tokens,
/// restriction levels, dominant script, language) into the output field.
pub(crate) struct DetectJob {
    pub(crate) pipeline: Pipeline,
    pub(crate) names: Vec<String>,
}

impl Job for DetectJob {
    fn run(&self, fields: &[&str], _counts: &mut Counts) -> JobOutput {
        let analyses: Vec<_> = fields.iter().map(|f| self.pipeline.detect(f)).collect();
        let mut json = Vec::new();
        let _ = crate::json::write_value(&mut json, &ByField(&self.names, &analyses));
        JobOutput {
            values: vec![None; fields.len()],
            extra: Some(json),
        }
    }
}

/// A JSON object with one entry per field, in `--field` order.
struct ByField<'a, T>(&'a [String], &'a [T]);

impl<T: Serialize> Serialize for ByField<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in self.0.iter().zip(self.1) {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

/// `translit`: each selected field transliterated by one scheme.
pub(crate) struct TranslitJob {
    pub(crate) scheme: Scheme,
    pub(crate) options: Options,
    /// Back into the scheme's source script.
    pub(crate) reverse: bool,
}

impl TranslitJob {
    /// The transliteration of `text`; borrowed when nothing changes.
    pub(crate) fn apply<'a>(&self, text: &'a str) -> std::borrow::Cow<'a, str> {
        if self.reverse {
            self.scheme
                .reverse(text, &self.options)
                .unwrap_or(std::borrow::Cow::Borrowed(text))
        } else {
            self.scheme.transliterate_with(text, &self.options)
        }
    }
}

impl Job for TranslitJob {
    fn run(&self, fields: &[&str], counts: &mut Counts) -> JobOutput {
        let values = fields
            .iter()
            .map(|f| match self.apply(f) {
                std::borrow::Cow::Owned(changed) if changed != *f => {
                    counts.change("translit");
                    Some(changed)
                }
                _ => None,
            })
            .collect();
        JobOutput {
            values,
            extra: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(fields: &[&str], explain: bool) -> (JobOutput, Counts) {
        let job = CleanJob {
            pipeline: Pipeline::default(),
            explain,
            names: (0..fields.len()).map(|i| format!("f{i}")).collect(),
        };
        let mut counts = Counts::default();
        (job.run(fields, &mut counts), counts)
    }

    #[test]
    fn pieces_are_the_lines_of_each_field() {
        let fields = ["a\r\nb\n\nc", "", "x\n", "\n"];
        let got: Vec<(usize, usize, &str, &str)> = pieces(&fields)
            .iter()
            .map(|p| (p.field, p.offset, p.text, p.terminator))
            .collect();
        assert_eq!(
            got,
            [
                (0, 0, "a", "\r\n"),
                (0, 3, "b", "\n"),
                (0, 5, "", "\n"),
                (0, 6, "c", ""),
                (1, 0, "", ""),
                (2, 0, "x", "\n"),
                (3, 0, "", "\n"),
            ]
        );
    }

    #[test]
    fn unchanged_fields_are_none() {
        let (out, counts) = clean(&["plain text", "Сергей"], false);
        assert_eq!(out.values, [None, None]);
        assert!(out.extra.is_none());
        assert!(counts.changes.is_empty());
    }

    #[test]
    fn lines_of_a_field_keep_their_terminators() {
        let (out, counts) = clean(&["a\u{200B}b\r\nsecond\u{00A0}line\n", "ok"], false);
        assert_eq!(out.values, [Some("ab\r\nsecond line\n".to_owned()), None]);
        assert_eq!(counts.changes["zero_width"], 1);
        assert_eq!(counts.changes["space"], 1);
    }

    #[test]
    fn explanation_offsets_are_relative_to_the_field() {
        let (out, _) = clean(&["ok\nx\u{200B}y"], true);
        let json: serde_json::Value = serde_json::from_slice(&out.extra.unwrap()).unwrap();
        assert_eq!(json["f0"][0]["start"], 4);
        assert_eq!(json["f0"][0]["kind"], "zero_width");
    }

    #[test]
    fn the_fields_of_a_record_are_one_document() {
        // `Sergeн` alone is left alone; with another field spelling
        // `Sergey`, it is repaired.
        let (alone, _) = clean(&["Minister Sergeн Shoigu said."], false);
        assert_eq!(alone.values, [None]);
        let (together, _) = clean(
            &[
                "Minister Sergeн Shoigu said.",
                "Sergey Shoigu met Li. Sergey Shoigu spoke. Sergey Shoigu left.",
            ],
            false,
        );
        assert_eq!(
            together.values[0].as_deref(),
            Some("Minister Sergey Shoigu said.")
        );
    }
}
