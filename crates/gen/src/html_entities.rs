//! HTML5 named character references for `polynorm-repair`'s optional
//! entity decoding, from `data/curated/html/entities.tsv` (exported from the
//! WHATWG table by `scripts/export_html_entities.py`).
//!
//! Only the names the standard spells with a closing `;` are kept (the
//! decoder decodes nothing else), without the `;`, sorted by bytes for binary
//! search.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{bail, Context as _, Result};

use crate::writer::{self, Input, Output};

const INPUT: &str = "data/curated/html/entities.tsv";
const OUTPUT: &str = "crates/repair/src/tables/html_entities.rs";

/// Parses the TSV into sorted `(name, replacement)` pairs.
fn parse(text: &str) -> Result<Vec<(String, String)>> {
    let mut entries = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let (name, points) = line
            .split_once('\t')
            .with_context(|| format!("{INPUT}:{n}: expected name<TAB>code points"))?;
        if !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b';') {
            bail!("{INPUT}:{n}: bad entity name {name:?}");
        }
        let Some(name) = name.strip_suffix(';') else {
            continue; // legacy form without `;`: never decoded
        };
        let mut value = String::new();
        for hex in points.split(' ') {
            let cp = u32::from_str_radix(hex, 16)
                .with_context(|| format!("{INPUT}:{n}: bad code point {hex:?}"))?;
            let c = char::from_u32(cp)
                .with_context(|| format!("{INPUT}:{n}: U+{cp:04X} is not a scalar value"))?;
            value.push(c);
        }
        entries.push((name.to_owned(), value));
    }
    entries.sort();
    for pair in entries.windows(2) {
        if let [a, b] = pair {
            if a.0 == b.0 {
                bail!("{INPUT}: duplicate entity {}", a.0);
            }
        }
    }
    if entries.len() < 2000 {
        bail!("{INPUT}: only {} entities; truncated file?", entries.len());
    }
    Ok(entries)
}

pub(crate) fn generate(root: &Path) -> Result<Vec<Output>> {
    let input = Input::read(
        root,
        INPUT,
        "WHATWG HTML Living Standard (CPython 3.11 html.entities.html5)",
        None,
    )?;
    let entries = parse(&input.text)?;
    let mut out = writer::rust_file(
        &[&input],
        "HTML5 named character references that end in `;`, without the `&` and `;`,\n\
         sorted by name (byte order) for binary search; values are the replacement text.",
    );
    let _ = writeln!(out, "pub(crate) static HTML_ENTITIES: &[(&str, &str)] = &[");
    for (name, value) in &entries {
        let mut escaped = String::new();
        for c in value.chars() {
            let _ = write!(escaped, "\\u{{{:x}}}", u32::from(c));
        }
        let _ = writeln!(out, "    (\"{name}\", \"{escaped}\"),");
    }
    out.push_str("];\n");
    Ok(vec![Output {
        path: OUTPUT.into(),
        contents: out,
    }])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_only_semicolon_names_sorted() {
        let mut text = String::from("# comment\n");
        for i in 0..2000 {
            let _ = writeln!(text, "n{i:04};\t0041");
        }
        text.push_str("amp\t0026\namp;\t0026\nNotEqualTilde;\t2242 0338\n");
        let entries = parse(&text).unwrap();
        assert_eq!(entries.len(), 2002);
        assert_eq!(
            entries[0],
            ("NotEqualTilde".to_owned(), "\u{2242}\u{338}".to_owned())
        );
        assert!(entries.iter().any(|(n, v)| n == "amp" && v == "&"));
    }

    #[test]
    fn rejects_duplicates_and_bad_code_points() {
        assert!(parse("a;\tZZZZ\n").is_err());
        assert!(parse("a;\tD800\n").is_err());
        let dup = "a;\t0041\n".repeat(2001);
        assert!(parse(&dup).unwrap_err().to_string().contains("duplicate"));
    }
}
