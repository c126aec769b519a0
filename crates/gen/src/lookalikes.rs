//! Homoglyph tables for `polynorm-repair`'s mixed-script repair: for a Latin
//! letter its Cyrillic and Greek lookalike, and back.
//!
//! Inputs: UTS #39 `confusables.txt`, `Scripts.txt` and `UnicodeData.txt`
//! (Unicode 17.0.0), the curated `data/curated/confusables/extra.tsv`, and the
//! lexicons (letter counts, only to break ties). The derivation, also told in
//! `data/curated/confusables/README.md`:
//!
//! 1. **Strength 2, same prototype.** Two letters are lookalikes when
//!    confusables.txt maps both to the same single-code-point prototype, or one
//!    is the other's prototype. Only pairs of one Latin letter and one Cyrillic
//!    or Greek letter are kept, each a letter (`General_Category` `L*`) of its
//!    own script (Script property) in these blocks: Latin U+0041–005A and
//!    U+0061–007A; Cyrillic U+0400–045F and U+0490–04FF; Greek U+0370–03FF.
//! 2. **Strength 2, same diacritic.** A precomposed Latin letter in
//!    U+00C0–024F and a precomposed Cyrillic or Greek letter of those blocks
//!    are lookalikes when their canonical decompositions have the same marks
//!    on bases that form a step-1 pair (ë = e + ◌̈, ё = е + ◌̈). These are
//!    equal UTS #39 skeletons too; confusables.txt just does not list
//!    precomposed letters, as the skeleton starts with NFD.
//! 3. **Strength 1, curated.** The pairs of `extra.tsv`, one direction per
//!    line: letters that look alike only in some fonts or only in one case.
//!
//! Each direction keeps one lookalike per letter. Candidates are ranked by:
//! basic letter first (ASCII; Cyrillic U+0400–045F; Greek U+0386–03CE), then
//! strength, then the same case as the letter, then the most common (more
//! occurrences in all lexicon words, case-folded). A tie after all four is an
//! error, and so is a curated pair that never wins or that repeats a derived
//! one.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use anyhow::{bail, ensure, Context as _, Result};
use unicode_normalization::is_nfc;

use crate::lexicon;
use crate::ucd::{self, UnicodeData};
use crate::writer::{self, Input, Output};

/// Unicode version of the vendored inputs this family reads.
const UNICODE_VERSION: &str = "17.0.0";
const EXTRA: &str = "data/curated/confusables/extra.tsv";
const OUTPUT: &str = "crates/repair/src/tables/lookalikes.rs";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Script {
    Latin,
    Cyrillic,
    Greek,
}

impl Script {
    /// The Script property value of Scripts.txt.
    fn long_name(self) -> &'static str {
        match self {
            Script::Latin => "Latin",
            Script::Cyrillic => "Cyrillic",
            Script::Greek => "Greek",
        }
    }
}

/// The blocks this family covers: `(first, last, script, basic)`. Extended
/// Latin letters only pair through a shared diacritic (or `extra.tsv`).
const BLOCKS: [(u32, u32, Script, bool); 9] = [
    (0x0041, 0x005A, Script::Latin, true),
    (0x0061, 0x007A, Script::Latin, true),
    (0x00C0, 0x024F, Script::Latin, false),
    (0x0370, 0x0385, Script::Greek, false),
    (0x0386, 0x03CE, Script::Greek, true),
    (0x03CF, 0x03FF, Script::Greek, false),
    (0x0400, 0x045F, Script::Cyrillic, true),
    (0x0490, 0x04FF, Script::Cyrillic, false),
    // Cyrillic Supplement: Komi and Abkhaz letters such as ԁ ԛ ԝ, which
    // spoofers use for d q w.
    (0x0500, 0x052F, Script::Cyrillic, false),
];

/// A letter this family covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Class {
    script: Script,
    basic: bool,
}

/// One candidate lookalike of a letter.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Candidate {
    to: u32,
    strength: u8,
    /// Only for strength 1: from `extra.tsv`.
    curated: bool,
}

/// One row of an output table.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    from: char,
    to: char,
    strength: u8,
    /// Why this `to` and not the runner-up, for the generated comment.
    why: String,
}

/// The four output tables.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Tables {
    latin_to_cyrillic: Vec<Entry>,
    cyrillic_to_latin: Vec<Entry>,
    latin_to_greek: Vec<Entry>,
    greek_to_latin: Vec<Entry>,
}

/// The parsed inputs.
struct Data {
    ucd: UnicodeData,
    /// Script property of the code points up to U+04FF.
    scripts: BTreeMap<u32, String>,
    /// confusables.txt: source → prototype.
    confusables: BTreeMap<u32, Vec<u32>>,
    /// Occurrences of each (lowercase) letter in all lexicon words.
    letter_counts: BTreeMap<char, u64>,
}

impl Data {
    fn class(&self, cp: u32) -> Option<Class> {
        let &(_, _, script, basic) = BLOCKS.iter().find(|b| (b.0..=b.1).contains(&cp))?;
        let own_script = self.scripts.get(&cp).map(String::as_str) == Some(script.long_name());
        (own_script && self.ucd.is_letter(cp)).then_some(Class { script, basic })
    }

    /// How common a letter is: occurrences of its lowercase form in the lexicons.
    fn count(&self, cp: u32) -> u64 {
        let lower = self.ucd.get(cp).and_then(|d| d.lowercase).unwrap_or(cp);
        char::from_u32(lower)
            .and_then(|c| self.letter_counts.get(&c))
            .copied()
            .unwrap_or(0)
    }

    fn name(&self, cp: u32) -> &str {
        self.ucd.get(cp).map_or("?", |d| d.name.as_str())
    }

    /// Every covered letter, ascending.
    fn letters(&self) -> impl Iterator<Item = (u32, Class)> + '_ {
        BLOCKS
            .iter()
            .flat_map(|b| b.0..=b.1)
            .filter_map(|cp| self.class(cp).map(|class| (cp, class)))
    }
}

/// One Latin and one Cyrillic or Greek letter.
fn crosses(a: Class, b: Class) -> bool {
    (a.script == Script::Latin) != (b.script == Script::Latin)
}

fn parse_scripts(input: &Input) -> Result<BTreeMap<u32, String>> {
    let mut scripts = BTreeMap::new();
    for line in ucd::lines(&input.text) {
        let ctx = || format!("{}:{}", input.path, line.number);
        let [range, name] = line.fields.as_slice() else {
            bail!("{}: expected `range ; Script`", ctx());
        };
        let (lo, hi) = ucd::parse_range(range).with_context(ctx)?;
        for cp in lo..=hi.min(0x052F) {
            ensure!(
                scripts.insert(cp, (*name).to_owned()).is_none(),
                "{}: U+{cp:04X} listed twice",
                ctx()
            );
        }
    }
    ensure!(
        scripts.get(&0x0430).map(String::as_str) == Some("Cyrillic"),
        "{}: U+0430 is not Cyrillic; wrong file?",
        input.path
    );
    Ok(scripts)
}

fn parse_confusables(input: &Input) -> Result<BTreeMap<u32, Vec<u32>>> {
    let mut map = BTreeMap::new();
    for line in ucd::lines(&input.text) {
        let ctx = || format!("{}:{}", input.path, line.number);
        let [source, target, kind] = line.fields.as_slice() else {
            bail!("{}: expected `source ; target ; MA`", ctx());
        };
        ensure!(*kind == "MA", "{}: unknown mapping type {kind:?}", ctx());
        ensure!(!source.contains(".."), "{}: a range as source", ctx());
        let (source, _) = ucd::parse_range(source).with_context(ctx)?;
        let mut prototype = Vec::new();
        for hex in target.split(' ') {
            ensure!(!hex.contains(".."), "{}: a range in the target", ctx());
            prototype.push(ucd::parse_range(hex).with_context(ctx)?.0);
        }
        ensure!(
            map.insert(source, prototype).is_none(),
            "{}: U+{source:04X} mapped twice",
            ctx()
        );
    }
    ensure!(
        map.len() > 5000,
        "{}: suspiciously few mappings",
        input.path
    );
    Ok(map)
}

/// Rules 1 and 2 of the module docs: ordered pairs, both directions.
fn derived_pairs(data: &Data) -> BTreeSet<(u32, u32)> {
    let mut groups: BTreeMap<u32, Vec<(u32, Class)>> = BTreeMap::new();
    for (cp, class) in data.letters() {
        if class.script == Script::Latin && !class.basic {
            continue;
        }
        let prototype = match data.confusables.get(&cp).map(Vec::as_slice) {
            None => cp,
            Some(&[single]) => single,
            Some(_) => continue,
        };
        groups.entry(prototype).or_default().push((cp, class));
    }
    let mut pairs = BTreeSet::new();
    for members in groups.values() {
        for &(a, class_a) in members {
            for &(b, class_b) in members {
                if crosses(class_a, class_b) {
                    pairs.insert((a, b));
                }
            }
        }
    }

    let decomposed: Vec<(u32, Class, Vec<u32>)> = data
        .letters()
        .map(|(cp, class)| (cp, class, data.ucd.nfd(cp)))
        .filter(|(_, _, nfd)| nfd.len() > 1)
        .collect();
    let mut with_marks = BTreeSet::new();
    for (x, class_x, nfd_x) in &decomposed {
        for (y, class_y, nfd_y) in &decomposed {
            let (Some((base_x, marks_x)), Some((base_y, marks_y))) =
                (nfd_x.split_first(), nfd_y.split_first())
            else {
                continue;
            };
            if crosses(*class_x, *class_y)
                && marks_x == marks_y
                && pairs.contains(&(*base_x, *base_y))
            {
                with_marks.insert((*x, *y));
            }
        }
    }
    pairs.extend(with_marks);
    pairs
}

/// `extra.tsv`: `(from, to)` pairs, checked.
fn parse_extra(input: &Input, data: &Data) -> Result<Vec<(u32, u32)>> {
    let mut pairs = Vec::new();
    let mut last: Option<(&str, &str)> = None;
    for (i, line) in input.text.lines().enumerate() {
        let ctx = || format!("{}:{}", input.path, i + 1);
        if line.starts_with('#') {
            ensure!(last.is_none(), "{}: comment after the data lines", ctx());
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [from, to, note] = fields.as_slice() else {
            bail!("{}: expected from<TAB>to<TAB>note", ctx());
        };
        ensure!(
            !note.trim().is_empty(),
            "{}: every pair needs a note",
            ctx()
        );
        if let Some(prev) = last {
            ensure!(
                prev < (*from, *to),
                "{}: {from}\t{to} is not after {}\t{} (sorted, no duplicates)",
                ctx(),
                prev.0,
                prev.1
            );
        }
        last = Some((*from, *to));
        let mut cps = [0u32; 2];
        for (slot, text) in cps.iter_mut().zip([from, to]) {
            let mut chars = text.chars();
            let (Some(c), None) = (chars.next(), chars.next()) else {
                bail!("{}: {text:?} is not one character", ctx());
            };
            ensure!(is_nfc(text), "{}: {text:?} is not NFC", ctx());
            *slot = u32::from(c);
        }
        let [from_cp, to_cp] = cps;
        let (Some(class_from), Some(class_to)) = (data.class(from_cp), data.class(to_cp)) else {
            bail!(
                "{}: both must be letters of the covered Latin, Cyrillic and Greek blocks",
                ctx()
            );
        };
        ensure!(
            crosses(class_from, class_to),
            "{}: one must be Latin and the other Cyrillic or Greek",
            ctx()
        );
        pairs.push((from_cp, to_cp));
    }
    Ok(pairs)
}

/// Picks one lookalike per letter and target script.
fn select(data: &Data, derived: &BTreeSet<(u32, u32)>, extra: &[(u32, u32)]) -> Result<Tables> {
    let mut candidates: BTreeMap<(u32, Script), Vec<Candidate>> = BTreeMap::new();
    let target = |to: u32| data.class(to).map_or(Script::Latin, |c| c.script);
    for &(from, to) in derived {
        candidates
            .entry((from, target(to)))
            .or_default()
            .push(Candidate {
                to,
                strength: 2,
                curated: false,
            });
    }
    for &(from, to) in extra {
        ensure!(
            !derived.contains(&(from, to)),
            "{EXTRA}: U+{from:04X} → U+{to:04X} is already a strength-2 pair; remove it"
        );
        candidates
            .entry((from, target(to)))
            .or_default()
            .push(Candidate {
                to,
                strength: 1,
                curated: true,
            });
    }

    let mut tables = Tables {
        latin_to_cyrillic: Vec::new(),
        cyrillic_to_latin: Vec::new(),
        latin_to_greek: Vec::new(),
        greek_to_latin: Vec::new(),
    };
    for ((from, to_script), mut list) in candidates {
        // Cyrillic Supplement letters are spoofing sources (ԁ for d), never a
        // repair's target: no language the lexicons cover writes them.
        list.retain(|c| !(0x0500..=0x052F).contains(&c.to));
        let from_upper = data.ucd.is_upper(from);
        let key = |c: &Candidate| {
            let basic = data.class(c.to).is_some_and(|class| class.basic);
            (
                !basic,
                Reverse(c.strength),
                data.ucd.is_upper(c.to) != from_upper,
                Reverse(data.count(c.to)),
            )
        };
        list.sort_by_key(|c| (key(c), c.to));
        let Some(best) = list.first() else {
            continue;
        };
        let why = match list.get(1) {
            None => String::new(),
            Some(next) => {
                let (a, b) = (key(best), key(next));
                let reason = if a.0 != b.0 {
                    "basic letter".to_owned()
                } else if a.1 != b.1 {
                    "strength".to_owned()
                } else if a.2 != b.2 {
                    "same case".to_owned()
                } else if a.3 != b.3 {
                    format!("more common: {} vs {} in the lexicons", a.3 .0, b.3 .0)
                } else {
                    bail!(
                        "U+{from:04X} {} has two equally good lookalikes: U+{:04X} {} and U+{:04X} {}; \
                         decide in {EXTRA} or in the ranking of crates/gen/src/lookalikes.rs",
                        data.name(from),
                        best.to,
                        data.name(best.to),
                        next.to,
                        data.name(next.to)
                    );
                };
                format!("; over U+{:04X} ({reason})", next.to)
            }
        };
        if let Some(loser) = list.iter().skip(1).find(|c| c.curated) {
            bail!(
                "{EXTRA}: U+{from:04X} → U+{:04X} never wins (U+{:04X} is better); remove it",
                loser.to,
                best.to
            );
        }
        let as_char = |cp: u32| char::from_u32(cp).with_context(|| format!("U+{cp:04X}"));
        let entry = Entry {
            from: as_char(from)?,
            to: as_char(best.to)?,
            strength: best.strength,
            why,
        };
        let from_script = data.class(from).map_or(Script::Latin, |c| c.script);
        let table = match (from_script, to_script) {
            (Script::Latin, Script::Cyrillic) => &mut tables.latin_to_cyrillic,
            (Script::Cyrillic, Script::Latin) => &mut tables.cyrillic_to_latin,
            (Script::Latin, Script::Greek) => &mut tables.latin_to_greek,
            (Script::Greek, Script::Latin) => &mut tables.greek_to_latin,
            other => bail!("unexpected script pair {other:?}"),
        };
        table.push(entry);
    }
    for table in [
        &tables.latin_to_cyrillic,
        &tables.cyrillic_to_latin,
        &tables.latin_to_greek,
        &tables.greek_to_latin,
    ] {
        ensure!(
            table.windows(2).all(|w| w[0].from < w[1].from),
            "a lookalike table is not strictly sorted"
        );
        ensure!(
            table.len() >= 10,
            "a lookalike table has only {} rows",
            table.len()
        );
    }
    Ok(tables)
}

fn build(root: &Path) -> Result<(Tables, Vec<Input>)> {
    let dir = format!("data/unicode/{UNICODE_VERSION}");
    let version = format!("Unicode {UNICODE_VERSION}");
    let confusables_txt = Input::read(
        root,
        &format!("{dir}/confusables.txt"),
        &version,
        Some(UNICODE_VERSION),
    )?;
    let scripts_txt = Input::read(
        root,
        &format!("{dir}/Scripts.txt"),
        &version,
        Some(UNICODE_VERSION),
    )?;
    let unicode_data = Input::read(root, &format!("{dir}/UnicodeData.txt"), &version, None)?;
    let extra = Input::read(root, EXTRA, "polynorm curated", None)?;
    let lexicons = lexicon::read_all(root)?;

    let mut letter_counts: BTreeMap<char, u64> = BTreeMap::new();
    for lexicon in &lexicons {
        for (word, _) in &lexicon.entries {
            for c in word.chars() {
                *letter_counts.entry(c).or_default() += 1;
            }
        }
    }
    let data = Data {
        ucd: UnicodeData::parse(&unicode_data.text, &unicode_data.path)?,
        scripts: parse_scripts(&scripts_txt)?,
        confusables: parse_confusables(&confusables_txt)?,
        letter_counts,
    };
    let derived = derived_pairs(&data);
    let extra_pairs = parse_extra(&extra, &data)?;
    let tables = select(&data, &derived, &extra_pairs)?;
    let mut inputs = vec![confusables_txt, scripts_txt, unicode_data, extra];
    inputs.extend(lexicons.into_iter().map(|l| l.input));
    Ok((tables, inputs))
}

fn write_table(out: &mut String, name: &str, what: &str, entries: &[Entry]) {
    let _ = writeln!(
        out,
        "/// (from, to, strength): strength 2 = same UTS #39 prototype, 1 = curated near pair.\n\
         ///\n\
         /// {what}: one row per letter, sorted by `from` for binary search.\n\
         pub(crate) static {name}: &[(char, char, u8)] = &["
    );
    for e in entries {
        let _ = writeln!(
            out,
            "    ('{}', '{}', {}), // U+{:04X} → U+{:04X}{}",
            e.from,
            e.to,
            e.strength,
            u32::from(e.from),
            u32::from(e.to),
            e.why
        );
    }
    out.push_str("];\n");
}

pub(crate) fn generate(root: &Path) -> Result<Vec<Output>> {
    let (tables, inputs) = build(root)?;
    let input_refs: Vec<&Input> = inputs.iter().collect();
    let mut out = writer::rust_file(
        &input_refs,
        "Latin ↔ Cyrillic and Latin ↔ Greek lookalike letters for homoglyph repair.\n\
         \n\
         Strength 2: the two letters have the same UTS #39 prototype in confusables.txt\n\
         (or one is the other's prototype), or the same marks on such a pair (ë/ё).\n\
         Strength 1: curated pairs of data/curated/confusables/extra.tsv that look alike\n\
         only in some fonts or in one case; see the README there. One lookalike per\n\
         letter: basic letters first, then strength, same case, and the letter more\n\
         common in the lexicons (which are read only for that). Letters: Latin\n\
         A–Z, a–z (À–ɏ only with a shared diacritic), Cyrillic U+0400–045F and\n\
         U+0490–04FF, Greek U+0370–03FF.",
    );
    write_table(
        &mut out,
        "LATIN_TO_CYRILLIC",
        "Latin letter → Cyrillic lookalike",
        &tables.latin_to_cyrillic,
    );
    out.push('\n');
    write_table(
        &mut out,
        "CYRILLIC_TO_LATIN",
        "Cyrillic letter → Latin lookalike",
        &tables.cyrillic_to_latin,
    );
    out.push('\n');
    write_table(
        &mut out,
        "LATIN_TO_GREEK",
        "Latin letter → Greek lookalike",
        &tables.latin_to_greek,
    );
    out.push('\n');
    write_table(
        &mut out,
        "GREEK_TO_LATIN",
        "Greek letter → Latin lookalike",
        &tables.greek_to_latin,
    );
    Ok(vec![Output {
        path: OUTPUT.into(),
        contents: out,
    }])
}

#[cfg(test)]
mod tests {
    use std::sync::OnceLock;

    use super::*;

    fn root() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
    }

    fn tables() -> &'static Tables {
        static TABLES: OnceLock<Tables> = OnceLock::new();
        TABLES.get_or_init(|| build(&root()).unwrap().0)
    }

    fn lookup(table: &[Entry], from: char) -> Option<(char, u8)> {
        let i = table.binary_search_by_key(&from, |e| e.from).ok()?;
        Some((table[i].to, table[i].strength))
    }

    fn assert_pairs(forward: &[Entry], back: &[Entry], pairs: &str) {
        for pair in pairs.split_whitespace() {
            let mut chars = pair.chars();
            let (from, to) = (chars.next().unwrap(), chars.nth(1).unwrap());
            assert_eq!(lookup(forward, from).map(|e| e.0), Some(to), "{from}→{to}");
            assert_eq!(lookup(back, to).map(|e| e.0), Some(from), "{to}→{from}");
        }
    }

    #[test]
    fn cyrillic_sanity() {
        let t = tables();
        assert_pairs(
            &t.cyrillic_to_latin,
            &t.latin_to_cyrillic,
            "а→a е→e о→o р→p с→c у→y х→x і→i ј→j ѕ→s А→A В→B Е→E К→K М→M Н→H О→O Р→P С→C Т→T Х→X",
        );
        assert_eq!(lookup(&t.cyrillic_to_latin, 'К'), Some(('K', 2)));
        assert_eq!(lookup(&t.cyrillic_to_latin, 'к'), Some(('k', 1)));
        assert_eq!(lookup(&t.latin_to_cyrillic, 'k'), Some(('к', 1)));
        assert_eq!(lookup(&t.cyrillic_to_latin, 'ё'), Some(('ë', 2)));
        assert_eq!(lookup(&t.cyrillic_to_latin, 'ї'), Some(('ï', 2)));
        assert_eq!(lookup(&t.latin_to_cyrillic, 'ë'), Some(('ё', 2)));
        // І looks like both I and l: the same case wins.
        assert_eq!(lookup(&t.cyrillic_to_latin, 'І'), Some(('I', 2)));
        // н is a small-capital H, not h.
        assert_eq!(lookup(&t.cyrillic_to_latin, 'н'), None);
        assert_eq!(lookup(&t.latin_to_cyrillic, 'Y'), Some(('У', 2)));
    }

    #[test]
    fn greek_sanity() {
        let t = tables();
        assert_pairs(
            &t.greek_to_latin,
            &t.latin_to_greek,
            "ο→o Α→A Β→B Ε→E Ζ→Z Η→H Ι→I Κ→K Μ→M Ν→N Ο→O Ρ→P Τ→T Υ→Y Χ→X",
        );
        // σ also has prototype o, but ο is more common.
        assert_eq!(lookup(&t.greek_to_latin, 'σ'), Some(('o', 2)));
        assert_eq!(lookup(&t.latin_to_greek, 'o'), Some(('ο', 2)));
        assert_eq!(lookup(&t.latin_to_greek, 'c'), Some(('ς', 1)));
        assert_eq!(lookup(&t.greek_to_latin, 'ά'), Some(('á', 2)));
    }

    #[test]
    fn tables_are_sorted_and_cross_scripts() {
        let t = tables();
        for table in [
            &t.latin_to_cyrillic,
            &t.cyrillic_to_latin,
            &t.latin_to_greek,
            &t.greek_to_latin,
        ] {
            assert!(table.windows(2).all(|w| w[0].from < w[1].from));
            assert!(table
                .iter()
                .all(|e| e.from != e.to && e.from.is_alphabetic()));
            assert!(table.iter().all(|e| e.strength == 1 || e.strength == 2));
        }
        assert!(t.latin_to_cyrillic.iter().all(|e| e.from < '\u{250}'));
        assert!(t
            .cyrillic_to_latin
            .iter()
            .all(|e| ('\u{400}'..='\u{52F}').contains(&e.from) && e.to < '\u{250}'));
        assert!(t.latin_to_cyrillic.iter().all(|e| e.to < '\u{500}'));
    }

    fn test_data() -> Data {
        let root = root();
        let read = |name: &str| {
            Input::read(
                &root,
                &format!("data/unicode/{UNICODE_VERSION}/{name}"),
                "t",
                None,
            )
            .unwrap()
        };
        let unicode_data = read("UnicodeData.txt");
        Data {
            ucd: UnicodeData::parse(&unicode_data.text, "t").unwrap(),
            scripts: parse_scripts(&read("Scripts.txt")).unwrap(),
            confusables: parse_confusables(&read("confusables.txt")).unwrap(),
            letter_counts: BTreeMap::new(),
        }
    }

    fn extra(text: &str) -> Input {
        Input {
            path: "extra.tsv".to_owned(),
            version: "t".to_owned(),
            sha256: String::new(),
            text: text.to_owned(),
        }
    }

    #[test]
    fn bad_extra_lines_are_rejected() {
        let data = test_data();
        let cases = [
            ("k\tк\n", "from<TAB>to<TAB>note"),
            ("k\tк\t \n", "note"),
            ("к\tk\tx\nk\tк\tx\n", "sorted"),
            ("k\tк\tx\nk\tк\tx\n", "sorted"),
            ("kk\tк\tx\n", "one character"),
            ("k\tk\tx\n", "Cyrillic or Greek"),
            ("к\tκ\tx\n", "Cyrillic or Greek"),
            ("1\tк\tx\n", "letters"),
            ("k\t\u{0530}\tx\n", "letters"),
        ];
        for (text, message) in cases {
            let err = format!("{:#}", parse_extra(&extra(text), &data).unwrap_err());
            assert!(err.contains(message), "{text:?}: {err}");
        }
        assert_eq!(
            parse_extra(&extra("# c\nk\tк\tx\n"), &data).unwrap(),
            vec![(0x6B, 0x43A)]
        );
    }

    #[test]
    fn curated_pairs_must_be_new_and_must_win() {
        let data = test_data();
        let derived = derived_pairs(&data);
        let err = select(&data, &derived, &[(0x430, 0x61)]).unwrap_err();
        assert!(err.to_string().contains("already"), "{err}");
        // b → ь loses to b → Ь (strength 2).
        let err = select(&data, &derived, &[(0x62, 0x44C)]).unwrap_err();
        assert!(err.to_string().contains("never wins"), "{err}");
    }

    #[test]
    fn true_ties_fail() {
        // Without letter counts, o → ο and o → σ tie.
        let data = test_data();
        let derived = derived_pairs(&data);
        let err = select(&data, &derived, &[]).unwrap_err();
        assert!(err.to_string().contains("equally good"), "{err}");
    }
}
