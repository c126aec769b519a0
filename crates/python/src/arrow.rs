//! Arrow string arrays in and out.
//!
//! In: the array handed over through the Arrow C data interface (pyarrow,
//! Polars, arro3, nanoarrow, Spark's `mapInArrow` batches), read where it
//! lies: its offsets and value buffers are borrowed, never copied. Out: a
//! new array of the same string type (`string`, `large_string` or
//! `string_view`), built once all rows are done, or the input array itself
//! when no row changed.

use std::sync::Arc;

use arrow_array::builder::{GenericStringBuilder, StringViewBuilder};
use arrow_array::{
    Array, ArrayRef, BooleanArray, Float64Array, LargeStringArray, StringArray, StringViewArray,
    StructArray,
};
use arrow_data::ArrayData;
use arrow_schema::{DataType, Field, Fields};

/// A string array of one of the three Arrow string types.
#[derive(Debug)]
pub(crate) enum Strings {
    /// `string` / `utf8`: 32-bit offsets.
    Utf8(StringArray),
    /// `large_string` / `large_utf8`: 64-bit offsets.
    Large(LargeStringArray),
    /// `string_view` / `utf8_view`.
    View(StringViewArray),
}

impl Strings {
    /// The string array in `data`; an error naming the type otherwise.
    pub(crate) fn new(data: ArrayData) -> Result<Strings, String> {
        match data.data_type() {
            DataType::Utf8 => Ok(Strings::Utf8(StringArray::from(data))),
            DataType::LargeUtf8 => Ok(Strings::Large(LargeStringArray::from(data))),
            DataType::Utf8View => Ok(Strings::View(StringViewArray::from(data))),
            other => Err(format!(
                "expected an Arrow string array (string, large_string or string_view), got {other}"
            )),
        }
    }

    pub(crate) fn len(&self) -> usize {
        match self {
            Strings::Utf8(a) => a.len(),
            Strings::Large(a) => a.len(),
            Strings::View(a) => a.len(),
        }
    }

    /// Runs `f` on every non-null row, in order; `None` for null rows.
    pub(crate) fn map<T>(&self, f: impl Fn(&str) -> T) -> Vec<Option<T>> {
        match self {
            Strings::Utf8(a) => a.iter().map(|v| v.map(&f)).collect(),
            Strings::Large(a) => a.iter().map(|v| v.map(&f)).collect(),
            Strings::View(a) => a.iter().map(|v| v.map(&f)).collect(),
        }
    }

    /// The row at `i`, `None` when null.
    fn get(&self, i: usize) -> Option<&str> {
        match self {
            Strings::Utf8(a) => (i < a.len() && a.is_valid(i)).then(|| a.value(i)),
            Strings::Large(a) => (i < a.len() && a.is_valid(i)).then(|| a.value(i)),
            Strings::View(a) => (i < a.len() && a.is_valid(i)).then(|| a.value(i)),
        }
    }

    /// The array itself, shared.
    pub(crate) fn to_array(&self) -> ArrayRef {
        match self {
            Strings::Utf8(a) => Arc::new(a.clone()),
            Strings::Large(a) => Arc::new(a.clone()),
            Strings::View(a) => Arc::new(a.clone()),
        }
    }

    fn nulls(&self) -> Option<arrow_buffer::NullBuffer> {
        match self {
            Strings::Utf8(a) => a.nulls().cloned(),
            Strings::Large(a) => a.nulls().cloned(),
            Strings::View(a) => a.nulls().cloned(),
        }
    }

    /// A new array of the same type whose row `i` is `changed[i]` where that
    /// is `Some` and the input's row otherwise; `None` when no row changed
    /// (use the input as it is).
    pub(crate) fn replaced(&self, changed: &[Option<String>]) -> Option<ArrayData> {
        if changed.iter().all(Option::is_none) {
            return None;
        }
        let rows = (0..self.len()).map(|i| match changed.get(i) {
            Some(Some(new)) => Some(new.as_str()),
            _ => self.get(i),
        });
        Some(match self {
            Strings::View(_) => view_array(rows, self.len()).into_data(),
            Strings::Utf8(_) | Strings::Large(_) => {
                let bytes: usize = (0..self.len())
                    .map(|i| match changed.get(i) {
                        Some(Some(new)) => new.len(),
                        _ => self.get(i).map_or(0, str::len),
                    })
                    .sum();
                let large = matches!(self, Strings::Large(_));
                string_array(rows, self.len(), bytes, large).to_data()
            }
        })
    }

    /// A `struct` array of `columns`, null where the input row is null.
    pub(crate) fn struct_of(&self, columns: Vec<(&str, ArrayRef)>) -> Result<ArrayData, String> {
        let fields: Fields = columns
            .iter()
            .map(|(name, a)| Field::new(*name, a.data_type().clone(), true))
            .collect();
        let arrays = columns.into_iter().map(|(_, a)| a).collect();
        StructArray::try_new(fields, arrays, self.nulls())
            .map(Array::into_data)
            .map_err(|e| e.to_string())
    }
}

/// A `string` array of `rows` (a `large_string` one when `large` or when
/// the text outgrows 32-bit offsets).
pub(crate) fn string_array<'a>(
    rows: impl Iterator<Item = Option<&'a str>>,
    len: usize,
    bytes: usize,
    large: bool,
) -> ArrayRef {
    if large || i32::try_from(bytes).is_err() {
        let mut b = GenericStringBuilder::<i64>::with_capacity(len, bytes);
        rows.for_each(|r| b.append_option(r));
        Arc::new(b.finish())
    } else {
        let mut b = GenericStringBuilder::<i32>::with_capacity(len, bytes);
        rows.for_each(|r| b.append_option(r));
        Arc::new(b.finish())
    }
}

fn view_array<'a>(rows: impl Iterator<Item = Option<&'a str>>, len: usize) -> StringViewArray {
    let mut b = StringViewBuilder::with_capacity(len);
    rows.for_each(|r| b.append_option(r));
    b.finish()
}

/// A `string` column from owned rows.
pub(crate) fn owned_strings<S: AsRef<str>>(rows: &[Option<S>]) -> ArrayRef {
    let bytes = rows.iter().flatten().map(|s| s.as_ref().len()).sum();
    string_array(
        rows.iter().map(|r| r.as_ref().map(AsRef::as_ref)),
        rows.len(),
        bytes,
        false,
    )
}

/// A `float64` column.
pub(crate) fn floats(rows: impl Iterator<Item = Option<f64>>) -> ArrayRef {
    Arc::new(rows.collect::<Float64Array>())
}

/// A `bool` column.
pub(crate) fn bools(rows: impl Iterator<Item = Option<bool>>) -> ArrayRef {
    Arc::new(rows.collect::<BooleanArray>())
}
