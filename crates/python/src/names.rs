//! Person names: parsing, matching, mentions, clustering and the registry
//! of the two-phase distributed job (see `python/polynorm/names.py`).
//!
//! Results that are structures go to Python as JSON text (the crate's
//! `serde` forms), which the Python side parses.

use std::sync::OnceLock;

use polynorm_names::{Clusterer, Entity, Matcher, MentionFinder, Parser, Registry};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::arrow::{owned_strings, Strings};
use crate::values::{map_rows, RowOutput, Values};

fn parser() -> &'static Parser {
    static PARSER: OnceLock<Parser> = OnceLock::new();
    PARSER.get_or_init(Parser::default)
}

fn matcher() -> &'static Matcher {
    static MATCHER: OnceLock<Matcher> = OnceLock::new();
    MATCHER.get_or_init(Matcher::default)
}

fn finder() -> &'static MentionFinder {
    static FINDER: OnceLock<MentionFinder> = OnceLock::new();
    FINDER.get_or_init(MentionFinder::default)
}

fn clusterer() -> &'static Clusterer {
    static CLUSTERER: OnceLock<Clusterer> = OnceLock::new();
    CLUSTERER.get_or_init(Clusterer::default)
}

fn json(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// JSON text per value: a `str` per `str`, a `string` array for Arrow.
struct JsonRows;

impl RowOutput<String> for JsonRows {
    fn one<'py>(
        &self,
        py: Python<'py>,
        _input: &Bound<'py, PyString>,
        row: String,
    ) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyString::new(py, &row).into_any())
    }

    fn arrow(
        &self,
        _input: &Strings,
        rows: Vec<Option<String>>,
    ) -> Result<arrow_data::ArrayData, String> {
        Ok(owned_strings(&rows).to_data())
    }
}

/// The parse of each name, as JSON.
#[pyfunction]
pub(crate) fn names_parse<'py>(values: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let f = |t: &str| json(&parser().parse(t));
    map_rows(values.py(), Values::new(values)?, &f, &JsonRows)
}

/// The mentions and people of each document, as JSON.
#[pyfunction]
pub(crate) fn names_mentions<'py>(values: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let f = |t: &str| json(&finder().find(t));
    map_rows(values.py(), Values::new(values)?, &f, &JsonRows)
}

/// Compares two names: the match result as JSON.
#[pyfunction]
pub(crate) fn names_match(py: Python<'_>, a: &str, b: &str) -> String {
    py.detach(|| json(&matcher().compare(a, b)))
}

/// Compares names pair by pair (row `i` of `a` with row `i` of `b`): the
/// match result of each pair as JSON, `None` where either name is missing.
#[pyfunction]
#[allow(clippy::needless_pass_by_value)] // Python hands over owned lists
pub(crate) fn names_match_pairs(
    py: Python<'_>,
    a: Vec<Option<String>>,
    b: Vec<Option<String>>,
) -> PyResult<Vec<Option<String>>> {
    if a.len() != b.len() {
        return Err(PyValueError::new_err(format!(
            "{} names against {} names: pairs need as many on each side",
            a.len(),
            b.len()
        )));
    }
    Ok(py.detach(|| {
        a.iter()
            .zip(&b)
            .map(|(x, y)| match (x, y) {
                (Some(x), Some(y)) => Some(json(&matcher().compare(x, y))),
                _ => None,
            })
            .collect()
    }))
}

/// Clusters names: `(labels, canonical names of the clusters)`.
#[pyfunction]
#[allow(clippy::needless_pass_by_value)] // Python hands over owned lists
pub(crate) fn names_cluster(py: Python<'_>, names: Vec<String>) -> (Vec<usize>, Vec<String>) {
    py.detach(|| {
        let c = clusterer().cluster(&names);
        (
            c.labels,
            c.clusters.into_iter().map(|c| c.canonical).collect(),
        )
    })
}

/// The registry of a set of names with their counts: the names sorted,
/// each repeated by its count, resolved into an empty registry; its
/// entities as JSONL (see [`registry_jsonl`]). The result depends only on the multiset of names, not
/// on the order they came in, so partial counts from many workers summed
/// up give the registry one machine would build.
#[pyfunction]
#[allow(clippy::needless_pass_by_value)] // Python hands over owned lists
pub(crate) fn names_registry(
    py: Python<'_>,
    names: Vec<String>,
    counts: Vec<u64>,
) -> PyResult<String> {
    if names.len() != counts.len() {
        return Err(PyValueError::new_err(format!(
            "{} names but {} counts",
            names.len(),
            counts.len()
        )));
    }
    Ok(py.detach(|| {
        let mut pairs: Vec<(&str, u64)> = names
            .iter()
            .map(String::as_str)
            .zip(counts.iter().copied())
            .collect();
        pairs.sort_unstable();
        let mut merged: Vec<(&str, u64)> = Vec::with_capacity(pairs.len());
        for (name, n) in pairs {
            match merged.last_mut() {
                Some((last, total)) if *last == name => *total += n,
                _ => merged.push((name, n)),
            }
        }
        let expanded: Vec<&str> = merged
            .iter()
            .flat_map(|&(name, n)| std::iter::repeat_n(name, usize::try_from(n).unwrap_or(0)))
            .collect();
        let mut registry = Registry::new();
        registry.resolve(clusterer(), &expanded);
        registry_jsonl(registry.entities())
    }))
}

/// The registry as `polynorm names resolve --save` writes it: JSONL, one
/// entity per line.
fn registry_jsonl(entities: &[Entity]) -> String {
    let mut text = String::new();
    for e in entities {
        text.push_str(&json(e));
        text.push('\n');
    }
    text
}

/// Checks a registry in the JSONL of `polynorm names resolve --save` (one
/// entity per line, blank lines skipped): the number of entities, or a
/// `ValueError` with the command's messages (a line that is no entity,
/// duplicate identifiers, a missing canonical name).
#[pyfunction]
pub(crate) fn names_check_registry(text: &str) -> PyResult<usize> {
    let mut entities = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let e: Entity = serde_json::from_str(line)
            .map_err(|e| PyValueError::new_err(format!("{}: not a registry entity: {e}", i + 1)))?;
        entities.push(e);
    }
    let n = entities.len();
    Registry::from_entities(entities).map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(n)
}
