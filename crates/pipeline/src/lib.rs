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

pub use polynorm_repair as repair;
pub use polynorm_script as script;

use polynorm_repair::{Hygiene, HygieneOptions, LineSeparatorMode, NormalizationForm, Repaired};
use polynorm_script::Analysis;

/// A hygiene rule that can be switched on or off by name.
///
/// The names (`Rule::name`) are the ones the command line accepts in
/// `--enable` and `--disable`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Rule {
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
}

impl Rule {
    /// Every rule, in the order the documentation lists them.
    pub const ALL: [Rule; 11] = [
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
    ];

    /// The rule's kebab-case name, as used on the command line.
    pub const fn name(self) -> &'static str {
        match self {
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
        }
    }

    /// Whether the rule is on in a default pipeline.
    pub fn is_default(self) -> bool {
        Rule::is_on(&HygieneOptions::default(), self)
    }

    fn is_on(options: &HygieneOptions, rule: Rule) -> bool {
        match rule {
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

    fn set(options: &mut HygieneOptions, rule: Rule, on: bool) {
        match rule {
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

/// Builds a [`Pipeline`]; start from [`Pipeline::builder`].
#[derive(Clone, Debug, Default)]
pub struct PipelineBuilder {
    hygiene: HygieneOptions,
}

impl PipelineBuilder {
    /// Replaces all hygiene options at once.
    #[must_use]
    pub fn hygiene(mut self, options: HygieneOptions) -> Self {
        self.hygiene = options;
        self
    }

    /// Sets the normalization form; `None` turns normalization off.
    #[must_use]
    pub fn normalization(mut self, form: Option<NormalizationForm>) -> Self {
        self.hygiene.normalization = form;
        self
    }

    /// Switches a rule on.
    #[must_use]
    pub fn enable(mut self, rule: Rule) -> Self {
        Rule::set(&mut self.hygiene, rule, true);
        self
    }

    /// Switches a rule off.
    #[must_use]
    pub fn disable(mut self, rule: Rule) -> Self {
        Rule::set(&mut self.hygiene, rule, false);
        self
    }

    /// Finishes the pipeline.
    pub fn build(self) -> Pipeline {
        Pipeline {
            hygiene: Hygiene::new(self.hygiene),
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
        Rule::is_on(self.hygiene.options(), rule)
    }

    /// Cleans `text` with every enabled stage.
    ///
    /// Never fails: text it is unsure about stays as it was. The result borrows
    /// `text` when nothing changed. Cleaning is idempotent: cleaning the output
    /// again changes nothing.
    pub fn clean<'a>(&self, text: &'a str) -> Repaired<'a> {
        self.hygiene.apply(text)
    }

    /// Analyses scripts, tokens and language of `text`, unchanged.
    pub fn detect<'a>(&self, text: &'a str) -> Analysis<'a> {
        polynorm_script::analyze(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            [Rule::HtmlEntities, Rule::Fullwidth, Rule::Quotes]
        );
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
    fn disabled_rule_leaves_text() {
        let p = Pipeline::builder().disable(Rule::ZeroWidth).build();
        assert_eq!(p.clean("a\u{200B}b").text, "a\u{200B}b");
        assert_eq!(Pipeline::default().clean("a\u{200B}b").text, "ab");
    }
}
