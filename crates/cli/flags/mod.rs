//! Command-line flags. The doc comments here are the `--help` text.

mod batch;

pub(crate) use batch::{BatchArgs, Format};

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use polynorm_pipeline::repair::NormalizationForm;
use polynorm_pipeline::Rule;

/// Clean scraped multilingual text and analyse its scripts and languages.
///
/// polynorm reads text line by line from files or standard input and writes
/// exactly one output line per input line, in order, in UTF-8. A file in
/// another encoding (windows-1251, KOI8-R, Shift_JIS, UTF-16, …) is decoded
/// from the encoding its first 64 KiB show, with a note on standard error, or
/// from the one --encoding names; in UTF-8 with a few bad bytes, each bad
/// sequence is replaced with U+FFFD and reported as FILE:LINE:BYTE.
///
/// Exit status: 0 when all input was fine, 1 when some input was bad (invalid
/// UTF-8, an over-long line), 2 on a usage or I/O error. A closed output pipe
/// ends polynorm quietly with status 0.
#[derive(Debug, Parser)]
#[command(name = "polynorm", version, max_term_width = 100)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Clean text: Unicode normalization, controls, invisible characters,
    /// bidi controls, exotic spaces, homoglyphs and keyboard-layout slips.
    ///
    /// Writes the cleaned text, one line per input line. With --explain, writes
    /// one JSON object per input line instead:
    /// {"line":N,"text":"…","changes":[{"kind","start","end","before","after","confidence","evidence"}]}
    /// where start and end are byte offsets into the input line.
    Clean(CleanArgs),
    /// Report scripts, script runs, word tokens, UTS #39 restriction levels,
    /// dominant script and language, as one JSON object per input line.
    Detect(DetectArgs),
    /// Transliterate text between scripts by a named standard scheme:
    /// ICAO, BGN/PCGN, ISO 9, GOST and national Latin alphabets for Cyrillic,
    /// ELOT 743 for Greek, Hanyu Pinyin, Hepburn, Revised Romanization, and
    /// an any-script-to-ASCII fallback (`polynorm translit --list`).
    ///
    /// Writes the transliterated text, one line per input line; text in
    /// other scripts passes through unchanged.
    Translit(TranslitArgs),
    /// Person names: cluster variants of one person (`polynorm names
    /// cluster`), resolve against a registry (`resolve`), or compare two
    /// names and explain the decision (`compare --explain`).
    Names(crate::names::NamesArgs),
}

#[derive(Debug, Args)]
pub(crate) struct TranslitArgs {
    /// The scheme, e.g. ru-icao, ru-bgn-pcgn, ru-iso9, uk-national,
    /// el-elot743, zh-pinyin, ja-hepburn, ko-rr, any-ascii (see --list).
    #[arg(long, short, value_name = "NAME", required_unless_present = "list")]
    pub(crate) scheme: Option<String>,

    /// Print every scheme with its standard, scripts and reversibility, and exit.
    #[arg(long, conflicts_with_all = ["scheme", "name", "tones", "reverse"])]
    pub(crate) list: bool,

    /// Name mode: person names (pinyin `Xi Jinping` with surname readings;
    /// name conventions for the reverse of ru-press and uk-national).
    #[arg(long)]
    pub(crate) name: bool,

    /// Tone marks in pinyin (`Xí Jìnpíng`).
    #[arg(long)]
    pub(crate) tones: bool,

    /// Transliterate back into the scheme's source script: exact for the
    /// reversible schemes (ru-iso9, ru-scholarly, sr-latin, el-iso843),
    /// best effort for names (ru-press, uk-national with --name).
    #[arg(long)]
    pub(crate) reverse: bool,

    #[command(flatten)]
    pub(crate) input: InputArgs,

    #[command(flatten)]
    pub(crate) batch: BatchArgs,
}

/// Where input comes from.
#[derive(Debug, Args)]
pub(crate) struct InputArgs {
    /// Files to read, in order. With none, or `-`, standard input is read.
    #[arg(value_name = "FILE")]
    pub(crate) files: Vec<PathBuf>,

    /// Longest line to process, in bytes. A longer line is passed through
    /// unchanged (clean) or reported as an error object (JSON output), and
    /// counts as bad input.
    #[arg(long, value_name = "BYTES", default_value_t = 64 * 1024 * 1024, value_parser = clap::value_parser!(u64).range(1..))]
    pub(crate) max_line_bytes: u64,

    /// The encoding of text input, by its WHATWG Encoding Standard label
    /// (utf-8, windows-1251, cp1251, koi8-r, koi8-u, ibm866, iso-8859-5,
    /// windows-1252, latin1, macintosh, utf-16le, shift_jis, gb18030, …).
    /// Without it, input that is not UTF-8 has its encoding guessed per file
    /// from its first 64 KiB, and the guess is noted on standard error.
    #[arg(long, value_name = "NAME", value_parser = parse_encoding)]
    pub(crate) encoding: Option<&'static encoding_rs::Encoding>,
}

#[derive(Debug, Args)]
pub(crate) struct CleanArgs {
    /// Write one JSON object per input line with the cleaned text and every
    /// change (kind, byte span, before, after, confidence, evidence).
    #[arg(long)]
    pub(crate) explain: bool,

    /// Unicode normalization form to apply.
    #[arg(long, value_enum, value_name = "FORM", default_value_t = FormArg::Nfc)]
    pub(crate) normalize: FormArg,

    /// Switch a rule off. Repeat for several rules.
    #[arg(long, value_enum, value_name = "RULE")]
    pub(crate) disable: Vec<RuleArg>,

    /// Switch a rule on (html-entities, fullwidth and quotes are off by
    /// default). Repeat for several rules.
    #[arg(long, value_enum, value_name = "RULE")]
    pub(crate) enable: Vec<RuleArg>,

    /// Least confidence (0 to 1) at which a homoglyph or keyboard-layout
    /// repair is made. Lower repairs more, and risks more wrong repairs.
    #[arg(long, value_name = "CONFIDENCE", default_value_t = 0.9, value_parser = parse_confidence)]
    pub(crate) min_confidence: f32,

    /// A file of domain words (names, brands, jargon), one per line, `#`
    /// starts a comment: never changed by the mixed-script repair, and
    /// preferred as its candidates. Repeatable.
    #[arg(long, value_name = "FILE")]
    pub(crate) lexicon: Vec<PathBuf>,

    /// How many lines of a file form one document for the mixed-script
    /// judge, whose evidence includes how the rest of the document spells a
    /// word. Each file is read in windows of this many lines.
    #[arg(long, value_name = "LINES", default_value_t = 10_000, value_parser = clap::value_parser!(u64).range(1..))]
    pub(crate) context_lines: u64,

    #[command(flatten)]
    pub(crate) input: InputArgs,

    #[command(flatten)]
    pub(crate) batch: BatchArgs,
}

#[derive(Debug, Args)]
pub(crate) struct DetectArgs {
    /// Write one JSON object per input file (document): letters per script,
    /// dominant script and language, instead of one object per line.
    #[arg(long)]
    pub(crate) document: bool,

    #[command(flatten)]
    pub(crate) input: InputArgs,

    #[command(flatten)]
    pub(crate) batch: BatchArgs,
}

fn parse_encoding(s: &str) -> Result<&'static encoding_rs::Encoding, String> {
    crate::io::encoding_for_label(s).ok_or_else(|| {
        format!(
            "unknown encoding {s:?}: use a label of the WHATWG Encoding Standard, such as \
             utf-8, windows-1251 (cp1251), koi8-r, koi8-u, ibm866, iso-8859-5, windows-1252 \
             (latin1), windows-1250, windows-1253, macintosh, utf-16le, shift_jis, gb18030 or \
             euc-kr (all labels: https://encoding.spec.whatwg.org/#names-and-labels)"
        )
    })
}

fn parse_confidence(s: &str) -> Result<f32, String> {
    let value: f32 = s.parse().map_err(|e| format!("{e}"))?;
    if (0.0..=1.0).contains(&value) {
        Ok(value)
    } else {
        Err(format!("{value} is not between 0 and 1"))
    }
}

/// A Unicode normalization form, or none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum FormArg {
    /// Canonical composition (the default).
    Nfc,
    /// Canonical decomposition.
    Nfd,
    /// Compatibility composition: also folds ligatures, fullwidth forms, superscripts.
    Nfkc,
    /// Compatibility decomposition.
    Nfkd,
    /// No normalization.
    None,
}

impl FormArg {
    pub(crate) fn form(self) -> Option<NormalizationForm> {
        match self {
            FormArg::Nfc => Some(NormalizationForm::Nfc),
            FormArg::Nfd => Some(NormalizationForm::Nfd),
            FormArg::Nfkc => Some(NormalizationForm::Nfkc),
            FormArg::Nfkd => Some(NormalizationForm::Nfkd),
            FormArg::None => None,
        }
    }
}

/// A cleaning rule, by name: the pipeline's [`Rule`], with its names and
/// descriptions as the command line's possible values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RuleArg(pub(crate) Rule);

impl RuleArg {
    pub(crate) fn rule(self) -> Rule {
        self.0
    }
}

impl ValueEnum for RuleArg {
    fn value_variants<'a>() -> &'a [Self] {
        static VARIANTS: std::sync::LazyLock<Vec<RuleArg>> =
            std::sync::LazyLock::new(|| Rule::ALL.into_iter().map(RuleArg).collect());
        &VARIANTS
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.0.name()).help(self.0.description()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn every_rule_parses_from_its_name() {
        for rule in Rule::ALL {
            let cli = Cli::try_parse_from(["polynorm", "clean", "--disable", rule.name()])
                .unwrap_or_else(|e| panic!("{rule}: {e}"));
            let Command::Clean(args) = cli.command else {
                panic!("not clean")
            };
            assert_eq!(args.disable, [RuleArg(rule)]);
        }
        assert!(Cli::try_parse_from(["polynorm", "clean", "--enable", "nonsense"]).is_err());
    }
}
