//! Known people: a canonical name, its aliases and an optional identifier.

use crate::Error;

/// One known person.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct GazetteerEntry {
    /// The name to report for everyone resolved to this person.
    pub canonical: String,
    /// Other names of the person: spellings, scripts, names no transliteration
    /// links (`Chiang Kai-shek` / `Jiang Jieshi`).
    #[cfg_attr(feature = "serde", serde(default))]
    pub aliases: Vec<String>,
    /// An identifier (a database key, a sanctions-list reference).
    #[cfg_attr(feature = "serde", serde(default))]
    pub id: Option<String>,
}

impl GazetteerEntry {
    /// An entry with no aliases and no identifier.
    pub fn new(canonical: impl Into<String>) -> GazetteerEntry {
        GazetteerEntry {
            canonical: canonical.into(),
            aliases: Vec::new(),
            id: None,
        }
    }

    /// The canonical name and the aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.canonical.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// A list of known people that clustering resolves names against: names that
/// match an entry take its canonical name and identifier, and names that
/// match two different entries are never merged.
///
/// ```
/// use polynorm_names::Gazetteer;
///
/// let g = Gazetteer::from_tsv("# canonical\taliases\tid\nSergey Shoigu\tSergei Shoigu|Шойгу Сергей Кужугетович\tQ210503\n")?;
/// assert_eq!(g.len(), 1);
/// assert_eq!(g.entries()[0].aliases.len(), 2);
/// assert!(Gazetteer::from_tsv("\tno canonical\n").is_err());
/// # Ok::<(), polynorm_names::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Gazetteer {
    entries: Vec<GazetteerEntry>,
}

impl Gazetteer {
    /// A gazetteer of `entries`.
    ///
    /// # Errors
    ///
    /// An entry with an empty canonical name, or two entries with one identifier.
    pub fn new(entries: Vec<GazetteerEntry>) -> Result<Gazetteer, Error> {
        let mut ids: Vec<&str> = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            if e.canonical.trim().is_empty() {
                return Err(Error::gazetteer(i + 1, "empty canonical name"));
            }
            if let Some(id) = e.id.as_deref() {
                if ids.contains(&id) {
                    return Err(Error::gazetteer(
                        i + 1,
                        format!("identifier {id:?} used twice"),
                    ));
                }
                ids.push(id);
            }
        }
        Ok(Gazetteer { entries })
    }

    /// Reads a tab-separated gazetteer: `canonical<TAB>aliases<TAB>id`, the
    /// aliases separated by `|`; the last two columns may be empty or
    /// missing; `#` starts a comment line.
    ///
    /// # Errors
    ///
    /// A line with more than three columns or an empty canonical name, or a
    /// repeated identifier, naming the line.
    pub fn from_tsv(text: &str) -> Result<Gazetteer, Error> {
        let mut entries = Vec::new();
        let mut ids: Vec<(String, usize)> = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() > 3 {
                return Err(Error::gazetteer(
                    i + 1,
                    "more than three tab-separated columns",
                ));
            }
            let canonical = fields.first().map_or("", |s| s.trim());
            if canonical.is_empty() {
                return Err(Error::gazetteer(i + 1, "empty canonical name"));
            }
            let aliases = fields
                .get(1)
                .map(|a| {
                    a.split('|')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default();
            let id = fields
                .get(2)
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .map(str::to_owned);
            if let Some(id) = &id {
                if let Some((_, first)) = ids.iter().find(|(x, _)| x == id) {
                    return Err(Error::gazetteer(
                        i + 1,
                        format!("identifier {id:?} already used on line {first}"),
                    ));
                }
                ids.push((id.clone(), i + 1));
            }
            entries.push(GazetteerEntry {
                canonical: canonical.to_owned(),
                aliases,
                id,
            });
        }
        Ok(Gazetteer { entries })
    }

    /// The entries.
    pub fn entries(&self) -> &[GazetteerEntry] {
        &self.entries
    }

    /// How many entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_columns_are_optional() {
        let g = Gazetteer::from_tsv(
            "Xi Jinping\nLi Shangfu\t\tP2\r\n# comment\n\nLi Qiang\tLi Ch'iang\n",
        )
        .unwrap();
        assert_eq!(g.len(), 3);
        assert_eq!(g.entries()[1].id.as_deref(), Some("P2"));
        assert!(g.entries()[1].aliases.is_empty());
        assert_eq!(g.entries()[2].names().count(), 2);
    }

    #[test]
    fn errors_name_the_line() {
        let e = Gazetteer::from_tsv("a\t\tX\nb\t\tX\n").unwrap_err();
        assert_eq!(e.line(), Some(2));
        let e = Gazetteer::from_tsv("a\tb\tc\td\n").unwrap_err();
        assert_eq!(e.line(), Some(1));
        assert!(Gazetteer::new(vec![GazetteerEntry::new(" ")]).is_err());
    }
}
