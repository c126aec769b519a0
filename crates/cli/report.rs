//! Messages on standard error and the exit status they add up to.

use std::io::{self, Write};

/// What went wrong so far; decides the exit status.
#[derive(Debug, Default)]
pub(crate) struct Status {
    bad_input: bool,
    fatal: bool,
}

impl Status {
    /// Some input was bad (invalid UTF-8, an over-long line): reported, processing went on.
    pub(crate) fn bad_input(&mut self, message: &str) {
        self.bad_input = true;
        warn(message);
    }

    /// An I/O or usage error (an unreadable file): reported, other files still processed.
    pub(crate) fn fatal(&mut self, message: &str) {
        self.fatal = true;
        warn(message);
    }

    /// 0 fine, 1 some input was bad, 2 an I/O or usage error.
    pub(crate) fn exit_code(&self) -> u8 {
        if self.fatal {
            2
        } else {
            u8::from(self.bad_input)
        }
    }
}

/// Writes `polynorm: message` on standard error; a failing stderr is ignored.
pub(crate) fn warn(message: &str) {
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "polynorm: {message}");
}

/// True when an I/O error means the reader of our output went away.
pub(crate) fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes() {
        let mut s = Status::default();
        assert_eq!(s.exit_code(), 0);
        s.bad_input = true;
        assert_eq!(s.exit_code(), 1);
        s.fatal = true;
        assert_eq!(s.exit_code(), 2);
    }

    #[test]
    fn broken_pipe_is_found_through_context() {
        let e = anyhow::Error::from(io::Error::from(io::ErrorKind::BrokenPipe)).context("writing");
        assert!(is_broken_pipe(&e));
        let e = anyhow::Error::from(io::Error::from(io::ErrorKind::NotFound));
        assert!(!is_broken_pipe(&e));
    }
}
