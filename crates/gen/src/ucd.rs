//! Parsing the semicolon-separated format shared by the Unicode Character
//! Database and the UTS #39 data files (UAX #44 §4.2 "File Format
//! Conventions"): `#` starts a comment, fields are separated by `;` and
//! trimmed, code points are hex, ranges are `lo..hi`.

use anyhow::{bail, Context as _, Result};

/// The largest Unicode code point.
pub(crate) const MAX_CODE_POINT: u32 = 0x10_FFFF;

/// One data line: its 1-based line number and trimmed fields.
#[derive(Debug)]
pub(crate) struct Line<'a> {
    pub(crate) number: usize,
    pub(crate) fields: Vec<&'a str>,
}

/// The data lines of `text` (comments and blank lines dropped).
pub(crate) fn lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    text.lines().enumerate().filter_map(|(i, raw)| {
        let data = raw.split('#').next().unwrap_or("").trim();
        if data.is_empty() {
            return None;
        }
        Some(Line {
            number: i + 1,
            fields: data.split(';').map(str::trim).collect(),
        })
    })
}

/// Parses `0041` or `0041..005A` into an inclusive range, rejecting
/// reversed ranges and values past U+10FFFF.
pub(crate) fn parse_range(field: &str) -> Result<(u32, u32)> {
    let (lo, hi) = match field.split_once("..") {
        Some((lo, hi)) => (lo, hi),
        None => (field, field),
    };
    let lo = parse_cp(lo)?;
    let hi = parse_cp(hi)?;
    if lo > hi {
        bail!("reversed range {field}");
    }
    Ok((lo, hi))
}

fn parse_cp(hex: &str) -> Result<u32> {
    if hex.is_empty() || hex.len() > 6 {
        bail!("bad code point {hex:?}");
    }
    let value = u32::from_str_radix(hex, 16).with_context(|| format!("bad code point {hex:?}"))?;
    if value > MAX_CODE_POINT {
        bail!("code point {hex} is past U+10FFFF");
    }
    Ok(value)
}

/// Sorts `ranges` by start and fails on the first overlap, naming both
/// ranges; `what` names the file for the message.
pub(crate) fn sort_and_check_disjoint<T>(ranges: &mut [(u32, u32, T)], what: &str) -> Result<()> {
    ranges.sort_by_key(|r| r.0);
    for pair in ranges.windows(2) {
        if let [a, b] = pair {
            if b.0 <= a.1 {
                bail!(
                    "{what}: overlapping ranges {:04X}..{:04X} and {:04X}..{:04X}",
                    a.0,
                    a.1,
                    b.0,
                    b.1
                );
            }
        }
    }
    Ok(())
}

/// Merges adjacent ranges that carry equal values (input sorted, disjoint).
pub(crate) fn merge_adjacent<T: PartialEq + Clone>(ranges: &[(u32, u32, T)]) -> Vec<(u32, u32, T)> {
    let mut out: Vec<(u32, u32, T)> = Vec::with_capacity(ranges.len());
    for (lo, hi, value) in ranges {
        if let Some(last) = out.last_mut() {
            if last.1 + 1 == *lo && last.2 == *value {
                last.1 = *hi;
                continue;
            }
        }
        out.push((*lo, *hi, value.clone()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_skip_comments_and_trim() {
        let text = "# header\n\n0041..005A    ; Latin # Lu\n0020 ; Common\n";
        let got: Vec<_> = lines(text).map(|l| (l.number, l.fields)).collect();
        assert_eq!(
            got,
            vec![
                (3, vec!["0041..005A", "Latin"]),
                (4, vec!["0020", "Common"])
            ]
        );
    }

    #[test]
    fn ranges_parse_and_reject() {
        assert_eq!(parse_range("0041").unwrap(), (0x41, 0x41));
        assert_eq!(parse_range("0041..005A").unwrap(), (0x41, 0x5A));
        assert!(parse_range("005A..0041").is_err());
        assert!(parse_range("110000").is_err());
        assert!(parse_range("zz").is_err());
    }

    #[test]
    fn overlap_is_rejected() {
        let mut ok = vec![(5, 6, ()), (0, 4, ())];
        assert!(sort_and_check_disjoint(&mut ok, "t").is_ok());
        let mut bad = vec![(0, 4, ()), (4, 6, ())];
        let err = sort_and_check_disjoint(&mut bad, "t").unwrap_err();
        assert!(err.to_string().contains("overlapping"));
    }

    #[test]
    fn merge_joins_only_touching_equal_ranges() {
        let merged = merge_adjacent(&[(0, 1, 'a'), (2, 3, 'a'), (5, 6, 'a'), (7, 7, 'b')]);
        assert_eq!(merged, vec![(0, 3, 'a'), (5, 6, 'a'), (7, 7, 'b')]);
    }
}
