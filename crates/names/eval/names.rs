//! The person-name evaluation (`fixtures/eval/names/`), shared by the
//! `eval_names` example (the tables of EVALUATION.md) and `tests/eval.rs`
//! (floors).
//!
//! Clustering: every record of `names.tsv` is clustered in one batch with the
//! default `Clusterer`; gold clusters are the `person` column. Pairwise
//! precision/recall count pairs of records put together; B-cubed
//! precision/recall average, per record, the share of its predicted cluster
//! that is its person and the share of its person that is in its cluster.
//! Per kind: B-cubed recall of the records of that kind. Hard negatives: the
//! pairs of `hard-negatives.tsv` that some predicted cluster joins.
//!
//! Documents: mentions found by `MentionFinder` are matched to the gold
//! mentions by their text; detection precision/recall count mentions,
//! linking is B-cubed over gold mentions (an unlinked or missed mention is a
//! cluster of its own; so is a gold `unlinked` mention).

#![allow(
    dead_code,
    unreachable_pub,
    clippy::cast_precision_loss,
    clippy::missing_panics_doc
)]

use std::collections::{BTreeMap, HashMap};
use std::fmt::{self, Write as _};
use std::path::Path;

use polynorm_names::{Clusterer, MentionFinder};

/// One record of names.tsv.
#[derive(Debug, Clone)]
pub struct Record {
    pub person: String,
    pub name: String,
    pub kind: String,
}

/// Loads names.tsv.
pub fn load(dir: &Path) -> Vec<Record> {
    let text = std::fs::read_to_string(dir.join("names.tsv")).expect("names.tsv");
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut f = l.split('\t');
            Record {
                person: f.next().unwrap_or_default().to_owned(),
                name: f.next().unwrap_or_default().to_owned(),
                kind: f.next().unwrap_or_default().to_owned(),
            }
        })
        .collect()
}

/// Loads hard-negatives.tsv.
pub fn hard_negatives(dir: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(dir.join("hard-negatives.tsv")).expect("hard-negatives.tsv");
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut f = l.split('\t');
            (
                f.next().unwrap_or_default().to_owned(),
                f.next().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, Default)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
}

impl Prf {
    pub fn f1(self) -> f64 {
        if self.precision + self.recall == 0.0 {
            0.0
        } else {
            2.0 * self.precision * self.recall / (self.precision + self.recall)
        }
    }
}

/// Pairwise and B-cubed scores of a predicted labelling against gold labels.
pub fn score<G: Eq + std::hash::Hash + Clone, P: Eq + std::hash::Hash + Clone>(
    gold: &[G],
    predicted: &[P],
) -> (Prf, Prf, Vec<f64>) {
    let n = gold.len();
    let mut by_gold: HashMap<G, usize> = HashMap::new();
    let mut by_pred: HashMap<P, usize> = HashMap::new();
    let mut by_both: HashMap<(G, P), usize> = HashMap::new();
    for (g, p) in gold.iter().zip(predicted) {
        *by_gold.entry(g.clone()).or_default() += 1;
        *by_pred.entry(p.clone()).or_default() += 1;
        *by_both.entry((g.clone(), p.clone())).or_default() += 1;
    }
    let pairs = |c: usize| (c * c.saturating_sub(1) / 2) as f64;
    let tp: f64 = by_both.values().map(|&c| pairs(c)).sum();
    let pred_pairs: f64 = by_pred.values().map(|&c| pairs(c)).sum();
    let gold_pairs: f64 = by_gold.values().map(|&c| pairs(c)).sum();
    let pairwise = Prf {
        precision: if pred_pairs == 0.0 {
            1.0
        } else {
            tp / pred_pairs
        },
        recall: if gold_pairs == 0.0 {
            1.0
        } else {
            tp / gold_pairs
        },
    };
    let mut p_sum = 0.0;
    let mut r_sum = 0.0;
    let mut recall_each = Vec::with_capacity(n);
    for (g, p) in gold.iter().zip(predicted) {
        let both = by_both[&(g.clone(), p.clone())] as f64;
        p_sum += both / by_pred[p] as f64;
        let r = both / by_gold[g] as f64;
        r_sum += r;
        recall_each.push(r);
    }
    let b3 = Prf {
        precision: p_sum / n.max(1) as f64,
        recall: r_sum / n.max(1) as f64,
    };
    (pairwise, b3, recall_each)
}

/// The clustering part of the report.
#[derive(Debug, Clone, Default)]
pub struct ClusterReport {
    pub records: usize,
    pub people: usize,
    pub clusters: usize,
    pub pairwise: Prf,
    pub bcubed: Prf,
    /// kind → (records, mean B-cubed recall).
    pub by_kind: BTreeMap<String, (usize, f64)>,
    /// Hard-negative pairs merged somewhere.
    pub hard_negative_violations: Vec<(String, String)>,
    pub hard_negative_pairs: usize,
    /// Records whose cluster holds another person (name, its person, the other persons).
    pub wrong_merges: Vec<String>,
    pub seconds: f64,
}

/// Clusters names.tsv and scores it.
pub fn run_clusters(dir: &Path, clusterer: &Clusterer) -> ClusterReport {
    let records = load(dir);
    let names: Vec<&str> = records.iter().map(|r| r.name.as_str()).collect();
    let started = std::time::Instant::now();
    let clustering = clusterer.cluster(&names);
    let seconds = started.elapsed().as_secs_f64();
    let gold: Vec<&str> = records.iter().map(|r| r.person.as_str()).collect();
    let (pairwise, bcubed, recall_each) = score(&gold, &clustering.labels);
    let mut by_kind: BTreeMap<String, (usize, f64)> = BTreeMap::new();
    for (r, rec) in records.iter().zip(&recall_each) {
        let e = by_kind.entry(r.kind.clone()).or_default();
        e.0 += 1;
        e.1 += rec;
    }
    for v in by_kind.values_mut() {
        v.1 /= v.0.max(1) as f64;
    }
    let mut persons_in: HashMap<usize, Vec<&str>> = HashMap::new();
    for (l, g) in clustering.labels.iter().zip(&gold) {
        let v = persons_in.entry(*l).or_default();
        if !v.contains(g) {
            v.push(g);
        }
    }
    let negatives = hard_negatives(dir);
    let hard_negative_violations = negatives
        .iter()
        .filter(|(a, b)| {
            persons_in
                .values()
                .any(|v| v.contains(&a.as_str()) && v.contains(&b.as_str()))
        })
        .cloned()
        .collect();
    let mut wrong_merges = Vec::new();
    for (i, r) in records.iter().enumerate() {
        let others: Vec<&str> = persons_in[&clustering.labels[i]]
            .iter()
            .copied()
            .filter(|p| *p != r.person)
            .collect();
        if !others.is_empty() {
            wrong_merges.push(format!(
                "{} ({}) with {}",
                r.name,
                r.person,
                others.join(", ")
            ));
        }
    }
    ClusterReport {
        records: records.len(),
        people: {
            let mut p: Vec<&str> = gold.clone();
            p.sort_unstable();
            p.dedup();
            p.len()
        },
        clusters: clustering.clusters.len(),
        pairwise,
        bcubed,
        by_kind,
        hard_negative_pairs: negatives.len(),
        hard_negative_violations,
        wrong_merges,
        seconds,
    }
}

/// One document's gold.
#[derive(Debug, Clone)]
pub struct Doc {
    pub name: String,
    pub text: String,
    /// (person, mentions).
    pub people: Vec<(String, Vec<String>)>,
    pub unlinked: Vec<String>,
}

/// Loads documents.toml.
pub fn documents(dir: &Path) -> Vec<Doc> {
    let text = std::fs::read_to_string(dir.join("documents.toml")).expect("documents.toml");
    let value: toml::Value = toml::from_str(&text).expect("documents.toml parses");
    let mut out = Vec::new();
    for d in value
        .get("doc")
        .and_then(|v| v.as_array())
        .cloned()
        .unwrap_or_default()
    {
        let name = d
            .get("name")
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_owned();
        let body = match (
            d.get("text").and_then(|v| v.as_str()),
            d.get("file").and_then(|v| v.as_str()),
        ) {
            (Some(t), _) => t.to_owned(),
            (None, Some(f)) => std::fs::read_to_string(dir.join(f)).expect("document file"),
            (None, None) => panic!("document {name} has no text"),
        };
        let people = d
            .get("person")
            .and_then(|v| v.as_array())
            .cloned()
            .unwrap_or_default()
            .iter()
            .map(|p| {
                let n = p
                    .get("name")
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_owned();
                let m = p
                    .get("mentions")
                    .and_then(|v| v.as_array())
                    .map(|a| {
                        a.iter()
                            .filter_map(|x| x.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default();
                (n, m)
            })
            .collect();
        let unlinked = d
            .get("unlinked")
            .and_then(|v| v.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        out.push(Doc {
            name,
            text: body,
            people,
            unlinked,
        });
    }
    out
}

/// The document part of the report.
#[derive(Debug, Clone, Default)]
pub struct DocReport {
    /// name, gold people, predicted people, gold mentions, found, correct, exact partition.
    pub rows: Vec<(String, usize, usize, usize, usize, usize, bool)>,
    pub detection: Prf,
    pub linking: Prf,
}

/// Runs the mention finder on every document and scores it.
pub fn run_documents(dir: &Path, finder: &MentionFinder) -> DocReport {
    let mut report = DocReport::default();
    let (mut tp, mut predicted, mut gold_total) = (0usize, 0usize, 0usize);
    let mut gold_labels: Vec<String> = Vec::new();
    let mut pred_labels: Vec<String> = Vec::new();
    for d in documents(dir) {
        let found = finder.find(&d.text);
        // Gold: text -> labels (in order).
        let mut gold: Vec<(String, String)> = Vec::new();
        for (p, ms) in &d.people {
            for m in ms {
                gold.push((m.clone(), p.clone()));
            }
        }
        for (i, m) in d.unlinked.iter().enumerate() {
            gold.push((m.clone(), format!("unlinked-{i}")));
        }
        let mut pred: HashMap<String, Vec<Option<usize>>> = HashMap::new();
        for m in &found.mentions {
            pred.entry(m.text.clone()).or_default().push(m.person);
        }
        predicted += found.mentions.len();
        gold_total += gold.len();
        let mut used: HashMap<String, usize> = HashMap::new();
        let mut doc_gold = Vec::new();
        let mut doc_pred = Vec::new();
        let mut correct = 0;
        for (k, (text, label)) in gold.iter().enumerate() {
            let u = used.entry(text.clone()).or_default();
            let hit = pred.get(text).and_then(|v| v.get(*u));
            *u += 1;
            let p = match hit {
                Some(Some(person)) => {
                    tp += 1;
                    format!("{}:{person}", d.name)
                }
                Some(None) => {
                    tp += 1;
                    format!("{}:unlinked-{k}", d.name)
                }
                None => format!("{}:missed-{k}", d.name),
            };
            if hit.is_some() {
                correct += 1;
            }
            doc_gold.push(format!("{}:{label}", d.name));
            doc_pred.push(p);
        }
        let (_, b3, _) = score(&doc_gold, &doc_pred);
        let exact = found.people.len() == d.people.len()
            && (b3.precision - 1.0).abs() < 1e-12
            && (b3.recall - 1.0).abs() < 1e-12
            && correct == gold.len();
        report.rows.push((
            d.name.clone(),
            d.people.len(),
            found.people.len(),
            gold.len(),
            found.mentions.len(),
            correct,
            exact,
        ));
        gold_labels.extend(doc_gold);
        pred_labels.extend(doc_pred);
    }
    report.detection = Prf {
        precision: tp as f64 / predicted.max(1) as f64,
        recall: tp as f64 / gold_total.max(1) as f64,
    };
    let (_, b3, _) = score(&gold_labels, &pred_labels);
    report.linking = b3;
    report
}

impl fmt::Display for ClusterReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} records of {} people -> {} clusters ({:.2} s)\n",
            self.records, self.people, self.clusters, self.seconds
        )?;
        writeln!(
            f,
            "| measure | precision | recall | F1 |\n| --- | ---: | ---: | ---: |"
        )?;
        for (name, p) in [("B-cubed", self.bcubed), ("pairwise", self.pairwise)] {
            writeln!(
                f,
                "| {name} | {:.3} | {:.3} | {:.3} |",
                p.precision,
                p.recall,
                p.f1()
            )?;
        }
        writeln!(
            f,
            "\nHard negatives merged: {} of {} pairs",
            self.hard_negative_violations.len(),
            self.hard_negative_pairs
        )?;
        for (a, b) in &self.hard_negative_violations {
            writeln!(f, "  - {a} / {b}")?;
        }
        writeln!(
            f,
            "\n| kind | records | B-cubed recall |\n| --- | ---: | ---: |"
        )?;
        for (k, (n, r)) in &self.by_kind {
            writeln!(f, "| {k} | {n} | {r:.3} |")?;
        }
        Ok(())
    }
}

impl fmt::Display for DocReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "| document | people (gold) | people (found) | mentions (gold) | mentions (found) | gold mentions found | exact |")?;
        writeln!(f, "| --- | ---: | ---: | ---: | ---: | ---: | --- |")?;
        for (n, gp, pp, gm, pm, c, e) in &self.rows {
            writeln!(
                f,
                "| {n} | {gp} | {pp} | {gm} | {pm} | {c} | {} |",
                if *e { "yes" } else { "no" }
            )?;
        }
        let mut s = String::new();
        let _ = write!(
            s,
            "\nMention detection: precision {:.3}, recall {:.3}; linking (B-cubed over gold mentions): precision {:.3}, recall {:.3}, F1 {:.3}",
            self.detection.precision,
            self.detection.recall,
            self.linking.precision,
            self.linking.recall,
            self.linking.f1()
        );
        writeln!(f, "{s}")
    }
}
