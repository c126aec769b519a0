//! polynorm command placeholder.
fn main() {}
