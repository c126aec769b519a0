//! Builds a stage's output lazily: nothing is allocated until the first edit.

use std::borrow::Cow;

use crate::{Change, ChangeKind, Repaired};

/// Collects the edits of one pass over `text`, left to right.
pub(crate) struct Editor<'a> {
    text: &'a str,
    out: Option<String>,
    /// Input bytes before this offset are already in `out`.
    copied: usize,
    changes: Vec<Change>,
    /// Everything before this input offset was removed: the output so far is
    /// empty exactly when the current position equals it.
    removed_prefix: usize,
}

impl<'a> Editor<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Editor {
            text,
            out: None,
            copied: 0,
            changes: Vec::new(),
            removed_prefix: 0,
        }
    }

    /// Whether every character before input offset `at` was removed.
    pub(crate) fn output_empty_at(&self, at: usize) -> bool {
        at == self.removed_prefix
    }

    /// Replaces input `start..end` with `with`. Edits must come in order and
    /// must not overlap; `start..end` must lie on character boundaries.
    pub(crate) fn edit(
        &mut self,
        start: usize,
        end: usize,
        with: &str,
        kind: ChangeKind,
        evidence: Cow<'static, str>,
    ) {
        debug_assert!(self.copied <= start && start < end && end <= self.text.len());
        let text = self.text;
        let out = self
            .out
            .get_or_insert_with(|| String::with_capacity(text.len()));
        out.push_str(text.get(self.copied..start).unwrap_or_default());
        out.push_str(with);
        self.copied = end;
        if with.is_empty() && start == self.removed_prefix {
            self.removed_prefix = end;
        }
        self.changes.push(Change {
            kind,
            start,
            end,
            before: text.get(start..end).unwrap_or_default().to_owned(),
            after: with.to_owned(),
            confidence: 1.0,
            evidence,
        });
    }

    /// The result: borrowed if there was no edit.
    pub(crate) fn finish(self) -> Repaired<'a> {
        match self.out {
            None => Repaired::unchanged(self.text),
            Some(mut out) => {
                out.push_str(self.text.get(self.copied..).unwrap_or_default());
                Repaired {
                    text: Cow::Owned(out),
                    changes: self.changes,
                }
            }
        }
    }
}
