//! The scheme registry: every named scheme, its metadata and its functions.

use std::borrow::Cow;
use std::fmt;

use crate::Options;

/// A transliteration function: borrows the input when nothing changes.
pub(crate) type Apply = for<'a> fn(&'a str, &Options) -> Cow<'a, str>;

/// One scheme's definition. Each script module exports a `SCHEMES` slice of these.
#[derive(Clone, Copy)]
pub(crate) struct SchemeDef {
    /// Stable identifier used on the command line, e.g. `ru-icao`.
    pub(crate) name: &'static str,
    /// The language (BCP 47) the scheme is defined for; `und` when it is script-wide.
    pub(crate) language: &'static str,
    /// Human title, e.g. `Russian, ICAO Doc 9303`.
    pub(crate) title: &'static str,
    /// The standard, with edition and year, e.g. `ICAO Doc 9303 Part 3, 8th ed. (2021)`.
    pub(crate) standard: &'static str,
    /// ISO 15924 codes of the scripts it reads.
    pub(crate) from: &'static [&'static str],
    /// ISO 15924 code of the script it writes.
    pub(crate) to: &'static str,
    /// Forward direction.
    pub(crate) forward: Apply,
    /// Reverse direction, for reversible schemes (exact) and best-effort name modes.
    pub(crate) reverse: Option<Apply>,
    /// Whether `reverse(forward(x)) == x` for every text in the source script.
    pub(crate) reversible: bool,
}

/// A named transliteration scheme.
///
/// ```
/// use polynorm_translit::Scheme;
///
/// let icao = Scheme::from_name("ru-icao")?;
/// assert_eq!(icao.standard().is_empty(), false);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy)]
pub struct Scheme(&'static SchemeDef);

impl Scheme {
    /// Every scheme, in a stable order (grouped by source script).
    pub fn all() -> impl Iterator<Item = Scheme> {
        crate::REGISTRY
            .iter()
            .flat_map(|group| group.iter())
            .map(Scheme)
    }

    /// Looks a scheme up by its name (ASCII case-insensitive).
    ///
    /// # Errors
    ///
    /// [`Error`] naming the unknown scheme and listing the valid names.
    pub fn from_name(name: &str) -> Result<Scheme, Error> {
        Self::all()
            .find(|s| s.0.name.eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| Error::UnknownScheme(name.to_owned()))
    }

    /// The scheme's identifier, e.g. `ru-icao`.
    pub fn name(self) -> &'static str {
        self.0.name
    }

    /// The language (BCP 47) the scheme is defined for; `und` when script-wide.
    pub fn language(self) -> &'static str {
        self.0.language
    }

    /// A human title, e.g. `Russian, ICAO Doc 9303`.
    pub fn title(self) -> &'static str {
        self.0.title
    }

    /// The standard the scheme implements, with edition and year.
    pub fn standard(self) -> &'static str {
        self.0.standard
    }

    /// ISO 15924 codes of the scripts the scheme reads.
    pub fn source_scripts(self) -> &'static [&'static str] {
        self.0.from
    }

    /// ISO 15924 code of the script the scheme writes.
    pub fn target_script(self) -> &'static str {
        self.0.to
    }

    /// Whether the scheme is exactly reversible: `reverse(transliterate(x)) == x`.
    pub fn is_reversible(self) -> bool {
        self.0.reversible
    }

    /// Whether [`Scheme::reverse`] exists (exact or best-effort).
    pub fn has_reverse(self) -> bool {
        self.0.reverse.is_some()
    }

    /// Transliterates `text` with default [`Options`]. Text outside the
    /// scheme's source scripts passes through unchanged; borrows when nothing changes.
    pub fn transliterate(self, text: &str) -> Cow<'_, str> {
        (self.0.forward)(text, &Options::default())
    }

    /// Transliterates `text` with `options` (name mode, tone marks, …).
    pub fn transliterate_with<'a>(self, text: &'a str, options: &Options) -> Cow<'a, str> {
        (self.0.forward)(text, options)
    }

    /// The reverse direction (target script back to source), if the scheme has one.
    pub fn reverse<'a>(self, text: &'a str, options: &Options) -> Option<Cow<'a, str>> {
        self.0.reverse.map(|f| f(text, options))
    }
}

impl fmt::Debug for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Scheme")
            .field("name", &self.0.name)
            .field("standard", &self.0.standard)
            .field("from", &self.0.from)
            .field("to", &self.0.to)
            .field("reversible", &self.0.reversible)
            .finish()
    }
}

impl PartialEq for Scheme {
    fn eq(&self, other: &Self) -> bool {
        self.0.name == other.0.name
    }
}

impl Eq for Scheme {}

/// The errors of this crate: configuration only, never text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// No scheme has this name.
    UnknownScheme(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::UnknownScheme(name) => {
                write!(
                    f,
                    "unknown transliteration scheme `{name}`; valid schemes: "
                )?;
                for (i, s) in Scheme::all().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    f.write_str(s.name())?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_lowercase() {
        let mut names: Vec<_> = Scheme::all().map(Scheme::name).collect();
        for n in &names {
            assert_eq!(*n, n.to_ascii_lowercase(), "{n}");
        }
        let before = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(before, names.len(), "duplicate scheme names");
    }

    #[test]
    fn unknown_scheme_lists_valid_names() {
        let err = Scheme::from_name("klingon").unwrap_err().to_string();
        assert!(err.contains("klingon"));
        for s in Scheme::all() {
            assert!(err.contains(s.name()), "{err}");
        }
    }

    #[test]
    fn reversible_schemes_have_reverse() {
        for s in Scheme::all() {
            if s.is_reversible() {
                assert!(s.has_reverse(), "{}", s.name());
            }
        }
    }
}
