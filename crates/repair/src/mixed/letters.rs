//! Byte-level letter runs and line summaries for the mixed-script gate, and
//! [`is_alphabetic`] (`char::is_alphabetic` at the cost of one table
//! look-up, from `polynorm_script`, where the whole workspace gets it).

pub(crate) use polynorm_script::is_alphabetic;

use super::tables::{sc_of, Sc};

/// The run of basic Cyrillic letters (U+0410–U+044F, `А`–`я`) starting at
/// byte `at` of UTF-8 `bytes`: calls `each` with every letter's offset from
/// U+0410 and returns the byte where the run ends (`at` when there is none).
/// Each letter is two bytes, `D0 90`–`D0 BF` or `D1 80`–`D1 8F`, so a run of
/// Russian prose is read without decoding characters.
#[inline]
pub(crate) fn basic_cyrillic_run(bytes: &[u8], at: usize, mut each: impl FnMut(u32)) -> usize {
    let mut i = at;
    // Branch-free inside a run: whether a letter is `D0 xx` or `D1 xx` is a
    // coin toss in Russian text, and a mispredicted branch per letter cost
    // more than the rest of the loop.
    while let Some(&[lead, next]) = bytes.get(i..i + 2) {
        let code = u32::from(lead) << 8 | u32::from(next);
        let low = code.wrapping_sub(0xD090); // `D0 90`–`D0 BF`: 0–47
        let high = code.wrapping_sub(0xD180); // `D1 80`–`D1 8F`: 48–63
        #[allow(clippy::needless_bitwise_bool)] // both tests, no branch between them
        let letter = (low < 0x30) | (high < 0x10);
        if !letter {
            break;
        }
        each(low.min(high.wrapping_add(0x30)));
        i += 2;
    }
    i
}

/// Which second bytes after `CE` and `CF` (less `80`) make a letter of
/// [`greek_run`]: U+0386–U+03CE but the punctuation `·` (U+0387) and the
/// unassigned U+038B, U+038D, U+03A2.
const GREEK_LETTERS: [u64; 2] = {
    let ce = !0u64 << 6 & !(1 << 7) & !(1 << 0xB) & !(1 << 0xD) & !(1 << 0x22);
    let cf = (1u64 << 0xF) - 1;
    [ce, cf]
};

/// Which of [`GREEK_LETTERS`] are vowels to [`super::tables::is_vowel`].
// Indexing in a const block cannot panic at run time: an index out of
// range is a compile error.
#[allow(clippy::indexing_slicing)]
const GREEK_VOWELS: [u64; 2] = {
    let mut bits = [0u64; 2];
    let mut i = 0;
    while i < 128 {
        if let Some(c) = char::from_u32(0x380 + i) {
            if super::tables::vowel_by_match(c) {
                bits[(i / 64) as usize] |= 1 << (i % 64);
            }
        }
        i += 1;
    }
    [bits[0] & GREEK_LETTERS[0], bits[1] & GREEK_LETTERS[1]]
};

/// The run of Greek letters of U+0386–U+03CE (the monotonic alphabet,
/// `Ά`–`ώ`, as [`GREEK_LETTERS`] lists them) starting at byte `at` of UTF-8
/// `bytes`: the byte where it ends (`at` when there is none), how many
/// letters it holds and how many of them are vowels. Each letter is two
/// bytes, `CE xx` or `CF xx`, so a run of Greek prose is read without
/// decoding characters.
#[inline]
pub(crate) fn greek_run(bytes: &[u8], at: usize) -> (usize, u32, u32) {
    let (mut i, mut letters, mut vowels) = (at, 0u32, 0u32);
    while let Some(&[lead, next]) = bytes.get(i..i + 2) {
        let half = usize::from(lead.wrapping_sub(0xCE));
        let bit = u32::from(next.wrapping_sub(0x80));
        let (Some(&letter), Some(&vowel)) = (GREEK_LETTERS.get(half), GREEK_VOWELS.get(half))
        else {
            break;
        };
        if bit >= 64 || letter >> bit & 1 == 0 {
            break;
        }
        letters += 1;
        vowels += (vowel >> bit & 1) as u32;
        i += 2;
    }
    (i, letters, vowels)
}

/// The length in bytes of the run of CJK letters (U+3040–U+9FFF: kana,
/// CJK Unified Ideographs and what lies between; not the CJK punctuation
/// of U+3000–U+303F) starting at byte `at` of UTF-8 `bytes`, and how many
/// letters it holds. Each is three bytes led by `E3 81`–`E9`.
#[inline]
pub(crate) fn cjk_run(bytes: &[u8], at: usize) -> (usize, u32) {
    let mut i = at;
    let mut n = 0;
    while let Some(&[lead, second, _]) = bytes.get(i..i + 3) {
        let cjk = matches!(lead, 0xE4..=0xE9) || (lead == 0xE3 && second >= 0x81);
        if !cjk {
            break;
        }
        i += 3;
        n += 1;
    }
    (i - at, n)
}

/// How [`next_of_script`] treats a character by its first byte: never of
/// the script, always of it, or decode it and ask [`sc_of`]. Continuation
/// bytes (`80`–`BF`) are `NO`.
const NO: u8 = 0;
const YES: u8 = 1;
const ASK: u8 = 2;

/// [`NO`], [`YES`] or [`ASK`] for each first byte, per script (the ranges of
/// [`sc_of`]: Latin is ASCII letters, U+00C0–U+024F and U+1E00–U+1EFF;
/// Cyrillic U+0400–U+052F less a few marks; Greek U+0370–U+03FF and
/// U+1F00–U+1FFF, letters only).
// Indexing in a const block cannot panic at run time: an index out of
// range is a compile error.
#[allow(clippy::indexing_slicing)]
const LEAD: [[u8; 256]; 3] = {
    let mut t = [[NO; 256]; 3];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphabetic() {
            t[Sc::Latin as usize][b] = YES;
        }
        // U+00C0–U+027F and U+1000–U+1FFF.
        if matches!(c, 0xC3..=0xC9 | 0xE1) {
            t[Sc::Latin as usize][b] = ASK;
        }
        // U+0400–U+047F are all Cyrillic to `sc_of`; U+0480–U+053F partly.
        if matches!(c, 0xD0 | 0xD1) {
            t[Sc::Cyrillic as usize][b] = YES;
        }
        if matches!(c, 0xD2..=0xD4) {
            t[Sc::Cyrillic as usize][b] = ASK;
        }
        // U+0340–U+03FF and U+1000–U+1FFF.
        if matches!(c, 0xCD..=0xCF | 0xE1) {
            t[Sc::Greek as usize][b] = ASK;
        }
        b += 1;
    }
    t
};

/// Whether `b` is `YES` or `ASK` in [`LEAD`] for `sc`, by compares.
#[inline]
#[allow(clippy::needless_bitwise_bool)] // no branch: the caller's loop vectorizes
fn may_start(sc: Sc, b: u8) -> bool {
    match sc {
        Sc::Latin => {
            ((b | 0x20).wrapping_sub(b'a') < 26) | (b.wrapping_sub(0xC3) < 7) | (b == 0xE1)
        }
        Sc::Cyrillic => b.wrapping_sub(0xD0) < 5,
        Sc::Greek => (b.wrapping_sub(0xCD) < 3) | (b == 0xE1),
    }
}

/// The byte offset of the first character of script `sc` (by [`sc_of`]) in
/// `line` at or after `at` (a character boundary) and before `end`. Reads
/// first bytes only: a Latin word is found in a Russian line without
/// decoding the Cyrillic letters before it.
#[inline]
pub(crate) fn next_of_script(line: &str, mut at: usize, end: usize, sc: Sc) -> Option<usize> {
    let lead = LEAD.get(sc as usize)?;
    // Continuation bytes are `NO` for every script, so any byte found
    // starts a character: no character lengths, one look-up per byte.
    while at < end {
        let rest = line.as_bytes().get(at..end)?;
        // Blocks of 32 bytes where no first byte is `YES` or `ASK` are
        // passed by compares the compiler turns into vector instructions.
        let mut skip = 0;
        for block in rest.chunks_exact(32) {
            let mut any = 0u8;
            for &b in block {
                any |= u8::from(may_start(sc, b));
            }
            if any != 0 {
                break;
            }
            skip += 32;
        }
        at += skip;
        let rest = rest.get(skip..)?;
        at += rest
            .iter()
            .position(|&b| lead.get(usize::from(b)).copied().unwrap_or(NO) != NO)?;
        if lead.get(usize::from(*line.as_bytes().get(at)?)).copied() == Some(YES) {
            return Some(at);
        }
        let c = line.get(at..)?.chars().next()?;
        if sc_of(c) == Some(sc) {
            return Some(at);
        }
        at += c.len_utf8();
    }
    None
}

/// The byte offset of the first ASCII letter of `bytes` at or after `at`
/// and before `end`: [`next_of_script`] for Latin in a line whose Latin
/// letters are all ASCII ones, by a few operations for eight bytes rather
/// than three compares a byte.
#[inline]
pub(crate) fn next_ascii_letter(bytes: &[u8], at: usize, end: usize) -> Option<usize> {
    let rest = bytes.get(at..end)?;
    // Blocks of 32 bytes without a letter are passed by compares the
    // compiler turns into vector instructions.
    let mut skip = 0;
    for block in rest.chunks_exact(32) {
        if block
            .iter()
            .fold(0u8, |any, &b| any | u8::from(ascii_letter(b)))
            != 0
        {
            break;
        }
        skip += 32;
    }
    // Then eight bytes at a time, the first letter the lowest bit of
    // [`ascii_letter_bits`]: a byte loop's exit is a branch mispredicted
    // once a word, and its bytes a branch each (the walk over a Russian
    // line's Latin words spent more time there than in anything else).
    let mut from = skip;
    while from < rest.len() {
        let bits = ascii_letter_bits(eight_bytes(rest, from));
        if bits != 0 {
            return Some(at + from + (bits.trailing_zeros() / 8) as usize);
        }
        from += 8;
    }
    None
}

/// How many ASCII letters `bytes` starts with: `bytes.iter().take_while(|b|
/// b.is_ascii_alphabetic()).count()`, eight bytes at a time
/// ([`ascii_letter_bits`]).
#[inline]
pub(crate) fn ascii_letter_run(bytes: &[u8]) -> usize {
    let mut n = 0;
    loop {
        // (Past the end [`eight_bytes`] reads zeros, no letter: it stops.)
        let others = !ascii_letter_bits(eight_bytes(bytes, n)) & 0x8080_8080_8080_8080;
        if others != 0 {
            return n + (others.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
}

/// The eight bytes of `bytes` from `at`, the first the lowest; bytes past
/// the end read as zero.
#[inline]
fn eight_bytes(bytes: &[u8], at: usize) -> u64 {
    if let Some(&w) = bytes.get(at..).and_then(|r| r.first_chunk::<8>()) {
        return u64::from_le_bytes(w);
    }
    let mut w = [0u8; 8];
    for (d, &s) in w.iter_mut().zip(bytes.get(at..).unwrap_or_default()) {
        *d = s;
    }
    u64::from_le_bytes(w)
}

/// The ASCII letters ([`ascii_letter`]) among the eight bytes of `word`
/// (the first byte the lowest): the high bit of each letter's byte, the
/// other bits clear. Each byte is folded to lower case and to seven bits,
/// so no byte's sum below carries into the next; a sum's high bit then
/// says the byte is at least `a` (`0x61 + 0x1F`) and not past `z`
/// (`0x7B + 0x05`), and a byte of `0x80` or more (its own high bit) is no
/// letter.
#[inline]
fn ascii_letter_bits(word: u64) -> u64 {
    const EACH: u64 = 0x0101_0101_0101_0101;
    let low = (word | (EACH * 0x20)) & (EACH * 0x7F);
    let from_a = low + EACH * 0x1F;
    let past_z = low + EACH * 0x05;
    from_a & !past_z & !word & (EACH * 0x80)
}

/// What one pass over the bytes of a line tells the mixed-script gate
/// before any character is decoded (see [`summarize`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct ByteSummary {
    /// ASCII letters (their vowels the Latin-only gate counts itself:
    /// Cyrillic lines, most of the lines asked, need none).
    pub(crate) latin: u32,
    /// A layout punctuation key (`;` `[` `]` `` ` `` `{` `}`).
    pub(crate) punct: bool,
    /// First bytes `D0` and `D1`: Cyrillic letters U+0400–U+047F.
    pub(crate) cyrillic: u32,
    /// First bytes of the other characters that may be Latin letters:
    /// `C3`–`C9` (U+00C0–U+027F) and `E1 B8`–`E1 BB` (U+1E00–U+1EFF).
    pub(crate) latin_other: u32,
    /// A first byte that may start a Cyrillic or Greek letter other than
    /// `D0`, `D1`: `CD`–`CF` (U+0340–U+03FF), `D2`–`D4` (U+0480–U+053F),
    /// `E1 BC`–`E1 BF` (U+1F00–U+1FFF).
    pub(crate) greek_or_more_cyrillic: bool,
}

/// Sums of 0/1 bytes and an OR of flags over `bytes`: `step` gets each
/// byte with the two after it (zeros past the end) and returns its four
/// counts and its flags; the loop stops after the first block of 240 bytes
/// whose flags meet `stop` (the counts and other flags are then partial). `step(0, 0, 0)`
/// must count nothing and flag nothing: the last bytes are read from a
/// copy padded with zeros, so that every byte goes through the same vector
/// code (sixteen lanes of byte sums, added up once per block) rather than
/// a byte-wise tail that cost as much as the rest of a short line.
#[inline]
fn sum_bytes(
    bytes: &[u8],
    stop: u8,
    step: impl Fn(u8, u8, u8) -> ([bool; 4], u8),
) -> ([u32; 4], u8) {
    debug_assert_eq!(step(0, 0, 0), ([false; 4], 0));
    let mut totals = [0u32; 4];
    // Sixteen lanes per count, each adding at most fifteen per block of
    // 240 bytes: added up into `totals` after sixteen blocks (at most 240
    // per lane, and two more from the padded rest) and at the end, so a
    // line of a few hundred bytes is summed across lanes once.
    let (mut lanes, mut lane_flags) = ([[0u8; 16]; 4], [0u8; 16]);
    let run = |bytes: &[u8],
               from: usize,
               to: usize,
               lanes: &mut [[u8; 16]; 4],
               lane_flags: &mut [u8; 16]| {
        for at in (from..to).step_by(16) {
            let (Some(now), Some(next), Some(after)) = (
                bytes.get(at..at + 16),
                bytes.get(at + 1..at + 17),
                bytes.get(at + 2..at + 18),
            ) else {
                break;
            };
            for (i, ((&b, &n), &a)) in now.iter().zip(next).zip(after).enumerate() {
                let (counts, f) = step(b, n, a);
                for (lane, count) in lanes.iter_mut().zip(counts) {
                    if let Some(sum) = lane.get_mut(i) {
                        *sum = sum.wrapping_add(u8::from(count));
                    }
                }
                if let Some(lf) = lane_flags.get_mut(i) {
                    *lf |= f;
                }
            }
        }
    };
    let flush = |lanes: &mut [[u8; 16]; 4], totals: &mut [u32; 4]| {
        for (total, lane) in totals.iter_mut().zip(lanes.iter_mut()) {
            *total += lane.iter().map(|&x| u32::from(x)).sum::<u32>();
            *lane = [0; 16];
        }
    };
    let or = |lane_flags: [u8; 16]| lane_flags.iter().fold(0, |f, &x| f | x);
    // `stop` in every lane, to test all sixteen flag lanes at once.
    let stop_lanes = u128::from(stop) * (u128::MAX / 0xFF);
    // Sixteen bytes at a time while the two after them are in `bytes`.
    let main = bytes.len().saturating_sub(2) / 16 * 16;
    let (mut from, mut blocks) = (0, 0);
    while from < main {
        let to = (from + 240).min(main);
        run(bytes, from, to, &mut lanes, &mut lane_flags);
        if u128::from_le_bytes(lane_flags) & stop_lanes != 0 {
            flush(&mut lanes, &mut totals);
            return (totals, or(lane_flags));
        }
        blocks += 1;
        if blocks == 16 {
            flush(&mut lanes, &mut totals);
            blocks = 0;
        }
        from = to;
    }
    // The rest (at most seventeen bytes) from a copy padded with zeros.
    let mut pad = [0u8; 48];
    let rest = bytes.get(main..).unwrap_or_default();
    if let Some(room) = pad.get_mut(..rest.len()) {
        room.copy_from_slice(rest);
    }
    run(&pad, 0, 32, &mut lanes, &mut lane_flags);
    flush(&mut lanes, &mut totals);
    (totals, or(lane_flags))
}

/// An ASCII letter byte (`b | 0x20` folds the capitals).
#[inline]
fn ascii_letter(b: u8) -> bool {
    (b | 0x20).wrapping_sub(b'a') < 26
}

/// A layout punctuation key that may be a letter on another layout:
/// `[` `]` `{` `}` (folded), `;`, `` ` ``.
#[inline]
#[allow(clippy::needless_bitwise_bool)] // every test, no branch: the loops vectorize
fn layout_punct(b: u8) -> bool {
    let folded = b & !0x20;
    (folded == b'[') | (folded == b']') | (b == b';') | (b == b'`')
}

/// `b next` start one of the letters only Serbian writes: `Ђ Ј Љ Њ Ћ Џ`
/// (`D0 82`, `D0 88`–`8B`, `D0 8F`) and `ђ ј љ њ ћ џ` (the same low halves
/// after `D1 9`).
#[inline]
#[allow(clippy::needless_bitwise_bool)]
fn serbian_only(b: u8, next: u8) -> bool {
    // After `D1` the second byte with bit 4 flipped, so that both cases
    // read `82`, `88`–`8B`, `8F` (fewer compares in the vector loops).
    let low = next ^ ((b << 4) & 0x10);
    ((b | 1) == 0xD1) & ((low == 0x82) | ((low | 3) == 0x8B) | (low == 0x8F))
}

/// A first byte of `C0` or more other than `D0`, `D1` (Cyrillic letters of
/// U+0400–U+047F), `C2` and `E2` (signs [`unusual_sign`] tells apart).
#[inline]
#[allow(clippy::needless_bitwise_bool)]
fn rare_lead(b: u8) -> bool {
    (b >= 0xC0) & ((b | 1) != 0xD1) & (b != 0xC2) & (b != 0xE2)
}

/// `b next` start a letter of U+0080–U+00BF (`ª` `µ` `º`) or a character
/// of U+2040–U+2FFF (first byte `E2` but not `E2 80`, the punctuation of
/// U+2000–U+203F).
#[inline]
#[allow(clippy::needless_bitwise_bool)]
fn unusual_sign(b: u8, next: u8) -> bool {
    // (`AA` and `BA` are the two bytes that read `BA` with bit 4 set.)
    ((b == 0xC2) & (((next | 0x10) == 0xBA) | (next == 0xB5))) | ((b == 0xE2) & (next != 0x80))
}

/// An ASCII letter `b` before a `D0`/`D1` letter (`next`), or a `D0`/`D1`
/// letter `b` with an ASCII letter after it (`after`).
#[inline]
#[allow(clippy::needless_bitwise_bool)]
fn touches_cyrillic(b: u8, next: u8, after: u8) -> bool {
    (ascii_letter(b) & ((next | 1) == 0xD1)) | (((b | 1) == 0xD1) & ascii_letter(after))
}

/// One pass over `bytes` (a whole line, valid UTF-8): the counts and flags
/// of [`ByteSummary`], from compares on each byte and the one after it. It
/// stops early (counts then partial) at a Greek or further Cyrillic first
/// byte, after which the gate scans the line in full.
#[allow(clippy::needless_bitwise_bool)] // every test, no branch: the loop vectorizes
pub(crate) fn summarize(bytes: &[u8]) -> ByteSummary {
    const PUNCT: u8 = 1;
    const MORE: u8 = 2;
    let ([latin, cyrillic, latin_other, _], flags) = sum_bytes(bytes, MORE, |b, next, _| {
        let letter = ascii_letter(b);
        let cyr = (b | 1) == 0xD1;
        let latin_other =
            (b.wrapping_sub(0xC3) < 7) | ((b == 0xE1) & (next.wrapping_sub(0xB8) < 4));
        let punct = layout_punct(b);
        let more = (b.wrapping_sub(0xCD) < 3)
            | (b.wrapping_sub(0xD2) < 3)
            | ((b == 0xE1) & (next >= 0xBC));
        (
            [letter, cyr, latin_other, false],
            (u8::from(punct) * PUNCT) | (u8::from(more) * MORE),
        )
    });
    ByteSummary {
        latin,
        punct: flags & PUNCT != 0,
        cyrillic,
        latin_other,
        greek_or_more_cyrillic: flags & MORE != 0,
    }
}

/// At least how many Latin vowels beyond ASCII `bytes` (a whole line,
/// valid UTF-8) hold: `À`–`ÿ` vowels (`C3 80`–`C3 BF`) and Vietnamese
/// U+1EA0–U+1EF9 (`E1 BA A0`–`E1 BB B9`), each a Latin letter and a vowel
/// to [`super::tables::is_vowel`]; other accented vowels (`ă`, `ơ`) are not
/// counted.
#[allow(clippy::needless_bitwise_bool)] // every test, no branch: the loop vectorizes
pub(crate) fn latin_vowels_beyond_ascii(bytes: &[u8]) -> u32 {
    let ([vowels, ..], _) = sum_bytes(bytes, 0, |b, next, after| {
        // `À`–`Æ`, `È`–`Ï`, `Ò`–`Ö`, `Ø`–`Ý` and their lowercase (`+ 20`), `ÿ`.
        let folded = next & !0x20;
        let latin1 = (b == 0xC3)
            & ((folded.wrapping_sub(0x80) < 7)
                | (folded.wrapping_sub(0x88) < 8)
                | (folded.wrapping_sub(0x92) < 5)
                | (folded.wrapping_sub(0x98) < 6)
                | (next == 0xBF));
        let vietnamese =
            (b == 0xE1) & (((next == 0xBA) & (after >= 0xA0)) | ((next == 0xBB) & (after <= 0xB9)));
        ([latin1 | vietnamese, false, false, false], 0)
    });
    vowels
}

/// Whether every layout punctuation key of `line` (`;` `[` `]` `` ` `` `{`
/// `}`) is followed, past any letters of other scripts than Latin,
/// Cyrillic and Greek (Thai, CJK: the scan leaves a pending key pending
/// over them), by the line's end or a character that is no letter of
/// those three scripts and no apostrophe: then none is a key typed between
/// letters (the scan's `odd_punct`), whatever stands before it. The keys
/// are rare and found by searches.
pub(crate) fn layout_keys_end_words(line: &str) -> bool {
    let bytes = line.as_bytes();
    let ends = |i: usize| {
        for c in line.get(i + 1..).unwrap_or_default().chars() {
            if c.is_ascii() {
                return !c.is_ascii_alphabetic() && c != '\'';
            }
            if sc_of(c).is_some() || c == '\u{2019}' {
                return false;
            }
            if !super::is_other_letter(c) {
                return true;
            }
        }
        true
    };
    memchr::memchr3_iter(b';', b'[', b']', bytes).all(ends)
        && memchr::memchr3_iter(b'`', b'{', b'}', bytes).all(ends)
}

/// For a line whose non-ASCII letters are all `D0`/`D1` ones: whether it
/// holds something the quick gate does not vouch for (a non-ASCII
/// character other than a Cyrillic letter U+0400–U+047F, a character of
/// U+0080–U+00BF other than the letters `ª` `µ` `º`, or one of
/// U+2000–U+203F), whether an ASCII letter touches a Cyrillic one, and
/// whether it holds one of the six letters only Serbian writes, in either
/// case (`ђ ј љ њ ћ џ`, what makes [`super::LineStats`] take a line for
/// Serbian).
#[allow(clippy::needless_bitwise_bool)] // every test, no branch: the loop vectorizes
pub(crate) fn cyrillic_line_flags(bytes: &[u8]) -> (bool, bool, bool) {
    const UNUSUAL: u8 = 1;
    const TOUCH: u8 = 2;
    const SERBIAN: u8 = 4;
    let (_, flags) = sum_bytes(bytes, 0, |b, next, after| {
        let serbian = serbian_only(b, next);
        let unusual = rare_lead(b) | unusual_sign(b, next);
        let touch = touches_cyrillic(b, next, after);
        (
            [false; 4],
            (u8::from(unusual) * UNUSUAL)
                | (u8::from(touch) * TOUCH)
                | (u8::from(serbian) * SERBIAN),
        )
    });
    (
        flags & UNUSUAL != 0,
        flags & TOUCH != 0,
        flags & SERBIAN != 0,
    )
}

/// For a line whose letters are Cyrillic ones of U+0400–U+047F: at least
/// how many of them are vowels (counting only lower-case `а е и о у ы я і`,
/// which make most of the vowels of Russian, Ukrainian, Belarusian and
/// Bulgarian prose) and at most how many are `ш щ ф` (counting every byte
/// equal to a second byte of theirs).
#[allow(clippy::needless_bitwise_bool)] // every test, no branch: the loop vectorizes
pub(crate) fn cyrillic_vowel_bounds(bytes: &[u8]) -> (u32, u32) {
    let ([vowels, telltale, ..], _) = sum_bytes(bytes, 0, |b, next, _| {
        // `а е и о` (`D0 B0`, `B5`, `B8`, `BE`), `у ы я і` (`D1 83`, `8B`,
        // `8F`, `96`).
        let vowel = ((b == 0xD0)
            & ((next == 0xB0) | (next == 0xB5) | (next == 0xB8) | (next == 0xBE)))
            | ((b == 0xD1) & ((next == 0x83) | (next == 0x8B) | (next == 0x8F) | (next == 0x96)));
        let telltale =
            (b == 0x84) | (b == 0x88) | (b == 0x89) | (b == 0xA4) | (b == 0xA8) | (b == 0xA9);
        ([vowel, telltale, false, false], 0)
    });
    (vowels, telltale)
}

/// What [`cyrillic_summary`] tells of a line: [`summarize`]'s counts and
/// flags, [`cyrillic_line_flags`] and whether a key slip inside or after a
/// Cyrillic word ([`super::keys`]) is possible at all, from one pass.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct CyrillicSummary {
    /// [`ByteSummary::latin`].
    pub(crate) latin: u32,
    /// [`ByteSummary::cyrillic`].
    pub(crate) cyrillic: u32,
    /// [`ByteSummary::punct`].
    pub(crate) punct: bool,
    /// A first byte of `C0` or more other than `D0`, `D1`, `C2` and `E2`:
    /// what may be a Latin letter beyond ASCII ([`ByteSummary::latin_other`]),
    /// a Greek or further Cyrillic letter
    /// ([`ByteSummary::greek_or_more_cyrillic`]) or else what
    /// [`cyrillic_line_flags`] finds unusual. The pass then stops early, and
    /// the other fields are partial; without it, the line has no such
    /// letter, and the other fields are whole.
    pub(crate) rare: bool,
    /// [`cyrillic_line_flags`], in its order, for a line without
    /// [`CyrillicSummary::rare`] bytes (which are unusual there too).
    pub(crate) unusual: bool,
    /// See [`CyrillicSummary::unusual`].
    pub(crate) touch: bool,
    /// See [`CyrillicSummary::unusual`].
    pub(crate) serbian: bool,
    /// Whether [`super::keys::key_slip_shape`] may be true: a `,` `;` or
    /// `]` after a byte of `80` or more and before a first byte `D0`–`D4`
    /// (what its search between letters needs), or one of the keys it
    /// searches for (`[` `{` `` ` `` `}` `<` `>` `'`). False rules it out.
    pub(crate) key_slip: bool,
}

/// [`summarize`] and [`cyrillic_line_flags`] of `bytes` (a whole line,
/// valid UTF-8) whose first bytes of `C0` or more are all `D0`, `D1`, `C2`
/// or `E2` (Cyrillic letters of U+0400–U+047F, `«` `»`, dashes and quotes),
/// and the byte test that rules out a key slip
/// ([`CyrillicSummary::key_slip`]), in one pass of the same compares (a
/// Russian line paid for two passes and the key slip's pass and searches).
/// It stops early at any other first byte of `C0` or more
/// ([`CyrillicSummary::rare`]): that line is left to the separate passes,
/// so the tests for what such bytes are (Latin beyond ASCII, Greek) cost
/// this pass nothing. (The vowels of [`cyrillic_vowel_bounds`] are left to
/// their own pass: only lines without a Latin letter ask, and counting them
/// in every line cost more than it saved.)
///
/// Every sixteen bytes are counted, but their flags ([`cyrillic_flags`],
/// about a hundred vector instructions) are worked out only where
/// [`cyrillic_hot`] (half as many) finds a byte that may set one: in
/// Russian prose one block of sixteen bytes in twenty-five.
pub(crate) fn cyrillic_summary(bytes: &[u8]) -> CyrillicSummary {
    let mut totals = [0u32; 2];
    // Sixteen lanes per count, each adding at most fifteen per block of
    // 240 bytes: added up into `totals` after sixteen blocks and at the
    // end (as in [`sum_bytes`]).
    let mut lanes = [[0u8; 16]; 2];
    let mut flags = 0u8;
    let run = |bytes: &[u8], from: usize, to: usize, lanes: &mut [[u8; 16]; 2], flags: &mut u8| {
        // (The lanes in locals, kept in registers over the loop.)
        let [mut letters, mut cyrillic] = *lanes;
        for at in (from..to).step_by(16) {
            let Some(window) = bytes
                .get(at..at + 18)
                .and_then(|w| <&[u8; 18]>::try_from(w).ok())
            else {
                break;
            };
            let (Some(now), Some(next), Some(after)) =
                (window.get(..16), window.get(1..17), window.get(2..))
            else {
                break;
            };
            let mut hot = [0u8; 16];
            let lanes = letters
                .iter_mut()
                .zip(cyrillic.iter_mut())
                .zip(hot.iter_mut());
            for (((l, c), h), ((&b, &n), &a)) in lanes.zip(now.iter().zip(next).zip(after)) {
                *l = l.wrapping_add(u8::from(ascii_letter(b)));
                *c = c.wrapping_add(u8::from((b | 1) == 0xD1));
                *h = u8::from(cyrillic_hot(b, n, a));
            }
            if u128::from_le_bytes(hot) != 0 {
                *flags |= chunk_flags(bytes, at);
            }
        }
        *lanes = [letters, cyrillic];
    };
    let flush = |lanes: &mut [[u8; 16]; 2], totals: &mut [u32; 2]| {
        for (total, lane) in totals.iter_mut().zip(lanes.iter_mut()) {
            *total += lane.iter().map(|&x| u32::from(x)).sum::<u32>();
            *lane = [0; 16];
        }
    };
    let summary = |[latin, cyrillic]: [u32; 2], flags: u8| CyrillicSummary {
        latin,
        cyrillic,
        punct: flags & flag::PUNCT != 0,
        rare: flags & flag::RARE != 0,
        unusual: flags & flag::UNUSUAL != 0,
        touch: flags & flag::TOUCH != 0,
        serbian: flags & flag::SERBIAN != 0,
        key_slip: flags & flag::KEY != 0,
    };
    // Sixteen bytes at a time while the two after them are in `bytes`.
    let main = bytes.len().saturating_sub(2) / 16 * 16;
    let (mut from, mut blocks) = (0, 0);
    while from < main {
        let to = (from + 240).min(main);
        run(bytes, from, to, &mut lanes, &mut flags);
        if flags & flag::RARE != 0 {
            flush(&mut lanes, &mut totals);
            return summary(totals, flags);
        }
        blocks += 1;
        if blocks == 16 {
            flush(&mut lanes, &mut totals);
            blocks = 0;
        }
        from = to;
    }
    // The rest (at most seventeen bytes) from a copy padded with zeros,
    // which neither count nor flag, after the byte before them (for
    // `chunk_flags`, not counted).
    let mut pad = [0u8; 49];
    let rest = bytes.get(main.saturating_sub(1)..).unwrap_or_default();
    if let Some(room) = pad.get_mut(..rest.len()) {
        room.copy_from_slice(rest);
    }
    // (A second block of sixteen only for a seventeenth byte.)
    let first = usize::from(main > 0);
    let len = if bytes.len() - main > 16 { 32 } else { 16 };
    run(&pad, first, first + len, &mut lanes, &mut flags);
    flush(&mut lanes, &mut totals);
    summary(totals, flags)
}

/// The bits of [`cyrillic_flags`].
mod flag {
    pub(super) const PUNCT: u8 = 1;
    pub(super) const RARE: u8 = 2;
    pub(super) const UNUSUAL: u8 = 8;
    pub(super) const TOUCH: u8 = 16;
    pub(super) const SERBIAN: u8 = 32;
    pub(super) const KEY: u8 = 64;
}

/// The flags of [`CyrillicSummary`] that byte `b` sets, with the two bytes
/// after it: the tests of [`summarize`] and [`cyrillic_line_flags`] (whose
/// first test is `rare`) and the key slip's.
#[inline]
#[allow(clippy::needless_bitwise_bool)] // every test, no branch: the loop vectorizes
fn cyrillic_flags(b: u8, next: u8, after: u8) -> u8 {
    let folded = b & !0x20;
    let punct = layout_punct(b);
    let serbian = serbian_only(b, next);
    let rare = rare_lead(b);
    let unusual = unusual_sign(b, next);
    let touch = touches_cyrillic(b, next, after);
    // The key slip's bytes: a `,` `;` `]` between a byte of `80` or
    // more (this one) and a first byte `D0`–`D4` (the one after it),
    // or a key of its searches (`[` and `{` fold to one byte).
    let glued = (b >= 0x80)
        & ((next == b',') | (next == b';') | (next == b']'))
        & (after.wrapping_sub(0xD0) < 5);
    let key = glued
        | (folded == b'[')
        | (b == b'}')
        | (b == b'`')
        | (b == b'<')
        | (b == b'>')
        | (b == b'\'');
    (u8::from(punct) * flag::PUNCT)
        | (u8::from(rare) * flag::RARE)
        | (u8::from(unusual) * flag::UNUSUAL)
        | (u8::from(touch) * flag::TOUCH)
        | (u8::from(serbian) * flag::SERBIAN)
        | (u8::from(key) * flag::KEY)
}

/// True wherever [`cyrillic_flags`] may set a flag, or one byte further
/// on (the pass works the flags out from the byte before a block on:
/// [`chunk_flags`]), in a line without a rare first byte (`D2`–`D4` among
/// them), with fewer compares: [`hot_with`] of `b` and `next` alone (the
/// tests' `cyrillic_hot_pair`), or a `D0`/`D1` first byte with an ASCII
/// byte above `@` after its letter (an ASCII letter, or one of `[` … `~`).
#[inline]
fn cyrillic_hot(b: u8, next: u8, after: u8) -> bool {
    hot_with(b, next, i8::from_ne_bytes([after]) > 0x40)
}

/// The part of [`cyrillic_hot`] that reads one byte after `b`: every first
/// byte of `C0` or more but `D0` `D1`; the ranges `;`–`>` and `[`–`]`,
/// `{`–`}` (with `=` `\` `|`), `` ` `` and `'`; a `,` or an ASCII letter
/// before a `D0`/`D1` first byte; and the letters only Serbian writes. A
/// `,` `;` `]` glued between letters is so found where it stands, one byte
/// after the byte [`cyrillic_flags`] flags; where a `D2`–`D4` first byte is
/// what makes it glued, that byte is rare, and the pass stops there.
#[cfg(test)]
fn cyrillic_hot_pair(b: u8, next: u8) -> bool {
    hot_with(b, next, false)
}

/// [`cyrillic_hot`], with whether an ASCII byte above `@` stands two bytes
/// after `b` (`above_at`). (Each test once, the `D0`/`D1` one shared.)
#[inline]
#[allow(clippy::needless_bitwise_bool)] // every test, no branch: the loop vectorizes
fn hot_with(b: u8, next: u8, above_at: bool) -> bool {
    let cyr = (b | 1) == 0xD1;
    let keys = (b.wrapping_sub(b';') < 4)
        | ((b & !0x20).wrapping_sub(b'[') < 3)
        | (b == b'`')
        | (b == b'\'');
    let lead = (b >= 0xC0) & !cyr;
    let before_letter = (ascii_letter(b) | (b == b',')) & ((next | 1) == 0xD1);
    // [`serbian_only`]'s second byte.
    let low = next ^ ((b << 4) & 0x10);
    let serbian = (low == 0x82) | ((low | 3) == 0x8B) | (low == 0x8F);
    keys | lead | before_letter | (cyr & (serbian | above_at))
}

/// The OR of [`cyrillic_flags`] over the sixteen bytes of `bytes` from `at`
/// and the one before them, if any (`bytes` holds the two after them).
#[inline(never)]
fn chunk_flags(bytes: &[u8], at: usize) -> u8 {
    let (Some(now), Some(next), Some(after)) = (
        bytes.get(at..at + 16),
        bytes.get(at + 1..at + 17),
        bytes.get(at + 2..at + 18),
    ) else {
        return 0;
    };
    let mut flags = [0u8; 16];
    for (f, ((&b, &n), &a)) in flags.iter_mut().zip(now.iter().zip(next).zip(after)) {
        *f = cyrillic_flags(b, n, a);
    }
    let before = match at.checked_sub(1).and_then(|i| bytes.get(i..i + 3)) {
        Some(&[b, n, a]) => cyrillic_flags(b, n, a),
        _ => 0,
    };
    flags.iter().fold(before, |all, &f| all | f)
}

/// How many characters of `bytes` (a whole line, valid UTF-8) are kana or
/// CJK ideographs of U+3040–U+9FFF, or Hangul syllables U+AC00–U+D77F
/// (`E3 81`–`E9`, `EA B0`–`ED 9D` first): each a letter of another script
/// to the full scan (its CJK runs, or [`super::is_other_letter`]).
#[allow(clippy::needless_bitwise_bool)] // every test, no branch: the loop vectorizes
pub(crate) fn cjk_hangul_letters(bytes: &[u8]) -> u32 {
    let ([n, ..], _) = sum_bytes(bytes, 0, |b, next, _| {
        let cjk = ((b == 0xE3) & (next >= 0x81)) | (b.wrapping_sub(0xE4) < 6);
        let hangul = ((b == 0xEA) & (next >= 0xB0))
            | (b.wrapping_sub(0xEB) < 2)
            | ((b == 0xED) & (next <= 0x9D));
        ([cjk | hangul, false, false, false], 0)
    });
    n
}

/// What [`greek_line_counts`] tells of a line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct GreekLine {
    /// ASCII letters.
    pub(crate) latin: u32,
    /// Greek letters of [`GREEK_LETTERS`] (what [`greek_run`] counts;
    /// their vowels [`greek_vowels`] counts where they are asked).
    pub(crate) greek: u32,
    /// Whether an ASCII letter touches a Greek one.
    pub(crate) touch: bool,
    /// A layout punctuation key (`;` `[` `]` `` ` `` `{` `}`).
    pub(crate) punct: bool,
}

/// For a line of Greek letters and ASCII (valid UTF-8): its letters and
/// flags ([`GreekLine`]), or `None` when it holds something the quick gate
/// does not vouch for (a non-ASCII character other than a Greek letter of
/// [`GREEK_LETTERS`], a character of U+0080–U+00BF other than the letters
/// `ª` `µ` `º`, or one of U+2000–U+203F). One pass of compares on each
/// byte and the two after it, as [`cyrillic_line_flags`] does for Cyrillic.
#[allow(clippy::needless_bitwise_bool)] // every test, no branch: the loop vectorizes
pub(crate) fn greek_line_counts(bytes: &[u8]) -> Option<GreekLine> {
    const UNUSUAL: u8 = 1;
    const TOUCH: u8 = 2;
    const PUNCT: u8 = 4;
    let ([latin, greek, ..], flags) = sum_bytes(bytes, UNUSUAL, |b, next, after| {
        let (ce, cf) = (b == 0xCE, b == 0xCF);
        // `Ά` `Έ`–`Ί` `Ό` `Ύ`–`Ρ` `Σ`–`ο` (`CE 86`, `88`–`8A`, `8C`,
        // `8E`–`A1`, `A3`–`BF`) and `π`–`ώ` (`CF 80`–`8E`).
        let greek = (ce
            & ((next == 0x86)
                | (next.wrapping_sub(0x88) < 3)
                | (next == 0x8C)
                | (next.wrapping_sub(0x8E) < 0x14)
                | (next.wrapping_sub(0xA3) < 0x1D)))
            | (cf & (next.wrapping_sub(0x80) < 0x0F));
        let unusual = ((b >= 0xC0) & !greek & (b != 0xC2) & (b != 0xE2))
            | ((b == 0xC2) & ((next == 0xAA) | (next == 0xB5) | (next == 0xBA)))
            | ((b == 0xE2) & (next != 0x80));
        let letter = (b | 0x20).wrapping_sub(b'a') < 26;
        let after_letter = (after | 0x20).wrapping_sub(b'a') < 26;
        // A letter before a Greek one (any `CE`/`CF` character that is no
        // letter is unusual), or one after it.
        let touch = (letter & ((next | 1) == 0xCF)) | (greek & after_letter);
        let folded = b & !0x20;
        let punct = (folded == b'[') | (folded == b']') | (b == b';') | (b == b'`');
        (
            [letter, greek, false, false],
            (u8::from(unusual) * UNUSUAL) | (u8::from(touch) * TOUCH) | (u8::from(punct) * PUNCT),
        )
    });
    (flags & UNUSUAL == 0).then_some(GreekLine {
        latin,
        greek,
        touch: flags & TOUCH != 0,
        punct: flags & PUNCT != 0,
    })
}

/// For a line that [`greek_line_counts`] counts: how many of its Greek
/// letters are vowels ([`GREEK_VOWELS`]), by one more pass of compares on
/// each byte and the one after it. Only a line without ASCII letters asks,
/// so the other lines' pass does not count them.
#[allow(clippy::needless_bitwise_bool)] // every test, no branch: the loop vectorizes
pub(crate) fn greek_vowels(bytes: &[u8]) -> u32 {
    let ([vowels, ..], _) = sum_bytes(bytes, 0, |b, next, _| {
        let (ce, cf) = (b == 0xCE, b == 0xCF);
        // The vowels: `Ά` `Έ`–`Ί` `Ό` `Ύ`–`Α` `Ε` `Η` `Ι` `Ο` `Υ` `Ω`
        // `ά`–`α` `ε` `η` `ι` `ο`, and `υ` `ω`–`ώ` (`CF 85`, `89`–`8E`):
        // each a Greek letter of [`greek_line_counts`].
        let vowel = (ce
            & ((next == 0x86)
                | (next.wrapping_sub(0x88) < 3)
                | (next == 0x8C)
                | (next.wrapping_sub(0x8E) < 4)
                | (next == 0x95)
                | (next == 0x97)
                | (next == 0x99)
                | (next == 0x9F)
                | (next == 0xA5)
                | (next == 0xA9)
                | (next.wrapping_sub(0xAC) < 6)
                | (next == 0xB5)
                | (next == 0xB7)
                | (next == 0xB9)
                | (next == 0xBF)))
            | (cf & ((next == 0x85) | (next.wrapping_sub(0x89) < 6)));
        ([vowel, false, false, false], 0)
    });
    vowels
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy as _;

    #[test]
    fn cjk_runs_are_kana_and_ideographs() {
        let text = "漢字かなカナ、中文";
        let (len, n) = cjk_run(text.as_bytes(), 0);
        assert_eq!((&text[..len], n), ("漢字かなカナ", 6));
        let comma = text.find('、').unwrap_or_default();
        assert_eq!(cjk_run(text.as_bytes(), comma), (0, 0));
        for c in ['\u{3040}', '\u{9FFF}', 'ぁ', '一'] {
            let s = c.to_string();
            assert_eq!(cjk_run(s.as_bytes(), 0), (3, 1), "{c}");
            assert!(super::is_alphabetic(c) || c == '\u{3040}' || c == '\u{9FFF}');
        }
        for c in ['\u{303F}', '\u{A000}', '。'] {
            assert_eq!(cjk_run(c.to_string().as_bytes(), 0), (0, 0), "{c}");
        }
    }

    #[test]
    fn cyrillic_runs_are_the_basic_block() {
        let text = "Пример: ёж и Їжак, яЯ";
        let mut seen = Vec::new();
        let end = basic_cyrillic_run(text.as_bytes(), 0, |o| seen.push(o));
        assert_eq!(&text[..end], "Пример");
        let letters: String = seen
            .iter()
            .filter_map(|&o| char::from_u32(0x410 + o))
            .collect();
        assert_eq!(letters, "Пример");
        // `ё` and `Ї` are outside U+0410–U+044F: no run.
        let yo = text.find('ё').unwrap_or_default();
        assert_eq!(basic_cyrillic_run(text.as_bytes(), yo, |_| {}), yo);
        let tail = text.find('я').unwrap_or_default();
        assert_eq!(
            basic_cyrillic_run(text.as_bytes(), tail, |_| {}),
            text.len()
        );
        assert_eq!(basic_cyrillic_run(b"\xD0", 0, |_| {}), 0, "a cut sequence");
    }

    #[test]
    fn greek_runs_are_the_monotonic_letters() {
        // Each character of U+0380–U+03FF alone: a run exactly when it is
        // a Greek letter of U+0386–U+03CE, with its vowel count.
        for cp in 0x380..=0x3FFu32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let s = c.to_string();
            let letter = (0x386..=0x3CE).contains(&cp) && sc_of(c) == Some(Sc::Greek);
            let want = if letter {
                (2, 1, u32::from(super::super::tables::is_vowel(c)))
            } else {
                (0, 0, 0)
            };
            assert_eq!(greek_run(s.as_bytes(), 0), want, "U+{cp:04X}");
        }
        let text = "Το RAID10 συνδυάζει·ΐ";
        let (end, letters, vowels) = greek_run(text.as_bytes(), 0);
        assert_eq!((&text[..end], letters, vowels), ("Το", 2, 1));
        let at = text.find('σ').unwrap_or_default();
        let (end, letters, vowels) = greek_run(text.as_bytes(), at);
        assert_eq!((&text[at..end], letters, vowels), ("συνδυάζει", 9, 5));
        assert_eq!(greek_run(b"\xCE", 0), (0, 0, 0), "a cut sequence");
    }

    #[test]
    fn greek_line_counts_count_what_greek_runs_count() {
        // Every character of U+0370–U+03FF, alone and between ASCII: the
        // letters and vowels of `greek_run`, or `None` for what it does not
        // take as a letter.
        for c in '\u{0370}'..='\u{03FF}' {
            let s = c.to_string();
            let (end, letters, vowels) = greek_run(s.as_bytes(), 0);
            let expected = (end == s.len()).then_some(GreekLine {
                greek: letters,
                ..GreekLine::default()
            });
            assert_eq!(greek_line_counts(s.as_bytes()), expected, "{c}");
            if expected.is_some() {
                assert_eq!(greek_vowels(s.as_bytes()), vowels, "{c}");
            }
            let spaced = format!("a {c} b;");
            let expected = expected.map(|g| GreekLine {
                latin: 2,
                punct: true,
                ..g
            });
            assert_eq!(greek_line_counts(spaced.as_bytes()), expected, "{c}");
        }
        let line = "Το Debian, «GNU/Linux» — toy";
        let counts = greek_line_counts(line.as_bytes());
        assert_eq!(
            counts,
            Some(GreekLine {
                latin: 17,
                greek: 2,
                touch: false,
                punct: false
            })
        );
        assert_eq!(greek_vowels(line.as_bytes()), 1);
        for touching in ["Toυ", "τoy", "αb"] {
            assert!(greek_line_counts(touching.as_bytes()).is_some_and(|g| g.touch));
        }
        for unusual in [
            "Το Дебиан",
            "τό é",
            "α ª",
            "α µ",
            "α €",
            "α\u{0301}",
            "α \u{0387}",
            "ϐ",
        ] {
            assert_eq!(greek_line_counts(unusual.as_bytes()), None, "{unusual}");
        }
    }

    proptest::proptest! {
        #[test]
        fn cyrillic_vowel_bounds_are_bounds(line in "[Ѐ-ѯ ,.a-z]{0,300}") {
            // At most the vowels, at least the `ш щ ф` the full scan counts.
            let vowels = line
                .chars()
                .filter(|&c| sc_of(c) == Some(Sc::Cyrillic) && super::super::tables::is_vowel(c))
                .count();
            let telltale = line.chars().filter(|c| matches!(c, 'ш' | 'щ' | 'ф' | 'Ш' | 'Щ' | 'Ф')).count();
            let (least, most) = cyrillic_vowel_bounds(line.as_bytes());
            proptest::prop_assert!(least as usize <= vowels && most as usize >= telltale);
        }
    }

    proptest::proptest! {
        #[test]
        fn next_of_script_finds_what_a_character_walk_finds(
            line in "[a-zA-Z0-9 ,.'а-яА-ЯёЁѐ-ӿԀ-ԯ\u{0482}-\u{0489}ͰΆ-ωϏ-Ͽ\u{0300}-\u{036F}À-ɏḀ-ỿἀ-῿ɐ-ʯ€—«»·×÷ا-ي一-龥\u{10000}-\u{10010}]{0,40}"
        ) {
            for sc in Sc::ALL {
                let slow: Vec<usize> = line
                    .char_indices()
                    .filter(|&(_, c)| sc_of(c) == Some(sc))
                    .map(|(at, _)| at)
                    .collect();
                let mut fast = Vec::new();
                let mut at = 0;
                while let Some(found) = next_of_script(&line, at, line.len(), sc) {
                    fast.push(found);
                    at = found + line[found..].chars().next().map_or(1, char::len_utf8);
                }
                proptest::prop_assert_eq!(&fast, &slow, "{:?}", sc);
                // A bound before the end stops the search there.
                if let Some(&last) = slow.last() {
                    proptest::prop_assert_eq!(next_of_script(&line, last, last, sc), None);
                }
            }
        }
    }

    /// [`serbian_only`] and [`unusual_sign`] answer as their plain
    /// definitions on every pair of bytes.
    #[test]
    fn byte_pair_tests_are_their_definitions() {
        for b in 0..=u8::MAX {
            for next in 0..=u8::MAX {
                let low = next & 0x0F;
                let serbian = ((b == 0xD0) && next >> 4 == 0x8 || (b == 0xD1) && next >> 4 == 0x9)
                    && matches!(low, 2 | 8..=11 | 15);
                assert_eq!(serbian_only(b, next), serbian, "{b:02X} {next:02X}");
                let unusual = (b == 0xC2 && matches!(next, 0xAA | 0xB5 | 0xBA))
                    || (b == 0xE2 && next != 0x80);
                assert_eq!(unusual_sign(b, next), unusual, "{b:02X} {next:02X}");
            }
        }
    }

    /// A step that reads all three bytes and fills every count and flag.
    #[allow(clippy::needless_bitwise_bool)]
    fn probe(b: u8, next: u8, after: u8) -> ([bool; 4], u8) {
        let some = b != 0;
        (
            [
                b & 1 == 1,
                some & (next == b'x'),
                some & (after >= 0x80),
                some & (b == next),
            ],
            u8::from(some & (after == b'y')) | (u8::from(b == 0xCE) << 1),
        )
    }

    /// [`sum_bytes`] byte by byte, without a stop.
    fn sum_bytes_naive(bytes: &[u8]) -> ([u32; 4], u8) {
        let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
        let (mut totals, mut flags) = ([0u32; 4], 0u8);
        for i in 0..bytes.len() {
            let (counts, f) = probe(at(i), at(i + 1), at(i + 2));
            for (t, c) in totals.iter_mut().zip(counts) {
                *t += u32::from(c);
            }
            flags |= f;
        }
        (totals, flags)
    }

    proptest::proptest! {
        #[test]
        fn sum_bytes_equals_a_byte_loop(
            bytes in proptest::collection::vec(proptest::prop_oneof![
                proptest::prelude::Just(b'x'),
                proptest::prelude::Just(b'y'),
                proptest::prelude::Just(0xCE),
                proptest::prelude::any::<u8>(),
            ], 0..600)
        ) {
            proptest::prop_assert_eq!(sum_bytes(&bytes, 0, probe), sum_bytes_naive(&bytes));
            // A stop flag found is reported whenever it is there.
            let (_, flags) = sum_bytes(&bytes, 2, probe);
            proptest::prop_assert_eq!(flags & 2, sum_bytes_naive(&bytes).1 & 2);
        }
    }

    #[test]
    fn sum_bytes_reads_every_length() {
        for n in 0..=500 {
            let bytes: Vec<u8> = (0..n).map(|i| [b'x', 3, b'y', 0xCE, 0x81][i % 5]).collect();
            assert_eq!(sum_bytes(&bytes, 0, probe), sum_bytes_naive(&bytes), "{n}");
        }
        // Long lines of bytes that count in every lane: the lanes are
        // added up before a byte sum could overflow.
        for n in [3838, 3840, 3842, 3843, 3857, 3860, 7700, 20_000] {
            let bytes = vec![0xFF; n];
            assert_eq!(sum_bytes(&bytes, 0, probe), sum_bytes_naive(&bytes), "{n}");
        }
    }

    /// Every triple of bytes [`cyrillic_flags`] flags, [`cyrillic_hot`]
    /// finds there or [`cyrillic_hot_pair`] one byte further on (whatever
    /// follows), but a `,` `;` `]` glued before a `D2`–`D4` first byte (a
    /// rare one: the line is not the one pass's).
    #[test]
    fn the_hot_test_finds_every_flagged_byte() {
        for b in 0..=u8::MAX {
            for next in 0..=u8::MAX {
                for after in 0..=u8::MAX {
                    let flags = cyrillic_flags(b, next, after);
                    if flags != 0
                        && !cyrillic_hot(b, next, after)
                        && !cyrillic_hot_pair(next, after)
                    {
                        assert!(
                            flags == flag::KEY
                                && (0xD2..=0xD4).contains(&after)
                                && rare_lead(after),
                            "{b:02X} {next:02X} {after:02X}"
                        );
                    }
                }
            }
        }
        assert!(!cyrillic_hot(0, 0, 0));
    }

    /// [`cyrillic_summary`] byte by byte, without a stop or a hot test.
    fn cyrillic_summary_naive(bytes: &[u8]) -> CyrillicSummary {
        let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
        let (mut latin, mut cyrillic, mut flags) = (0, 0, 0);
        for i in 0..bytes.len() {
            latin += u32::from(ascii_letter(at(i)));
            cyrillic += u32::from((at(i) | 1) == 0xD1);
            flags |= cyrillic_flags(at(i), at(i + 1), at(i + 2));
        }
        CyrillicSummary {
            latin,
            cyrillic,
            punct: flags & flag::PUNCT != 0,
            rare: flags & flag::RARE != 0,
            unusual: flags & flag::UNUSUAL != 0,
            touch: flags & flag::TOUCH != 0,
            serbian: flags & flag::SERBIAN != 0,
            key_slip: flags & flag::KEY != 0,
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: crate::proptest_cases(4096), ..Default::default() })]
        /// Lines of every flag's bytes at every offset of a block, and
        /// arbitrary bytes: the summary is the byte loop's where no rare
        /// first byte stops the pass, and a rare one is always found.
        #[test]
        fn cyrillic_summary_is_the_byte_loop(
            bytes in proptest::collection::vec(proptest::prop_oneof![
                8 => proptest::prelude::Just(&b"\xD0\xB0"[..]),
                4 => proptest::prelude::Just(&b"\xD1\x82"[..]),
                4 => proptest::prelude::Just(&b" "[..]),
                4 => proptest::prelude::Just(&b"a"[..]),
                1 => proptest::prelude::Just(&b"Z"[..]),
                1 => proptest::prelude::Just(&b"\xD1\x98"[..]),
                1 => proptest::prelude::Just(&b"\xD0\x8F"[..]),
                1 => proptest::prelude::Just(&b"\xD1\x91"[..]),
                1 => proptest::prelude::Just(&b"\xC2\xAB"[..]),
                1 => proptest::prelude::Just(&b"\xC2\xBA"[..]),
                1 => proptest::prelude::Just(&b"\xE2\x80\x94"[..]),
                1 => proptest::prelude::Just(&b"\xE2\x84\x96"[..]),
                1 => proptest::prelude::Just(&b"\xD2\x91"[..]),
                1 => proptest::prelude::Just(&b"\xCE\xB1"[..]),
                1 => proptest::prelude::Just(&b","[..]),
                1 => proptest::prelude::Just(&b";"[..]),
                1 => proptest::prelude::Just(&b"]"[..]),
                1 => proptest::prelude::Just(&b"["[..]),
                1 => proptest::prelude::Just(&b"}"[..]),
                1 => proptest::prelude::Just(&b"`"[..]),
                1 => proptest::prelude::Just(&b"<"[..]),
                1 => proptest::prelude::Just(&b">"[..]),
                1 => proptest::prelude::Just(&b"'"[..]),
                1 => proptest::prelude::Just(&b"="[..]),
            ], 0..300).prop_map(|parts: Vec<&[u8]>| parts.concat()),
            noise in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..100),
        ) {
            for bytes in [&bytes[..], &noise[..]] {
                let (s, naive) = (cyrillic_summary(bytes), cyrillic_summary_naive(bytes));
                proptest::prop_assert_eq!(s.rare, naive.rare);
                if !naive.rare {
                    proptest::prop_assert_eq!(s, naive);
                }
            }
        }
    }

    #[test]
    fn cyrillic_summary_reads_every_length() {
        for n in 0..=600 {
            let bytes: Vec<u8> = (0..n)
                .map(|i| [b'x', 0xD0, 0xB0, b' ', 0xD1, 0x98, b',', 0xD1, 0x82][i % 9])
                .collect();
            for cut in [&bytes[..], &bytes[n.min(1)..], &bytes[n.min(5)..]] {
                assert_eq!(cyrillic_summary(cut), cyrillic_summary_naive(cut), "{n}");
            }
        }
        // Long lines whose every byte counts: the lanes are added up
        // before a byte sum could overflow.
        for n in [3838, 3840, 3842, 3843, 3857, 3860, 7700, 20_000] {
            let bytes = vec![b'a'; n];
            assert_eq!(
                cyrillic_summary(&bytes),
                cyrillic_summary_naive(&bytes),
                "{n}"
            );
        }
        // A `,` glued between Cyrillic letters at every offset from a block
        // of sixteen, in Cyrillic text nothing else flags: the flag stands
        // on the letter before the `,`, which is found at the `,`.
        for shift in 0..48 {
            for glued in ["оо,оо", "о,о", "о;о", "о]о"] {
                let line = format!("{}{glued} оооооо оо", " ".repeat(shift));
                let s = cyrillic_summary(line.as_bytes());
                assert!(s.key_slip, "{line}");
                assert_eq!(s, cyrillic_summary_naive(line.as_bytes()), "{line}");
            }
        }
    }

    #[test]
    fn latin_vowels_beyond_ascii_are_vowels_of_the_scan() {
        // Every character alone: counted exactly when it is a Latin vowel
        // beyond ASCII of the two blocks; never one that is not.
        for c in '\u{80}'..='\u{FFFF}' {
            let s = c.to_string();
            let counted = latin_vowels_beyond_ascii(s.as_bytes());
            let vowel = sc_of(c) == Some(Sc::Latin) && super::super::tables::is_vowel(c);
            let block =
                ('\u{C0}'..='\u{FF}').contains(&c) || ('\u{1EA0}'..='\u{1EF9}').contains(&c);
            assert_eq!(counted, u32::from(vowel && block), "U+{:04X}", c as u32);
        }
        let line = "Thư mục /var: dữ liệu có thể thay đổi, à ÿ Ý ă";
        assert_eq!(latin_vowels_beyond_ascii(line.as_bytes()), 9);
    }

    proptest::proptest! {
        #[test]
        fn next_ascii_letter_finds_what_next_of_script_finds(
            line in "([а-яё ,.0-9«»—]{0,40}[a-zA-Z]{0,3}){0,12}",
            from in 0usize..400,
            cut in 0usize..400,
        ) {
            let end = line.len().saturating_sub(cut % (line.len() + 1));
            let mut at = from.min(end);
            while !line.is_char_boundary(at) {
                at -= 1;
            }
            proptest::prop_assert_eq!(
                next_ascii_letter(line.as_bytes(), at, end),
                next_of_script(&line, at, end, Sc::Latin)
            );
        }
    }

    #[test]
    fn ascii_letter_bits_is_ascii_letter_byte_by_byte() {
        // Every byte in every lane, with neighbours that would carry into
        // it if a lane's sum overflowed (0xFF) or would not (0x00).
        for b in 0..=255u8 {
            for lane in 0..8 {
                for fill in [0x00u8, 0x7F, 0xFF, b'z', b'@'] {
                    let mut w = [fill; 8];
                    if let Some(x) = w.get_mut(lane) {
                        *x = b;
                    }
                    let bits = ascii_letter_bits(u64::from_le_bytes(w));
                    for (i, &x) in w.iter().enumerate() {
                        assert_eq!(
                            (bits >> (8 * i)) & 0xFF,
                            if ascii_letter(x) { 0x80 } else { 0 },
                            "{w:02X?} lane {i}"
                        );
                    }
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn ascii_letter_run_is_the_byte_loop(
            line in "([а-яё ,.0-9«»—]{0,3}[a-zA-Z@\\[`{]{0,20}){0,6}",
            from in 0usize..200,
        ) {
            let bytes = line.as_bytes();
            let at = from.min(bytes.len());
            let rest = bytes.get(at..).unwrap_or_default();
            proptest::prop_assert_eq!(
                ascii_letter_run(rest),
                rest.iter().take_while(|b| b.is_ascii_alphabetic()).count()
            );
        }
    }

    #[test]
    fn ascii_letter_run_reads_every_length() {
        for len in 0..40 {
            for letters in 0..=len {
                let mut line = vec![b'q'; letters];
                line.resize(len, 0xD0);
                assert_eq!(ascii_letter_run(&line), letters, "{len} {letters}");
                assert_eq!(
                    next_ascii_letter(&line, letters.min(len), len),
                    None,
                    "{len} {letters}"
                );
                let mut late = vec![b' '; len];
                if let Some(b) = late.get_mut(letters) {
                    *b = b'K';
                }
                assert_eq!(
                    next_ascii_letter(&late, 0, len),
                    (letters < len).then_some(letters),
                    "{len} {letters}"
                );
            }
        }
    }

    #[test]
    fn may_start_is_the_lead_table() {
        for sc in Sc::ALL {
            for b in 0..=255u8 {
                let lead = LEAD[sc as usize][usize::from(b)];
                assert_eq!(may_start(sc, b), lead != NO, "{sc:?} {b:02X}");
            }
        }
    }
}
