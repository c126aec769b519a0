//! Test support shared by the polynorm crates' tests: a dev-dependency
//! only, so nothing here reaches a library or the binary.

/// Cases for a property test whose own count is `own`, scaled by
/// `PROPTEST_CASES` / 256 for a longer local run (`PROPTEST_CASES=2560`
/// runs each ten times its own count); never fewer than `own`, so CI's
/// `PROPTEST_CASES=256` keeps every count. (proptest reads the variable
/// itself only where a test keeps its default count, 256.)
pub fn proptest_cases(own: u32) -> u32 {
    let asked = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(256);
    scaled(own, asked)
}

/// `own` × `asked` / 256, never under `own` nor over `u32::MAX`.
fn scaled(own: u32, asked: u64) -> u32 {
    let scaled = u64::from(own).saturating_mul(asked) / 256;
    u32::try_from(scaled.max(u64::from(own))).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::scaled;

    #[test]
    fn counts_scale_from_ci_and_never_shrink() {
        assert_eq!(scaled(512, 256), 512, "CI's 256 keeps a test's own count");
        assert_eq!(scaled(512, 2560), 5120);
        assert_eq!(scaled(512, 16), 512, "never fewer than the test's own");
        assert_eq!(scaled(u32::MAX, u64::MAX), u32::MAX);
    }
}
