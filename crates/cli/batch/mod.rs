//! Batch jobs over JSONL, CSV and TSV records: a record source, a job run
//! on each record's selected field strings, and a sink that writes results
//! in input order.
//!
//! ```text
//! main thread    reads records into chunks (≈1 MiB) ─┐
//! rayon pool     parses, runs the job, encodes ◄─────┘ one chunk per task, any order
//! writer thread  takes results in input order: output, rejects, counts, progress
//! ```
//!
//! The queue between the reader and the writer holds at most
//! `2 × jobs + 2` chunks, so memory stays flat whatever the input size; the
//! writer takes chunks in the order they were read, so the output order
//! never depends on the number of threads.
//!
//! A command plugs in by implementing [`Job`]: it sees the selected fields
//! of one record and returns new values and, optionally, a JSON value for
//! the output field. Everything else (formats, pass-through, rejects,
//! compression, progress, statistics) is the same for every command.
//!
//! Hook for commands that must see records *together* (`polynorm names`
//! over JSONL, issue 7 item 3: `--doc-field` groups mentions by document
//! for in-document linking, then clusters across documents and writes the
//! registry). Not built yet; the plan: the job finds each record's mentions
//! in parallel and returns them in a new [`JobOutput`] field; [`process`]
//! keeps them per record in [`Done`] beside the output bytes;
//! [`write_results`] — the one place that sees every record, in input
//! order — hands them to a collector that groups records by their
//! `--doc-field` value (consecutive records of one document, or an index by
//! document id when the input is not grouped), links mentions within each
//! document, and clusters across documents; [`run`] finishes the collector
//! at the end of input to write the registry for the next batch.

mod jobs;

pub(crate) use jobs::{CleanJob, DetectJob, TranslitJob};

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::ops::Range;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use anyhow::{anyhow, bail, Context, Result};
use serde::Serialize;

use crate::flags::{BatchArgs, Format, InputArgs};
use crate::io::compress::{self, Compression, Counter, Sink};
use crate::io::csv::{unquote, write_field, CsvReader};
use crate::io::jsonl::{self, Block, FieldPath, LineBlocks, Patch, Problem, Record};
use crate::io::record::{RawRecord, RecordState};
use crate::io::Source;
use crate::progress::Progress;
use crate::report::{self, Status};
use crate::stats::{Counts, Summary};

/// A chunk is sent to the pool when it holds this many bytes…
const CHUNK_BYTES: usize = 1 << 20;
/// …or (CSV) this many records.
const CHUNK_RECORDS: usize = 4096;

/// Buffers of finished chunks, kept for the next ones: a chunk's input
/// bytes go back to the reading thread, its output bytes to the workers.
/// A fresh megabyte per chunk cost page faults and the kernel's zeroing of
/// new pages on every chunk (the allocator hands large blocks back to the
/// system when they are freed); kept, they are touched once per job. At most
/// as many are kept as chunks can be in flight, so memory stays flat.
struct Spare {
    data: Mutex<Vec<Vec<u8>>>,
    out: Mutex<Vec<Vec<u8>>>,
    /// How many of each kind are kept.
    keep: usize,
}

impl Spare {
    fn new(jobs: usize) -> Spare {
        Spare {
            data: Mutex::new(Vec::new()),
            out: Mutex::new(Vec::new()),
            keep: 2 * jobs + 4,
        }
    }

    /// An empty buffer: a kept one, or a new one of `capacity`.
    ///
    /// A kept buffer too small for `capacity` grows to `capacity` exactly:
    /// `reserve` doubles it (amortized growth), and a kept output buffer
    /// that a slightly larger chunk once asked for stayed twice the size a
    /// chunk needs (most of them, after a few hundred chunks).
    fn take(list: &Mutex<Vec<Vec<u8>>>, capacity: usize) -> Vec<u8> {
        let kept = list.lock().ok().and_then(|mut l| l.pop());
        match kept {
            Some(mut buf) => {
                buf.clear();
                buf.reserve_exact(capacity);
                buf
            }
            None => Vec::with_capacity(capacity),
        }
    }

    /// Keeps `buf` for a later chunk, unless enough are kept or it grew
    /// for a long record (then it is freed).
    fn give(&self, list: &Mutex<Vec<Vec<u8>>>, buf: Vec<u8>) {
        if buf.capacity() > 4 * CHUNK_BYTES {
            return;
        }
        if let Ok(mut l) = list.lock() {
            if l.len() < self.keep {
                l.push(buf);
            }
        }
    }
}

/// What a command does to one record.
pub(crate) trait Job: Sync {
    /// Runs on the selected fields of one record, in `--field` order (for
    /// several fields, they are one document). Records what it changed in
    /// `counts`.
    fn run(&self, fields: &[&str], counts: &mut Counts) -> JobOutput;
}

/// The result of a [`Job`] on one record.
pub(crate) struct JobOutput {
    /// A new value per field, `None` where the field is unchanged.
    pub(crate) values: Vec<Option<String>>,
    /// JSON text for the output field, if the command writes one.
    pub(crate) extra: Option<Vec<u8>>,
}

/// A batch job's resolved settings.
#[derive(Debug)]
pub(crate) struct Settings {
    pub(crate) command: &'static str,
    pub(crate) input: Format,
    pub(crate) output: Format,
    pub(crate) fields: Vec<FieldPath>,
    pub(crate) output_field: Option<String>,
    pub(crate) limit: usize,
    pub(crate) jobs: usize,
    pub(crate) strict: bool,
    pub(crate) sources: Vec<Source>,
    pub(crate) output_path: Option<PathBuf>,
    pub(crate) rejects_path: Option<PathBuf>,
    pub(crate) stats_path: Option<PathBuf>,
}

impl Settings {
    /// Resolves the batch flags; `None` when the input is text, which the
    /// command's line-by-line path handles. `result_field` is the default
    /// output field when the command writes one (`None`: it writes none).
    pub(crate) fn resolve(
        batch: &BatchArgs,
        input: &InputArgs,
        command: &'static str,
        result_field: Option<&str>,
    ) -> Result<Option<Settings>> {
        for (path, flag) in [
            (&batch.output, "--output"),
            (&batch.rejects, "--rejects"),
            (&batch.stats, "--stats"),
        ] {
            if let Some(path) = path {
                refuse_to_overwrite_input(path, &input.files, flag)?;
            }
        }
        let in_format = match batch.input_format {
            Some(f) => f,
            None => guess_input_format(&input.files)?,
        };
        let out_format = match batch.output_format {
            Some(f) => f,
            None => batch
                .output
                .as_deref()
                .and_then(compress::format_extension)
                .and_then(|e| Format::from_extension(&e))
                .unwrap_or(in_format),
        };
        if in_format == Format::Text {
            if out_format != Format::Text {
                bail!(
                    "text input is written as text (use --explain for JSON); \
                     --output-format {} needs jsonl, csv or tsv input",
                    out_format.name()
                );
            }
            for (given, flag) in [
                (batch.rejects.is_some(), "--rejects"),
                (batch.stats.is_some(), "--stats"),
                (batch.strict, "--strict"),
                (!batch.field.is_empty(), "--field"),
                (batch.output_field.is_some(), "--output-field"),
            ] {
                if given {
                    bail!("{flag} needs jsonl, csv or tsv input (see --input-format)");
                }
            }
            return Ok(None);
        }
        let convertible = in_format == out_format
            || matches!(
                (in_format, out_format),
                (
                    Format::Csv | Format::Tsv,
                    Format::Csv | Format::Tsv | Format::Jsonl
                )
            );
        if !convertible {
            bail!(
                "cannot convert {} to {}: records convert only from CSV or TSV \
                 (to CSV, TSV or JSONL)",
                in_format.name(),
                out_format.name()
            );
        }
        let names = if batch.field.is_empty() {
            vec!["text".to_owned()]
        } else {
            batch.field.clone()
        };
        let mut fields: Vec<FieldPath> = Vec::new();
        for name in &names {
            let path = FieldPath::parse(name);
            if fields.contains(&path) {
                bail!("--field {name} is given twice");
            }
            fields.push(path);
        }
        let output_field = match (&batch.output_field, result_field) {
            (Some(_), None) => {
                bail!("--output-field is for results: use it with `clean --explain` or `detect`")
            }
            (Some(name), Some(_)) => Some(name.clone()),
            (None, Some(default)) => Some(default.to_owned()),
            (None, None) => None,
        };
        if let Some(out) = &output_field {
            if names
                .iter()
                .any(|n| n == out || n.split('.').next() == Some(out))
            {
                bail!(
                    "the output field `{out}` is also a --field; name another with --output-field"
                );
            }
        }
        let jobs = if batch.jobs == 0 {
            std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
        } else {
            batch.jobs
        };
        Ok(Some(Settings {
            command,
            input: in_format,
            output: out_format,
            fields,
            output_field,
            limit: usize::try_from(input.max_line_bytes).unwrap_or(usize::MAX),
            jobs,
            strict: batch.strict,
            sources: Source::from_args(&input.files),
            output_path: batch.output.clone(),
            rejects_path: batch.rejects.clone(),
            stats_path: batch.stats.clone(),
        }))
    }
}

impl Settings {
    /// The `--field` names, in order.
    pub(crate) fn field_names(&self) -> Vec<String> {
        self.fields.iter().map(|f| f.name().to_owned()).collect()
    }
}

/// Writing to an input file would truncate it before it is read.
fn refuse_to_overwrite_input(path: &Path, inputs: &[PathBuf], flag: &str) -> Result<()> {
    let Ok(target) = std::fs::canonicalize(path) else {
        return Ok(()); // Not there yet: not an input either.
    };
    for input in inputs {
        if std::fs::canonicalize(input).is_ok_and(|i| i == target) {
            bail!(
                "{flag} {} is also an input file; write somewhere else",
                path.display()
            );
        }
    }
    Ok(())
}

/// The format named by the files' extensions; text when none names one.
fn guess_input_format(files: &[PathBuf]) -> Result<Format> {
    let mut found: Option<(Format, &Path)> = None;
    for path in files {
        let Some(format) =
            compress::format_extension(path).and_then(|e| Format::from_extension(&e))
        else {
            continue;
        };
        match found {
            Some((f, first)) if f != format => bail!(
                "{} looks like {} but {} like {}: give --input-format",
                first.display(),
                f.name(),
                path.display(),
                format.name()
            ),
            _ => found = Some((format, path)),
        }
    }
    Ok(found.map_or(Format::Text, |(f, _)| f))
}

/// Runs a batch job to the end; bad records are counted in `status`.
pub(crate) fn run(settings: &Settings, job: &dyn Job, status: &mut Status) -> Result<()> {
    let started = Instant::now();
    let progress = Progress::new(total_size(&settings.sources));
    let counter = Counter::default();
    let out = open_output(settings.output_path.as_deref())?;
    let rejects = RejectSink::open(settings.rejects_path.as_deref())?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(settings.jobs)
        .thread_name(|i| format!("polynorm-worker-{i}"))
        .build()
        .context("starting worker threads")?;
    let (tx, rx) = sync_channel::<Receiver<Done>>(2 * settings.jobs + 2);
    let spare = &Spare::new(settings.jobs);
    let writer_progress = progress.clone();
    let strict = settings.strict;
    let fatal_before = status.exit_code() == 2;
    let ended = std::thread::scope(|scope| {
        let writer = std::thread::Builder::new()
            .name("polynorm-writer".into())
            .spawn_scoped(scope, move || {
                write_results(&rx, out, rejects, strict, &writer_progress, spare)
            })
            .context("starting the writer thread")?;
        pool.in_place_scope(|pool_scope| {
            let mut reader = Reader {
                settings,
                job,
                tx: &tx,
                scope: pool_scope,
                counter: &counter,
                progress: &progress,
                spare,
                first_header: None,
            };
            reader.read_all(status);
        });
        drop(tx);
        writer
            .join()
            .map_err(|_| anyhow!("the writer thread failed"))?
    });
    progress.finish();
    let ended = ended?;
    let counts = &ended.counts;
    if ended.stopped {
        status.bad_input("stopped at the first bad record (--strict)");
    } else if counts.rejects > 0 {
        let whereto = settings
            .rejects_path
            .as_ref()
            .map(|p| format!(", written to {}", p.display()))
            .unwrap_or_default();
        status.bad_input(&format!(
            "{} of {} records rejected{whereto}",
            counts.rejects, counts.records_in
        ));
    }
    if let Some(path) = &settings.stats_path {
        let mut summary = Summary {
            command: settings.command,
            input_format: settings.input.name(),
            output_format: settings.output.name(),
            files: settings.sources.iter().map(Source::name).collect(),
            jobs: settings.jobs,
            complete: !ended.stopped && (fatal_before || status.exit_code() != 2),
            counts,
            elapsed_seconds: 0.0,
            records_per_second: 0.0,
            mb_per_second: 0.0,
        };
        summary.rates(started.elapsed());
        summary.write(path)?;
    }
    Ok(())
}

/// The sum of the input files' sizes, when every source is a file.
fn total_size(sources: &[Source]) -> Option<u64> {
    sources
        .iter()
        .map(|s| match s {
            Source::File(p) => std::fs::metadata(p).ok().map(|m| m.len()),
            Source::Stdin => None,
        })
        .sum()
}

type Output = Sink<BufWriter<Box<dyn Write + Send>>>;

fn open_output(path: Option<&Path>) -> Result<Output> {
    let (writer, compression): (Box<dyn Write + Send>, _) = match path {
        Some(p) if p.as_os_str() != "-" => (
            Box::new(File::create(p).with_context(|| format!("{}", p.display()))?),
            Compression::of(p),
        ),
        _ => (Box::new(io::stdout()), Compression::None),
    };
    Sink::new(BufWriter::with_capacity(256 * 1024, writer), compression)
        .context("starting the compressor")
}

/// What one source is, for the workers.
struct SourceInfo {
    name: Arc<str>,
    csv: Option<CsvInfo>,
}

/// A CSV source's header, and what each column is to the job.
struct CsvInfo {
    names: Vec<String>,
    /// Per column: its index in `--field` order, if selected.
    selected: Vec<Option<usize>>,
    /// The index of each `--field`'s column.
    columns: Vec<usize>,
    /// The output field's column, when the header has it.
    out_column: Option<usize>,
    delimiter: u8,
}

/// Records read from one source, handed to a worker whole.
struct Chunk {
    source: Arc<SourceInfo>,
    data: Vec<u8>,
    spans: Vec<Range<usize>>,
    records: Vec<RawRecord>,
    /// JSONL: `data` holds whole lines for the worker to split, the first
    /// of them this line of its source; `records` is then empty.
    lines_from: Option<u64>,
}

impl Chunk {
    fn new(source: &Arc<SourceInfo>, spare: &Spare) -> Chunk {
        Chunk {
            source: Arc::clone(source),
            data: Spare::take(&spare.data, CHUNK_BYTES + CHUNK_BYTES / 4),
            spans: Vec::new(),
            records: Vec::new(),
            lines_from: None,
        }
    }

    fn is_full(&self) -> bool {
        self.data.len() >= CHUNK_BYTES || self.records.len() >= CHUNK_RECORDS
    }
}

/// A processed chunk.
struct Done {
    name: Arc<str>,
    out: Vec<u8>,
    rejects: Vec<Reject>,
    counts: Counts,
}

/// A record that could not be processed.
struct Reject {
    line: u64,
    reason: &'static str,
    message: String,
    /// The record's text (lossy UTF-8), for the rejects file.
    record: Option<String>,
    /// Where in the chunk's output the record would have been.
    out_offset: usize,
    /// Records of the chunk before this one (for `--strict`).
    records_before: u64,
}

/// The main thread's side: reads each source into chunks and hands them to
/// the pool.
struct Reader<'s, 'p> {
    settings: &'s Settings,
    job: &'s dyn Job,
    tx: &'p SyncSender<Receiver<Done>>,
    scope: &'p rayon::Scope<'s>,
    counter: &'p Counter,
    progress: &'p Progress,
    spare: &'s Spare,
    first_header: Option<Vec<String>>,
}

/// Reading stopped because the writer went away (`--strict`, a closed pipe).
struct WriterGone;

impl<'s> Reader<'s, '_> {
    fn read_all(&mut self, status: &mut Status) {
        for source in &self.settings.sources {
            let name = source.name();
            let input = match self.open(source) {
                Ok(r) => r,
                Err(e) => {
                    status.fatal(&format!("{name}: {e}"));
                    continue;
                }
            };
            let result = match self.settings.input {
                Format::Csv => self.read_csv(input, name.as_str().into(), b','),
                Format::Tsv => self.read_csv(input, name.as_str().into(), b'\t'),
                Format::Jsonl | Format::Text => self.read_jsonl(input, name.as_str().into()),
            };
            match result {
                Ok(Ok(())) => {}
                Ok(Err(WriterGone)) => return,
                Err(e) => {
                    self.progress
                        .suspend(|| status.fatal(&format!("{name}: {e:#}")));
                }
            }
        }
    }

    fn open(&self, source: &Source) -> io::Result<Box<dyn Read>> {
        match source {
            Source::File(p) => compress::open(p, Some(self.counter)),
            Source::Stdin => Ok(Box::new(CountingStdin {
                counter: self.counter.clone(),
            })),
        }
    }

    /// JSONL: blocks of whole lines, split into records by the workers, so
    /// this thread only copies bytes and counts lines.
    fn read_jsonl(
        &mut self,
        input: Box<dyn Read>,
        name: Arc<str>,
    ) -> Result<Result<(), WriterGone>> {
        let info = Arc::new(SourceInfo { name, csv: None });
        let mut blocks = LineBlocks::new(input, self.settings.limit);
        let mut next_line = 1u64;
        loop {
            let mut chunk = Chunk::new(&info, self.spare);
            let block = match blocks.next_block(&mut chunk.data, CHUNK_BYTES) {
                Ok(block) => block,
                Err(e) => {
                    // The whole lines read so far are still processed; the
                    // error names the line after them.
                    let whole = memchr::memrchr(b'\n', &chunk.data).map_or(0, |p| p + 1);
                    chunk.data.truncate(whole);
                    let line = next_line + memchr::memchr_iter(b'\n', &chunk.data).count() as u64;
                    if whole > 0 {
                        chunk.lines_from = Some(next_line);
                        if self.dispatch(chunk).is_err() {
                            return Ok(Err(WriterGone));
                        }
                    }
                    return Err(e).with_context(|| format!("line {line}: read error"));
                }
            };
            match block {
                Block::End => return Ok(Ok(())),
                Block::TooLong(len) => {
                    chunk.data.clear();
                    chunk
                        .records
                        .push(RawRecord::too_long(next_line, 0, 0, len));
                    next_line += 1;
                }
                Block::Lines => {
                    chunk.lines_from = Some(next_line);
                    let newlines = memchr::memchr_iter(b'\n', &chunk.data).count() as u64;
                    next_line += newlines + u64::from(chunk.data.last() != Some(&b'\n'));
                }
            }
            if self.dispatch(chunk).is_err() {
                return Ok(Err(WriterGone));
            }
        }
    }

    fn read_csv(
        &mut self,
        input: Box<dyn Read>,
        name: Arc<str>,
        delimiter: u8,
    ) -> Result<Result<(), WriterGone>> {
        let settings = self.settings;
        let mut reader = CsvReader::new(input, delimiter, settings.limit);
        let (mut data, mut spans) = (Vec::new(), Vec::new());
        let header = loop {
            match reader.next_record(&mut data, &mut spans)? {
                None => return Ok(Ok(())),
                Some(r) if r.state == RecordState::Blank => {
                    data.clear();
                    spans.clear();
                }
                Some(r) => break r,
            }
        };
        match header.state {
            RecordState::Ok | RecordState::Blank => {}
            RecordState::TooLong => bail!("line {}: the header row is too long", header.line),
            RecordState::Broken(why) => bail!("line {}: the header row: {why}", header.line),
        }
        let text = std::str::from_utf8(&data[header.range.start..header.content_end])
            .map_err(|e| anyhow!("line {}: the header row is not UTF-8: {e}", header.line))?;
        let mut names: Vec<String> = spans[header.fields.clone()]
            .iter()
            .map(|s| unquote(text.get(s.clone()).unwrap_or_default()).into_owned())
            .collect();
        // A byte order mark before the first column name (spreadsheet
        // exports) is not part of the name; the header's bytes keep it.
        if let Some(first) = names.first_mut() {
            if let Some(rest) = first.strip_prefix('\u{feff}') {
                *first = unquote(rest).into_owned();
            }
        }
        let mut columns = Vec::new();
        for field in &settings.fields {
            let Some(i) = names.iter().position(|n| n == field.name()) else {
                bail!(
                    "no column `{}` in the header (columns: {})",
                    field.name(),
                    names.join(", ")
                );
            };
            columns.push(i);
        }
        let mut selected = vec![None; names.len()];
        for (k, &c) in columns.iter().enumerate() {
            selected[c] = Some(k);
        }
        let out_column = settings
            .output_field
            .as_ref()
            .and_then(|o| names.iter().position(|n| n == o));
        let info = Arc::new(SourceInfo {
            name,
            csv: Some(CsvInfo {
                names,
                selected,
                columns,
                out_column,
                delimiter,
            }),
        });
        let names = &info
            .csv
            .as_ref()
            .map(|c| c.names.clone())
            .unwrap_or_default();
        // The first file's header is written; later files' headers must
        // match it and are not written, but they were read all the same.
        let mut out = Vec::new();
        match &self.first_header {
            None => {
                self.first_header = Some(names.clone());
                write_header(settings, &info, &data, &header, &spans, &mut out);
            }
            Some(first) if first != names => bail!(
                "its header ({}) differs from the first file's ({})",
                names.join(", "),
                first.join(", ")
            ),
            Some(_) => {}
        }
        let counts = Counts {
            bytes_in: header.len,
            ..Counts::default()
        };
        if self
            .send_done(Done {
                name: Arc::clone(&info.name),
                out,
                rejects: Vec::new(),
                counts,
            })
            .is_err()
        {
            return Ok(Err(WriterGone));
        }
        self.fill_chunks(&info, header.line, |chunk| {
            reader.next_record(&mut chunk.data, &mut chunk.spans)
        })
    }

    /// Reads records with `next` into chunks, dispatching each full chunk
    /// and the last one. On a read error the records read so far are still
    /// processed, and the error names the line after the last record
    /// (`first_line` + 1 when there is none).
    fn fill_chunks(
        &mut self,
        info: &Arc<SourceInfo>,
        first_line: u64,
        mut next: impl FnMut(&mut Chunk) -> io::Result<Option<RawRecord>>,
    ) -> Result<Result<(), WriterGone>> {
        let mut chunk = Chunk::new(info, self.spare);
        loop {
            let record = match next(&mut chunk) {
                Ok(r) => r,
                Err(e) => {
                    let line = chunk.records.last().map_or(first_line, |r| r.line) + 1;
                    if self.dispatch(chunk).is_err() {
                        return Ok(Err(WriterGone));
                    }
                    return Err(e).with_context(|| format!("line {line}: read error"));
                }
            };
            let Some(record) = record else { break };
            chunk.records.push(record);
            if chunk.is_full() {
                let full = std::mem::replace(&mut chunk, Chunk::new(info, self.spare));
                if self.dispatch(full).is_err() {
                    return Ok(Err(WriterGone));
                }
            }
        }
        Ok(self.dispatch(chunk))
    }

    /// Queues a chunk's result slot for the writer, then processes the
    /// chunk on the pool. Blocks while the queue is full.
    fn dispatch(&self, chunk: Chunk) -> Result<(), WriterGone> {
        if chunk.records.is_empty() && chunk.lines_from.is_none() {
            return Ok(());
        }
        self.progress
            .set_bytes(self.counter.load(Ordering::Relaxed));
        let (done_tx, done_rx) = sync_channel(1);
        self.tx.send(done_rx).map_err(|_| WriterGone)?;
        let (settings, job, spare) = (self.settings, self.job, self.spare);
        self.scope.spawn(move |_| {
            let out = Spare::take(&spare.out, chunk.data.len() + chunk.data.len() / 8);
            let done = process(&chunk, settings, job, out);
            spare.give(&spare.data, chunk.data);
            // The writer may have stopped; then nobody wants the result.
            let _ = done_tx.send(done);
        });
        Ok(())
    }

    fn send_done(&self, done: Done) -> Result<(), WriterGone> {
        let (done_tx, done_rx) = sync_channel(1);
        let _ = done_tx.send(done);
        self.tx.send(done_rx).map_err(|_| WriterGone)
    }
}

/// Standard input, counted for the progress bar.
struct CountingStdin {
    counter: Counter,
}

impl Read for CountingStdin {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = io::stdin().lock().read(buf)?;
        self.counter.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// The header row as the output format wants it: the input's bytes when
/// the dialect is the same and no column is added; nothing for JSONL.
fn write_header(
    settings: &Settings,
    info: &SourceInfo,
    data: &[u8],
    header: &RawRecord,
    spans: &[Range<usize>],
    out: &mut Vec<u8>,
) {
    let Some(csv) = &info.csv else { return };
    let out_delimiter = match settings.output {
        Format::Csv => b',',
        Format::Tsv => b'\t',
        Format::Jsonl | Format::Text => return,
    };
    let add_column = settings
        .output_field
        .as_ref()
        .filter(|_| csv.out_column.is_none());
    let content = &data[header.range.start..header.content_end];
    if out_delimiter == csv.delimiter {
        out.extend_from_slice(content);
    } else {
        for (i, name) in csv.names.iter().enumerate() {
            if i > 0 {
                out.push(out_delimiter);
            }
            let raw = spans.get(header.fields.start + i).map(|s| &data[s.clone()]);
            write_field(
                out,
                name,
                out_delimiter,
                raw.is_some_and(|r| r.starts_with(b"\"")),
            );
        }
    }
    if let Some(name) = add_column {
        out.push(out_delimiter);
        write_field(out, name, out_delimiter, false);
    }
    out.extend_from_slice(&data[header.content_end..header.range.end]);
}

/// Processes every record of a chunk (on a worker thread), writing into
/// `out` (empty).
fn process(chunk: &Chunk, settings: &Settings, job: &dyn Job, out: Vec<u8>) -> Done {
    let mut done = Done {
        name: Arc::clone(&chunk.source.name),
        out,
        rejects: Vec::new(),
        counts: Counts::default(),
    };
    let mut written_before = 0u64;
    let mut scratch = Scratch::default();
    let split = chunk
        .lines_from
        .map(|first| jsonl::split_lines(&chunk.data, first, settings.limit));
    let records = split
        .into_iter()
        .flatten()
        .chain(chunk.records.iter().cloned());
    for record in records {
        let record = &record;
        done.counts.bytes_in += record.len;
        let raw = &chunk.data[record.range.clone()];
        let failure = match record.state {
            RecordState::Blank => {
                done.counts.blank_lines += 1;
                if settings.output != Format::Jsonl || settings.input == Format::Jsonl {
                    done.out.extend_from_slice(raw);
                }
                continue;
            }
            RecordState::TooLong => Some((
                "too_long",
                format!(
                    "record longer than {} bytes (--max-line-bytes), skipped",
                    settings.limit
                ),
            )),
            RecordState::Broken(why) => Some(("csv_syntax", why.to_owned())),
            RecordState::Ok => {
                let mark = done.out.len();
                // A bug that panics on one record costs that record, not
                // the job: it is rejected like a bad record.
                let result =
                    std::panic::catch_unwind(AssertUnwindSafe(|| match &chunk.source.csv {
                        Some(csv) => process_csv(chunk, record, csv, settings, job, &mut done),
                        None => {
                            process_jsonl(chunk, record, settings, job, &mut done, &mut scratch)
                        }
                    }))
                    .unwrap_or_else(|_| {
                        Err((
                            "internal_error",
                            "polynorm failed on this record (a bug; please report it)".to_owned(),
                        ))
                    });
                match result {
                    Ok(()) => None,
                    Err(failure) => {
                        done.out.truncate(mark);
                        Some(failure)
                    }
                }
            }
        };
        done.counts.records_in += 1;
        match failure {
            None => {
                done.counts.records_out += 1;
                written_before += 1;
            }
            Some((reason, message)) => {
                done.counts.reject(reason);
                let content = &chunk.data[record.range.start..record.content_end];
                done.rejects.push(Reject {
                    line: record.line,
                    reason,
                    message,
                    record: (record.state != RecordState::TooLong)
                        .then(|| String::from_utf8_lossy(content).into_owned()),
                    out_offset: done.out.len(),
                    records_before: written_before,
                });
                written_before = 0;
            }
        }
    }
    done
}

type Failure = (&'static str, String);

fn utf8(content: &[u8]) -> Result<&str, Failure> {
    match simdutf8::basic::from_utf8(content) {
        Ok(text) => Ok(text),
        Err(_) => {
            let at = simdutf8::compat::from_utf8(content)
                .err()
                .map_or(0, |e| e.valid_up_to());
            Err(("invalid_utf8", format!("invalid UTF-8 at byte {}", at + 1)))
        }
    }
}

fn problem(p: &Problem) -> Failure {
    let reason = match p {
        Problem::Malformed(_) => "malformed_json",
        Problem::NotAnObject(_) => "not_an_object",
        Problem::MissingField(_) => "missing_field",
        Problem::NotAString(..) => "not_a_string",
    };
    (reason, p.to_string())
}

fn process_jsonl<'c>(
    chunk: &'c Chunk,
    record: &RawRecord,
    settings: &Settings,
    job: &dyn Job,
    done: &mut Done,
    scratch: &mut Scratch<'c>,
) -> Result<(), Failure> {
    let content = &chunk.data[record.range.start..record.content_end];
    let terminator = &chunk.data[record.content_end..record.range.end];
    let text = utf8(content)?;
    // A byte order mark (the first line of a file saved by some editors)
    // is kept, and the record after it parsed.
    let (bom, text) = match text.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", text),
    };
    let parsed =
        Record::parse_in(text, std::mem::take(&mut scratch.entries)).map_err(|p| problem(&p))?;
    let found = &mut scratch.found;
    found.clear();
    for field in &settings.fields {
        found.push(parsed.string_at(field).map_err(|p| problem(&p))?);
    }
    // One field (the usual case) needs no list of its own.
    let one: [&str; 1];
    let many: Vec<&str>;
    let values: &[&str] = if let [single] = found.as_slice() {
        one = [single.value.as_ref()];
        &one
    } else {
        many = found.iter().map(|f| f.value.as_ref()).collect();
        &many
    };
    let result = job.run(values, &mut done.counts);
    let changed = result.values.iter().any(Option::is_some);
    done.counts.records_changed += u64::from(changed);
    let out = &mut done.out;
    if !changed && result.extra.is_none() {
        out.extend_from_slice(content);
        out.extend_from_slice(terminator);
        scratch.entries = parsed.into_entries();
        return Ok(());
    }
    let mut edits: Vec<(Range<usize>, Patch<'_>)> = Vec::with_capacity(found.len() + 1);
    for (f, value) in found.iter().zip(&result.values) {
        if let Some(value) = value {
            edits.push((f.span.clone(), Patch::Str(value)));
        }
    }
    if let (Some(extra), Some(name)) = (&result.extra, &settings.output_field) {
        match parsed.value_span(name) {
            Some(span) => edits.push((span, Patch::Json(extra))),
            None => {
                let (at, comma) = parsed.insertion_point();
                edits.push((
                    at..at,
                    Patch::Entry {
                        comma,
                        name,
                        json: extra,
                    },
                ));
            }
        }
    }
    edits.sort_by_key(|e| e.0.start);
    out.extend_from_slice(bom.as_bytes());
    jsonl::splice(text.as_bytes(), &edits, out);
    out.extend_from_slice(terminator);
    scratch.entries = parsed.into_entries();
    Ok(())
}

/// Buffers a worker reuses from one JSONL record to the next.
#[derive(Default)]
struct Scratch<'a> {
    entries: Vec<jsonl::Entry<'a>>,
    found: Vec<jsonl::Located<'a>>,
}

fn process_csv(
    chunk: &Chunk,
    record: &RawRecord,
    csv: &CsvInfo,
    settings: &Settings,
    job: &dyn Job,
    done: &mut Done,
) -> Result<(), Failure> {
    let base = record.range.start;
    let content = &chunk.data[base..record.content_end];
    let terminator = &chunk.data[record.content_end..record.range.end];
    let text = utf8(content)?;
    let spans = &chunk.spans[record.fields.clone()];
    if spans.len() != csv.names.len() {
        return Err((
            "wrong_column_count",
            format!(
                "{} fields, but the header has {}",
                spans.len(),
                csv.names.len()
            ),
        ));
    }
    let raw_field = |i: usize| -> &str {
        spans
            .get(i)
            .and_then(|s| text.get(s.start - base..s.end - base))
            .unwrap_or_default()
    };
    let values: Vec<Cow<'_, str>> = csv.columns.iter().map(|&c| unquote(raw_field(c))).collect();
    let refs: Vec<&str> = values.iter().map(AsRef::as_ref).collect();
    let result = job.run(&refs, &mut done.counts);
    let changed = result.values.iter().any(Option::is_some);
    done.counts.records_changed += u64::from(changed);
    let extra = result
        .extra
        .as_deref()
        .map(|e| std::str::from_utf8(e).unwrap_or_default());
    let out = &mut done.out;
    let out_delimiter = match settings.output {
        Format::Csv => b',',
        Format::Tsv => b'\t',
        Format::Jsonl | Format::Text => {
            write_json_row(out, csv, settings, &raw_field, &result.values, extra);
            out.push(b'\n');
            return Ok(());
        }
    };
    let same = out_delimiter == csv.delimiter;
    if same && !changed && extra.is_none() {
        out.extend_from_slice(content);
        out.extend_from_slice(terminator);
        return Ok(());
    }
    for (i, role) in csv.selected.iter().enumerate() {
        if i > 0 {
            out.push(out_delimiter);
        }
        let raw = raw_field(i);
        let quoted = same && raw.starts_with('"');
        let new_value = role
            .and_then(|k| result.values.get(k))
            .and_then(Option::as_deref);
        if let Some(value) = new_value {
            write_field(out, value, out_delimiter, quoted);
        } else if let (Some(e), true) = (extra, csv.out_column == Some(i)) {
            write_field(out, e, out_delimiter, quoted);
        } else if same {
            out.extend_from_slice(raw.as_bytes());
        } else {
            write_field(out, &unquote(raw), out_delimiter, false);
        }
    }
    if let (Some(e), None) = (extra, csv.out_column) {
        out.push(out_delimiter);
        write_field(out, e, out_delimiter, false);
    }
    out.extend_from_slice(terminator);
    Ok(())
}

/// A CSV row as a JSON object keyed by the header; the output field holds
/// JSON, every other value is a string.
fn write_json_row<'a>(
    out: &mut Vec<u8>,
    csv: &CsvInfo,
    settings: &Settings,
    raw_field: &dyn Fn(usize) -> &'a str,
    values: &[Option<String>],
    extra: Option<&str>,
) {
    out.push(b'{');
    for (i, name) in csv.names.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        crate::json::write_str(out, name);
        out.push(b':');
        let new_value = csv.selected[i]
            .and_then(|k| values.get(k))
            .and_then(Option::as_deref);
        match (new_value, extra) {
            (Some(v), _) => crate::json::write_str(out, v),
            (None, Some(e)) if csv.out_column == Some(i) => out.extend_from_slice(e.as_bytes()),
            _ => crate::json::write_str(out, &unquote(raw_field(i))),
        }
    }
    if let (Some(e), None, Some(name)) = (extra, csv.out_column, &settings.output_field) {
        if !csv.names.is_empty() {
            out.push(b',');
        }
        crate::json::write_str(out, name);
        out.push(b':');
        out.extend_from_slice(e.as_bytes());
    }
    out.push(b'}');
}

/// What the writer saw.
struct Ended {
    counts: Counts,
    /// `--strict` stopped the job at a bad record.
    stopped: bool,
}

/// The writer thread: takes chunk results in input order and writes them.
fn write_results(
    rx: &Receiver<Receiver<Done>>,
    mut out: Output,
    mut rejects: RejectSink,
    strict: bool,
    progress: &Progress,
    spare: &Spare,
) -> Result<Ended> {
    let mut counts = Counts::default();
    for pending in rx {
        let done = pending
            .recv()
            .map_err(|_| anyhow!("a worker thread failed"))?;
        if strict {
            if let Some(first) = done.rejects.first() {
                let head = &done.out[..first.out_offset];
                out.write_all(head).context("writing output")?;
                counts.bytes_out += head.len() as u64;
                counts.records_in += first.records_before + 1;
                counts.records_out += first.records_before;
                counts.reject(first.reason);
                rejects.write(&done.name, first, progress)?;
                rejects.finish()?;
                out.finish().context("writing output")?;
                return Ok(Ended {
                    counts,
                    stopped: true,
                });
            }
        }
        out.write_all(&done.out).context("writing output")?;
        counts.bytes_out += done.out.len() as u64;
        counts.add(&done.counts);
        for reject in &done.rejects {
            rejects.write(&done.name, reject, progress)?;
        }
        progress.set_records(counts.records_in);
        spare.give(&spare.out, done.out);
    }
    rejects.finish()?;
    out.finish().context("writing output")?;
    Ok(Ended {
        counts,
        stopped: false,
    })
}

/// Where rejected records go.
enum RejectSink {
    Stderr,
    File(PathBuf, BufWriter<File>),
}

#[derive(Serialize)]
struct RejectLine<'a> {
    file: &'a str,
    line: u64,
    reason: &'static str,
    message: &'a str,
    record: Option<&'a str>,
}

impl RejectSink {
    fn open(path: Option<&Path>) -> Result<RejectSink> {
        Ok(match path {
            None => RejectSink::Stderr,
            Some(p) => RejectSink::File(
                p.to_owned(),
                BufWriter::new(File::create(p).with_context(|| format!("{}", p.display()))?),
            ),
        })
    }

    fn write(&mut self, file: &str, reject: &Reject, progress: &Progress) -> Result<()> {
        match self {
            RejectSink::Stderr => {
                progress.suspend(|| {
                    report::warn(&format!("{file}:{}: {}", reject.line, reject.message));
                });
                Ok(())
            }
            RejectSink::File(path, w) => crate::json::write_line(
                w,
                &RejectLine {
                    file,
                    line: reject.line,
                    reason: reject.reason,
                    message: &reject.message,
                    record: reject.record.as_deref(),
                },
            )
            .with_context(|| format!("{}", path.display())),
        }
    }

    fn finish(&mut self) -> Result<()> {
        match self {
            RejectSink::Stderr => Ok(()),
            RejectSink::File(path, w) => w.flush().with_context(|| format!("{}", path.display())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Upper-cases its field, and panics on `boom`.
    struct Shout;

    impl Job for Shout {
        fn run(&self, fields: &[&str], _counts: &mut Counts) -> JobOutput {
            assert!(fields[0] != "boom", "a bug");
            JobOutput {
                values: vec![Some(fields[0].to_uppercase())],
                extra: None,
            }
        }
    }

    fn settings() -> Settings {
        Settings {
            command: "test",
            input: Format::Jsonl,
            output: Format::Jsonl,
            fields: vec![FieldPath::parse("text")],
            output_field: None,
            limit: 1000,
            jobs: 1,
            strict: false,
            sources: Vec::new(),
            output_path: None,
            rejects_path: None,
            stats_path: None,
        }
    }

    fn chunk(input: &[u8]) -> Chunk {
        let info = Arc::new(SourceInfo {
            name: "test".into(),
            csv: None,
        });
        let mut chunk = Chunk::new(&info, &Spare::new(1));
        chunk.data.extend_from_slice(input);
        chunk.lines_from = Some(1);
        chunk
    }

    #[test]
    fn a_panicking_job_rejects_the_record_and_goes_on() {
        let input = b"{\"text\":\"a\"}\n{\"text\":\"boom\"}\n{\"text\":\"b\"}\n";
        // The panic message on stderr is expected.
        let done = process(&chunk(input), &settings(), &Shout, Vec::new());
        assert_eq!(done.out, b"{\"text\":\"A\"}\n{\"text\":\"B\"}\n");
        assert_eq!(done.rejects.len(), 1);
        assert_eq!(done.rejects[0].line, 2);
        assert_eq!(done.rejects[0].reason, "internal_error");
        assert_eq!(done.counts.records_in, 3);
        assert_eq!(done.counts.records_out, 2);
    }

    #[test]
    fn rejects_know_where_their_record_would_have_been() {
        let input = b"{\"text\":\"a\"}\n[]\n{}\n{\"text\":\"b\"}\n";
        let done = process(&chunk(input), &settings(), &Shout, Vec::new());
        let offsets: Vec<_> = done
            .rejects
            .iter()
            .map(|r| (r.line, r.out_offset, r.records_before))
            .collect();
        // `--strict` writes out[..out_offset] of the first reject.
        assert_eq!(offsets, [(2, 13, 1), (3, 13, 0)]);
    }
}
