//! Word look-up in the crate's lexicons (wordfreq, see `tables/lexicon.rs`):
//! the hash table the mojibake stage (per script) and the mixed-script
//! judge (per language) read Zipf frequencies from.

use crate::tables::lexicon::LexiconTable;

/// Word `i` of a lexicon (its words are stored back to back, each followed
/// by a separator byte).
pub(crate) fn entry(lex: &LexiconTable, i: usize) -> Option<&'static str> {
    let start = *lex.offsets.get(i)? as usize;
    let end = lex
        .offsets
        .get(i + 1)
        .map_or(lex.words.len(), |&e| e as usize);
    lex.words.get(start..end.saturating_sub(1))
}

/// Every word of some lexicons with its highest Zipf frequency, in
/// an open-addressing hash table over the lexicons' own strings (built on
/// first use: one pass over the words, a few milliseconds; the binary
/// searches it replaces cost a dozen string comparisons per lexicon per
/// word looked up).
///
/// A slot is 0 when empty, else `tag << 40 | zipf10 << 32 | lexicon << 28
/// | (offset + 1)`: the high 24 bits of the word's hash, so that a probe
/// compares strings only when they agree, and where the word starts in its
/// lexicon's `words` (read there directly, not through `offsets`: one
/// cache miss fewer per word found; the `\n` after it ends it).
pub(crate) struct WordTable {
    lexicons: Vec<&'static LexiconTable>,
    slots: Vec<u64>,
    mask: usize,
    /// Every word of the table: most words looked up are none (the
    /// mixed-script gate's re-typings of Latin words), and the filter,
    /// a fraction of the slots' size, rules them out with one probe.
    filter: WordFilter,
}

/// Lexicon index bits and word offset bits of a slot.
const LEX_SHIFT: u32 = 28;
const OFFSET_MASK: u64 = (1 << LEX_SHIFT) - 1;

/// A fast hash of a word's bytes (eight at a time).
#[inline]
fn hash(word: &str) -> u64 {
    hash_bytes(word.as_bytes())
}

/// [`hash`] of bytes.
#[inline]
pub(crate) fn hash_bytes(word: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = word.len() as u64;
    let mut chunks = word.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h.rotate_left(23) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        h = (h.rotate_left(23) ^ tail(rest)).wrapping_mul(K);
    }
    h ^ (h >> 29)
}

/// The last one to seven bytes of a word as one number, read in at most
/// two loads that may overlap (the length, hashed in already, tells them
/// apart): not copied into a zeroed buffer first, whose load would wait
/// for the copy's stores.
#[inline]
fn tail(rest: &[u8]) -> u64 {
    let n = rest.len();
    let four = |at: usize| {
        rest.get(at..at + 4)
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .map_or(0, |b| u64::from(u32::from_le_bytes(b)))
    };
    if n >= 4 {
        four(0) | four(n - 4) << 32
    } else {
        let byte = |at: usize| rest.get(at).map_or(0, |&b| u64::from(b));
        byte(0) | byte(n / 2) << 8 | byte(n - 1) << 16
    }
}

impl WordTable {
    /// The table of `lexicons` (up to 16): each word with its highest
    /// frequency among them.
    ///
    /// Built in three sequential passes rather than one insertion per word
    /// at a random place (two cache misses each, the slot and the filter's
    /// block: most of a cold start's time): every word's hash and slot
    /// first, in lexicon order; then the filter, from the hashes; then the
    /// slots in the order of their home slot, so the table fills front to
    /// back. The order of insertion decides only where a word sits, not
    /// what a look-up finds: words of one hash (a word in several
    /// lexicons, or twice in one) keep their lexicon order, which settles
    /// between them as before.
    pub(crate) fn build(lexicons: &[&'static LexiconTable]) -> WordTable {
        let n: usize = lexicons.iter().map(|l| l.offsets.len()).sum();
        let capacity = (n + n / 2).next_power_of_two().max(16);
        let mut table = WordTable {
            lexicons: lexicons.to_vec(),
            slots: vec![0; capacity],
            mask: capacity - 1,
            filter: WordFilter::with_capacity(n),
        };
        // (hash, slot value) of every word, in lexicon order.
        let mut words: Vec<(u64, u64)> = Vec::with_capacity(n);
        for (li, lex) in lexicons.iter().enumerate() {
            for wi in 0..lex.offsets.len() {
                let (Some(word), Some(&z), Some(&at)) =
                    (entry(lex, wi), lex.zipf10.get(wi), lex.offsets.get(wi))
                else {
                    continue;
                };
                debug_assert!(u64::from(at) < OFFSET_MASK, "lexicon too large for a slot");
                let h = hash(word);
                let value = (h >> 40) << 40
                    | u64::from(z) << 32
                    | (li as u64) << LEX_SHIFT
                    | (u64::from(at) + 1);
                words.push((h, value));
            }
        }
        for &(h, _) in &words {
            table.filter.insert_hash(h);
        }
        // A stable counting sort by the home slot's top bits: each bucket
        // is a run of at most 256 slots.
        let bucket_bits = capacity.trailing_zeros().min(10);
        let shift = capacity.trailing_zeros() - bucket_bits;
        #[allow(clippy::cast_possible_truncation)] // masked to the table
        let bucket = |h: u64| ((h as usize) & table.mask) >> shift;
        let mut starts = vec![0usize; (1 << bucket_bits) + 1];
        for &(h, _) in &words {
            if let Some(c) = starts.get_mut(bucket(h) + 1) {
                *c += 1;
            }
        }
        for b in 1..starts.len() {
            let before = starts.get(b - 1).copied().unwrap_or(0);
            if let Some(c) = starts.get_mut(b) {
                *c += before;
            }
        }
        let mut sorted = vec![(0u64, 0u64); words.len()];
        for &(h, value) in &words {
            if let Some(at) = starts.get_mut(bucket(h)) {
                if let Some(s) = sorted.get_mut(*at) {
                    *s = (h, value);
                }
                *at += 1;
            }
        }
        drop(words);
        for (h, value) in sorted {
            table.insert(h, value);
        }
        table
    }

    /// Puts a word whose [`hash`] is `h` into its slot: `value` is the
    /// slot's content (see [`WordTable`]).
    fn insert(&mut self, h: u64, value: u64) {
        let tag = h >> 40;
        let mut i = (h as usize) & self.mask;
        loop {
            let Some(&slot) = self.slots.get(i) else {
                return;
            };
            if slot == 0 {
                if let Some(s) = self.slots.get_mut(i) {
                    *s = value;
                }
                return;
            }
            if slot >> 40 == tag && self.same_word(slot, value) {
                // Another lexicon of the script knows the word: the higher
                // frequency counts. (Within one lexicon the first entry
                // stands, as the binary search finds it.)
                let old = (slot >> 32) as u8;
                let z = (value >> 32) as u8;
                if (value >> LEX_SHIFT) & 0xF != (slot >> LEX_SHIFT) & 0xF && z > old {
                    if let Some(s) = self.slots.get_mut(i) {
                        *s = (slot & !(0xFF << 32)) | u64::from(z) << 32;
                    }
                }
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The word of a slot value: its bytes in its lexicon, without the
    /// `\n` that ends it.
    fn word_of(&self, slot: u64) -> Option<&'static [u8]> {
        let lex = self.lexicons.get(((slot >> LEX_SHIFT) & 0xF) as usize)?;
        let start = ((slot & OFFSET_MASK) as usize).checked_sub(1)?;
        let bytes = lex.words.as_bytes().get(start..)?;
        let len = memchr::memchr(b'\n', bytes).unwrap_or(bytes.len());
        bytes.get(..len)
    }

    /// Whether two slot values hold the same word.
    fn same_word(&self, slot: u64, value: u64) -> bool {
        self.word_of(value)
            .is_some_and(|word| self.is_word(slot, word))
    }

    /// Whether the word of a full slot is `word`: its bytes, then the
    /// `\n` that ends every word of a lexicon (no word holds one).
    #[inline]
    fn is_word(&self, slot: u64, word: &[u8]) -> bool {
        let Some(lex) = self.lexicons.get(((slot >> LEX_SHIFT) & 0xF) as usize) else {
            return false;
        };
        let Some(start) = ((slot & OFFSET_MASK) as usize).checked_sub(1) else {
            return false;
        };
        let bytes = lex.words.as_bytes();
        let end = start + word.len();
        bytes.get(start..end) == Some(word) && bytes.get(end) == Some(&b'\n')
    }

    /// The word's Zipf frequency times ten, if a lexicon lists it.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<u8> {
        self.get_bytes(word.as_bytes())
    }

    /// [`WordTable::get`] of a word's bytes (UTF-8 or not: bytes that are
    /// no word's are listed nowhere).
    #[inline]
    pub(crate) fn get_bytes(&self, word: &[u8]) -> Option<u8> {
        // One hash for the filter and the table.
        let h = hash_bytes(word);
        if !self.filter.may_contain_hash(h) {
            return None;
        }
        let tag = h >> 40;
        let mut i = (h as usize) & self.mask;
        loop {
            let slot = *self.slots.get(i)?;
            if slot == 0 {
                return None;
            }
            if slot >> 40 == tag && self.is_word(slot, word) {
                return Some((slot >> 32) as u8);
            }
            i = (i + 1) & self.mask;
        }
    }
}

/// A Bloom filter of words, one 64-bit block per word (four bits of it
/// set), about 16 bits per word: `may_contain` is false for every word
/// never inserted but a percent or so, and true for every word inserted.
/// A look-up in a larger structure (a hash table, an FST) asks it first.
pub(crate) struct WordFilter {
    blocks: Vec<u64>,
    mask: usize,
}

impl WordFilter {
    /// An empty filter sized for `n` words.
    pub(crate) fn with_capacity(n: usize) -> WordFilter {
        let blocks = (n / 4).next_power_of_two().max(1);
        WordFilter {
            blocks: vec![0; blocks],
            mask: blocks - 1,
        }
    }

    /// The block of the word whose [`hash`] is `h`, and the bits it sets there.
    #[inline]
    fn probe(&self, h: u64) -> (usize, u64) {
        // The block from the high bits, the four bit positions from the
        // low 24 (six bits each).
        #[allow(clippy::cast_possible_truncation)] // masked to the table
        let block = ((h >> 32) as usize) & self.mask;
        let bits = (1u64 << (h & 63))
            | (1u64 << ((h >> 6) & 63))
            | (1u64 << ((h >> 12) & 63))
            | (1u64 << ((h >> 18) & 63));
        (block, bits)
    }

    /// Adds `word`.
    pub(crate) fn insert(&mut self, word: &[u8]) {
        self.insert_hash(hash_bytes(word));
    }

    /// Adds the word whose [`hash`] is `h`.
    fn insert_hash(&mut self, h: u64) {
        let (block, bits) = self.probe(h);
        if let Some(b) = self.blocks.get_mut(block) {
            *b |= bits;
        }
    }

    /// Whether `word` may have been inserted (`false`: it was not).
    #[inline]
    pub(crate) fn may_contain(&self, word: &[u8]) -> bool {
        self.may_contain_hash(hash_bytes(word))
    }

    /// [`WordFilter::may_contain`] of the word whose [`hash`] is `h`.
    #[inline]
    fn may_contain_hash(&self, h: u64) -> bool {
        let (block, bits) = self.probe(h);
        self.blocks.get(block).is_none_or(|b| b & bits == bits)
    }
}
