//! Running the built binary.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The `polynorm` binary cargo built for these tests.
pub(crate) fn bin() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_polynorm"))
}

/// A path under the repository's `fixtures/`.
pub(crate) fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel)
}

/// Runs `polynorm ARGS` with `stdin` and a clean environment; waits for it.
pub(crate) fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(bin())
        .args(args)
        .env_clear()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("polynorm starts");
    let mut input = child.stdin.take().expect("stdin is piped");
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        // The child may stop reading early; that is not a test failure.
        let _ = input.write_all(&data);
    });
    let output = child.wait_with_output().expect("polynorm runs");
    writer.join().expect("stdin writer");
    output
}

/// Standard output as UTF-8.
pub(crate) fn stdout(output: &Output) -> &str {
    std::str::from_utf8(&output.stdout).expect("stdout is UTF-8")
}

/// Standard error as UTF-8.
pub(crate) fn stderr(output: &Output) -> &str {
    std::str::from_utf8(&output.stderr).expect("stderr is UTF-8")
}
