//! polynorm-gen placeholder.
fn main() {}
