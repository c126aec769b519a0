//! The per-character rules, applied in one left-to-right pass.

use std::borrow::Cow;

use crate::context::{self, Neighbours};
use crate::edit::Editor;
use crate::names;
use crate::scan;
use crate::{ChangeKind, HygieneOptions, LineSeparatorMode, Repaired};

/// Printable ASCII, so a replacement can be sliced out of it.
const PRINTABLE_ASCII: &str = concat!(
    " !\"#$%&'()*+,-./0123456789:;<=>?@",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`",
    "abcdefghijklmnopqrstuvwxyz{|}~"
);

/// The UTF-8 bytes of U+1F3F4 WAVING BLACK FLAG, the base of emoji tag sequences.
const BLACK_FLAG: &[u8] = "\u{1F3F4}".as_bytes();

/// Whether some rule (with some options) may change `c`. The byte scanner
/// must stop at every such character; a test checks it does.
#[cfg(test)]
pub(crate) fn may_act(c: char) -> bool {
    matches!(
        c,
        '\u{0}'..='\u{8}'
            | '\u{B}'..='\u{1F}'
            | '\u{7F}'..='\u{A0}'
            | '\u{AD}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{1680}'
            | '\u{180E}'
            | '\u{2000}'..='\u{200D}'
            | '\u{2018}'..='\u{201F}'
            | '\u{2028}'..='\u{202F}'
            | '\u{205F}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{3000}'
            | '\u{3164}'
            | '\u{FEFF}'
            | '\u{FF01}'..='\u{FF5E}'
            | '\u{FFA0}'
            | '\u{E0000}'..='\u{E007F}'
    )
}

/// Applies the per-character rules of `options` to `text`.
pub(crate) fn apply<'a>(options: &HygieneOptions, text: &'a str) -> Repaired<'a> {
    Pass {
        options,
        text,
        edits: Editor::new(text),
        neighbours: Neighbours::new(text),
    }
    .run()
}

struct Pass<'o, 'a> {
    options: &'o HygieneOptions,
    text: &'a str,
    edits: Editor<'a>,
    neighbours: Neighbours<'a>,
}

impl<'a> Pass<'_, 'a> {
    fn run(mut self) -> Repaired<'a> {
        let bytes = self.text.as_bytes();
        let mut at = 0;
        loop {
            at = scan::next_candidate_for(bytes, at, self.options.fullwidth);
            let Some(c) = self.text.get(at..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            at = self.character(at, c);
        }
        self.edits.finish()
    }

    /// Handles `c` at byte offset `at`; returns the offset to go on from.
    fn character(&mut self, at: usize, c: char) -> usize {
        let end = at + c.len_utf8();
        let o = self.options;
        match c {
            '\t' | '\n' => {}
            '\r' if o.controls => {
                if self.text.as_bytes().get(end) == Some(&b'\n') {
                    return end + 1;
                }
                self.replace(
                    at,
                    end,
                    " ",
                    ChangeKind::Control,
                    ev(
                        c,
                        "not followed by U+000A LINE FEED, replaced by U+0020 SPACE",
                    ),
                );
            }
            '\u{B}' | '\u{C}' | '\u{85}' if o.controls => self.replace(
                at,
                end,
                " ",
                ChangeKind::Control,
                ev(c, "separates words, replaced by U+0020 SPACE"),
            ),
            '\u{0}'..='\u{1F}' | '\u{7F}' if o.controls => {
                self.remove(at, end, ChangeKind::Control, ev(c, "C0 control, removed"));
            }
            '\u{80}'..='\u{9F}' if o.controls => {
                self.remove(at, end, ChangeKind::Control, ev(c, "C1 control, removed"));
            }
            '\u{A0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200A}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{3000}'
                if o.spaces =>
            {
                self.replace(
                    at,
                    end,
                    " ",
                    ChangeKind::Space,
                    ev(c, "replaced by U+0020 SPACE"),
                );
            }
            '\u{AD}' if o.soft_hyphens => self.remove(
                at,
                end,
                ChangeKind::SoftHyphen,
                ev(c, "invisible hyphenation hint, removed"),
            ),
            '\u{FEFF}' if self.edits.output_empty_at(at) => self.bom(at, end),
            '\u{200B}' | '\u{2060}' | '\u{FEFF}' if o.zero_width => self.remove(
                at,
                end,
                ChangeKind::ZeroWidth,
                ev(c, "invisible, carries no meaning, removed"),
            ),
            '\u{2061}'..='\u{2064}' if o.zero_width => self.remove(
                at,
                end,
                ChangeKind::ZeroWidth,
                ev(c, "invisible math operator outside math markup, removed"),
            ),
            '\u{200C}' | '\u{200D}' if o.zero_width => self.joiner(at, end, c),
            '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}'
                if o.zero_width && !self.near(at, end, context::is_hangul) =>
            {
                self.remove(
                    at,
                    end,
                    ChangeKind::ZeroWidth,
                    ev(c, "invisible, outside Hangul text, removed"),
                );
            }
            '\u{180E}' if o.zero_width && !self.near(at, end, context::is_mongolian) => {
                self.remove(
                    at,
                    end,
                    ChangeKind::ZeroWidth,
                    ev(c, "invisible, outside Mongolian text, removed"),
                );
            }
            '\u{E0000}'..='\u{E007F}' if o.zero_width => return self.tags(at),
            '\u{202A}'..='\u{202E}' if o.bidi_controls => self.remove(
                at,
                end,
                ChangeKind::BidiControl,
                ev(
                    c,
                    "bidi embedding/override control (Trojan Source risk), removed",
                ),
            ),
            '\u{2066}'..='\u{2069}' if o.bidi_controls => self.remove(
                at,
                end,
                ChangeKind::BidiControl,
                ev(c, "bidi isolate control (Trojan Source risk), removed"),
            ),
            '\u{2028}' | '\u{2029}' => match o.line_separators {
                LineSeparatorMode::Space => self.replace(
                    at,
                    end,
                    " ",
                    ChangeKind::LineSeparator,
                    ev(c, "replaced by U+0020 SPACE (one line stays one line)"),
                ),
                LineSeparatorMode::Newline => self.replace(
                    at,
                    end,
                    "\n",
                    ChangeKind::LineSeparator,
                    ev(c, "replaced by U+000A LINE FEED"),
                ),
                LineSeparatorMode::Keep => {}
            },
            '\u{FF01}'..='\u{FF5E}' if o.fullwidth => {
                let ascii = u32::from(c) - 0xFF01 + 1; // offset in PRINTABLE_ASCII
                let idx = usize::try_from(ascii).unwrap_or_default();
                let with = PRINTABLE_ASCII.get(idx..=idx).unwrap_or_default();
                let mut evidence = names::describe(c);
                evidence.push_str(": fullwidth form, replaced by ASCII ");
                evidence.push_str(with);
                self.replace(at, end, with, ChangeKind::Fullwidth, Cow::Owned(evidence));
            }
            '\u{2018}'..='\u{201B}' if o.quotes => self.replace(
                at,
                end,
                "'",
                ChangeKind::Quote,
                ev(c, "replaced by U+0027 APOSTROPHE"),
            ),
            '\u{201C}'..='\u{201F}' if o.quotes => self.replace(
                at,
                end,
                "\"",
                ChangeKind::Quote,
                ev(c, "replaced by U+0022 QUOTATION MARK"),
            ),
            _ => {}
        }
        end
    }

    fn replace(
        &mut self,
        at: usize,
        end: usize,
        with: &str,
        kind: ChangeKind,
        evidence: Cow<'static, str>,
    ) {
        self.edits.edit(at, end, with, kind, evidence);
    }

    fn remove(&mut self, at: usize, end: usize, kind: ChangeKind, evidence: Cow<'static, str>) {
        self.edits.edit(at, end, "", kind, evidence);
    }

    /// U+FEFF with nothing but removed characters before it: a byte order
    /// mark, removed if the BOM rule is on and otherwise kept (it is not
    /// treated as a zero-width character).
    fn bom(&mut self, at: usize, end: usize) {
        if self.options.bom {
            self.remove(
                at,
                end,
                ChangeKind::Bom,
                Cow::Borrowed("U+FEFF BYTE ORDER MARK: at the start of the text, removed"),
            );
        }
    }

    /// Whether the neighbour on either side satisfies `test`.
    fn near(&mut self, at: usize, end: usize, test: fn(char) -> bool) -> bool {
        self.neighbours.before(at).is_some_and(test) || self.neighbours.after(end).is_some_and(test)
    }

    /// ZWJ/ZWNJ: kept next to a script that uses joiners, and ZWJ between
    /// two pictographs (emoji ZWJ sequences); removed elsewhere.
    fn joiner(&mut self, at: usize, end: usize, c: char) {
        let before = self.neighbours.before(at);
        let after = self.neighbours.after(end);
        if before.is_some_and(context::uses_joiners) || after.is_some_and(context::uses_joiners) {
            return;
        }
        if c == '\u{200D}'
            && before.is_some_and(context::is_pictographic)
            && after.is_some_and(context::is_pictographic)
        {
            return;
        }
        let reason = if c == '\u{200D}' {
            "outside any joining context (not between emoji; neighbours are not of a joining or Indic script), removed"
        } else {
            "outside any joining context (neighbours are not of a joining or Indic script), removed"
        };
        self.remove(at, end, ChangeKind::ZeroWidth, ev(c, reason));
    }

    /// A run of tag characters starting at `at`: kept if it completes an
    /// emoji tag sequence (U+1F3F4, tag specs U+E0020..U+E007E, U+E007F
    /// CANCEL TAG), otherwise removed whole. Returns where to go on.
    fn tags(&mut self, at: usize) -> usize {
        let rest = self.text.get(at..).unwrap_or_default();
        let run_len = rest
            .char_indices()
            .find(|&(_, c)| !('\u{E0000}'..='\u{E007F}').contains(&c))
            .map_or(rest.len(), |(k, _)| k);
        let run = rest.get(..run_len).unwrap_or_default();
        let after_flag = at
            .checked_sub(BLACK_FLAG.len())
            .and_then(|from| self.text.as_bytes().get(from..at))
            == Some(BLACK_FLAG);
        if after_flag {
            let mut specs = 0;
            for (k, c) in run.char_indices() {
                match c {
                    '\u{E0020}'..='\u{E007E}' => specs += 1,
                    '\u{E007F}' if specs > 0 => return at + k + c.len_utf8(),
                    _ => break,
                }
            }
        }
        let mut evidence = String::with_capacity(96);
        let mut chars = run.chars();
        if let (Some(first), Some(last)) = (chars.next(), chars.next_back()) {
            evidence.push_str("tag characters ");
            names::push_code_point(&mut evidence, first);
            evidence.push_str("..");
            names::push_code_point(&mut evidence, last);
        } else if let Some(only) = run.chars().next() {
            evidence.push_str("tag character ");
            evidence.push_str(&names::describe(only));
        }
        evidence.push_str(" outside an emoji tag sequence (U+1F3F4, tags, U+E007F), removed");
        let end = at + run_len;
        self.remove(at, end, ChangeKind::ZeroWidth, Cow::Owned(evidence));
        end
    }
}

/// `U+XXXX NAME: reason`.
fn ev(c: char, reason: &str) -> Cow<'static, str> {
    let mut s = names::describe(c);
    s.push_str(": ");
    s.push_str(reason);
    Cow::Owned(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Change;

    /// Options with every per-character rule off, then `set` applied.
    fn only(set: impl FnOnce(&mut HygieneOptions)) -> HygieneOptions {
        let mut o = HygieneOptions::none();
        set(&mut o);
        o
    }

    fn all_char_rules() -> HygieneOptions {
        HygieneOptions {
            normalization: None,
            html_entities: false,
            ..HygieneOptions::all()
        }
    }

    /// Applies `options` and checks the output is borrowed exactly when
    /// nothing changed, and every change's `before` is the input slice.
    fn run<'a>(options: &HygieneOptions, text: &'a str) -> Repaired<'a> {
        let r = apply(options, text);
        assert_eq!(matches!(r.text, Cow::Borrowed(_)), r.changes.is_empty());
        for c in &r.changes {
            assert_eq!(text.get(c.start..c.end), Some(c.before.as_str()));
            assert!((c.confidence - 1.0).abs() < f32::EPSILON);
        }
        r
    }

    fn text(options: &HygieneOptions, input: &str) -> String {
        run(options, input).text.into_owned()
    }

    fn unchanged(options: &HygieneOptions, input: &str) {
        let r = run(options, input);
        assert!(
            matches!(r.text, Cow::Borrowed(_)),
            "{input:?} changed to {:?}",
            r.text
        );
    }

    fn single(options: &HygieneOptions, input: &str) -> Change {
        let r = run(options, input);
        assert_eq!(r.changes.len(), 1, "{:?}", r.changes);
        r.changes.into_iter().next().unwrap()
    }

    #[test]
    fn scanner_stops_at_every_character_a_rule_may_change() {
        let mut buf = [0u8; 4];
        for c in (0..=0x0010_FFFF).filter_map(char::from_u32) {
            let text = c.encode_utf8(&mut buf);
            let stops = scan::next_candidate(text.as_bytes(), 0) == 0;
            if may_act(c) {
                assert!(stops, "scanner skips U+{:04X}", u32::from(c));
            }
        }
    }

    #[test]
    fn nothing_outside_may_act_changes() {
        // Every character the scanner may skip is left alone by all rules.
        let o = all_char_rules();
        let mut buf = [0u8; 4];
        for c in (0..=0x0010_FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| !may_act(c))
        {
            let s = c.encode_utf8(&mut buf);
            unchanged(&o, s);
        }
    }

    #[test]
    fn fullwidth_table_lines_up() {
        assert_eq!(PRINTABLE_ASCII.len(), 95);
        assert_eq!(PRINTABLE_ASCII.get(1..2), Some("!"));
        assert_eq!(PRINTABLE_ASCII.get(94..95), Some("~"));
    }

    // Controls.

    #[test]
    fn control_removed_with_exact_change() {
        let o = only(|o| o.controls = true);
        let c = single(&o, "ab\u{1B}[0mc");
        assert_eq!(c.kind, ChangeKind::Control);
        assert_eq!((c.start, c.end), (2, 3));
        assert_eq!((c.before.as_str(), c.after.as_str()), ("\u{1B}", ""));
        assert_eq!(c.evidence, "U+001B ESCAPE: C0 control, removed");
        assert_eq!(text(&o, "a\0b\u{7F}c\u{9B}d"), "abcd");
    }

    #[test]
    fn separating_controls_become_spaces() {
        let o = only(|o| o.controls = true);
        assert_eq!(text(&o, "a\u{B}b\u{C}c\u{85}d\re"), "a b c d e");
        let c = single(&o, "x\ry");
        assert_eq!((c.start, c.end, c.after.as_str()), (1, 2, " "));
    }

    #[test]
    fn tab_newline_and_crlf_stay() {
        let o = only(|o| o.controls = true);
        unchanged(&o, "a\tb\nc\r\nd");
        unchanged(&o, "\r\n");
        assert_eq!(text(&o, "\r\r\n\r"), " \r\n ");
    }

    #[test]
    fn controls_off_keeps_them() {
        unchanged(&only(|o| o.spaces = true), "a\0b\u{1B}c\rd\u{85}");
    }

    // BOM.

    #[test]
    fn bom_at_start_removed() {
        let o = only(|o| o.bom = true);
        let c = single(&o, "\u{FEFF}text");
        assert_eq!(c.kind, ChangeKind::Bom);
        assert_eq!((c.start, c.end, c.after.as_str()), (0, 3, ""));
        assert_eq!(text(&o, "\u{FEFF}\u{FEFF}x"), "x");
    }

    #[test]
    fn bom_after_removed_characters_counts_as_start() {
        let o = only(|o| {
            o.bom = true;
            o.controls = true;
        });
        let r = run(&o, "\0\u{FEFF}x");
        assert_eq!(r.text, "x");
        assert_eq!(r.changes[1].kind, ChangeKind::Bom);
    }

    #[test]
    fn feff_inside_text_is_zero_width() {
        let o = HygieneOptions::default();
        let r = run(&o, "a\u{FEFF}b");
        assert_eq!(r.text, "ab");
        assert_eq!(r.changes[0].kind, ChangeKind::ZeroWidth);
        // Only the BOM rule on: U+FEFF inside text stays.
        unchanged(&only(|o| o.bom = true), "a\u{FEFF}b");
    }

    #[test]
    fn bom_off_keeps_leading_feff() {
        let o = only(|o| o.zero_width = true);
        unchanged(&o, "\u{FEFF}x");
        assert_eq!(text(&o, "\u{FEFF}\u{FEFF}x"), "\u{FEFF}x");
    }

    // Soft hyphen.

    #[test]
    fn soft_hyphen_removed() {
        let o = only(|o| o.soft_hyphens = true);
        let c = single(&o, "Zu\u{AD}rich");
        assert_eq!(c.kind, ChangeKind::SoftHyphen);
        assert_eq!((c.start, c.end), (2, 4));
        unchanged(&only(|o| o.zero_width = true), "Zu\u{AD}rich");
        unchanged(&o, "Zu-rich");
    }

    // Zero-width characters.

    #[test]
    fn zero_width_space_word_joiner_and_math_invisibles_removed() {
        let o = only(|o| o.zero_width = true);
        let c = single(&o, "a\u{200B}b");
        assert_eq!(c.kind, ChangeKind::ZeroWidth);
        assert_eq!(
            c.evidence,
            "U+200B ZERO WIDTH SPACE: invisible, carries no meaning, removed"
        );
        assert_eq!(
            text(&o, "a\u{2060}b\u{2061}c\u{2062}d\u{2063}e\u{2064}f"),
            "abcdef"
        );
        unchanged(&only(|o| o.spaces = true), "a\u{200B}b");
    }

    #[test]
    fn variation_selectors_and_cgj_stay() {
        let o = all_char_rules();
        unchanged(&o, "\u{2764}\u{FE0F} a\u{34F}b 葛\u{E0100}");
    }

    #[test]
    fn joiners_kept_in_joining_and_indic_scripts() {
        let o = only(|o| o.zero_width = true);
        unchanged(&o, "می\u{200C}خواهم");
        unchanged(&o, "क्\u{200D}ष");
        unchanged(&o, "र्\u{200D}");
        unchanged(&o, "ශ්\u{200D}රී");
        unchanged(&o, "ب\u{64E}\u{200D}ب"); // mark between letter and ZWJ
        unchanged(&o, "ب\u{200C}x"); // one side is enough
    }

    #[test]
    fn joiners_removed_in_other_scripts() {
        let o = only(|o| o.zero_width = true);
        let c = single(&o, "Pa\u{200D}ris");
        assert_eq!((c.start, c.end, c.kind), (2, 5, ChangeKind::ZeroWidth));
        assert!(c
            .evidence
            .starts_with("U+200D ZERO WIDTH JOINER: outside any joining context"));
        assert_eq!(text(&o, "Мос\u{200C}ква"), "Москва");
        assert_eq!(text(&o, "\u{200D}x\u{200C}"), "x");
        assert_eq!(text(&o, "a\u{200B}\u{200D}\u{200B}b"), "ab");
    }

    #[test]
    fn emoji_zwj_sequences_kept() {
        let o = only(|o| o.zero_width = true);
        unchanged(&o, "👩\u{200D}👩\u{200D}👧");
        unchanged(&o, "👩🏽\u{200D}💻");
        unchanged(&o, "❤\u{FE0F}\u{200D}🔥");
        unchanged(&o, "🏳\u{FE0F}\u{200D}🌈");
        assert_eq!(text(&o, "👍\u{200D}x"), "👍x");
        // ZWNJ means nothing between emoji.
        assert_eq!(text(&o, "👩\u{200C}👩"), "👩👩");
        // A symbol that lost Extended_Pictographic in Unicode 17.
        assert_eq!(text(&o, "♔\u{200D}♔"), "♔♔");
    }

    #[test]
    fn hangul_fillers() {
        let o = only(|o| o.zero_width = true);
        let c = single(&o, "name\u{3164}");
        assert_eq!(c.kind, ChangeKind::ZeroWidth);
        assert_eq!(
            c.evidence,
            "U+3164 HANGUL FILLER: invisible, outside Hangul text, removed"
        );
        assert_eq!(text(&o, "\u{3164}"), "");
        assert_eq!(text(&o, "a\u{FFA0}b\u{115F}c\u{1160}"), "abc");
        unchanged(&o, "한\u{3164}글");
        unchanged(&o, "\u{115F}\u{1161}");
        unchanged(&o, "\u{1100}\u{1160}");
    }

    #[test]
    fn mongolian_vowel_separator() {
        let o = only(|o| o.zero_width = true);
        unchanged(&o, "ᠬᠠᠳᠠ\u{180E}ᠠ");
        assert_eq!(text(&o, "ab\u{180E}c"), "abc");
    }

    #[test]
    fn emoji_tag_sequence_kept() {
        let o = only(|o| o.zero_width = true);
        let england = "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}";
        unchanged(&o, england);
        unchanged(&o, &format!("{england}{england} x"));
    }

    #[test]
    fn stray_tags_removed_as_one_run() {
        let o = only(|o| o.zero_width = true);
        let c = single(&o, "a\u{E0001}\u{E0065}\u{E006E}b");
        assert_eq!((c.start, c.end), (1, 13));
        assert_eq!(
            c.evidence,
            "tag characters U+E0001..U+E006E outside an emoji tag sequence (U+1F3F4, tags, U+E007F), removed"
        );
        // No spec before the cancel tag, no cancel tag, or not after U+1F3F4.
        assert_eq!(text(&o, "🏴\u{E007F}"), "🏴");
        assert_eq!(text(&o, "🏴\u{E0067}\u{E0062}"), "🏴");
        assert_eq!(text(&o, "🏳\u{E0067}\u{E007F}"), "🏳");
        assert_eq!(text(&o, "🏴\u{200B}\u{E0067}\u{E007F}"), "🏴");
        // Tags after a complete sequence are a new, stray run.
        assert_eq!(
            text(&o, "🏴\u{E0067}\u{E007F}\u{E0067}"),
            "🏴\u{E0067}\u{E007F}"
        );
    }

    #[test]
    fn zero_width_off_keeps_all_of_them() {
        let o = only(|o| o.controls = true);
        unchanged(&o, "a\u{200B}b\u{200D}c\u{3164}\u{E0041}\u{2060}");
    }

    // Bidi controls.

    #[test]
    fn trojan_source_bidi_controls_removed() {
        let o = only(|o| o.bidi_controls = true);
        let c = single(&o, "ab\u{202E}cd");
        assert_eq!(c.kind, ChangeKind::BidiControl);
        assert_eq!((c.start, c.end), (2, 5));
        assert_eq!(
            text(
                &o,
                "\u{202A}a\u{202B}b\u{202C}c\u{202D}d\u{2066}e\u{2067}f\u{2068}g\u{2069}"
            ),
            "abcdefg"
        );
    }

    #[test]
    fn directional_marks_stay() {
        let o = all_char_rules();
        unchanged(&o, "a\u{200E}b\u{200F}c\u{61C}d");
        unchanged(&only(|o| o.zero_width = true), "a\u{202E}b");
    }

    // Spaces.

    #[test]
    fn exotic_spaces_become_ascii() {
        let o = only(|o| o.spaces = true);
        let c = single(&o, "10\u{A0}km");
        assert_eq!(c.kind, ChangeKind::Space);
        assert_eq!((c.start, c.end, c.after.as_str()), (2, 4, " "));
        assert_eq!(
            c.evidence,
            "U+00A0 NO-BREAK SPACE: replaced by U+0020 SPACE"
        );
        let all = "\u{A0}\u{1680}\u{2000}\u{2001}\u{2002}\u{2003}\u{2004}\u{2005}\u{2006}\u{2007}\u{2008}\u{2009}\u{200A}\u{202F}\u{205F}\u{3000}";
        assert_eq!(text(&o, all), " ".repeat(16));
        unchanged(&only(|o| o.controls = true), all);
        unchanged(&o, "a b");
    }

    // Line separators.

    #[test]
    fn line_separator_modes() {
        let mut o = only(|o| o.line_separators = LineSeparatorMode::Space);
        let c = single(&o, "a\u{2028}b");
        assert_eq!((c.kind, c.start, c.end), (ChangeKind::LineSeparator, 1, 4));
        assert_eq!(text(&o, "a\u{2028}b\u{2029}c"), "a b c");
        o.line_separators = LineSeparatorMode::Newline;
        assert_eq!(text(&o, "a\u{2028}b\u{2029}c"), "a\nb\nc");
        o.line_separators = LineSeparatorMode::Keep;
        unchanged(&o, "a\u{2028}b\u{2029}c");
    }

    // Fullwidth and quotes.

    #[test]
    fn fullwidth_ascii_variants() {
        let o = only(|o| o.fullwidth = true);
        let c = single(&o, "Ａ");
        assert_eq!((c.kind, c.after.as_str()), (ChangeKind::Fullwidth, "A"));
        assert_eq!(c.evidence, "U+FF21: fullwidth form, replaced by ASCII A");
        assert_eq!(text(&o, "！Ｐｏｌｙ２０２４～"), "!Poly2024~");
        unchanged(&o, "｟ｦ￥"); // outside U+FF01..U+FF5E
        unchanged(&HygieneOptions::default(), "Ｐｏｌｙ");
    }

    #[test]
    fn typographic_quotes() {
        let o = only(|o| o.quotes = true);
        assert_eq!(text(&o, "‘a’ ‚b‛ “c” „d‟"), "'a' 'b' \"c\" \"d\"");
        let c = single(&o, "don’t");
        assert_eq!(
            (c.kind, c.start, c.end, c.after.as_str()),
            (ChangeKind::Quote, 3, 6, "'")
        );
        unchanged(&HygieneOptions::default(), "“c”");
        unchanged(&o, "«a» ‹b›");
    }

    // Whole pass.

    #[test]
    fn spans_are_ordered_and_exact_with_multibyte_text() {
        let o = HygieneOptions::default();
        let input = "Шой\u{AD}гу\u{A0}—\u{200B}李尚福\u{0}";
        let r = run(&o, input);
        assert_eq!(r.text, "Шойгу —李尚福");
        let spans: Vec<_> = r.changes.iter().map(|c| (c.start, c.end, c.kind)).collect();
        assert_eq!(
            spans,
            vec![
                (6, 8, ChangeKind::SoftHyphen),
                (12, 14, ChangeKind::Space),
                (17, 20, ChangeKind::ZeroWidth),
                (29, 30, ChangeKind::Control),
            ]
        );
    }

    #[test]
    fn clean_non_ascii_is_borrowed() {
        let o = all_char_rules();
        unchanged(&o, "Москва — 東京 «ひらがな» العربية हिन्दी 한국어 © ½");
    }
}
