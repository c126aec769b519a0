//! Options shared by all schemes.

/// What kind of text is being transliterated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum Mode {
    /// Running text.
    #[default]
    Text,
    /// A person's name: surname readings for Han, name conventions for
    /// best-effort reverse schemes, `Surname Given` spacing.
    Name,
}

/// Options for [`Scheme::transliterate_with`](crate::Scheme::transliterate_with).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Options {
    /// Running text or a person's name.
    pub mode: Mode,
    /// Tone marks in pinyin output (`Xí Jìnpíng`); ignored by schemes without tones.
    pub tones: bool,
}

impl Options {
    /// Default options: text mode, no tone marks.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the mode.
    #[must_use]
    pub fn mode(mut self, mode: Mode) -> Self {
        self.mode = mode;
        self
    }

    /// Turns tone marks on or off.
    #[must_use]
    pub fn tones(mut self, tones: bool) -> Self {
        self.tones = tones;
        self
    }
}
