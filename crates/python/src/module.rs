//! The Python module: its classes and functions.

use std::borrow::Cow;

use arrow_data::ArrayData;
use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple};

use polynorm_pipeline::repair::{MixedScript, NormalizationForm};
use polynorm_pipeline::translit::{Mode, Options, Scheme};
use polynorm_pipeline::{Pipeline, Rule};

use crate::arrow::{bools, floats, owned_strings, Strings};
use crate::core::{self, DetectRow, Translit};
use crate::values::{map_rows, map_text, RowOutput, Values};

/// The normalization forms by their command-line names.
const FORMS: [(&str, Option<NormalizationForm>); 5] = [
    ("nfc", Some(NormalizationForm::Nfc)),
    ("nfd", Some(NormalizationForm::Nfd)),
    ("nfkc", Some(NormalizationForm::Nfkc)),
    ("nfkd", Some(NormalizationForm::Nfkd)),
    ("none", None),
];

/// A rule by its command-line name; the command's message otherwise.
fn rule(name: &str, flag: &str) -> PyResult<Rule> {
    Rule::ALL
        .into_iter()
        .find(|r| r.name() == name)
        .ok_or_else(|| {
            let names: Vec<&str> = Rule::ALL.iter().map(|r| r.name()).collect();
            PyValueError::new_err(format!(
                "invalid value '{name}' for '--{flag} <RULE>' [possible values: {}]",
                names.join(", ")
            ))
        })
}

/// A `Pipeline` configured like `polynorm clean`.
///
/// `Pipeline(enable=(), disable=(), normalize="nfc", min_confidence=0.9,
/// lexicon=(), words=())`: rules by their command-line names, the
/// normalization form (`nfc`, `nfd`, `nfkc`, `nfkd`, `none`), the least
/// confidence of a mixed-script repair, word-list files (`--lexicon`) and
/// words given directly. Immutable and thread-safe; pickles by its
/// settings (lexicon files are read once, when it is built).
#[pyclass(name = "Pipeline", module = "polynorm._native", frozen)]
pub(crate) struct PyPipeline {
    inner: Pipeline,
    enable: Vec<String>,
    disable: Vec<String>,
    normalize: String,
    min_confidence: f32,
    words: Vec<String>,
}

#[pymethods]
impl PyPipeline {
    #[new]
    #[allow(clippy::needless_pass_by_value)] // Python hands over owned lists
    #[pyo3(signature = (*, enable = Vec::new(), disable = Vec::new(), normalize = "nfc".to_owned(), min_confidence = 0.9, lexicon = Vec::new(), words = Vec::new()))]
    fn new(
        enable: Vec<String>,
        disable: Vec<String>,
        normalize: String,
        min_confidence: f32,
        lexicon: Vec<std::path::PathBuf>,
        words: Vec<String>,
    ) -> PyResult<Self> {
        let form = FORMS
            .iter()
            .find(|(n, _)| *n == normalize)
            .map(|(_, f)| *f)
            .ok_or_else(|| {
                PyValueError::new_err(format!(
                    "invalid value '{normalize}' for '--normalize <FORM>' \
                     [possible values: nfc, nfd, nfkc, nfkd, none]"
                ))
            })?;
        let mut builder = Pipeline::builder().normalization(form);
        let enabled: Vec<Rule> = enable
            .iter()
            .map(|n| rule(n, "enable"))
            .collect::<PyResult<_>>()?;
        let disabled: Vec<Rule> = disable
            .iter()
            .map(|n| rule(n, "disable"))
            .collect::<PyResult<_>>()?;
        for r in &enabled {
            if disabled.contains(r) {
                return Err(PyValueError::new_err(format!(
                    "--enable {r} and --disable {r} contradict each other"
                )));
            }
            builder = builder.enable(*r);
        }
        for r in &disabled {
            builder = builder.disable(*r);
        }
        if !(0.0..=1.0).contains(&min_confidence) {
            return Err(PyValueError::new_err(format!(
                "invalid value '{min_confidence}' for '--min-confidence <CONFIDENCE>': \
                 {min_confidence} is not between 0 and 1"
            )));
        }
        builder = builder.min_confidence(min_confidence);
        let mut all_words = words;
        for path in &lexicon {
            let name = path.display();
            let text = std::fs::read_to_string(path)
                .map_err(|e| PyOSError::new_err(format!("{name}: {e}")))?;
            let list = MixedScript::parse_word_list(&text)
                .map_err(|e| PyValueError::new_err(format!("{name}: {e}")))?;
            all_words.extend(list);
        }
        builder = builder.words(&all_words);
        if enabled.contains(&Rule::Normalization) && form.is_none() {
            return Err(PyValueError::new_err(
                "--enable normalization needs a form: use --normalize nfc|nfd|nfkc|nfkd",
            ));
        }
        Ok(PyPipeline {
            inner: builder.build(),
            enable,
            disable,
            normalize,
            min_confidence,
            words: all_words,
        })
    }

    /// Cleans each value as `polynorm clean --input-format jsonl --field F`
    /// cleans a field: the value's lines are one document.
    fn clean<'py>(&self, values: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let py = values.py();
        let pipeline = &self.inner;
        map_text(py, Values::new(values)?, &|t: &str| {
            core::clean_value(pipeline, t)
        })
    }

    /// Cleans each value and says what changed: `(text, changes_json)` per
    /// value, or a struct array `{text, changes}` for Arrow input.
    fn explain<'py>(&self, values: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let py = values.py();
        let pipeline = &self.inner;
        let f = |t: &str| {
            let (text, changes) = core::explain_value(pipeline, t);
            let text = match text {
                Cow::Owned(new) => Some(new),
                Cow::Borrowed(_) => None,
            };
            (text, core::changes_json(&changes))
        };
        map_rows(py, Values::new(values)?, &f, &Explained)
    }

    /// Analyses each value as `polynorm detect` does: the analysis as JSON
    /// per value, or a struct array for Arrow input.
    fn detect<'py>(&self, values: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let py = values.py();
        let pipeline = &self.inner;
        map_rows(
            py,
            Values::new(values)?,
            &|t: &str| core::detect_value(pipeline, t),
            &Detected,
        )
    }

    /// Whether a rule (by its command-line name) is on.
    fn is_enabled(&self, rule_name: &str) -> PyResult<bool> {
        Ok(self.inner.is_enabled(rule(rule_name, "enable")?))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let this = slf.get();
        let kwargs = (
            this.enable.clone(),
            this.disable.clone(),
            this.normalize.clone(),
            this.min_confidence,
            this.words.clone(),
        );
        let rebuild = py
            .import("polynorm._native")?
            .getattr("_pipeline_from_settings")?;
        PyTuple::new(
            py,
            [rebuild.into_any(), kwargs.into_pyobject(py)?.into_any()],
        )
    }

    fn __repr__(&self) -> String {
        format!(
            "Pipeline(enable={:?}, disable={:?}, normalize={:?}, min_confidence={}, words={})",
            self.enable,
            self.disable,
            self.normalize,
            self.min_confidence,
            self.words.len()
        )
    }
}

/// Rebuilds a pickled `Pipeline`.
#[pyfunction]
fn _pipeline_from_settings(
    enable: Vec<String>,
    disable: Vec<String>,
    normalize: String,
    min_confidence: f32,
    words: Vec<String>,
) -> PyResult<PyPipeline> {
    PyPipeline::new(
        enable,
        disable,
        normalize,
        min_confidence,
        Vec::new(),
        words,
    )
}

struct Explained;

impl RowOutput<(Option<String>, String)> for Explained {
    fn one<'py>(
        &self,
        py: Python<'py>,
        input: &Bound<'py, PyString>,
        (text, changes): (Option<String>, String),
    ) -> PyResult<Bound<'py, PyAny>> {
        let text = match text {
            Some(new) => PyString::new(py, &new).into_any(),
            None => input.clone().into_any(),
        };
        Ok(PyTuple::new(py, [text, PyString::new(py, &changes).into_any()])?.into_any())
    }

    fn arrow(
        &self,
        input: &Strings,
        rows: Vec<Option<(Option<String>, String)>>,
    ) -> Result<ArrayData, String> {
        let (changed, changes): (Vec<_>, Vec<_>) = rows
            .into_iter()
            .map(|r| match r {
                Some((text, changes)) => (text, Some(changes)),
                None => (None, None),
            })
            .unzip();
        let text = match input.replaced(&changed) {
            Some(data) => arrow_array::make_array(data),
            None => input.to_array(),
        };
        input.struct_of(vec![("text", text), ("changes", owned_strings(&changes))])
    }
}

struct Detected;

impl RowOutput<DetectRow> for Detected {
    fn one<'py>(
        &self,
        py: Python<'py>,
        _input: &Bound<'py, PyString>,
        row: DetectRow,
    ) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyString::new(py, &row.json).into_any())
    }

    fn arrow(&self, input: &Strings, rows: Vec<Option<DetectRow>>) -> Result<ArrayData, String> {
        let column = |f: &dyn Fn(&DetectRow) -> Option<&str>| {
            owned_strings(
                &rows
                    .iter()
                    .map(|r| r.as_ref().and_then(f))
                    .collect::<Vec<_>>(),
            )
        };
        input.struct_of(vec![
            ("dominant_script", column(&|r| r.dominant_script)),
            ("language", column(&|r| r.language)),
            (
                "confidence",
                floats(rows.iter().map(|r| r.as_ref().and_then(|r| r.confidence))),
            ),
            (
                "reliable",
                bools(rows.iter().map(|r| r.as_ref().and_then(|r| r.reliable))),
            ),
            ("analysis", column(&|r| Some(r.json.as_str()))),
        ])
    }
}

/// The scheme and its settings, with the command's messages for a wrong
/// name or a missing reverse.
fn translit_job(scheme: &str, name: bool, tones: bool, reverse: bool) -> PyResult<Translit> {
    let scheme = Scheme::from_name(scheme).map_err(|e| PyValueError::new_err(e.to_string()))?;
    if reverse && !scheme.has_reverse() {
        let with: Vec<&str> = Scheme::all()
            .filter(|s| s.has_reverse())
            .map(Scheme::name)
            .collect();
        return Err(PyValueError::new_err(format!(
            "scheme {} has no reverse direction; schemes with one: {}",
            scheme.name(),
            with.join(", ")
        )));
    }
    let mode = if name { Mode::Name } else { Mode::Text };
    Ok(Translit {
        scheme,
        options: Options::new().mode(mode).tones(tones),
        reverse,
    })
}

/// Transliterates each value by a named scheme, as `polynorm translit
/// --scheme NAME [--name] [--tones] [--reverse]`.
#[pyfunction]
#[pyo3(signature = (values, scheme, *, name = false, tones = false, reverse = false))]
fn translit<'py>(
    values: &Bound<'py, PyAny>,
    scheme: &str,
    name: bool,
    tones: bool,
    reverse: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let job = translit_job(scheme, name, tones, reverse)?;
    map_text(values.py(), Values::new(values)?, &|t: &str| job.apply(t))
}

/// Every transliteration scheme: `(name, language, title, standard,
/// source_scripts, target_script, reversible, has_reverse)`.
#[pyfunction]
#[allow(clippy::type_complexity)]
fn schemes() -> Vec<(
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Vec<&'static str>,
    &'static str,
    bool,
    bool,
)> {
    Scheme::all()
        .map(|s| {
            (
                s.name(),
                s.language(),
                s.title(),
                s.standard(),
                s.source_scripts().to_vec(),
                s.target_script(),
                s.is_reversible(),
                s.has_reverse(),
            )
        })
        .collect()
}

/// Every cleaning rule: `(name, description, on_by_default)`.
#[pyfunction]
fn rules() -> Vec<(&'static str, &'static str, bool)> {
    Rule::ALL
        .into_iter()
        .map(|r| (r.name(), r.description(), r.is_default()))
        .collect()
}

#[pymodule]
#[pyo3(name = "_native")]
fn native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyPipeline>()?;
    m.add_function(wrap_pyfunction!(_pipeline_from_settings, m)?)?;
    m.add_function(wrap_pyfunction!(translit, m)?)?;
    m.add_function(wrap_pyfunction!(schemes, m)?)?;
    m.add_function(wrap_pyfunction!(rules, m)?)?;
    m.add_function(wrap_pyfunction!(crate::names::names_parse, m)?)?;
    m.add_function(wrap_pyfunction!(crate::names::names_mentions, m)?)?;
    m.add_function(wrap_pyfunction!(crate::names::names_match, m)?)?;
    m.add_function(wrap_pyfunction!(crate::names::names_match_pairs, m)?)?;
    m.add_function(wrap_pyfunction!(crate::names::names_cluster, m)?)?;
    m.add_function(wrap_pyfunction!(crate::names::names_registry, m)?)?;
    m.add_function(wrap_pyfunction!(crate::names::names_check_registry, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
