//! polynorm-gen: regenerates every `crates/*/src/tables/` from `data/`.
//!
//! ```text
//! cargo run -p polynorm-gen -- all           # rewrite every generated table
//! cargo run -p polynorm-gen -- all --check   # exit 1 if a committed table is stale
//! ```
//!
//! Each table family is one module with a `generate(root) -> Vec<Output>`
//! function; [`generate_all`] lists them. Families share the header writer in
//! [`writer`] and the UCD parser in [`ucd`]. Every `tables/` directory also
//! gets a generated `mod.rs` declaring its modules. Building polynorm never
//! runs this tool: the tables are committed source.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context as _, Result};

mod acronyms;
mod be_forms;
// The repair crate's bigram arithmetic, compiled here too so that the
// generated models are the judge's own (see `bigrams`); the judge's other
// users of it (its character index) are not this tool's.
#[allow(dead_code)]
#[path = "../../repair/src/mixed/bigram_model.rs"]
mod bigram_model;
mod bigrams;
mod html_entities;
mod layouts;
mod lexicon;
mod lexicon_more;
mod lookalikes;
mod names;
mod translit_cyrillic;
mod translit_han;
mod translit_hangul;
mod trigrams;
mod ucd;
mod unicode_scripts;
mod writer;

use writer::Output;

const USAGE: &str = "\
usage: polynorm-gen all [--check] [--root DIR]

  all        regenerate every table under crates/*/src/tables/
  --check    write nothing; exit 1 naming each stale file
  --root     workspace root (default: the one this tool was built in)";

/// Whether to write the tables or only compare them with what is on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Write,
    Check,
}

/// A generated file that is not as the generator would write it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stale {
    path: PathBuf,
    why: &'static str,
}

/// The workspace root this binary was built from.
fn default_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs every table family and adds a `mod.rs` for each `tables/` directory.
fn generate_all(root: &Path) -> Result<Vec<Output>> {
    let mut outputs = Vec::new();
    // One line per table family.
    outputs.extend(unicode_scripts::generate(root).context("unicode_scripts")?);
    outputs.extend(html_entities::generate(root).context("html_entities")?);
    outputs.extend(lookalikes::generate(root).context("lookalikes")?);
    outputs.extend(layouts::generate(root).context("layouts")?);
    outputs.extend(lexicon::generate(root).context("lexicon")?);
    outputs.extend(bigrams::generate(root).context("bigrams")?);
    outputs.extend(be_forms::generate(root).context("be_forms")?);
    outputs.extend(lexicon_more::generate(root).context("lexicon_more")?);
    outputs.extend(acronyms::generate(root).context("acronyms")?);
    outputs.extend(trigrams::generate(root).context("trigrams")?);
    outputs.extend(names::generate(root).context("names")?);
    outputs.extend(translit_cyrillic::generate(root).context("translit_cyrillic")?);
    outputs.extend(translit_han::generate(root).context("translit_han")?);
    outputs.extend(translit_hangul::generate(root).context("translit_hangul")?);

    let mut dirs: BTreeMap<PathBuf, Vec<String>> = BTreeMap::new();
    for output in &outputs {
        let dir = output
            .path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let module = output
            .path
            .file_stem()
            .and_then(|s| s.to_str())
            .with_context(|| format!("bad output path {}", output.path.display()))?;
        if module == "mod" {
            bail!("a generator wrote {} itself", output.path.display());
        }
        dirs.entry(dir).or_default().push(module.to_owned());
    }
    for (dir, modules) in dirs {
        outputs.push(Output {
            path: dir.join("mod.rs"),
            contents: writer::tables_mod_rs(&modules),
        });
    }
    outputs.sort_by(|a, b| a.path.cmp(&b.path));
    for pair in outputs.windows(2) {
        if let [a, b] = pair {
            if a.path == b.path {
                bail!("two generators write {}", a.path.display());
            }
        }
    }
    Ok(outputs)
}

/// `.rs` files in the generated directories that no generator wrote.
fn orphans(root: &Path, outputs: &[Output]) -> Result<Vec<PathBuf>> {
    let mut dirs: Vec<&Path> = outputs.iter().filter_map(|o| o.path.parent()).collect();
    dirs.sort();
    dirs.dedup();
    let mut found = Vec::new();
    for dir in dirs {
        let full = root.join(dir);
        if !full.is_dir() {
            continue;
        }
        for entry in
            std::fs::read_dir(&full).with_context(|| format!("listing {}", full.display()))?
        {
            let name = entry?.file_name();
            let rel = dir.join(&name);
            let is_rs = Path::new(&name).extension().is_some_and(|e| e == "rs");
            if is_rs && !outputs.iter().any(|o| o.path == rel) {
                found.push(rel);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Regenerates everything under `root`; in [`Mode::Write`] updates the files
/// that differ (and removes orphans), in [`Mode::Check`] only reports them.
/// Returns what was (or would have been) changed.
fn run(root: &Path, mode: Mode) -> Result<Vec<Stale>> {
    let outputs = generate_all(root)?;
    let mut stale = Vec::new();
    for output in &outputs {
        let full = root.join(&output.path);
        let why = match std::fs::read(&full) {
            Ok(bytes) if bytes == output.contents.as_bytes() => continue,
            Ok(_) => "out of date",
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => "missing",
            Err(e) => return Err(e).with_context(|| format!("reading {}", full.display())),
        };
        if mode == Mode::Write {
            if let Some(dir) = full.parent() {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("creating {}", dir.display()))?;
            }
            std::fs::write(&full, &output.contents)
                .with_context(|| format!("writing {}", full.display()))?;
        }
        stale.push(Stale {
            path: output.path.clone(),
            why,
        });
    }
    for orphan in orphans(root, &outputs)? {
        if mode == Mode::Write {
            let full = root.join(&orphan);
            std::fs::remove_file(&full).with_context(|| format!("removing {}", full.display()))?;
        }
        stale.push(Stale {
            path: orphan,
            why: "not written by any generator",
        });
    }
    Ok(stale)
}

fn parse_args(args: &[String]) -> Result<(Mode, PathBuf)> {
    let mut mode = Mode::Write;
    let mut root = default_root();
    let mut saw_all = false;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "all" => saw_all = true,
            "--check" => mode = Mode::Check,
            "--root" => root = PathBuf::from(iter.next().context("--root needs a directory")?),
            "-h" | "--help" => bail!("{USAGE}"),
            other => bail!("unknown argument {other:?}\n\n{USAGE}"),
        }
    }
    if !saw_all {
        bail!("{USAGE}");
    }
    Ok((mode, root))
}

#[allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a command-line tool reports"
)]
fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mode, root) = match parse_args(&args) {
        Ok(parsed) => parsed,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    match run(&root, mode) {
        Ok(stale) if stale.is_empty() => {
            println!("polynorm-gen: all generated tables are up to date");
            ExitCode::SUCCESS
        }
        Ok(stale) => match mode {
            Mode::Write => {
                for s in &stale {
                    println!("updated {} (was {})", s.path.display(), s.why);
                }
                ExitCode::SUCCESS
            }
            Mode::Check => {
                for s in &stale {
                    eprintln!("stale: {} ({})", s.path.display(), s.why);
                }
                eprintln!(
                    "polynorm-gen: {} generated file(s) are stale; run `{}` and commit the result",
                    stale.len(),
                    writer::COMMAND
                );
                ExitCode::FAILURE
            }
        },
        Err(e) => {
            eprintln!("polynorm-gen: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fails when a committed table is stale; with `POLYNORM_UPDATE_TABLES=1`
    /// rewrites the tables instead.
    #[test]
    fn generated_tables_are_fresh() {
        let root = default_root();
        let update = std::env::var_os("POLYNORM_UPDATE_TABLES").is_some_and(|v| v == "1");
        let mode = if update { Mode::Write } else { Mode::Check };
        let stale = run(&root, mode).unwrap();
        if !update {
            let list: Vec<String> = stale
                .iter()
                .map(|s| format!("  {} ({})", s.path.display(), s.why))
                .collect();
            assert!(
                stale.is_empty(),
                "stale generated tables:\n{}\nrun `{}` (or this test with POLYNORM_UPDATE_TABLES=1)",
                list.join("\n"),
                writer::COMMAND
            );
        }
    }

    #[test]
    fn generation_is_deterministic() {
        let root = default_root();
        assert_eq!(generate_all(&root).unwrap(), generate_all(&root).unwrap());
    }

    #[test]
    fn every_output_has_the_header() {
        for output in generate_all(&default_root()).unwrap() {
            assert!(
                output
                    .contents
                    .starts_with("// @generated by polynorm-gen. DO NOT EDIT"),
                "{}",
                output.path.display()
            );
            assert!(output.contents.contains(writer::COMMAND));
        }
    }

    fn copy_dir(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy_dir(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }

    #[test]
    fn check_mode_names_a_stale_file() {
        let dir = std::env::temp_dir().join(format!("polynorm-gen-test-{}", std::process::id()));
        // Every generator's inputs: a copy of the whole data/ tree.
        copy_dir(&default_root().join("data"), &dir.join("data"));
        let stale = run(&dir, Mode::Check).unwrap();
        assert!(stale
            .iter()
            .any(|s| s.path.ends_with("script_ranges.rs") && s.why == "missing"));
        assert!(run(&dir, Mode::Write).unwrap().len() == stale.len());
        assert!(run(&dir, Mode::Check).unwrap().is_empty());
        let ranges = dir.join("crates/script/src/tables/script_ranges.rs");
        std::fs::write(&ranges, "// edited by hand\n").unwrap();
        let stale = run(&dir, Mode::Check).unwrap();
        assert_eq!(stale.len(), 1);
        assert!(stale[0].path.ends_with("script_ranges.rs"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn args() {
        let strings = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(parse_args(&strings(&["all"])).unwrap().0, Mode::Write);
        assert_eq!(
            parse_args(&strings(&["all", "--check"])).unwrap().0,
            Mode::Check
        );
        assert!(parse_args(&strings(&[])).is_err());
        assert!(parse_args(&strings(&["al"])).is_err());
    }
}
