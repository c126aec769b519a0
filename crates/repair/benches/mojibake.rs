//! Placeholder until the mojibake benchmark lands.
fn main() {}
