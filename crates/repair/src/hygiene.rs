//! The hygiene driver: runs the stages until none of them changes anything.

use crate::{chars, entities, normalize, scan, HygieneOptions, Repaired};

/// At most this many stage runs beyond the first round; real text settles in
/// one or two rounds.
const MAX_EXTRA_RUNS: usize = 9;

/// Text hygiene with a fixed set of options.
///
/// Build it once and apply it to many texts; it is cheap to clone and is
/// `Send` and `Sync`.
///
/// ```
/// use polynorm_repair::{Hygiene, HygieneOptions, ChangeKind};
///
/// let hygiene = Hygiene::new(HygieneOptions { quotes: true, ..HygieneOptions::default() });
/// let r = hygiene.apply("\u{201C}Hi\u{201D}\u{00A0}there");
/// assert_eq!(r.text, "\"Hi\" there");
/// assert_eq!(r.changes[2].kind, ChangeKind::Space);
/// ```
#[derive(Clone, Debug)]
pub struct Hygiene {
    options: HygieneOptions,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    Entities,
    Chars,
    Normalize,
}

impl Hygiene {
    /// Hygiene with the given options.
    pub fn new(options: HygieneOptions) -> Self {
        Hygiene { options }
    }

    /// The options in force.
    pub fn options(&self) -> &HygieneOptions {
        &self.options
    }

    /// Whether one look at the bytes shows that [`Hygiene::apply`] leaves
    /// `text` as it is: printable ASCII, tabs and line feeds only (and no
    /// `&` when HTML references are decoded). `apply` starts with this
    /// look. Such text holds nothing [`crate::Mojibake`] reads as damage
    /// either (mojibake is always non-ASCII), so a pipeline can settle both
    /// stages with this one look.
    pub fn leaves_at_a_glance(&self, text: &str) -> bool {
        scan::is_plain_ascii(text, self.options.html_entities)
    }

    /// Cleans `text`. Borrows it when nothing changes; never fails.
    ///
    /// Stages run in the order HTML references, per-character rules,
    /// normalization, and round again until every enabled stage has seen the
    /// current text without changing it, so the result is a fixed point:
    /// applying the same `Hygiene` to it changes nothing.
    // Kept out of line on purpose, as `run` is: callers' changes flipped
    // whether LLVM inlined it (session 19, BENCHMARKS "Session 19 (helper
    // B)").
    #[inline(never)]
    pub fn apply<'a>(&self, text: &'a str) -> Repaired<'a> {
        if self.leaves_at_a_glance(text) {
            return Repaired::unchanged(text);
        }
        let mut stages = [Stage::Entities; 3];
        let mut count = 0;
        let o = &self.options;
        for (on, stage) in [
            (o.html_entities, Stage::Entities),
            (o.any_char_rule(), Stage::Chars),
            (o.normalization.is_some(), Stage::Normalize),
        ] {
            if let (true, Some(slot)) = (on, stages.get_mut(count)) {
                *slot = stage;
                count += 1;
            }
        }
        let stages = stages.get(..count).unwrap_or_default();
        let mut result = Repaired::unchanged(text);
        // How many stages in a row have seen the current text unchanged.
        let mut quiet = 0;
        let mut runs = 0;
        let limit = stages.len() + MAX_EXTRA_RUNS;
        while quiet < stages.len() && runs < limit {
            let Some(&stage) = stages.get(runs % stages.len()) else {
                break;
            };
            let before = result.changes.len();
            result = result.and_then(|t| self.run(stage, t));
            // A stage that changed something is a fixed point of its own output.
            quiet = if result.changes.len() > before {
                1
            } else {
                quiet + 1
            };
            runs += 1;
        }
        debug_assert!(quiet >= stages.len(), "hygiene did not settle on {text:?}");
        result
    }

    // Kept out of line on purpose: LLVM inlined it into `apply` in some
    // builds and not in others (code layout), and inlined it cost Chinese
    // about 5% in time for 0.2–0.3% fewer instructions (session 18,
    // BENCHMARKS "Session 18 (helper B)").
    #[inline(never)]
    fn run<'t>(&self, stage: Stage, text: &'t str) -> Repaired<'t> {
        match stage {
            Stage::Entities => entities::apply(text),
            Stage::Chars => chars::apply(&self.options, text),
            Stage::Normalize => match self.options.normalization {
                Some(form) => normalize::apply(form, text),
                None => Repaired::unchanged(text),
            },
        }
    }
}

impl Default for Hygiene {
    fn default() -> Self {
        Hygiene::new(HygieneOptions::default())
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;
    use crate::{ChangeKind, LineSeparatorMode, NormalizationForm};

    fn with(set: impl FnOnce(&mut HygieneOptions)) -> Hygiene {
        let mut o = HygieneOptions::default();
        set(&mut o);
        Hygiene::new(o)
    }

    fn assert_idempotent(h: &Hygiene, input: &str) -> String {
        let once = h.apply(input).text.into_owned();
        let twice = h.apply(&once);
        assert!(
            matches!(twice.text, Cow::Borrowed(_)),
            "{input:?} -> {once:?} -> {:?}",
            twice.text
        );
        once
    }

    #[test]
    fn options_are_kept() {
        let h = with(|o| o.quotes = true);
        assert!(h.options().quotes);
        assert_eq!(Hygiene::default().options(), &HygieneOptions::default());
    }

    #[test]
    fn ascii_fast_path_is_borrowed() {
        for o in [
            HygieneOptions::default(),
            HygieneOptions::all(),
            HygieneOptions::none(),
        ] {
            let r = Hygiene::new(o).apply("plain\tASCII text, 100% (no changes)\n");
            assert!(matches!(r.text, Cow::Borrowed(_)));
            assert!(!r.is_changed());
        }
        // '&' leaves the fast path only when HTML references are on.
        let r = Hygiene::new(HygieneOptions::all()).apply("AT&T");
        assert!(matches!(r.text, Cow::Borrowed(_)));
    }

    #[test]
    fn all_rules_off_changes_nothing() {
        let h = Hygiene::new(HygieneOptions::none());
        let r = h.apply("e\u{301}\u{0}\u{200B}\u{A0}&amp;\u{202E}");
        assert!(matches!(r.text, Cow::Borrowed(_)));
    }

    #[test]
    fn each_rule_off_leaves_its_characters() {
        type Off = fn(&mut HygieneOptions);
        let cases: [(&str, Off); 11] = [
            ("e\u{301}", |o| o.normalization = None),
            ("a\u{0}b", |o| o.controls = false),
            ("\u{FEFF}a", |o| o.bom = false),
            ("a\u{AD}b", |o| o.soft_hyphens = false),
            ("a\u{200B}b", |o| o.zero_width = false),
            ("a\u{202E}b", |o| o.bidi_controls = false),
            ("a\u{A0}b", |o| o.spaces = false),
            ("a\u{2028}b", |o| {
                o.line_separators = LineSeparatorMode::Keep;
            }),
            ("a&amp;b", |o| o.html_entities = false),
            ("\u{FF21}", |o| o.fullwidth = false),
            ("\u{201C}", |o| o.quotes = false),
        ];
        for (input, off) in cases {
            let on = Hygiene::new(HygieneOptions::all());
            assert!(on.apply(input).is_changed(), "{input:?} with all rules on");
            let mut o = HygieneOptions::all();
            off(&mut o);
            let r = Hygiene::new(o).apply(input);
            assert!(
                matches!(r.text, Cow::Borrowed(_)),
                "{input:?}: {:?}",
                r.changes
            );
        }
    }

    #[test]
    fn removal_then_normalization_composes_spans() {
        // ZWSP between "e" and U+0301: removal first, then NFC composes.
        let r = Hygiene::default().apply("e\u{200B}\u{301}!");
        assert_eq!(r.text, "é!");
        assert_eq!(r.changes.len(), 2);
        let (nfc, zw) = (&r.changes[0], &r.changes[1]);
        assert_eq!(
            (nfc.kind, nfc.start, nfc.end),
            (ChangeKind::Normalization, 0, 6)
        );
        assert_eq!((nfc.before.as_str(), nfc.after.as_str()), ("e\u{301}", "é"));
        assert_eq!((zw.kind, zw.start, zw.end), (ChangeKind::ZeroWidth, 1, 4));
    }

    #[test]
    fn normalization_after_a_removal_maps_to_input_offsets() {
        let r = Hygiene::default().apply("\u{200B}\u{200B}Cafe\u{301}");
        assert_eq!(r.text, "Café");
        let nfc = r.changes.last().unwrap();
        assert_eq!((nfc.start, nfc.end), (9, 12));
        assert_eq!(nfc.before, "e\u{301}");
    }

    #[test]
    fn nfkc_output_is_cleaned_again() {
        let h = with(|o| o.normalization = Some(NormalizationForm::Nfkc));
        assert_eq!(assert_idempotent(&h, "ﬁ\u{A0}x ①"), "fi x 1");
    }

    #[test]
    fn entities_feed_the_other_rules() {
        let h = with(|o| o.html_entities = true);
        // &nbsp; decodes to U+00A0, which the space rule then maps.
        let r = h.apply("a&nbsp;b");
        assert_eq!(r.text, "a b");
        let kinds: Vec<_> = r.changes.iter().map(|c| c.kind).collect();
        assert_eq!(kinds, [ChangeKind::HtmlEntity, ChangeKind::Space]);
        assert_eq!((r.changes[1].start, r.changes[1].end), (1, 7));
        assert_eq!(assert_idempotent(&h, "e&#769;"), "é");
        assert_eq!(assert_idempotent(&h, "x&#8203;y"), "xy");
    }

    #[test]
    fn other_rules_can_complete_a_reference() {
        // Fullwidth '&' and a removed ZWSP both leave "&lt;", decoded on the
        // next round so the result is stable.
        let h = Hygiene::new(HygieneOptions::all());
        assert_eq!(assert_idempotent(&h, "\u{FF06}lt;"), "<");
        assert_eq!(assert_idempotent(&h, "&l\u{200B}t;"), "<");
        assert_eq!(assert_idempotent(&h, "&lt\u{37E}"), "<"); // NFC: U+037E -> ';'
    }

    #[test]
    fn double_escaped_reference_is_stable() {
        let h = with(|o| o.html_entities = true);
        assert_eq!(assert_idempotent(&h, "&amp;lt;"), "&amp;lt;");
        assert_eq!(assert_idempotent(&h, "&amp;&#108;t;"), "&&#108;t;");
    }

    #[test]
    fn idempotent_on_tricky_inputs() {
        let cases = [
            "\u{FEFF}\u{FEFF}x",
            "\u{0}\u{FEFF}x",
            "\r\u{200B}\n",
            "a\u{200D}\u{301}b",
            "\u{3164}\u{1100}",
            "e\u{200B}\u{301}\u{200B}\u{323}",
            "\u{1100}\u{200B}\u{1161}",
            "\u{2000}\u{301}",
        ];
        let mut options = vec![HygieneOptions::default(), HygieneOptions::all()];
        for form in NormalizationForm::ALL {
            options.push(HygieneOptions {
                normalization: Some(form),
                ..HygieneOptions::all()
            });
        }
        options.push(HygieneOptions {
            zero_width: false,
            ..HygieneOptions::default()
        });
        options.push(HygieneOptions {
            controls: false,
            ..HygieneOptions::default()
        });
        for o in options {
            let h = Hygiene::new(o);
            for case in cases {
                assert_idempotent(&h, case);
            }
        }
    }
}
