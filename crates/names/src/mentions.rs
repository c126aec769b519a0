//! Person mentions in running text, and linking them within the document.
//!
//! **Finding.** In scripts with letter case, a candidate is a run of
//! capitalized words (with particles such as `van` or `al-`, initials such
//! as `S.`, and lower-case titles such as `министр обороны`), split at
//! countries, cities, organisations and months, and stripped of
//! sentence-opening function words and possessive `'s`. A candidate is a
//! person when a title or role precedes it (`President`, `Defense Minister`,
//! `г-н`), when it has two or more name words and one is a known given name
//! or it reads as a Chinese, Korean or Vietnamese name by the surname lists,
//! or when the gazetteer knows it. In Han text, a person is a gazetteer name
//! or a known surname with one or two more characters right after a title
//! (`国防部长李尚福`) or before a post-title (`习近平主席`).
//!
//! **Linking.** Full names are grouped into people in document order with
//! the [`Matcher`]. Then every shorter mention (`Shoigu`, `Li`, `President
//! Putin`, `S. K. Shoigu`, a Russian case form such as `Путина`) is linked to
//! the one person it fits; a mention that fits two people stays unlinked,
//! and a bare word that fits nobody is not a mention. Each person's name is
//! its most frequent full mention, or its gazetteer entry's.

use polynorm_repair::DocumentContext;

use crate::gazetteer::Gazetteer;
use crate::lexicon;
use crate::matcher::{Decision, Matcher};
use crate::parse::{Culture, ParsedName};

/// Why a span was taken as a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Evidence {
    /// A title or role precedes it.
    Title,
    /// It has a known given name.
    GivenName,
    /// It reads as a Chinese, Korean or Vietnamese name (surname lists).
    Surname,
    /// The gazetteer knows it.
    Gazetteer,
    /// It is a shorter form of a person already found in the document.
    Antecedent,
}

/// A person mention.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Mention {
    /// Byte offset of the name (titles excluded) in the document.
    pub start: usize,
    /// Byte offset of the end of the name.
    pub end: usize,
    /// The name as written.
    pub text: String,
    /// Titles and roles before it, as written (`Defense Minister`).
    pub titles: Vec<String>,
    /// The parsed (and repaired) name.
    pub name: ParsedName,
    /// The person it refers to (index into [`DocumentPeople::people`]);
    /// `None` when it fits several.
    pub person: Option<usize>,
    /// Why it is a mention.
    pub evidence: Evidence,
}

/// A person of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Person {
    /// The person's name: the gazetteer's, else the most frequent full mention.
    pub name: String,
    /// The gazetteer identifier, if resolved.
    pub id: Option<String>,
    /// Indices of its mentions.
    pub mentions: Vec<usize>,
}

/// The mentions and people of one document.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DocumentPeople {
    /// Mentions in document order.
    pub mentions: Vec<Mention>,
    /// People in order of first mention.
    pub people: Vec<Person>,
}

/// Finds and links person mentions. See "Principle of operation" in the [crate documentation](crate).
///
/// ```
/// use polynorm_names::MentionFinder;
///
/// let text = "Defense Minister Sergeн Shoigu met Li Shangfu. Later Shoigu said Li agreed.";
/// let doc = MentionFinder::default().find(text);
/// let names: Vec<&str> = doc.people.iter().map(|p| p.name.as_str()).collect();
/// assert_eq!(names, ["Sergey Shoigu", "Li Shangfu"]);
/// assert_eq!(doc.people[0].mentions.len(), 2);
/// assert_eq!(doc.mentions[0].titles, ["Defense Minister"]);
/// assert_eq!(&text[doc.mentions[0].start..doc.mentions[0].end], "Sergeн Shoigu");
/// ```
#[derive(Debug, Clone, Default)]
pub struct MentionFinder {
    matcher: Matcher,
    gazetteer: Option<Gazetteer>,
}

/// Finds and links the person mentions of `document` with the default finder.
pub fn mentions(document: &str) -> DocumentPeople {
    MentionFinder::default().find(document)
}

/// A word of the document.
#[derive(Debug, Clone)]
struct Word {
    start: usize,
    end: usize,
    /// Punctuation (other than initials' periods and hyphens) or a line break right after it.
    break_after: bool,
}

/// A candidate span before parsing.
#[derive(Debug, Clone)]
struct Candidate {
    start: usize,
    end: usize,
    titles: Vec<String>,
    words: usize,
}

impl MentionFinder {
    /// A finder with a matcher and an optional gazetteer.
    pub fn new(matcher: Matcher, gazetteer: Option<Gazetteer>) -> MentionFinder {
        MentionFinder { matcher, gazetteer }
    }

    /// Finds and links the mentions of `document`.
    pub fn find(&self, document: &str) -> DocumentPeople {
        let context = DocumentContext::from_text(document);
        let mut found: Vec<Mention> = Vec::new();
        let mut weak: Vec<Mention> = Vec::new();
        for c in self.candidates(document) {
            let Some(text) = document.get(c.start..c.end) else {
                continue;
            };
            let name = self.matcher.parser().parse_in(text, Some(&context));
            if name.is_empty() {
                continue;
            }
            let mut titles = c.titles.clone();
            titles.extend(name.titles.iter().cloned());
            let evidence = self.evidence(&name, &titles, c.words);
            let m = Mention {
                start: c.start,
                end: c.end,
                text: text.to_owned(),
                titles,
                name,
                person: None,
                evidence: evidence.unwrap_or(Evidence::Antecedent),
            };
            if evidence.is_some() {
                found.push(m);
            } else {
                weak.push(m);
            }
        }
        found.extend(self.han_mentions(document, &context));
        found.sort_by_key(|m| m.start);
        weak.sort_by_key(|m| m.start);
        self.link(found, weak)
    }

    /// Why a parsed candidate is a person, if it is one on its own.
    fn evidence(&self, name: &ParsedName, titles: &[String], words: usize) -> Option<Evidence> {
        if let Some(g) = &self.gazetteer {
            let hit = g.entries().iter().any(|e| {
                e.names().any(|n| {
                    let p = self.matcher.parser().parse(n);
                    self.matcher.decide(name, &p).0 == Decision::Match
                })
            });
            if hit {
                return Some(Evidence::Gazetteer);
            }
        }
        if !titles.is_empty() {
            return Some(Evidence::Title);
        }
        if words < 2 || name.is_single() {
            return None;
        }
        if matches!(
            name.culture,
            Culture::Chinese | Culture::Korean | Culture::Vietnamese
        ) {
            return Some(Evidence::Surname);
        }
        let known = name
            .given
            .iter()
            .filter(|g| !g.initial)
            .any(|g| g.keys().any(lexicon::is_given_name));
        let initials =
            name.given.iter().any(|g| g.initial) && name.surname_heads().next().is_some();
        (known || initials).then_some(Evidence::GivenName)
    }

    /// Capitalized candidate spans in scripts with letter case.
    #[allow(
        clippy::unused_self,
        reason = "kept beside the other finders of the type"
    )]
    fn candidates(&self, text: &str) -> Vec<Candidate> {
        let words = words(text);
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            // Collect a run of name-like words.
            let mut run: Vec<usize> = Vec::new();
            let mut j = i;
            while let Some(w) = words.get(j) {
                let s = text.get(w.start..w.end).unwrap_or("");
                let lower = s.to_lowercase();
                let capital = s.chars().next().is_some_and(char::is_uppercase);
                let title = lexicon::title(&lower).is_some()
                    || lexicon::title(lower.trim_end_matches('.')).is_some();
                let particle = !run.is_empty() && lexicon::is_particle(&lower);
                if !(capital || (title && has_case(s)) || particle) {
                    break;
                }
                run.push(j);
                j += 1;
                if w.break_after {
                    break;
                }
            }
            if run.is_empty() {
                i += 1;
                continue;
            }
            i = j.max(i + 1);
            for span in split_run(text, &words, &run) {
                if let Some(c) = candidate(text, &words, &span) {
                    out.push(c);
                }
            }
        }
        out
    }

    /// Han-script mentions: gazetteer names, and a known surname with one
    /// or two more characters after a title or before a post-title.
    fn han_mentions(&self, text: &str, context: &DocumentContext) -> Vec<Mention> {
        let mut out: Vec<Mention> = Vec::new();
        if !text
            .chars()
            .any(|c| matches!(polynorm_script::script(c), polynorm_script::Script::Han))
        {
            return out;
        }
        let parser = self.matcher.parser();
        let push = |start: usize,
                    end: usize,
                    title: Option<&str>,
                    evidence: Evidence,
                    out: &mut Vec<Mention>| {
            if out.iter().any(|m| m.start < end && start < m.end) {
                return;
            }
            let Some(s) = text.get(start..end) else {
                return;
            };
            let name = parser.parse_in(s, Some(context));
            if name.is_empty() || name.given.is_empty() {
                return;
            }
            out.push(Mention {
                start,
                end,
                text: s.to_owned(),
                titles: title.map(|t| vec![t.to_owned()]).unwrap_or_default(),
                name,
                person: None,
                evidence,
            });
        };
        if let Some(g) = &self.gazetteer {
            for e in g.entries() {
                for n in e.names().filter(|n| n.chars().any(is_han)) {
                    for (at, _) in text.match_indices(n) {
                        push(at, at + n.len(), None, Evidence::Gazetteer, &mut out);
                    }
                }
            }
        }
        for (t, kind, lang) in crate::tables::words::TITLES {
            if *lang != "zh" || !t.chars().all(is_han) {
                continue;
            }
            for (at, _) in text.match_indices(t) {
                if *kind == 1 {
                    // Title, then surname and one or two given characters.
                    let after = at + t.len();
                    if let Some(end) = han_name_after(text, after) {
                        push(after, end, Some(t), Evidence::Title, &mut out);
                    }
                }
                if *kind == 3 {
                    if let Some(start) = han_name_before(text, at) {
                        push(start, at, Some(t), Evidence::Title, &mut out);
                    }
                }
            }
        }
        // Every other occurrence of a full name already found.
        let found: Vec<String> = out.iter().map(|m| m.text.clone()).collect();
        for n in found {
            for (at, _) in text.match_indices(n.as_str()) {
                push(at, at + n.len(), None, Evidence::Antecedent, &mut out);
            }
        }
        out
    }

    /// Groups mentions into people (see the module docs).
    fn link(&self, mut found: Vec<Mention>, weak: Vec<Mention>) -> DocumentPeople {
        // People from full names, in document order.
        let mut people: Vec<Vec<usize>> = Vec::new();
        for i in 0..found.len() {
            let Some(m) = found.get(i) else { continue };
            if !m.name.is_full() {
                continue;
            }
            let mut fits: Vec<usize> = Vec::new();
            for (p, members) in people.iter().enumerate() {
                let ok = members.iter().all(|&j| {
                    found.get(j).is_some_and(|o| {
                        self.matcher.decide(&m.name, &o.name).0 != Decision::NoMatch
                    })
                });
                if ok {
                    fits.push(p);
                }
            }
            match fits.as_slice() {
                [p] => {
                    if let Some(list) = people.get_mut(*p) {
                        list.push(i);
                    }
                }
                _ => people.push(vec![i]),
            }
            if let Some(m) = found.get_mut(i) {
                m.person = Some(
                    fits.first()
                        .copied()
                        .filter(|_| fits.len() == 1)
                        .unwrap_or(people.len() - 1),
                );
            }
        }
        // Shorter mentions: strong ones may start a person; weak ones only link.
        let mut all: Vec<(Mention, bool)> = found.into_iter().map(|m| (m, true)).collect();
        all.extend(weak.into_iter().map(|m| (m, false)));
        all.sort_by_key(|(m, _)| m.start);
        let full_people = people.clone();
        let mut kept: Vec<Mention> = Vec::new();
        let mut index_map: Vec<Option<usize>> = Vec::new();
        let mut people: Vec<Vec<usize>> = vec![Vec::new(); full_people.len()];
        // Representative names of each full person.
        let mut reps: Vec<Vec<ParsedName>> = vec![Vec::new(); full_people.len()];
        for (m, _) in &all {
            if let Some(p) = m.person {
                if let Some(r) = reps.get_mut(p) {
                    if r.len() < 4 {
                        r.push(m.name.clone());
                    }
                }
            }
        }
        for (mut m, strong) in all {
            if m.person.is_none() {
                let fits: Vec<usize> = reps
                    .iter()
                    .enumerate()
                    .filter(|(_, names)| {
                        !names.is_empty() && names.iter().all(|n| self.fits(&m.name, n))
                    })
                    .map(|(p, _)| p)
                    .collect();
                match fits.as_slice() {
                    [p] => {
                        m.person = Some(*p);
                        if m.evidence != Evidence::Title && m.evidence != Evidence::Gazetteer {
                            m.evidence = Evidence::Antecedent;
                        }
                    }
                    [] if strong => {
                        // A titled or known short name with no antecedent: a person of its own.
                        reps.push(vec![m.name.clone()]);
                        people.push(Vec::new());
                        m.person = Some(reps.len() - 1);
                    }
                    [] => continue,
                    // Fits several people: kept, unlinked.
                    _ => {}
                }
            }
            if let Some(p) = m.person {
                if let Some(list) = people.get_mut(p) {
                    list.push(kept.len());
                }
            }
            index_map.push(m.person);
            kept.push(m);
        }
        // Drop people without mentions, renumber by first mention.
        let mut order: Vec<(usize, usize)> = people
            .iter()
            .enumerate()
            .filter_map(|(p, l)| l.first().map(|&f| (f, p)))
            .collect();
        order.sort_unstable();
        let mut renumber = vec![None; people.len()];
        for (new, (_, old)) in order.iter().enumerate() {
            if let Some(slot) = renumber.get_mut(*old) {
                *slot = Some(new);
            }
        }
        for m in &mut kept {
            m.person = m.person.and_then(|p| renumber.get(p).copied().flatten());
        }
        let mut out_people: Vec<Person> = Vec::new();
        for (_, old) in &order {
            let list = people.get(*old).cloned().unwrap_or_default();
            let (name, id) = self.person_name(&kept, &list);
            out_people.push(Person {
                name,
                id,
                mentions: list,
            });
        }
        DocumentPeople {
            mentions: kept,
            people: out_people,
        }
    }

    /// Whether a shorter mention fits a person's full name: a partial or full
    /// match, or (for Cyrillic) a case form of its surname.
    fn fits(&self, short: &ParsedName, full: &ParsedName) -> bool {
        if self.matcher.decide(short, full).0 != Decision::NoMatch {
            return true;
        }
        if short.is_single() && short.source.is_cyrillic() {
            if let Some(part) = short.surname.first() {
                for ending in [
                    "ами", "ому", "ыми", "ым", "ом", "ой", "ою", "ем", "ей", "ах", "ам", "а", "у",
                    "е", "ю", "я", "ы",
                ] {
                    if let Some(stem) = part.text.strip_suffix(ending) {
                        let base = self.matcher.parser().parse(stem);
                        if stem.chars().count() >= 3
                            && self.matcher.decide(&base, full).0 != Decision::NoMatch
                        {
                            return true;
                        }
                    }
                }
            }
        }
        false
    }

    /// A person's name: its gazetteer entry's, else its most frequent full
    /// mention (first on ties), else its longest mention.
    fn person_name(&self, mentions: &[Mention], list: &[usize]) -> (String, Option<String>) {
        let names: Vec<&Mention> = list.iter().filter_map(|&i| mentions.get(i)).collect();
        if let Some(g) = &self.gazetteer {
            for m in &names {
                for e in g.entries() {
                    if e.names().any(|n| {
                        self.matcher
                            .decide(&m.name, &self.matcher.parser().parse(n))
                            .0
                            == Decision::Match
                    }) {
                        return (e.canonical.clone(), e.id.clone());
                    }
                }
            }
        }
        let mut counts: Vec<(String, usize, usize)> = Vec::new();
        for (order, m) in names.iter().enumerate() {
            if !m.name.is_full() {
                continue;
            }
            let display = m.name.name();
            let display = if m.name.repairs > 0 {
                m.name.name()
            } else {
                display
            };
            match counts.iter_mut().find(|(d, _, _)| *d == display) {
                Some(c) => c.1 += usize::from(m.name.repairs == 0) * 2 + 1,
                None => counts.push((display, usize::from(m.name.repairs == 0) * 2 + 1, order)),
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
        if let Some((d, _, _)) = counts.into_iter().next() {
            return (d, None);
        }
        let longest = names
            .iter()
            .map(|m| m.name.name())
            .max_by_key(String::len)
            .unwrap_or_default();
        (longest, None)
    }
}

fn is_han(c: char) -> bool {
    matches!(polynorm_script::script(c), polynorm_script::Script::Han)
}

fn has_case(s: &str) -> bool {
    s.chars().any(|c| c.is_lowercase() || c.is_uppercase())
}

/// A Han name right after `at`: a known surname (two characters first) and
/// one or two more Han characters that are not common function characters.
fn han_name_after(text: &str, at: usize) -> Option<usize> {
    let rest = text.get(at..)?;
    let chars: Vec<(usize, char)> = rest.char_indices().take(4).collect();
    let sur_len = if chars.len() >= 3
        && lexicon::zh_surname_han(&chars.iter().take(2).map(|c| c.1).collect::<String>()).is_some()
    {
        2
    } else if chars
        .first()
        .is_some_and(|c| lexicon::zh_surname_han(&c.1.to_string()).is_some())
    {
        1
    } else {
        return None;
    };
    let mut n = sur_len;
    while n < sur_len + 2
        && chars
            .get(n)
            .is_some_and(|c| is_han(c.1) && !HAN_STOP.contains(c.1))
    {
        n += 1;
    }
    if n == sur_len {
        return None;
    }
    let end = chars.get(n).map_or(rest.len(), |c| c.0);
    Some(at + end)
}

/// A Han name ending at `at` (before a post-title): two or three Han
/// characters starting with a known surname.
fn han_name_before(text: &str, at: usize) -> Option<usize> {
    let before = text.get(..at)?;
    let chars: Vec<(usize, char)> = before.char_indices().rev().take(3).collect();
    for len in [3usize, 2] {
        let span: Vec<&(usize, char)> = chars.iter().take(len).collect();
        if span.len() < len || !span.iter().all(|c| is_han(c.1) && !HAN_STOP.contains(c.1)) {
            continue;
        }
        let first = span.last()?;
        if lexicon::zh_surname_han(&first.1.to_string()).is_some() {
            return Some(first.0);
        }
    }
    None
}

/// Characters that end a Han name: common particles, verbs and conjunctions
/// that follow a name in news text.
const HAN_STOP: &str = "的在说和与是了会见表示指出认为也就对将同并向为被把于已曾又及等称访";

/// Splits text into words (letters, marks, digits, inner hyphens and
/// apostrophes, an initial's period) with byte offsets and break flags.
fn words(text: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut start: Option<usize> = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while let Some(&(i, c)) = chars.get(k) {
        let next = chars.get(k + 1).map(|x| x.1);
        let letter = c.is_alphanumeric()
            || (c as u32 >= 0x300 && c as u32 <= 0x36F)
            || c == '\u{200B}'
            || c == '\u{200C}'
            || c == '\u{200D}';
        let joiner = matches!(c, '-' | '\'' | '’')
            && start.is_some()
            && next.is_some_and(char::is_alphanumeric);
        if letter || joiner {
            if start.is_none() {
                start = Some(i);
            }
            k += 1;
            continue;
        }
        if let Some(s) = start.take() {
            let word = text.get(s..i).unwrap_or("");
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            // An initial or an abbreviated title keeps its period: S. K. Shoigu, Gen., г-н.
            let abbreviation = c == '.'
                && (letters == 1 || lexicon::title(&format!("{}.", word.to_lowercase())).is_some());
            let end = if abbreviation { i + 1 } else { i };
            let is_space = c == ' ' || c == '\t';
            let break_after = !(is_space || abbreviation) || c == '\n';
            out.push(Word {
                start: s,
                end,
                break_after,
            });
            if abbreviation {
                k += 1;
                // The space after the period belongs to no word.
                continue;
            }
        } else if !(c == ' ' || c == '\t') {
            if let Some(last) = out.last_mut() {
                last.break_after = true;
            }
        }
        k += 1;
    }
    if let Some(s) = start {
        out.push(Word {
            start: s,
            end: text.len(),
            break_after: true,
        });
    }
    out
}

/// Splits a run of capitalized words at words that are never name parts
/// (countries, cities, organisations, months, weekdays) and drops
/// sentence-opening function words.
fn split_run(text: &str, words: &[Word], run: &[usize]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut cur: Vec<usize> = Vec::new();
    for &w in run {
        let s = words
            .get(w)
            .and_then(|x| text.get(x.start..x.end))
            .unwrap_or("");
        let bare = strip_possessive(s);
        let lower = bare.to_lowercase();
        match lexicon::non_name(&lower) {
            Some(0 | 1 | 2 | 3 | 5) => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            Some(4 | 6) if cur.is_empty() || cur.iter().all(|&c| is_title_word(text, words, c)) => {
                // A function word or demonym: only before a title is it kept (as part of it).
                if lexicon::non_name(&lower) == Some(4) {
                    cur.push(w);
                }
            }
            _ => cur.push(w),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn is_title_word(text: &str, words: &[Word], w: usize) -> bool {
    let s = words
        .get(w)
        .and_then(|x| text.get(x.start..x.end))
        .unwrap_or("");
    let lower = s.to_lowercase();
    lexicon::title(&lower).is_some()
        || lexicon::title(lower.trim_end_matches('.')).is_some()
        || lexicon::non_name(&lower) == Some(4)
}

fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("'s")
        .or_else(|| s.strip_suffix("’s"))
        .unwrap_or(s)
}

/// Builds a candidate from a span: the words up to the last title head or
/// honorific (with the modifiers right after it: `министр обороны`) are its
/// titles (`North Korean leader`, `Chinese Defense Minister`), unless a known
/// given name comes before that head (`Martin Luther King`); the rest is the
/// name. Leading demonyms without a title are dropped; a trailing possessive
/// is cut.
fn candidate(text: &str, words: &[Word], span: &[usize]) -> Option<Candidate> {
    let word = |k: usize| {
        span.get(k)
            .and_then(|&i| words.get(i))
            .and_then(|w| text.get(w.start..w.end))
    };
    let kinds = |s: &str| {
        let lower = s.to_lowercase();
        lexicon::title(&lower).or_else(|| lexicon::title(lower.trim_end_matches('.')))
    };
    let mut head: Option<usize> = None;
    for k in 0..span.len().saturating_sub(1) {
        let s = word(k)?;
        if kinds(s).is_some_and(|t| t.head || t.honorific) {
            head = Some(k);
        } else if head.is_none()
            && crate::lexicon::is_given_name(&crate::fold::euro(s))
            && kinds(s).is_none()
        {
            // A given name before any title: the title words after it are name words.
            break;
        }
    }
    let mut k = 0;
    let mut titles: Vec<String> = Vec::new();
    if let Some(h) = head {
        let mut end = h + 1;
        while end + 1 < span.len()
            && word(end)
                .and_then(kinds)
                .is_some_and(|t| t.modifier && !t.head)
        {
            end += 1;
        }
        let joined: Vec<&str> = (0..end).filter_map(word).collect();
        titles.push(joined.join(" "));
        k = end;
    } else {
        while k + 1 < span.len()
            && word(k).is_some_and(|s| lexicon::non_name(&s.to_lowercase()) == Some(4))
        {
            k += 1;
        }
    }
    let name_words = span.get(k..)?;
    let first = words.get(*name_words.first()?)?;
    let last = words.get(*name_words.last()?)?;
    let mut end = last.end;
    let last_text = text.get(last.start..last.end)?;
    let bare = strip_possessive(last_text);
    end -= last_text.len() - bare.len();
    Some(Candidate {
        start: first.start,
        end,
        titles,
        words: name_words.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(text: &str) -> Vec<(String, Vec<String>)> {
        let doc = mentions(text);
        doc.people
            .iter()
            .map(|p| {
                (
                    p.name.clone(),
                    p.mentions
                        .iter()
                        .map(|&i| doc.mentions[i].text.clone())
                        .collect(),
                )
            })
            .collect()
    }

    #[test]
    fn titles_and_partial_mentions() {
        let p = people("Russian President Vladimir Putin met Xi Jinping. Putin and Xi both spoke. President Putin left.");
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(p[0].0, "Vladimir Putin");
        assert_eq!(p[0].1, ["Vladimir Putin", "Putin", "Putin"]);
        assert_eq!(p[1].1, ["Xi Jinping", "Xi"]);
    }

    #[test]
    fn ambiguous_short_mentions_stay_unlinked() {
        let doc = mentions("Li Qiang met Li Keqiang in Beijing. Li said the talks went well.");
        assert_eq!(doc.people.len(), 2);
        let li = doc.mentions.iter().find(|m| m.text == "Li").unwrap();
        assert_eq!(li.person, None);
    }

    #[test]
    fn places_and_sentence_openers_are_not_people() {
        let doc = mentions("After the talks in Moscow, Russia and China agreed. The Kremlin said nothing on Tuesday.");
        assert!(doc.people.is_empty(), "{:?}", doc.people);
    }

    #[test]
    fn russian_text_with_case_forms() {
        let p = people(
            "Министр обороны Сергей Шойгу встретился с Ли Шанфу. Шойгу отметил, что Путина ждут.",
        );
        assert_eq!(p[0].0, "Сергей Шойгу");
        assert_eq!(p[0].1, ["Сергей Шойгу", "Шойгу"]);
    }

    #[test]
    fn han_text() {
        let p = people("国防部长李尚福表示，中俄关系很好。李尚福在会见时说。");
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].1, ["李尚福", "李尚福"]);
    }

    #[test]
    fn no_panic_on_odd_text() {
        for t in [
            "",
            ".",
            "A. B. C.",
            "Mr.",
            "«»",
            "S.K.",
            "Li-",
            "\u{200B}",
            "President",
        ] {
            let _ = mentions(t);
        }
    }
}
