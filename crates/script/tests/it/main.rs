//! Integration tests of polynorm-script, one test binary: the case corpus in
//! `fixtures/script/`, oracle comparisons with `unicode-script` and
//! `unicode-security`, property tests, the language samples of
//! `fixtures/samples.json`, and (with the `serde` feature) serialization.

mod cases;
mod news;
mod oracle;
mod props;
mod samples;
#[cfg(feature = "serde")]
mod serialize;

/// Cases for a property test whose own count is `own`, scaled by
/// `PROPTEST_CASES` / 256 for a longer local run (`PROPTEST_CASES=2560`
/// runs each ten times its own count); never fewer than `own`, so CI's
/// `PROPTEST_CASES=256` keeps every count. (proptest reads the variable
/// itself only where a test keeps its default count, 256.)
fn cases(own: u32) -> u32 {
    let asked = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(256);
    let scaled = u64::from(own) * asked / 256;
    u32::try_from(scaled.max(u64::from(own))).unwrap_or(u32::MAX)
}
