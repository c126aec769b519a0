//! Word knowledge for the plausibility measure: Zipf frequencies from the
//! crate's lexicons (wordfreq, see `src/tables/lexicon.rs`) and a letter
//! bigram model per script, generated from the same lexicons
//! (`src/tables/bigrams.rs`).

use std::sync::OnceLock;

use crate::tables::bigrams::{ScriptBigramTable, SCRIPT_BIGRAMS};
use crate::tables::lexicon::{LexiconTable, LEXICONS};
#[cfg(test)]
use crate::word_table::entry;
use crate::word_table::WordTable;

/// The scripts the measure distinguishes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Sc {
    Latin,
    Cyrillic,
    Greek,
    /// Any other letter (Han, Arabic, Armenian, …).
    Other,
}

impl Sc {
    /// The index of a script with lexicons (Latin, Cyrillic, Greek), the
    /// order of the per-script tables.
    fn lexicon_index(self) -> Option<usize> {
        match self {
            Sc::Latin => Some(0),
            Sc::Cyrillic => Some(1),
            Sc::Greek => Some(2),
            Sc::Other => None,
        }
    }

    /// The lexicon languages of a script.
    fn languages(self) -> &'static [&'static str] {
        match self {
            Sc::Latin => &["en", "de", "fr", "es"],
            Sc::Cyrillic => &["ru", "uk", "bg", "sr", "be"],
            Sc::Greek => &["el"],
            Sc::Other => &[],
        }
    }
}

/// The script of a letter, by block.
#[inline]
pub(crate) fn letter_script(c: char) -> Sc {
    match c {
        'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' => Sc::Latin,
        '\u{0400}'..='\u{052F}' => Sc::Cyrillic,
        '\u{0370}'..='\u{03FF}' | '\u{1F00}'..='\u{1FFF}' => Sc::Greek,
        _ => Sc::Other,
    }
}

/// Binary search of one lexicon: the reference the hash tables of
/// [`zipf`] are tested against.
#[cfg(test)]
fn zipf_in(lex: &LexiconTable, lower: &str) -> Option<f32> {
    let (mut lo, mut hi) = (0usize, lex.offsets.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match entry(lex, mid)?.cmp(lower) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return lex.zipf10.get(mid).map(|&z| f32::from(z) / 10.0),
        }
    }
    None
}

/// The highest Zipf frequency of a lowercase word among the languages of
/// `script`: one probe of the script's hash table, mostly.
pub(crate) fn zipf(script: Sc, lower: &str) -> Option<f32> {
    table(script)?.get(lower).map(|z| f32::from(z) / 10.0)
}

/// [`zipf`] of a word's UTF-8 bytes (no check that they are UTF-8: bytes
/// that are no word's are listed nowhere).
pub(crate) fn zipf_bytes(script: Sc, lower: &[u8]) -> Option<f32> {
    table(script)?.get_bytes(lower).map(|z| f32::from(z) / 10.0)
}

/// The word table of a script's lexicons (built on first use, per script:
/// a line of Cyrillic mojibake builds only the Cyrillic table).
fn table(script: Sc) -> Option<&'static WordTable> {
    static TABLES: [OnceLock<WordTable>; 3] = [const { OnceLock::new() }; 3];
    once_per_script(&TABLES, script, |sc| WordTable::build(lexicons(sc)))
}

/// The value of `cells` for a script with lexicons, built by `build` on
/// first use.
fn once_per_script<T>(
    cells: &'static [OnceLock<T>; 3],
    script: Sc,
    build: impl FnOnce(Sc) -> T,
) -> Option<&'static T> {
    let cell = cells.get(script.lexicon_index()?)?;
    Some(cell.get_or_init(|| build(script)))
}

/// The lexicons of a script's languages (looked up once).
fn lexicons(script: Sc) -> &'static [&'static LexiconTable] {
    static BY_SCRIPT: OnceLock<[Vec<&'static LexiconTable>; 4]> = OnceLock::new();
    let all = BY_SCRIPT.get_or_init(|| {
        [Sc::Latin, Sc::Cyrillic, Sc::Greek, Sc::Other].map(|sc| {
            sc.languages()
                .iter()
                .filter_map(|lang| LEXICONS.iter().find(|l| l.lang == *lang))
                .collect()
        })
    });
    all.get(script.lexicon_index().unwrap_or(3))
        .map_or(&[], Vec::as_slice)
}

/// A letter bigram model of one script (all its lexicon languages pooled,
/// words weighted by frequency): generated from the lexicons
/// (`tables::bigrams::SCRIPT_BIGRAMS`, by
/// `crate::mixed::bigram_model::script_model`), not built while the first
/// damaged line waits (about 150 million instructions for the three).
pub(crate) struct Bigrams {
    /// The position of each letter of the alphabet (sorted, distinct).
    index: crate::mixed::DenseIndex,
    /// The alphabet's size.
    size: usize,
    /// log P(next | prev) over (alphabet + boundary)², row-major.
    logp: &'static [f32],
}

/// Log-probability given to a transition the model never saw.
const UNSEEN: f32 = crate::mixed::SCRIPT_UNSEEN;

impl Bigrams {
    /// The model of a generated table.
    fn of_table(table: &'static ScriptBigramTable) -> Bigrams {
        let alphabet: Vec<char> = table.alphabet.chars().collect();
        Bigrams {
            index: crate::mixed::DenseIndex::new(&alphabet),
            size: alphabet.len(),
            logp: table.logp,
        }
    }

    /// Whether every letter of `lower` is in the model's alphabet.
    pub(crate) fn knows_all(&self, lower: &str) -> bool {
        lower.chars().all(|c| self.index.get(c).is_some())
    }

    /// Mean log-probability per transition of a lowercase word, boundaries
    /// included; letters outside the alphabet count as unseen transitions.
    pub(crate) fn score(&self, lower: &str) -> f32 {
        let n = self.size + 1;
        let index = |c: char| self.index.get(c);
        let mut prev = Some(n - 1);
        let (mut total, mut steps) = (0f32, 0u32);
        for c in lower.chars().map(Some).chain(std::iter::once(None)) {
            let cur = match c {
                None => Some(n - 1),
                Some(c) => index(c),
            };
            total += match (prev, cur) {
                (Some(p), Some(q)) => self.logp.get(p * n + q).copied().unwrap_or(UNSEEN),
                _ => UNSEEN,
            };
            steps += 1;
            prev = cur;
        }
        total / steps.max(1) as f32
    }
}

/// The bigram model of a script with lexicons (indexed on first use).
pub(crate) fn bigrams(script: Sc) -> Option<&'static Bigrams> {
    static MODELS: [OnceLock<Bigrams>; 3] = [const { OnceLock::new() }; 3];
    let table = SCRIPT_BIGRAMS.get(script.lexicon_index()?)?;
    once_per_script(&MODELS, script, |_| Bigrams::of_table(table))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_found_per_script() {
        assert!(zipf(Sc::Cyrillic, "сергей").is_some());
        assert!(zipf(Sc::Cyrillic, "её").unwrap() > 5.0);
        assert!(zipf(Sc::Latin, "café").is_some());
        assert!(zipf(Sc::Greek, "και").is_some());
        assert!(zipf(Sc::Cyrillic, "птйчеф").is_none());
    }

    /// The binary searches of every lexicon of the script, the highest
    /// frequency of those that know the word.
    fn zipf_by_search(script: Sc, lower: &str) -> Option<f32> {
        lexicons(script)
            .iter()
            .filter_map(|lex| zipf_in(lex, lower))
            .reduce(f32::max)
    }

    #[test]
    fn hash_tables_agree_with_binary_search() {
        for script in [Sc::Latin, Sc::Cyrillic, Sc::Greek] {
            for lex in lexicons(script) {
                for i in 0..lex.offsets.len() {
                    let word = entry(lex, i).unwrap();
                    assert_eq!(zipf(script, word), zipf_by_search(script, word), "{word}");
                    // Near misses: a prefix, an extension.
                    let shorter: String = word.chars().skip(1).collect();
                    assert_eq!(zipf(script, &shorter), zipf_by_search(script, &shorter));
                    let longer = format!("{word}ъ");
                    assert_eq!(zipf(script, &longer), zipf_by_search(script, &longer));
                }
            }
            assert_eq!(zipf(script, ""), zipf_by_search(script, ""));
        }
        assert_eq!(zipf(Sc::Other, "the"), None);
        assert_eq!(zipf(Sc::Greek, "the"), None);
    }

    /// The generated models against the lexicons they come from: the
    /// alphabet and every log-probability (bit for bit) as
    /// `bigram_model::script_model` works them out from the lexicons this
    /// stage reads, in its order of languages, with its letter test.
    #[test]
    fn generated_script_models_are_the_lexicons_own() {
        for script in [Sc::Latin, Sc::Cyrillic, Sc::Greek] {
            let words = lexicons(script).iter().flat_map(|lex| {
                (0..lex.offsets.len()).map(|i| {
                    let z10 = lex.zipf10.get(i).copied().unwrap_or(30);
                    (entry(lex, i).unwrap(), z10)
                })
            });
            let (alphabet, logp) = crate::mixed::script_model(words, |c| {
                c.is_alphabetic() && letter_script(c) == script
            });
            let table = SCRIPT_BIGRAMS.get(script.lexicon_index().unwrap()).unwrap();
            assert_eq!(
                table.alphabet.chars().collect::<Vec<_>>(),
                alphabet,
                "{script:?}"
            );
            let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(table.logp), bits(&logp), "{script:?}");
            assert_eq!(lexicons(script).len(), script.languages().len());
        }
    }

    #[test]
    fn bigrams_rank_real_words_above_scrambles() {
        let cyr = bigrams(Sc::Cyrillic).unwrap();
        assert!(cyr.score("привет") > cyr.score("птйчеф") + 1.0);
        let lat = bigrams(Sc::Latin).unwrap();
        assert!(lat.score("bonjour") > lat.score("ñåðãåé") + 1.0);
    }
}
