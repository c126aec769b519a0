//! Reads `scheme<TAB>mode<TAB>text` lines on stdin (mode: `text`, `name`,
//! `text+tones`, `name+tones`) and writes the transliteration of each text
//! on its own line of stdout, for `peers/translit_cjk_peers.py`.

use std::io::{self, BufRead, Write};

use polynorm_translit::{Mode, Options, Scheme};

fn main() -> io::Result<()> {
    let stdin = io::stdin();
    let mut out = io::BufWriter::new(io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line?;
        let mut fields = line.splitn(3, '\t');
        let (Some(name), Some(mode), Some(text)) = (fields.next(), fields.next(), fields.next())
        else {
            writeln!(out)?;
            continue;
        };
        let Ok(scheme) = Scheme::from_name(name) else {
            writeln!(out)?;
            continue;
        };
        let mut options = Options::new();
        if mode.starts_with("name") {
            options = options.mode(Mode::Name);
        }
        if mode.ends_with("+tones") {
            options = options.tones(true);
        }
        writeln!(out, "{}", scheme.transliterate_with(text, &options))?;
    }
    out.flush()
}
