//! Comparing two names: align their parts, compare each pair of parts by
//! key, then apply the rules that reject false friends.
//!
//! Parts are aligned by role (surname with surname, first given name with
//! first given name, patronymic or middle name with patronymic or middle
//! name). A name whose order was only guessed is also tried the other way
//! round (`Orbán Viktor` / `Viktor Orbán`). Two parts *agree* when they
//! share a key (transliteration variants: `Sergey`/`Sergei`), are forms of
//! one given name (`Aleksandr`/`Alexander`/`Sasha`), or are close by
//! Jaro-Winkler and Damerau-Levenshtein on their keys (typos). They
//! *conflict* when they are two different known given names, initials with
//! different letters, gendered forms of one name (`Aleksandr`/`Aleksandra`,
//! `Navalny`/`Navalnaya`), or just different. Any conflict decides
//! [`Decision::NoMatch`] whatever the score; agreement on the surname and on
//! full first given names decides [`Decision::Match`]; agreement where one
//! name says less (a bare surname, initials) decides [`Decision::Partial`].

use std::fmt;

use crate::fold;
use crate::lexicon;
use crate::parse::{Culture, NamePart, ParsedName, Parser, ParserOptions};

/// The outcome of comparing two names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Decision {
    /// Different people, or nothing in common.
    NoMatch,
    /// Compatible, but one name says too little to be sure (`Shoigu`,
    /// `S. K. Shoigu` against `Sergey Shoigu`).
    Partial,
    /// The same person's name.
    Match,
}

/// The rule that decided a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Rule {
    /// Surname and first given name agree; nothing conflicts.
    AllPartsAgree,
    /// Agreement where one name lacks a given name or has only initials.
    LessSpecific,
    /// A bare name token agrees with the other name's surname (or given name).
    SingleNameAgrees,
    /// The surnames differ.
    SurnameDiffers,
    /// The first given names differ.
    GivenNameConflict,
    /// Initials differ from each other or from the full name.
    InitialConflict,
    /// The patronymics (or middle names) differ: father and son, two brothers.
    PatronymicConflict,
    /// A masculine and a feminine form of one name.
    GenderConflict,
    /// Different generational suffixes (`Jr.` and `Sr.`).
    SuffixConflict,
    /// A name without any name part.
    Empty,
}

impl Rule {
    fn describe(self) -> &'static str {
        match self {
            Rule::AllPartsAgree => "surname and first given name agree, nothing conflicts",
            Rule::LessSpecific => "compatible, but one name has only a surname or initials",
            Rule::SingleNameAgrees => "a single name agrees with a part of the other",
            Rule::SurnameDiffers => "the surnames differ",
            Rule::GivenNameConflict => "the first given names differ",
            Rule::InitialConflict => "initials differ",
            Rule::PatronymicConflict => "patronymics or middle names differ",
            Rule::GenderConflict => "masculine and feminine forms of one name",
            Rule::SuffixConflict => "different generational suffixes",
            Rule::Empty => "a name has no name part",
        }
    }
}

/// Which parts were compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Role {
    /// Surname (head, particles ignored).
    Surname,
    /// First given name.
    Given,
    /// Patronymic, or the first middle name.
    Secondary,
    /// A single name token against the other name.
    Single,
}

/// How two aligned parts compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Verdict {
    /// Same key: one name, possibly transliterated differently.
    Same,
    /// Forms of one given name (`Aleksandr`/`Alexander`).
    Equivalent,
    /// A diminutive or nickname of the other (`Sasha`, `Bill`).
    Diminutive,
    /// Close enough to be a typo.
    Similar,
    /// An initial that fits the other part.
    Initial,
    /// Only one name has this part.
    Missing,
    /// Different.
    Conflict,
    /// Masculine against feminine.
    GenderConflict,
}

impl Verdict {
    fn agrees(self) -> bool {
        matches!(
            self,
            Verdict::Same | Verdict::Equivalent | Verdict::Diminutive | Verdict::Similar
        )
    }

    fn conflicts(self) -> bool {
        matches!(self, Verdict::Conflict | Verdict::GenderConflict)
    }
}

/// One aligned pair of parts in an [`Explanation`].
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct AlignedPart {
    /// Which parts.
    pub role: Role,
    /// The first name's part as written (`None` if it has none).
    pub a: Option<String>,
    /// The second name's part.
    pub b: Option<String>,
    /// The first part's key.
    pub key_a: Option<String>,
    /// The second part's key.
    pub key_b: Option<String>,
    /// Jaro-Winkler similarity of the best pair of keys (0 to 1).
    pub jaro_winkler: f32,
    /// Damerau-Levenshtein distance between the best pair of keys (`None`
    /// when the similarity was too low for it to matter).
    pub edits: Option<usize>,
    /// The verdict.
    pub verdict: Verdict,
}

/// Why two names matched or not: the parsed names, the aligned parts with
/// their keys and scores, and the rule that decided.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Explanation {
    /// The first name, parsed and romanized.
    pub a: String,
    /// The second name, parsed and romanized.
    pub b: String,
    /// Whether the order of one name was swapped to align them.
    pub swapped: bool,
    /// The aligned parts.
    pub parts: Vec<AlignedPart>,
    /// The rule that decided.
    pub rule: Rule,
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} | {}{}",
            self.a,
            self.b,
            if self.swapped { " (order swapped)" } else { "" }
        )?;
        for p in &self.parts {
            writeln!(
                f,
                "  {:?}: {} [{}] ~ {} [{}]: {:?} (jw {:.3}, edits {})",
                p.role,
                p.a.as_deref().unwrap_or("-"),
                p.key_a.as_deref().unwrap_or("-"),
                p.b.as_deref().unwrap_or("-"),
                p.key_b.as_deref().unwrap_or("-"),
                p.verdict,
                p.jaro_winkler,
                p.edits.map_or_else(|| "-".to_owned(), |e| e.to_string())
            )?;
        }
        write!(f, "  rule: {:?}: {}", self.rule, self.rule.describe())
    }
}

/// The result of [`Matcher::compare`].
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct MatchResult {
    /// Similarity, 0 to 1 (1 for the same key everywhere). A conflict
    /// decides [`Decision::NoMatch`] whatever the score.
    pub score: f32,
    /// The decision.
    pub decision: Decision,
    /// Why.
    pub explanation: Explanation,
}

/// Thresholds of the fuzzy part comparison.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct MatchOptions {
    /// Jaro-Winkler similarity of two surname keys that makes them a typo of
    /// each other (default 0.9), together with [`MatchOptions::max_edit_ratio`].
    pub surname_similarity: f32,
    /// The same for given names (default 0.92); two *known* given names that
    /// are not forms of one name never match this way.
    pub given_similarity: f32,
    /// Most Damerau-Levenshtein edits per key character (default 0.25; at
    /// least one edit is always allowed for keys of four or more characters).
    pub max_edit_ratio: f32,
}

impl Default for MatchOptions {
    fn default() -> Self {
        MatchOptions {
            surname_similarity: 0.9,
            given_similarity: 0.92,
            max_edit_ratio: 0.25,
        }
    }
}

/// Compares names. Build it once; it holds a [`Parser`].
///
/// ```
/// use polynorm_names::{Decision, Matcher, Rule};
///
/// let m = Matcher::default();
/// assert_eq!(m.compare("Sergey Shoigu", "SHOIGU Sergei Kuzhugetovich").decision, Decision::Match);
/// assert_eq!(m.compare("Sergej Schoigu", "Сергей Шойгу").decision, Decision::Match);
/// assert_eq!(m.compare("S. K. Shoigu", "Sergey Shoigu").decision, Decision::Partial);
///
/// let r = m.compare("Li Qiang", "Li Keqiang");
/// assert_eq!((r.decision, r.explanation.rule), (Decision::NoMatch, Rule::GivenNameConflict));
/// let r = m.compare("Vladimir Vladimirovich Putin", "Vladimir Spiridonovich Putin");
/// assert_eq!(r.explanation.rule, Rule::PatronymicConflict);
/// let r = m.compare("Aleksandr Ivanov", "Aleksandra Ivanova");
/// assert_eq!(r.explanation.rule, Rule::GenderConflict);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Matcher {
    parser: Parser,
    options: MatchOptions,
}

/// One slot's comparison, without allocation.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Slot<'a> {
    role: Role,
    a: Option<&'a NamePart>,
    b: Option<&'a NamePart>,
    jw: f32,
    edits: usize,
    verdict: Verdict,
    score: f32,
}

/// A comparison without explanation strings.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Outcome<'a> {
    pub(crate) decision: Decision,
    pub(crate) score: f32,
    pub(crate) rule: Rule,
    swapped: bool,
    slots: [Option<Slot<'a>>; 3],
}

/// A name as the comparison sees it: borrowed parts, possibly with the
/// order swapped.
#[derive(Clone, Copy)]
struct View<'a> {
    given: Option<&'a NamePart>,
    secondary: Option<&'a NamePart>,
    surname: [Option<&'a NamePart>; 4],
    single: bool,
    culture: Culture,
    suffix: Option<&'static str>,
}

impl<'a> View<'a> {
    fn of(n: &'a ParsedName) -> View<'a> {
        let mut surname = [None; 4];
        for (slot, p) in surname.iter_mut().zip(n.surname_heads()) {
            *slot = Some(p);
        }
        View {
            given: n.first_given(),
            secondary: n.secondary(),
            surname,
            single: n.is_single(),
            culture: n.culture,
            suffix: n
                .suffix
                .as_deref()
                .map(|s| lexicon::suffix(&s.to_lowercase()).unwrap_or("other")),
        }
    }

    /// The other reading of a two-part name whose order was a guess.
    fn swapped(n: &'a ParsedName) -> Option<View<'a>> {
        if n.cue.is_certain()
            || n.given.len() != 1
            || n.patronymic.is_some()
            || n.surname_heads().count() != 1
        {
            return None;
        }
        let mut v = View::of(n);
        let g = v.given?;
        v.given = v.surname[0];
        v.surname = [Some(g), None, None, None];
        Some(v)
    }

    fn surnames(&self) -> impl Iterator<Item = &'a NamePart> + '_ {
        self.surname.iter().filter_map(|p| *p)
    }
}

impl Matcher {
    /// A matcher with its own parser and options.
    pub fn new(parser: ParserOptions, options: MatchOptions) -> Matcher {
        Matcher {
            parser: Parser::new(parser),
            options,
        }
    }

    /// The parser.
    pub fn parser(&self) -> &Parser {
        &self.parser
    }

    /// The options in force.
    pub fn options(&self) -> &MatchOptions {
        &self.options
    }

    /// Parses and compares two names. Each name's repairs are judged with
    /// the other name as context, so `Sergeн Shoigu` against `Sergey Shoigu`
    /// is repaired before it is compared.
    pub fn compare(&self, a: &str, b: &str) -> MatchResult {
        let mut context = polynorm_repair::DocumentContext::from_text(a);
        context.add(b);
        let pa = self.parser.parse_in(a, Some(&context));
        let pb = self.parser.parse_in(b, Some(&context));
        self.compare_parsed(&pa, &pb)
    }

    /// Compares two parsed names.
    pub fn compare_parsed(&self, a: &ParsedName, b: &ParsedName) -> MatchResult {
        let o = self.outcome(a, b);
        MatchResult {
            score: o.score,
            decision: o.decision,
            explanation: explain(a, b, &o),
        }
    }

    /// Whether two names conflict: `None` when they do not; `Some(true)` for
    /// a conflict that no typo explains (patronymic, gender, suffix,
    /// initials, two different known or Chinese/Korean given names),
    /// `Some(false)` for a difference a typo could explain (surnames, an
    /// unknown given name).
    pub(crate) fn conflict(&self, a: &ParsedName, b: &ParsedName) -> Option<bool> {
        let o = self.outcome(a, b);
        if o.decision != Decision::NoMatch {
            return None;
        }
        Some(match o.rule {
            Rule::SurnameDiffers => false,
            Rule::GivenNameConflict => {
                let cjk = |c: Culture| matches!(c, Culture::Chinese | Culture::Korean);
                let known = |n: &ParsedName| n.first_given().is_some_and(|g| g.lexicon.known());
                cjk(a.culture) || cjk(b.culture) || (known(a) && known(b))
            }
            _ => true,
        })
    }

    /// The decision and score only (the clustering hot path).
    pub(crate) fn decide(&self, a: &ParsedName, b: &ParsedName) -> (Decision, f32) {
        let o = self.outcome(a, b);
        (o.decision, o.score)
    }

    pub(crate) fn outcome<'a>(&self, a: &'a ParsedName, b: &'a ParsedName) -> Outcome<'a> {
        let va = View::of(a);
        let vb = View::of(b);
        let mut best = self.compare_views(va, vb, false);
        // The other reading can only help when the surnames did not agree.
        if best.decision != Decision::Match
            && matches!(best.rule, Rule::SurnameDiffers | Rule::GenderConflict)
        {
            for (x, y) in [(View::swapped(a), Some(vb)), (Some(va), View::swapped(b))] {
                if let (Some(x), Some(y)) = (x, y) {
                    let o = self.compare_views(x, y, true);
                    if (o.decision, o.score) > (best.decision, best.score) {
                        best = o;
                    }
                }
            }
        }
        best
    }

    fn compare_views<'a>(&self, a: View<'a>, b: View<'a>, swapped: bool) -> Outcome<'a> {
        let mut out = Outcome {
            decision: Decision::NoMatch,
            score: 0.0,
            rule: Rule::Empty,
            swapped,
            slots: [None; 3],
        };
        let a_empty = a.given.is_none() && a.surnames().next().is_none();
        let b_empty = b.given.is_none() && b.surnames().next().is_none();
        if a_empty || b_empty {
            return out;
        }
        if a.single || b.single {
            return self.compare_single(a, b, out);
        }
        // Suffixes.
        if let (Some(x), Some(y)) = (a.suffix, b.suffix) {
            if x != y {
                out.rule = Rule::SuffixConflict;
                return out;
            }
        }
        // Surnames: every head of the shorter list agrees with a head of the longer.
        let (short, long) = if a.surnames().count() <= b.surnames().count() {
            (a, b)
        } else {
            (b, a)
        };
        let mut sur_slot: Option<Slot<'a>> = None;
        for s in short.surnames() {
            let mut best: Option<Slot<'a>> = None;
            for l in long.surnames() {
                let slot = self.slot(Role::Surname, Some(s), Some(l), short.culture, long.culture);
                if best.is_none_or(|b| slot_rank(&slot) > slot_rank(&b)) {
                    best = Some(slot);
                }
            }
            let Some(best) = best else { break };
            if !best.verdict.agrees() {
                out.slots[0] = Some(orient(
                    best,
                    std::ptr::eq(short.surname[0].unwrap_or(s), a.surname[0].unwrap_or(s)),
                ));
                out.rule = if best.verdict == Verdict::GenderConflict {
                    Rule::GenderConflict
                } else {
                    Rule::SurnameDiffers
                };
                return out;
            }
            if sur_slot.is_none_or(|s| best.score < s.score) {
                sur_slot = Some(best);
            }
        }
        let Some(sur) = sur_slot else {
            out.rule = Rule::SurnameDiffers;
            return out;
        };
        let a_is_short = a.surnames().count() <= b.surnames().count();
        out.slots[0] = Some(orient(sur, a_is_short));
        // First given names.
        let given = self.slot(Role::Given, a.given, b.given, a.culture, b.culture);
        out.slots[1] = Some(given);
        if given.verdict.conflicts() {
            out.rule = match given.verdict {
                Verdict::GenderConflict => Rule::GenderConflict,
                _ if given.a.is_some_and(|p| p.initial) || given.b.is_some_and(|p| p.initial) => {
                    Rule::InitialConflict
                }
                _ => Rule::GivenNameConflict,
            };
            return out;
        }
        // Patronymic or middle name.
        let secondary = self.slot(
            Role::Secondary,
            a.secondary,
            b.secondary,
            a.culture,
            b.culture,
        );
        out.slots[2] = Some(secondary);
        if secondary.verdict.conflicts() {
            out.rule = if secondary.a.is_some_and(|p| p.initial)
                || secondary.b.is_some_and(|p| p.initial)
            {
                Rule::InitialConflict
            } else {
                Rule::PatronymicConflict
            };
            return out;
        }
        let mut weight = 0.5;
        let mut total = 0.5 * sur.score;
        for (w, s) in [(0.35, given), (0.15, secondary)] {
            if s.verdict != Verdict::Missing {
                weight += w;
                total += w * s.score;
            }
        }
        let score = total / weight;
        if given.verdict.agrees() {
            out.decision = Decision::Match;
            out.rule = Rule::AllPartsAgree;
            out.score = score;
        } else {
            out.decision = Decision::Partial;
            out.rule = Rule::LessSpecific;
            out.score = score
                * if given.verdict == Verdict::Missing {
                    0.7
                } else {
                    0.85
                };
        }
        out
    }

    fn compare_single<'a>(&self, a: View<'a>, b: View<'a>, mut out: Outcome<'a>) -> Outcome<'a> {
        let (single, other, single_is_a) = if a.single {
            (a, b, true)
        } else {
            (b, a, false)
        };
        let Some(token) = single.surnames().next() else {
            return out;
        };
        let mut best: Option<Slot<'a>> = None;
        let candidates = other.surnames().chain(other.given);
        for p in candidates {
            let slot = self.slot(
                Role::Single,
                Some(token),
                Some(p),
                single.culture,
                other.culture,
            );
            if best.is_none_or(|b| slot_rank(&slot) > slot_rank(&b)) {
                best = Some(slot);
            }
        }
        let Some(best) = best else { return out };
        out.slots[0] = Some(orient(best, single_is_a));
        if best.verdict.agrees() {
            out.decision = Decision::Partial;
            out.rule = Rule::SingleNameAgrees;
            out.score = 0.6 * best.score;
        } else {
            out.rule = if best.verdict == Verdict::GenderConflict {
                Rule::GenderConflict
            } else {
                Rule::SurnameDiffers
            };
        }
        out
    }

    /// Compares two aligned parts.
    #[allow(clippy::many_single_char_names)]
    fn slot<'a>(
        &self,
        role: Role,
        a: Option<&'a NamePart>,
        b: Option<&'a NamePart>,
        ca: Culture,
        cb: Culture,
    ) -> Slot<'a> {
        let mut slot = Slot {
            role,
            a,
            b,
            jw: 0.0,
            edits: 0,
            verdict: Verdict::Missing,
            score: 0.0,
        };
        let (Some(x), Some(y)) = (a, b) else {
            return slot;
        };
        // Initials.
        if x.initial || y.initial {
            slot.verdict = if initials_fit(x, y) {
                Verdict::Initial
            } else {
                Verdict::Conflict
            };
            slot.score = if slot.verdict == Verdict::Initial {
                0.75
            } else {
                0.0
            };
            return slot;
        }
        // Same key (any scheme, any reading).
        let same = x.keys().any(|k| y.keys().any(|l| k == l));
        let cross_culture = ca != cb;
        if same || (cross_culture && x.ascii == y.ascii) {
            slot.jw = 1.0;
            slot.verdict = Verdict::Same;
            slot.score = if x.latin == y.latin || x.text == y.text {
                1.0
            } else {
                0.97
            };
            return slot;
        }
        // Best fuzzy pair: any two keys, or the two ASCII spellings (a
        // transposed typo can change a key more than the spelling).
        let mut jw = 0.0f32;
        let (mut kx, mut ky) = (x.key.as_str(), y.key.as_str());
        let pairs = x
            .keys()
            .flat_map(|k| y.keys().map(move |l| (k, l)))
            .chain(std::iter::once((x.ascii.as_str(), y.ascii.as_str())));
        for (k, l) in pairs {
            let j = crate::sim::jaro_winkler(k, l);
            if j > jw {
                jw = j;
                (kx, ky) = (k, l);
            }
        }
        // Edits only when the similarity could pass (they cost more).
        let edits = if jw >= 0.8 {
            crate::sim::edits(kx, ky)
        } else {
            usize::MAX
        };
        slot.jw = jw;
        slot.edits = edits;
        let len = kx.chars().count().min(ky.chars().count());
        let allowed = ((len as f32) * self.options.max_edit_ratio)
            .floor()
            .max(if len >= 4 { 1.0 } else { 0.0 }) as usize;
        let european = ca == Culture::European && cb == Culture::European;
        let given_like = matches!(role, Role::Given | Role::Secondary);
        // Given-name forms and gender.
        if given_like && european {
            let (lx, ly) = (&x.lexicon, &y.lexicon);
            if let Some(dim) = lx.equivalent(ly) {
                slot.verdict = if dim {
                    Verdict::Diminutive
                } else {
                    Verdict::Equivalent
                };
                slot.score = if dim { 0.85 } else { 0.9 };
                return slot;
            }
            if let (Some(gx), Some(gy)) = (lx.gender, ly.gender) {
                if gx != gy {
                    slot.verdict = Verdict::GenderConflict;
                    return slot;
                }
            }
            // A misspelt form of a known name (`Dmtiry`, `Vladiimr`) is that name.
            if lx.near(ly) || ly.near(lx) {
                slot.verdict = Verdict::Similar;
                slot.score = 0.8;
                return slot;
            }
            if lx.known() && ly.known() {
                // Two known names that are not forms of one name: different people.
                slot.verdict = Verdict::Conflict;
                return slot;
            }
        }
        if matches!(role, Role::Surname | Role::Single) && gendered_pair(&x.key, &y.key) {
            slot.verdict = Verdict::GenderConflict;
            return slot;
        }
        let threshold = if given_like {
            self.options.given_similarity
        } else {
            self.options.surname_similarity
        };
        let cjk = matches!(ca, Culture::Chinese | Culture::Korean)
            || matches!(cb, Culture::Chinese | Culture::Korean);
        let typo_ok = if cjk {
            // Syllable names: a typo only when one side is not a valid reading.
            edits <= 1
                && len >= 5
                && (ca != Culture::Chinese
                    || cb != Culture::Chinese
                    || !(is_syllabic(kx) && is_syllabic(ky)))
        } else {
            jw >= threshold && edits <= allowed
        };
        if typo_ok {
            slot.verdict = Verdict::Similar;
            slot.score = 0.8 * jw;
        } else {
            slot.verdict = Verdict::Conflict;
        }
        slot
    }
}

fn is_syllabic(key: &str) -> bool {
    fold::pinyin_syllables(key).is_some()
}

/// Orders a slot's parts so that `a` is the first name's.
fn orient(slot: Slot<'_>, a_first: bool) -> Slot<'_> {
    if a_first {
        slot
    } else {
        Slot {
            a: slot.b,
            b: slot.a,
            ..slot
        }
    }
}

fn slot_rank(s: &Slot<'_>) -> (u8, u32) {
    let v = match s.verdict {
        Verdict::Same => 6,
        Verdict::Equivalent => 5,
        Verdict::Diminutive => 4,
        Verdict::Similar => 3,
        Verdict::Initial => 2,
        Verdict::Missing => 1,
        Verdict::GenderConflict | Verdict::Conflict => 0,
    };
    (v, (s.jw * 1000.0) as u32)
}

/// Whether an initial fits another part (initial or full): same first
/// letter of the key, or both among the letters that alternate at the
/// start of transliterated names (`E`/`Ye`/`Ie`/`Je`/`I`/`Yu`).
fn initials_fit(x: &NamePart, y: &NamePart) -> bool {
    let first = |p: &NamePart| -> (Option<char>, Option<char>) {
        (
            p.initial_char(),
            p.latin
                .chars()
                .find(|c| c.is_alphabetic())
                .map(|c| c.to_ascii_lowercase()),
        )
    };
    let (kx, lx) = first(x);
    let (ky, ly) = first(y);
    if kx.is_some() && kx == ky || lx.is_some() && lx == ly {
        return true;
    }
    let soft = |c: Option<char>| matches!(c, Some('e' | 'i' | 'j' | 'y'));
    soft(kx) && soft(ky)
}

/// Whether two surname keys are the masculine and feminine forms of one
/// Slavic (or Baltic) surname: `Ivanov`/`Ivanova`, `Navalni`/`Navalnaia`,
/// `Zelenski`/`Zelenska`.
fn gendered_pair(a: &str, b: &str) -> bool {
    fn pair(m: &str, f: &str) -> bool {
        const FORMS: [(&str, &str); 7] = [
            ("ov", "ova"),
            ("ev", "eva"),
            ("in", "ina"),
            ("ski", "ska"),
            ("ni", "na"),
            ("oi", "a"),
            ("i", "a"),
        ];
        FORMS.iter().any(|(ms, fs)| {
            ms != fs
                && m.strip_suffix(ms)
                    .is_some_and(|stem| f.strip_suffix(fs) == Some(stem) && stem.len() >= 2)
        })
    }
    pair(a, b) || pair(b, a)
}

/// Builds the explanation of an outcome.
fn explain(a: &ParsedName, b: &ParsedName, o: &Outcome<'_>) -> Explanation {
    let describe = |n: &ParsedName| -> String {
        let mut s = n.romanized();
        if !n.titles.is_empty() {
            s = format!("{s} (titles: {})", n.titles.join(", "));
        }
        if n.romanized() != n.name() {
            s = format!("{s} [{}]", n.name());
        }
        s
    };
    Explanation {
        a: describe(a),
        b: describe(b),
        swapped: o.swapped,
        parts: o
            .slots
            .iter()
            .flatten()
            .map(|s| AlignedPart {
                role: s.role,
                a: s.a.map(|p| p.text.clone()),
                b: s.b.map(|p| p.text.clone()),
                key_a: s.a.map(|p| p.key.clone()),
                key_b: s.b.map(|p| p.key.clone()),
                jaro_winkler: s.jw,
                edits: (s.edits != usize::MAX).then_some(s.edits),
                verdict: s.verdict,
            })
            .collect(),
        rule: o.rule,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(a: &str, b: &str) -> Decision {
        Matcher::default().compare(a, b).decision
    }

    fn rule(a: &str, b: &str) -> Rule {
        Matcher::default().compare(a, b).explanation.rule
    }

    #[test]
    fn variants_of_one_person_match() {
        let shoigu = [
            "Sergey Shoigu",
            "Sergei Shoygu",
            "Sergej Schoigu",
            "Сергей Шойгу",
            "SHOIGU Sergey Kuzhugetovich",
            "Shoigu, Sergey",
            "Sergueï Choïgou",
            "Sergeн Shoigu",
            "Defense Minister Sergey Shoigu",
        ];
        for a in shoigu {
            for b in shoigu {
                assert_eq!(
                    d(a, b),
                    Decision::Match,
                    "{a} | {b}\n{}",
                    Matcher::default().compare(a, b).explanation
                );
            }
        }
    }

    #[test]
    fn partial_mentions_are_partial() {
        assert_eq!(d("S. K. Shoigu", "Sergey Shoigu"), Decision::Partial);
        assert_eq!(d("Shoigu", "Sergey Shoigu"), Decision::Partial);
        assert_eq!(d("Li", "Li Shangfu"), Decision::Partial);
        assert_eq!(d("President Putin", "Vladimir Putin"), Decision::Partial);
        assert_eq!(d("Xi", "Xi Jinping"), Decision::Partial);
    }

    #[test]
    fn false_friends_do_not_match() {
        for (a, b, r) in [
            ("Li Qiang", "Li Keqiang", Rule::GivenNameConflict),
            ("Li Shangfu", "Li Keqiang", Rule::GivenNameConflict),
            ("Kim Jong-un", "Kim Jong-il", Rule::GivenNameConflict),
            (
                "Aleksandr Ivanov",
                "Aleksandra Ivanova",
                Rule::GenderConflict,
            ),
            ("Alexei Navalny", "Yulia Navalnaya", Rule::GenderConflict),
            ("Navalny", "Navalnaya", Rule::GenderConflict),
            (
                "Vladimir Vladimirovich Putin",
                "Vladimir Spiridonovich Putin",
                Rule::PatronymicConflict,
            ),
            ("George W. Bush", "George H. W. Bush", Rule::InitialConflict),
            ("S. Shoigu", "V. Shoigu", Rule::InitialConflict),
            (
                "Martin Luther King Jr.",
                "Martin Luther King Sr.",
                Rule::SuffixConflict,
            ),
            ("Vladimir Putin", "Vladimir Pushkin", Rule::SurnameDiffers),
            ("Ivan Petrov", "Pavel Petrov", Rule::GivenNameConflict),
        ] {
            let r2 = Matcher::default().compare(a, b);
            assert_eq!(
                r2.decision,
                Decision::NoMatch,
                "{a} | {b}\n{}",
                r2.explanation
            );
            assert_eq!(r2.explanation.rule, r, "{a} | {b}\n{}", r2.explanation);
        }
    }

    #[test]
    fn across_scripts_and_schemes() {
        assert_eq!(d("李尚福", "Li Shangfu"), Decision::Match);
        assert_eq!(d("习近平", "XI Jinping"), Decision::Match);
        assert_eq!(d("Xi Jinping", "Hsi Chin-p'ing"), Decision::Match);
        assert_eq!(d("Mao Zedong", "Mao Tse-tung"), Decision::Match);
        assert_eq!(d("김정은", "Kim Jong-un"), Decision::Match);
        assert_eq!(d("Kim Jong Un", "Kim Jŏng-ŭn"), Decision::Match);
        assert_eq!(d("Gim Jeong-eun", "Kim Jong-un"), Decision::Match);
        assert_eq!(
            d("Volodymyr Zelensky", "Wolodymyr Selenskyj"),
            Decision::Match
        );
        assert_eq!(
            d("Володимир Зеленський", "Volodymyr Zelenskyy"),
            Decision::Match
        );
        assert_eq!(
            d("Yevgeny Prigozhin", "Jewgeni Prigoschin"),
            Decision::Match
        );
        assert_eq!(d("Muammar Gaddafi", "Moammar Kadhafi"), Decision::Match);
        assert_eq!(
            d("Aleksandr Lukashenko", "Alexander Lukashenko"),
            Decision::Match
        );
        assert_eq!(d("Dima Medvedev", "Dmitry Medvedev"), Decision::Match);
        assert_eq!(d("Viktor Orbán", "Orbán Viktor"), Decision::Match);
        assert_eq!(d("Bashar al-Assad", "Bashar Assad"), Decision::Match);
    }

    #[test]
    fn typos_match() {
        assert_eq!(d("Sergey Shoigu", "Sergey Shiogu"), Decision::Match);
        assert_eq!(d("Vladimir Putin", "Vladimir Puttin"), Decision::Match);
        assert_eq!(d("Xi Jinping", "Xi Jinpign"), Decision::Match);
    }

    #[test]
    fn explanation_names_the_rule() {
        let r = Matcher::default().compare("Li Qiang", "Li Keqiang");
        let text = r.explanation.to_string();
        assert!(text.contains("GivenNameConflict"), "{text}");
        assert!(text.contains("qiang"), "{text}");
        assert_eq!(r.explanation.parts.len(), 2);
    }

    #[test]
    fn empty_names_never_match() {
        assert_eq!(d("", "Sergey Shoigu"), Decision::NoMatch);
        assert_eq!(d("", ""), Decision::NoMatch);
        assert_eq!(
            rule("President", "Sergey Shoigu"),
            rule("President", "Sergey Shoigu")
        );
    }
}
