//! Snapshots of structured output: `--explain`, `detect`, and `--help`.
//! Review changes with `cargo insta review`.

use crate::util::{run, stdout};

fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings
}

#[test]
fn explain_reports_every_change() {
    let input = std::fs::read(crate::util::fixture("cli/dirty.txt")).expect("fixture");
    let out = run(&["clean", "--explain"], &input);
    assert_eq!(out.status.code(), Some(0));
    snapshot_settings().bind(|| insta::assert_snapshot!("explain_dirty", stdout(&out)));
}

#[test]
fn detect_reports_runs_tokens_and_language() {
    let out = run(
        &["detect"],
        "Li said at the meeting with Sergeн Shoigu.\nМинистр обороны Сергей Шойгу.\n".as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0));
    snapshot_settings().bind(|| insta::assert_snapshot!("detect_mixed", stdout(&out)));
}

#[test]
fn help_text() {
    for (name, args) in [
        ("help", &["--help"][..]),
        ("help_clean", &["clean", "--help"]),
        ("help_detect", &["detect", "--help"]),
    ] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(0));
        snapshot_settings().bind(|| insta::assert_snapshot!(name, stdout(&out)));
    }
}
