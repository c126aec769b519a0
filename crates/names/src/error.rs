//! The one error type of this crate: configuration only, never a name.

use std::fmt;

/// A configuration error: an unknown transliteration scheme, a malformed
/// gazetteer line, or an inconsistent registry.
///
/// Parsing, matching and clustering names never fail; only building the
/// objects that do it can.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum ErrorKind {
    Scheme(polynorm_translit::Error),
    Gazetteer { line: usize, message: String },
    Registry(String),
}

impl Error {
    pub(crate) fn scheme(e: polynorm_translit::Error) -> Error {
        Error {
            kind: ErrorKind::Scheme(e),
        }
    }

    pub(crate) fn gazetteer(line: usize, message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::Gazetteer {
                line,
                message: message.into(),
            },
        }
    }

    pub(crate) fn registry(message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::Registry(message.into()),
        }
    }

    /// The 1-based line of a gazetteer or registry text the error is about, if any.
    pub fn line(&self) -> Option<usize> {
        match &self.kind {
            ErrorKind::Gazetteer { line, .. } => Some(*line),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Scheme(e) => write!(f, "transliteration: {e}"),
            ErrorKind::Gazetteer { line, message } => write!(f, "gazetteer line {line}: {message}"),
            ErrorKind::Registry(message) => write!(f, "registry: {message}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Scheme(e) => Some(e),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_and_chains() {
        let e = Error::gazetteer(3, "empty canonical name");
        assert_eq!(e.to_string(), "gazetteer line 3: empty canonical name");
        assert_eq!(e.line(), Some(3));
        let e = Error::scheme(polynorm_translit::Scheme::from_name("xx").unwrap_err());
        assert!(std::error::Error::source(&e).is_some());
        assert!(e.to_string().starts_with("transliteration: "));
    }
}
