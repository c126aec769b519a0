//! Hygiene options and the crate's error type.

use std::fmt;
use std::str::FromStr;

/// A Unicode normalization form ([UAX #15]).
///
/// Parses from and prints as `nfc`, `nfd`, `nfkc`, `nfkd` (parsing ignores
/// ASCII case).
///
/// [UAX #15]: https://www.unicode.org/reports/tr15/
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum NormalizationForm {
    /// Canonical composition (the default): the form most text is in.
    #[default]
    Nfc,
    /// Canonical decomposition.
    Nfd,
    /// Compatibility composition: also folds ligatures, fullwidth forms,
    /// superscripts and the like.
    Nfkc,
    /// Compatibility decomposition.
    Nfkd,
}

impl NormalizationForm {
    /// Every form.
    pub const ALL: [NormalizationForm; 4] = [
        NormalizationForm::Nfc,
        NormalizationForm::Nfd,
        NormalizationForm::Nfkc,
        NormalizationForm::Nfkd,
    ];

    /// The lowercase name: `"nfc"`, `"nfd"`, `"nfkc"` or `"nfkd"`.
    pub fn as_str(self) -> &'static str {
        match self {
            NormalizationForm::Nfc => "nfc",
            NormalizationForm::Nfd => "nfd",
            NormalizationForm::Nfkc => "nfkc",
            NormalizationForm::Nfkd => "nfkd",
        }
    }

    /// The uppercase name used in evidence: `"NFC"`, ….
    pub(crate) fn label(self) -> &'static str {
        match self {
            NormalizationForm::Nfc => "NFC",
            NormalizationForm::Nfd => "NFD",
            NormalizationForm::Nfkc => "NFKC",
            NormalizationForm::Nfkd => "NFKD",
        }
    }
}

impl fmt::Display for NormalizationForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for NormalizationForm {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        NormalizationForm::ALL
            .into_iter()
            .find(|form| form.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| Error {
                kind: ErrorKind::UnknownNormalizationForm(s.to_owned()),
            })
    }
}

/// What to do with U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum LineSeparatorMode {
    /// Replace with U+0020 SPACE (the default), so one input line stays one
    /// output line.
    #[default]
    Space,
    /// Replace with U+000A LINE FEED.
    Newline,
    /// Leave them alone.
    Keep,
}

/// Which hygiene rules [`Hygiene`](crate::Hygiene) applies.
///
/// The [`Default`] turns on every rule except `html_entities`, `fullwidth`
/// and `quotes`, and normalizes to NFC. The crate documentation has the
/// table of rules.
#[allow(clippy::struct_excessive_bools)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct HygieneOptions {
    /// Normalization form; `None` turns normalization off. Default `Some(Nfc)`.
    pub normalization: Option<NormalizationForm>,
    /// Remove C0/C1 controls; VT, FF, lone CR and NEL become a space. Default on.
    pub controls: bool,
    /// Remove U+FEFF at the start of the text. Default on.
    pub bom: bool,
    /// Remove U+00AD SOFT HYPHEN. Default on.
    pub soft_hyphens: bool,
    /// Remove invisible characters that carry no meaning (ZWSP, WJ, stray
    /// ZWJ/ZWNJ, tags, fillers, …). Default on.
    pub zero_width: bool,
    /// Remove bidi embeddings, overrides and isolates (U+202A..U+202E,
    /// U+2066..U+2069). Default on.
    pub bidi_controls: bool,
    /// Replace exotic spaces with U+0020. Default on.
    pub spaces: bool,
    /// Handling of U+2028/U+2029. Default [`LineSeparatorMode::Space`].
    pub line_separators: LineSeparatorMode,
    /// Decode HTML character references. Default off.
    pub html_entities: bool,
    /// Map fullwidth ASCII variants (U+FF01..U+FF5E) to ASCII. Default off.
    pub fullwidth: bool,
    /// Map typographic quotes to ASCII `'` and `"`. Default off.
    pub quotes: bool,
}

impl Default for HygieneOptions {
    fn default() -> Self {
        HygieneOptions {
            normalization: Some(NormalizationForm::Nfc),
            controls: true,
            bom: true,
            soft_hyphens: true,
            zero_width: true,
            bidi_controls: true,
            spaces: true,
            line_separators: LineSeparatorMode::Space,
            html_entities: false,
            fullwidth: false,
            quotes: false,
        }
    }
}

impl HygieneOptions {
    /// Every rule off: [`Hygiene`](crate::Hygiene) returns its input.
    pub const fn none() -> Self {
        HygieneOptions {
            normalization: None,
            controls: false,
            bom: false,
            soft_hyphens: false,
            zero_width: false,
            bidi_controls: false,
            spaces: false,
            line_separators: LineSeparatorMode::Keep,
            html_entities: false,
            fullwidth: false,
            quotes: false,
        }
    }

    /// Every rule on, including the optional ones, with NFC normalization.
    pub const fn all() -> Self {
        HygieneOptions {
            normalization: Some(NormalizationForm::Nfc),
            controls: true,
            bom: true,
            soft_hyphens: true,
            zero_width: true,
            bidi_controls: true,
            spaces: true,
            line_separators: LineSeparatorMode::Space,
            html_entities: true,
            fullwidth: true,
            quotes: true,
        }
    }

    /// Whether any per-character rule (everything but normalization and HTML
    /// references) is on.
    pub(crate) fn any_char_rule(&self) -> bool {
        self.controls
            || self.bom
            || self.soft_hyphens
            || self.zero_width
            || self.bidi_controls
            || self.spaces
            || self.line_separators != LineSeparatorMode::Keep
            || self.fullwidth
            || self.quotes
    }
}

/// An error in configuration, such as an unknown normalization form name.
///
/// Repairing text never fails; only parsing options does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum ErrorKind {
    UnknownNormalizationForm(String),
    WordList { line: usize, text: String },
}

impl Error {
    /// A word list line that is not one word.
    pub(crate) fn word_list(line: usize, text: &str) -> Error {
        Error {
            kind: ErrorKind::WordList {
                line,
                text: text.to_owned(),
            },
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::UnknownNormalizationForm(name) => write!(
                f,
                "unknown normalization form {name:?} (expected nfc, nfd, nfkc or nfkd)"
            ),
            ErrorKind::WordList { line, text } => write!(
                f,
                "line {line}: {text:?} is not one word (one word per line; # starts a comment)"
            ),
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_options_match_the_documented_defaults() {
        let o = HygieneOptions::default();
        assert_eq!(o.normalization, Some(NormalizationForm::Nfc));
        assert!(o.controls && o.bom && o.soft_hyphens && o.zero_width);
        assert!(o.bidi_controls && o.spaces);
        assert_eq!(o.line_separators, LineSeparatorMode::Space);
        assert!(!o.html_entities && !o.fullwidth && !o.quotes);
    }

    #[test]
    fn none_and_all() {
        assert!(!HygieneOptions::none().any_char_rule());
        assert_eq!(HygieneOptions::none().normalization, None);
        let all = HygieneOptions::all();
        assert!(all.html_entities && all.fullwidth && all.quotes && all.controls);
    }

    #[test]
    fn normalization_form_round_trips_through_its_name() {
        for form in NormalizationForm::ALL {
            assert_eq!(form.as_str().parse::<NormalizationForm>(), Ok(form));
            assert_eq!(form.to_string(), form.as_str());
        }
        assert_eq!(
            "NFKC".parse::<NormalizationForm>(),
            Ok(NormalizationForm::Nfkc)
        );
    }

    #[test]
    fn unknown_normalization_form_is_an_error() {
        let err = "nfx".parse::<NormalizationForm>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown normalization form \"nfx\" (expected nfc, nfd, nfkc or nfkd)"
        );
    }
}
