//! Words of a line's own script with one key typed on the Latin layout: a
//! punctuation key between its letters (`а,араняе` is `абараняе`,
//! `невъз;ожни` is `невъзможни` on the Bulgarian layout) or glued after its
//! last letter where no punctuation goes (`нескольки[` is `нескольких`,
//! `` развіцц` `` is `развіццё`, `Вказу'` is `Вказує`). The word as a whole is
//! of the line's script, so the foreign-word judge never sees it.

use super::tables::{is_vowel, layout_language, sc_of, trigrams, zipf_ext, Sc};
use super::words::Word;
use super::{judge, retype_word, Candidate, DocumentContext, Edit, Line, MixedScript};
use super::{MIXED_LAYOUT_PRIOR, UNKNOWN_MIXED};

/// Whether `c` is a Cyrillic letter. (Greek is left out: its layout types
/// `,` as `,`, and Greek writes `ό,τι` and elides with an apostrophe, `σ'`.)
fn is_cyrillic(c: char) -> bool {
    sc_of(c) == Some(Sc::Cyrillic)
}

/// Keys that are letters of the Cyrillic layouts and never
/// punctuation between two letters (`,` `;` `[`, …): the apostrophe is
/// one inside Ukrainian and Belarusian words, the full stop one inside
/// abbreviations (`т.е.`).
pub(crate) fn is_inner_key(c: char) -> bool {
    matches!(c, ',' | ';' | '[' | ']' | '{' | '}' | '`' | '<' | '>')
}

/// Keys that no punctuation puts right after a word's last letter and
/// before a space: an opening bracket and a backtick, and an apostrophe
/// that closes no quotation (all checked by [`trailing_key_at`]). The full
/// stop is left out: a sentence may go on in lower case after a word no
/// lexicon lists (`про любу. потом`).
fn is_trailing_key(c: char) -> bool {
    matches!(c, '[' | '{' | '`' | '\'')
}

/// The cheap gate: whether `line` holds a key between two Cyrillic
/// letters, or a trailing one ([`trailing_key_at`]), whose word re-typed
/// from US QWERTY on some Cyrillic layout is a listed word
/// ([`retypes_into_word`]). Lines without a Cyrillic letter cost one pass;
/// others one search for each of the rare bytes; commas, which
/// every line has, cost a look at their neighbours, and a comma between two
/// words with its space forgotten (`Брайля,например`) a few look-ups, not
/// a judge.
pub(super) fn key_slip_shape(line: &str) -> bool {
    let bytes = line.as_bytes();
    // Every shape needs a Cyrillic letter (U+0400–U+052F, first bytes
    // `D0`–`D4`) before the key: a line without one (English, Chinese)
    // costs one pass the compiler vectorizes, not a search per key byte.
    let cyrillic_lead = |block: &[u8]| {
        block
            .iter()
            .fold(false, |any, &b| any | (b.wrapping_sub(0xD0) < 5))
    };
    if !bytes.chunks(32).any(cyrillic_lead) {
        return false;
    }
    let before = |i: usize| line.get(..i).and_then(|h| h.chars().next_back());
    let after = |i: usize| line.get(i + 1..).and_then(|t| t.chars().next());
    let inner = |i: usize| {
        // Cyrillic letters are two bytes, the last a continuation.
        i >= 2
            && bytes.get(i - 1).is_some_and(|b| *b >= 0x80)
            && bytes.get(i + 1).is_some_and(|b| *b >= 0xC0)
            && before(i).is_some_and(is_cyrillic)
            && after(i).is_some_and(is_cyrillic)
            && retypes_into_word(line, i)
    };
    let trailing = |i: usize| {
        i >= 2
            && bytes.get(i - 1).is_some_and(|b| *b >= 0x80)
            && trailing_key_at(line, i)
            && retypes_into_word(line, i)
    };
    between_letters(bytes, inner)
        || memchr::memchr3_iter(b'[', b'{', b'`', bytes).any(|i| inner(i) || trailing(i))
        || memchr::memchr3_iter(b'}', b'<', b'>', bytes).any(inner)
        || memchr::memchr_iter(b'\'', bytes)
            .any(|i| trailing(i) || (i >= 2 && apostrophe_key_at(line, i)))
}

/// Whether the apostrophe at byte `at` of `line` is a key typed on the
/// Latin layout inside a Cyrillic word: after a Cyrillic letter and before
/// a Cyrillic or ASCII letter, in a word (its Cyrillic and ASCII letters,
/// keys and apostrophes glued together) that no Cyrillic lexicon lists as
/// typed and that re-types from US QWERTY on some Cyrillic layout into a
/// word its layout's lexicon lists. The apostrophe's key is a letter on
/// every Cyrillic layout (`ч` on BDS, `ћ` on the Serbian layout, `э` on
/// ЙЦУКЕН, `є` on the Ukrainian one): `пе'ат` is `печат`, `обликују'и`
/// `обликујући`, `до'i` `доћи`. The Ukrainian and Belarusian
/// apostrophe (`п'ятницю`, `сям'я`, `аб'ект`) stands before `я ю є ї ё і`
/// or `е`, and their lexicons list the words it is in; before the first
/// six, none of those letters makes a word (`пєятницю`, `сямэя`), so an
/// apostrophe there is not asked about (most apostrophes of Ukrainian
/// text: each would cost a dozen look-ups of a word no lexicon lists).
pub(super) fn apostrophe_key_at(line: &str, at: usize) -> bool {
    let before = line.get(..at).and_then(|h| h.chars().next_back());
    let after = line.get(at + 1..).and_then(|t| t.chars().next());
    let apostrophe_vowel = |c: char| {
        matches!(
            c,
            'я' | 'ю' | 'є' | 'ї' | 'ё' | 'і' | 'Я' | 'Ю' | 'Є' | 'Ї' | 'Ё' | 'І'
        )
    };
    if !before.is_some_and(is_cyrillic)
        || !after
            .is_some_and(|c| (is_cyrillic(c) && !apostrophe_vowel(c)) || c.is_ascii_alphabetic())
    {
        return false;
    }
    let (start, end) = glued_around(line, at, |c| {
        is_cyrillic(c) || c.is_ascii_alphabetic() || is_inner_key(c) || c == '\''
    });
    // (Keys after its last letter are punctuation here: `пе'ат,`.)
    let Some(word) = line
        .get(start..end)
        .map(|w| w.trim_end_matches(|c: char| !c.is_alphabetic()))
    else {
        return false;
    };
    let lower = word.to_lowercase();
    !listed(&lower, Sc::Cyrillic) && retypes_into_listed(word)
}

/// Whether `inner` holds at a `,` `;` or `]` of `bytes` between a
/// non-ASCII byte and the first byte of a Cyrillic letter (`D0`–`D4`),
/// which it needs there: those keys are common in prose (a comma after
/// every few words), but rarely glued to a letter on both sides, so blocks
/// of 32 bytes are ruled out by compares the compiler vectorizes instead of
/// a search that stops at every comma.
fn between_letters(bytes: &[u8], inner: impl Fn(usize) -> bool) -> bool {
    #[allow(clippy::needless_bitwise_bool)] // every test, no branch: the loop vectorizes
    let glued = |prev: u8, b: u8, next: u8| {
        (prev >= 0x80) & ((b == b',') | (b == b';') | (b == b']')) & (next.wrapping_sub(0xD0) < 5)
    };
    let n = bytes.len();
    let mut at = 1;
    // Positions `at..end`, each with the byte before and after it (the
    // first and last bytes have no such pair, and `inner` none there).
    while at + 1 < n {
        let end = (at + 32).min(n - 1);
        let (Some(prev), Some(now), Some(next)) = (
            bytes.get(at - 1..end - 1),
            bytes.get(at..end),
            bytes.get(at + 1..end + 1),
        ) else {
            return false;
        };
        let any = prev
            .iter()
            .zip(now)
            .zip(next)
            .fold(false, |any, ((&p, &b), &nx)| any | glued(p, b, nx));
        if any
            && (at..end)
                .filter(|&i| matches!(bytes.get(i), Some(b',' | b';' | b']')))
                .any(&inner)
        {
            return true;
        }
        at = end;
    }
    false
}

/// The span of `line` around the one-byte key at `at`: the key and the
/// characters `glued` takes on either side of it, up to the first it does
/// not (what [`apostrophe_key_at`] and [`retypes_into_word`] re-type).
fn glued_around(line: &str, at: usize, glued: impl Fn(char) -> bool) -> (usize, usize) {
    let head = line.get(..at).unwrap_or_default();
    let start = at
        - head
            .chars()
            .rev()
            .take_while(|&c| glued(c))
            .map(char::len_utf8)
            .sum::<usize>();
    let tail = line.get(at + 1..).unwrap_or_default();
    let end = at
        + 1
        + tail
            .chars()
            .take_while(|&c| glued(c))
            .map(char::len_utf8)
            .sum::<usize>();
    (start, end)
}

/// Whether the word around the key at byte `at` of `line` (the Cyrillic
/// letters and keys glued to it, and the key), re-typed from US QWERTY on
/// some Cyrillic layout, is a word its layout's lexicon lists.
fn retypes_into_word(line: &str, at: usize) -> bool {
    let (start, end) = glued_around(line, at, |c| is_cyrillic(c) || is_inner_key(c) || c == '\'');
    line.get(start..end).is_some_and(retypes_into_listed)
}

/// Whether `word` re-typed from US QWERTY on some Cyrillic layout is a
/// word its layout's lexicon lists ([`zipf_ext`] of it in lower case).
/// A re-typing with a letter trigram no listed word of the language has
/// ([`trigrams`]) is listed nowhere in it: most are such, and are neither
/// lowered into a string nor looked up.
fn retypes_into_listed(word: &str) -> bool {
    Sc::Cyrillic.layouts().iter().any(|to| {
        let lang = layout_language(to);
        retype_word(word, Sc::Latin, Sc::Cyrillic, "us", to).is_some_and(|out| {
            // (Character by character, as `to_lowercase` lowers every
            // letter but a final `Σ`, which no Cyrillic re-typing holds:
            // `retype_word` leaves no Greek letter in it.)
            trigrams(lang).is_none_or(|t| {
                t.may_list(
                    out.chars()
                        .flat_map(char::to_lowercase)
                        .map(|c| t.symbol(c)),
                )
            }) && zipf_ext(lang, &out.to_lowercase()).is_some()
        })
    })
}

/// Whether `rest`, the text after a key glued to a word, starts where a
/// word ends in prose: at a space or the line's end, maybe after a mark of
/// the sentence (`нескольки[.`).
fn ends_word(rest: &str) -> bool {
    let rest = rest.trim_start_matches(['.', ',', '!', '?']);
    rest.chars().next().is_none_or(char::is_whitespace)
}

/// Whether the byte at `at` of `text` is a key typed on the Latin layout
/// right after a Cyrillic word ([`is_trailing_key`]): after a Cyrillic
/// letter, before the word's end, not a bracket a later one closes (an
/// optional part: `СХЕМА[:ПУТЬ]`, `ВЕРСИЯ[ ОТМЕСТВАНЕ]`), not an apostrophe
/// closing a quotation ([`quote_open_before`]). The gate and the judge
/// both ask this.
fn trailing_key_at(text: &str, at: usize) -> bool {
    let Some(c) = text.get(at..).and_then(|t| t.chars().next()) else {
        return false;
    };
    if !is_trailing_key(c)
        || !text
            .get(..at)
            .and_then(|h| h.chars().next_back())
            .is_some_and(is_cyrillic)
    {
        return false;
    }
    let rest = text.get(at + 1..).unwrap_or_default();
    if !ends_word(rest) {
        return false;
    }
    match c {
        '[' => !rest.contains(']'),
        '{' => !rest.contains('}'),
        '\'' => !quote_open_before(text, at),
        _ => true,
    }
}

/// Whether an apostrophe opens a quotation before byte `at` of `text` that
/// no apostrophe closes before `at`. An apostrophe opens one at the line's
/// start or after a space or bracket, before a letter (`'я`); it closes one
/// after a letter, before no letter; one between letters (`п'ятницю`,
/// `O'Reilly`) does neither.
fn quote_open_before(text: &str, at: usize) -> bool {
    let head = text.get(..at).unwrap_or_default();
    let mut open = false;
    for i in memchr::memchr_iter(b'\'', head.as_bytes()) {
        let before = head.get(..i).and_then(|h| h.chars().next_back());
        let after = head.get(i + 1..).and_then(|t| t.chars().next());
        let letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
        if !letter(before) && letter(after) {
            open = true;
        } else if letter(before) && !letter(after) {
            open = false;
        }
    }
    open
}

/// How many bytes of key follow word `w` in `text` ([`trailing_key_at`]):
/// 0 or 1.
fn trailing_key(text: &str, w: &Word) -> usize {
    usize::from(trailing_key_at(text, w.end))
}

/// The letter runs of `word` between its keys.
fn runs(word: &str) -> impl Iterator<Item = &str> {
    word.split(|c: char| !c.is_alphabetic())
        .filter(|r| !r.is_empty())
}

/// Whether some language of script `sc` lists the lower-case `lower`.
fn listed(lower: &str, sc: Sc) -> bool {
    sc.languages().iter().any(|l| zipf_ext(l, lower).is_some())
}

/// Whether `word`, of `source` script other than Latin, is four letters or
/// more, not in capitals, and without a vowel: no word or name of a
/// Cyrillic or Greek language is spelt so (`Фтрфтп` is `Anhang` typed on
/// ЙЦУКЕН), so no language claims it as typed. Latin is left out: command
/// names are spelt so (`mkdir`, `dhcpd`).
pub(super) fn no_vowel_word(word: &str, source: Sc) -> bool {
    source != Sc::Latin
        && word.chars().filter(|c| c.is_alphabetic()).count() >= 4
        && word.chars().any(char::is_lowercase)
        && !word.chars().any(is_vowel)
}

/// Whether `word` holds one of [`is_inner_key`] between two letters:
/// no word of any script is written so (`proikism;enoi` is `προικισμένοι`
/// typed on QWERTY, `;` the Greek layout's accent key).
pub(super) fn key_between_letters(word: &str) -> bool {
    let mut chars = word.chars().peekable();
    let mut after_letter = false;
    while let Some(c) = chars.next() {
        if is_inner_key(c) && after_letter && chars.peek().is_some_and(|n| n.is_alphabetic()) {
            return true;
        }
        after_letter = c.is_alphabetic();
    }
    false
}

impl MixedScript {
    /// Whether word `w` of the line's own script has a key typed on the
    /// Latin layout between its letters or right after it: the words
    /// [`MixedScript::keyed_word`] judges.
    pub(super) fn has_key_slip(text: &str, w: &Word, dominant: Sc) -> bool {
        dominant == Sc::Cyrillic
            && w.single() == Some(dominant)
            && ((w.inner_punct
                && text.get(w.start..w.end).is_some_and(|t| {
                    t.chars().any(is_inner_key)
                        || t.match_indices('\'')
                            .any(|(i, _)| apostrophe_key_at(text, w.start + i))
                }))
                || trailing_key(text, w) > 0)
    }

    /// Candidates for a word of the line's script with a key typed on the
    /// Latin layout inside or right after it ([`MixedScript::has_key_slip`]),
    /// and the judge's choice. Only a re-typing that some lexicon lists is
    /// a candidate; and the word is left when its letter runs are an
    /// abbreviation (`т.к`: no run of three letters) or words of their own
    /// (`слово,слово`: a space forgotten after a comma).
    pub(super) fn keyed_word(
        &self,
        line: &Line<'_>,
        w: &Word,
        context: &DocumentContext,
    ) -> Option<Edit> {
        let target = line.dominant;
        let end = w.end + trailing_key(line.text, w);
        let typed = line.text.get(w.start..end)?;
        let word = line.text.get(w.start..w.end)?;
        // (Four letters in runs of two, `пе'ат` for `печат`, are a word
        // too: no abbreviation is written with a key between its letters.)
        let short_word = || {
            runs(word).all(|r| r.chars().count() >= 2)
                && runs(word).map(|r| r.chars().count()).sum::<usize>() >= 4
        };
        if !runs(word).any(|r| r.chars().count() >= 3) && !short_word() {
            return None;
        }
        // A word before a key glued after it makes that key punctuation.
        if end > w.end && !w.inner_punct && listed(&word.to_lowercase(), target) {
            return None;
        }
        // A word in capitals was typed with Shift or Caps Lock: its keys
        // give capitals too (`СХЕМАх` is no slip).
        let capitals = word.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && word.chars().all(|c| !c.is_lowercase());
        let mut candidates: Vec<Candidate> =
            Candidate::retypings(typed, Sc::Latin, target, (w.start, end), 0)
                .filter(|c| {
                    !(capitals && c.text.chars().any(char::is_lowercase))
                        && c.layouts.is_some_and(|(_, to)| {
                            zipf_ext(layout_language(to), &c.text.to_lowercase()).is_some()
                        })
                })
                .collect();
        if candidates.is_empty() {
            return None;
        }
        // A comma or semicolon may be punctuation with its space forgotten
        // when the runs around it are words of the line's language (asked
        // last: it may take a language guess).
        let lower = word.to_lowercase();
        if lower.contains([',', ';']) {
            let lang = line.language(target);
            let word_of_line = |p: &str| match lang {
                Some(l) => zipf_ext(l, p).is_some(),
                None => listed(p, target),
            };
            if runs(&lower).all(|p| p.chars().count() >= 2 && word_of_line(p)) {
                return None;
            }
        }
        self.score_candidates(
            line,
            &mut candidates,
            Some(target),
            typed,
            |_| MIXED_LAYOUT_PRIOR,
            UNKNOWN_MIXED,
            None,
            context,
            |_| true,
            super::Compounds::Off,
            false,
            None,
        );
        judge(
            line.text,
            candidates,
            UNKNOWN_MIXED,
            &format!(
                "a key typed on the Latin layout in a {} word",
                target.name()
            ),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::super::{DocumentContext, MixedScript, MixedScriptOptions};
    use super::{between_letters, key_slip_shape};

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: crate::proptest_cases(2048), ..Default::default() })]
        #[test]
        fn glued_keys_are_found_as_by_a_search(
            line in "([а-яёіўєїґ]{1,4}|[a-z]{1,2}|[ ,;\\]\\[.é€]){0,80}",
            seed in 0usize..7,
        ) {
            // Any test of the position (here: the key is followed by a
            // Cyrillic letter, preceded by a non-ASCII byte, and at a
            // position the seed picks) is found where a search finds it.
            let bytes = line.as_bytes();
            let test = |i: usize| {
                i % 7 != seed
                    && bytes.get(i - 1).is_some_and(|&b| b >= 0x80)
                    && line.get(i + 1..).and_then(|t| t.chars().next()).is_some_and(|c| {
                        ('\u{0400}'..='\u{052F}').contains(&c)
                    })
            };
            let searched = memchr::memchr3_iter(b',', b';', b']', bytes).any(|i| i >= 1 && test(i));
            proptest::prop_assert_eq!(between_letters(bytes, |i| i >= 1 && test(i)), searched);
        }
    }

    fn fix(text: &str) -> String {
        MixedScript::new(MixedScriptOptions::default())
            .apply(text, &DocumentContext::from_text(text))
            .text
            .into_owned()
    }

    // Real sentences (fixtures/bench/ru.txt, the Debian installation
    // guide) with one letter of a word typed on US QWERTY.
    const RU: &str = "Линус Торвальдс продолжает координировать работу нескольких сотен разработчиков с помощью нескольких сопровождающих подсистем.";

    #[test]
    fn a_bracket_key_after_a_word_is_its_last_letter() {
        let typed = RU.replacen("нескольких сотен", "нескольки[ сотен", 1);
        assert!(key_slip_shape(&typed));
        assert_eq!(fix(&typed), RU);
    }

    #[test]
    fn a_comma_key_between_letters_is_a_letter() {
        // `б` is the comma key of ЙЦУКЕН.
        let typed = RU.replacen("работу", "ра,оту", 1);
        assert!(key_slip_shape(&typed));
        assert_eq!(fix(&typed), RU);
    }

    #[test]
    fn an_apostrophe_key_between_letters_is_a_letter() {
        // The apostrophe's key is `ч` on BDS and `ћ` on the Serbian layout,
        // between Cyrillic letters or before the Latin letter typed next.
        for (typed, meant) in [
            (
                "Документът носи пе'ат на общината.",
                "Документът носи печат на общината.",
            ),
            (
                "Не могу да до'i сутра.",
                "Не могу да доћи сутра.",
            ),
            (
                "Свако има право на одмор и разоноду, укључују'и разумно ограничење радног времена.",
                "Свако има право на одмор и разоноду, укључујући разумно ограничење радног времена.",
            ),
            (
                "Свако има право на одмор и разоноду, укључују'i разумно ограничење радног времена.",
                "Свако има право на одмор и разоноду, укључујући разумно ограничење радног времена.",
            ),
        ] {
            assert!(key_slip_shape(typed), "{typed}");
            assert_eq!(fix(typed), meant);
        }
        // The Ukrainian and Belarusian apostrophe, and one in a name.
        for line in [
            "В п'ятницю сім'я з'їла м'ясо на подвір'ї.",
            "Сям'я сабралася ў п'ятніцу вечарам.",
            "Роман о д'Артаньяне и его друзьях.",
        ] {
            assert_eq!(fix(line), line);
            assert!(!key_slip_shape(line), "{line}");
        }
    }

    #[test]
    fn sentence_ends_and_quotations_are_no_keys() {
        // A sentence may go on in lower case after a word no lexicon lists;
        // an apostrophe may close a quotation opened after one inside a word.
        for line in [
            "Я видел Любу. она пришла",
            "он пел песню про любу. потом ушёл",
            "не трогай каку. фу, брось",
            "В п'ятницю він сказав 'я вказу' шлях",
        ] {
            assert_eq!(fix(line), line);
        }
        assert!(super::quote_open_before("сказав 'я вказу' шлях", 27));
        assert!(!super::quote_open_before("В п'ятницю Вказу' шлях", 29));
    }

    #[test]
    fn a_cyrillic_word_without_a_vowel_is_claimed_by_no_language() {
        // fixtures/bench/mixed.txt (the Debian installation guide); `Anhang`
        // typed on ЙЦУКЕН is `Фтрфтп`, a capitalised word no Cyrillic
        // language spells: leaving it no longer counts as a name's odds.
        let line = "Sie finden die Lizenz im Anhang F, GNU General Public License (Allgemeine Öffentliche GNU-Lizenz, GNU GPL).";
        let typed = line.replacen("Anhang", "Фтрфтп", 1);
        assert_eq!(fix(&typed), line);
        assert!(super::no_vowel_word("Фтрфтп", super::Sc::Cyrillic));
        assert!(!super::no_vowel_word("СССР", super::Sc::Cyrillic));
        assert!(!super::no_vowel_word("Маша", super::Sc::Cyrillic));
        assert!(!super::no_vowel_word("mkdir", super::Sc::Latin));
    }

    #[test]
    fn a_latin_word_with_a_key_between_letters_reads_like_nothing() {
        // fixtures/bench/mixed.txt; `;` is the Greek layout's accent key, so
        // `εγκαταστήσετε` typed on QWERTY is `egkatast;hsete`.
        let line = "Φυσικά, μπορείτε επίσης να χρησιμοποιήσετε απλά το apt για να εγκαταστήσετε μεμονωμένα πακέτα.";
        let typed = line.replacen("εγκαταστήσετε", "egkatast;hsete", 1);
        assert_eq!(fix(&typed), line);
        assert!(super::key_between_letters("egkatast;hsete"));
        assert!(!super::key_between_letters("don't"));
        assert!(!super::key_between_letters("list;"));
    }

    #[test]
    fn abbreviations_and_missing_spaces_are_no_slips() {
        for line in [
            // `т.е` re-types into no word, and has no run of three letters.
            "загрузки компонент программы установки (т.е. ваш CD-ROM или сетевая карта).",
            "Такие классы оборудования (например, USB «Human Interface Devices», т. е. клавиатуры, мыши и т. д.) работают.",
            // A comma between two words of the line's language is taken for
            // a forgotten space, though `за,рать` re-types into `забрать`.
            "Ты можешь за,рать это с собой.",
        ] {
            assert_eq!(fix(line), line);
        }
        // Ordinary punctuation does not open the gate.
        assert!(!key_slip_shape(RU));
        assert!(!key_slip_shape(
            "Отдельные «слова» [в скобках], и 'цитата'."
        ));
        // An optional part in a usage line (a gettext catalogue).
        for usage in ["СХЕМА[:ПУТЬ] КЛЮЧ", "ВЕРСИЯ[ ОТМЕСТВАНЕ]"] {
            assert_eq!(fix(usage), usage);
            assert!(!key_slip_shape(usage), "{usage}");
        }
    }
}
