//! Script tables of `polynorm-script` (UAX #24 and UTS #39 §5):
//!
//! - `script_values.rs`: the `Script` enum (every `sc` value of
//!   PropertyValueAliases.txt plus the UTS #39 writing systems Hanb, Jpan and
//!   Kore), its names, and the sorted loose-name index behind `from_name`.
//! - `script_ranges.rs`: the Script property as sorted, disjoint ranges.
//! - `script_extensions.rs`: `Script_Extensions` as sorted ranges pointing into a
//!   deduplicated list of script sets.
//! - `identifier_status.rs`: UTS #39 `Identifier_Status=Allowed` ranges, and the
//!   Recommended scripts derived from them.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{bail, ensure, Context as _, Result};

use crate::ucd::{self, MAX_CODE_POINT};
use crate::writer::{cp, rust_file, Input, Output};

/// Unicode version of the vendored inputs this family reads.
const UNICODE_VERSION: &str = "17.0.0";

/// Where the tables go, relative to the workspace root.
const OUT_DIR: &str = "crates/script/src/tables";

/// Writing systems of UTS #39 §5.1 that are not Script property values but
/// appear in augmented script sets: (ISO 15924 code, long name, what it is).
const UTS39_WRITING_SYSTEMS: [(&str, &str, &str); 3] = [
    ("Hanb", "Han_With_Bopomofo", "Han with Bopomofo"),
    ("Jpan", "Japanese", "Japanese: Han + Hiragana + Katakana"),
    ("Kore", "Korean", "Korean: Hangul + Han"),
];

/// The Recommended scripts (UAX #31 Table 5) as the vendored data reflects
/// them, without Common and Inherited. The generator derives the set from
/// IdentifierStatus.txt (see [`recommended_scripts`]) and fails if it differs
/// from this list, so a data update that changes it gets a human look. Note:
/// in the 17.0.0 data the Bopomofo letters are `Identifier_Type=Limited_Use`,
/// hence Restricted, so Bopomofo is not here.
const EXPECTED_RECOMMENDED: [&str; 28] = [
    "Arab", "Armn", "Beng", "Cyrl", "Deva", "Ethi", "Geor", "Grek", "Gujr", "Guru", "Hang", "Hani",
    "Hebr", "Hira", "Kana", "Khmr", "Knda", "Laoo", "Latn", "Mlym", "Mymr", "Orya", "Sinh", "Taml",
    "Telu", "Thaa", "Thai", "Tibt",
];

/// One `Script` variant.
#[derive(Debug, Clone)]
struct ScriptValue {
    short: String,
    long: String,
    /// Extra aliases from PropertyValueAliases.txt (e.g. `Qaac`).
    aliases: Vec<String>,
    variant: String,
    /// One of [`UTS39_WRITING_SYSTEMS`]: never a character's Script value.
    writing_system: Option<&'static str>,
}

/// All script values, sorted by ISO 15924 code; position = discriminant.
struct Scripts {
    values: Vec<ScriptValue>,
    by_short: BTreeMap<String, usize>,
    by_long: BTreeMap<String, usize>,
}

impl Scripts {
    fn variant(&self, index: usize) -> &str {
        self.values
            .get(index)
            .map_or("Unknown", |v| v.variant.as_str())
    }

    fn index_of_short(&self, short: &str) -> Option<usize> {
        self.by_short.get(short).copied()
    }

    fn set_expr(&self, set: &BTreeSet<usize>) -> String {
        let names: Vec<String> = set
            .iter()
            .map(|&i| format!("Script::{}", self.variant(i)))
            .collect();
        format!("ScriptSet::from_scripts(&[{}])", names.join(", "))
    }
}

/// Generates the script tables from `root/data/unicode/<version>/`.
pub(crate) fn generate(root: &Path) -> Result<Vec<Output>> {
    let dir = format!("data/unicode/{UNICODE_VERSION}");
    let version = format!("Unicode {UNICODE_VERSION}");
    let read = |name: &str| {
        Input::read(
            root,
            &format!("{dir}/{name}"),
            &version,
            Some(UNICODE_VERSION),
        )
    };
    let aliases = read("PropertyValueAliases.txt")?;
    let scripts_txt = read("Scripts.txt")?;
    let extensions_txt = read("ScriptExtensions.txt")?;
    let status_txt = read("IdentifierStatus.txt")?;

    let scripts = parse_script_values(&aliases)?;
    let ranges = parse_scripts_txt(&scripts_txt, &scripts)?;
    let extensions = parse_script_extensions(&extensions_txt, &scripts)?;
    let allowed = parse_identifier_status(&status_txt)?;
    let recommended = recommended_scripts(&allowed, &ranges, &extensions, &scripts)?;

    let out = |name: &str, contents: String| Output {
        path: PathBuf::from(OUT_DIR).join(name),
        contents,
    };
    Ok(vec![
        out("script_values.rs", script_values_rs(&scripts, &aliases)),
        out(
            "script_ranges.rs",
            script_ranges_rs(&ranges, &scripts, &[&aliases, &scripts_txt]),
        ),
        out(
            "script_extensions.rs",
            script_extensions_rs(&extensions, &scripts, &[&aliases, &extensions_txt]),
        ),
        out(
            "identifier_status.rs",
            identifier_status_rs(
                &allowed,
                &recommended,
                &scripts,
                &[&aliases, &scripts_txt, &status_txt],
            ),
        ),
    ])
}

fn is_name(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// The loose form of a name used by `Script::from_name` (UAX #44 LM3 without
/// the "is" prefix rule): ASCII lowercase, `_`, `-` and spaces removed.
fn loose(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, '_' | '-' | ' '))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn parse_script_values(input: &Input) -> Result<Scripts> {
    let mut values = Vec::new();
    for line in ucd::lines(&input.text) {
        if line.fields.first() != Some(&"sc") {
            continue;
        }
        let ctx = || format!("{}:{}", input.path, line.number);
        let [_, short, long, rest @ ..] = line.fields.as_slice() else {
            bail!("{}: an `sc` line needs a short and a long name", ctx());
        };
        ensure!(
            short.len() == 4 && is_name(short),
            "{}: bad ISO 15924 code {short:?}",
            ctx()
        );
        ensure!(is_name(long), "{}: bad long name {long:?}", ctx());
        for alias in rest {
            ensure!(is_name(alias), "{}: bad alias {alias:?}", ctx());
        }
        values.push(ScriptValue {
            short: (*short).to_owned(),
            long: (*long).to_owned(),
            aliases: rest.iter().map(|s| (*s).to_owned()).collect(),
            variant: long.replace('_', ""),
            writing_system: None,
        });
    }
    ensure!(
        values.len() > 100,
        "{}: found only {} script values",
        input.path,
        values.len()
    );
    for name in [
        "Zyyy", "Zinh", "Zzzz", "Latn", "Cyrl", "Hani", "Hira", "Kana", "Hang", "Bopo",
    ] {
        ensure!(
            values.iter().any(|v| v.short == name),
            "{}: script {name} missing",
            input.path
        );
    }
    for (short, long, about) in UTS39_WRITING_SYSTEMS {
        ensure!(
            !values.iter().any(|v| v.short == short),
            "{}: {short} is now a Script value; revisit UTS39_WRITING_SYSTEMS",
            input.path
        );
        values.push(ScriptValue {
            short: short.to_owned(),
            long: long.to_owned(),
            aliases: Vec::new(),
            variant: long.replace('_', ""),
            writing_system: Some(about),
        });
    }
    values.sort_by(|a, b| a.short.cmp(&b.short));
    ensure!(
        values.len() <= 256,
        "more than 256 scripts: Script is #[repr(u8)]"
    );

    let mut by_short = BTreeMap::new();
    let mut by_long = BTreeMap::new();
    let mut variants = BTreeSet::new();
    let mut loose_names: BTreeMap<String, usize> = BTreeMap::new();
    for (i, v) in values.iter().enumerate() {
        ensure!(
            by_short.insert(v.short.clone(), i).is_none(),
            "duplicate script code {}",
            v.short
        );
        ensure!(
            by_long.insert(v.long.clone(), i).is_none(),
            "duplicate script name {}",
            v.long
        );
        ensure!(
            variants.insert(v.variant.clone()),
            "duplicate variant {}",
            v.variant
        );
        for name in std::iter::once(&v.short)
            .chain(std::iter::once(&v.long))
            .chain(&v.aliases)
        {
            if let Some(&other) = loose_names.get(&loose(name)) {
                ensure!(other == i, "name {name} is ambiguous between two scripts");
            }
            loose_names.insert(loose(name), i);
        }
    }
    Ok(Scripts {
        values,
        by_short,
        by_long,
    })
}

/// Scripts.txt: `range ; Long_Name`. Returns sorted, disjoint, merged ranges
/// of script indices (Unknown ranges dropped: absence means Unknown).
fn parse_scripts_txt(input: &Input, scripts: &Scripts) -> Result<Vec<(u32, u32, usize)>> {
    let unknown = scripts
        .by_long
        .get("Unknown")
        .copied()
        .context("no Unknown script")?;
    let mut ranges = Vec::new();
    for line in ucd::lines(&input.text) {
        let ctx = || format!("{}:{}", input.path, line.number);
        let [range, name] = line.fields.as_slice() else {
            bail!("{}: expected `range ; Script`", ctx());
        };
        let (lo, hi) = ucd::parse_range(range).with_context(ctx)?;
        let Some(&index) = scripts.by_long.get(*name) else {
            bail!("{}: unknown script name {name:?}", ctx());
        };
        ensure!(
            scripts
                .values
                .get(index)
                .and_then(|v| v.writing_system)
                .is_none(),
            "{}: {name} is not a Script property value",
            ctx()
        );
        if index != unknown {
            ranges.push((lo, hi, index));
        }
    }
    ucd::sort_and_check_disjoint(&mut ranges, &input.path)?;
    ensure!(
        ranges.len() > 1000,
        "{}: suspiciously few ranges",
        input.path
    );
    Ok(ucd::merge_adjacent(&ranges))
}

/// ScriptExtensions.txt: `range ; Code Code …`. Returns sorted, disjoint,
/// merged ranges of script sets.
fn parse_script_extensions(
    input: &Input,
    scripts: &Scripts,
) -> Result<Vec<(u32, u32, BTreeSet<usize>)>> {
    let mut ranges = Vec::new();
    for line in ucd::lines(&input.text) {
        let ctx = || format!("{}:{}", input.path, line.number);
        let [range, codes] = line.fields.as_slice() else {
            bail!("{}: expected `range ; Scripts`", ctx());
        };
        let (lo, hi) = ucd::parse_range(range).with_context(ctx)?;
        let mut set = BTreeSet::new();
        for code in codes.split_whitespace() {
            let Some(index) = scripts.index_of_short(code) else {
                bail!("{}: unknown script code {code:?}", ctx());
            };
            ensure!(set.insert(index), "{}: {code} listed twice", ctx());
        }
        ensure!(!set.is_empty(), "{}: empty `Script_Extensions`", ctx());
        ranges.push((lo, hi, set));
    }
    ucd::sort_and_check_disjoint(&mut ranges, &input.path)?;
    ensure!(!ranges.is_empty(), "{}: no data", input.path);
    Ok(ucd::merge_adjacent(&ranges))
}

/// IdentifierStatus.txt: `range ; Allowed`. Returns merged Allowed ranges.
fn parse_identifier_status(input: &Input) -> Result<Vec<(u32, u32, ())>> {
    let mut ranges = Vec::new();
    for line in ucd::lines(&input.text) {
        let ctx = || format!("{}:{}", input.path, line.number);
        let [range, status] = line.fields.as_slice() else {
            bail!("{}: expected `range ; Identifier_Status`", ctx());
        };
        let (lo, hi) = ucd::parse_range(range).with_context(ctx)?;
        match *status {
            "Allowed" => ranges.push((lo, hi, ())),
            // The default value; not stored.
            "Restricted" => {}
            other => bail!("{}: unknown `Identifier_Status` {other:?}", ctx()),
        }
    }
    ucd::sort_and_check_disjoint(&mut ranges, &input.path)?;
    ensure!(
        ranges.len() > 100,
        "{}: suspiciously few ranges",
        input.path
    );
    Ok(ucd::merge_adjacent(&ranges))
}

/// The scripts X (other than Common and Inherited) such that some Allowed
/// character has `Script_Extensions = {X}` exactly: the scripts one can write
/// identifiers in. (Characters with several extensions, such as the three
/// Grantha signs Allowed for Tamil, do not make their scripts Recommended.)
fn recommended_scripts(
    allowed: &[(u32, u32, ())],
    ranges: &[(u32, u32, usize)],
    extensions: &[(u32, u32, BTreeSet<usize>)],
    scripts: &Scripts,
) -> Result<BTreeSet<usize>> {
    // Per code point: Some(script) when its Script_Extensions is a single
    // script, None when it is several (or Unknown).
    let mut single: Vec<Option<usize>> = vec![None; MAX_CODE_POINT as usize + 1];
    for &(lo, hi, index) in ranges {
        for c in lo..=hi {
            if let Some(slot) = single.get_mut(c as usize) {
                *slot = Some(index);
            }
        }
    }
    for (lo, hi, set) in extensions {
        let only = if set.len() == 1 {
            set.first().copied()
        } else {
            None
        };
        for c in *lo..=*hi {
            if let Some(slot) = single.get_mut(c as usize) {
                *slot = only;
            }
        }
    }
    let mut assigned = vec![false; MAX_CODE_POINT as usize + 1];
    for &(lo, hi, _) in ranges {
        for c in lo..=hi {
            if let Some(slot) = assigned.get_mut(c as usize) {
                *slot = true;
            }
        }
    }
    let neutral: BTreeSet<usize> = ["Zyyy", "Zinh"]
        .iter()
        .filter_map(|s| scripts.index_of_short(s))
        .collect();
    let mut found = BTreeSet::new();
    for &(lo, hi, ()) in allowed {
        for c in lo..=hi {
            ensure!(
                assigned.get(c as usize).copied().unwrap_or(false),
                "IdentifierStatus: U+{c:04X} is Allowed but its Script is Unknown"
            );
            if let Some(index) = single.get(c as usize).copied().flatten() {
                if !neutral.contains(&index) {
                    found.insert(index);
                }
            }
        }
    }
    let mut expected = BTreeSet::new();
    for code in EXPECTED_RECOMMENDED {
        expected.insert(
            scripts
                .index_of_short(code)
                .with_context(|| format!("EXPECTED_RECOMMENDED names unknown script {code}"))?,
        );
    }
    if found != expected {
        let names = |set: &BTreeSet<usize>| -> Vec<String> {
            set.iter()
                .filter_map(|&i| scripts.values.get(i).map(|v| v.short.clone()))
                .collect()
        };
        bail!(
            "Recommended scripts derived from IdentifierStatus.txt changed:\n  \
             only in data: {:?}\n  only in EXPECTED_RECOMMENDED: {:?}\n\
             Check UAX #31 Table 5, then update EXPECTED_RECOMMENDED in crates/gen/src/unicode_scripts.rs.",
            names(&found.difference(&expected).copied().collect()),
            names(&expected.difference(&found).copied().collect()),
        );
    }
    Ok(found)
}

fn script_values_rs(scripts: &Scripts, aliases: &Input) -> String {
    let mut out = rust_file(
        &[aliases],
        "The `Script` enum and its names, from PropertyValueAliases.txt (`sc`),\n\
         plus the UTS #39 §5.1 writing systems Hanb, Jpan and Kore.",
    );
    let count = scripts.values.len();
    let words = count.div_ceil(64);

    out.push_str(
        "/// A script: a value of the Unicode Script property ([UAX #24]), or one of the\n\
         /// three writing systems that [UTS #39 §5.1] adds to augmented script sets\n\
         /// ([`Script::HanWithBopomofo`], [`Script::Japanese`], [`Script::Korean`]).\n\
         ///\n\
         /// Variants are named after the long property value alias without\n\
         /// underscores and ordered by their ISO 15924 code, which is also their\n\
         /// `Ord` order. `Common` (`Zyyy`), `Inherited` (`Zinh`) and `Unknown`\n\
         /// (`Zzzz`, unassigned code points) are included. New Unicode versions add\n\
         /// scripts, hence `#[non_exhaustive]`.\n\
         ///\n\
         /// [UAX #24]: https://www.unicode.org/reports/tr24/#Assignment_Script_Values\n\
         /// [UTS #39 §5.1]: https://www.unicode.org/reports/tr39/#Mixed_Script_Detection\n\
         #[non_exhaustive]\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]\n\
         #[repr(u8)]\n\
         pub enum Script {\n",
    );
    for v in &scripts.values {
        let about = match v.writing_system {
            Some(about) => format!(
                "{about}. Never a character's Script value: it only appears in UTS #39 augmented script sets."
            ),
            None => format!("`{}`.", v.long),
        };
        let _ = writeln!(out, "    /// `{}`: {about}", v.short);
        let _ = writeln!(out, "    {},", v.variant);
    }
    out.push_str("}\n\n");

    let _ = writeln!(
        out,
        "/// Number of 64-bit words in a `ScriptSet` ({count} scripts).\n\
         pub(crate) const SCRIPT_SET_WORDS: usize = {words};\n"
    );

    out.push_str("impl Script {\n");
    let _ = writeln!(
        out,
        "    /// Number of variants.\n    pub(crate) const COUNT: usize = {count};\n"
    );
    out.push_str("    /// Every variant in declaration order: `ALL[s as usize] == s`.\n");
    let _ = writeln!(out, "    pub(crate) const ALL: [Script; {count}] = [");
    for v in &scripts.values {
        let _ = writeln!(out, "        Script::{},", v.variant);
    }
    out.push_str("    ];\n\n");

    out.push_str(
        "    /// The four-letter ISO 15924 code, as PropertyValueAliases.txt spells it:\n\
         \x20   /// `Script::Latin.short_name() == \"Latn\"`.\n\
         \x20   pub const fn short_name(self) -> &'static str {\n\
         \x20       match self {\n",
    );
    for v in &scripts.values {
        let _ = writeln!(out, "            Script::{} => \"{}\",", v.variant, v.short);
    }
    out.push_str("        }\n    }\n\n");
    out.push_str(
        "    /// The long property value alias (underscores kept):\n\
         \x20   /// `Script::OldItalic.full_name() == \"Old_Italic\"`.\n\
         \x20   pub const fn full_name(self) -> &'static str {\n\
         \x20       match self {\n",
    );
    for v in &scripts.values {
        let _ = writeln!(out, "            Script::{} => \"{}\",", v.variant, v.long);
    }
    out.push_str("        }\n    }\n}\n\n");

    let mut names: BTreeMap<String, usize> = BTreeMap::new();
    for (i, v) in scripts.values.iter().enumerate() {
        for name in std::iter::once(&v.short)
            .chain(std::iter::once(&v.long))
            .chain(&v.aliases)
        {
            names.insert(loose(name), i);
        }
    }
    let _ = writeln!(
        out,
        "/// Every accepted name (ISO 15924 code, long name, other aliases such as\n\
         /// `Qaac`) in loose form (ASCII lowercase, without `_`, `-` and spaces),\n\
         /// sorted for binary search.\n\
         pub(crate) static NAMES: [(&str, Script); {}] = [",
        names.len()
    );
    for (name, i) in &names {
        let _ = writeln!(out, "    (\"{name}\", Script::{}),", scripts.variant(*i));
    }
    out.push_str("];\n");
    out
}

fn script_ranges_rs(ranges: &[(u32, u32, usize)], scripts: &Scripts, inputs: &[&Input]) -> String {
    let mut out = rust_file(
        inputs,
        "The Script property (Scripts.txt) as sorted, disjoint, inclusive ranges;\n\
         adjacent ranges of one script are merged. Code points in no range are\n\
         Unknown (`Zzzz`).",
    );
    out.push_str("use super::script_values::Script;\n\n");
    let _ = writeln!(
        out,
        "/// `(first, last, script)`, sorted by `first`, for binary search.\n\
         pub(crate) static SCRIPT_RANGES: [(u32, u32, Script); {}] = [",
        ranges.len()
    );
    for &(lo, hi, index) in ranges {
        let _ = writeln!(
            out,
            "    ({}, {}, Script::{}),",
            cp(lo),
            cp(hi),
            scripts.variant(index)
        );
    }
    out.push_str("];\n");
    out
}

fn script_extensions_rs(
    ranges: &[(u32, u32, BTreeSet<usize>)],
    scripts: &Scripts,
    inputs: &[&Input],
) -> String {
    let mut out = rust_file(
        inputs,
        "The `Script_Extensions` property (ScriptExtensions.txt): sorted, disjoint,\n\
         inclusive ranges, each pointing into a deduplicated list of script sets.\n\
         Code points in no range have `Script_Extensions = {Script}`.",
    );
    out.push_str("use super::script_values::Script;\nuse crate::ScriptSet;\n\n");

    // Deduplicate the sets; order them by their sorted members so that the
    // output does not depend on the order of the input file.
    let distinct: BTreeSet<&BTreeSet<usize>> = ranges.iter().map(|r| &r.2).collect();
    let index_of: BTreeMap<&BTreeSet<usize>, usize> =
        distinct.iter().enumerate().map(|(i, s)| (*s, i)).collect();

    let _ = writeln!(
        out,
        "/// The distinct `Script_Extensions` values, sorted by their members.\n\
         pub(crate) static SCRIPT_EXTENSION_SETS: [ScriptSet; {}] = [",
        distinct.len()
    );
    for (i, set) in distinct.iter().enumerate() {
        let _ = writeln!(out, "    /* {i:3} */ {},", scripts.set_expr(set));
    }
    out.push_str("];\n\n");

    let _ = writeln!(
        out,
        "/// `(first, last, index into SCRIPT_EXTENSION_SETS)`, sorted by `first`.\n\
         pub(crate) static SCRIPT_EXTENSION_RANGES: [(u32, u32, u16); {}] = [",
        ranges.len()
    );
    for (lo, hi, set) in ranges {
        let index = index_of.get(set).copied().unwrap_or(0);
        let _ = writeln!(out, "    ({}, {}, {index}),", cp(*lo), cp(*hi));
    }
    out.push_str("];\n");
    out
}

fn identifier_status_rs(
    allowed: &[(u32, u32, ())],
    recommended: &BTreeSet<usize>,
    scripts: &Scripts,
    inputs: &[&Input],
) -> String {
    let mut out = rust_file(
        inputs,
        "UTS #39 `Identifier_Status` (IdentifierStatus.txt): the Allowed ranges\n\
         (everything else is Restricted), and the Recommended scripts.",
    );
    out.push_str("use super::script_values::Script;\nuse crate::ScriptSet;\n\n");
    let _ = writeln!(
        out,
        "/// The Recommended scripts (UAX #31 Table 5) other than Common and Inherited:\n\
         /// those X for which some Allowed character has `Script_Extensions = {{X}}`.\n\
         pub(crate) const RECOMMENDED_SCRIPTS: ScriptSet = {};\n",
        scripts.set_expr(recommended)
    );
    let _ = writeln!(
        out,
        "/// `Identifier_Status=Allowed` as `(first, last)`, sorted, disjoint, merged.\n\
         pub(crate) static IDENTIFIER_ALLOWED: [(u32, u32); {}] = [",
        allowed.len()
    );
    for &(lo, hi, ()) in allowed {
        let _ = writeln!(out, "    ({}, {}),", cp(lo), cp(hi));
    }
    out.push_str("];\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(text: &str) -> Input {
        Input {
            path: "test.txt".to_owned(),
            version: "test".to_owned(),
            sha256: String::new(),
            text: text.to_owned(),
        }
    }

    fn real_scripts() -> Scripts {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let aliases = Input::read(
            &root,
            "data/unicode/17.0.0/PropertyValueAliases.txt",
            "Unicode 17.0.0",
            Some("17.0.0"),
        )
        .unwrap();
        parse_script_values(&aliases).unwrap()
    }

    #[test]
    fn script_values_include_specials_sorted_by_code() {
        let scripts = real_scripts();
        let shorts: Vec<&str> = scripts.values.iter().map(|v| v.short.as_str()).collect();
        let mut sorted = shorts.clone();
        sorted.sort_unstable();
        assert_eq!(shorts, sorted);
        for code in ["Zyyy", "Zinh", "Zzzz", "Hanb", "Jpan", "Kore", "Latn"] {
            assert!(shorts.contains(&code), "{code}");
        }
        let old_italic = scripts.by_long.get("Old_Italic").unwrap();
        assert_eq!(scripts.variant(*old_italic), "OldItalic");
    }

    #[test]
    fn unknown_script_name_is_rejected() {
        let scripts = real_scripts();
        let err = parse_scripts_txt(&input("0041..005A ; Latinn\n"), &scripts).unwrap_err();
        assert!(err.to_string().contains("unknown script name"), "{err}");
    }

    #[test]
    fn unknown_script_code_in_extensions_is_rejected() {
        let scripts = real_scripts();
        let err = parse_script_extensions(&input("0300 ; Latn Qqqq\n"), &scripts).unwrap_err();
        assert!(err.to_string().contains("unknown script code"), "{err}");
    }

    #[test]
    fn overlapping_extensions_are_rejected() {
        let scripts = real_scripts();
        let text = "0300..0302 ; Latn Grek\n0302 ; Latn Cyrl\n";
        let err = parse_script_extensions(&input(text), &scripts).unwrap_err();
        assert!(err.to_string().contains("overlapping"), "{err}");
    }

    #[test]
    fn unknown_identifier_status_is_rejected() {
        let err = parse_identifier_status(&input("0041 ; Alowed\n")).unwrap_err();
        assert!(
            err.to_string().contains("unknown `Identifier_Status`"),
            "{err}"
        );
    }

    #[test]
    fn loose_names() {
        assert_eq!(loose("Old_Italic"), "olditalic");
        assert_eq!(loose("Old Italic"), "olditalic");
        assert_eq!(loose("Latn"), "latn");
    }
}
