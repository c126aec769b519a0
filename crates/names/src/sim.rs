//! The string similarities of the hot loop, in one place so that the
//! implementation can be swapped: `benches/compare.rs` times `strsim` against
//! `rapidfuzz` on the keys matching really compares (both give the same
//! values), and the faster, `rapidfuzz`, is used here (see BENCHMARKS.md).

/// Jaro-Winkler similarity of two keys, 0 to 1.
pub(crate) fn jaro_winkler(a: &str, b: &str) -> f32 {
    rapidfuzz::distance::jaro_winkler::similarity(a.chars(), b.chars()) as f32
}

/// Damerau-Levenshtein distance (unrestricted) between two keys.
pub(crate) fn edits(a: &str, b: &str) -> usize {
    rapidfuzz::distance::damerau_levenshtein::distance(a.chars(), b.chars())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_values_as_strsim() {
        for (a, b) in [
            ("Xoiku", "Xioku"),
            ("serkei", "serkei"),
            ("putin", "puttin"),
            ("", "abc"),
            ("kiXida", "ksida"),
        ] {
            assert!(
                (f64::from(jaro_winkler(a, b)) - strsim::jaro_winkler(a, b)).abs() < 1e-6,
                "{a} {b}"
            );
            assert_eq!(edits(a, b), strsim::damerau_levenshtein(a, b), "{a} {b}");
        }
    }
}
