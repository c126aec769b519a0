//! Look-ups in the generated name tables (`src/tables/`).
//!
//! The tables are sorted and searched by binary search. The given-name table
//! is keyed by spelling; the index by phonetic key that matching needs is
//! built once, on first use, from the same table.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::fold;
use crate::tables::given::{GROUPS, MEMBERS};
use crate::tables::surnames::{
    KO_SURNAMES, KO_SURNAME_LATIN, VI_SURNAMES, ZH_SURNAMES, ZH_SURNAME_LATIN,
};
use crate::tables::words::{NON_NAMES, PARTICLES, SUFFIXES, TITLES};

/// The grammatical gender a given name or surname form marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Gender {
    /// Masculine.
    Male,
    /// Feminine.
    Female,
    /// Unknown or either.
    Unknown,
}

/// What a title word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TitleKinds {
    pub(crate) honorific: bool,
    pub(crate) head: bool,
    pub(crate) modifier: bool,
    pub(crate) post: bool,
}

impl TitleKinds {
    fn any(self) -> bool {
        self.honorific || self.head || self.modifier || self.post
    }
}

fn range<'a, T>(table: &'a [(&'static str, T)], key: &str) -> &'a [(&'static str, T)] {
    let start = table.partition_point(|(k, _)| *k < key);
    let end = start
        + table
            .get(start..)
            .map_or(0, |t| t.partition_point(|(k, _)| *k == key));
    table.get(start..end).unwrap_or(&[])
}

/// The kinds of a title (lower case, as one word or phrase), if it is one.
pub(crate) fn title(lower: &str) -> Option<TitleKinds> {
    let start = TITLES.partition_point(|(t, _, _)| *t < lower);
    let mut kinds = TitleKinds {
        honorific: false,
        head: false,
        modifier: false,
        post: false,
    };
    for (t, kind, _) in TITLES.get(start..).unwrap_or(&[]) {
        if *t != lower {
            break;
        }
        match kind {
            0 => kinds.honorific = true,
            1 => kinds.head = true,
            2 => kinds.modifier = true,
            _ => kinds.post = true,
        }
    }
    kinds.any().then_some(kinds)
}

/// Whether `lower` is a name particle (`van`, `al`, `bin`).
pub(crate) fn is_particle(lower: &str) -> bool {
    PARTICLES.binary_search(&lower).is_ok()
}

/// The generation a suffix names (`jr.` → `junior`).
pub(crate) fn suffix(lower: &str) -> Option<&'static str> {
    range(SUFFIXES, lower).first().map(|(_, g)| *g)
}

/// The kind of a capitalized non-name (lower case), if it is one:
/// 0 month, 1 weekday, 2 country, 3 city, 4 demonym, 5 organisation, 6 function word.
pub(crate) fn non_name(lower: &str) -> Option<u8> {
    range(NON_NAMES, lower).first().map(|(_, k)| *k)
}

/// The pinyin of a Han surname (`李` → `li`).
pub(crate) fn zh_surname_han(han: &str) -> Option<&'static str> {
    range(ZH_SURNAMES, han).first().map(|(_, p)| *p)
}

/// The pinyin surnames a Latin spelling stands for (`chiang` → `jiang`);
/// `key` is lower case without apostrophes or hyphens.
pub(crate) fn zh_surname_latin(key: &str) -> impl Iterator<Item = &'static str> {
    range(ZH_SURNAME_LATIN, key).iter().map(|(_, p)| *p)
}

/// Whether a Latin spelling is a Chinese surname.
pub(crate) fn is_zh_surname_latin(key: &str) -> bool {
    !range(ZH_SURNAME_LATIN, key).is_empty()
}

/// The Hangul surnames a Latin spelling stands for (`lee` → `이`).
pub(crate) fn ko_surname_latin(key: &str) -> impl Iterator<Item = &'static str> {
    range(KO_SURNAME_LATIN, key).iter().map(|(_, h)| *h)
}

/// Whether a Latin spelling is a Korean surname.
pub(crate) fn is_ko_surname_latin(key: &str) -> bool {
    !range(KO_SURNAME_LATIN, key).is_empty()
}

/// The Revised Romanization of a Hangul surname (`김` → `Gim`).
pub(crate) fn ko_surname_hangul(hangul: &str) -> Option<&'static str> {
    range(KO_SURNAMES, hangul).first().map(|(_, r)| *r)
}

/// Whether `ascii` (folded lower-case ASCII) is a Vietnamese surname.
pub(crate) fn is_vi_surname_ascii(ascii: &str) -> bool {
    static INDEX: OnceLock<Vec<String>> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut v: Vec<String> = VI_SURNAMES.iter().map(|s| fold::ascii(s)).collect();
        v.sort();
        v.dedup();
        v
    });
    index.binary_search_by(|s| s.as_str().cmp(ascii)).is_ok()
}

/// A given name's entry: the equivalence group and whether it is a
/// diminutive (or nickname) rather than a full form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct GivenEntry {
    pub(crate) group: u16,
    pub(crate) diminutive: bool,
}

/// The groups of a given name, by its European key.
pub(crate) fn given_entries(key: &str) -> &'static [GivenEntry] {
    static INDEX: OnceLock<HashMap<String, Vec<GivenEntry>>> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut map: HashMap<String, Vec<GivenEntry>> = HashMap::with_capacity(MEMBERS.len());
        for (name, group, kind) in MEMBERS {
            let entry = GivenEntry {
                group: *group,
                diminutive: *kind == 1,
            };
            let list = map.entry(fold::euro(name)).or_default();
            if !list.contains(&entry) {
                list.push(entry);
            }
        }
        map
    });
    index.get(key).map_or(&[], Vec::as_slice)
}

/// The groups of the known given names one typo away from `key` (one
/// letter dropped, added, changed or two swapped), by the symmetric-deletion
/// method: a key and every key with one letter deleted index the groups.
/// Keys shorter than five letters have no neighbours.
pub(crate) fn given_groups_near(key: &str) -> Vec<u16> {
    static INDEX: OnceLock<HashMap<String, Vec<u16>>> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut map: HashMap<String, Vec<u16>> = HashMap::new();
        for (name, group, kind) in MEMBERS {
            if *kind != 0 {
                continue;
            }
            let k = fold::euro(name);
            if k.len() < 5 || !k.is_ascii() {
                continue;
            }
            for variant in std::iter::once(k.clone()).chain(deletions(&k)) {
                let list = map.entry(variant).or_default();
                if !list.contains(group) {
                    list.push(*group);
                }
            }
        }
        map
    });
    let mut out: Vec<u16> = Vec::new();
    if key.len() < 5 || !key.is_ascii() {
        return out;
    }
    for variant in std::iter::once(key.to_owned()).chain(deletions(key)) {
        for g in index.get(&variant).map_or(&[][..], Vec::as_slice) {
            if !out.contains(g) {
                out.push(*g);
            }
        }
    }
    out
}

/// Every string with one byte of ASCII `s` deleted.
fn deletions(s: &str) -> impl Iterator<Item = String> + '_ {
    (0..s.len()).filter_map(move |i| Some(format!("{}{}", s.get(..i)?, s.get(i + 1..)?)))
}

/// Whether the European key is a known given name.
pub(crate) fn is_given_name(key: &str) -> bool {
    !given_entries(key).is_empty()
}

/// The gender a given name marks: the gender shared by every gendered group
/// it is a full form of; `Unknown` when it is only a diminutive, in no
/// gendered group, or the groups disagree.
pub(crate) fn given_gender(key: &str) -> Gender {
    let mut gender = None;
    for e in given_entries(key) {
        if e.diminutive {
            continue;
        }
        let g = match GROUPS.get(usize::from(e.group)).map(|(_, g)| *g) {
            Some(b'm') => Gender::Male,
            Some(b'f') => Gender::Female,
            _ => continue,
        };
        match gender {
            None => gender = Some(g),
            Some(prev) if prev != g => return Gender::Unknown,
            Some(_) => {}
        }
    }
    gender.unwrap_or(Gender::Unknown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_words() {
        assert!(title("president").is_some_and(|k| k.head));
        assert!(title("defense").is_some_and(|k| k.modifier));
        assert!(title("г-н").is_some_and(|k| k.honorific));
        assert!(title("国防部长").is_some());
        assert!(title("sergey").is_none());
        assert!(is_particle("van") && is_particle("al") && !is_particle("putin"));
        assert_eq!(suffix("jr."), Some("junior"));
        assert_eq!(non_name("moscow"), Some(3));
        assert_eq!(non_name("shoigu"), None);
    }

    #[test]
    fn surnames() {
        assert_eq!(zh_surname_han("李"), Some("li"));
        assert_eq!(zh_surname_han("欧阳"), Some("ouyang"));
        assert!(zh_surname_latin("chiang").any(|p| p == "jiang"));
        assert!(zh_surname_latin("wong").any(|p| p == "huang"));
        assert!(ko_surname_latin("lee").any(|h| h == "이"));
        assert_eq!(ko_surname_hangul("김"), Some("Gim"));
        assert!(is_vi_surname_ascii("nguyen"));
    }

    #[test]
    fn given_names() {
        let sasha = fold::euro("Sasha");
        let aleksandr = fold::euro("Aleksandr");
        let alexander = fold::euro("Alexander");
        let aleksandra = fold::euro("Aleksandra");
        let info = |k: &str| crate::parse::GivenInfo::of(k, &[]);
        assert_eq!(info(&aleksandr).equivalent(&info(&alexander)), Some(false));
        assert_eq!(info(&aleksandr).equivalent(&info(&sasha)), Some(true));
        assert_eq!(info(&aleksandr).equivalent(&info(&aleksandra)), None);
        assert_eq!(given_gender(&aleksandr), Gender::Male);
        assert_eq!(given_gender(&aleksandra), Gender::Female);
        assert_eq!(given_gender(&sasha), Gender::Unknown);
        let bill = fold::euro("Bill");
        let william = fold::euro("William");
        assert!(info(&bill).equivalent(&info(&william)).is_some());
        assert!(info(&fold::euro("Mohammed"))
            .equivalent(&info(&fold::euro("Muhammad")))
            .is_some());
        assert!(info(&fold::euro("Dima"))
            .equivalent(&info(&fold::euro("Dmitri")))
            .is_some());
        assert!(info(&fold::euro("Dmtiry")).near(&info(&fold::euro("Dmytro"))));
    }
}
