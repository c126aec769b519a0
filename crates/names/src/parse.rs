//! Parsing a person's name into its parts.
//!
//! A name string (`SHOIGU Sergey Kuzhugetovich`, `Defense Minister Sergeн
//! Shoigu`, `S. K. Shoigu`, `李尚福`, `Kim Jong-un`) is repaired (invisible
//! characters, homoglyphs, keyboard-layout slips), split into tokens, stripped
//! of titles and roles (kept apart in [`ParsedName::titles`]) and generational
//! suffixes, and its tokens are given roles: given names (the first, then
//! middle names), a patronymic, surname parts (with particles such as `van`
//! or `al-`). The order is decided by the strongest cue present (see
//! [`OrderCue`]). Han and Hangul names are segmented into surname and given
//! name with the surname lists. Every part carries its Latin form and the
//! keys matching compares (see [`NamePart::keys`]).

use std::fmt;

use polynorm_repair::{DocumentContext, MixedScript, MixedScriptOptions};

use crate::fold;
use crate::lexicon;
use crate::romanize::{Romanization, Source};

/// The naming tradition a name follows: it decides the order cues and how
/// its parts are keyed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Culture {
    /// Given name(s), optional patronymic, surname; keyed by the European
    /// phonetic skeleton (the default).
    European,
    /// Chinese: surname first, pinyin syllables (Wade-Giles read as pinyin).
    Chinese,
    /// Korean: surname first, Korean romanizations merged.
    Korean,
    /// Japanese (from kana).
    Japanese,
    /// Vietnamese: surname first, the last name is the personal name.
    Vietnamese,
}

/// Which part comes first in the name as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum NameOrder {
    /// `Sergey Shoigu`.
    GivenFirst,
    /// `Shoigu Sergey`, `SHOIGU Sergey`, `Shoigu, Sergey`, `Li Shangfu`.
    SurnameFirst,
}

/// What decided the order of a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum OrderCue {
    /// A comma after the surname: `Shoigu, Sergey`.
    Comma,
    /// The surname in capitals: `SHOIGU Sergey`.
    Capitals,
    /// Initials beside one full name: `S. K. Shoigu`, `Путин В.В.`.
    Initials,
    /// Where the patronymic stands: `Sergey Kuzhugetovich Shoigu`.
    Patronymic,
    /// A known Chinese, Korean or Vietnamese surname.
    SurnameList,
    /// The script: Han, Hangul and kana names are surname first.
    Script,
    /// The other token is a known given name: `Orbán Viktor`.
    GivenNameList,
    /// Nothing decided; given name first assumed.
    Default,
    /// A single name: no order.
    Single,
}

impl OrderCue {
    /// Whether the cue is strong enough that the other order is not tried when matching.
    pub fn is_certain(self) -> bool {
        !matches!(self, OrderCue::Default | OrderCue::GivenNameList)
    }
}

/// One part of a name: a given name, patronymic or surname token.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct NamePart {
    /// As written (after repair), in its own script: `Шойгу`, `尚福`, `K.`.
    pub text: String,
    /// In Latin letters (the display transliteration): `Shoigu`, `Shangfu`.
    pub latin: String,
    /// [`NamePart::latin`] folded to lower-case ASCII letters (`Šojgu` → `shojgu`).
    pub ascii: String,
    /// The key matching compares: transliteration variants of one name share it.
    pub key: String,
    /// More keys: other transliteration schemes, other readings (Wade-Giles
    /// `tung` is `dong` or `tong`), other surname readings.
    pub alt_keys: Vec<String>,
    /// An initial (`S.`, `В.`): only its first letter counts.
    pub initial: bool,
    /// A particle (`van`, `al`, `bin`): kept for display, ignored by matching.
    pub particle: bool,
    /// What the given-name lexicon says about the part, looked up once.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub(crate) lexicon: GivenInfo,
}

/// The given-name lexicon's facts about a part's keys.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct GivenInfo {
    /// (group, through a diminutive) for every key.
    pub(crate) groups: Vec<(u16, bool)>,
    /// Groups of known names one typo away (only for unknown names).
    pub(crate) near: Vec<u16>,
    /// The gender its main key marks.
    pub(crate) gender: Option<crate::Gender>,
}

impl GivenInfo {
    pub(crate) fn of(key: &str, alt: &[String]) -> GivenInfo {
        let mut groups: Vec<(u16, bool)> = Vec::new();
        for k in std::iter::once(key).chain(alt.iter().map(String::as_str)) {
            for e in lexicon::given_entries(k) {
                if !groups.contains(&(e.group, e.diminutive)) {
                    groups.push((e.group, e.diminutive));
                }
            }
        }
        let near = if groups.is_empty() {
            lexicon::given_groups_near(key)
        } else {
            Vec::new()
        };
        let gender = match lexicon::given_gender(key) {
            crate::Gender::Unknown => None,
            g => Some(g),
        };
        GivenInfo {
            groups,
            near,
            gender,
        }
    }

    /// Whether the part is a known given name.
    pub(crate) fn known(&self) -> bool {
        !self.groups.is_empty()
    }

    /// A shared group: `Some(true)` through a diminutive, `Some(false)` as forms.
    pub(crate) fn equivalent(&self, other: &GivenInfo) -> Option<bool> {
        let mut best = None;
        for (g, d) in &self.groups {
            for (h, e) in &other.groups {
                if g == h {
                    let dim = *d || *e;
                    if best.is_none_or(|b| b && !dim) {
                        best = Some(dim);
                    }
                }
            }
        }
        best
    }

    /// Whether an unknown name is one typo from a name of the other's groups.
    pub(crate) fn near(&self, other: &GivenInfo) -> bool {
        !self.known() && other.groups.iter().any(|(g, _)| self.near.contains(g))
    }
}

impl NamePart {
    /// Every key of the part, the main one first.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.key.as_str()).chain(self.alt_keys.iter().map(String::as_str))
    }

    /// The initial letter class of the part (first character of its key).
    pub fn initial_char(&self) -> Option<char> {
        self.key.chars().next()
    }
}

/// A parsed name. See "Principle of operation" in the [crate documentation](crate).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ParsedName {
    /// The input as given.
    pub input: String,
    /// The input after repair (hygiene, homoglyphs, keyboard-layout slips).
    pub text: String,
    /// How many repairs changed the text.
    pub repairs: usize,
    /// The script (and Cyrillic language) of the name.
    pub source: Source,
    /// The naming tradition.
    pub culture: Culture,
    /// Titles, honorifics and roles, as written: `Defense Minister`, `г-н`.
    pub titles: Vec<String>,
    /// Given names: the first, then middle names or initials.
    pub given: Vec<NamePart>,
    /// The patronymic (`Kuzhugetovich`, `Владимирович`), if recognised.
    pub patronymic: Option<NamePart>,
    /// Surname parts, particles included (`von`, `der`, `Leyen`).
    pub surname: Vec<NamePart>,
    /// A generational suffix (`Jr.`, `III`), as written.
    pub suffix: Option<String>,
    /// The order as written.
    pub order: NameOrder,
    /// What decided the order.
    pub cue: OrderCue,
}

impl ParsedName {
    /// Whether the name is one bare name token (`Shoigu`, `Li`), which may be
    /// a surname or a given name.
    pub fn is_single(&self) -> bool {
        self.cue == OrderCue::Single
    }

    /// Whether the name has a full (not initial) given name and a surname.
    pub fn is_full(&self) -> bool {
        self.given.first().is_some_and(|g| !g.initial) && self.surname_heads().next().is_some()
    }

    /// Whether nothing of a name is left (empty input, or only titles).
    pub fn is_empty(&self) -> bool {
        self.given.is_empty() && self.surname.is_empty() && self.patronymic.is_none()
    }

    /// The surname parts that are not particles.
    pub fn surname_heads(&self) -> impl Iterator<Item = &NamePart> {
        self.surname.iter().filter(|p| !p.particle)
    }

    /// The first given name, if any.
    pub fn first_given(&self) -> Option<&NamePart> {
        self.given.first()
    }

    /// The second given slot: the patronymic, or else the first middle name.
    pub fn secondary(&self) -> Option<&NamePart> {
        self.patronymic.as_ref().or_else(|| self.given.get(1))
    }

    /// How much of a name is there: 4 for a full first given name (1 for an
    /// initial), 2 for a full patronymic or middle name (1 for an initial),
    /// 1 for a surname.
    pub fn specificity(&self) -> u8 {
        let mut s = 0;
        if let Some(g) = self.given.first() {
            s += if g.initial { 1 } else { 4 };
        }
        if let Some(p) = self.secondary() {
            s += if p.initial { 1 } else { 2 };
        }
        if self.surname_heads().next().is_some() {
            s += 1;
        }
        s
    }

    /// The name without titles or suffix, in its written order and script.
    pub fn name(&self) -> String {
        let native = matches!(self.source, Source::Han | Source::Hangul | Source::Kana)
            && self.culture != Culture::European;
        self.join(|p| &p.text, self.order, if native { "" } else { " " })
    }

    /// The name in Latin letters, given name first (`Sergey Kuzhugetovich
    /// Shoigu`; Chinese, Korean and Vietnamese names stay surname first:
    /// `Li Shangfu`). Words written in capitals come back title-cased.
    pub fn romanized(&self) -> String {
        let order = match self.culture {
            Culture::Chinese | Culture::Korean | Culture::Vietnamese => NameOrder::SurnameFirst,
            _ => NameOrder::GivenFirst,
        };
        // Words in capitals (`SHOIGU`) come back title-cased.
        let s = self.join(|p| &p.latin, order, " ");
        s.split(' ')
            .map(|w| {
                let letters = w.chars().filter(|c| c.is_alphabetic()).count();
                if letters > 1
                    && w.chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase)
                {
                    title_case(w)
                } else {
                    w.to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn join(&self, field: impl Fn(&NamePart) -> &String, order: NameOrder, sep: &str) -> String {
        let mut words: Vec<&str> = Vec::new();
        let given = self.given.iter().map(&field).map(String::as_str);
        let patronymic = self.patronymic.iter().map(&field).map(String::as_str);
        let surname = self.surname.iter().map(&field).map(String::as_str);
        match order {
            NameOrder::GivenFirst => {
                words.extend(given);
                words.extend(patronymic);
                words.extend(surname);
            }
            NameOrder::SurnameFirst => {
                words.extend(surname);
                words.extend(given);
                words.extend(patronymic);
            }
        }
        words.join(sep)
    }
}

impl fmt::Display for ParsedName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic() && c != '\'';
    }
    out
}

/// Options of a [`Parser`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ParserOptions {
    /// Repair homoglyphs, keyboard-layout slips and invisible characters
    /// before parsing (default on).
    pub repair: bool,
    /// The transliteration schemes per source script.
    pub romanization: Romanization,
}

impl Default for ParserOptions {
    fn default() -> Self {
        ParserOptions {
            repair: true,
            romanization: Romanization::default(),
        }
    }
}

/// Parses names. Build it once and share it: it holds the repair stage and
/// the transliteration schemes.
///
/// ```
/// use polynorm_names::{NameOrder, OrderCue, Parser};
///
/// let parser = Parser::default();
/// let name = parser.parse("SHOIGU Sergey Kuzhugetovich");
/// assert_eq!(name.surname[0].text, "SHOIGU");
/// assert_eq!(name.given[0].text, "Sergey");
/// assert_eq!(name.patronymic.as_ref().map(|p| p.text.as_str()), Some("Kuzhugetovich"));
/// assert_eq!((name.order, name.cue), (NameOrder::SurnameFirst, OrderCue::Capitals));
///
/// let name = parser.parse("Russian Defense Minister Sergeн Shoigu");
/// assert_eq!(name.titles, ["Russian Defense Minister"]);
/// assert_eq!(name.romanized(), "Sergey Shoigu");
/// ```
#[derive(Debug, Clone)]
pub struct Parser {
    options: ParserOptions,
    mixed: MixedScript,
}

impl Default for Parser {
    fn default() -> Self {
        Parser::new(ParserOptions::default())
    }
}

/// One token of the input.
#[derive(Debug, Clone)]
struct Token {
    text: String,
    comma_after: bool,
}

/// A token with the facts the role assignment needs.
#[derive(Debug, Clone)]
struct Core {
    text: String,
    initial: bool,
    particle: bool,
    caps: bool,
    comma_after: bool,
}

impl Parser {
    /// A parser with `options`.
    pub fn new(options: ParserOptions) -> Parser {
        let mut mixed = MixedScript::new(MixedScriptOptions::default());
        // Known given names are good candidates for a repair and are never changed.
        mixed.add_words(
            crate::tables::given::MEMBERS
                .iter()
                .map(|(n, _, _)| *n)
                .filter(|n| n.len() > 2 && !n.contains(' ')),
        );
        Parser { options, mixed }
    }

    /// The options in force.
    pub fn options(&self) -> &ParserOptions {
        &self.options
    }

    /// Parses one name on its own.
    pub fn parse(&self, input: &str) -> ParsedName {
        self.parse_in(input, None)
    }

    /// Parses one name, judging repairs by the words of `context` (the
    /// document or batch the name comes from: `Sergeн` is repaired to `Sergey`
    /// when the context spells it so).
    pub fn parse_in(&self, input: &str, context: Option<&DocumentContext>) -> ParsedName {
        let (text, repairs) = self.repair(input, context);
        let source = Source::of(&text);
        let has_latin = text.chars().any(|c| c.is_ascii_alphabetic());
        if source.surname_first() && !has_latin {
            return self.parse_cjk(input, &text, repairs, source);
        }
        self.parse_tokens(input, &text, repairs, source)
    }

    /// Hygiene and mixed-script repair; returns the text and the number of changes.
    pub(crate) fn repair(&self, input: &str, context: Option<&DocumentContext>) -> (String, usize) {
        if !self.options.repair {
            return (input.trim().to_owned(), 0);
        }
        let cleaned = polynorm_repair::clean(input);
        let mut repairs = cleaned.changes.len();
        let text = cleaned.text;
        // Mixed-script repair only where scripts mix: a name in one script has
        // no lookalike or layout slip to repair, and the whole-line layout
        // judge can misread a short line of unknown words (`M. S. Gorbachev`).
        let fixed = if text.is_ascii() || polynorm_script::is_single_script(&text) {
            text.into_owned()
        } else {
            let empty = DocumentContext::new();
            let r = self.mixed.apply(&text, context.unwrap_or(&empty));
            repairs += r.changes.len();
            r.text.into_owned()
        };
        let (fixed, retyped) = retype_cyrillic_tails(&fixed);
        (fixed.trim().to_owned(), repairs + retyped)
    }

    fn romanize_part(
        &self,
        text: &str,
        source: Source,
        culture: Culture,
        initial: bool,
        particle: bool,
    ) -> NamePart {
        let src = if source == Source::Latin {
            Source::Latin
        } else {
            Source::of(text)
        };
        let all = self.options.romanization.all(text, src);
        let latin = all.first().cloned().unwrap_or_else(|| text.to_owned());
        let mut keys: Vec<String> = Vec::new();
        for r in &all {
            let k = key_of(r, culture, initial);
            if !k.is_empty() && !keys.contains(&k) {
                keys.push(k);
            }
        }
        if keys.is_empty() {
            keys.push(fold::ascii(text));
        }
        let key = keys.remove(0);
        let lexicon = if culture == Culture::European && !initial && !particle {
            GivenInfo::of(&key, &keys)
        } else {
            GivenInfo::default()
        };
        NamePart {
            text: text.to_owned(),
            ascii: fold::ascii(&latin),
            latin,
            key,
            alt_keys: keys,
            initial,
            particle,
            lexicon,
        }
    }

    /// Han, Hangul and kana names written without Latin letters.
    fn parse_cjk(&self, input: &str, text: &str, repairs: usize, source: Source) -> ParsedName {
        let mut titles = Vec::new();
        let mut rest: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        strip_cjk_titles(&mut rest, &mut titles);
        let culture = match source {
            Source::Hangul => Culture::Korean,
            Source::Kana => Culture::Japanese,
            _ => Culture::Chinese,
        };
        let mut name = ParsedName {
            input: input.to_owned(),
            text: text.to_owned(),
            repairs,
            source,
            culture,
            titles,
            given: Vec::new(),
            patronymic: None,
            surname: Vec::new(),
            suffix: None,
            order: NameOrder::SurnameFirst,
            cue: OrderCue::Script,
        };
        if rest.is_empty() {
            return name;
        }
        // Foreign names in Chinese or Japanese script are given-first with a middle dot.
        if rest.contains(['·', '・', '•']) {
            let parts: Vec<&str> = rest
                .split(['·', '・', '•'])
                .filter(|s| !s.is_empty())
                .collect();
            if let Some((last, first)) = parts.split_last() {
                name.culture = Culture::European;
                name.order = NameOrder::GivenFirst;
                for g in first {
                    let latin = self
                        .options
                        .romanization
                        .display(g, source)
                        .replace(' ', "");
                    name.given.push(self.cjk_part(g, &latin, Culture::European));
                }
                let latin = self
                    .options
                    .romanization
                    .display(last, source)
                    .replace(' ', "");
                name.surname
                    .push(self.cjk_part(last, &latin, Culture::European));
            }
            return name;
        }
        let chars: Vec<char> = rest.chars().collect();
        let split = match source {
            Source::Han => {
                let two: String = chars.iter().take(2).collect();
                if chars.len() > 2 && lexicon::zh_surname_han(&two).is_some() {
                    2
                } else {
                    1
                }
            }
            Source::Hangul => {
                let two: String = chars.iter().take(2).collect();
                if chars.len() > 2 && lexicon::ko_surname_hangul(&two).is_some() {
                    2
                } else {
                    1
                }
            }
            _ => 0,
        };
        if split == 0 || chars.len() < 2 {
            // Kana, or a single character: one part.
            let latin = self
                .options
                .romanization
                .display(&rest, source)
                .into_owned();
            name.surname.push(self.cjk_part(&rest, &latin, culture));
            name.cue = OrderCue::Single;
            return name;
        }
        let surname: String = chars.iter().take(split).collect();
        let given: String = chars.iter().skip(split).collect();
        #[allow(clippy::single_match_else, reason = "Han, else Hangul")]
        match source {
            Source::Han => {
                let sur_py = lexicon::zh_surname_han(&surname).map_or_else(
                    || fold::ascii(&self.options.romanization.display(&surname, Source::Han)),
                    str::to_owned,
                );
                let given_latin = self.han_given_latin(&given);
                let mut s = self.cjk_part(&surname, &capitalize(&sur_py), Culture::Chinese);
                s.key.clone_from(&sur_py);
                name.surname.push(s);
                let mut g = self.cjk_part(&given, &capitalize(&given_latin), Culture::Chinese);
                g.key = fold::ascii(&given_latin);
                name.given.push(g);
            }
            _ => {
                let sur_rr = lexicon::ko_surname_hangul(&surname).map_or_else(
                    || {
                        self.options
                            .romanization
                            .display(&surname, Source::Hangul)
                            .into_owned()
                    },
                    str::to_owned,
                );
                let full = self
                    .options
                    .romanization
                    .display(&rest, Source::Hangul)
                    .into_owned();
                let display_surname = full.split(' ').next().unwrap_or(&sur_rr).to_owned();
                let given_latin: String = full.split(' ').skip(1).collect::<Vec<_>>().join("");
                let mut s = self.cjk_part(&surname, &display_surname, Culture::Korean);
                s.key = fold::korean(&sur_rr);
                let alt = fold::korean(&display_surname);
                if alt != s.key {
                    s.alt_keys.push(alt);
                }
                name.surname.push(s);
                let given_latin = if given_latin.is_empty() {
                    self.options
                        .romanization
                        .display(&given, Source::Hangul)
                        .into_owned()
                } else {
                    given_latin
                };
                name.given
                    .push(self.cjk_part(&given, &capitalize(&given_latin), Culture::Korean));
            }
        }
        name
    }

    /// The pinyin of a Han given name, syllables joined: `尚福` → `shangfu`.
    fn han_given_latin(&self, given: &str) -> String {
        let text = match self.options.romanization.schemes(Source::Han).first() {
            Some(s) => s.transliterate(given).into_owned(),
            None => self
                .options
                .romanization
                .display(given, Source::Han)
                .into_owned(),
        };
        text.split_whitespace().collect::<Vec<_>>().join("")
    }

    #[allow(clippy::unused_self, reason = "a method like romanize_part")]
    fn cjk_part(&self, text: &str, latin: &str, culture: Culture) -> NamePart {
        let key = key_of(latin, culture, false);
        NamePart {
            text: text.to_owned(),
            latin: latin.to_owned(),
            ascii: fold::ascii(latin),
            key: if key.is_empty() {
                fold::ascii(latin)
            } else {
                key
            },
            alt_keys: Vec::new(),
            initial: false,
            particle: false,
            lexicon: GivenInfo::default(),
        }
    }

    /// Names in Latin, Cyrillic, Greek and other alphabets.
    fn parse_tokens(&self, input: &str, text: &str, repairs: usize, source: Source) -> ParsedName {
        let tokens = tokenize(text);
        let mut name = ParsedName {
            input: input.to_owned(),
            text: text.to_owned(),
            repairs,
            source,
            culture: Culture::European,
            titles: Vec::new(),
            given: Vec::new(),
            patronymic: None,
            surname: Vec::new(),
            suffix: None,
            order: NameOrder::GivenFirst,
            cue: OrderCue::Default,
        };
        let (start, end) = strip_titles(&tokens, &mut name.titles);
        let mut core_tokens: Vec<Token> = tokens.get(start..end).unwrap_or(&[]).to_vec();
        // A generational suffix at the end (possibly after a comma).
        if core_tokens.len() > 1 {
            if let Some(last) = core_tokens.last() {
                if lexicon::suffix(&last.text.to_lowercase()).is_some()
                    && !is_roman_initial_only(&core_tokens)
                {
                    name.suffix = Some(last.text.clone());
                    core_tokens.pop();
                    if let Some(prev) = core_tokens.last_mut() {
                        prev.comma_after = false;
                    }
                }
            }
        }
        // Post-titles (`Shoigu-san` is not handled; `Xi Jinping 主席` is).
        while core_tokens.len() > 1
            && core_tokens
                .last()
                .is_some_and(|t| lexicon::title(&t.text.to_lowercase()).is_some_and(|k| k.post))
        {
            if let Some(t) = core_tokens.pop() {
                name.titles.push(t.text);
            }
        }
        let cores = classify(&core_tokens);
        if cores.is_empty() {
            return name;
        }
        self.assign_roles(&mut name, &cores, source);
        name
    }

    fn assign_roles(&self, name: &mut ParsedName, cores: &[Core], source: Source) {
        let heads: Vec<usize> = (0..cores.len())
            .filter(|&i| cores.get(i).is_some_and(|c| !c.particle))
            .collect();
        let n = heads.len();
        let part = |i: usize, culture: Culture| -> NamePart {
            let c = cores.get(i).map_or(("", false, false), |c| {
                (c.text.as_str(), c.initial, c.particle)
            });
            self.romanize_part(c.0, source, culture, c.1, c.2)
        };
        if n == 1 {
            // One name token (with particles): surname or given, unknown.
            name.cue = OrderCue::Single;
            for i in 0..cores.len() {
                let mut p = part(i, Culture::European);
                if !p.particle {
                    add_sole_keys(&mut p);
                }
                name.surname.push(p);
            }
            return;
        }
        let latin_of = |i: usize| -> String {
            let t = cores.get(i).map_or("", |c| c.text.as_str());
            let src = Source::of(t);
            fold::ascii(&self.options.romanization.display(t, src))
        };
        let is_initial = |i: usize| cores.get(i).is_some_and(|c| c.initial);
        let is_caps = |i: usize| cores.get(i).is_some_and(|c| c.caps);

        // Decide (order, cue, surname head indices) by the strongest cue.
        let comma = heads
            .iter()
            .position(|&i| cores.get(i).is_some_and(|c| c.comma_after));
        let full: Vec<usize> = heads.iter().copied().filter(|&i| !is_initial(i)).collect();
        let caps: Vec<usize> = full.iter().copied().filter(|&i| is_caps(i)).collect();
        let patronymic_at = |pos: usize| -> bool {
            heads
                .get(pos)
                .is_some_and(|&i| !is_initial(i) && looks_patronymic(&latin_of(i)))
        };
        let mut culture = Culture::European;
        let mut order = NameOrder::GivenFirst;
        let mut cue = OrderCue::Default;
        let mut surname_count = 1usize;
        if let Some(c) = comma.filter(|&c| c + 1 < n) {
            order = NameOrder::SurnameFirst;
            cue = OrderCue::Comma;
            surname_count = c + 1;
        } else if !caps.is_empty() && caps.len() < full.len() {
            let first_caps = heads
                .iter()
                .position(|&i| i == caps.first().copied().unwrap_or(usize::MAX))
                .unwrap_or(0);
            cue = OrderCue::Capitals;
            surname_count = caps.len();
            order = if first_caps == 0 {
                NameOrder::SurnameFirst
            } else {
                NameOrder::GivenFirst
            };
        } else if full.len() == 1 && n > 1 {
            cue = OrderCue::Initials;
            let pos = heads.iter().position(|&i| !is_initial(i)).unwrap_or(0);
            order = if pos == 0 {
                NameOrder::SurnameFirst
            } else {
                NameOrder::GivenFirst
            };
        } else if n == 3 && patronymic_at(1) && !patronymic_at(2) {
            cue = OrderCue::Patronymic;
        } else if n == 3 && patronymic_at(2) && !patronymic_at(1) {
            cue = OrderCue::Patronymic;
            order = NameOrder::SurnameFirst;
        } else if let Some((c, o)) = detect_culture(&heads, &latin_of, name.text.as_str()) {
            culture = c;
            order = o;
            cue = OrderCue::SurnameList;
        } else if n == 2 {
            let first = fold::euro(&latin_of(heads.first().copied().unwrap_or(0)));
            let second = fold::euro(&latin_of(heads.get(1).copied().unwrap_or(0)));
            if !lexicon::is_given_name(&first) && lexicon::is_given_name(&second) {
                order = NameOrder::SurnameFirst;
                cue = OrderCue::GivenNameList;
            }
        }
        // Culture for names whose order a stronger cue decided: look at the surname.
        if culture == Culture::European && cue != OrderCue::Patronymic {
            let surname_head = match order {
                NameOrder::SurnameFirst => heads.first(),
                NameOrder::GivenFirst => heads.last(),
            };
            if let Some(&s) = surname_head {
                let key: String = latin_of(s);
                let given: Vec<usize> = heads
                    .iter()
                    .copied()
                    .filter(|&i| i != s && !is_initial(i))
                    .collect();
                if !given.is_empty() {
                    culture = culture_of(
                        &key,
                        &given.iter().map(|&i| latin_of(i)).collect::<Vec<_>>(),
                        &name.text,
                    );
                }
            }
        }
        name.order = order;
        name.cue = cue;
        name.culture = culture;

        // Split the head indices into surname and the rest (given order kept).
        let surname_heads: Vec<usize> = match order {
            NameOrder::SurnameFirst => heads.iter().copied().take(surname_count).collect(),
            NameOrder::GivenFirst => {
                if cue == OrderCue::Capitals {
                    caps.clone()
                } else {
                    heads
                        .iter()
                        .copied()
                        .skip(n.saturating_sub(surname_count))
                        .collect()
                }
            }
        };
        let rest: Vec<usize> = heads
            .iter()
            .copied()
            .filter(|i| !surname_heads.contains(i))
            .collect();
        // Surname parts: each head with the particles right before it.
        for &h in &surname_heads {
            let mut j = h;
            while j > 0 && cores.get(j - 1).is_some_and(|c| c.particle) {
                j -= 1;
            }
            for i in j..=h {
                name.surname.push(part(i, culture));
            }
        }
        // Given, middle and patronymic.
        let mut given: Vec<NamePart> = rest.iter().map(|&i| part(i, culture)).collect();
        if culture == Culture::Vietnamese && given.len() > 1 {
            // The personal name is the last one; the others are middle names.
            if let Some(last) = given.pop() {
                given.insert(0, last);
            }
        }
        if given.len() >= 2 && culture == Culture::European {
            let candidate = if order == NameOrder::SurnameFirst
                || cue == OrderCue::Capitals
                || cue == OrderCue::Comma
            {
                given.len() - 1
            } else {
                1
            };
            let is_patronymic = given
                .get(candidate)
                .is_some_and(|p| !p.initial && looks_patronymic(&fold::ascii(&p.latin)))
                || (cue == OrderCue::Initials
                    && given.len() == 2
                    && given.iter().all(|p| p.initial)
                    && (source.is_cyrillic() || looks_slavic(&name.surname)));
            if is_patronymic {
                name.patronymic = Some(given.remove(candidate));
            }
        }
        if matches!(culture, Culture::Chinese | Culture::Korean)
            && given.len() > 1
            && given.iter().all(|p| !p.initial)
        {
            // `Jin Ping`, `Jong Un`: one given name written in two words.
            let text = given
                .iter()
                .map(|p| p.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let joined = given
                .iter()
                .map(|p| p.latin.as_str())
                .collect::<Vec<_>>()
                .join("-");
            let mut p = self.romanize_part(&joined, Source::Latin, culture, false, false);
            p.text = text;
            given = vec![p];
        }
        name.given = given;
        enrich_keys(name);
    }
}

/// Adds the keys of Chinese and Korean names that depend on the whole
/// name: surname spellings from the surname lists (`Chou` → `zhou`, `Lee` →
/// `이` → `i`), and Wade-Giles readings of every syllable when any syllable
/// is Wade-Giles (`Teng` in `Teng Hsiao-p'ing` is `deng`).
fn enrich_keys(name: &mut ParsedName) {
    let add = |p: &mut NamePart, k: String| {
        if !k.is_empty() && p.key != k && !p.alt_keys.contains(&k) {
            p.alt_keys.push(k);
        }
    };
    match name.culture {
        Culture::Chinese => {
            let is_wg = |p: &NamePart| {
                p.latin
                    .split(['-', ' '])
                    .filter(|c| !c.is_empty())
                    .any(|chunk| {
                        let plain: String = chunk
                            .chars()
                            .filter(|c| c.is_alphabetic())
                            .flat_map(char::to_lowercase)
                            .collect();
                        fold::pinyin_syllables(&plain).is_none()
                            && fold::wade_giles_syllables(&chunk.to_lowercase().replace('’', "'"))
                                .is_some()
                    })
            };
            // A surname spelt other than in pinyin (`Chin` for `Qin`) means the
            // whole name is romanized another way.
            let other_surname = name
                .surname
                .iter()
                .filter(|p| !p.particle && !p.initial)
                .any(|p| {
                    let k = lower_latin_key(&p.latin);
                    let mut readings = lexicon::zh_surname_latin(&k).peekable();
                    readings.peek().is_some() && readings.all(|py| py != k)
                });
            let wg = other_surname
                || name
                    .given
                    .iter()
                    .chain(name.surname.iter())
                    .any(|p| !p.initial && is_wg(p));
            for p in name
                .surname
                .iter_mut()
                .filter(|p| !p.particle && !p.initial)
            {
                let k = lower_latin_key(&p.latin);
                for py in lexicon::zh_surname_latin(&k) {
                    add(p, py.to_owned());
                }
                if wg {
                    for k in chinese_keys_in(&p.latin, true) {
                        add(p, k);
                    }
                }
            }
            for p in name.given.iter_mut().filter(|p| !p.initial) {
                for k in chinese_keys_in(&p.latin, wg) {
                    add(p, k);
                }
            }
        }
        Culture::Korean => {
            for p in name
                .surname
                .iter_mut()
                .filter(|p| !p.particle && !p.initial)
            {
                let k = lower_latin_key(&p.latin);
                let found: Vec<&str> = lexicon::ko_surname_latin(&k).collect();
                for h in found {
                    if let Some(rr) = lexicon::ko_surname_hangul(h) {
                        add(p, fold::korean(rr));
                    }
                }
            }
        }
        _ => {}
    }
}

/// The keyboard-layout slip the repair stage leaves when a document gives it
/// no evidence: a Latin word whose last one or two letters are Cyrillic
/// (`Chianп`, `Jieshш`) was typed with the Russian layout switched on too
/// early; the Cyrillic letters are re-typed on the same keys of QWERTY.
/// Returns the text and how many words changed.
fn retype_cyrillic_tails(text: &str) -> (String, usize) {
    const JCUKEN: &str = "йцукенгшщзфывапролдячсмить";
    const QWERTY: &str = "qwertyuiopasdfghjklzxcvbnm";
    let key = |c: char| -> Option<char> {
        let lower = c.to_lowercase().next().unwrap_or(c);
        let i = JCUKEN.chars().position(|k| k == lower)?;
        QWERTY.chars().nth(i)
    };
    let mut changed = 0;
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let cyr_tail: Vec<char> = word
            .chars()
            .rev()
            .take_while(|c| {
                matches!(
                    polynorm_script::script(*c),
                    polynorm_script::Script::Cyrillic
                )
            })
            .collect();
        let head_len = word.len() - cyr_tail.iter().map(|c| c.len_utf8()).sum::<usize>();
        let head = word.get(..head_len).unwrap_or("");
        let latin_head = head.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && head
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(|c| polynorm_script::script(c) == polynorm_script::Script::Latin);
        if latin_head
            && (1..=2).contains(&cyr_tail.len())
            && cyr_tail.iter().all(|c| key(*c).is_some())
        {
            out.push_str(head);
            out.extend(cyr_tail.iter().rev().filter_map(|c| key(*c)));
            changed += 1;
        } else {
            out.push_str(word);
        }
    }
    (out, changed)
}

/// Adds the keys a bare token would have as a Chinese or Korean surname.
fn add_sole_keys(p: &mut NamePart) {
    let k = lower_latin_key(&p.latin);
    for py in lexicon::zh_surname_latin(&k) {
        if py != p.key && !p.alt_keys.iter().any(|a| a == py) {
            p.alt_keys.push(py.to_owned());
        }
    }
    for h in lexicon::ko_surname_latin(&k) {
        if let Some(rr) = lexicon::ko_surname_hangul(h) {
            let kk = fold::korean(rr);
            if kk != p.key && !p.alt_keys.contains(&kk) {
                p.alt_keys.push(kk);
            }
        }
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// Lower case without apostrophes, hyphens and spaces; `ü` as `v`.
pub(crate) fn lower_latin_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\'' | '’' | '-' | ' ' | 'ʼ' | 'ʻ' => {}
            'ü' | 'Ü' => out.push('v'),
            _ => fold::fold_ascii(c.encode_utf8(&mut [0; 4]), &mut out),
        }
    }
    out
}

/// The key of a romanized part for a culture.
pub(crate) fn key_of(latin: &str, culture: Culture, initial: bool) -> String {
    if initial {
        let mut k = fold::euro(latin);
        k.truncate(k.chars().next().map_or(0, char::len_utf8));
        return k;
    }
    match culture {
        Culture::Chinese => {
            // The pinyin of every chunk, joined.
            chinese_keys(latin).into_iter().next().unwrap_or_default()
        }
        Culture::Korean => fold::korean(latin),
        Culture::Vietnamese => fold::ascii(latin),
        Culture::European | Culture::Japanese => fold::euro(latin),
    }
}

/// The pinyin readings of a romanized Chinese name part (`Chin-p'ing` →
/// `jinping`, `qinping`), main reading first, at most eight.
pub(crate) fn chinese_keys(latin: &str) -> Vec<String> {
    chinese_keys_in(latin, false)
}

/// [`chinese_keys`]; with `wade_giles`, syllables that are valid pinyin are
/// also read as Wade-Giles (the name has other Wade-Giles syllables).
pub(crate) fn chinese_keys_in(latin: &str, wade_giles: bool) -> Vec<String> {
    let lower: String = latin.chars().flat_map(char::to_lowercase).collect();
    let chunks: Vec<String> = lower
        .split(['-', ' '])
        .filter(|c| !c.is_empty())
        .map(|c| {
            let mut s = String::new();
            for ch in c.chars() {
                if ch == '\'' || ch == '’' {
                    s.push('\'');
                } else if ch == 'ü' {
                    s.push('v');
                } else {
                    fold::fold_ascii(ch.encode_utf8(&mut [0; 4]), &mut s);
                }
            }
            s
        })
        .collect();
    let plain: Vec<String> = chunks.iter().map(|c| c.replace('\'', "")).collect();
    // An apostrophe before anything but a, e, o is Wade-Giles aspiration, not pinyin.
    let aspirated = chunks.iter().any(|c| {
        c.split('\'')
            .skip(1)
            .any(|rest| !rest.starts_with(['a', 'e', 'o']))
    });
    let all_pinyin =
        !wade_giles && !aspirated && plain.iter().all(|c| fold::pinyin_syllables(c).is_some());
    let mut combos: Vec<String> = vec![String::new()];
    for (chunk, plain) in chunks.iter().zip(&plain) {
        let mut options: Vec<String> = Vec::new();
        if fold::pinyin_syllables(plain).is_some() {
            options.push(plain.clone());
        }
        if !all_pinyin {
            if let Some(sy) = fold::wade_giles_syllables(chunk) {
                let mut partial: Vec<String> = vec![String::new()];
                for s in sy {
                    let readings = fold::wade_giles_to_pinyin(s);
                    let mut next = Vec::new();
                    for p in &partial {
                        for r in &readings {
                            if next.len() < 8 {
                                next.push(format!("{p}{r}"));
                            }
                        }
                    }
                    partial = next;
                }
                for p in partial {
                    if !options.contains(&p) {
                        options.push(p);
                    }
                }
            }
        }
        if options.is_empty() {
            options.push(plain.clone());
        }
        let mut next = Vec::new();
        for c in &combos {
            for o in &options {
                if next.len() < 8 {
                    next.push(format!("{c}{o}"));
                }
            }
        }
        combos = next;
    }
    combos.retain(|c| !c.is_empty());
    combos.dedup();
    combos
}

/// Whether a folded ASCII word looks like an East Slavic patronymic.
fn looks_patronymic(ascii: &str) -> bool {
    const ENDINGS: [&str; 10] = [
        "ovich", "evich", "ovych", "evych", "vitch", "witsch", "ovna", "evna", "ichna", "ivna",
    ];
    ascii.len() > 5 && ENDINGS.iter().any(|e| ascii.ends_with(e))
}

/// Whether a surname looks East Slavic (for reading two initials as given
/// name and patronymic).
fn looks_slavic(surname: &[NamePart]) -> bool {
    const ENDINGS: [&str; 14] = [
        "ov", "ev", "in", "yn", "sky", "ski", "skiy", "ko", "uk", "chuk", "ova", "eva", "ina",
        "aya",
    ];
    surname.iter().filter(|p| !p.particle).any(|p| {
        let a = fold::ascii(&p.latin);
        ENDINGS.iter().any(|e| a.ends_with(e))
    })
}

/// Whether the text uses letters only Vietnamese uses.
fn has_vietnamese_marks(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(
            c.to_lowercase().next().unwrap_or(c),
            'ơ' | 'ư'
                | 'ă'
                | 'đ'
                | 'ạ'
                | 'ả'
                | 'ấ'
                | 'ầ'
                | 'ẩ'
                | 'ẫ'
                | 'ậ'
                | 'ắ'
                | 'ằ'
                | 'ẳ'
                | 'ẵ'
                | 'ặ'
                | 'ẹ'
                | 'ẻ'
                | 'ẽ'
                | 'ế'
                | 'ề'
                | 'ể'
                | 'ễ'
                | 'ệ'
                | 'ỉ'
                | 'ị'
                | 'ọ'
                | 'ỏ'
                | 'ố'
                | 'ồ'
                | 'ổ'
                | 'ỗ'
                | 'ộ'
                | 'ớ'
                | 'ờ'
                | 'ở'
                | 'ỡ'
                | 'ợ'
                | 'ụ'
                | 'ủ'
                | 'ứ'
                | 'ừ'
                | 'ử'
                | 'ữ'
                | 'ự'
                | 'ỳ'
                | 'ỵ'
                | 'ỷ'
                | 'ỹ'
        )
    })
}

/// Whether romanized given-name words read as Chinese (pinyin or Wade-Giles).
fn reads_chinese(given: &[String]) -> bool {
    given.iter().all(|g| {
        g.split(['-', ' ']).filter(|c| !c.is_empty()).all(|chunk| {
            let plain: String = chunk.chars().filter(|c| *c != '\'').collect();
            fold::pinyin_syllables(&plain).is_some() || fold::wade_giles_syllables(chunk).is_some()
        })
    })
}

/// Whether romanized given-name words read as Chinese allowing a typo: all
/// but at most two letters of each word are covered by pinyin syllables
/// read from the start.
fn reads_chinese_loosely(given: &[String]) -> bool {
    reads_chinese(given)
        || given.iter().all(|g| {
            let plain: String = g.chars().filter(char::is_ascii_alphabetic).collect();
            let mut rest = plain.as_str();
            while !rest.is_empty() {
                let step = (1..=6.min(rest.len()))
                    .rev()
                    .find(|&n| rest.get(..n).is_some_and(fold::is_pinyin));
                match step {
                    Some(n) => rest = rest.get(n..).unwrap_or(""),
                    None => break,
                }
            }
            plain.len() >= 4 && rest.len() <= 2
        })
}

/// Whether romanized given-name words read as Korean rather than Chinese.
fn reads_korean(given: &[String], text: &str) -> bool {
    let hyphenated = text.contains('-');
    let markers = given.iter().any(|g| {
        let a = fold::ascii(g);
        ["eo", "eu", "ae", "oe", "yeo", "ui"]
            .iter()
            .any(|m| a.contains(m))
    });
    hyphenated || markers || !reads_chinese(given)
}

/// The culture of a name given its surname (folded Latin) and given words.
fn culture_of(surname: &str, given: &[String], text: &str) -> Culture {
    let key = lower_latin_key(surname);
    // McCune-Reischauer breves and RR vowel spellings are Korean, whatever pinyin might read.
    let korean_marks = text.chars().any(|c| matches!(c, 'ŏ' | 'ŭ' | 'Ŏ' | 'Ŭ'))
        || given.iter().any(|g| {
            let a = fold::ascii(g);
            a.contains("eo") || a.contains("eu")
        });
    if lexicon::is_ko_surname_latin(&key) && korean_marks {
        return Culture::Korean;
    }
    if lexicon::is_ko_surname_latin(&key) && reads_korean(given, text) && !reads_chinese(given) {
        return Culture::Korean;
    }
    if lexicon::is_zh_surname_latin(&key) && reads_chinese(given) {
        return Culture::Chinese;
    }
    if lexicon::is_zh_surname_latin(&key)
        && !lexicon::is_ko_surname_latin(&key)
        && reads_chinese_loosely(given)
    {
        return Culture::Chinese;
    }
    if lexicon::is_ko_surname_latin(&key) && reads_korean(given, text) {
        return Culture::Korean;
    }
    if lexicon::is_vi_surname_ascii(&key) && (given.len() >= 2 || has_vietnamese_marks(text)) {
        return Culture::Vietnamese;
    }
    Culture::European
}

/// A surname-list cue: a Chinese, Korean or Vietnamese surname at one end
/// of a name whose other words read as that culture's given names.
fn detect_culture(
    heads: &[usize],
    latin_of: &dyn Fn(usize) -> String,
    text: &str,
) -> Option<(Culture, NameOrder)> {
    let first = *heads.first()?;
    let last = *heads.last()?;
    let words = |skip: usize| -> Vec<String> {
        heads
            .iter()
            .copied()
            .filter(|&i| i != skip)
            .map(latin_of)
            .collect()
    };
    let c = culture_of(&latin_of(first), &words(first), text);
    if c != Culture::European {
        return Some((c, NameOrder::SurnameFirst));
    }
    if heads.len() == 2 {
        let c = culture_of(&latin_of(last), &words(last), text);
        if matches!(c, Culture::Chinese | Culture::Korean) {
            return Some((c, NameOrder::GivenFirst));
        }
    }
    None
}

/// Splits a name string into tokens: white space and commas separate;
/// `S.K.` is two initials; quoted or bracketed words (nicknames) are dropped;
/// `al-Assad` is the particle `al` and `Assad`.
fn tokenize(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut depth = 0u32;
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut Vec<Token>, comma: bool| {
        let w = word.trim_matches(|c: char| {
            matches!(
                c,
                '"' | '“' | '”' | '«' | '»' | '\'' | '‘' | '’' | ';' | ':' | '!' | '?'
            )
        });
        if !w.is_empty() {
            for t in split_initials(w) {
                out.push(Token {
                    text: t,
                    comma_after: false,
                });
            }
        }
        word.clear();
        if comma {
            if let Some(last) = out.last_mut() {
                last.comma_after = true;
            }
        }
    };
    for c in text.chars() {
        match c {
            '(' | '[' | '{' => {
                flush(&mut word, &mut out, false);
                depth += 1;
            }
            ')' | ']' | '}' => {
                word.clear();
                depth = depth.saturating_sub(1);
            }
            _ if depth > 0 => {}
            ',' => flush(&mut word, &mut out, true),
            c if c.is_whitespace() => flush(&mut word, &mut out, false),
            _ => word.push(c),
        }
    }
    flush(&mut word, &mut out, false);
    // Particles written joined: al-Assad, el-Sisi, bin-Laden.
    let mut split = Vec::with_capacity(out.len());
    for t in out {
        if let Some((head, tail)) = t.text.split_once(['-', '\'', '’']) {
            let tail = tail.trim_start_matches(['-', '\'', '’']);
            let lower = head.to_lowercase();
            if matches!(
                lower.as_str(),
                "al" | "el"
                    | "ad"
                    | "as"
                    | "ash"
                    | "at"
                    | "az"
                    | "ar"
                    | "an"
                    | "bin"
                    | "ibn"
                    | "abd"
                    | "d"
            ) && tail.chars().next().is_some_and(char::is_uppercase)
            {
                split.push(Token {
                    text: head.to_owned(),
                    comma_after: false,
                });
                split.push(Token {
                    text: tail.to_owned(),
                    comma_after: t.comma_after,
                });
                continue;
            }
        }
        split.push(t);
    }
    split
}

/// `S.K.` → `S.`, `K.`; `В.В.` → `В.`, `В.`; anything else as it is.
fn split_initials(word: &str) -> Vec<String> {
    let pieces: Vec<&str> = word.split_inclusive('.').collect();
    if pieces.len() > 1
        && pieces.iter().all(|p| {
            let letters = p.trim_end_matches('.');
            !letters.is_empty()
                && letters.chars().count() <= 3
                && letters.chars().all(char::is_alphabetic)
                && p.ends_with('.')
        })
    {
        return pieces.iter().map(|p| (*p).to_owned()).collect();
    }
    vec![word.to_owned()]
}

fn is_roman_initial_only(tokens: &[Token]) -> bool {
    // `V` alone before a surname is an initial, not the suffix "the fifth".
    tokens.len() <= 1
}

/// Whether a token is a title word (any kind), ignoring a final period.
fn title_kinds(text: &str) -> Option<lexicon::TitleKinds> {
    let lower = text.to_lowercase();
    lexicon::title(&lower).or_else(|| lexicon::title(lower.trim_end_matches('.')))
}

/// A misspelt title head (`Pressident`, `Minitser`): one edit from a head of
/// five or more letters (two from one of nine or more), and not a known
/// given name.
fn fuzzy_title_head(text: &str) -> bool {
    use std::sync::OnceLock;
    static HEADS: OnceLock<Vec<&'static str>> = OnceLock::new();
    let heads = HEADS.get_or_init(|| {
        crate::tables::words::TITLES
            .iter()
            .filter(|(t, kind, _)| {
                *kind == 1 && t.chars().count() >= 5 && t.chars().all(char::is_alphabetic)
            })
            .map(|(t, _, _)| *t)
            .collect()
    });
    let lower = text.to_lowercase();
    let n = lower.chars().count();
    if n < 5
        || !lower.chars().all(char::is_alphabetic)
        || lexicon::is_given_name(&fold::euro(&lower))
    {
        return false;
    }
    heads.iter().any(|h| {
        let m = h.chars().count();
        m.abs_diff(n) <= 2 && crate::sim::edits(h, &lower) <= if m >= 9 { 2 } else { 1 }
    })
}

/// Moves leading titles into `titles`; returns the remaining token range.
/// A leading run of title words (and demonyms before them) is a title when
/// it contains a head word or an honorific and a name follows.
fn strip_titles(tokens: &[Token], titles: &mut Vec<String>) -> (usize, usize) {
    let mut i = 0;
    let mut last_title_end = 0;
    let mut has_head = false;
    while let Some(t) = tokens.get(i) {
        if i + 1 >= tokens.len() {
            break;
        }
        let lower = t.text.to_lowercase();
        // Multi-word titles first (`prime minister`, `министр обороны`).
        let mut matched = 0;
        for len in (2..=3).rev() {
            if let Some(span) = tokens.get(i..i + len) {
                let phrase = span
                    .iter()
                    .map(|t| t.text.to_lowercase())
                    .collect::<Vec<_>>()
                    .join(" ");
                if let Some(k) = lexicon::title(&phrase) {
                    if i + len < tokens.len() {
                        matched = len;
                        has_head |= k.head || k.honorific;
                    }
                    break;
                }
            }
        }
        if matched > 0 {
            i += matched;
            last_title_end = i;
            continue;
        }
        let demonym = lexicon::non_name(&lower).is_some_and(|k| (2..=6).contains(&k));
        let is_initial = |t: &Token| {
            let letters = t.text.chars().filter(|c| c.is_alphabetic()).count();
            letters == 1 && t.text.ends_with('.')
        };
        // `M.` (Monsieur) before another initial is an initial: `M. S. Gorbachev`.
        let kinds = title_kinds(&t.text)
            .filter(|_| !(is_initial(t) && tokens.get(i + 1).is_some_and(is_initial)))
            .or_else(|| {
                (i + 2 < tokens.len() && fuzzy_title_head(&t.text)).then_some(lexicon::TitleKinds {
                    honorific: false,
                    head: true,
                    modifier: false,
                    post: false,
                })
            });
        match kinds {
            Some(k) => {
                i += 1;
                // A modifier after a head belongs to it (`министр обороны`).
                if k.head || k.honorific || (has_head && k.modifier && last_title_end == i - 1) {
                    last_title_end = i;
                }
                has_head |= k.head || k.honorific;
            }
            None if demonym => i += 1,
            None => break,
        }
    }
    let end = tokens.len();
    if has_head && last_title_end > 0 {
        let phrase: Vec<&str> = tokens
            .get(..last_title_end)
            .unwrap_or(&[])
            .iter()
            .map(|t| t.text.as_str())
            .collect();
        titles.push(phrase.join(" "));
        (last_title_end, end)
    } else {
        (0, end)
    }
}

/// Removes Chinese, Japanese and Korean titles before or after a name
/// written without spaces (`国防部长李尚福`, `윤석열대통령`).
fn strip_cjk_titles(rest: &mut String, titles: &mut Vec<String>) {
    use crate::tables::words::TITLES;
    for _ in 0..3 {
        let mut best: Option<(&str, bool)> = None;
        for (t, kind, lang) in TITLES {
            if !matches!(*lang, "zh" | "ja" | "ko") || t.chars().count() >= rest.chars().count() {
                continue;
            }
            let before = *kind != 3 && rest.starts_with(t);
            let after = rest.ends_with(t) && (*kind == 3 || *lang == "ko");
            if (before || after) && best.is_none_or(|(b, _)| b.len() < t.len()) {
                best = Some((t, before));
            }
        }
        let Some((t, before)) = best else { break };
        titles.push(t.to_owned());
        if before {
            rest.replace_range(..t.len(), "");
        } else {
            let cut = rest.len() - t.len();
            rest.truncate(cut);
        }
    }
}

/// Facts about each token for role assignment.
fn classify(tokens: &[Token]) -> Vec<Core> {
    let n = tokens.len();
    tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let letters: Vec<char> = t.text.chars().filter(|c| c.is_alphabetic()).collect();
            // `I Jae-myeong`, `O Se-hoon`: Korean surnames of one letter.
            let korean_surname = letters.len() == 1
                && !t.text.ends_with('.')
                && matches!(letters.first(), Some('I' | 'O' | 'U'))
                && tokens.get(i + 1).is_some_and(|n| n.text.contains('-'));
            let initial = !letters.is_empty()
                && !korean_surname
                && (letters.len() == 1
                    || (t.text.ends_with('.')
                        && letters.len() <= 3
                        && !letters.iter().skip(1).any(|c| c.is_uppercase())));
            let lower = t.text.to_lowercase();
            let is_lower = t.text.chars().next().is_some_and(char::is_lowercase);
            let particle = i + 1 < n
                && lexicon::is_particle(&lower)
                && (is_lower
                    || (i > 0
                        && matches!(
                            lower.as_str(),
                            "al" | "el"
                                | "bin"
                                | "ibn"
                                | "van"
                                | "von"
                                | "de"
                                | "da"
                                | "di"
                                | "du"
                                | "der"
                                | "den"
                                | "ter"
                                | "ten"
                                | "le"
                                | "la"
                        )));
            let caps = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
            Core {
                text: t
                    .text
                    .trim_end_matches(|c: char| c == '.' && letters.len() > 3)
                    .to_owned(),
                initial,
                particle,
                caps,
                comma_after: t.comma_after,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> ParsedName {
        Parser::default().parse(s)
    }

    fn texts(parts: &[NamePart]) -> Vec<&str> {
        parts.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn given_first() {
        let n = p("Sergey Shoigu");
        assert_eq!(texts(&n.given), ["Sergey"]);
        assert_eq!(texts(&n.surname), ["Shoigu"]);
        assert_eq!(n.order, NameOrder::GivenFirst);
        assert!(n.is_full());
    }

    #[test]
    fn comma_and_capitals() {
        let n = p("Shoigu, Sergey");
        assert_eq!(
            (texts(&n.given), texts(&n.surname)),
            (vec!["Sergey"], vec!["Shoigu"])
        );
        assert_eq!(n.cue, OrderCue::Comma);
        let n = p("SHOIGU Sergey Kuzhugetovich");
        assert_eq!(n.cue, OrderCue::Capitals);
        assert_eq!(
            n.patronymic.map(|p| p.text),
            Some("Kuzhugetovich".to_owned())
        );
    }

    #[test]
    fn patronymic_position() {
        let n = p("Vladimir Vladimirovich Putin");
        assert_eq!(n.cue, OrderCue::Patronymic);
        assert_eq!(texts(&n.surname), ["Putin"]);
        let n = p("Путин Владимир Владимирович");
        assert_eq!(n.order, NameOrder::SurnameFirst);
        assert_eq!(texts(&n.surname), ["Путин"]);
        assert_eq!(
            n.patronymic.map(|p| p.latin),
            Some("Vladimirovich".to_owned())
        );
    }

    #[test]
    fn initials() {
        let n = p("S. K. Shoigu");
        assert_eq!(n.cue, OrderCue::Initials);
        assert_eq!(texts(&n.surname), ["Shoigu"]);
        assert_eq!(n.given.first().map(|p| p.text.as_str()), Some("S."));
        assert!(n.secondary().is_some_and(|p| p.initial));
        let n = p("Путин В.В.");
        assert_eq!(texts(&n.surname), ["Путин"]);
        assert_eq!(n.given.len() + usize::from(n.patronymic.is_some()), 2);
        assert!(n.patronymic.is_some());
    }

    #[test]
    fn titles_are_kept_apart() {
        let n = p("Russian Defense Minister Sergey Shoigu");
        assert_eq!(n.titles, ["Russian Defense Minister"]);
        assert_eq!(texts(&n.given), ["Sergey"]);
        let n = p("President Putin");
        assert_eq!(n.titles, ["President"]);
        assert!(n.is_single());
        let n = p("г-н Шойгу");
        assert_eq!(n.titles, ["г-н"]);
        let n = p("министр обороны Сергей Шойгу");
        assert_eq!(n.titles, ["министр обороны"]);
        let n = p("Gen. Valery Gerasimov");
        assert_eq!(n.titles, ["Gen."]);
        assert_eq!(texts(&n.surname), ["Gerasimov"]);
    }

    #[test]
    fn particles_and_suffixes() {
        let n = p("Ursula von der Leyen");
        assert_eq!(texts(&n.surname), ["von", "der", "Leyen"]);
        assert_eq!(n.surname_heads().count(), 1);
        let n = p("Bashar al-Assad");
        assert_eq!(texts(&n.surname), ["al", "Assad"]);
        let n = p("Martin Luther King Jr.");
        assert_eq!(n.suffix.as_deref(), Some("Jr."));
        assert_eq!(texts(&n.surname), ["King"]);
    }

    #[test]
    fn chinese_and_korean() {
        let n = p("李尚福");
        assert_eq!(
            (texts(&n.surname), texts(&n.given)),
            (vec!["李"], vec!["尚福"])
        );
        assert_eq!(n.surname[0].key, "li");
        assert_eq!(n.given[0].key, "shangfu");
        assert_eq!(n.romanized(), "Li Shangfu");
        let n = p("Li Shangfu");
        assert_eq!(n.culture, Culture::Chinese);
        assert_eq!(n.given[0].key, "shangfu");
        assert_eq!(n.order, NameOrder::SurnameFirst);
        let n = p("Shangfu Li");
        assert_eq!(n.order, NameOrder::GivenFirst);
        assert_eq!(texts(&n.surname), ["Li"]);
        let n = p("Kim Jong-un");
        assert_eq!(n.culture, Culture::Korean);
        assert_eq!(texts(&n.surname), ["Kim"]);
        let n = p("김정은");
        assert_eq!(n.culture, Culture::Korean);
        assert_eq!(n.given[0].key, p("Kim Jong Un").given[0].key);
        let n = p("Mao Tse-tung");
        assert_eq!(n.culture, Culture::Chinese);
        assert!(n.given[0].keys().any(|k| k == "zedong"));
        let n = p("Nguyễn Phú Trọng");
        assert_eq!(n.culture, Culture::Vietnamese);
        assert_eq!(texts(&n.given), ["Trọng", "Phú"]);
        let n = p("国防部长李尚福");
        assert_eq!(n.titles, ["国防部长"]);
        assert_eq!(n.given[0].key, "shangfu");
    }

    #[test]
    fn repairs_before_parsing() {
        let n = p("Sergeн Shoigu");
        assert_eq!(n.given[0].latin, "Sergey");
        let n = p("S\u{200B}ergey Sh\u{043E}igu");
        assert_eq!(n.romanized(), "Sergey Shoigu");
        assert!(n.repairs >= 1);
    }

    #[test]
    fn order_by_given_name_list() {
        let n = p("Orbán Viktor");
        assert_eq!(n.order, NameOrder::SurnameFirst);
        assert_eq!(n.cue, OrderCue::GivenNameList);
    }

    #[test]
    fn empty_and_odd_input() {
        assert!(p("").is_empty());
        assert!(p("   ").is_empty());
        assert!(p("President").is_single() || p("President").is_empty());
        let _ = p("(((");
        let _ = p("., ,.");
        let _ = p("-");
    }
}
