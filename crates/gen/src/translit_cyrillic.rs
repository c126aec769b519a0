//! Cyrillic transliteration tables for `polynorm-translit`, from
//! `data/curated/translit/cyrillic.tsv` (Cyrillic → Latin rules per scheme),
//! `cyrillic-reverse.tsv` (name readings and reverse-only rules),
//! `cyrillic-fallback.tsv` (a Latin spelling per Unicode letter name) and
//! `UnicodeData.txt` (which letters are Cyrillic, their case and
//! decomposition). See `data/curated/translit/README.md` for the formats.
//!
//! Output: one `Table` per scheme and direction in
//! `crates/translit/src/tables/cyrillic.rs`, laid out for the engine in
//! `crates/translit/src/cyrillic/engine.rs`: a direct-indexed block
//! (U+0400–U+045F for Cyrillic, U+0000–U+017F for Latin), a sorted sparse
//! list, a shared fallback list, and the rules. The exact reverse tables of
//! the reversible schemes are the inverse of their unconditioned rules; the
//! generator fails if that inverse is not a function.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::{bail, ensure, Context as _, Result};
use unicode_normalization::UnicodeNormalization as _;

use crate::ucd::UnicodeData;
use crate::writer::{self, Input, Output};

const UNICODE_VERSION: &str = "17.0.0";
const FORWARD: &str = "data/curated/translit/cyrillic.tsv";
const REVERSE: &str = "data/curated/translit/cyrillic-reverse.tsv";
const FALLBACK: &str = "data/curated/translit/cyrillic-fallback.tsv";
const OUTPUT: &str = "crates/translit/src/tables/cyrillic.rs";
/// The Serbian letter table `polynorm-repair` reads Serbian written in both
/// alphabets with (its mixed-script judge), from the `sr-latin` rows.
const SERBIAN_OUTPUT: &str = "crates/repair/src/tables/serbian.rs";

/// The schemes, in output order; each must have rows in the forward file.
const SCHEMES: [&str; 15] = [
    "ru-icao",
    "ru-bgn-pcgn",
    "ru-gost-7.79-b",
    "ru-iso9",
    "ru-gost-16876",
    "ru-ala-lc",
    "ru-ungegn",
    "ru-scholarly",
    "ru-press",
    "uk-national",
    "be-national",
    "bg-official",
    "sr-latin",
    "mk-official",
    "kk-latin-2021",
];

/// Schemes whose reverse is the exact inverse of their `*` rules (plus any
/// rows of the same name in the reverse file).
const EXACT_REVERSE: [&str; 3] = ["ru-iso9", "ru-scholarly", "sr-latin"];

/// Name-reading tables of the reverse file.
const NAME_TABLES: [&str; 2] = ["ru-name", "uk-name"];

const CYRILLIC_BASE: u32 = 0x0400;
const CYRILLIC_DIRECT: u32 = 0x60;
const LATIN_BASE: u32 = 0x0000;
const LATIN_DIRECT: u32 = 0x180;

/// Name prefixes stripped to get a letter's base name for the fallback.
const NAME_PREFIXES: [&str; 10] = [
    "CYRILLIC CAPITAL LETTER ",
    "CYRILLIC SMALL LETTER ",
    "CYRILLIC LETTER SMALL CAPITAL ",
    "CYRILLIC LETTER ",
    "CYRILLIC CAPITAL LIGATURE ",
    "CYRILLIC SMALL LIGATURE ",
    "MODIFIER LETTER CYRILLIC SMALL ",
    "MODIFIER LETTER CYRILLIC ",
    "CYRILLIC SUBSCRIPT SMALL LETTER ",
    "CYRILLIC ",
];

/// One condition of a rule, as in the engine.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Cond {
    Initial,
    Final,
    Prev(String),
    Next(String),
    Name,
}

/// One rule row.
#[derive(Debug, Clone)]
struct Row {
    from: String,
    to: String,
    /// Alternatives of conjunctions; empty = always.
    when: Vec<Vec<Cond>>,
    upper: Option<String>,
}

/// A rule or default output, ready to write.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Out {
    lower: String,
    title: String,
    upper: String,
}

impl Out {
    fn new(lower: &str, upper_override: Option<&str>) -> Out {
        let upper = upper_override.map_or_else(|| lower.to_uppercase(), str::to_owned);
        // Title: the first letter uppercased (all of its uppercase: ǰ → J̌),
        // the rest as in `lower`; with an override, the override's first char.
        let mut title = String::new();
        let first = match upper_override {
            Some(o) => o.chars().next().map(String::from),
            None => lower.chars().next().map(|c| c.to_uppercase().collect()),
        };
        if let Some(first) = first {
            title.push_str(&first);
            title.extend(lower.chars().skip(1));
        }
        Out {
            lower: lower.to_owned(),
            title,
            upper,
        }
    }
}

/// How a source character's case is classed in the engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    None,
    Lower,
    Upper,
    Caseless,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    kind: Kind,
    out: Option<Out>,
    rules: (usize, usize),
}

#[derive(Debug, Clone)]
struct RuleOut {
    seq: String,
    out: Out,
    when: Vec<Vec<Cond>>,
}

/// One table as it will be written.
#[derive(Debug, Clone, Default)]
struct Table {
    base: u32,
    direct_len: u32,
    entries: BTreeMap<char, Entry>,
    rules: Vec<RuleOut>,
    apostrophe: Option<String>,
}

fn parse_when(field: &str, what: &str) -> Result<Vec<Vec<Cond>>> {
    if field == "*" {
        return Ok(Vec::new());
    }
    let mut alts = Vec::new();
    for alt in field.split('|') {
        let mut all = Vec::new();
        for cond in alt.split(' ') {
            let parsed = match cond {
                "^" => Cond::Initial,
                "$" => Cond::Final,
                "name" => Cond::Name,
                _ => {
                    if let Some(set) = cond.strip_prefix('<') {
                        ensure!(!set.is_empty(), "{what}: empty set in {cond:?}");
                        Cond::Prev(set.to_owned())
                    } else if let Some(set) = cond.strip_prefix('>') {
                        ensure!(!set.is_empty(), "{what}: empty set in {cond:?}");
                        Cond::Next(set.to_owned())
                    } else {
                        bail!("{what}: unknown condition {cond:?}");
                    }
                }
            };
            all.push(parsed);
        }
        alts.push(all);
    }
    Ok(alts)
}

/// Parses a rule file into `table name → rows`, checking sort order, NFC
/// and lowercase.
fn parse_rules(input: &Input) -> Result<BTreeMap<String, Vec<Row>>> {
    let mut out: BTreeMap<String, Vec<Row>> = BTreeMap::new();
    let mut last: Option<(String, String, String)> = None;
    for (i, line) in input.text.lines().enumerate() {
        let what = format!("{}:{}", input.path, i + 1);
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        ensure!(
            fields.len() == 4 || fields.len() == 5,
            "{what}: expected 4 or 5 tab-separated fields"
        );
        let [name, from, to, when] = [fields[0], fields[1], fields[2], fields[3]];
        let key = (name.to_owned(), from.to_owned(), when.to_owned());
        if let Some(prev) = &last {
            ensure!(
                *prev < key,
                "{what}: not sorted (or duplicate) after {prev:?}"
            );
        }
        last = Some(key);
        ensure!(!from.is_empty(), "{what}: empty `from`");
        for s in [from, to] {
            ensure!(s.nfc().eq(s.chars()), "{what}: {s:?} is not NFC");
        }
        ensure!(
            from.chars().all(|c| !c.is_uppercase()),
            "{what}: `from` must be lowercase"
        );
        let to = if to == "-" { "" } else { to };
        ensure!(
            to.chars().all(|c| !c.is_uppercase()),
            "{what}: `to` must be lowercase (put the ALL-CAPS form in the 5th column)"
        );
        let upper = fields.get(4).map(|s| (*s).to_owned());
        out.entry(name.to_owned()).or_default().push(Row {
            from: from.to_owned(),
            to: to.to_owned(),
            when: parse_when(when, &what)?,
            upper,
        });
    }
    Ok(out)
}

fn parse_fallback(input: &Input) -> Result<BTreeMap<String, String>> {
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    for (i, line) in input.text.lines().enumerate() {
        let what = format!("{}:{}", input.path, i + 1);
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let Some((name, latin)) = line.split_once('\t') else {
            bail!("{what}: expected name<TAB>latin");
        };
        ensure!(
            latin.is_ascii() && !latin.contains('\t'),
            "{what}: the fallback is ASCII"
        );
        let latin = if latin == "-" { "" } else { latin };
        if let Some((prev, _)) = out.last_key_value() {
            ensure!(prev.as_str() < name, "{what}: not sorted after {prev}");
        }
        out.insert(name.to_owned(), latin.to_owned());
    }
    Ok(out)
}

fn base_name(name: &str) -> &str {
    let mut base = name;
    for prefix in NAME_PREFIXES {
        if let Some(rest) = base.strip_prefix(prefix) {
            base = rest;
            break;
        }
    }
    if let Some(rest) = base.strip_prefix("SUBSCRIPT SMALL LETTER ") {
        base = rest;
    }
    match base.find(" WITH ") {
        Some(i) => &base[..i],
        None => base,
    }
}

fn to_char(cp: u32) -> Result<char> {
    char::from_u32(cp).with_context(|| format!("U+{cp:04X} is not a char"))
}

fn kind_of(c: char) -> Kind {
    if c.is_uppercase() {
        Kind::Upper
    } else if c.is_lowercase() {
        Kind::Lower
    } else {
        Kind::Caseless
    }
}

/// Every Cyrillic letter of UnicodeData.txt, with its Unicode name.
fn cyrillic_letters(ucd: &UnicodeData) -> Vec<(char, String)> {
    let mut out = Vec::new();
    for cp in 0..=0x1_FFFF_u32 {
        let Some(data) = ucd.get(cp) else { continue };
        if data.general_category.starts_with('L') && data.name.contains("CYRILLIC") {
            if let Some(c) = char::from_u32(cp) {
                out.push((c, data.name.clone()));
            }
        }
    }
    out
}

fn lowercase_of(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Puts `rows` (one table) into rule order: per first letter, longer
/// sequences first, then conditioned before unconditioned, then file order.
fn ordered_rules(rows: &[&Row]) -> BTreeMap<char, Vec<RuleOut>> {
    let mut by_first: BTreeMap<char, Vec<(usize, &Row)>> = BTreeMap::new();
    for (i, row) in rows.iter().enumerate() {
        if let Some(first) = row.from.chars().next() {
            by_first.entry(first).or_default().push((i, row));
        }
    }
    let mut out = BTreeMap::new();
    for (first, mut list) in by_first {
        list.sort_by_key(|(i, row)| {
            (
                std::cmp::Reverse(row.from.chars().count()),
                row.when.is_empty(),
                *i,
            )
        });
        out.insert(
            first,
            list.into_iter()
                .map(|(_, row)| RuleOut {
                    seq: row.from.clone(),
                    out: Out::new(&row.to, row.upper.as_deref()),
                    when: row.when.clone(),
                })
                .collect(),
        );
    }
    out
}

/// Adds the entries of both cases of `lower` with `rules` and default `out`.
fn add_letter(table: &mut Table, lower: char, out: Option<Out>, rules: Vec<RuleOut>) {
    let start = table.rules.len();
    table.rules.extend(rules);
    let range = (start, table.rules.len());
    let kind = kind_of(lower);
    table.entries.insert(
        lower,
        Entry {
            kind: if out.is_some() { kind } else { Kind::None },
            out: out.clone(),
            rules: range,
        },
    );
    let mut upper = lower.to_uppercase();
    if let (Some(u), None) = (upper.next(), upper.next()) {
        if u != lower && lowercase_of(u) == lower {
            table.entries.insert(
                u,
                Entry {
                    kind: if out.is_some() {
                        Kind::Upper
                    } else {
                        Kind::None
                    },
                    out,
                    rules: range,
                },
            );
        }
    }
}

/// The Cyrillic → Latin table of one scheme.
fn forward_table(
    scheme: &str,
    rows: &[Row],
    letters: &[(char, String)],
    ucd: &UnicodeData,
    fallback: &BTreeMap<String, String>,
) -> Result<Table> {
    let mut table = Table {
        base: CYRILLIC_BASE,
        direct_len: CYRILLIC_DIRECT,
        ..Table::default()
    };
    let mut defaults: BTreeMap<char, &Row> = BTreeMap::new();
    let mut rule_rows: Vec<&Row> = Vec::new();
    for row in rows {
        let mut chars = row.from.chars();
        let (Some(first), rest) = (chars.next(), chars.next()) else {
            continue;
        };
        if row.from == "'" {
            ensure!(
                row.when.is_empty(),
                "{scheme}: the apostrophe rule is unconditional"
            );
            table.apostrophe = Some(row.to.clone());
            continue;
        }
        for c in row.from.chars() {
            ensure!(
                letters.iter().any(|(l, _)| *l == c),
                "{scheme}: {c:?} in {:?} is not a Cyrillic letter",
                row.from
            );
        }
        ensure!(
            row.to
                .chars()
                .all(|c| !letters.iter().any(|(l, _)| *l == c)),
            "{scheme}: output {:?} contains Cyrillic",
            row.to
        );
        if rest.is_none() && row.when.is_empty() {
            ensure!(
                defaults.insert(first, row).is_none(),
                "{scheme}: two defaults for {first}"
            );
        } else {
            rule_rows.push(row);
        }
    }
    let mut rules = ordered_rules(&rule_rows);
    for first in rules.keys() {
        ensure!(
            defaults.contains_key(first),
            "{scheme}: rules for {first} but no `*` row for it"
        );
    }
    // Every lowercase Cyrillic letter (uppercase ones follow in add_letter).
    let mut done = std::collections::BTreeSet::new();
    for (c, name) in letters {
        let lower = lowercase_of(*c);
        let Some(lower_name) = letters
            .iter()
            .find(|(l, _)| *l == lower)
            .map(|(_, n)| n.as_str())
        else {
            // An uppercase letter without a Cyrillic lowercase: on its own.
            let out = fallback_out(scheme, *c, name, &defaults, ucd, fallback)?;
            table.entries.insert(
                *c,
                Entry {
                    kind: kind_of(*c),
                    out: Some(out),
                    rules: (0, 0),
                },
            );
            continue;
        };
        if !done.insert(lower) {
            continue;
        }
        let out = match defaults.get(&lower) {
            Some(row) => Out::new(&row.to, row.upper.as_deref()),
            None => fallback_out(scheme, lower, lower_name, &defaults, ucd, fallback)?,
        };
        add_letter(
            &mut table,
            lower,
            Some(out),
            rules.remove(&lower).unwrap_or_default(),
        );
    }
    ensure!(
        rules.is_empty(),
        "{scheme}: rules left for {:?}",
        rules.keys()
    );
    // Uppercase letters whose entry add_letter did not make (no simple
    // uppercase mapping back) keep their own case class.
    Ok(table)
}

/// The output of a letter the scheme does not list: the scheme's output for
/// the base letter of its canonical decomposition, else the name fallback.
fn fallback_out(
    scheme: &str,
    c: char,
    name: &str,
    defaults: &BTreeMap<char, &Row>,
    ucd: &UnicodeData,
    fallback: &BTreeMap<String, String>,
) -> Result<Out> {
    let nfd = ucd.nfd(u32::from(c));
    if nfd.len() > 1 {
        let base = lowercase_of(to_char(nfd[0])?);
        if let Some(row) = defaults.get(&base) {
            return Ok(Out::new(&row.to, row.upper.as_deref()));
        }
    }
    let base = base_name(name);
    let latin = fallback
        .get(base)
        .with_context(|| format!("{scheme}: no fallback for {name} (base name {base:?})"))?;
    Ok(Out::new(latin, None))
}

/// Builds a Latin-source table from `(latin key, cyrillic)` rows, keys
/// turned to NFD (the engine matches NFD input).
fn latin_table(name: &str, rows: &[Row]) -> Result<Table> {
    let mut table = Table {
        base: LATIN_BASE,
        direct_len: LATIN_DIRECT,
        ..Table::default()
    };
    let nfd_rows: Vec<Row> = rows
        .iter()
        .map(|row| Row {
            from: row.from.nfd().collect(),
            to: row.to.clone(),
            when: row.when.clone(),
            upper: row.upper.clone(),
        })
        .collect();
    let mut defaults: BTreeMap<char, &Row> = BTreeMap::new();
    let mut rule_rows = Vec::new();
    let mut seen: std::collections::BTreeSet<(String, String)> = std::collections::BTreeSet::new();
    for row in &nfd_rows {
        let key = (row.from.clone(), format!("{:?}", row.when));
        ensure!(
            seen.insert(key),
            "{name}: {:?} has two readings in the same context",
            row.from
        );
        let mut chars = row.from.chars();
        let (Some(first), rest) = (chars.next(), chars.next()) else {
            continue;
        };
        ensure!(
            !first.is_uppercase(),
            "{name}: key {:?} must be lowercase",
            row.from
        );
        if rest.is_none() && row.when.is_empty() {
            defaults.insert(first, row);
        } else {
            rule_rows.push(row);
        }
    }
    let mut rules = ordered_rules(&rule_rows);
    let firsts: std::collections::BTreeSet<char> =
        defaults.keys().chain(rules.keys()).copied().collect();
    for first in firsts {
        let out = defaults.get(&first).map(|row| Out::new(&row.to, None));
        add_letter(
            &mut table,
            first,
            out,
            rules.remove(&first).unwrap_or_default(),
        );
    }
    Ok(table)
}

/// The exact reverse of a scheme: its unconditioned rules inverted.
fn exact_reverse(scheme: &str, rows: &[Row], extra: &[Row]) -> Result<Table> {
    let mut inverted: BTreeMap<String, Row> = BTreeMap::new();
    for row in rows.iter().filter(|r| r.when.is_empty() && r.from != "'") {
        ensure!(
            !row.to.is_empty(),
            "{scheme}: {:?} has no output, so the scheme cannot be reversible",
            row.from
        );
        let key: String = row.to.nfd().collect();
        let inv = Row {
            from: row.to.clone(),
            to: row.from.clone(),
            when: Vec::new(),
            upper: None,
        };
        if let Some(prev) = inverted.insert(key, inv) {
            bail!(
                "{scheme}: {:?} and {:?} both give {:?}: not reversible",
                prev.to,
                row.from,
                row.to
            );
        }
    }
    let mut all: Vec<Row> = inverted.into_values().collect();
    all.extend(extra.iter().cloned());
    latin_table(&format!("{scheme} reverse"), &all)
}

fn const_name(scheme: &str) -> String {
    scheme
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect()
}

fn lit(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_ascii_graphic() || c == ' ' => out.push(c),
            c if crate_visible(c) => out.push(c),
            c => {
                let _ = write!(out, "\\u{{{:04x}}}", u32::from(c));
            }
        }
    }
    out.push('"');
    out
}

/// Characters written as themselves in the generated source (letters and
/// punctuation); marks and modifiers are escaped so the file reads well.
fn crate_visible(c: char) -> bool {
    c.is_alphabetic() && !matches!(u32::from(c), 0x02B0..=0x036F)
}

fn kind_lit(kind: Kind) -> &'static str {
    match kind {
        Kind::None => "N",
        Kind::Lower => "L",
        Kind::Upper => "U",
        Kind::Caseless => "C",
    }
}

fn entry_lit(entry: &Entry) -> String {
    let empty = Out::new("", None);
    let out = entry.out.as_ref().unwrap_or(&empty);
    format!(
        "e({}, {}, {}, {}, {}, {})",
        kind_lit(entry.kind),
        lit(&out.lower),
        lit(&out.title),
        lit(&out.upper),
        entry.rules.0,
        entry.rules.1
    )
}

/// A letter set as the engine's bitmap: 128 code points from U+0430 when
/// the set has Cyrillic letters, else from U+0000; other members listed.
fn set_lit(members: &str) -> String {
    let base: u32 = if members
        .chars()
        .any(|c| (0x0430..0x04B0).contains(&u32::from(c)))
    {
        0x0430
    } else {
        0
    };
    let mut bits: u128 = 0;
    let mut rest = String::new();
    for c in members.chars() {
        let off = u32::from(c).wrapping_sub(base);
        if off < 128 {
            bits |= 1 << off;
        } else {
            rest.push(c);
        }
    }
    let hex = format!("{bits:032x}");
    let groups: Vec<&str> = (0..8).filter_map(|i| hex.get(i * 4..i * 4 + 4)).collect();
    format!(
        "set({}, 0x{}, {})",
        writer::cp(base),
        groups.join("_"),
        lit(&rest)
    )
}

fn when_lit(when: &[Vec<Cond>]) -> String {
    let alts: Vec<String> = when
        .iter()
        .map(|all| {
            let conds: Vec<String> = all
                .iter()
                .map(|c| match c {
                    Cond::Initial => "Cond::Initial".to_owned(),
                    Cond::Final => "Cond::Final".to_owned(),
                    Cond::Name => "Cond::Name".to_owned(),
                    Cond::Prev(s) => format!("Cond::Prev({})", set_lit(s)),
                    Cond::Next(s) => format!("Cond::Next({})", set_lit(s)),
                })
                .collect();
            format!("&[{}]", conds.join(", "))
        })
        .collect();
    format!("&[{}]", alts.join(", "))
}

fn write_table(
    out: &mut String,
    name: &str,
    doc: &str,
    table: &Table,
    fallback: Option<&BTreeMap<char, Entry>>,
) -> Result<()> {
    ensure!(
        table.rules.len() < usize::from(u16::MAX),
        "{name}: too many rules"
    );
    let _ = writeln!(out, "/// {doc}");
    let _ = writeln!(out, "pub(crate) static {name}: Table = Table {{");
    let _ = writeln!(out, "    base: {},", writer::cp(table.base));
    let _ = writeln!(out, "    direct: &[");
    for off in 0..table.direct_len {
        let c = to_char(table.base + off)?;
        let entry = table
            .entries
            .get(&c)
            .map_or_else(|| "Entry::NONE".to_owned(), entry_lit);
        let _ = writeln!(out, "        {entry}, // {}", writer::cp(table.base + off));
    }
    let _ = writeln!(out, "    ],");
    let _ = writeln!(out, "    sparse: &[");
    for (c, entry) in &table.entries {
        let cp = u32::from(*c);
        if (table.base..table.base + table.direct_len).contains(&cp) {
            continue;
        }
        if fallback.and_then(|f| f.get(c)) == Some(entry) {
            continue;
        }
        let _ = writeln!(out, "        ('\\u{{{cp:04x}}}', {}),", entry_lit(entry));
    }
    let _ = writeln!(out, "    ],");
    if fallback.is_some() {
        let _ = writeln!(out, "    fallback: FALLBACK,");
    } else {
        let _ = writeln!(out, "    fallback: &[],");
    }
    let _ = writeln!(out, "    rules: &[");
    for rule in &table.rules {
        let _ = writeln!(
            out,
            "        r({}, {}, {}, {}, {}),",
            lit(&rule.seq),
            lit(&rule.out.lower),
            lit(&rule.out.title),
            lit(&rule.out.upper),
            when_lit(&rule.when)
        );
    }
    let _ = writeln!(out, "    ],");
    match &table.apostrophe {
        Some(a) => {
            let _ = writeln!(out, "    apostrophe: Some({}),", lit(a));
        }
        None => {
            let _ = writeln!(out, "    apostrophe: None,");
        }
    }
    let _ = writeln!(out, "}};\n");
    Ok(())
}

pub(crate) fn generate(root: &Path) -> Result<Vec<Output>> {
    let version = format!("Unicode {UNICODE_VERSION}");
    let unicode_data = Input::read(
        root,
        &format!("data/unicode/{UNICODE_VERSION}/UnicodeData.txt"),
        &version,
        None,
    )?;
    let forward = Input::read(root, FORWARD, "polynorm curated", None)?;
    let reverse = Input::read(root, REVERSE, "polynorm curated", None)?;
    let fallback_in = Input::read(root, FALLBACK, "polynorm curated", None)?;
    let ucd = UnicodeData::parse(&unicode_data.text, &unicode_data.path)?;
    let letters = cyrillic_letters(&ucd);
    ensure!(letters.len() > 400, "too few Cyrillic letters found");
    let forward_rows = parse_rules(&forward)?;
    let reverse_rows = parse_rules(&reverse)?;
    let fallback = parse_fallback(&fallback_in)?;
    for name in forward_rows.keys() {
        ensure!(
            SCHEMES.contains(&name.as_str()),
            "{FORWARD}: unknown scheme {name}"
        );
    }
    for name in reverse_rows.keys() {
        ensure!(
            NAME_TABLES.contains(&name.as_str()) || EXACT_REVERSE.contains(&name.as_str()),
            "{REVERSE}: unknown table {name}"
        );
    }

    // The shared fallback: every letter by its name alone.
    let no_defaults = BTreeMap::new();
    let mut shared: BTreeMap<char, Entry> = BTreeMap::new();
    for (c, name) in &letters {
        let out = fallback_out("fallback", *c, name, &no_defaults, &ucd, &fallback)?;
        shared.insert(
            *c,
            Entry {
                kind: kind_of(*c),
                out: Some(out),
                rules: (0, 0),
            },
        );
    }

    let mut text = writer::rust_file(
        &[&unicode_data, &forward, &reverse, &fallback_in],
        "Cyrillic transliteration tables, one `Table` per scheme and direction\n\
         (see `crate::cyrillic::engine` for the layout).",
    );
    text.push_str(
        "use crate::cyrillic::engine::{e, r, set, Cond, Entry, Table};\n\
         #[allow(unused_imports)]\n\
         use crate::cyrillic::engine::Kind::{Caseless as C, Lower as L, None as N, Upper as U};\n\n",
    );
    let _ = writeln!(
        text,
        "/// Letters no scheme lists, spelled from their Unicode name ({} entries).",
        shared.len()
    );
    let _ = writeln!(text, "pub(crate) static FALLBACK: &[(char, Entry)] = &[");
    for (c, entry) in &shared {
        if u32::from(*c) < CYRILLIC_BASE + CYRILLIC_DIRECT {
            continue;
        }
        let _ = writeln!(
            text,
            "    ('\\u{{{:04x}}}', {}),",
            u32::from(*c),
            entry_lit(entry)
        );
    }
    text.push_str("];\n\n");

    for scheme in SCHEMES {
        let rows = forward_rows
            .get(scheme)
            .with_context(|| format!("{FORWARD}: no rows for {scheme}"))?;
        let table = forward_table(scheme, rows, &letters, &ucd, &fallback)?;
        write_table(
            &mut text,
            &const_name(scheme),
            &format!("`{scheme}`: Cyrillic → Latin."),
            &table,
            Some(&shared),
        )?;
    }
    for scheme in EXACT_REVERSE {
        let rows = forward_rows.get(scheme).map_or(&[][..], Vec::as_slice);
        let extra = reverse_rows.get(scheme).map_or(&[][..], Vec::as_slice);
        let table = exact_reverse(scheme, rows, extra)?;
        write_table(
            &mut text,
            &format!("{}_REVERSE", const_name(scheme)),
            &format!("`{scheme}`: Latin → Cyrillic (exact inverse)."),
            &table,
            None,
        )?;
    }
    for name in NAME_TABLES {
        let rows = reverse_rows
            .get(name)
            .with_context(|| format!("{REVERSE}: no rows for {name}"))?;
        let table = latin_table(name, rows)?;
        write_table(
            &mut text,
            &const_name(name),
            &format!("`{name}`: best-effort Latin → Cyrillic readings of names."),
            &table,
            None,
        )?;
    }
    let serbian = forward_rows
        .get("sr-latin")
        .with_context(|| format!("{FORWARD}: no rows for sr-latin"))?;
    Ok(vec![
        Output {
            path: OUTPUT.into(),
            contents: text,
        },
        serbian_table(&forward, serbian)?,
    ])
}

/// The `sr-latin` letter table for `polynorm-repair`: each lower-case
/// Serbian Cyrillic letter with its Latin letter or digraph, sorted by the
/// Cyrillic letter. Serbian Latin ↔ Cyrillic is one letter for one letter,
/// so every row must be a single letter always spelt the same.
fn serbian_table(input: &Input, rows: &[Row]) -> Result<Output> {
    let mut pairs: Vec<(char, &str)> = Vec::with_capacity(rows.len());
    for row in rows {
        let mut chars = row.from.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            bail!("{FORWARD}: sr-latin: {:?} is not one letter", row.from);
        };
        ensure!(
            row.when.is_empty() && row.upper.is_none() && !row.to.is_empty(),
            "{FORWARD}: sr-latin: {c} has a condition, an ALL-CAPS form or no output"
        );
        pairs.push((c, &row.to));
    }
    pairs.sort_unstable();
    ensure!(
        pairs.len() == 30,
        "{FORWARD}: sr-latin has {} letters, not 30",
        pairs.len()
    );
    let mut out = writer::rust_file(
        &[input],
        "The Serbian Cyrillic alphabet and its Latin one (`sr-latin` of the\n\
         transliteration rules): each lower-case Cyrillic letter with its Latin\n\
         letter or digraph, sorted by the Cyrillic letter for binary search.",
    );
    let _ = writeln!(out, "pub(crate) static SERBIAN_LATIN: &[(char, &str)] = &[");
    for (c, to) in &pairs {
        let _ = writeln!(out, "    ('{c}', \"{to}\"),");
    }
    out.push_str("];\n");
    Ok(Output {
        path: SERBIAN_OUTPUT.into(),
        contents: out,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_takes_first_upper_char() {
        let out = Out::new("shch", None);
        assert_eq!((out.title.as_str(), out.upper.as_str()), ("Shch", "SHCH"));
        let tie = Out::new("t\u{361}s", None);
        assert_eq!(tie.title, "T\u{361}s");
        let kk = Out::new("i", Some("İ"));
        assert_eq!(kk.title, "İ");
        let caron = Out::new("ǰ", None);
        assert_eq!(caron.title, "J\u{30c}");
    }

    #[test]
    fn base_name_strips_prefix_and_modifiers() {
        assert_eq!(base_name("CYRILLIC SMALL LETTER GHE WITH STROKE"), "GHE");
        assert_eq!(base_name("MODIFIER LETTER CYRILLIC SMALL A"), "A");
        assert_eq!(base_name("CYRILLIC LETTER PALOCHKA"), "PALOCHKA");
    }

    #[test]
    fn conditions_parse() {
        let when = parse_when("^|<аб >в", "t").unwrap();
        assert_eq!(
            when,
            vec![
                vec![Cond::Initial],
                vec![Cond::Prev("аб".into()), Cond::Next("в".into())]
            ]
        );
        assert!(parse_when("?", "t").is_err());
    }
}
