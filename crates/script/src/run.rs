//! Script runs: maximal substrings in one script, after the manner of
//! [UAX #24] (which discusses script runs and the handling of Common and
//! Inherited characters), using `Script_Extensions` ([UAX #24 scx]).
//!
//! See [`runs`] for the rules.
//!
//! [UAX #24]: https://www.unicode.org/reports/tr24/
//! [UAX #24 scx]: https://www.unicode.org/reports/tr24/#Assignment_ScriptX_Values

use core::iter::FusedIterator;

use crate::{script, script_extensions, Script};

/// One script run: the byte range `start..end` of the text and its script.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Run {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// The run's script: never Inherited; Common only when the whole text
    /// has no other script.
    pub script: Script,
}

impl Run {
    /// The run's text, given the text it was found in (`None` if `text` is
    /// not that text and the range does not fit).
    pub fn text<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start..self.end)
    }
}

/// The script runs of `text`, in order; together they tile `text` exactly
/// (the empty text has none). Rules, applied left to right:
///
/// - a Common or Inherited character (by Script) joins the current run; at
///   the start of the text such characters join the run that follows them;
/// - any other character continues the current run when the run's script is
///   in its `Script_Extensions`, and otherwise starts a new run with its own
///   Script value;
/// - a text with no other character is one [`Script::Common`] run.
///
/// So `"Sergeн"` is a Latin run `"Serge"` and a Cyrillic run `"н"`, and
/// `"Li said Сергей"` is `"Li said "` (Latin, with the spaces) then `"Сергей"`.
/// Unlike full [UAX #24] run resolution there is no bracket pairing and a
/// Common character never starts a run of its own.
///
/// ```
/// use polynorm_script::{runs, Run, Script};
///
/// let got: Vec<Run> = runs("Sergeн").collect();
/// assert_eq!(got, [
///     Run { start: 0, end: 5, script: Script::Latin },
///     Run { start: 5, end: 7, script: Script::Cyrillic },
/// ]);
/// ```
///
/// [UAX #24]: https://www.unicode.org/reports/tr24/
pub fn runs(text: &str) -> Runs<'_> {
    Runs { text, pos: 0 }
}

/// Iterator over the [`Run`]s of a text, made by [`runs`]. Allocates nothing.
#[derive(Clone, Debug)]
pub struct Runs<'a> {
    text: &'a str,
    pos: usize,
}

impl Iterator for Runs<'_> {
    type Item = Run;

    fn next(&mut self) -> Option<Run> {
        let start = self.pos;
        let rest = self.text.get(start..).filter(|r| !r.is_empty())?;
        let mut current: Option<Script> = None;
        let mut end = self.text.len();
        for (i, c) in rest.char_indices() {
            let sc = script(c);
            if sc.is_common_or_inherited() {
                continue;
            }
            match current {
                None => current = Some(sc),
                Some(run) if sc == run || script_extensions(c).contains(run) => {}
                Some(_) => {
                    end = start + i;
                    break;
                }
            }
        }
        self.pos = end;
        Some(Run {
            start,
            end,
            script: current.unwrap_or(Script::Common),
        })
    }
}

impl FusedIterator for Runs<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<(&str, Script)> {
        runs(text)
            .map(|r| (r.text(text).unwrap(), r.script))
            .collect()
    }

    #[test]
    fn latin_name_with_cyrillic_tail() {
        assert_eq!(
            spans("Sergeн"),
            [("Serge", Script::Latin), ("н", Script::Cyrillic)]
        );
    }

    #[test]
    fn spaces_join_the_run_before() {
        assert_eq!(
            spans("Li said Сергей"),
            [("Li said ", Script::Latin), ("Сергей", Script::Cyrillic)]
        );
    }

    #[test]
    fn leading_common_joins_the_next_run() {
        assert_eq!(spans("«Сергей»"), [("«Сергей»", Script::Cyrillic)]);
        assert_eq!(spans("1. abc"), [("1. abc", Script::Latin)]);
    }

    #[test]
    fn only_common_is_one_common_run() {
        assert_eq!(spans("123 !?"), [("123 !?", Script::Common)]);
        assert_eq!(spans("\u{301}"), [("\u{301}", Script::Common)]);
    }

    #[test]
    fn empty_text_has_no_runs() {
        assert_eq!(runs("").next(), None);
    }

    #[test]
    fn extensions_continue_a_run() {
        // Arabic-Indic digits are sc=Arabic, scx={Arab, Thaa, Yezi}.
        assert_eq!(spans("ދިވެހި ٢٠"), [("ދިވެހި ٢٠", Script::Thaana)]);
        assert_eq!(
            spans("abc٢٠"),
            [("abc", Script::Latin), ("٢٠", Script::Arabic)]
        );
    }

    #[test]
    fn cjk_scripts_are_separate_runs() {
        assert_eq!(
            spans("東京タワー"),
            [("東京", Script::Han), ("タワー", Script::Katakana)]
        );
    }

    #[test]
    fn unassigned_is_its_own_run() {
        assert_eq!(
            spans("a\u{50000}b"),
            [
                ("a", Script::Latin),
                ("\u{50000}", Script::Unknown),
                ("b", Script::Latin)
            ]
        );
    }

    #[test]
    fn fused() {
        let mut it = runs("ab");
        assert!(it.next().is_some());
        assert!(it.next().is_none());
        assert!(it.next().is_none());
    }
}
