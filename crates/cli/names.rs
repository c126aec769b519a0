//! `polynorm names`: cluster, resolve and compare person names.
//!
//! Unlike the line filters, `cluster` and `resolve` read their whole input
//! before writing (a name's cluster depends on every other name), then write
//! one line per input line, in order.

use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _, Result};
use clap::{Args, Subcommand};
use polynorm_pipeline::names::{
    CanonicalScript, ClusterOptions, Clusterer, DocumentPeople, Entity, Gazetteer, GazetteerEntry,
    Matcher, MentionFinder, Registry,
};
use serde_json::Value;

use crate::report::Status;

/// Person names: cluster the variants of one person, resolve names against
/// a registry, or compare two names and say why they match or not.
#[derive(Debug, Args)]
pub(crate) struct NamesArgs {
    #[command(subcommand)]
    pub(crate) command: NamesCommand,
}

#[derive(Debug, Subcommand)]
pub(crate) enum NamesCommand {
    /// Cluster names (one per line, or a JSONL field): writes, per input line
    /// and in order, the cluster label and the cluster's canonical name, as
    /// `LABEL<TAB>CANONICAL`, or the JSONL record with `cluster` and
    /// `canonical` (and `id` when a gazetteer entry resolves it) added.
    Cluster(ClusterArgs),
    /// Resolve names against a registry of people learned from earlier
    /// batches (`--registry`), creating entities for new people; writes
    /// `ID<TAB>CANONICAL<TAB>known|new` per input line (or the JSONL record
    /// with `entity`, `canonical` and `new` added) and, with `--save`, the
    /// updated registry as JSONL (one entity per line).
    Resolve(ResolveArgs),
    /// Compare two names: writes `match`, `partial` or `no_match`; with
    /// --explain, a JSON object with the score, the parsed names, the aligned
    /// parts with their keys and similarities, and the rule that decided.
    Compare(CompareArgs),
}

#[derive(Debug, Args)]
pub(crate) struct InputArgs {
    /// Input files (standard input when none or `-`).
    #[arg(value_name = "FILE")]
    pub(crate) input: Vec<PathBuf>,
    /// Read JSON Lines and take the name from this field (a string).
    #[arg(long, value_name = "FIELD", conflicts_with = "doc_field")]
    pub(crate) field: Option<String>,
    /// Read JSON Lines whose field FIELD is a document: its person mentions
    /// are found and linked within the document (`Shoigu` to `Sergey
    /// Shoigu`), then its people are clustered (or resolved) across all
    /// documents; each record gets a `people` array.
    #[arg(long, value_name = "FIELD")]
    pub(crate) doc_field: Option<String>,
    /// Known people: TSV (`canonical<TAB>alias|alias<TAB>id`) or JSONL
    /// (`{"canonical":…,"aliases":[…],"id":…}`). Names that match an entry
    /// take its canonical name and id; names of two entries never merge.
    #[arg(long, value_name = "FILE")]
    pub(crate) gazetteer: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct ClusterArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    /// The script of canonical names: `latin` (a Latin variant, or the
    /// romanization of the best one) or `as-written` (the most frequent
    /// well-formed variant in whatever script it is written).
    #[arg(long, value_name = "SCRIPT", default_value = "latin")]
    pub(crate) canonical: CanonicalArg,
}

/// `--canonical`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(crate) enum CanonicalArg {
    Latin,
    AsWritten,
}

#[derive(Debug, Args)]
pub(crate) struct ResolveArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    /// The registry to resolve against (JSONL of entities; missing or empty
    /// means a new registry).
    #[arg(long, value_name = "FILE")]
    pub(crate) registry: Option<PathBuf>,
    /// Write the updated registry here (may be the same file as --registry).
    #[arg(long, value_name = "FILE")]
    pub(crate) save: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct CompareArgs {
    /// The first name.
    pub(crate) a: String,
    /// The second name.
    pub(crate) b: String,
    /// Explain the decision as JSON.
    #[arg(long)]
    pub(crate) explain: bool,
}

/// One input record: the name and, for JSONL, the whole record.
struct Record {
    name: String,
    json: Option<serde_json::Map<String, Value>>,
}

pub(crate) fn run(args: &NamesArgs, status: &mut Status) -> Result<()> {
    match &args.command {
        NamesCommand::Cluster(a) => cluster(a, status),
        NamesCommand::Resolve(a) => resolve(a, status),
        NamesCommand::Compare(a) => compare(a),
    }
}

fn read_all(input: &InputArgs, status: &mut Status) -> Result<Vec<Record>> {
    let mut out = Vec::new();
    let files: Vec<Option<&Path>> = if input.input.is_empty() {
        vec![None]
    } else {
        input
            .input
            .iter()
            .map(|p| (p.as_os_str() != "-").then_some(p.as_path()))
            .collect()
    };
    for file in files {
        let name = file.map_or_else(|| "<stdin>".to_owned(), |p| p.display().to_string());
        let mut bytes = Vec::new();
        match file {
            Some(p) => {
                std::fs::File::open(p)
                    .and_then(|mut f| f.read_to_end(&mut bytes))
                    .with_context(|| format!("reading {name}"))?;
            }
            None => {
                std::io::stdin()
                    .lock()
                    .read_to_end(&mut bytes)
                    .context("reading standard input")?;
            }
        }
        let text = String::from_utf8_lossy(&bytes);
        for (i, line) in text.lines().enumerate() {
            let line = line.strip_suffix('\r').unwrap_or(line);
            match input.field.as_ref().or(input.doc_field.as_ref()) {
                None => out.push(Record {
                    name: line.to_owned(),
                    json: None,
                }),
                Some(field) => {
                    let parsed: Option<serde_json::Map<String, Value>> =
                        serde_json::from_str(line).ok();
                    match parsed {
                        Some(map) => {
                            let name = map
                                .get(field)
                                .and_then(Value::as_str)
                                .unwrap_or_default()
                                .to_owned();
                            if name.is_empty() {
                                status.bad_input(&format!(
                                    "{name}:{}: no string field {field:?}",
                                    i + 1
                                ));
                            }
                            out.push(Record {
                                name,
                                json: Some(map),
                            });
                        }
                        None => {
                            status.bad_input(&format!("{name}:{}: not a JSON object", i + 1));
                            out.push(Record {
                                name: String::new(),
                                json: Some(serde_json::Map::new()),
                            });
                        }
                    }
                }
            }
        }
    }
    Ok(out)
}

fn load_gazetteer(path: &Path) -> Result<Gazetteer> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let jsonl = text
        .lines()
        .find(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .is_some_and(|l| l.trim_start().starts_with('{'));
    if !jsonl {
        return Gazetteer::from_tsv(&text).with_context(|| format!("gazetteer {}", path.display()));
    }
    let mut entries = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let entry: GazetteerEntry = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not a gazetteer entry", path.display(), i + 1))?;
        entries.push(entry);
    }
    Gazetteer::new(entries).with_context(|| format!("gazetteer {}", path.display()))
}

fn clusterer(input: &InputArgs, canonical: CanonicalArg) -> Result<Clusterer> {
    let mut options = ClusterOptions::default();
    options.canonical_script = match canonical {
        CanonicalArg::Latin => CanonicalScript::Latin,
        CanonicalArg::AsWritten => CanonicalScript::AsWritten,
    };
    let mut c = Clusterer::new(Matcher::default(), options);
    if let Some(path) = &input.gazetteer {
        c = c.with_gazetteer(load_gazetteer(path)?);
    }
    Ok(c)
}

/// The people of each record's document, every person's name, and each
/// name's owner `(record, person)`, in record order.
struct Documents {
    docs: Vec<DocumentPeople>,
    names: Vec<String>,
    owners: Vec<(usize, usize)>,
}

fn document_people(input: &InputArgs, records: &[Record]) -> Result<Documents> {
    let gazetteer = input.gazetteer.as_deref().map(load_gazetteer).transpose()?;
    let finder = MentionFinder::new(Matcher::default(), gazetteer);
    let docs: Vec<DocumentPeople> = records.iter().map(|r| finder.find(&r.name)).collect();
    let mut names = Vec::new();
    let mut owners = Vec::new();
    for (ri, doc) in docs.iter().enumerate() {
        for (pi, person) in doc.people.iter().enumerate() {
            names.push(person.name.clone());
            owners.push((ri, pi));
        }
    }
    Ok(Documents {
        docs,
        names,
        owners,
    })
}

/// Writes each record with its `people` (built by `person` from the index
/// of each of its people in the flat list of names).
fn write_documents(
    records: &[Record],
    docs: &[DocumentPeople],
    owners: &[(usize, usize)],
    person: impl Fn(usize, &polynorm_pipeline::names::Person) -> serde_json::Map<String, Value>,
) -> Result<()> {
    let mut per_record: Vec<Vec<Value>> = vec![Vec::new(); records.len()];
    for (flat, &(ri, pi)) in owners.iter().enumerate() {
        if let Some(p) = docs.get(ri).and_then(|d| d.people.get(pi)) {
            let mut entry = person(flat, p);
            entry.insert("mentions".into(), Value::from(p.mentions.len()));
            if let Some(list) = per_record.get_mut(ri) {
                list.push(Value::Object(entry));
            }
        }
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (r, people) in records.iter().zip(per_record) {
        let mut map = r.json.clone().unwrap_or_default();
        map.insert("people".into(), Value::Array(people));
        serde_json::to_writer(&mut out, &map)?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(())
}

fn cluster(args: &ClusterArgs, status: &mut Status) -> Result<()> {
    let clusterer = clusterer(&args.input, args.canonical)?;
    let records = read_all(&args.input, status)?;
    if args.input.doc_field.is_some() {
        let d = document_people(&args.input, &records)?;
        let clustering = clusterer.cluster(&d.names);
        return write_documents(&records, &d.docs, &d.owners, |flat, p| {
            let label = clustering.labels.get(flat).copied().unwrap_or_default();
            let c = clustering.clusters.get(label);
            let mut entry = serde_json::Map::new();
            entry.insert("name".into(), Value::from(p.name.as_str()));
            entry.insert("cluster".into(), Value::from(label));
            entry.insert(
                "canonical".into(),
                Value::from(c.map_or("", |c| c.canonical.as_str())),
            );
            if let Some(id) = c.and_then(|c| c.id.as_deref()).or(p.id.as_deref()) {
                entry.insert("id".into(), Value::from(id));
            }
            entry
        });
    }
    let names: Vec<&str> = records.iter().map(|r| r.name.as_str()).collect();
    let clustering = clusterer.cluster(&names);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (r, &label) in records.iter().zip(&clustering.labels) {
        let c = clustering.clusters.get(label);
        let canonical = c.map_or("", |c| c.canonical.as_str());
        match &r.json {
            None => writeln!(out, "{label}\t{canonical}")?,
            Some(map) => {
                let mut map = map.clone();
                map.insert("cluster".into(), Value::from(label));
                map.insert("canonical".into(), Value::from(canonical));
                if let Some(id) = c.and_then(|c| c.id.as_deref()) {
                    map.insert("id".into(), Value::from(id));
                }
                serde_json::to_writer(&mut out, &map)?;
                writeln!(out)?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

fn resolve(args: &ResolveArgs, status: &mut Status) -> Result<()> {
    let clusterer = Clusterer::default();
    let mut registry = match &args.registry {
        Some(path) if path.exists() => {
            let file =
                std::fs::File::open(path).with_context(|| format!("reading {}", path.display()))?;
            let mut entities = Vec::new();
            for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
                let line = line.with_context(|| format!("reading {}", path.display()))?;
                if line.trim().is_empty() {
                    continue;
                }
                let e: Entity = serde_json::from_str(&line).with_context(|| {
                    format!("{}:{}: not a registry entity", path.display(), i + 1)
                })?;
                entities.push(e);
            }
            Registry::from_entities(entities)
                .with_context(|| format!("registry {}", path.display()))?
        }
        _ => Registry::new(),
    };
    if let Some(path) = &args.input.gazetteer {
        let seeded = Registry::from_gazetteer(&load_gazetteer(path)?);
        if registry.entities().is_empty() {
            registry = seeded;
        } else {
            bail!("--gazetteer seeds a new registry; give it without --registry, or add its people to the registry");
        }
    }
    let records = read_all(&args.input, status)?;
    if args.input.doc_field.is_some() {
        let d = document_people(&args.input, &records)?;
        let resolved = registry.resolve(&clusterer, &d.names);
        write_documents(&records, &d.docs, &d.owners, |flat, p| {
            let mut entry = serde_json::Map::new();
            entry.insert("name".into(), Value::from(p.name.as_str()));
            if let Some(res) = resolved.get(flat) {
                entry.insert("entity".into(), Value::from(res.id.as_str()));
                entry.insert("canonical".into(), Value::from(res.canonical.as_str()));
                entry.insert("new".into(), Value::from(res.new));
            }
            entry
        })?;
        return save_registry(args.save.as_deref(), &registry);
    }
    let names: Vec<&str> = records.iter().map(|r| r.name.as_str()).collect();
    let resolved = registry.resolve(&clusterer, &names);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (r, res) in records.iter().zip(&resolved) {
        match &r.json {
            None => writeln!(
                out,
                "{}\t{}\t{}",
                res.id,
                res.canonical,
                if res.new { "new" } else { "known" }
            )?,
            Some(map) => {
                let mut map = map.clone();
                map.insert("entity".into(), Value::from(res.id.as_str()));
                map.insert("canonical".into(), Value::from(res.canonical.as_str()));
                map.insert("new".into(), Value::from(res.new));
                serde_json::to_writer(&mut out, &map)?;
                writeln!(out)?;
            }
        }
    }
    out.flush()?;
    save_registry(args.save.as_deref(), &registry)
}

/// Writes the registry as JSONL, one entity per line, when asked to.
fn save_registry(path: Option<&Path>, registry: &Registry) -> Result<()> {
    if let Some(path) = path {
        let mut text = String::new();
        for e in registry.entities() {
            text.push_str(&serde_json::to_string(e)?);
            text.push('\n');
        }
        std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}

fn compare(args: &CompareArgs) -> Result<()> {
    let r = Matcher::default().compare(&args.a, &args.b);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if args.explain {
        serde_json::to_writer(&mut out, &r)?;
        writeln!(out)?;
    } else {
        let d = serde_json::to_value(r.decision)?;
        writeln!(out, "{}", d.as_str().unwrap_or_default())?;
    }
    Ok(())
}
