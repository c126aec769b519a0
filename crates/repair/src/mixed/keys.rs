//! Words of a line's own script with one key typed on the Latin layout: a
//! punctuation key between its letters (`а,араняе` is `абараняе`,
//! `невъз;ожни` is `невъзможни` on the Bulgarian layout) or glued after its
//! last letter where no punctuation goes (`нескольки[` is `нескольких`,
//! `` развіцц` `` is `развіццё`, `Вказу'` is `Вказує`). The word as a whole is
//! of the line's script, so the foreign-word judge never sees it.

use super::tables::{is_vowel, layout_language, sc_of, zipf_ext, Sc};
use super::words::Word;
use super::{
    is_inner_stop, judge, retype_word, Candidate, DocumentContext, Edit, Line, MixedScript,
};
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
fn is_inner_key(c: char) -> bool {
    matches!(c, ',' | ';' | '[' | ']' | '{' | '}' | '`' | '<' | '>')
}

/// Keys that no punctuation puts right after a word's last letter and
/// before a space: an opening bracket, a backtick, and an apostrophe that
/// closes no quotation (checked by [`trailing_key`]); and, as
/// [`trailing_key`] checks, a full stop where the sentence goes on in lower
/// case (`пристро. (або` is `пристрою (або`).
fn is_trailing_key(c: char) -> bool {
    matches!(c, '[' | '{' | '`' | '\'')
}

/// The cheap gate: whether `line` holds a key between two Cyrillic
/// letters, or one of [`is_trailing_key`] right after such a letter and
/// before the word's end, whose word re-typed from US QWERTY on some
/// Cyrillic layout is a listed word ([`retypes_into_word`]). One search for
/// each of the rare bytes; commas, which every line has, cost a look at
/// their neighbours, and a comma between two words with its space
/// forgotten (`Брайля,например`) a few look-ups, not a judge.
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
            && before(i).is_some_and(is_cyrillic)
            && ends_word(line.get(i + 1..).unwrap_or_default())
            // An apostrophe that closes a quotation is none.
            && (bytes.get(i) != Some(&b'\'')
                || bytes
                    .get(..i)
                    .is_some_and(|h| memchr::memchr_iter(b'\'', h).count() % 2 == 0))
            && retypes_into_word(line, i)
    };
    // A full stop where the sentence goes on in lower case, after a word of
    // three letters or more (`т. е.` and `см.` are abbreviations).
    let stop = |i: usize| {
        i >= 2
            && bytes.get(i - 1).is_some_and(|b| *b >= 0x80)
            && is_inner_stop(line, i)
            && line
                .get(..i)
                .is_some_and(|h| h.chars().rev().take(3).all(is_cyrillic))
            && retypes_into_word(line, i)
    };
    memchr::memchr3_iter(b',', b';', b']', bytes).any(inner)
        || memchr::memchr3_iter(b'[', b'{', b'`', bytes).any(|i| inner(i) || trailing(i))
        || memchr::memchr3_iter(b'}', b'<', b'>', bytes).any(inner)
        || memchr::memchr_iter(b'\'', bytes).any(trailing)
        || memchr::memchr_iter(b'.', bytes).any(stop)
}

/// Whether the word around the key at byte `at` of `line` (the Cyrillic
/// letters and keys glued to it, and the key), re-typed from US QWERTY on
/// some Cyrillic layout, is a word its layout's lexicon lists.
fn retypes_into_word(line: &str, at: usize) -> bool {
    let glued = |c: &char| is_cyrillic(*c) || is_inner_key(*c) || *c == '\'';
    let head = line.get(..at).unwrap_or_default();
    let start = at
        - head
            .chars()
            .rev()
            .take_while(glued)
            .map(char::len_utf8)
            .sum::<usize>();
    let tail = line.get(at + 1..).unwrap_or_default();
    let end = at
        + 1
        + tail
            .chars()
            .take_while(glued)
            .map(char::len_utf8)
            .sum::<usize>();
    let Some(word) = line.get(start..end) else {
        return false;
    };
    Sc::Cyrillic.layouts().iter().any(|to| {
        retype_word(word, Sc::Latin, Sc::Cyrillic, "us", to)
            .is_some_and(|out| zipf_ext(layout_language(to), &out.to_lowercase()).is_some())
    })
}

/// Whether `rest`, the text after a key glued to a word, starts where a
/// word ends in prose: at a space or the line's end, maybe after a mark of
/// the sentence (`нескольки[.`).
fn ends_word(rest: &str) -> bool {
    let rest = rest.trim_start_matches(['.', ',', '!', '?']);
    rest.chars().next().is_none_or(char::is_whitespace)
}

/// How many bytes of key follow word `w` in `text` as [`is_trailing_key`]
/// describes them (0 or 1). An apostrophe that closes one opened before
/// the word in the line is a quotation mark.
fn trailing_key(text: &str, w: &Word) -> usize {
    let Some(c) = text.get(w.end..).and_then(|t| t.chars().next()) else {
        return 0;
    };
    if c == '.' {
        let long = text
            .get(..w.end)
            .is_some_and(|h| h.chars().rev().take(3).all(is_cyrillic));
        return usize::from(long && is_inner_stop(text, w.end));
    }
    if !is_trailing_key(c) {
        return 0;
    }
    let rest = text.get(w.end + 1..).unwrap_or_default();
    if !ends_word(rest) {
        return 0;
    }
    // A bracket that a later one closes opens an optional part
    // (`СХЕМА[:ПУТЬ]`, `ВЕРСИЯ [ЗНАЧЕНИЕ]`).
    if (c == '[' && rest.contains(']')) || (c == '{' && rest.contains('}')) {
        return 0;
    }
    if c == '\'' {
        let opened = text
            .get(..w.start)
            .is_some_and(|h| memchr::memchr_iter(b'\'', h.as_bytes()).count() % 2 == 1);
        if opened {
            return 0;
        }
    }
    1
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
                && text
                    .get(w.start..w.end)
                    .is_some_and(|t| t.chars().any(is_inner_key)))
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
        if !runs(word).any(|r| r.chars().count() >= 3) {
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
    use super::key_slip_shape;

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
    fn a_full_stop_key_inside_a_sentence_is_a_letter() {
        // `ю` is the full-stop key of ЙЦУКЕН.
        let line = "Стандарт Иерархии Файловой Системы (FHS) — это попытка стандартизировать организацию файловой системы Linux.";
        let typed = line.replacen("организацию", "организаци.", 1);
        assert!(key_slip_shape(&typed));
        assert_eq!(fix(&typed), line);
        // A word before the stop leaves it a stop.
        let word = line.replacen("организацию файловой", "организацию. файловой", 1);
        assert_eq!(fix(&word), word);
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
            // A space forgotten after a comma: both sides are words.
            "Поскольку не все драйверы могут быть доступны,определение оборудования надо будет повторить.",
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
        }
    }
}
