//! The table-driven engine every Cyrillic scheme runs on, in both directions.
//!
//! A [`Table`] gives each source letter an [`Entry`]: its default output in
//! three cases and the [`Rule`]s that start with it. At each source letter
//! the engine tries the letter's rules in order (longer sequences first,
//! conditioned rules before unconditioned ones, as the generator sorted
//! them); the first whose letters match and whose conditions hold gives the
//! output and how many letters it consumes, else the entry's default does.
//! Everything that is not a source letter is copied unchanged, in slices.
//!
//! Conditions look at the source text around the unit: the previous letter
//! of the word (`None` at the start of a word), the next letter after the
//! unit (`None` at the end), skipping combining marks. An apostrophe
//! (`'`, `’`, `ʼ`) between two letters is part of the word and reads as `'`.
//! Output case follows [`crate::case`].

use std::borrow::Cow;

use crate::case::{self, Case};

/// What a source character is, for case and apostrophe handling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Not handled by default (only its rules, if any, apply).
    None,
    /// A lowercase letter.
    Lower,
    /// An uppercase (or titlecase) letter.
    Upper,
    /// A letter without case (`ʺ`, `ʹ`, modifier letters).
    Caseless,
}

/// The default output of one source character and where its rules are.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    /// The case class of the source character.
    pub(crate) kind: Kind,
    /// Output in lower, Title and ALL-CAPS case.
    pub(crate) out: [&'static str; 3],
    /// `rules[start..end]` of the table are this character's rules.
    pub(crate) rules: (u16, u16),
}

impl Entry {
    /// A character the table does not handle.
    pub(crate) const NONE: Entry = Entry {
        kind: Kind::None,
        out: ["", "", ""],
        rules: (0, 0),
    };
}

/// Shorthand for the generated tables.
pub(crate) const fn e(
    kind: Kind,
    lower: &'static str,
    title: &'static str,
    upper: &'static str,
    start: u16,
    end: u16,
) -> Entry {
    Entry {
        kind,
        out: [lower, title, upper],
        rules: (start, end),
    }
}

/// One condition on the context of a rule.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Cond {
    /// At the start of a word.
    Initial,
    /// At the end of a word (after the rule's letters).
    Final,
    /// The previous letter (lowercased) is one of these.
    Prev(Set),
    /// The next letter after the rule's letters (lowercased) is one of these.
    Next(Set),
    /// Only in [`Mode::Name`](crate::Mode::Name).
    Name,
}

/// A set of letters: a bitmap of 128 code points from `base`, plus a list
/// of the few members outside it (the apostrophe `'` of Belarusian rules).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Set {
    /// First code point of `bits`.
    pub(crate) base: u32,
    /// Bit `i` set: `base + i` is a member.
    pub(crate) bits: u128,
    /// Members outside `base..base + 128`.
    pub(crate) rest: &'static str,
}

impl Set {
    /// Whether `c` is a member.
    #[inline]
    pub(crate) fn contains(&self, c: char) -> bool {
        let off = u32::from(c).wrapping_sub(self.base);
        if off < 128 {
            (self.bits >> off) & 1 == 1
        } else {
            self.rest.contains(c)
        }
    }
}

/// Shorthand for the generated tables.
pub(crate) const fn set(base: u32, bits: u128, rest: &'static str) -> Set {
    Set { base, bits, rest }
}

/// A context rule: a letter sequence, its output, and when it applies.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rule {
    /// The lowercase source letters the rule consumes (the first is the
    /// letter whose entry lists the rule).
    pub(crate) seq: &'static str,
    /// Output in lower, Title and ALL-CAPS case.
    pub(crate) out: [&'static str; 3],
    /// Alternatives, each a list of conditions that must all hold; empty
    /// means always.
    pub(crate) when: &'static [&'static [Cond]],
}

/// Shorthand for the generated tables.
pub(crate) const fn r(
    seq: &'static str,
    lower: &'static str,
    title: &'static str,
    upper: &'static str,
    when: &'static [&'static [Cond]],
) -> Rule {
    Rule {
        seq,
        out: [lower, title, upper],
        when,
    }
}

/// One scheme's table (one direction).
#[derive(Debug)]
pub(crate) struct Table {
    /// First code point of `direct`.
    pub(crate) base: u32,
    /// Entries of `base..base + direct.len()`, by offset.
    pub(crate) direct: &'static [Entry],
    /// Entries outside the direct range that differ from `fallback`, sorted.
    pub(crate) sparse: &'static [(char, Entry)],
    /// Entries used when neither `direct` nor `sparse` has the character, sorted.
    pub(crate) fallback: &'static [(char, Entry)],
    /// The rules, referenced by [`Entry::rules`].
    pub(crate) rules: &'static [Rule],
    /// Output for a word-internal apostrophe, when the scheme rewrites it.
    pub(crate) apostrophe: Option<&'static str>,
}

impl Table {
    /// The entry of `c`, if the table handles it.
    #[inline]
    pub(crate) fn get(&self, c: char) -> Option<&Entry> {
        let cp = u32::from(c);
        let entry = match usize::try_from(cp.wrapping_sub(self.base)) {
            Ok(off) if off < self.direct.len() => self.direct.get(off),
            _ => {
                if cp < self.base {
                    return None;
                }
                find(self.sparse, c).or_else(|| find(self.fallback, c))
            }
        }?;
        if entry.kind == Kind::None && entry.rules.0 == entry.rules.1 {
            None
        } else {
            Some(entry)
        }
    }

    fn rules_of(&self, entry: &Entry) -> &'static [Rule] {
        self.rules
            .get(usize::from(entry.rules.0)..usize::from(entry.rules.1))
            .unwrap_or(&[])
    }
}

fn find(list: &'static [(char, Entry)], c: char) -> Option<&'static Entry> {
    list.binary_search_by_key(&c, |(k, _)| *k)
        .ok()
        .and_then(|i| list.get(i))
        .map(|(_, e)| e)
}

/// Whether `c` is an apostrophe that may stand inside a word.
#[inline]
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// Whether `c` is a combining mark that the context rules look through.
#[inline]
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{2DE0}'..='\u{2DFF}'
        | '\u{A66F}'..='\u{A67D}'
        | '\u{A69E}'..='\u{A69F}'
        | '\u{FE20}'..='\u{FE2F}')
}

#[inline]
fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if ('\u{0400}'..='\u{045F}').contains(&c) {
        true
    } else {
        c.is_alphabetic() && !is_mark(c)
    }
}

/// Lowercase of one character, as one character (first of a longer mapping).
#[inline]
pub(crate) fn lower(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else if ('\u{0410}'..='\u{042F}').contains(&c) {
        char::from_u32(u32::from(c) + 0x20).unwrap_or(c)
    } else if ('\u{0430}'..='\u{045F}').contains(&c) {
        c
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// The letter of the word just before byte `pos` (`'` for a word-internal
/// apostrophe), or `None` at the start of a word.
fn prev_letter(text: &str, pos: usize) -> Option<char> {
    let before = text.get(..pos)?;
    let mut chars = before.chars().rev().skip_while(|&c| is_mark(c));
    let c = chars.next()?;
    if is_letter(c) {
        return Some(c);
    }
    if is_apostrophe(c) {
        let letter_before = chars.find(|&c| !is_mark(c)).is_some_and(is_letter);
        let letter_after = text
            .get(pos..)
            .and_then(|s| s.chars().next())
            .is_some_and(is_letter);
        if letter_before && letter_after {
            return Some('\'');
        }
    }
    None
}

/// The letter of the word starting at byte `pos` (`'` for a word-internal
/// apostrophe), or `None` when the word ends there.
fn next_letter(text: &str, pos: usize) -> Option<char> {
    let after = text.get(pos..)?;
    let mut chars = after.chars().skip_while(|&c| is_mark(c));
    let c = chars.next()?;
    if is_letter(c) {
        return Some(c);
    }
    if is_apostrophe(c) && chars.find(|&c| !is_mark(c)).is_some_and(is_letter) {
        // Only inside a word: the letter before `pos` must exist too.
        if prev_letter(text, pos).is_some() {
            return Some('\'');
        }
    }
    None
}

fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase()
}

/// For a caseless letter `c` at `pos`: the next cased letter of the word and
/// the two cased letters before it (nearest first), skipping marks, middle
/// dots and other caseless letters.
fn cased_neighbours(text: &str, pos: usize, c: char) -> (Option<char>, [Option<char>; 2]) {
    let after = text.get(pos + c.len_utf8()..).unwrap_or_default();
    // The middle dot of `š·č` stands inside words too.
    let inside = |c: char| !is_mark(c) && c != '\u{B7}';
    let next = after
        .chars()
        .filter(|&c| inside(c))
        .take_while(|&c| is_letter(c))
        .find(|&c| is_cased(c));
    let before = text.get(..pos).unwrap_or_default();
    let mut cased = before
        .chars()
        .rev()
        .filter(|&c| inside(c))
        .take_while(|&c| is_letter(c))
        .filter(|&c| is_cased(c));
    (next, [cased.next(), cased.next()])
}

/// If `seq` (lowercase) matches the text at `pos`, where `first` stands
/// (the rule was found by `first`, so its first letter matches), the byte
/// position after it.
fn match_seq(text: &str, pos: usize, first: char, seq: &str) -> Option<usize> {
    let start = pos + first.len_utf8();
    let mut rest = text.get(start..)?.char_indices();
    let mut end = start;
    for want in seq.chars().skip(1) {
        let (i, original) = rest.next()?;
        let got = if want == '\'' && is_apostrophe(original) {
            '\''
        } else {
            lower(original)
        };
        if got != want {
            return None;
        }
        end = start + i + original.len_utf8();
    }
    Some(end)
}

/// The context of one unit: where it starts and the previous letter,
/// looked up once.
struct Unit<'t> {
    text: &'t str,
    start: usize,
    prev: std::cell::OnceCell<Option<char>>,
    name_mode: bool,
}

impl Unit<'_> {
    fn prev(&self) -> Option<char> {
        *self.prev.get_or_init(|| prev_letter(self.text, self.start))
    }

    fn holds(&self, cond: &Cond, end: usize) -> bool {
        match *cond {
            Cond::Initial => self.prev().is_none(),
            Cond::Final => next_letter(self.text, end).is_none(),
            Cond::Prev(set) => self.prev().is_some_and(|c| set.contains(lower(c))),
            Cond::Next(set) => next_letter(self.text, end).is_some_and(|c| set.contains(lower(c))),
            Cond::Name => self.name_mode,
        }
    }

    fn applies(&self, rule: &Rule, end: usize) -> bool {
        rule.when.is_empty()
            || rule
                .when
                .iter()
                .any(|all| all.iter().all(|c| self.holds(c, end)))
    }
}

/// Picks the output of a unit `text[pos..end]` whose first source character
/// is `c`.
fn cased(
    out: &[&'static str; 3],
    kind: Kind,
    text: &str,
    (pos, end): (usize, usize),
    c: char,
) -> &'static str {
    let case = match kind {
        Kind::Lower | Kind::None => Case::Lower,
        Kind::Upper => {
            if out[1] == out[2] {
                Case::Title
            } else {
                // The letter after the first one: inside the unit if it has
                // one (`J·U` of `ЙУ`), else after it.
                let inner = text
                    .get(pos + c.len_utf8()..end)
                    .and_then(|s| s.chars().find(|&c| is_letter(c)));
                case::of_upper(
                    inner.or_else(|| next_letter(text, end)),
                    prev_letter(text, pos),
                )
            }
        }
        Kind::Caseless => {
            let (next, prev) = cased_neighbours(text, pos, c);
            case::of_caseless(next, prev)
        }
    };
    match case {
        Case::Lower => out[0],
        Case::Title => out[1],
        Case::Upper => out[2],
    }
}

/// Runs `table` over `text`. Borrows when no character is handled.
pub(crate) fn apply<'a>(table: &Table, text: &'a str, name_mode: bool) -> Cow<'a, str> {
    let mut out = String::new();
    let mut copied = 0; // bytes of `text` already in `out` (or replaced)
    let mut pos = 0; // where to look for the next handled character
    let mut changed = false;
    while let Some(rest) = text.get(pos..) {
        let Some((off, c, entry)) = rest.char_indices().find_map(|(i, c)| {
            if let Some(e) = table.get(c) {
                Some((i, c, Some(e)))
            } else if table.apostrophe.is_some() && is_apostrophe(c) {
                Some((i, c, None))
            } else {
                None
            }
        }) else {
            break;
        };
        let at = pos + off;
        let (end, piece) = match entry {
            None => {
                // An apostrophe: rewritten only between two letters the table handles.
                let between = prev_letter(text, at).is_some_and(|p| table.get(p).is_some())
                    && text
                        .get(at + c.len_utf8()..)
                        .and_then(|s| s.chars().next())
                        .is_some_and(|n| table.get(n).is_some());
                match table.apostrophe {
                    Some(rewrite) if between => (at + c.len_utf8(), rewrite),
                    _ => {
                        pos = at + c.len_utf8();
                        continue;
                    }
                }
            }
            Some(entry) => {
                let unit = Unit {
                    text,
                    start: at,
                    prev: std::cell::OnceCell::new(),
                    name_mode,
                };
                let rule = table.rules_of(entry).iter().find_map(|rule| {
                    let end = match_seq(text, at, c, rule.seq)?;
                    unit.applies(rule, end).then_some((end, rule))
                });
                match rule {
                    Some((end, rule)) => (end, cased(&rule.out, entry.kind, text, (at, end), c)),
                    None if entry.kind == Kind::None => {
                        pos = at + c.len_utf8();
                        continue;
                    }
                    None => {
                        let end = at + c.len_utf8();
                        (end, cased(&entry.out, entry.kind, text, (at, end), c))
                    }
                }
            }
        };
        if !changed {
            out.reserve(text.len() + text.len() / 4);
            changed = true;
        }
        out.push_str(text.get(copied..at).unwrap_or_default());
        out.push_str(piece);
        copied = end;
        pos = end;
    }
    if !changed {
        return Cow::Borrowed(text);
    }
    out.push_str(text.get(copied..).unwrap_or_default());
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    static RULES: &[Rule] = &[r("аб", "X", "X", "X", &[&[Cond::Initial]])];
    static DIRECT: &[Entry] = &[
        e(Kind::Lower, "a", "A", "A", 0, 1),
        e(Kind::Lower, "sh", "Sh", "SH", 0, 0),
    ];
    static TABLE: Table = Table {
        base: 0x0430,
        direct: DIRECT,
        sparse: &[],
        fallback: &[],
        rules: RULES,
        apostrophe: Some(""),
    };

    #[test]
    fn borrows_when_nothing_is_handled() {
        assert!(matches!(
            apply(&TABLE, "plain text", false),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn rule_wins_only_in_its_context() {
        assert_eq!(apply(&TABLE, "аб аа", false), "X aa");
        assert_eq!(apply(&TABLE, "ааб", false), "aash");
    }

    #[test]
    fn apostrophe_only_between_handled_letters() {
        assert_eq!(apply(&TABLE, "а'а don't 'а", false), "aa don't 'a");
    }

    #[test]
    fn context_skips_marks() {
        assert_eq!(prev_letter("a\u{301}b", 3), Some('a'));
        assert_eq!(next_letter("a\u{301}", 1), None);
    }
}
