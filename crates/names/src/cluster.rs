//! Clustering many names into people.
//!
//! 1. Identical strings are parsed once; every string is parsed with the
//!    whole batch as repair context (`Sergeн` is repaired when the batch
//!    spells `Sergey`), on all cores.
//! 2. Names with the same keys everywhere are one *node*.
//! 3. Candidate pairs come from blocking keys: the surname key with the
//!    given name's initial letter, and the given-name key with the surname's
//!    initial letter (so a typo in either still meets). A block larger than
//!    [`ClusterOptions::max_block`] is compared only within a sliding window
//!    over its nodes sorted by key, so cost grows near-linearly.
//! 4. **Phase A** merges nodes whose comparison is [`Decision::Match`] and
//!    that say equally much (both with or both without a patronymic or
//!    middle name), best score first, unless the two clusters hold any
//!    pair of names that do not match (no chaining through a typo).
//! 5. **Phase B** attaches the less specific clusters (`Vladimir Putin`
//!    without patronymic, `S. K. Shoigu`, a bare `Shoigu` or `Li`) to the one
//!    more specific cluster they fit; when they fit several, only to a
//!    cluster at least [`ClusterOptions::dominance`] times larger than the
//!    next, and otherwise they stay apart. A less specific name joins at
//!    most one cluster and never joins two: one ambiguous `Li` cannot merge
//!    two different Li's.
//! 6. The canonical name of a cluster is its gazetteer entry's, else its
//!    most frequent full, well-formed variant (no repairs, not in capitals,
//!    no initials) in the target script.

use std::collections::HashMap;
use std::fmt::Write as _;

use polynorm_repair::DocumentContext;

use crate::gazetteer::Gazetteer;
use crate::matcher::{Decision, Matcher, Rule};
use crate::parse::{Culture, NamePart, ParsedName};
use crate::romanize::Source;

/// Which script canonical names are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum CanonicalScript {
    /// Latin: a Latin variant if the cluster has one, else the romanization
    /// of its best variant (the default).
    #[default]
    Latin,
    /// The script of the cluster's most frequent well-formed variant, as written.
    AsWritten,
}

/// Options of a [`Clusterer`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ClusterOptions {
    /// The script of canonical names.
    pub canonical_script: CanonicalScript,
    /// How many times larger than the next candidate a cluster must be for a
    /// less specific name that fits both to join it (default 3; `f32::INFINITY`
    /// keeps every ambiguous name apart).
    pub dominance: f32,
    /// Blocks with more nodes than this are compared within a window (default 400).
    pub max_block: usize,
    /// The window for large blocks (default 40).
    pub window: usize,
    /// Worker threads for parsing and comparing (default: available cores).
    pub threads: usize,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions {
            canonical_script: CanonicalScript::Latin,
            dominance: 3.0,
            max_block: 400,
            window: 40,
            threads: std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
        }
    }
}

/// One cluster: a person.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Cluster {
    /// The canonical name.
    pub canonical: String,
    /// The gazetteer (or registry) identifier, if the cluster resolved to one.
    pub id: Option<String>,
    /// Index of the gazetteer entry it resolved to.
    pub entry: Option<usize>,
    /// How many input names it holds.
    pub size: usize,
    /// Its distinct input names with their counts, most frequent first.
    pub variants: Vec<(String, usize)>,
}

/// The result of [`Clusterer::cluster`]: one label per input, in input
/// order, and the clusters (labels number them in order of first appearance).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Clustering {
    /// The cluster of each input name.
    pub labels: Vec<usize>,
    /// The clusters.
    pub clusters: Vec<Cluster>,
}

impl Clustering {
    /// The canonical name of input `i`'s cluster.
    pub fn canonical(&self, i: usize) -> Option<&str> {
        let label = *self.labels.get(i)?;
        self.clusters.get(label).map(|c| c.canonical.as_str())
    }
}

/// Clusters names into people. See "Principle of operation" in the [crate documentation](crate).
///
/// ```
/// use polynorm_names::Clusterer;
///
/// let names = [
///     "Sergey Shoigu", "Сергей Шойгу", "SHOIGU Sergey Kuzhugetovich", "S. K. Shoigu",
///     "Li Qiang", "Li Keqiang", "李强", "Li",
/// ];
/// let c = Clusterer::default().cluster(&names);
/// assert_eq!(c.labels, [0, 0, 0, 0, 1, 2, 1, 3]);
/// assert_eq!(c.canonical(1), Some("Sergey Shoigu"));
/// assert_eq!(c.canonical(6), Some("Li Qiang"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Clusterer {
    matcher: Matcher,
    options: ClusterOptions,
    gazetteer: Option<Gazetteer>,
}

/// One distinct input string.
struct Record {
    parsed: ParsedName,
    count: usize,
    /// Gazetteer entry this string is a name of (pseudo-records only).
    anchor: Option<usize>,
}

/// Union-find over nodes, with member lists and anchors per root.
struct Sets {
    parent: Vec<u32>,
    members: Vec<Vec<u32>>,
    size: Vec<usize>,
    anchor: Vec<Option<usize>>,
    /// Per root, the members merges are checked against: the founders and
    /// one member per distinct given name / patronymic / suffix (bounded).
    reps: Vec<Vec<u32>>,
    /// Per node, a hash of its given name, patronymic and suffix keys.
    sig: Vec<u64>,
}

/// A cluster's rank in phase B: specificity, size, then the lower id.
type Rank = (u8, usize, std::cmp::Reverse<u32>);

/// Most representatives kept per cluster.
const MAX_REPS: usize = 24;

impl Sets {
    fn find(&mut self, x: u32) -> u32 {
        let mut r = x;
        while let Some(&p) = self.parent.get(r as usize) {
            if p == r {
                break;
            }
            r = p;
        }
        // Path compression.
        let mut y = x;
        while let Some(&p) = self.parent.get(y as usize) {
            if p == r {
                break;
            }
            if let Some(slot) = self.parent.get_mut(y as usize) {
                *slot = r;
            }
            y = p;
        }
        r
    }

    fn union(&mut self, a: u32, b: u32) -> u32 {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return ra;
        }
        let (big, small) = if self.members.get(ra as usize).map_or(0, Vec::len)
            >= self.members.get(rb as usize).map_or(0, Vec::len)
        {
            (ra, rb)
        } else {
            (rb, ra)
        };
        let moved = self
            .members
            .get_mut(small as usize)
            .map(std::mem::take)
            .unwrap_or_default();
        if let Some(m) = self.members.get_mut(big as usize) {
            m.extend(moved);
        }
        let s = self.size.get(small as usize).copied().unwrap_or(0);
        if let Some(x) = self.size.get_mut(big as usize) {
            *x += s;
        }
        let an = self.anchor.get(small as usize).copied().flatten();
        if let Some(x) = self.anchor.get_mut(big as usize) {
            if x.is_none() {
                *x = an;
            }
        }
        let moved = self
            .reps
            .get_mut(small as usize)
            .map(std::mem::take)
            .unwrap_or_default();
        let sig = |n: u32| self.sig.get(n as usize).copied().unwrap_or(0);
        let mut keep = self.reps.get(big as usize).cloned().unwrap_or_default();
        for n in moved {
            if keep.len() >= MAX_REPS {
                break;
            }
            if keep.len() < SAMPLE || !keep.iter().any(|&m| sig(m) == sig(n)) {
                keep.push(n);
            }
        }
        if let Some(r) = self.reps.get_mut(big as usize) {
            *r = keep;
        }
        if let Some(p) = self.parent.get_mut(small as usize) {
            *p = big;
        }
        big
    }
}

/// A node: the records with one set of keys, represented by the first.
struct Node {
    rep: usize,
    records: Vec<usize>,
    specificity: u8,
    count: usize,
    anchor: Option<usize>,
}

/// Most members of each side compared before two clusters merge.
const SAMPLE: usize = 6;

impl Clusterer {
    /// A clusterer with a matcher and options.
    pub fn new(matcher: Matcher, options: ClusterOptions) -> Clusterer {
        Clusterer {
            matcher,
            options,
            gazetteer: None,
        }
    }

    /// Resolves clusters against known people.
    #[must_use]
    pub fn with_gazetteer(mut self, gazetteer: Gazetteer) -> Clusterer {
        self.gazetteer = Some(gazetteer);
        self
    }

    /// The gazetteer, if any.
    pub fn gazetteer(&self) -> Option<&Gazetteer> {
        self.gazetteer.as_ref()
    }

    /// The matcher.
    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// The options in force.
    pub fn options(&self) -> &ClusterOptions {
        &self.options
    }

    /// Clusters `names`: one label per name, in order.
    pub fn cluster<S: AsRef<str>>(&self, names: &[S]) -> Clustering {
        self.cluster_with(names, self.gazetteer.as_ref())
    }

    /// Clusters `names` against `gazetteer` (instead of the clusterer's own).
    pub fn cluster_with<S: AsRef<str>>(
        &self,
        names: &[S],
        gazetteer: Option<&Gazetteer>,
    ) -> Clustering {
        // 1. Distinct strings.
        let mut index: HashMap<&str, usize> = HashMap::with_capacity(names.len());
        let mut distinct: Vec<&str> = Vec::new();
        let mut counts: Vec<usize> = Vec::new();
        let mut of_input: Vec<usize> = Vec::with_capacity(names.len());
        for n in names {
            let s = n.as_ref().trim();
            let id = *index.entry(s).or_insert_with(|| {
                distinct.push(s);
                counts.push(0);
                distinct.len() - 1
            });
            if let Some(c) = counts.get_mut(id) {
                *c += 1;
            }
            of_input.push(id);
        }
        let mut anchors: Vec<Option<usize>> = vec![None; distinct.len()];
        let mut gaz_names: Vec<(String, usize)> = Vec::new();
        if let Some(g) = gazetteer {
            for (e, entry) in g.entries().iter().enumerate() {
                for n in entry.names() {
                    gaz_names.push((n.trim().to_owned(), e));
                }
            }
        }
        // 2. Parse, with the batch as repair context.
        let mut context = DocumentContext::new();
        for s in &distinct {
            context.add(s);
        }
        let texts: Vec<&str> = distinct
            .iter()
            .copied()
            .chain(gaz_names.iter().map(|(n, _)| n.as_str()))
            .collect();
        let parsed = self.parse_all(&texts, &context);
        let mut records: Vec<Record> = Vec::with_capacity(parsed.len());
        for (i, p) in parsed.into_iter().enumerate() {
            let (count, anchor) = match i.checked_sub(distinct.len()) {
                None => (counts.get(i).copied().unwrap_or(0), None),
                Some(g) => (0, gaz_names.get(g).map(|(_, e)| *e)),
            };
            records.push(Record {
                parsed: p,
                count,
                anchor,
            });
        }
        anchors.resize(records.len(), None);

        // 3. Nodes: records with identical keys.
        let mut node_of_key: HashMap<String, usize> = HashMap::with_capacity(records.len());
        let mut nodes: Vec<Node> = Vec::new();
        let mut node_of_record: Vec<usize> = Vec::with_capacity(records.len());
        for (r, rec) in records.iter().enumerate() {
            if rec.parsed.is_empty() {
                // Nothing to key: its own node, never compared.
                nodes.push(Node {
                    rep: r,
                    records: vec![r],
                    specificity: 0,
                    count: rec.count,
                    anchor: rec.anchor,
                });
                node_of_record.push(nodes.len() - 1);
                continue;
            }
            let key = node_key(&rec.parsed, rec.anchor);
            let n = *node_of_key.entry(key).or_insert_with(|| {
                nodes.push(Node {
                    rep: r,
                    records: Vec::new(),
                    specificity: rec.parsed.specificity(),
                    count: 0,
                    anchor: rec.anchor,
                });
                nodes.len() - 1
            });
            if let Some(node) = nodes.get_mut(n) {
                node.records.push(r);
                node.count += rec.count;
            }
            node_of_record.push(n);
        }
        drop(node_of_key);

        // 4. Blocks and candidate edges.
        let edges = self.candidate_edges(&records, &nodes);

        // 5. Union-find with constraints.
        let mut sets = Sets {
            parent: (0..nodes.len() as u32).collect(),
            members: (0..nodes.len() as u32).map(|i| vec![i]).collect(),
            size: nodes.iter().map(|n| n.count).collect(),
            anchor: nodes.iter().map(|n| n.anchor).collect(),
            reps: (0..nodes.len() as u32).map(|i| vec![i]).collect(),
            sig: nodes
                .iter()
                .map(|n| records.get(n.rep).map_or(0, |r| signature(&r.parsed)))
                .collect(),
        };
        // Gazetteer aliases of one entry are one cluster from the start.
        let mut first_of_entry: HashMap<usize, u32> = HashMap::new();
        for (i, n) in nodes.iter().enumerate() {
            if let Some(e) = n.anchor {
                let first = *first_of_entry.entry(e).or_insert(i as u32);
                sets.union(first, i as u32);
            }
        }
        let rep = |n: u32| -> Option<&ParsedName> {
            nodes
                .get(n as usize)
                .and_then(|x| records.get(x.rep))
                .map(|r| &r.parsed)
        };
        let spec = |n: u32| nodes.get(n as usize).map_or(0, |x| x.specificity);
        let real = |n: u32| nodes.get(n as usize).is_some_and(|x| x.anchor.is_none());
        // Phase A: equal specificity, Match.
        let mut strict: Vec<&(u32, u32, Decision, f32)> = edges
            .iter()
            .filter(|(a, b, d, _)| *d == Decision::Match && spec(*a) == spec(*b))
            .collect();
        strict.sort_by(|x, y| y.3.total_cmp(&x.3).then((x.0, x.1).cmp(&(y.0, y.1))));
        for &&(a, b, _, _) in &strict {
            let (ra, rb) = (sets.find(a), sets.find(b));
            if ra != rb && self.compatible(&mut sets, ra, rb, &rep, &real) {
                sets.union(ra, rb);
            }
        }
        // Phase B: less specific clusters join one more specific cluster.
        let mut adjacency: Vec<Vec<u32>> = vec![Vec::new(); nodes.len()];
        for &(a, b, d, _) in &edges {
            if d != Decision::NoMatch {
                if let Some(x) = adjacency.get_mut(a as usize) {
                    x.push(b);
                }
                if let Some(x) = adjacency.get_mut(b as usize) {
                    x.push(a);
                }
            }
        }
        let mut roots: Vec<u32> = (0..nodes.len() as u32)
            .filter(|&n| sets.find(n) == n)
            .collect();
        let cluster_spec = |sets: &Sets, r: u32| -> u8 {
            sets.members
                .get(r as usize)
                .map_or(0, |m| m.iter().map(|&n| spec(n)).max().unwrap_or(0))
        };
        // Most specific first, then largest: a less specific cluster looks
        // for the more specific ones (or equally specific, larger ones) it fits.
        let rank = |sets: &Sets, r: u32| -> Rank {
            (
                cluster_spec(sets, r),
                sets.size.get(r as usize).copied().unwrap_or(0),
                std::cmp::Reverse(r),
            )
        };
        let mut order: Vec<(Rank, u32)> = roots.iter().map(|&r| (rank(&sets, r), r)).collect();
        order.sort_by_key(|o| std::cmp::Reverse(o.0));
        for &(_, x) in &order {
            let rx = sets.find(x);
            if rx != x {
                continue;
            }
            let rank_x = rank(&sets, rx);
            let mut candidates: Vec<u32> = Vec::new();
            let members: Vec<u32> = sets.members.get(rx as usize).cloned().unwrap_or_default();
            for m in &members {
                for &y in adjacency.get(*m as usize).map_or(&[][..], Vec::as_slice) {
                    let ry = sets.find(y);
                    if ry == rx || candidates.contains(&ry) {
                        continue;
                    }
                    if rank(&sets, ry) > rank_x {
                        candidates.push(ry);
                    }
                }
            }
            if candidates.is_empty() {
                continue;
            }
            let mut fitting: Vec<(usize, u32)> = Vec::new();
            for &y in &candidates {
                if self.compatible(&mut sets, rx, y, &rep, &real) {
                    fitting.push((sets.size.get(y as usize).copied().unwrap_or(0), y));
                }
            }
            fitting.sort_by(|a, b| b.cmp(a));
            let target = match fitting.as_slice() {
                [] => None,
                [(_, y)] => Some(*y),
                [(s1, y), (s2, _), ..] => {
                    ((*s1 as f32) >= self.options.dominance * (*s2 as f32).max(1.0)).then_some(*y)
                }
            };
            if let Some(y) = target {
                sets.union(rx, y);
            }
        }
        roots.retain(|&r| sets.find(r) == r);

        // 6. Labels by first appearance, canonical names.
        let mut label_of_root: HashMap<u32, usize> = HashMap::new();
        let mut clusters: Vec<Cluster> = Vec::new();
        let mut labels = Vec::with_capacity(names.len());
        let mut node_root: Vec<u32> = Vec::with_capacity(nodes.len());
        for n in 0..nodes.len() as u32 {
            node_root.push(sets.find(n));
        }
        for &rec in &of_input {
            let node = node_of_record.get(rec).copied().unwrap_or(0);
            let root = node_root.get(node).copied().unwrap_or(0);
            let next = clusters.len();
            let label = *label_of_root.entry(root).or_insert_with(|| {
                clusters.push(Cluster {
                    canonical: String::new(),
                    id: None,
                    entry: None,
                    size: 0,
                    variants: Vec::new(),
                });
                next
            });
            labels.push(label);
        }
        for (&root, &label) in &label_of_root {
            let members = sets.members.get(root as usize).cloned().unwrap_or_default();
            let recs: Vec<&Record> = members
                .iter()
                .flat_map(|&m| {
                    nodes
                        .get(m as usize)
                        .map_or(&[][..], |n| n.records.as_slice())
                })
                .filter_map(|&r| records.get(r))
                .collect();
            let anchor = sets.anchor.get(root as usize).copied().flatten();
            if let Some(c) = clusters.get_mut(label) {
                let mut variants: Vec<(String, usize)> = recs
                    .iter()
                    .filter(|r| r.count > 0)
                    .map(|r| (r.parsed.input.clone(), r.count))
                    .collect();
                variants.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                c.size = variants.iter().map(|v| v.1).sum();
                c.variants = variants;
                c.entry = anchor;
                let entry = anchor.and_then(|e| gazetteer.and_then(|g| g.entries().get(e)));
                c.id = entry.and_then(|e| e.id.clone());
                c.canonical = match entry {
                    Some(e) => e.canonical.clone(),
                    None => canonical(&recs, self.options.canonical_script),
                };
            }
        }
        drop(anchors);
        Clustering { labels, clusters }
    }

    fn parse_all(&self, texts: &[&str], context: &DocumentContext) -> Vec<ParsedName> {
        let threads = self.options.threads.max(1);
        let parser = self.matcher.parser();
        if threads == 1 || texts.len() < 256 {
            return texts
                .iter()
                .map(|t| parser.parse_in(t, Some(context)))
                .collect();
        }
        let chunk = texts.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let handles: Vec<_> = texts
                .chunks(chunk)
                .map(|part| {
                    scope.spawn(move || {
                        part.iter()
                            .map(|t| parser.parse_in(t, Some(context)))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        })
    }

    /// Candidate pairs from the blocks, with their decisions (`NoMatch` kept
    /// out), sorted and deduplicated.
    fn candidate_edges(
        &self,
        records: &[Record],
        nodes: &[Node],
    ) -> Vec<(u32, u32, Decision, f32)> {
        let mut blocks: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, node) in nodes.iter().enumerate() {
            let Some(rec) = records.get(node.rep) else {
                continue;
            };
            for key in block_keys(&rec.parsed) {
                blocks.entry(key).or_default().push(i as u32);
            }
        }
        // Bare-name blocks (`1|`) only pair their bare names with the rest;
        // the other blocks pair everything (or a window of large ones).
        let single = |n: u32| {
            nodes
                .get(n as usize)
                .and_then(|x| records.get(x.rep))
                .is_some_and(|r| r.parsed.is_single())
        };
        let mut lists: Vec<Vec<u32>> = Vec::new();
        let mut single_pairs: Vec<(u32, u32)> = Vec::new();
        for (key, list) in blocks {
            if list.len() < 2 {
                continue;
            }
            if key.starts_with("1|") {
                for &a in list.iter().filter(|&&n| single(n)) {
                    for &b in &list {
                        if a != b {
                            single_pairs.push((a.min(b), a.max(b)));
                        }
                    }
                }
            } else {
                lists.push(list);
            }
        }
        // Every candidate pair once, then their comparisons on all cores.
        let rep = |n: u32| {
            nodes
                .get(n as usize)
                .and_then(|x| records.get(x.rep))
                .map(|r| &r.parsed)
        };
        let mut pairs: Vec<(u32, u32)> = single_pairs;
        for list in &lists {
            if list.len() <= self.options.max_block {
                for (i, &a) in list.iter().enumerate() {
                    for &b in list.get(i + 1..).unwrap_or(&[]) {
                        pairs.push((a.min(b), a.max(b)));
                    }
                }
            } else {
                let mut sorted = list.clone();
                sorted.sort_by_cached_key(|&n| rep(n).map(sort_key).unwrap_or_default());
                let w = self.options.window.max(1);
                for (i, &a) in sorted.iter().enumerate() {
                    for &b in sorted
                        .get(i + 1..(i + 1 + w).min(sorted.len()))
                        .unwrap_or(&[])
                    {
                        pairs.push((a.min(b), a.max(b)));
                    }
                }
            }
        }
        drop(lists);
        pairs.sort_unstable();
        pairs.dedup();
        let compare = |chunk: &[(u32, u32)]| -> Vec<(u32, u32, Decision, f32)> {
            chunk
                .iter()
                .filter_map(|&(a, b)| {
                    let (x, y) = (rep(a)?, rep(b)?);
                    let (d, s) = self.matcher.decide(x, y);
                    (d != Decision::NoMatch).then_some((a, b, d, s))
                })
                .collect()
        };
        let threads = self.options.threads.max(1);
        let mut edges: Vec<(u32, u32, Decision, f32)> = if threads == 1 || pairs.len() < 4096 {
            compare(&pairs)
        } else {
            let chunk = pairs.len().div_ceil(threads * 8);
            let chunks: Vec<&[(u32, u32)]> = pairs.chunks(chunk).collect();
            std::thread::scope(|scope| {
                let handles: Vec<_> = (0..threads)
                    .map(|t| {
                        let chunks = &chunks;
                        let compare = &compare;
                        scope.spawn(move || {
                            let mut out = Vec::new();
                            for c in chunks.iter().skip(t).step_by(threads) {
                                out.extend(compare(c));
                            }
                            out
                        })
                    })
                    .collect();
                handles
                    .into_iter()
                    .flat_map(|h| h.join().unwrap_or_default())
                    .collect()
            })
        };
        edges.sort_by_key(|e| (e.0, e.1));
        edges.dedup_by(|b, a| a.0 == b.0 && a.1 == b.1);
        edges
    }

    /// Whether two clusters may merge: different gazetteer entries never;
    /// into a gazetteer entry's cluster when every (sampled) input name of
    /// the other cluster fits one of the entry's names and conflicts with
    /// none of them by patronymic, gender, suffix or initials (aliases may
    /// be unrelated spellings, so other differences do not count);
    /// otherwise when no pair of their (most frequent) input names is a
    /// no-match.
    #[allow(clippy::many_single_char_names)]
    fn compatible<'r>(
        &self,
        sets: &mut Sets,
        a: u32,
        b: u32,
        rep: &impl Fn(u32) -> Option<&'r ParsedName>,
        real: &impl Fn(u32) -> bool,
    ) -> bool {
        let (aa, ab) = (
            sets.anchor.get(a as usize).copied().flatten(),
            sets.anchor.get(b as usize).copied().flatten(),
        );
        if let (Some(x), Some(y)) = (aa, ab) {
            if x != y {
                return false;
            }
        }
        let sample = |sets: &Sets, r: u32, want_real: bool| -> Vec<u32> {
            if want_real {
                sets.reps.get(r as usize).map_or_else(Vec::new, |v| {
                    v.iter().copied().filter(|&n| real(n)).collect()
                })
            } else {
                sets.members.get(r as usize).map_or_else(Vec::new, |v| {
                    v.iter().copied().filter(|&n| !real(n)).collect()
                })
            }
        };
        if aa.is_some() != ab.is_some() {
            let (anchored, other) = if aa.is_some() { (a, b) } else { (b, a) };
            let aliases = sample(sets, anchored, false);
            let inputs = sample(sets, other, true);
            return inputs.iter().all(|&x| {
                let Some(p) = rep(x) else { return true };
                let mut fits = false;
                for &y in &aliases {
                    let Some(q) = rep(y) else { continue };
                    let o = self.matcher.outcome(p, q);
                    if o.decision != Decision::NoMatch {
                        fits = true;
                    } else if matches!(
                        o.rule,
                        Rule::PatronymicConflict
                            | Rule::GenderConflict
                            | Rule::SuffixConflict
                            | Rule::InitialConflict
                    ) {
                        return false;
                    }
                }
                fits
            });
        }
        // Any conflict no typo explains blocks; differences a typo could
        // explain (a misspelt surname inside one cluster) block when they
        // are more than a third of the pairs.
        let xs = sample(sets, a, true);
        let ys = sample(sets, b, true);
        let (mut pairs, mut soft) = (0usize, 0usize);
        for &x in &xs {
            for &y in &ys {
                if let (Some(p), Some(q)) = (rep(x), rep(y)) {
                    pairs += 1;
                    match self.matcher.conflict(p, q) {
                        Some(true) => return false,
                        Some(false) => soft += 1,
                        None => {}
                    }
                }
            }
        }
        soft * 3 <= pairs
    }
}

/// A hash of the parts whose conflicts no typo explains.
fn signature(p: &ParsedName) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    p.first_given().map(|g| g.key.as_str()).hash(&mut h);
    p.secondary().map(|g| g.key.as_str()).hash(&mut h);
    p.suffix.hash(&mut h);
    h.finish()
}

/// The identity of a node: culture, every part's main key, initial flags and suffix.
fn node_key(p: &ParsedName, anchor: Option<usize>) -> String {
    let mut k = String::with_capacity(48);
    k.push(match p.culture {
        Culture::European => 'e',
        Culture::Chinese => 'z',
        Culture::Korean => 'k',
        Culture::Japanese => 'j',
        Culture::Vietnamese => 'v',
    });
    if p.is_single() {
        k.push('1');
    }
    for g in &p.given {
        k.push(if g.initial { '.' } else { 'g' });
        k.push_str(&g.key);
    }
    if let Some(pt) = &p.patronymic {
        k.push(if pt.initial { ',' } else { 'p' });
        k.push_str(&pt.key);
    }
    for s in p.surname_heads() {
        k.push('s');
        k.push_str(&s.key);
    }
    if let Some(s) = &p.suffix {
        k.push('x');
        k.push_str(crate::lexicon::suffix(&s.to_lowercase()).unwrap_or(s));
    }
    if let Some(a) = anchor {
        let _ = write!(k, "@{a}");
    }
    k
}

/// Blocking keys: `s|surname|given-initial` for each surname key (the
/// initial is `_` for names without a given name), and `g|given|surname-initial`.
fn block_keys(p: &ParsedName) -> Vec<String> {
    let mut out = Vec::new();
    if p.is_empty() {
        return out;
    }
    let heads: Vec<&NamePart> = p.surname_heads().collect();
    if p.is_single() {
        // A bare name meets every name with that surname.
        for h in &heads {
            for k in h.keys() {
                out.push(format!("1|{k}"));
            }
        }
        return out;
    }
    let given = p.first_given();
    push_blocks(&mut out, given, &heads);
    // A name whose order was a guess is also blocked the other way round.
    if !p.cue.is_certain() && heads.len() == 1 && p.given.len() == 1 && p.patronymic.is_none() {
        if let (Some(g), Some(h)) = (given, heads.first()) {
            push_blocks(&mut out, Some(h), &[g]);
        }
    }
    if p.culture == Culture::Vietnamese {
        if let Some(g) = given {
            out.push(format!("1|{}", g.key));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The blocks of one reading of a name: `s|surname|given-initial` for each
/// surname key (and `t|` with the key's first letter dropped, for the
/// first-letter variants `Kh`/`Ch`/`H`), `1|surname` (where bare names
/// meet), and `g|given|surname-initial` by the surname's key and spelling.
fn push_blocks(out: &mut Vec<String>, given: Option<&NamePart>, heads: &[&NamePart]) {
    let initial = given
        .and_then(|g| g.key.chars().next())
        .map_or('_', block_initial);
    for h in heads {
        for k in h.keys() {
            out.push(format!("s|{k}|{initial}"));
            out.push(format!("1|{k}"));
            if k.len() >= 6 {
                out.push(format!("t|{}|{initial}", k.get(1..).unwrap_or("")));
            }
        }
    }
    if let Some(g) = given.filter(|g| !g.initial) {
        // The surname's first letter, as keyed and as spelled (`Tsipras` is
        // keyed `sipras`; a typo `Tispras` still meets it by its spelling).
        let key_initial = heads
            .first()
            .and_then(|h| h.key.chars().next())
            .unwrap_or('_');
        let ascii_initial = heads
            .first()
            .and_then(|h| h.ascii.chars().next())
            .unwrap_or('_');
        for k in g.keys() {
            out.push(format!("g|{k}|{key_initial}"));
            if ascii_initial != key_initial {
                out.push(format!("g|{k}|{ascii_initial}"));
            }
        }
    }
}

/// Initials that alternate at the start of transliterated names share a block.
fn block_initial(c: char) -> char {
    match c {
        'e' | 'i' | 'j' | 'y' => 'i',
        _ => c,
    }
}

fn sort_key(p: &ParsedName) -> String {
    let mut k = String::new();
    for s in p.surname_heads() {
        k.push_str(&s.key);
    }
    k.push('|');
    if let Some(g) = p.first_given() {
        k.push_str(&g.key);
    }
    k
}

/// The canonical name of a cluster's records (see the module docs).
fn canonical(recs: &[&Record], script: CanonicalScript) -> String {
    // Score each distinct display form.
    let mut forms: HashMap<String, (usize, u8, bool)> = HashMap::new();
    for r in recs.iter().filter(|r| r.count > 0) {
        let p = &r.parsed;
        let latin = p.source == Source::Latin;
        let in_script = match script {
            CanonicalScript::Latin => latin,
            CanonicalScript::AsWritten => true,
        };
        let caps = p
            .name()
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
            && p.name().chars().count() > 3;
        let initials =
            p.given.iter().any(|g| g.initial) || p.patronymic.as_ref().is_some_and(|x| x.initial);
        let well_formed = p.repairs == 0
            && !caps
            && !initials
            && p.is_full()
            && p.cue != crate::parse::OrderCue::Comma;
        let quality = u8::from(in_script) * 4 + u8::from(well_formed) * 2 + u8::from(p.is_full());
        let display = match script {
            CanonicalScript::Latin if !latin || caps || p.cue == crate::parse::OrderCue::Comma => {
                p.romanized()
            }
            _ => p.name(),
        };
        let e = forms.entry(display).or_insert((0, 0, latin));
        e.0 += r.count;
        e.1 = e.1.max(quality);
    }
    let mut best: Vec<(String, (usize, u8, bool))> = forms.into_iter().collect();
    best.sort_by(|a, b| {
        (b.1)
            .1
            .cmp(&(a.1).1)
            .then((b.1).0.cmp(&(a.1).0))
            .then(a.0.len().cmp(&b.0.len()))
            .then(a.0.cmp(&b.0))
    });
    best.into_iter().next().map(|(s, _)| s).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(names: &[&str]) -> Vec<usize> {
        Clusterer::default().cluster(names).labels
    }

    #[test]
    fn one_person_many_spellings() {
        let names = [
            "Sergey Shoigu",
            "Sergei Shoygu",
            "Sergej Schoigu",
            "Сергей Шойгу",
            "SHOIGU Sergey Kuzhugetovich",
            "S. K. Shoigu",
            "Sergeн Shoigu",
            "Shoigu",
        ];
        assert_eq!(labels(&names), [0; 8]);
        let c = Clusterer::default().cluster(&names);
        assert_eq!(c.clusters[0].canonical, "Sergey Shoigu");
        assert_eq!(c.clusters[0].size, 8);
    }

    #[test]
    fn ambiguous_partial_names_do_not_chain() {
        let names = [
            "Li Qiang",
            "Li Keqiang",
            "Li Shangfu",
            "Li",
            "Li Qiang",
            "Li Keqiang",
            "Li Shangfu",
        ];
        let l = labels(&names);
        assert_eq!(l, [0, 1, 2, 3, 0, 1, 2]);
        let names = ["Kim Jong-un", "Kim Jong-il", "Kim", "김정은", "Kim Jong Il"];
        assert_eq!(labels(&names), [0, 1, 2, 0, 1]);
    }

    #[test]
    fn dominant_cluster_takes_the_less_specific_name() {
        let mut names = vec!["Vladimir Vladimirovich Putin"; 6];
        names.push("Vladimir Spiridonovich Putin");
        names.push("Vladimir Putin");
        let l = labels(&names);
        assert_eq!(l[7], l[0]);
        assert_ne!(l[6], l[0]);
    }

    #[test]
    fn gazetteer_names_and_anchors() {
        let g =
            Gazetteer::from_tsv("Chiang Kai-shek\tJiang Jieshi|蔣介石\tQ16574\nLi Qiang\t\tQ1\n")
                .unwrap();
        let c = Clusterer::default().with_gazetteer(g).cluster(&[
            "Jiang Jieshi",
            "Chiang Kai-shek",
            "Li Qiang",
            "李强",
        ]);
        assert_eq!(c.labels, [0, 0, 1, 1]);
        assert_eq!(c.clusters[0].canonical, "Chiang Kai-shek");
        assert_eq!(c.clusters[0].id.as_deref(), Some("Q16574"));
        assert_eq!(c.clusters[1].size, 2);
    }

    #[test]
    fn empty_and_odd_inputs() {
        let c =
            Clusterer::default().cluster(&["", "  ", "Sergey Shoigu", "", "(((", "Sergey Shoigu"]);
        assert_eq!(c.labels.len(), 6);
        assert_eq!(c.labels[2], c.labels[5]);
        let c = Clusterer::default().cluster::<&str>(&[]);
        assert!(c.labels.is_empty() && c.clusters.is_empty());
    }
}
