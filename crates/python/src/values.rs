//! The three shapes every function takes — a `str`, a list (or tuple) of
//! `str`/`None`, an Arrow string array — and the same shape back.
//!
//! The Rust work runs with the GIL released ([`Python::detach`]): on a
//! list, on an Arrow array, and on a `str` of at least [`DETACH_BYTES`]
//! (shorter ones cost less to do than to hand the GIL over for).

use std::borrow::Cow;

use arrow_data::ArrayData;
use arrow_pyarrow::{FromPyArrow, ToPyArrow};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString, PyTuple};

use crate::arrow::Strings;

/// A `str` this long or longer is worked on with the GIL released.
const DETACH_BYTES: usize = 4096;

/// What a function was given.
pub(crate) enum Values<'py> {
    /// One `str`.
    One(Bound<'py, PyString>),
    /// A list or tuple of `str` and `None`.
    Many(Vec<Option<Bound<'py, PyString>>>),
    /// An Arrow string array (the object, and its data borrowed).
    Arrow(Bound<'py, PyAny>, Strings),
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map_or_else(|_| "?".to_owned(), |n| n.to_string())
}

impl<'py> Values<'py> {
    /// Sorts `obj` into one of the shapes; a `TypeError` for anything else.
    pub(crate) fn new(obj: &Bound<'py, PyAny>) -> PyResult<Values<'py>> {
        if let Ok(s) = obj.cast::<PyString>() {
            return Ok(Values::One(s.clone()));
        }
        if let Ok(list) = obj.cast::<PyList>() {
            return Self::items(list.iter()).map(Values::Many);
        }
        if let Ok(tuple) = obj.cast::<PyTuple>() {
            return Self::items(tuple.iter()).map(Values::Many);
        }
        let py = obj.py();
        if obj.hasattr(pyo3::intern!(py, "__arrow_c_array__"))? {
            let data = ArrayData::from_pyarrow_bound(obj)?;
            let strings = Strings::new(data).map_err(PyTypeError::new_err)?;
            return Ok(Values::Arrow(obj.clone(), strings));
        }
        Err(PyTypeError::new_err(format!(
            "expected a str, a list of str or an Arrow string array, got {}",
            type_name(obj)
        )))
    }

    fn items(
        items: impl Iterator<Item = Bound<'py, PyAny>>,
    ) -> PyResult<Vec<Option<Bound<'py, PyString>>>> {
        items
            .enumerate()
            .map(|(i, item)| {
                if item.is_none() {
                    Ok(None)
                } else {
                    item.cast_into::<PyString>().map(Some).map_err(|e| {
                        PyTypeError::new_err(format!(
                            "item {i}: expected a str or None, got {}",
                            type_name(e.into_inner().as_any())
                        ))
                    })
                }
            })
            .collect()
    }
}

/// A function from text to text that borrows when nothing changes.
pub(crate) type TextFn<'f> = dyn for<'a> Fn(&'a str) -> Cow<'a, str> + Sync + 'f;

/// Applies `f` to every value; unchanged values come back as the very same
/// objects (and an Arrow array with no changed row as the same array).
pub(crate) fn map_text<'py>(
    py: Python<'py>,
    values: Values<'py>,
    f: &TextFn<'_>,
) -> PyResult<Bound<'py, PyAny>> {
    match values {
        Values::One(s) => {
            let text = s.to_str()?;
            let out = if text.len() >= DETACH_BYTES {
                py.detach(|| f(text))
            } else {
                f(text)
            };
            Ok(match out {
                Cow::Owned(new) if new != text => PyString::new(py, &new).into_any(),
                _ => s.into_any(),
            })
        }
        Values::Many(items) => {
            let texts = texts(&items)?;
            let out: Vec<Option<Cow<'_, str>>> =
                py.detach(|| texts.iter().map(|t| t.map(f)).collect());
            let list = items.iter().zip(out).map(|(item, out)| match (item, out) {
                (Some(_), Some(Cow::Owned(new))) => PyString::new(py, &new).into_any(),
                (Some(item), _) => item.clone().into_any(),
                (None, _) => py.None().into_bound(py),
            });
            Ok(PyList::new(py, list)?.into_any())
        }
        Values::Arrow(obj, strings) => {
            let out = py.detach(|| {
                let rows: Vec<Option<String>> = strings
                    .map(|t| match f(t) {
                        Cow::Owned(new) if new != t => Some(new),
                        _ => None,
                    })
                    .into_iter()
                    .map(Option::flatten)
                    .collect();
                strings.replaced(&rows)
            });
            match out {
                None => Ok(obj),
                Some(data) => data.to_pyarrow(py),
            }
        }
    }
}

/// The `&str` of each item.
fn texts<'a>(items: &'a [Option<Bound<'_, PyString>>]) -> PyResult<Vec<Option<&'a str>>> {
    items
        .iter()
        .map(|i| i.as_ref().map(|s| s.to_str()).transpose())
        .collect()
}

/// How a row function's results go back to Python.
pub(crate) trait RowOutput<T> {
    /// The result for one `str` (a list item too).
    fn one<'py>(
        &self,
        py: Python<'py>,
        input: &Bound<'py, PyString>,
        row: T,
    ) -> PyResult<Bound<'py, PyAny>>;
    /// The Arrow array for all rows (`None` for null input rows).
    fn arrow(&self, input: &Strings, rows: Vec<Option<T>>) -> Result<ArrayData, String>;
}

/// Applies `f` to every value, with `out` turning results into Python
/// objects or one Arrow array.
pub(crate) fn map_rows<'py, T: Send>(
    py: Python<'py>,
    values: Values<'py>,
    f: &(dyn Fn(&str) -> T + Sync),
    out: &(dyn RowOutput<T> + Sync),
) -> PyResult<Bound<'py, PyAny>> {
    match values {
        Values::One(s) => {
            let text = s.to_str()?;
            let row = if text.len() >= DETACH_BYTES {
                py.detach(|| f(text))
            } else {
                f(text)
            };
            out.one(py, &s, row)
        }
        Values::Many(items) => {
            let texts = texts(&items)?;
            let rows: Vec<Option<T>> = py.detach(|| texts.iter().map(|t| t.map(f)).collect());
            let mut list = Vec::with_capacity(items.len());
            for (item, row) in items.iter().zip(rows) {
                list.push(match (item, row) {
                    (Some(item), Some(row)) => out.one(py, item, row)?,
                    _ => py.None().into_bound(py),
                });
            }
            Ok(PyList::new(py, list)?.into_any())
        }
        Values::Arrow(_, strings) => {
            let data = py
                .detach(|| out.arrow(&strings, strings.map(f)))
                .map_err(pyo3::exceptions::PyValueError::new_err)?;
            data.to_pyarrow(py)
        }
    }
}
