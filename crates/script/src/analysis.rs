//! [`analyze`]: runs, tokens, dominant script and language of a text in one
//! call, for callers (the CLI's `--explain`, the repair stage) that want
//! everything.

use crate::{
    detect_language, dominant_script, runs, script_counts, tokens, LanguageGuess, Script, Token,
};

/// A script run needs at least this many letters (Alphabetic characters of
/// its own script, as [`script_counts`] counts them) before [`analyze`] asks
/// for its language: under that, trigram statistics say little, and a name
/// or a stray word would get a confident-looking but meaningless guess.
pub const RUN_LANGUAGE_MIN_LETTERS: usize = 12;

/// Everything [`analyze`] found in a text.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Analysis<'a> {
    /// The script runs ([`runs`]), with their text and language.
    pub runs: Vec<RunInfo<'a>>,
    /// The word tokens ([`tokens`]).
    pub tokens: Vec<Token<'a>>,
    /// The script with the most letters ([`dominant_script`]).
    pub dominant_script: Option<Script>,
    /// The language of the whole text ([`detect_language`]).
    pub language: Option<LanguageGuess>,
}

/// A script run with its text and, when it is long enough, its language.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct RunInfo<'a> {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// The run's script.
    pub script: Script,
    /// The run's text: `&text[start..end]`.
    pub text: &'a str,
    /// The run's language, asked only when the run has at least
    /// [`RUN_LANGUAGE_MIN_LETTERS`] letters; `None` otherwise or when
    /// whatlang has no answer.
    pub language: Option<LanguageGuess>,
}

/// Analyzes `text`: its script runs (each with a language guess when it has
/// at least [`RUN_LANGUAGE_MIN_LETTERS`] letters), its word tokens, its
/// dominant script and its language as a whole.
///
/// ```
/// use polynorm_script::{analyze, Script};
///
/// let a = analyze("Li said Сергей");
/// let runs: Vec<(&str, Script)> = a.runs.iter().map(|r| (r.text, r.script)).collect();
/// assert_eq!(runs, [("Li said ", Script::Latin), ("Сергей", Script::Cyrillic)]);
/// assert_eq!(a.tokens.len(), 3);
/// assert!(a.runs.iter().all(|r| r.language.is_none())); // too short to ask
/// ```
pub fn analyze(text: &str) -> Analysis<'_> {
    let runs = runs(text)
        .map(|run| {
            let run_text = text.get(run.start..run.end).unwrap_or_default();
            let letters = script_counts(run_text).get(run.script);
            let language = if letters >= RUN_LANGUAGE_MIN_LETTERS {
                detect_language(run_text)
            } else {
                None
            };
            RunInfo {
                start: run.start,
                end: run.end,
                script: run.script,
                text: run_text,
                language,
            }
        })
        .collect();
    Analysis {
        runs,
        tokens: tokens(text).collect(),
        dominant_script: dominant_script(text),
        language: detect_language(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use whatlang::Lang;

    #[test]
    fn long_runs_get_a_language() {
        let text =
            "Министр обороны провёл совещание в Москве. The minister of defence held a meeting.";
        let a = analyze(text);
        assert_eq!(a.runs.len(), 2);
        assert_eq!(a.runs[0].script, Script::Cyrillic);
        assert_eq!(a.runs[0].language.map(|l| l.lang), Some(Lang::Rus));
        assert_eq!(a.runs[1].language.map(|l| l.lang), Some(Lang::Eng));
        assert_eq!(a.dominant_script, Some(Script::Cyrillic));
    }

    #[test]
    fn empty_text() {
        let a = analyze("");
        assert!(a.runs.is_empty() && a.tokens.is_empty());
        assert_eq!(a.dominant_script, None);
        assert_eq!(a.language, None);
    }

    #[test]
    fn run_texts_tile_the_input() {
        let text = "abc где 東京 1";
        let joined: String = analyze(text).runs.iter().map(|r| r.text).collect();
        assert_eq!(joined, text);
    }
}
