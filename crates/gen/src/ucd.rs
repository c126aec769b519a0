//! Parsing the semicolon-separated format shared by the Unicode Character
//! Database and the UTS #39 data files (UAX #44 §4.2 "File Format
//! Conventions"): `#` starts a comment, fields are separated by `;` and
//! trimmed, code points are hex, ranges are `lo..hi`.

use std::collections::BTreeMap;

use anyhow::{bail, ensure, Context as _, Result};

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

/// What the generators use from one UnicodeData.txt record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CharData {
    /// The Name field (for ranges, the `<…, First>` label).
    pub(crate) name: String,
    /// `General_Category`, e.g. `Lu`.
    pub(crate) general_category: String,
    /// The canonical decomposition mapping (one level, as listed); empty when
    /// the character has none or only a compatibility (`<tag>`) mapping.
    pub(crate) decomposition: Vec<u32>,
    /// The simple lowercase mapping, when there is one.
    pub(crate) lowercase: Option<u32>,
}

/// UnicodeData.txt (UAX #44 §5.3): individual records, plus the
/// `<…, First>`/`<…, Last>` ranges kept as ranges (their members share the
/// first record's data).
#[derive(Debug)]
pub(crate) struct UnicodeData {
    chars: BTreeMap<u32, CharData>,
    ranges: Vec<(u32, u32, CharData)>,
}

impl UnicodeData {
    /// Parses the whole file; `what` names it in messages.
    pub(crate) fn parse(text: &str, what: &str) -> Result<UnicodeData> {
        let mut chars = BTreeMap::new();
        let mut ranges = Vec::new();
        let mut open: Option<(u32, CharData)> = None;
        for line in lines(text) {
            let ctx = || format!("{what}:{}", line.number);
            ensure!(line.fields.len() == 15, "{}: expected 15 fields", ctx());
            let field = |i: usize| line.fields.get(i).copied().unwrap_or("");
            let (cp, hi) = parse_range(field(0)).with_context(ctx)?;
            ensure!(cp == hi, "{}: a range in the code point field", ctx());
            let gc = field(2);
            ensure!(
                gc.len() == 2 && gc.bytes().all(|b| b.is_ascii_alphabetic()),
                "{}: bad General_Category {gc:?}",
                ctx()
            );
            let decomposition = if field(5).is_empty() || field(5).starts_with('<') {
                Vec::new()
            } else {
                field(5)
                    .split(' ')
                    .map(|hex| parse_range(hex).map(|r| r.0))
                    .collect::<Result<Vec<u32>>>()
                    .with_context(ctx)?
            };
            let lowercase = match field(13) {
                "" => None,
                hex => Some(parse_range(hex).with_context(ctx)?.0),
            };
            let data = CharData {
                name: field(1).to_owned(),
                general_category: gc.to_owned(),
                decomposition,
                lowercase,
            };
            let name = field(1);
            if name.ends_with(", First>") {
                ensure!(open.is_none(), "{}: nested range", ctx());
                open = Some((cp, data));
            } else if name.ends_with(", Last>") {
                let Some((lo, first)) = open.take() else {
                    bail!("{}: range end without a start", ctx());
                };
                ensure!(lo < cp, "{}: reversed range", ctx());
                ranges.push((lo, cp, first));
            } else {
                ensure!(open.is_none(), "{}: unterminated range", ctx());
                ensure!(
                    chars.insert(cp, data).is_none(),
                    "{}: U+{cp:04X} listed twice",
                    ctx()
                );
            }
        }
        ensure!(open.is_none(), "{what}: unterminated range at the end");
        ensure!(chars.len() > 10_000, "{what}: suspiciously few records");
        Ok(UnicodeData { chars, ranges })
    }

    /// The record of `cp`, if it is assigned.
    pub(crate) fn get(&self, cp: u32) -> Option<&CharData> {
        self.chars.get(&cp).or_else(|| {
            self.ranges
                .iter()
                .find(|(lo, hi, _)| (*lo..=*hi).contains(&cp))
                .map(|(_, _, data)| data)
        })
    }

    /// Whether `cp` is a letter (`General_Category` `L*`).
    pub(crate) fn is_letter(&self, cp: u32) -> bool {
        self.get(cp)
            .is_some_and(|d| d.general_category.starts_with('L'))
    }

    /// Whether `cp` is an uppercase or titlecase letter (`Lu`, `Lt`).
    pub(crate) fn is_upper(&self, cp: u32) -> bool {
        self.get(cp)
            .is_some_and(|d| matches!(d.general_category.as_str(), "Lu" | "Lt"))
    }

    /// The full canonical decomposition of one code point (recursive). The
    /// mappings in UnicodeData.txt are already in canonical order, so no
    /// reordering is needed for a single character; Hangul syllables (whose
    /// decomposition is algorithmic) come back unchanged.
    pub(crate) fn nfd(&self, cp: u32) -> Vec<u32> {
        match self.get(cp) {
            Some(data) if !data.decomposition.is_empty() => data
                .decomposition
                .iter()
                .flat_map(|&part| self.nfd(part))
                .collect(),
            _ => vec![cp],
        }
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

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

    #[test]
    fn unicode_data_records_and_ranges() {
        let text = "\
0041;LATIN CAPITAL LETTER A;Lu;0;L;;;;;N;;;;0061;
00C4;LATIN CAPITAL LETTER A WITH DIAERESIS;Lu;0;L;0041 0308;;;;N;;;;00E4;
0308;COMBINING DIAERESIS;Mn;230;NSM;;;;;N;DIAERESIS;;;;
01D5;LATIN CAPITAL LETTER U WITH DIAERESIS AND MACRON;Lu;0;L;00DC 0304;;;;N;;;;01D6;
00DC;LATIN CAPITAL LETTER U WITH DIAERESIS;Lu;0;L;0055 0308;;;;N;;;;00FC;
00BD;VULGAR FRACTION ONE HALF;No;0;ON;<fraction> 0031 2044 0032;;;1/2;N;;;;;
4E00;<CJK Ideograph, First>;Lo;0;L;;;;;N;;;;;
9FFF;<CJK Ideograph, Last>;Lo;0;L;;;;;N;;;;;
";
        let mut big = String::from(text);
        for cp in 0xE000..0xE000 + 10_001 {
            let _ = writeln!(big, "{cp:04X};X;Co;0;L;;;;;N;;;;;");
        }
        let data = UnicodeData::parse(&big, "t").unwrap();
        assert!(data.is_letter(0x41) && data.is_upper(0x41));
        assert!(!data.is_letter(0x308));
        assert_eq!(data.get(0x41).unwrap().lowercase, Some(0x61));
        assert_eq!(data.nfd(0xC4), vec![0x41, 0x308]);
        assert_eq!(data.nfd(0x1D5), vec![0x55, 0x308, 0x304]);
        assert_eq!(data.nfd(0xBD), vec![0xBD]);
        assert!(data.is_letter(0x6C34));
        assert!(!data.is_letter(0xA000));
        let broken = big.replace("9FFF;<CJK Ideograph, Last>", "9FFF;<CJK Ideograph>");
        assert!(UnicodeData::parse(&broken, "t").is_err());
    }
}
