//! The arithmetic of the character bigram models, on its own so that the
//! table generator (`crates/gen`, which compiles this file as one of its
//! modules) works out the mixed-script judge's per-language models and the
//! mojibake stage's per-script ones with the very code their tests check
//! them against: the same additions in the same order, so the same `f32`s,
//! bit for bit. Only `std` here.

/// The mixed-script judge's bigram model of a lexicon whose words (in its
/// order, each with its Zipf frequency × 10) are `words`: the alphabet of
/// every character of the words, sorted, and log P(next | prev) over it
/// plus the boundary ([`bigram_logp`], smoothing 0.1, no floor), each word
/// weighted by its frequency per billion words over ten (one weight per
/// byte value, not one `powf` per word).
// (Only the table generator and the judge's test call it: the judge reads
// the generated models.)
#[allow(dead_code)]
pub(crate) fn lexicon_model<'w>(
    words: impl Iterator<Item = (&'w str, u8)> + Clone,
) -> (Vec<char>, Vec<f32>) {
    let alphabet = alphabet_of(words.clone().flat_map(|(w, _)| w.chars()));
    let weights: Vec<f64> = (0..=u8::MAX)
        .map(|z10| 10f64.powf(f64::from(z10) / 10.0 - 1.0))
        .collect();
    let weighted = words.map(|(w, z10)| {
        let weight = weights.get(usize::from(z10)).copied().unwrap_or(1.0);
        (w, weight)
    });
    let logp = bigram_logp(&alphabet, weighted, 0.1, f32::NEG_INFINITY);
    (alphabet, logp)
}

/// The floor of the mojibake stage's per-script models
/// ([`script_model`]): the log-probability of a transition they never saw.
pub(crate) const SCRIPT_UNSEEN: f32 = -9.0;

/// The mojibake stage's bigram model of one script: its alphabet (the
/// characters of `words` that `is_letter` keeps, sorted) and log P(next |
/// prev) over it plus the boundary ([`bigram_logp`], smoothing 0.05, floor
/// [`SCRIPT_UNSEEN`]), from the words written in that alphabet alone, each
/// weighted by 10^((zipf − 3) / 2) (one weight per byte value). `words` are
/// those of every lexicon of the script's languages, lexicon after lexicon
/// in the stage's order, each with its Zipf frequency × 10; the additions
/// run in that order, so the generated tables and the test that checks
/// them against the lexicons get the same `f32`s.
// (Only the table generator and the stage's test call it: the stage reads
// the generated models.)
#[allow(dead_code)]
pub(crate) fn script_model<'w>(
    words: impl Iterator<Item = (&'w str, u8)> + Clone,
    is_letter: impl Fn(char) -> bool,
) -> (Vec<char>, Vec<f32>) {
    let alphabet: Vec<char> = alphabet_of(words.clone().flat_map(|(w, _)| w.chars()))
        .into_iter()
        .filter(|&c| is_letter(c))
        .collect();
    let index = DenseIndex::new(&alphabet);
    let weights: Vec<f64> = (0..=u8::MAX)
        .map(|z10| 10f64.powf((f64::from(z10) / 10.0 - 3.0) / 2.0))
        .collect();
    let weighted = words
        .filter(|(w, _)| w.chars().all(|c| index.get(c).is_some()))
        .map(|(w, z10)| (w, weights.get(usize::from(z10)).copied().unwrap_or(1.0)));
    let logp = bigram_logp(&alphabet, weighted, 0.05, SCRIPT_UNSEEN);
    (alphabet, logp)
}

/// log P(next | prev) over `alphabet` plus a word boundary (the last
/// index), row-major, from `words` with their weights: every cell starts at
/// `smoothing`, and no log-probability is below `floor`. Characters outside
/// the alphabet count as the boundary. Shared by the mixed-script judge's
/// per-language models and the mojibake stage's per-script ones.
pub(crate) fn bigram_logp<'w>(
    alphabet: &[char],
    words: impl Iterator<Item = (&'w str, f64)>,
    smoothing: f64,
    floor: f32,
) -> Vec<f32> {
    let n = alphabet.len() + 1;
    let mut counts = vec![smoothing; n * n];
    let dense = DenseIndex::new(alphabet);
    let index = |c: char| dense.get(c).unwrap_or(n - 1);
    for (word, weight) in words {
        let mut prev = n - 1;
        for c in word.chars().map(Some).chain(std::iter::once(None)) {
            let cur = c.map_or(n - 1, index);
            if let Some(slot) = counts.get_mut(prev * n + cur) {
                *slot += weight;
            }
            prev = cur;
        }
    }
    let mut logp = vec![floor; n * n];
    for row in 0..n {
        let total: f64 = counts
            .get(row * n..(row + 1) * n)
            .map_or(1.0, |r| r.iter().sum());
        for col in 0..n {
            if let (Some(slot), Some(count)) =
                (logp.get_mut(row * n + col), counts.get(row * n + col))
            {
                *slot = ((count / total).ln() as f32).max(floor);
            }
        }
    }
    logp
}

/// A character's position in a sorted alphabet by one array look-up: the
/// alphabets of the lexicons span a few hundred code points.
pub(crate) struct DenseIndex {
    first: u32,
    /// Position + 1 for each code point from `first` on; 0 for none.
    slots: Vec<u16>,
    /// The alphabet itself when it spans too much for `slots`.
    sparse: Vec<char>,
}

impl DenseIndex {
    /// The index of `alphabet` (sorted, distinct).
    pub(crate) fn new(alphabet: &[char]) -> DenseIndex {
        let first = alphabet.first().map_or(0, |&c| c as u32);
        let last = alphabet.last().map_or(0, |&c| c as u32);
        let span = (last - first) as usize + 1;
        // Alphabets are small; one spanning more than a plane is searched.
        if span > 1 << 16 || alphabet.len() >= usize::from(u16::MAX) {
            return DenseIndex {
                first,
                slots: Vec::new(),
                sparse: alphabet.to_vec(),
            };
        }
        let mut slots = vec![0u16; span];
        for (i, &c) in alphabet.iter().enumerate() {
            if let Some(slot) = slots.get_mut((c as u32 - first) as usize) {
                *slot = u16::try_from(i + 1).unwrap_or(0);
            }
        }
        DenseIndex {
            first,
            slots,
            sparse: Vec::new(),
        }
    }

    /// The position of `c` in the alphabet, if it is there.
    #[inline]
    pub(crate) fn get(&self, c: char) -> Option<usize> {
        if !self.sparse.is_empty() {
            return self.sparse.binary_search(&c).ok();
        }
        let at = (c as u32).checked_sub(self.first)? as usize;
        match self.slots.get(at) {
            Some(&0) | None => None,
            Some(&slot) => Some(usize::from(slot) - 1),
        }
    }
}

/// The distinct characters of `chars`, sorted: a bitmap for the Basic
/// Multilingual Plane instead of sorting every character of a lexicon.
pub(crate) fn alphabet_of(chars: impl Iterator<Item = char>) -> Vec<char> {
    let mut bmp = vec![0u64; 1024];
    let mut astral = Vec::new();
    for c in chars {
        let cp = c as usize;
        match bmp.get_mut(cp >> 6) {
            Some(word) => *word |= 1 << (cp & 63),
            None => astral.push(c),
        }
    }
    let mut out: Vec<char> = bmp
        .iter()
        .enumerate()
        .flat_map(|(i, &word)| {
            (0..64u32)
                .filter(move |bit| word >> bit & 1 == 1)
                .filter_map(move |bit| char::from_u32((i as u32) << 6 | bit))
        })
        .collect();
    astral.sort_unstable();
    astral.dedup();
    out.extend(astral);
    out
}
