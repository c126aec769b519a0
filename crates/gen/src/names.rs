//! The name lexicons of `polynorm-names`, from `data/curated/names/` (see that
//! directory's README for sources, versions and licences):
//!
//! - `given.rs`: given-name equivalence groups (`given-equivalents.tsv`, ours)
//!   and English nicknames (`en-nicknames.tsv`, from the `nicknames` package);
//! - `words.rs`: titles and roles per language, name particles, generational
//!   suffixes and capitalized words that are not names;
//! - `surnames.rs`: Chinese, Korean and Vietnamese family names with their
//!   Latin spellings, and the Mandarin syllables with their Wade-Giles forms.
//!
//! Every file has `#` header comments and then one fact per line, sorted as
//! its header says. The generator rejects unsorted or duplicate lines, text
//! that is not NFC, unknown kinds and genders, and malformed fields; output
//! is sorted for binary search and needs no work at start-up.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::{bail, ensure, Context as _, Result};
use unicode_normalization::is_nfc;

use crate::writer::{self, Input, Output};

const DIR: &str = "data/curated/names";
const OUT_DIR: &str = "crates/names/src/tables";
const OURS: &str = "polynorm curated";

/// The data lines of a file: `(line number, fields)`, comments and blank lines skipped.
fn rows(
    input: &Input,
    columns: std::ops::RangeInclusive<usize>,
) -> Result<Vec<(usize, Vec<&str>)>> {
    let mut out = Vec::new();
    for (i, line) in input.text.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let at = format!("{}:{}", input.path, i + 1);
        ensure!(is_nfc(line), "{at}: not NFC");
        ensure!(line.trim() == line, "{at}: leading or trailing whitespace");
        let fields: Vec<&str> = line.split('\t').collect();
        ensure!(
            columns.contains(&fields.len()),
            "{at}: expected {}..={} tab-separated fields, found {}",
            columns.start(),
            columns.end(),
            fields.len()
        );
        out.push((i + 1, fields));
    }
    ensure!(!out.is_empty(), "{}: no data lines", input.path);
    Ok(out)
}

/// Checks that `keys` (one per data line, with its line number) are strictly increasing.
fn check_sorted<K: Ord + std::fmt::Debug>(input: &Input, keys: &[(usize, K)]) -> Result<()> {
    for pair in keys.windows(2) {
        if let [(_, a), (line, b)] = pair {
            ensure!(
                a < b,
                "{}:{line}: {b:?} after {a:?} (lines must be sorted, each once)",
                input.path
            );
        }
    }
    Ok(())
}

fn is_name_word(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(char::is_alphabetic)
        && s.chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '-' || c == '.' || c == '’')
}

/// `(group, gender, kind, name)` from `given-equivalents.tsv`.
type GivenRow = (String, char, u8, String);

fn parse_given(input: &Input) -> Result<Vec<GivenRow>> {
    let mut keys = Vec::new();
    let mut out = Vec::new();
    for (line, f) in rows(input, 4..=4)? {
        let at = format!("{}:{line}", input.path);
        let [group, gender, kind, name] = [f[0], f[1], f[2], f[3]];
        ensure!(
            !group.is_empty() && group.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "{at}: group {group:?} is not lower-case ASCII"
        );
        let gender = match gender {
            "m" => 'm',
            "f" => 'f',
            "u" => 'u',
            other => bail!("{at}: gender {other:?} is not m, f or u"),
        };
        let kind = match kind {
            "form" => 0,
            "diminutive" => 1,
            other => bail!("{at}: kind {other:?} is not form or diminutive"),
        };
        ensure!(
            kind == 0 || gender == 'u',
            "{at}: a diminutive has gender u (it may serve either group)"
        );
        ensure!(is_name_word(name), "{at}: {name:?} is not a name");
        keys.push((line, (group.to_owned(), f[2].to_owned(), name.to_owned())));
        out.push((group.to_owned(), gender, kind, name.to_owned()));
    }
    check_sorted(input, &keys)?;
    // One gender per group, for its forms.
    let mut genders: BTreeMap<&str, char> = BTreeMap::new();
    for (group, gender, kind, _) in &out {
        if *kind == 0 {
            if let Some(g) = genders.insert(group, *gender) {
                ensure!(
                    g == *gender,
                    "{}: group {group} has two genders",
                    input.path
                );
            }
        }
    }
    for (group, _, _, _) in &out {
        ensure!(
            genders.contains_key(group.as_str()),
            "{}: group {group} has diminutives but no form",
            input.path
        );
    }
    Ok(out)
}

fn parse_nicknames(input: &Input) -> Result<Vec<(String, String)>> {
    let mut keys = Vec::new();
    for (line, f) in rows(input, 2..=2)? {
        let at = format!("{}:{line}", input.path);
        for w in [f[0], f[1]] {
            ensure!(
                !w.is_empty()
                    && w.chars().all(|c| c.is_ascii_lowercase()
                        || c == '\''
                        || c == '-'
                        || c == ' '
                        || c == '.'),
                "{at}: {w:?} is not a lower-case ASCII name"
            );
        }
        ensure!(f[0] != f[1], "{at}: a name is not its own nickname");
        keys.push((line, (f[0].to_owned(), f[1].to_owned())));
    }
    check_sorted(input, &keys)?;
    Ok(keys.into_iter().map(|(_, k)| k).collect())
}

fn given(root: &Path) -> Result<Output> {
    let curated = Input::read(root, &format!("{DIR}/given-equivalents.tsv"), OURS, None)?;
    let nick = Input::read(
        root,
        &format!("{DIR}/en-nicknames.tsv"),
        "nicknames 1.0.1 (carltonnorthern/nicknames), Apache-2.0",
        None,
    )?;
    let given = parse_given(&curated)?;
    let nicknames = parse_nicknames(&nick)?;

    // Groups: the curated ones by name, then one per English formal name ("en:" prefix).
    let mut groups: BTreeMap<String, char> = BTreeMap::new();
    for (group, gender, kind, _) in &given {
        if *kind == 0 {
            groups.insert(group.clone(), *gender);
        }
    }
    for (formal, _) in &nicknames {
        groups.entry(format!("en:{formal}")).or_insert('u');
    }
    let index: BTreeMap<&str, usize> = groups
        .keys()
        .enumerate()
        .map(|(i, g)| (g.as_str(), i))
        .collect();
    ensure!(groups.len() < usize::from(u16::MAX), "too many groups");

    // (lower-case name, group, kind), sorted and deduplicated.
    let mut members: Vec<(String, u16, u8)> = Vec::new();
    for (group, _, kind, name) in &given {
        let g = index.get(group.as_str()).copied().context("group")?;
        members.push((name.to_lowercase(), g as u16, *kind));
    }
    for (formal, nickname) in &nicknames {
        let key = format!("en:{formal}");
        let g = index.get(key.as_str()).copied().context("group")?;
        members.push((formal.clone(), g as u16, 0));
        members.push((nickname.clone(), g as u16, 1));
    }
    members.sort();
    members.dedup_by(|b, a| a.0 == b.0 && a.1 == b.1);

    let mut out = writer::rust_file(
        &[&curated, &nick],
        "Given-name equivalence groups: a name's forms in other languages and\n\
         transliterations, and its diminutives and nicknames.",
    );
    out.push_str("/// (group, gender `m`/`f`/`u`); a group's index is its id.\n");
    out.push_str("pub(crate) static GROUPS: &[(&str, u8)] = &[\n");
    for (g, gender) in &groups {
        let _ = writeln!(out, "    ({g:?}, b'{gender}'),");
    }
    out.push_str("];\n\n");
    out.push_str(
        "/// (lower-case name, group id, kind: 0 form, 1 diminutive or nickname), sorted.\n",
    );
    out.push_str("pub(crate) static MEMBERS: &[(&str, u16, u8)] = &[\n");
    for (name, g, kind) in &members {
        let _ = writeln!(out, "    ({name:?}, {g}, {kind}),");
    }
    out.push_str("];\n");
    Ok(Output {
        path: format!("{OUT_DIR}/given.rs").into(),
        contents: out,
    })
}

fn words(root: &Path) -> Result<Output> {
    let titles = Input::read(root, &format!("{DIR}/titles.tsv"), OURS, None)?;
    let particles = Input::read(root, &format!("{DIR}/particles.tsv"), OURS, None)?;
    let suffixes = Input::read(root, &format!("{DIR}/suffixes.tsv"), OURS, None)?;
    let non_names = Input::read(root, &format!("{DIR}/non-names.tsv"), OURS, None)?;

    // Titles: (lang, kind, title) sorted as written; emitted by lower-case title.
    let mut keys = Vec::new();
    let mut title_rows: Vec<(String, u8, String)> = Vec::new();
    for (line, f) in rows(&titles, 3..=3)? {
        let at = format!("{}:{line}", titles.path);
        let kind = match f[1] {
            "honorific" => 0,
            "head" => 1,
            "modifier" => 2,
            "post" => 3,
            other => bail!("{at}: kind {other:?} is not honorific, head, modifier or post"),
        };
        ensure!(
            f[0].len() == 2 && f[0].chars().all(|c| c.is_ascii_lowercase()),
            "{at}: language {:?} is not ISO 639-1",
            f[0]
        );
        ensure!(
            !f[2].is_empty() && !f[2].contains("  "),
            "{at}: bad title {:?}",
            f[2]
        );
        keys.push((line, (f[0].to_owned(), f[1].to_owned(), f[2].to_owned())));
        title_rows.push((f[2].to_lowercase(), kind, f[0].to_owned()));
    }
    check_sorted(&titles, &keys)?;
    title_rows.sort();
    title_rows.dedup();

    let mut keys = Vec::new();
    for (line, f) in rows(&particles, 2..=2)? {
        ensure!(
            f[0].chars().all(|c| c.is_lowercase() || c == '.'),
            "{}:{line}: particle {:?} is not lower case",
            particles.path,
            f[0]
        );
        keys.push((line, f[0].to_owned()));
    }
    check_sorted(&particles, &keys)?;
    let particle_list: Vec<String> = keys.into_iter().map(|(_, k)| k).collect();

    let mut keys = Vec::new();
    for (line, f) in rows(&suffixes, 2..=2)? {
        ensure!(
            is_name_word(f[0]),
            "{}:{line}: bad suffix {:?}",
            suffixes.path,
            f[0]
        );
        keys.push((line, (f[0].to_owned(), f[1].to_owned())));
    }
    check_sorted(&suffixes, &keys)?;
    let mut suffix_list: Vec<(String, String)> = keys
        .into_iter()
        .map(|(_, (s, g))| (s.to_lowercase(), g))
        .collect();
    suffix_list.sort();
    suffix_list.dedup();

    let mut keys = Vec::new();
    let mut nn: Vec<(String, u8)> = Vec::new();
    for (line, f) in rows(&non_names, 2..=2)? {
        let kind = match f[1] {
            "month" => 0,
            "weekday" => 1,
            "country" => 2,
            "city" => 3,
            "demonym" => 4,
            "organisation" => 5,
            "word" => 6,
            other => bail!("{}:{line}: unknown kind {other:?}", non_names.path),
        };
        keys.push((line, f[0].to_owned()));
        nn.push((f[0].to_lowercase(), kind));
    }
    check_sorted(&non_names, &keys)?;
    nn.sort();
    nn.dedup_by(|b, a| a.0 == b.0);

    let mut out = writer::rust_file(
        &[&titles, &particles, &suffixes, &non_names],
        "Titles and roles, name particles, generational suffixes, and capitalized\n\
         words that are not names. Every key is lower case and sorted.",
    );
    out.push_str(
        "/// (lower-case title, kind: 0 honorific, 1 head, 2 modifier, 3 post, language).\n",
    );
    out.push_str("pub(crate) static TITLES: &[(&str, u8, &str)] = &[\n");
    for (t, k, lang) in &title_rows {
        let _ = writeln!(out, "    ({t:?}, {k}, {lang:?}),");
    }
    out.push_str("];\n\n/// Name particles (lower case), sorted.\npub(crate) static PARTICLES: &[&str] = &[\n");
    for p in &particle_list {
        let _ = writeln!(out, "    {p:?},");
    }
    out.push_str("];\n\n/// (lower-case suffix, generation), sorted.\npub(crate) static SUFFIXES: &[(&str, &str)] = &[\n");
    for (s, g) in &suffix_list {
        let _ = writeln!(out, "    ({s:?}, {g:?}),");
    }
    out.push_str(
        "];\n\n/// (lower-case word or phrase, kind: 0 month, 1 weekday, 2 country, 3 city, 4 demonym,\n\
         /// 5 organisation, 6 function word), sorted.\npub(crate) static NON_NAMES: &[(&str, u8)] = &[\n",
    );
    for (w, k) in &nn {
        let _ = writeln!(out, "    ({w:?}, {k}),");
    }
    out.push_str("];\n");
    Ok(Output {
        path: format!("{OUT_DIR}/words.rs").into(),
        contents: out,
    })
}

fn is_hangul(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
}

fn is_han(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| {
            ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
        })
}

/// Lower-cases a Latin spelling for lookup: apostrophes and hyphens go, `ü` becomes `v`.
fn latin_key(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '\'' | '’' | '-' | ' '))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ü' { 'v' } else { c })
        .collect()
}

fn surnames(root: &Path) -> Result<Output> {
    let zh = Input::read(root, &format!("{DIR}/zh-surnames.tsv"), OURS, None)?;
    let ko = Input::read(root, &format!("{DIR}/ko-surnames.tsv"), OURS, None)?;
    let vi = Input::read(root, &format!("{DIR}/vi-surnames.tsv"), OURS, None)?;
    let syl = Input::read(
        root,
        &format!("{DIR}/zh-syllables.tsv"),
        "pypinyin 0.55.0 (MIT), via scripts/names_data.py",
        Some("pypinyin 0.55.0"),
    )?;

    let syllables: Vec<(usize, (String, String))> = rows(&syl, 2..=2)?
        .into_iter()
        .map(|(line, f)| (line, (f[0].to_owned(), f[1].to_owned())))
        .collect();
    check_sorted(&syl, &syllables)?;
    for (line, (py, wg)) in &syllables {
        ensure!(
            py.chars().all(|c| c.is_ascii_lowercase()),
            "{}:{line}: pinyin {py:?}",
            syl.path
        );
        ensure!(
            wg.chars().all(|c| c.is_ascii_lowercase() || c == '\''),
            "{}:{line}: Wade-Giles {wg:?}",
            syl.path
        );
    }
    ensure!(syllables.len() > 380, "{}: too few syllables", syl.path);
    let pinyin: Vec<&str> = syllables.iter().map(|(_, (p, _))| p.as_str()).collect();
    let mut wade: Vec<(String, String)> = syllables
        .iter()
        .map(|(_, (p, w))| (w.clone(), p.clone()))
        .collect();
    wade.sort();
    wade.dedup();

    let mut keys = Vec::new();
    let mut zh_han: Vec<(String, String)> = Vec::new();
    let mut latin: Vec<(String, String)> = Vec::new();
    for (line, f) in rows(&zh, 3..=4)? {
        let at = format!("{}:{line}", zh.path);
        ensure!(is_han(f[0]) && is_han(f[1]), "{at}: not Han");
        let py = f[2];
        ensure!(
            !py.is_empty() && py.chars().all(|c| c.is_ascii_lowercase()),
            "{at}: pinyin {py:?}"
        );
        keys.push((line, (f[0].to_owned(), py.to_owned())));
        zh_han.push((f[0].to_owned(), py.to_owned()));
        latin.push((py.to_owned(), py.to_owned()));
        if py.contains('v') {
            latin.push((py.replace('v', "u"), py.to_owned()));
        }
        if let Some(variants) = f.get(3) {
            for v in variants.split(',').filter(|v| !v.is_empty()) {
                ensure!(is_name_word(v), "{at}: variant {v:?}");
                latin.push((latin_key(v), py.to_owned()));
            }
        }
    }
    check_sorted(&zh, &keys)?;
    latin.sort();
    latin.dedup();

    let mut keys = Vec::new();
    let mut ko_rows: Vec<(String, String)> = Vec::new();
    let mut ko_latin: Vec<(String, String)> = Vec::new();
    for (line, f) in rows(&ko, 2..=3)? {
        let at = format!("{}:{line}", ko.path);
        ensure!(
            is_hangul(f[0]) && f[0].chars().count() <= 2,
            "{at}: not one or two Hangul syllables"
        );
        ensure!(is_name_word(f[1]), "{at}: romanization {:?}", f[1]);
        keys.push((line, f[0].to_owned()));
        ko_rows.push((f[0].to_owned(), f[1].to_owned()));
        ko_latin.push((latin_key(f[1]), f[0].to_owned()));
        if let Some(variants) = f.get(2) {
            for v in variants.split(',').filter(|v| !v.is_empty()) {
                ensure!(is_name_word(v), "{at}: variant {v:?}");
                ko_latin.push((latin_key(v), f[0].to_owned()));
            }
        }
    }
    check_sorted(&ko, &keys)?;
    ko_latin.sort();
    ko_latin.dedup();

    let mut keys = Vec::new();
    for (line, f) in rows(&vi, 1..=1)? {
        ensure!(is_name_word(f[0]), "{}:{line}: {:?}", vi.path, f[0]);
        keys.push((line, f[0].to_owned()));
    }
    check_sorted(&vi, &keys)?;
    let mut vi_rows: Vec<String> = keys.into_iter().map(|(_, k)| k.to_lowercase()).collect();
    vi_rows.sort();

    let mut out = writer::rust_file(
        &[&zh, &ko, &vi, &syl],
        "Chinese, Korean and Vietnamese family names with their Latin spellings, and the\n\
         Mandarin syllables with their Wade-Giles forms. Every table is sorted by its key.",
    );
    let pairs = |out: &mut String, doc: &str, name: &str, rows: &[(String, String)]| {
        let _ = writeln!(
            out,
            "/// {doc}\npub(crate) static {name}: &[(&str, &str)] = &["
        );
        for (a, b) in rows {
            let _ = writeln!(out, "    ({a:?}, {b:?}),");
        }
        out.push_str("];\n\n");
    };
    pairs(
        &mut out,
        "(Han surname, toneless pinyin), sorted by Han.",
        "ZH_SURNAMES",
        &zh_han,
    );
    pairs(
        &mut out,
        "(lower-case Latin spelling without apostrophes or hyphens, pinyin surname), sorted.",
        "ZH_SURNAME_LATIN",
        &latin,
    );
    pairs(
        &mut out,
        "(Hangul surname, Revised Romanization), sorted by Hangul.",
        "KO_SURNAMES",
        &ko_rows,
    );
    pairs(
        &mut out,
        "(lower-case Latin spelling without hyphens, Hangul surname), sorted.",
        "KO_SURNAME_LATIN",
        &ko_latin,
    );
    pairs(
        &mut out,
        "(Wade-Giles syllable with its aspiration apostrophe, pinyin syllable), sorted.",
        "WADE_GILES",
        &wade,
    );
    out.push_str("/// Toneless pinyin syllables (u-umlaut as `v`), sorted.\npub(crate) static PINYIN: &[&str] = &[\n");
    for p in &pinyin {
        let _ = writeln!(out, "    {p:?},");
    }
    out.push_str("];\n\n/// Vietnamese surnames (lower case, with diacritics, NFC), sorted.\npub(crate) static VI_SURNAMES: &[&str] = &[\n");
    for v in &vi_rows {
        let _ = writeln!(out, "    {v:?},");
    }
    out.push_str("];\n");
    Ok(Output {
        path: format!("{OUT_DIR}/surnames.rs").into(),
        contents: out,
    })
}

pub(crate) fn generate(root: &Path) -> Result<Vec<Output>> {
    Ok(vec![
        given(root).context("given names")?,
        words(root).context("titles and words")?,
        surnames(root).context("surnames")?,
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(text: &str) -> Input {
        Input {
            path: "x.tsv".to_owned(),
            version: OURS.to_owned(),
            sha256: String::new(),
            text: text.to_owned(),
        }
    }

    #[test]
    fn given_rows_are_checked() {
        assert!(parse_given(&input(
            "# c\nivan\tu\tdiminutive\tVanya\nivan\tm\tform\tIvan\n"
        ))
        .is_ok());
        // unsorted
        assert!(parse_given(&input("ivan\tm\tform\tJohn\nivan\tm\tform\tIvan\n")).is_err());
        // bad gender, bad kind, gendered diminutive, two genders
        assert!(parse_given(&input("ivan\tx\tform\tIvan\n")).is_err());
        assert!(parse_given(&input("ivan\tm\tnick\tIvan\n")).is_err());
        assert!(parse_given(&input("ivan\tm\tdiminutive\tVanya\nivan\tm\tform\tIvan\n")).is_err());
        assert!(parse_given(&input("ivan\tm\tform\tIvan\nivan\tf\tform\tJohn\n")).is_err());
        // not NFC: e + combining acute
        assert!(parse_given(&input("ivan\tm\tform\tRene\u{301}\n")).is_err());
    }

    #[test]
    fn nicknames_are_checked() {
        assert!(parse_nicknames(&input("william\tbill\n")).is_ok());
        assert!(parse_nicknames(&input("william\tbill\nwilliam\tbill\n")).is_err());
        assert!(parse_nicknames(&input("William\tbill\n")).is_err());
        assert!(parse_nicknames(&input("bill\tbill\n")).is_err());
    }

    #[test]
    fn latin_keys_drop_apostrophes() {
        assert_eq!(latin_key("Ch'en"), "chen");
        assert_eq!(latin_key("Au-Yeung"), "auyeung");
        assert_eq!(latin_key("Lü"), "lv");
    }

    #[test]
    fn real_data_generates() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let outputs = generate(&root).unwrap();
        assert_eq!(outputs.len(), 3);
        assert!(outputs[0].contents.contains("(\"sasha\", "));
        assert!(outputs[2].contents.contains("(\"hsi\", \"xi\")"));
    }
}
