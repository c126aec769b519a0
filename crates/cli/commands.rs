//! The subcommands: each reads its sources line by line and writes one
//! output record per input line, in order.

use std::collections::BTreeMap;
use std::io::{BufWriter, Read, Write};

use anyhow::{bail, Context, Result};
use polynorm_pipeline::repair::Change;
use polynorm_pipeline::script::{LanguageGuess, Script};
use polynorm_pipeline::translit::{Mode, Options, Scheme};
use polynorm_pipeline::{Pipeline, Rule};
use serde::Serialize;

use crate::batch;
use crate::flags::{CleanArgs, DetectArgs, InputArgs, TranslitArgs};
use crate::io::compress::{Compression, Sink};
use crate::io::{decode_line, Line, LineReader, Source};
use crate::report::Status;

/// How much text of a document `detect --document` gives the language
/// detector: language identification needs a sample, not gigabytes.
const DOCUMENT_LANGUAGE_SAMPLE: usize = 1 << 20;

type Output = BufWriter<Sink<Box<dyn Write>>>;

/// Standard output, or `--output FILE` (compressed by its extension).
fn output(path: Option<&std::path::Path>) -> Result<Output> {
    let (inner, compression): (Box<dyn Write>, _) = match path {
        Some(p) if p.as_os_str() != "-" => (
            Box::new(std::fs::File::create(p).with_context(|| format!("{}", p.display()))?),
            Compression::of(p),
        ),
        _ => (Box::new(std::io::stdout().lock()), Compression::None),
    };
    let sink = Sink::new(inner, compression).context("starting the compressor")?;
    Ok(BufWriter::with_capacity(256 * 1024, sink))
}

/// Flushes the output and ends a compressed stream.
fn finish(out: Output) -> Result<()> {
    out.into_inner()
        .map_err(std::io::IntoInnerError::into_error)
        .and_then(Sink::finish)
        .context("writing output")
}

/// Builds the pipeline the flags ask for; contradictory flags are a usage error.
pub(crate) fn pipeline_from(args: &CleanArgs) -> Result<Pipeline> {
    let mut builder = Pipeline::builder().normalization(args.normalize.form());
    for rule in &args.enable {
        if args.disable.contains(rule) {
            bail!(
                "--enable {0} and --disable {0} contradict each other",
                rule.rule()
            );
        }
        builder = builder.enable(rule.rule());
    }
    for rule in &args.disable {
        builder = builder.disable(rule.rule());
    }
    builder = builder.min_confidence(args.min_confidence);
    // Only --explain shows the changes' evidence.
    builder = builder.evidence(args.explain);
    for path in &args.lexicon {
        let name = path.display();
        let text = std::fs::read_to_string(path).with_context(|| format!("{name}"))?;
        let words = polynorm_pipeline::repair::MixedScript::parse_word_list(&text)
            .with_context(|| format!("{name}"))?;
        builder = builder.words(words);
    }
    let pipeline = builder.build();
    if args.enable.iter().any(|r| r.rule() == Rule::Normalization)
        && args.normalize.form().is_none()
    {
        bail!("--enable normalization needs a form: use --normalize nfc|nfd|nfkc|nfkd");
    }
    Ok(pipeline)
}

/// `--encoding` is for text input: records are read as UTF-8.
fn text_only_encoding(input: &InputArgs) -> Result<()> {
    if input.encoding.is_some() {
        bail!("--encoding applies to text input; JSONL, CSV and TSV records are read as UTF-8");
    }
    Ok(())
}

/// Reads every source, handing each line to `handler`; handles open and read
/// errors, invalid UTF-8 and over-long lines the same way for every command.
fn for_each_line(
    input: &InputArgs,
    status: &mut Status,
    out: &mut Output,
    handler: &mut dyn Handler,
) -> Result<()> {
    let pass_long_lines = handler.passes_long_lines();
    let limit = usize::try_from(input.max_line_bytes).unwrap_or(usize::MAX);
    for source in Source::from_args(&input.files) {
        let name = source.name();
        let reader: Box<dyn Read> = match source.open_text(input.encoding) {
            Ok((r, decided)) => {
                if let Some(note) = decided.and_then(crate::io::Decided::note) {
                    crate::report::warn(&format!("{name}: {note}"));
                }
                r
            }
            Err(e) => {
                status.fatal(&format!("{name}: {e}"));
                continue;
            }
        };
        let mut lines = LineReader::new(reader, limit);
        let mut number: u64 = 0;
        loop {
            let line = match lines.next_line() {
                Ok(Some(line)) => line,
                Ok(None) => break,
                Err(e) => {
                    status.fatal(&format!("{name}:{}: read error: {e}", number + 1));
                    break;
                }
            };
            number += 1;
            match line {
                Line::Complete {
                    content,
                    terminator,
                } => {
                    let (text, invalid) = decode_line(content);
                    for bad in &invalid {
                        status.bad_input(&format!(
                            "{name}:{number}:{}: invalid UTF-8 sequence {}, replaced with U+FFFD",
                            bad.offset + 1,
                            hex(&bad.bytes)
                        ));
                    }
                    handler.line(
                        out,
                        LineEvent::Text {
                            number,
                            text: &text,
                            terminator,
                        },
                    )?;
                }
                Line::TooLong { head } => {
                    status.bad_input(&format!(
                        "{name}:{number}: line longer than {limit} bytes (--max-line-bytes); {}",
                        if pass_long_lines {
                            "passed through unchanged"
                        } else {
                            "skipped"
                        }
                    ));
                    if pass_long_lines {
                        handler.flush(out)?;
                        out.write_all(head).context("writing output")?;
                        lines.pass_rest_of_line(out).context("writing output")?;
                    } else {
                        lines
                            .skip_rest_of_line()
                            .with_context(|| format!("{name}:{number}"))?;
                        handler.line(out, LineEvent::TooLong { number, limit })?;
                    }
                }
            }
        }
        handler.flush(out)?;
        handler.source_end(&source, out)?;
    }
    out.flush().context("writing output")?;
    Ok(())
}

/// What a command does with each line and at the end of each source.
trait Handler {
    /// Whether a line over the length limit is copied to the output as it is
    /// (text output) rather than reported as an error record (JSON output).
    fn passes_long_lines(&self) -> bool {
        false
    }
    fn line(&mut self, out: &mut Output, event: LineEvent<'_>) -> Result<()>;
    /// Writes whatever the handler holds back (before a passed-through line,
    /// and at the end of each source).
    fn flush(&mut self, _out: &mut Output) -> Result<()> {
        Ok(())
    }
    fn source_end(&mut self, _source: &Source, _out: &mut Output) -> Result<()> {
        Ok(())
    }
}

enum LineEvent<'a> {
    Text {
        number: u64,
        text: &'a str,
        terminator: &'a [u8],
    },
    TooLong {
        number: u64,
        limit: usize,
    },
}

fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 3);
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(&format!("{b:02X}"));
    }
    s
}

#[derive(Serialize)]
struct ExplainLine<'a> {
    line: u64,
    text: &'a str,
    changes: &'a [Change],
}

#[derive(Serialize)]
struct ErrorLine {
    line: u64,
    error: String,
}

fn write_json(out: &mut Output, value: &impl Serialize) -> Result<()> {
    crate::json::write_line(out, value).context("writing output")
}

fn too_long(out: &mut Output, number: u64, limit: usize) -> Result<()> {
    write_json(
        out,
        &ErrorLine {
            line: number,
            error: format!("line longer than {limit} bytes (--max-line-bytes); skipped"),
        },
    )
}

/// A line held back until its document window is complete.
enum Held {
    Line {
        number: u64,
        /// Byte range of the line's text in the window's arena.
        range: std::ops::Range<usize>,
        terminator: Terminator,
    },
    TooLong {
        number: u64,
        limit: usize,
    },
}

#[derive(Clone, Copy)]
enum Terminator {
    None,
    Lf,
    CrLf,
}

impl Terminator {
    fn of(bytes: &[u8]) -> Terminator {
        match bytes {
            b"\n" => Terminator::Lf,
            b"\r\n" => Terminator::CrLf,
            _ => Terminator::None,
        }
    }

    fn bytes(self) -> &'static [u8] {
        match self {
            Terminator::None => b"",
            Terminator::Lf => b"\n",
            Terminator::CrLf => b"\r\n",
        }
    }
}

/// Cleans a file in windows of lines: the mixed-script judge weighs each
/// suspicious word against how the rest of its window (its document) spells
/// it. The window's text sits in one arena, so nothing is copied per line
/// beyond that.
struct CleanHandler {
    pipeline: Pipeline,
    explain: bool,
    window_lines: usize,
    arena: String,
    held: Vec<Held>,
}

/// A window also ends when its text reaches this size, to bound memory.
const WINDOW_BYTES: usize = 16 << 20;

impl Handler for CleanHandler {
    fn passes_long_lines(&self) -> bool {
        !self.explain
    }

    fn line(&mut self, out: &mut Output, event: LineEvent<'_>) -> Result<()> {
        match event {
            LineEvent::Text {
                number,
                text,
                terminator,
            } => {
                let start = self.arena.len();
                self.arena.push_str(text);
                self.held.push(Held::Line {
                    number,
                    range: start..self.arena.len(),
                    terminator: Terminator::of(terminator),
                });
            }
            LineEvent::TooLong { number, limit } => self.held.push(Held::TooLong { number, limit }),
        }
        if self.held.len() >= self.window_lines || self.arena.len() >= WINDOW_BYTES {
            self.flush(out)?;
        }
        Ok(())
    }

    fn flush(&mut self, out: &mut Output) -> Result<()> {
        let arena = &self.arena;
        let texts = self.held.iter().filter_map(|h| match h {
            Held::Line { range, .. } => Some(arena.get(range.clone()).unwrap_or_default()),
            Held::TooLong { .. } => None,
        });
        // The window is one document: each line is judged with all of them.
        let mut cleaned = self.pipeline.clean_document(texts).into_iter();
        for held in &self.held {
            match held {
                Held::Line {
                    number, terminator, ..
                } => {
                    let Some(cleaned) = cleaned.next() else {
                        continue;
                    };
                    if self.explain {
                        write_json(
                            out,
                            &ExplainLine {
                                line: *number,
                                text: &cleaned.text,
                                changes: &cleaned.changes,
                            },
                        )?;
                    } else {
                        out.write_all(cleaned.text.as_bytes())
                            .and_then(|()| out.write_all(terminator.bytes()))
                            .context("writing output")?;
                    }
                }
                Held::TooLong { number, limit } => too_long(out, *number, *limit)?,
            }
        }
        self.held.clear();
        self.arena.clear();
        Ok(())
    }
}

/// `polynorm clean`.
pub(crate) fn clean(args: &CleanArgs, status: &mut Status) -> Result<()> {
    let result_field = args.explain.then_some("changes");
    if let Some(settings) =
        batch::Settings::resolve(&args.batch, &args.input, "clean", result_field)?
    {
        text_only_encoding(&args.input)?;
        let job = batch::CleanJob {
            pipeline: pipeline_from(args)?,
            explain: args.explain,
            names: settings.field_names(),
        };
        return batch::run(&settings, &job, status);
    }
    let mut handler = CleanHandler {
        pipeline: pipeline_from(args)?,
        explain: args.explain,
        window_lines: usize::try_from(args.context_lines).unwrap_or(usize::MAX),
        arena: String::new(),
        held: Vec::new(),
    };
    let mut out = output(args.batch.output.as_deref())?;
    for_each_line(&args.input, status, &mut out, &mut handler)?;
    finish(out)
}

#[derive(Serialize)]
struct DetectLine<'a> {
    line: u64,
    #[serde(flatten)]
    analysis: &'a polynorm_pipeline::script::Analysis<'a>,
}

/// Letters per script and a language sample, accumulated over one document.
#[derive(Default)]
struct DocumentStats {
    lines: u64,
    bytes: u64,
    letters: BTreeMap<Script, u64>,
    sample: String,
}

#[derive(Serialize)]
struct DocumentReport<'a> {
    file: &'a str,
    lines: u64,
    bytes: u64,
    dominant_script: Option<Script>,
    scripts: BTreeMap<&'static str, u64>,
    language: Option<LanguageGuess>,
}

impl DocumentStats {
    fn add(&mut self, text: &str) {
        self.lines += 1;
        self.bytes += text.len() as u64;
        for (script, count) in polynorm_pipeline::script::script_counts(text).iter() {
            *self.letters.entry(script).or_default() += count as u64;
        }
        if self.sample.len() < DOCUMENT_LANGUAGE_SAMPLE {
            let room = DOCUMENT_LANGUAGE_SAMPLE - self.sample.len();
            let mut end = text.len().min(room);
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            self.sample.push_str(&text[..end]);
            self.sample.push('\n');
        }
    }

    fn report<'a>(&self, file: &'a str) -> DocumentReport<'a> {
        let dominant_script = self
            .letters
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(s, _)| *s);
        DocumentReport {
            file,
            lines: self.lines,
            bytes: self.bytes,
            dominant_script,
            scripts: self
                .letters
                .iter()
                .map(|(s, n)| (s.full_name(), *n))
                .collect(),
            language: polynorm_pipeline::script::detect_language(&self.sample),
        }
    }
}

struct DetectHandler {
    pipeline: Pipeline,
}

impl Handler for DetectHandler {
    fn line(&mut self, out: &mut Output, event: LineEvent<'_>) -> Result<()> {
        match event {
            LineEvent::Text { number, text, .. } => write_json(
                out,
                &DetectLine {
                    line: number,
                    analysis: &self.pipeline.detect(text),
                },
            ),
            LineEvent::TooLong { number, limit } => too_long(out, number, limit),
        }
    }
}

struct DocumentHandler {
    stats: DocumentStats,
}

impl Handler for DocumentHandler {
    fn line(&mut self, _out: &mut Output, event: LineEvent<'_>) -> Result<()> {
        if let LineEvent::Text { text, .. } = event {
            self.stats.add(text);
        }
        Ok(())
    }

    fn source_end(&mut self, source: &Source, out: &mut Output) -> Result<()> {
        let stats = std::mem::take(&mut self.stats);
        write_json(out, &stats.report(&source.name()))
    }
}

/// `polynorm detect`.
pub(crate) fn detect(args: &DetectArgs, status: &mut Status) -> Result<()> {
    if let Some(settings) =
        batch::Settings::resolve(&args.batch, &args.input, "detect", Some("detect"))?
    {
        text_only_encoding(&args.input)?;
        if args.document {
            bail!("--document reads text; for records, use --field");
        }
        let job = batch::DetectJob {
            pipeline: Pipeline::default(),
            names: settings.field_names(),
        };
        return batch::run(&settings, &job, status);
    }
    let mut out = output(args.batch.output.as_deref())?;
    if args.document {
        let mut handler = DocumentHandler {
            stats: DocumentStats::default(),
        };
        for_each_line(&args.input, status, &mut out, &mut handler)?;
    } else {
        let mut handler = DetectHandler {
            pipeline: Pipeline::default(),
        };
        for_each_line(&args.input, status, &mut out, &mut handler)?;
    }
    finish(out)
}

/// `translit`: one output line per input line, transliterated.
struct TranslitHandler {
    job: batch::TranslitJob,
}

impl Handler for TranslitHandler {
    fn passes_long_lines(&self) -> bool {
        true
    }

    fn line(&mut self, out: &mut Output, event: LineEvent<'_>) -> Result<()> {
        if let LineEvent::Text {
            text, terminator, ..
        } = event
        {
            out.write_all(self.job.apply(text).as_bytes())
                .and_then(|()| out.write_all(terminator))
                .context("writing output")?;
        }
        Ok(())
    }
}

/// The scheme list of `translit --list`: name, scripts, direction, standard.
fn list_schemes(out: &mut Output) -> Result<()> {
    let schemes: Vec<Scheme> = Scheme::all().collect();
    let width = schemes.iter().map(|s| s.name().len()).max().unwrap_or(0);
    let scripts = |s: &Scheme| format!("{}→{}", s.source_scripts().join("+"), s.target_script());
    let scripts_width = schemes
        .iter()
        .map(|s| scripts(s).chars().count())
        .max()
        .unwrap_or(0);
    for s in &schemes {
        let reverse = if s.is_reversible() {
            "reversible"
        } else if s.has_reverse() {
            "reverse: best effort"
        } else {
            "one-way"
        };
        writeln!(
            out,
            "{:width$}  {:scripts_width$}  {:20}  {}: {}",
            s.name(),
            scripts(s),
            reverse,
            s.title(),
            s.standard(),
        )
        .context("writing output")?;
    }
    Ok(())
}

pub(crate) fn translit(args: &TranslitArgs, status: &mut Status) -> Result<()> {
    if args.list {
        let mut out = output(args.batch.output.as_deref())?;
        list_schemes(&mut out)?;
        return finish(out);
    }
    let name = args.scheme.as_deref().unwrap_or_default();
    let scheme = Scheme::from_name(name)?;
    if args.reverse && !scheme.has_reverse() {
        bail!(
            "scheme {} has no reverse direction; schemes with one: {}",
            scheme.name(),
            Scheme::all()
                .filter(|s| s.has_reverse())
                .map(Scheme::name)
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let mode = if args.name { Mode::Name } else { Mode::Text };
    let job = batch::TranslitJob {
        scheme,
        options: Options::new().mode(mode).tones(args.tones),
        reverse: args.reverse,
    };
    if let Some(settings) = batch::Settings::resolve(&args.batch, &args.input, "translit", None)? {
        return batch::run(&settings, &job, status);
    }
    let mut out = output(args.batch.output.as_deref())?;
    let mut handler = TranslitHandler { job };
    for_each_line(&args.input, status, &mut out, &mut handler)?;
    finish(out)
}
