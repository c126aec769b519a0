//! Prints the person-name evaluation tables of EVALUATION.md.
//!
//! ```console
//! cargo run --release -p polynorm-names --example eval_names
//! cargo run --release -p polynorm-names --example eval_names -- --errors
//! ```

#![allow(clippy::print_stdout, missing_docs)]

#[path = "../eval/names.rs"]
mod eval;

use std::collections::HashMap;
use std::path::Path;

use polynorm_names::{Clusterer, MentionFinder};

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/eval/names");
    let errors = std::env::args().any(|a| a == "--errors");
    let report = eval::run_clusters(&dir, &Clusterer::default());
    println!("## Clustering\n\n{report}");
    if errors {
        println!("Records in a cluster with another person:");
        for w in &report.wrong_merges {
            println!("  {w}");
        }
        let records = eval::load(&dir);
        let names: Vec<&str> = records.iter().map(|r| r.name.as_str()).collect();
        let c = Clusterer::default().cluster(&names);
        // Records not in their person's largest cluster.
        let mut largest: HashMap<&str, HashMap<usize, usize>> = HashMap::default();
        for (r, l) in records.iter().zip(&c.labels) {
            *largest
                .entry(r.person.as_str())
                .or_default()
                .entry(*l)
                .or_default() += 1;
        }
        println!("\nRecords split off their person's main cluster:");
        for (r, l) in records.iter().zip(&c.labels) {
            let main = largest[r.person.as_str()]
                .iter()
                .max_by_key(|(_, n)| **n)
                .map(|(l, _)| *l);
            if main != Some(*l) {
                println!(
                    "  {} [{}] ({}) -> {:?}",
                    r.name, r.kind, r.person, c.clusters[*l].canonical
                );
            }
        }
    }
    let docs = eval::run_documents(&dir, &MentionFinder::default());
    println!("\n## Documents\n\n{docs}");
}
