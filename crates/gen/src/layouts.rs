//! Keyboard layouts for `polynorm-repair`'s keyboard-slip repair, from
//! `data/curated/layouts/*.toml` (XKB symbols extracted by
//! `scripts/xkb_layouts.py`; see that directory's README).
//!
//! The files use a small subset of TOML that this module parses itself and
//! checks strictly: header comments, then `KEY = ["a", "A"]` lines sorted by
//! key name, where `KEY` is one of the 48 [`KEY_NAMES`] and each string is
//! one printable character (escapes: `\\` and `\"` only). Keys not listed
//! must be exactly the dead keys the header names. The output gives each
//! layout its 48 keys by key number and a reverse index by character.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::{bail, ensure, Context as _, Result};

use crate::writer::{self, Input, Output};

const DIR: &str = "data/curated/layouts";
const OUTPUT: &str = "crates/repair/src/tables/layouts.rs";

/// The layouts, sorted by id (= file stem). A `.toml` file in the directory
/// that is not listed here, or a listed one that is missing, is an error.
const IDS: [&str; 10] = [
    "bg",
    "bg-phonetic",
    "by",
    "de",
    "fr",
    "gr",
    "rs",
    "ru",
    "ua",
    "us",
];

/// XKB key names in table order; the index is the key number.
pub(crate) const KEY_NAMES: [&str; 48] = [
    "TLDE", "AE01", "AE02", "AE03", "AE04", "AE05", "AE06", "AE07", "AE08", "AE09", "AE10", "AE11",
    "AE12", "AD01", "AD02", "AD03", "AD04", "AD05", "AD06", "AD07", "AD08", "AD09", "AD10", "AD11",
    "AD12", "AC01", "AC02", "AC03", "AC04", "AC05", "AC06", "AC07", "AC08", "AC09", "AC10", "AC11",
    "AB01", "AB02", "AB03", "AB04", "AB05", "AB06", "AB07", "AB08", "AB09", "AB10", "BKSL", "LSGT",
];

/// One parsed layout file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Layout {
    id: String,
    description: String,
    /// Per key number: `[level 1, level 2]`, `'\0'` where the file has no key.
    keys: [[char; 2]; 48],
}

impl Layout {
    /// `(char, key number, level)` sorted by char; for a char on several
    /// keys or levels the lowest `(key, level)` is kept.
    fn by_char(&self) -> Vec<(char, u8, u8)> {
        let mut all = Vec::new();
        for (key, levels) in (0u8..).zip(self.keys.iter()) {
            for (level, &c) in (0u8..).zip(levels.iter()) {
                if c != '\0' {
                    all.push((c, key, level));
                }
            }
        }
        all.sort_unstable();
        all.dedup_by_key(|entry| entry.0);
        all
    }
}

fn key_number(name: &str) -> Option<usize> {
    KEY_NAMES.iter().position(|k| *k == name)
}

/// Parses one `"…"` TOML basic string holding one printable character;
/// returns it and the rest of the line.
fn parse_char(s: &str) -> Result<(char, &str)> {
    let Some(rest) = s.strip_prefix('"') else {
        bail!("expected a string at {s:?}");
    };
    let (value, rest) = match rest.as_bytes() {
        [b'\\', b'\\', b'"', ..] => ('\\', rest.get(3..).unwrap_or("")),
        [b'\\', b'"', b'"', ..] => ('"', rest.get(3..).unwrap_or("")),
        [b'\\', ..] => bail!("unsupported escape at {s:?} (only \\\\ and \\\" are allowed)"),
        _ => {
            let mut chars = rest.chars();
            let c = chars.next().context("unterminated string")?;
            let Some(rest) = chars.as_str().strip_prefix('"') else {
                bail!("expected exactly one character in {s:?}");
            };
            (c, rest)
        }
    };
    ensure!(
        value != '"' || s.starts_with("\"\\\""),
        "unescaped quote in {s:?}"
    );
    ensure!(
        !value.is_control() && !value.is_whitespace(),
        "{value:?} is not a printable character"
    );
    Ok((value, rest))
}

/// Parses one key line `AD01 = ["й", "Й"]`.
fn parse_key_line(line: &str) -> Result<(usize, [char; 2])> {
    let (name, rest) = line
        .split_once(" = [")
        .with_context(|| format!("expected `KEY = [\"a\", \"A\"]`, got {line:?}"))?;
    let key = key_number(name).with_context(|| format!("unknown key name {name:?}"))?;
    let (first, rest) = parse_char(rest)?;
    let rest = rest
        .strip_prefix(", ")
        .with_context(|| format!("expected `, ` after the first string in {line:?}"))?;
    let (second, rest) = parse_char(rest)?;
    ensure!(rest == "]", "expected `]` at the end of {line:?}");
    Ok((key, [first, second]))
}

fn parse(id: &str, input: &Input) -> Result<Layout> {
    let what = &input.path;
    let mut header = Vec::new();
    let mut keys = [['\0'; 2]; 48];
    let mut listed: BTreeSet<usize> = BTreeSet::new();
    let mut last_name: Option<&str> = None;
    for (i, line) in input.text.lines().enumerate() {
        let ctx = || format!("{what}:{}", i + 1);
        if let Some(comment) = line.strip_prefix('#') {
            ensure!(
                last_name.is_none(),
                "{}: comment after the key lines",
                ctx()
            );
            header.push(comment.trim());
            continue;
        }
        if line.is_empty() {
            continue;
        }
        let (key, value) = parse_key_line(line).with_context(ctx)?;
        let name = KEY_NAMES.get(key).copied().unwrap_or("");
        if let Some(last) = last_name {
            ensure!(
                last < name,
                "{}: key {name} after {last} (keys must be sorted, each once)",
                ctx()
            );
        }
        last_name = Some(name);
        listed.insert(key);
        if let Some(slot) = keys.get_mut(key) {
            *slot = value;
        }
    }
    ensure!(
        input.text.ends_with('\n'),
        "{what}: the last line has no newline"
    );

    // Header: name, XKB section, dead keys.
    let first = header.first().copied().unwrap_or("");
    let prefix = format!("Keyboard layout '{id}': ");
    let name = first
        .strip_prefix(prefix.as_str())
        .and_then(|s| s.strip_suffix('.'))
        .with_context(|| format!("{what}:1: expected `# {prefix}<name>.`"))?;
    let section = header
        .iter()
        .find_map(|h| h.strip_prefix("Source: "))
        .and_then(|s| s.rsplit_once("= XKB "))
        .and_then(|(_, s)| s.strip_suffix('.'))
        .with_context(|| format!("{what}: no `# Source: … = XKB <file>(<section>).` line"))?;
    let dead = header
        .iter()
        .find_map(|h| h.strip_prefix("Dead keys (skipped): "))
        .with_context(|| format!("{what}: no `# Dead keys (skipped): …` line"))?;
    let mut dead_keys = BTreeSet::new();
    if dead != "none." {
        for entry in dead.trim_end_matches('.').split("; ") {
            let name = entry.split(" = ").next().unwrap_or("");
            let key = key_number(name)
                .with_context(|| format!("{what}: unknown dead key name {name:?}"))?;
            dead_keys.insert(key);
        }
    }
    let missing: BTreeSet<usize> = (0..KEY_NAMES.len())
        .filter(|k| !listed.contains(k))
        .collect();
    ensure!(
        missing == dead_keys,
        "{what}: keys without a line {:?} are not the dead keys of the header {:?}",
        names(&missing),
        names(&dead_keys)
    );
    Ok(Layout {
        id: id.to_owned(),
        description: format!("{name}; xkb {section}"),
        keys,
    })
}

fn names(keys: &BTreeSet<usize>) -> Vec<&'static str> {
    keys.iter()
        .filter_map(|&k| KEY_NAMES.get(k).copied())
        .collect()
}

/// The xkb-data version the header names (`# xkb-data 2.35.1-1 (…`).
fn xkb_version(text: &str) -> Option<&str> {
    text.lines()
        .take_while(|l| l.starts_with('#'))
        .find_map(|l| l.strip_prefix("# xkb-data "))
        .and_then(|rest| rest.split(' ').next())
}

fn read_all(root: &Path) -> Result<Vec<(Input, Layout)>> {
    let dir = root.join(DIR);
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&dir).with_context(|| format!("listing {}", dir.display()))? {
        let name = entry?.file_name();
        if let Some(id) = name.to_string_lossy().strip_suffix(".toml") {
            found.push(id.to_owned());
        }
    }
    found.sort();
    ensure!(
        found == IDS,
        "{DIR}: expected exactly the layouts {IDS:?}, found {found:?}; update IDS in crates/gen/src/layouts.rs"
    );
    let mut layouts = Vec::new();
    for id in IDS {
        let rel = format!("{DIR}/{id}.toml");
        let mut input = Input::read(root, &rel, "", None)?;
        let version = xkb_version(&input.text)
            .with_context(|| format!("{rel}: no `# xkb-data <version>` header line"))?;
        input.version = format!("xkb-data {version}");
        let layout = parse(id, &input)?;
        layouts.push((input, layout));
    }
    Ok(layouts)
}

/// A char literal for the generated file.
fn char_lit(c: char) -> String {
    match c {
        '\0' => "'\\0'".to_owned(),
        '\'' => "'\\''".to_owned(),
        '\\' => "'\\\\'".to_owned(),
        c => format!("'{c}'"),
    }
}

fn str_lit(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

pub(crate) fn generate(root: &Path) -> Result<Vec<Output>> {
    let layouts = read_all(root)?;
    let inputs: Vec<&Input> = layouts.iter().map(|(input, _)| input).collect();
    let mut out = writer::rust_file(
        &inputs,
        "Keyboard layouts (XKB, group 1, levels 1 and 2) for keyboard-slip repair:\n\
         the same key number is the same physical key in every layout, so\n\
         `us` + `ru` give the QWERTY↔ЙЦУКЕН mapping. Dead keys are absent (`'\\0'`).\n\
         Layout data: xkeyboard-config (X11/MIT-style licenses, see\n\
         data/curated/layouts/COPYING.xkeyboard-config).",
    );
    let _ = writeln!(
        out,
        "/// XKB key names in table order (index = key number used below): `TLDE`,\n\
         /// the number row `AE01`–`AE12`, the letter rows `AD01`–`AD12`, `AC01`–`AC11`,\n\
         /// `AB01`–`AB10`, then `BKSL` and the ISO key `LSGT`.\n\
         pub(crate) static KEY_NAMES: [&str; {}] = [",
        KEY_NAMES.len()
    );
    for row in KEY_NAMES.chunks(12) {
        let quoted: Vec<String> = row.iter().map(|k| format!("\"{k}\"")).collect();
        let _ = writeln!(out, "    {},", quoted.join(", "));
    }
    out.push_str("];\n\n");
    out.push_str(
        "/// One keyboard layout.\n\
         #[derive(Debug)]\n\
         pub(crate) struct LayoutTable {\n\
         \x20   /// The layout id (the data file's stem), e.g. `\"ru\"`, `\"bg-phonetic\"`.\n\
         \x20   pub(crate) id: &'static str,\n\
         \x20   /// What the layout is, from the data file's header, e.g.\n\
         \x20   /// `\"Russian, ЙЦУКЕН; xkb ru(winkeys)\"`.\n\
         \x20   pub(crate) description: &'static str,\n\
         \x20   /// `[level 1, level 2]` (no modifier, Shift) per key number (see `KEY_NAMES`);\n\
         \x20   /// `'\\0'` on both levels where the layout has no printable character (dead keys).\n\
         \x20   pub(crate) keys: [[char; 2]; 48],\n\
         \x20   /// `(char, key number, level 0 or 1)` for every character of `keys`, sorted by\n\
         \x20   /// char for binary search; a character on several keys or levels appears once,\n\
         \x20   /// with the lowest `(key number, level)`.\n\
         \x20   pub(crate) by_char: &'static [(char, u8, u8)],\n\
         }\n\n\
         /// Every layout, sorted by `id`.\n\
         pub(crate) static LAYOUTS: &[LayoutTable] = &[\n",
    );
    for (_, layout) in &layouts {
        let _ = writeln!(out, "    LayoutTable {{");
        let _ = writeln!(out, "        id: {},", str_lit(&layout.id));
        let _ = writeln!(
            out,
            "        description: {},",
            str_lit(&layout.description)
        );
        out.push_str("        keys: [\n");
        for (name, [a, b]) in KEY_NAMES.iter().zip(layout.keys.iter()) {
            let _ = writeln!(
                out,
                "            [{}, {}], // {name}",
                char_lit(*a),
                char_lit(*b)
            );
        }
        out.push_str("        ],\n        by_char: &[\n");
        for row in layout.by_char().chunks(6) {
            let items: Vec<String> = row
                .iter()
                .map(|(c, key, level)| format!("({}, {key}, {level})", char_lit(*c)))
                .collect();
            let _ = writeln!(out, "            {},", items.join(", "));
        }
        out.push_str("        ],\n    },\n");
    }
    out.push_str("];\n");
    Ok(vec![Output {
        path: OUTPUT.into(),
        contents: out,
    }])
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    /// The real layouts by id.
    fn by_id(root: &Path) -> BTreeMap<String, Layout> {
        read_all(root)
            .unwrap()
            .into_iter()
            .map(|(_, layout)| (layout.id.clone(), layout))
            .collect()
    }

    fn root() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
    }

    fn input(text: &str) -> Input {
        Input {
            path: "t.toml".to_owned(),
            version: "test".to_owned(),
            sha256: String::new(),
            text: text.to_owned(),
        }
    }

    fn key(layout: &Layout, name: &str) -> [char; 2] {
        layout.keys[key_number(name).unwrap()]
    }

    #[test]
    fn key_names_are_48_distinct() {
        let set: BTreeSet<&str> = KEY_NAMES.iter().copied().collect();
        assert_eq!(set.len(), 48);
        assert_eq!(key_number("TLDE"), Some(0));
        assert_eq!(key_number("AD06"), Some(18));
        assert_eq!(key_number("LSGT"), Some(47));
    }

    #[test]
    fn real_layouts() {
        let layouts = by_id(&root());
        assert_eq!(layouts.len(), 10);
        assert_eq!(key(&layouts["ru"], "AD06"), ['н', 'Н']);
        assert_eq!(key(&layouts["us"], "AD06"), ['y', 'Y']);
        assert_eq!(key(&layouts["ru"], "AD01"), ['й', 'Й']);
        assert_eq!(key(&layouts["us"], "BKSL"), ['\\', '|']);
        assert_eq!(key(&layouts["de"], "TLDE"), ['\0', '\0']);
        assert_eq!(
            layouts["ru"].description,
            "Russian, ЙЦУКЕН; xkb ru(winkeys)"
        );
        assert_eq!(
            layouts["bg-phonetic"].description,
            "Bulgarian, traditional phonetic; xkb bg(phonetic)"
        );
    }

    #[test]
    fn by_char_is_sorted_and_consistent_with_keys() {
        for layout in by_id(&root()).values() {
            let index = layout.by_char();
            for pair in index.windows(2) {
                assert!(pair[0].0 < pair[1].0, "{}: not strictly sorted", layout.id);
            }
            for &(c, key, level) in &index {
                assert_eq!(layout.keys[key as usize][level as usize], c);
            }
            // Every character of `keys` is found, at its lowest position.
            for (key, levels) in layout.keys.iter().enumerate() {
                for (level, &c) in levels.iter().enumerate() {
                    if c == '\0' {
                        continue;
                    }
                    let i = index.binary_search_by_key(&c, |e| e.0).unwrap();
                    let (_, k, l) = index[i];
                    assert!((k as usize, l as usize) <= (key, level));
                }
            }
        }
        // gr has Σ on AD02 (Shift of ς) and AC02 (Shift of σ): AD02 wins.
        let layouts = by_id(&root());
        let gr = layouts["gr"].by_char();
        let i = gr.binary_search_by_key(&'Σ', |e| e.0).unwrap();
        assert_eq!(gr[i], ('Σ', key_number("AD02").unwrap() as u8, 1));
    }

    const HEADER: &str = "# Keyboard layout 'xx': Test.\n\
        # Source: /x, section \"basic\" = XKB xx(basic).\n\
        # xkb-data 2.35.1-1 (Debian).\n\
        # Dead keys (skipped): none.\n\n";

    fn full(lines: &[(&str, &str)]) -> String {
        let mut text = HEADER.to_owned();
        let mut sorted: Vec<&str> = KEY_NAMES.to_vec();
        sorted.sort_unstable();
        for name in sorted {
            let line = lines.iter().find(|(n, _)| *n == name).map_or_else(
                || format!("{name} = [\"a\", \"A\"]"),
                |(_, l)| (*l).to_owned(),
            );
            if !line.is_empty() {
                text.push_str(&line);
                text.push('\n');
            }
        }
        text
    }

    #[test]
    fn a_complete_file_parses() {
        let text = full(&[("BKSL", "BKSL = [\"\\\\\", \"\\\"\"]")]);
        let layout = parse("xx", &input(&text)).unwrap();
        assert_eq!(key(&layout, "BKSL"), ['\\', '"']);
        assert_eq!(layout.description, "Test; xkb xx(basic)");
        assert_eq!(xkb_version(&text), Some("2.35.1-1"));
    }

    #[test]
    fn bad_files_are_rejected() {
        let cases = [
            ("AD01", "AD01 = [\"ab\", \"A\"]", "one character"),
            ("AD01", "AD01 = [\"\\u0041\", \"A\"]", "unsupported escape"),
            ("AD01", "AD01 = [\"\t\", \"A\"]", "printable"),
            ("AD01", "AD01 = [\"a\"]", "expected `, `"),
            ("AD01", "AD01 = [\"a\", \"A\"] # x", "expected `]`"),
            ("AD01", "", "dead keys"),
            (
                "AD01",
                "AD01 = [\"a\", \"A\"]\nAD01 = [\"a\", \"A\"]",
                "sorted",
            ),
            ("AD01", "AD13 = [\"a\", \"A\"]", "unknown key name"),
        ];
        for (name, line, message) in cases {
            let text = full(&[(name, line)]);
            let err = format!("{:#}", parse("xx", &input(&text)).unwrap_err());
            assert!(err.contains(message), "{line:?}: {err}");
        }
        let unsorted = full(&[]).replace(
            "AB01 = [\"a\", \"A\"]\nAB02 = [\"a\", \"A\"]",
            "AB02 = [\"a\", \"A\"]\nAB01 = [\"a\", \"A\"]",
        );
        assert_ne!(unsorted, full(&[]));
        let err = format!("{:#}", parse("xx", &input(&unsorted)).unwrap_err());
        assert!(err.contains("sorted"), "{err}");
        let wrong_id = full(&[]);
        assert!(parse("yy", &input(&wrong_id)).is_err());
        let dead = full(&[("TLDE", "")]).replace("none.", "TLDE = dead_grave / dead_tilde.");
        let layout = parse("xx", &input(&dead)).unwrap();
        assert_eq!(key(&layout, "TLDE"), ['\0', '\0']);
    }
}
