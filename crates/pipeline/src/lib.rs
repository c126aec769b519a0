#![doc = include_str!("../README.md")]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

pub use polynorm_names as names;
pub use polynorm_repair as repair;
pub use polynorm_repair::DocumentContext;
pub use polynorm_script as script;
pub use polynorm_translit as translit;

use polynorm_repair::{
    Hygiene, HygieneOptions, LineSeparatorMode, MixedScript, MixedScriptOptions, Mojibake,
    MojibakeOptions, NormalizationForm, Repaired,
};
use polynorm_script::Analysis;

/// A cleaning rule that can be switched on or off by name.
///
/// The names (`Rule::name`) are the ones the command line accepts in
/// `--enable` and `--disable`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Rule {
    /// Text decoded with the wrong encoding (`cafÃ©`, `РЎРµСЂРіРµР№`, 8-bit
    /// text read with another 8-bit code page) is re-read with the right one.
    Mojibake,
    /// `\uXXXX` escapes and HTML references escaped more than once
    /// (`&amp;lt;`); off by default.
    Escapes,
    /// Unicode normalization (NFC unless another form is chosen).
    Normalization,
    /// C0 and C1 control characters other than tab and newline.
    Controls,
    /// A byte order mark at the start of the text.
    Bom,
    /// Soft hyphens (U+00AD).
    SoftHyphens,
    /// Zero-width and invisible characters outside the contexts that need them.
    ZeroWidth,
    /// Bidi embedding, override and isolate controls (the Trojan Source set).
    BidiControls,
    /// Exotic spaces (NBSP, thin, ideographic, …) to a plain space.
    Spaces,
    /// Line and paragraph separators (U+2028, U+2029) to a plain space.
    LineSeparators,
    /// HTML character references (`&amp;`, `&#1089;`); off by default.
    HtmlEntities,
    /// Fullwidth ASCII forms (`ＡＢＣ`) to ASCII; off by default.
    Fullwidth,
    /// Curly quotes to straight ones; off by default.
    Quotes,
    /// Mixed-script words: letters of another script that look the same
    /// (a Cyrillic `о` in a Latin word) become the word's own.
    Homoglyphs,
    /// Words or lines typed with the wrong keyboard layout are re-typed
    /// (`Sergeн` → `Sergey`, `ghbdtn` → `привет`).
    KeyboardLayouts,
}

impl Rule {
    /// Every rule, in the order the documentation lists them.
    pub const ALL: [Rule; 15] = [
        Rule::Mojibake,
        Rule::Escapes,
        Rule::Normalization,
        Rule::Controls,
        Rule::Bom,
        Rule::SoftHyphens,
        Rule::ZeroWidth,
        Rule::BidiControls,
        Rule::Spaces,
        Rule::LineSeparators,
        Rule::HtmlEntities,
        Rule::Fullwidth,
        Rule::Quotes,
        Rule::Homoglyphs,
        Rule::KeyboardLayouts,
    ];

    /// The rule's kebab-case name, as used on the command line.
    pub const fn name(self) -> &'static str {
        match self {
            Rule::Mojibake => "mojibake",
            Rule::Escapes => "escapes",
            Rule::Normalization => "normalization",
            Rule::Controls => "controls",
            Rule::Bom => "bom",
            Rule::SoftHyphens => "soft-hyphens",
            Rule::ZeroWidth => "zero-width",
            Rule::BidiControls => "bidi-controls",
            Rule::Spaces => "spaces",
            Rule::LineSeparators => "line-separators",
            Rule::HtmlEntities => "html-entities",
            Rule::Fullwidth => "fullwidth",
            Rule::Quotes => "quotes",
            Rule::Homoglyphs => "homoglyphs",
            Rule::KeyboardLayouts => "keyboard-layouts",
        }
    }

    /// One line saying what the rule does (the command's `--help` text).
    pub const fn description(self) -> &'static str {
        match self {
            Rule::Mojibake => {
                "Text decoded with the wrong encoding (cafÃ© → café, РЎРµСЂРіРµР№ → Сергей)"
            }
            Rule::Escapes => {
                "Decode \\uXXXX escapes and HTML references escaped twice (&amp;lt;) (off by default)"
            }
            Rule::Normalization => "Unicode normalization (see --normalize)",
            Rule::Controls => {
                "C0/C1 control characters except tab and newline (VT, FF, lone CR, NEL become a space)"
            }
            Rule::Bom => "A byte order mark at the start of a line",
            Rule::SoftHyphens => "Soft hyphens (U+00AD)",
            Rule::ZeroWidth => {
                "Zero-width and invisible characters, except ZWJ/ZWNJ where a script or an emoji needs them"
            }
            Rule::BidiControls => {
                "Bidi embedding, override and isolate controls (the Trojan Source set)"
            }
            Rule::Spaces => "NBSP, thin, ideographic and other exotic spaces to a plain space",
            Rule::LineSeparators => {
                "Line and paragraph separators (U+2028, U+2029) to a plain space"
            }
            Rule::HtmlEntities => {
                "Decode HTML character references such as &amp; and &#1089; (off by default)"
            }
            Rule::Fullwidth => "Fold fullwidth ASCII forms to ASCII (off by default)",
            Rule::Quotes => "Straighten curly quotes (off by default)",
            Rule::Homoglyphs => {
                "Mixed-script words: lookalike letters of another script (a Cyrillic о in a Latin word)"
            }
            Rule::KeyboardLayouts => {
                "Words or lines typed with the wrong keyboard layout (Sergeн → Sergey, ghbdtn → привет)"
            }
        }
    }

    /// Whether the rule is on in a default pipeline.
    pub fn is_default(self) -> bool {
        Rule::is_on(&Settings::default(), self)
    }

    fn is_on(settings: &Settings, rule: Rule) -> bool {
        let (options, mixed) = (&settings.hygiene, settings.mixed);
        match rule {
            Rule::Mojibake => settings.mojibake.utf8 || settings.mojibake.legacy,
            Rule::Escapes => settings.escapes,
            Rule::Homoglyphs => mixed.homoglyphs,
            Rule::KeyboardLayouts => mixed.keyboard_layouts,
            Rule::Normalization => options.normalization.is_some(),
            Rule::Controls => options.controls,
            Rule::Bom => options.bom,
            Rule::SoftHyphens => options.soft_hyphens,
            Rule::ZeroWidth => options.zero_width,
            Rule::BidiControls => options.bidi_controls,
            Rule::Spaces => options.spaces,
            Rule::LineSeparators => options.line_separators != LineSeparatorMode::Keep,
            Rule::HtmlEntities => options.html_entities,
            Rule::Fullwidth => options.fullwidth,
            Rule::Quotes => options.quotes,
        }
    }

    fn set(settings: &mut Settings, rule: Rule, on: bool) {
        let (options, mixed) = (&mut settings.hygiene, &mut settings.mixed);
        match rule {
            Rule::Mojibake => {
                settings.mojibake.utf8 = on;
                settings.mojibake.legacy = on;
            }
            Rule::Escapes => settings.escapes = on,
            Rule::Homoglyphs => mixed.homoglyphs = on,
            Rule::KeyboardLayouts => mixed.keyboard_layouts = on,
            Rule::Normalization => {
                options.normalization = if on {
                    Some(options.normalization.unwrap_or_default())
                } else {
                    None
                };
            }
            Rule::Controls => options.controls = on,
            Rule::Bom => options.bom = on,
            Rule::SoftHyphens => options.soft_hyphens = on,
            Rule::ZeroWidth => options.zero_width = on,
            Rule::BidiControls => options.bidi_controls = on,
            Rule::Spaces => options.spaces = on,
            Rule::LineSeparators => {
                options.line_separators = if on {
                    LineSeparatorMode::Space
                } else {
                    LineSeparatorMode::Keep
                };
            }
            Rule::HtmlEntities => options.html_entities = on,
            Rule::Fullwidth => options.fullwidth = on,
            Rule::Quotes => options.quotes = on,
        }
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Rounds of [`Pipeline::clean_document`] before it stops looking for a
/// fixed point.
const MAX_DOCUMENT_ROUNDS: usize = 4;

/// Rounds of mojibake repair and hygiene on one line before they are taken
/// as settled (hygiene can bring characters together that were apart).
const MAX_LINE_ROUNDS: usize = 3;

/// The options of every stage, as the builder collects them.
#[derive(Clone, Debug, Default)]
struct Settings {
    hygiene: HygieneOptions,
    mixed: MixedScriptOptions,
    mojibake: MojibakeOptions,
    escapes: bool,
}

/// Builds a [`Pipeline`]; start from [`Pipeline::builder`].
#[derive(Clone, Debug, Default)]
pub struct PipelineBuilder {
    settings: Settings,
    words: Vec<String>,
    /// [`PipelineBuilder::evidence`] switched off.
    no_evidence: bool,
}

impl PipelineBuilder {
    /// Replaces all hygiene options at once.
    #[must_use]
    pub fn hygiene(mut self, options: HygieneOptions) -> Self {
        self.settings.hygiene = options;
        self
    }

    /// Sets the normalization form; `None` turns normalization off.
    #[must_use]
    pub fn normalization(mut self, form: Option<NormalizationForm>) -> Self {
        self.settings.hygiene.normalization = form;
        self
    }

    /// Switches a rule on.
    #[must_use]
    pub fn enable(mut self, rule: Rule) -> Self {
        Rule::set(&mut self.settings, rule, true);
        self
    }

    /// Switches a rule off.
    #[must_use]
    pub fn disable(mut self, rule: Rule) -> Self {
        Rule::set(&mut self.settings, rule, false);
        self
    }

    /// The least confidence (0–1) at which a mixed-script repair is made
    /// (default 0.9). Values outside 0–1 are clamped.
    #[must_use]
    pub fn min_confidence(mut self, confidence: f32) -> Self {
        self.settings.mixed.min_confidence = if confidence.is_nan() {
            MixedScriptOptions::default().min_confidence
        } else {
            confidence.clamp(0.0, 1.0)
        };
        self
    }

    /// Sets the mojibake repair's options (both channels on, least
    /// confidence 0.8, by default); [`Rule::Mojibake`] switches both
    /// channels at once.
    #[must_use]
    pub fn mojibake(mut self, options: MojibakeOptions) -> Self {
        self.settings.mojibake = options;
        self
    }

    /// Whether changes carry their [evidence](polynorm_repair::Change::evidence)
    /// text (on by default). Off, the mojibake repair leaves it empty (its
    /// other fields and the text are the same): for jobs that use the text
    /// and the changes' kinds but never show the evidence, which the
    /// repair spends about a tenth of its time on damaged text writing.
    #[must_use]
    pub fn evidence(mut self, on: bool) -> Self {
        self.no_evidence = !on;
        self
    }

    /// Adds domain words (names, brands, jargon): never changed by the
    /// mixed-script repair, and preferred as its candidates.
    #[must_use]
    pub fn words<I, S>(mut self, words: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.words
            .extend(words.into_iter().map(|w| w.as_ref().to_owned()));
        self
    }

    /// Finishes the pipeline.
    pub fn build(self) -> Pipeline {
        let settings = self.settings;
        let mut mixed = MixedScript::new(settings.mixed);
        mixed.add_words(&self.words);
        Pipeline {
            hygiene: Hygiene::new(settings.hygiene),
            mixed,
            mojibake: Mojibake::new(settings.mojibake).with_evidence(!self.no_evidence),
            escapes: settings.escapes,
        }
    }
}

/// Every polynorm stage, configured once and applied to many texts.
///
/// A `Pipeline` is immutable, `Send` and `Sync`: build it once and share it
/// between threads.
#[derive(Clone, Debug)]
pub struct Pipeline {
    hygiene: Hygiene,
    mixed: MixedScript,
    mojibake: Mojibake,
    escapes: bool,
}

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline::builder().build()
    }
}

impl Pipeline {
    /// Starts a builder with the default options.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// The hygiene options in force.
    pub fn hygiene_options(&self) -> &HygieneOptions {
        self.hygiene.options()
    }

    /// Whether a rule is on.
    pub fn is_enabled(&self, rule: Rule) -> bool {
        let settings = Settings {
            hygiene: *self.hygiene.options(),
            mixed: *self.mixed.options(),
            mojibake: *self.mojibake.options(),
            escapes: self.escapes,
        };
        Rule::is_on(&settings, rule)
    }

    /// Cleans `text` with every enabled stage, using `text` itself as the
    /// document context of the mixed-script repair.
    ///
    /// Never fails: text it is unsure about stays as it was. The result borrows
    /// `text` when nothing changed. Cleaning is idempotent: cleaning the output
    /// again changes nothing.
    pub fn clean<'a>(&self, text: &'a str) -> Repaired<'a> {
        self.clean_document([text])
            .pop()
            .unwrap_or_else(|| Repaired::unchanged(text))
    }

    /// Cleans the lines of one document: escapes (when on), mojibake repair
    /// and hygiene on each line, then the mixed-script repair of every line judged with the words of all of
    /// them (so `Sergeн` on one line is read against `Sergey` on another).
    ///
    /// The repair runs to a fixed point of the document: a repaired word
    /// joins the context, and rounds go on until no line changes, so that
    /// cleaning the output again changes nothing. The context is built only
    /// when some line [needs review](Pipeline::needs_review).
    pub fn clean_document<'a, I>(&self, lines: I) -> Vec<Repaired<'a>>
    where
        I: IntoIterator<Item = &'a str>,
    {
        let lines = lines.into_iter();
        let mut results: Vec<Repaired<'a>> = Vec::with_capacity(lines.size_hint().0);
        // The lines the mixed-script stage is to see, in order (most
        // documents have none: no list is allocated for them).
        let mut pending: Vec<usize> = Vec::new();
        for l in lines {
            // Printable ASCII that hygiene passes at a glance (see
            // `Pipeline::line`), with the mixed-script gate's answer from
            // the same look at its bytes.
            let at_a_glance = if self.escapes {
                None
            } else {
                self.mixed.review_at_a_glance(l, &self.hygiene)
            };
            let (result, review) = if let Some(review) = at_a_glance {
                (Repaired::unchanged(l), review)
            } else {
                // (`None`: hygiene does not leave it at a glance, or
                // escapes are decoded first.)
                let r = self.line_stages(l);
                let review = self.mixed.needs_review(&r.text);
                (r, review)
            };
            if review {
                pending.push(results.len());
            }
            results.push(result);
        }
        for round in 0..MAX_DOCUMENT_ROUNDS {
            if pending.is_empty() {
                break;
            }
            let mut context = DocumentContext::new();
            for r in &results {
                context.add(&r.text);
            }
            let mut changed_any = false;
            // A line the stage leaves as it is is settled; one it changes
            // is seen again in the next round.
            pending.retain(|&i| {
                let Some(result) = results.get_mut(i) else {
                    return false;
                };
                let taken = std::mem::replace(result, Repaired::unchanged(""));
                let before = taken.changes.len();
                // (In the first round every pending line is as the gate
                // passed it; later, a line the judge changed.)
                // (Later, what the earlier rounds wrote is no part of the
                // line as typed: [`MixedScript::apply_again`].)
                let mut repaired = if round == 0 {
                    taken.and_then(|t| self.mixed.apply_passed(t, &context))
                } else {
                    self.mixed.apply_again(taken, &context)
                };
                let again = repaired.changes.len() > before;
                if again {
                    // A re-typed letter can meet a combining mark that now
                    // composes, or form a sequence the mojibake repair
                    // reads: the line stages run once more.
                    repaired = repaired.and_then(|t| self.line(t));
                    changed_any = true;
                }
                *result = repaired;
                again
            });
            if !changed_any {
                break;
            }
        }
        results
    }

    /// The stages that see one line at a time, to their fixed point:
    /// escapes (when on), then mojibake repair before hygiene (normalization
    /// and the control and space rules would rewrite the characters that
    /// tell mojibake: C1 controls, no-break spaces), then again while
    /// hygiene's changes leave something to repair (a removed zero-width
    /// space can join the halves of a mojibake sequence).
    pub fn line<'a>(&self, text: &'a str) -> Repaired<'a> {
        // Printable ASCII that hygiene passes at a glance holds nothing the
        // mojibake stage reads either (every sign of mojibake is a
        // non-ASCII character): one look at the bytes settles both, rather
        // than the mojibake scan's own pass over them and then hygiene's.
        if !self.escapes && self.hygiene.leaves_at_a_glance(text) {
            return Repaired::unchanged(text);
        }
        self.line_stages(text)
    }

    /// [`Pipeline::line`] on text that hygiene does not leave at a glance.
    fn line_stages<'a>(&self, text: &'a str) -> Repaired<'a> {
        let mut result = Repaired::unchanged(text);
        for _ in 0..MAX_LINE_ROUNDS {
            if self.escapes {
                result = result.and_then(polynorm_repair::decode_escapes);
            }
            result = result.and_then(|t| self.mojibake.apply(t));
            let repaired = result.changes.len();
            result = result.and_then(|t| self.hygiene.apply(t));
            // Settled when hygiene changed nothing after the repairs (they
            // are fixed points of their own output), or nothing is left to
            // repair.
            if result.changes.len() == repaired || !self.needs_line_round(&result.text) {
                break;
            }
        }
        result
    }

    /// Whether the first stages could change `text` again.
    fn needs_line_round(&self, text: &str) -> bool {
        self.mojibake.needs_review(text)
            || (self.escapes && polynorm_repair::decode_escapes(text).is_changed())
    }

    /// Hygiene alone: the last of the line stages of [`Pipeline::clean`].
    pub fn hygiene<'a>(&self, text: &'a str) -> Repaired<'a> {
        self.hygiene.apply(text)
    }

    /// Whether a line (after hygiene) may hold mixed-script damage; a cheap
    /// scan that is false for almost all clean text.
    pub fn needs_review(&self, text: &str) -> bool {
        self.mixed.needs_review(text)
    }

    /// Analyses scripts, tokens and language of `text`, unchanged.
    pub fn detect<'a>(&self, text: &'a str) -> Analysis<'a> {
        polynorm_script::analyze(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use polynorm_repair::{Change, ChangeKind};

    #[test]
    fn evidence_off_changes_nothing_but_the_evidence() {
        let with = Pipeline::default();
        let without = Pipeline::builder().evidence(false).build();
        // The evaluation cases' JSON lines, damaged inputs and all.
        let cases = [
            include_str!("../../../fixtures/eval/mojibake/ru.jsonl"),
            include_str!("../../../fixtures/eval/mojibake/fr.jsonl"),
            include_str!("../../../fixtures/eval/mojibake/el.jsonl"),
        ];
        let mut mojibake = 0;
        for line in cases.iter().flat_map(|c| c.lines()) {
            let (a, b) = (with.clean(line), without.clean(line));
            assert_eq!(a.text, b.text, "{line}");
            assert_eq!(a.changes.len(), b.changes.len(), "{line}");
            for (x, y) in a.changes.iter().zip(&b.changes) {
                if x.kind == ChangeKind::Mojibake {
                    mojibake += 1;
                    assert!(!x.evidence.is_empty());
                    assert_eq!(y.evidence, "");
                    assert_eq!(
                        Change {
                            evidence: y.evidence.clone(),
                            ..x.clone()
                        },
                        *y
                    );
                } else {
                    assert_eq!(x, y);
                }
            }
        }
        assert!(mojibake > 10, "{mojibake} mojibake changes");
    }

    #[test]
    fn rule_names_are_unique_and_round_trip_through_options() {
        let mut seen = std::collections::BTreeSet::new();
        for rule in Rule::ALL {
            assert!(seen.insert(rule.name()), "duplicate name {rule}");
            let on = Pipeline::builder().enable(rule).build();
            assert!(on.is_enabled(rule), "{rule} should be on");
            let off = Pipeline::builder().disable(rule).build();
            assert!(!off.is_enabled(rule), "{rule} should be off");
        }
    }

    #[test]
    fn defaults_match_hygiene_defaults() {
        let off_by_default: Vec<_> = Rule::ALL.into_iter().filter(|r| !r.is_default()).collect();
        assert_eq!(
            off_by_default,
            [
                Rule::Escapes,
                Rule::HtmlEntities,
                Rule::Fullwidth,
                Rule::Quotes
            ]
        );
        assert!(Rule::Mojibake.is_default());
        assert!(Rule::Homoglyphs.is_default() && Rule::KeyboardLayouts.is_default());
    }

    #[test]
    fn enabling_normalization_keeps_a_chosen_form() {
        let p = Pipeline::builder()
            .normalization(Some(NormalizationForm::Nfkd))
            .enable(Rule::Normalization)
            .build();
        assert_eq!(
            p.hygiene_options().normalization,
            Some(NormalizationForm::Nfkd)
        );
    }

    #[test]
    fn mojibake_is_repaired_before_hygiene() {
        let p = Pipeline::default();
        // The NBSP of `à` (C3 A0) survives until the mojibake stage reads it.
        assert_eq!(p.clean("voilÃ\u{A0} tout, cafÃ©").text, "voilà tout, café");
        assert_eq!(p.clean("РЎРµСЂРіРµР№").text, "Сергей");
        let off = Pipeline::builder().disable(Rule::Mojibake).build();
        assert_eq!(off.clean("cafÃ©").text, "cafÃ©");
    }

    #[test]
    fn escapes_when_enabled() {
        let p = Pipeline::builder().enable(Rule::Escapes).build();
        assert_eq!(
            p.clean(r"caf\u00c3\u00a9 &amp;lt;b&amp;gt;").text,
            "café <b>"
        );
        assert_eq!(Pipeline::default().clean(r"caf\u00e9").text, r"caf\u00e9");
    }

    #[test]
    fn zero_width_inside_mojibake_is_settled_in_one_clean() {
        let p = Pipeline::default();
        let once = p.clean("caf\u{C3}\u{200B}\u{A9} ok").text.into_owned();
        assert_eq!(once, "café ok");
        assert_eq!(p.clean(&once).text, once);
    }

    #[test]
    fn disabled_rule_leaves_text() {
        let p = Pipeline::builder().disable(Rule::ZeroWidth).build();
        assert_eq!(p.clean("a\u{200B}b").text, "a\u{200B}b");
        assert_eq!(Pipeline::default().clean("a\u{200B}b").text, "ab");
    }
}
