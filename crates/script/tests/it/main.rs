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

use polynorm_testkit::proptest_cases as cases;
