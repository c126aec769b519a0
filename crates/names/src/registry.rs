//! A registry of people learned from batches of names, to resolve the next
//! batch against.

use crate::cluster::Clusterer;
use crate::gazetteer::{Gazetteer, GazetteerEntry};
use crate::Error;

/// One person in a [`Registry`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Entity {
    /// Stable identifier (`P000001` for entities the registry created, or a
    /// gazetteer identifier).
    pub id: String,
    /// The canonical name.
    pub canonical: String,
    /// Every input name resolved to it, with how often.
    #[cfg_attr(feature = "serde", serde(default))]
    pub variants: Vec<(String, u64)>,
}

/// Where one input name went.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Resolution {
    /// The entity's identifier.
    pub id: String,
    /// The entity's canonical name.
    pub canonical: String,
    /// Whether the entity was created by this batch.
    pub new: bool,
}

/// People learned from earlier batches. [`Registry::resolve`] maps each name
/// of a batch to a known entity or creates a new one; the registry can be
/// saved (its [`Entity`] list, serializable with the `serde` feature) and
/// loaded again with [`Registry::from_entities`].
///
/// ```
/// use polynorm_names::{Clusterer, Registry};
///
/// let clusterer = Clusterer::default();
/// let mut registry = Registry::new();
/// let first = registry.resolve(&clusterer, &["Sergey Shoigu", "Li Shangfu", "Sergei Shoygu"]);
/// assert!(first.iter().all(|r| r.new));
/// assert_eq!(first[0].id, first[2].id);
///
/// let saved = registry.entities().to_vec();
/// let mut again = Registry::from_entities(saved)?;
/// let next = again.resolve(&clusterer, &["Сергей Шойгу", "Xi Jinping"]);
/// assert_eq!((next[0].id.as_str(), next[0].new), (first[0].id.as_str(), false));
/// assert!(next[1].new);
/// # Ok::<(), polynorm_names::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Registry {
    entities: Vec<Entity>,
    /// The number of the next fresh `P` identifier.
    next: u64,
    /// Whether the numbers ran out and started again at 1, so that a fresh
    /// identifier may be in use and must be looked for.
    wrapped: bool,
}

impl Registry {
    /// An empty registry.
    pub fn new() -> Registry {
        Registry::default()
    }

    /// A registry of saved entities.
    ///
    /// # Errors
    ///
    /// Two entities with one identifier, or an entity without a canonical name.
    pub fn from_entities(entities: Vec<Entity>) -> Result<Registry, Error> {
        let mut ids: Vec<&str> = entities.iter().map(|e| e.id.as_str()).collect();
        ids.sort_unstable();
        if let Some(w) = ids.windows(2).find(|w| w.first() == w.get(1)) {
            return Err(Error::registry(format!(
                "identifier {:?} used twice",
                w.first().unwrap_or(&"")
            )));
        }
        if let Some(e) = entities.iter().find(|e| e.canonical.trim().is_empty()) {
            return Err(Error::registry(format!(
                "entity {:?} has no canonical name",
                e.id
            )));
        }
        let (next, wrapped) = next_number(entities.iter().map(|e| e.id.as_str()));
        Ok(Registry {
            entities,
            next,
            wrapped,
        })
    }

    /// A registry seeded from a gazetteer (entries without an identifier get one).
    pub fn from_gazetteer(gazetteer: &Gazetteer) -> Registry {
        let (next, wrapped) =
            next_number(gazetteer.entries().iter().filter_map(|e| e.id.as_deref()));
        let mut r = Registry {
            entities: Vec::with_capacity(gazetteer.len()),
            next,
            wrapped,
        };
        for e in gazetteer.entries() {
            let id = e.id.clone().unwrap_or_else(|| r.fresh_id());
            r.entities.push(Entity {
                id,
                canonical: e.canonical.clone(),
                variants: e.aliases.iter().map(|a| (a.clone(), 0)).collect(),
            });
        }
        r
    }

    /// The entities.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The next `P` identifier. Numbering starts after the highest `P`
    /// number in use, so a fresh identifier is free without a search; only
    /// once the numbers have run out (say an identifier
    /// `P18446744073709551615` was loaded) do they start again at 1, and then
    /// the identifiers in use are skipped.
    fn fresh_id(&mut self) -> String {
        loop {
            let n = self.next.max(1);
            self.next = n.checked_add(1).unwrap_or_else(|| {
                self.wrapped = true;
                1
            });
            let id = format!("P{n:06}");
            if !self.wrapped || !self.entities.iter().any(|e| e.id == id) {
                return id;
            }
        }
    }

    /// Resolves a batch: clusters it with the registry's entities as known
    /// people, maps each name to its entity (creating entities for new
    /// clusters), and records the names as variants.
    pub fn resolve<S: AsRef<str>>(
        &mut self,
        clusterer: &Clusterer,
        names: &[S],
    ) -> Vec<Resolution> {
        let entries: Vec<GazetteerEntry> = self
            .entities
            .iter()
            .map(|e| GazetteerEntry {
                canonical: e.canonical.clone(),
                aliases: e
                    .variants
                    .iter()
                    .map(|(v, _)| v.clone())
                    .filter(|v| *v != e.canonical)
                    .collect(),
                id: Some(e.id.clone()),
            })
            .collect();
        let gazetteer = Gazetteer::new(entries).unwrap_or_default();
        let clustering = clusterer.cluster_with(names, Some(&gazetteer));
        let mut resolved: Vec<(usize, bool)> = Vec::with_capacity(clustering.clusters.len());
        for c in &clustering.clusters {
            match c.entry {
                Some(e) if e < self.entities.len() => resolved.push((e, false)),
                _ => {
                    let id = self.fresh_id();
                    self.entities.push(Entity {
                        id,
                        canonical: c.canonical.clone(),
                        variants: Vec::new(),
                    });
                    resolved.push((self.entities.len() - 1, true));
                }
            }
        }
        for (c, (e, _)) in clustering.clusters.iter().zip(&resolved) {
            if let Some(entity) = self.entities.get_mut(*e) {
                for (v, n) in &c.variants {
                    match entity.variants.iter_mut().find(|(x, _)| x == v) {
                        Some(slot) => slot.1 = slot.1.saturating_add(*n as u64),
                        None => entity.variants.push((v.clone(), *n as u64)),
                    }
                }
            }
        }
        clustering
            .labels
            .iter()
            .map(|&l| {
                let (e, new) = resolved.get(l).copied().unwrap_or((0, true));
                let entity = self.entities.get(e);
                Resolution {
                    id: entity.map(|x| x.id.clone()).unwrap_or_default(),
                    canonical: entity.map(|x| x.canonical.clone()).unwrap_or_default(),
                    new,
                }
            })
            .collect()
    }
}

/// One more than the highest number of a `P` identifier (`P000041` → 42),
/// or 1 when there is none, and whether the numbers ran out (the highest is
/// `u64::MAX`, so numbering starts again at 1).
fn next_number<'a>(ids: impl Iterator<Item = &'a str>) -> (u64, bool) {
    let highest = ids
        .filter_map(|id| id.strip_prefix('P')?.parse::<u64>().ok())
        .max();
    match highest.map(|n| n.checked_add(1)) {
        None => (1, false),
        Some(Some(next)) => (next, false),
        Some(None) => (1, true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_ids_are_rejected() {
        let e = Entity {
            id: "P1".into(),
            canonical: "A B".into(),
            variants: vec![],
        };
        assert!(Registry::from_entities(vec![e.clone(), e.clone()]).is_err());
        let mut bad = e;
        bad.canonical = String::new();
        assert!(Registry::from_entities(vec![bad]).is_err());
    }

    #[test]
    fn fresh_ids_continue_after_saved_ones() {
        let e = Entity {
            id: "P000007".into(),
            canonical: "Sergey Shoigu".into(),
            variants: vec![("Sergey Shoigu".into(), 3)],
        };
        let mut r = Registry::from_entities(vec![e]).unwrap();
        let out = r.resolve(&Clusterer::default(), &["Xi Jinping", "Sergei Shoigu"]);
        assert_eq!(out[0].id, "P000008");
        assert!(out[0].new);
        assert_eq!((out[1].id.as_str(), out[1].new), ("P000007", false));
        let shoigu = &r.entities()[0];
        assert!(shoigu
            .variants
            .iter()
            .any(|(v, n)| v == "Sergei Shoigu" && *n == 1));
    }

    #[test]
    fn numbering_survives_the_largest_identifier() {
        let entity = |id: &str, name: &str| Entity {
            id: id.into(),
            canonical: name.into(),
            variants: vec![(name.into(), u64::MAX)],
        };
        let mut r = Registry::from_entities(vec![
            entity("P18446744073709551615", "Sergey Shoigu"),
            entity("P000001", "Li Shangfu"),
        ])
        .unwrap();
        let out = r.resolve(
            &Clusterer::default(),
            &["Xi Jinping", "Sergey Shoigu", "Wang Yi"],
        );
        // Numbers start again at 1 and skip the one in use; counts saturate.
        assert_eq!(out[0].id, "P000002");
        assert_eq!(out[2].id, "P000003");
        assert_eq!(
            (out[1].id.as_str(), out[1].new),
            ("P18446744073709551615", false)
        );
        assert_eq!(r.entities()[0].variants[0].1, u64::MAX);
    }

    #[test]
    fn gazetteer_seeds_entities() {
        let g = Gazetteer::from_tsv("Li Qiang\t\tQ1\nXi Jinping\nWang Yi\t\tP000002\n").unwrap();
        let mut r = Registry::from_gazetteer(&g);
        // Fresh numbers start after the gazetteer's own `P` identifiers.
        assert_eq!(r.entities()[1].id, "P000003");
        let out = r.resolve(&Clusterer::default(), &["李强"]);
        assert_eq!((out[0].id.as_str(), out[0].new), ("Q1", false));
    }
}
