//! The one pass over the bytes of an ASCII line that the mixed-script gate
//! starts with: its letters, bounds on its vowels and rare letters, and
//! whether a bracket or brace may be there (so that the searches for the
//! layout keys among them run only on the lines that hold one). With
//! `PLAIN`, the same pass also tells whether the line is text that hygiene
//! leaves at a glance, so that a clean ASCII line costs one pass over its
//! bytes for both stages rather than one each.

/// What [`glance`] finds in a line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Glance {
    /// ASCII letters.
    pub letters: u32,
    /// `a e i o` of either case: at most the vowels (`a e i o u y`).
    pub aeio: u32,
    /// `f v j k` of either case: at least the telltale `j f`, and at least
    /// the Slavic `k v j`.
    pub fvjk: u32,
    /// Whether a byte of `[ \ ] ^ _ { | } ~` or DEL is there (those whose
    /// lower case, `| 0x20`, is above `z`): false means no bracket or brace
    /// is.
    pub brackets: bool,
}

/// The space, which counts as nothing: what the bytes past a line's end
/// are read as.
const PAD: u8 = b' ';

/// What [`glance`] asks of the bytes besides the counts: that they be ASCII.
pub(super) const ASCII: u8 = 0;
/// That they be printable ASCII: what hygiene leaves at a glance.
pub(super) const PLAIN: u8 = 1;
/// That they be printable ASCII without `&`: what hygiene leaves at a
/// glance when it decodes HTML references.
pub(super) const PLAIN_NO_AMPERSAND: u8 = 2;

/// Per-lane counts of the vectors read since the lanes were last emptied
/// (at most 255, so that no lane wraps).
#[derive(Default)]
struct Lanes {
    /// Bytes that are no ASCII letter (counted rather than the letters:
    /// one instruction fewer a vector).
    others: [u8; 16],
    aeio: [u8; 16],
    fvjk: [u8; 16],
    brackets: [u8; 16],
    /// With [`ASCII`], the OR of the bytes; else the count of bytes below
    /// 0x20 or past ASCII, or `&` with [`PLAIN_NO_AMPERSAND`] (DEL is
    /// among the `brackets`, and [`glance`] looks for it there).
    odd: [u8; 16],
}

impl Lanes {
    /// Adds the sixteen bytes of `vector`.
    #[inline(always)]
    #[allow(clippy::inline_always)] // a call per vector would cost more than its work
    #[allow(clippy::needless_bitwise_bool)] // every test, no branch: the loop vectorizes
    #[allow(clippy::many_single_char_names)] // a lane per count, named by its letter
    fn add<const MODE: u8>(&mut self, vector: &[u8; 16]) {
        for (i, &b) in vector.iter().enumerate() {
            let (Some(l), Some(v), Some(t), Some(k), Some(o)) = (
                self.others.get_mut(i),
                self.aeio.get_mut(i),
                self.fvjk.get_mut(i),
                self.brackets.get_mut(i),
                self.odd.get_mut(i),
            ) else {
                continue;
            };
            let lower = b | 0x20;
            // `a..=z` is 0x80..=0x99 once 0x1F is added: one signed compare.
            let other = i8::from_ne_bytes([lower.wrapping_add(0x1F)]) > -103;
            *l = l.wrapping_add(u8::from(other));
            // `a e`, `i`, `o`; `f v`, `j k`.
            *v = v.wrapping_add(u8::from(
                (lower & 0xFB == b'a') | (lower == b'i') | (lower == b'o'),
            ));
            *t = t.wrapping_add(u8::from((lower & 0xEF == b'f') | (lower & 0xFE == b'j')));
            // `[ \ ] ^ _ { | } ~` DEL: lower case above `z` (bytes past
            // ASCII are negative as signed bytes).
            *k = k.wrapping_add(u8::from(i8::from_ne_bytes([lower]) > 0x7A));
            // Below 0x20 or past ASCII: below 0x20 as a signed byte.
            let below_space = i8::from_ne_bytes([b]) < 0x20;
            match MODE {
                ASCII => *o |= b,
                PLAIN => *o = o.wrapping_add(u8::from(below_space)),
                _ => *o = o.wrapping_add(u8::from(below_space | (b == b'&'))),
            }
        }
    }

    /// Whether a byte read so far fails the [`glance`] (DEL aside).
    #[inline(always)]
    #[allow(clippy::inline_always)] // its few instructions, not a call
    fn fails<const MODE: u8>(&self) -> bool {
        let any = self.odd.iter().fold(0u8, |a, &x| a | x);
        if MODE == ASCII {
            any >= 0x80
        } else {
            any != 0
        }
    }

    /// Adds the lanes' counts to `total` (`vectors` of them, since they were
    /// last emptied), and empties them.
    // Kept out of line, its sums taken by words: inlined (and summed lane
    // by lane) after a line's last vector, the compiler added the lanes
    // byte by byte through the stack, some 150 instructions a line
    // (session 20, BENCHMARKS "Session 20 (helper A)").
    #[inline(never)]
    fn drain_into(&mut self, total: &mut Glance, vectors: u32) {
        let sum = |lanes: &[u8; 16]| sum_lanes(lanes);
        let any = |lanes: &[u8; 16]| u128::from_ne_bytes(*lanes) != 0;
        total.letters += (16 * vectors).saturating_sub(sum(&self.others));
        total.aeio += sum(&self.aeio);
        total.fvjk += sum(&self.fvjk);
        total.brackets |= any(&self.brackets);
        *self = Lanes::default();
    }
}

/// The sum of sixteen lanes, the bytes of two words added in pairs.
#[inline(always)]
#[allow(clippy::inline_always)] // its few instructions, not a call
fn sum_lanes(lanes: &[u8; 16]) -> u32 {
    const LOW_BYTES: u64 = 0x00FF_00FF_00FF_00FF;
    let (low, high) = lanes.split_at(8);
    let word = |half: &[u8]| <[u8; 8]>::try_from(half).map_or(0, u64::from_le_bytes);
    // Four sums of two bytes a word (at most 510), of both words at most
    // 1,020: no sum reaches the next.
    let pairs = |w: u64| (w & LOW_BYTES) + ((w >> 8) & LOW_BYTES);
    let quads = pairs(word(low)) + pairs(word(high));
    // The four added into the top sixteen bits (at most 4,080).
    u32::try_from(quads.wrapping_mul(0x0001_0001_0001_0001) >> 48).unwrap_or(0)
}

/// Vectors of sixteen bytes read between two looks at whether a byte
/// failed.
const CHUNK: usize = 8;
/// Chunks read before the lanes are emptied: at most 255 vectors, what a
/// lane holds (with the two of the first look and the last vector).
const CHUNKS: usize = 252 / CHUNK;

/// `lanes` with the whole vectors of `chunk` added, and their number.
#[inline(always)]
#[allow(clippy::inline_always)] // the loop of the caller's
fn chunk_lanes<const MODE: u8>(mut lanes: Lanes, chunk: &[u8]) -> (Lanes, u32) {
    let mut n = 0;
    for vector in chunk.chunks_exact(16) {
        if let Ok(vector) = <&[u8; 16]>::try_from(vector) {
            lanes.add::<MODE>(vector);
            n += 1;
        }
    }
    (lanes, n)
}

/// Whether a byte past ASCII is among the first sixteen of `bytes` (false
/// for fewer than sixteen): one word's test, which tells most lines that
/// are not ASCII.
#[inline]
pub(super) fn starts_past_ascii(bytes: &[u8]) -> bool {
    bytes
        .get(..16)
        .map(<[u8; 16]>::try_from)
        .is_some_and(|first| {
            first.is_ok_and(|first| {
                u128::from_ne_bytes(first) & u128::from_ne_bytes([0x80; 16]) != 0
            })
        })
}

/// The last `tail.len()` bytes of `bytes` (fewer than sixteen, past its
/// whole vectors) as a vector: the last sixteen bytes with those already
/// counted shifted out for spaces (or, for lines under sixteen bytes,
/// padded with spaces).
#[inline(always)]
#[allow(clippy::inline_always)] // a few instructions once a line
fn last_vector(bytes: &[u8], tail: &[u8]) -> [u8; 16] {
    let mut last = [PAD; 16];
    if let Some(Ok(from)) = bytes
        .len()
        .checked_sub(16)
        .and_then(|end| bytes.get(end..))
        .map(<[u8; 16]>::try_from)
    {
        // The last sixteen bytes, those already counted shifted out
        // and spaces shifted in (lanes are counted, not placed).
        let counted = 8 * (16 - u32::try_from(tail.len()).unwrap_or(0));
        let spaces = u128::from_ne_bytes([PAD; 16]) << (128 - counted);
        last = ((u128::from_le_bytes(from) >> counted) | spaces).to_le_bytes();
    } else {
        for (to, &b) in last.iter_mut().zip(tail) {
            *to = b;
        }
    }
    last
}

/// [`Glance`] of `bytes` if they are all ASCII, else `None`; with
/// [`PLAIN`], `None` also when a byte is not printable ASCII (a tab, a
/// control, DEL), and with [`PLAIN_NO_AMPERSAND`] when one is `&` too:
/// `Some` then means that hygiene leaves the line at a glance. A line whose
/// first 32 bytes already fail costs no more than that look, others at
/// most eight more vectors after the first that fails.
///
/// Whole vectors of sixteen bytes only, as the compiler vectorizes them:
/// the last few bytes are read as the last sixteen, with those already
/// counted shifted out for spaces (or, for lines under sixteen bytes,
/// padded with spaces).
pub(super) fn glance<const MODE: u8>(bytes: &[u8]) -> Option<Glance> {
    // Most lines that are not ASCII are so in their first sixteen bytes:
    // told by one word, before the vectors are set up.
    if starts_past_ascii(bytes) {
        return None;
    }
    let mut total = Glance::default();
    let whole = bytes.len() / 16 * 16;
    let (body, tail) = bytes.split_at(whole.min(bytes.len()));
    // The first two vectors alone: most lines that fail do so there.
    let (head, body) = body.split_at(body.len().min(32));
    let (mut lanes, mut vectors) = chunk_lanes::<MODE>(Lanes::default(), head);
    if lanes.fails::<MODE>() {
        return None;
    }
    // The lanes are emptied at the end of each block, and the last vector
    // is read with the last block: they are emptied in one place.
    let mut blocks = body.chunks(16 * CHUNK * CHUNKS);
    loop {
        for chunk in blocks.next().unwrap_or_default().chunks(16 * CHUNK) {
            let n;
            (lanes, n) = chunk_lanes::<MODE>(lanes, chunk);
            vectors += n;
            if lanes.fails::<MODE>() {
                return None;
            }
        }
        let more = blocks.len() > 0;
        if !more && !tail.is_empty() {
            lanes.add::<MODE>(&last_vector(bytes, tail));
            vectors += 1;
            if lanes.fails::<MODE>() {
                return None;
            }
        }
        lanes.drain_into(&mut total, vectors);
        vectors = 0;
        if !more {
            break;
        }
    }
    // DEL is among the brackets: looked for only where one is.
    if MODE != ASCII && total.brackets && memchr::memchr(0x7F, bytes).is_some() {
        return None;
    }
    Some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`glance`] byte by byte.
    fn by_bytes(bytes: &[u8], mode: u8) -> Option<Glance> {
        if mode != ASCII {
            let amp = if mode == PLAIN { 0 } else { b'&' };
            if bytes
                .iter()
                .any(|&b| !(0x20..0x7F).contains(&b) || b == amp)
            {
                return None;
            }
        } else if !bytes.is_ascii() {
            return None;
        }
        let mut g = Glance::default();
        for &b in bytes {
            let lower = b.to_ascii_lowercase();
            g.letters += u32::from(b.is_ascii_alphabetic());
            g.aeio += u32::from(matches!(lower, b'a' | b'e' | b'i' | b'o'));
            g.fvjk += u32::from(matches!(lower, b'f' | b'v' | b'j' | b'k'));
            g.brackets |= matches!(
                b,
                b'[' | b'\\' | b']' | b'^' | b'_' | b'{' | b'|' | b'}' | b'~' | 0x7F
            );
        }
        Some(g)
    }

    /// `n` bytes of a short ASCII sentence repeated: the line the tests
    /// put odd bytes into.
    fn prose(n: usize) -> Vec<u8> {
        b"Quick fox, jumps over the lazy dog. "
            .iter()
            .copied()
            .cycle()
            .take(n)
            .collect()
    }

    #[test]
    fn every_byte_at_every_place_and_length() {
        // Each byte value at each place of lines of every length across
        // the vectors, the tail and the blocks.
        for n in (0..50).chain([63, 64, 65, 255, 256, 257, 271, 511, 512, 513, 600]) {
            let base = prose(n);
            for at in (0..n).filter(|&at| n < 50 || at % 29 == 0 || at + 17 >= n) {
                for b in 0..=255u8 {
                    let mut line = base.clone();
                    if let Some(x) = line.get_mut(at) {
                        *x = b;
                    }
                    assert_eq!(glance::<ASCII>(&line), by_bytes(&line, ASCII));
                    assert_eq!(glance::<PLAIN>(&line), by_bytes(&line, PLAIN));
                    assert_eq!(
                        glance::<PLAIN_NO_AMPERSAND>(&line),
                        by_bytes(&line, PLAIN_NO_AMPERSAND)
                    );
                }
            }
            assert_eq!(glance::<ASCII>(&base), by_bytes(&base, ASCII));
        }
    }

    #[test]
    fn lines_across_blocks_count_as_the_byte_loop() {
        // Lengths about where the lanes are emptied (after the two vectors
        // of the first look and 248 more, the last vector read with the
        // last block), a byte of each kind at each end and in the middle.
        for n in [
            3967, 3968, 3983, 3984, 3985, 3999, 4000, 4001, 4015, 4016, 4017, 8000, 8017,
        ] {
            let base = prose(n);
            for at in [
                None,
                Some(0),
                Some(n / 2),
                Some(3967),
                Some(3984),
                Some(n - 1),
            ] {
                for b in [b'a', b'j', b'[', b'_', 0x7F, b'\t', b'&', 0x80, 0xC3] {
                    let mut line = base.clone();
                    if let Some(x) = at.and_then(|at| line.get_mut(at)) {
                        *x = b;
                    }
                    assert_eq!(
                        glance::<ASCII>(&line),
                        by_bytes(&line, ASCII),
                        "{n} {at:?} {b}"
                    );
                    assert_eq!(
                        glance::<PLAIN>(&line),
                        by_bytes(&line, PLAIN),
                        "{n} {at:?} {b}"
                    );
                    assert_eq!(
                        glance::<PLAIN_NO_AMPERSAND>(&line),
                        by_bytes(&line, PLAIN_NO_AMPERSAND),
                        "{n} {at:?} {b}"
                    );
                }
            }
        }
    }

    #[test]
    fn sum_lanes_adds_every_lane() {
        let mut lanes = [0u8; 16];
        assert_eq!(sum_lanes(&lanes), 0);
        lanes = [255; 16];
        assert_eq!(sum_lanes(&lanes), 16 * 255);
        for (i, lane) in lanes.iter_mut().enumerate() {
            *lane = u8::try_from(i * 17 % 256).unwrap();
        }
        assert_eq!(
            sum_lanes(&lanes),
            lanes.iter().map(|&x| u32::from(x)).sum::<u32>()
        );
    }

    proptest::proptest! {
        #[test]
        fn glance_is_the_byte_loop(
            ascii in "[a-zA-Z@\\[\\]`{|}~;:&'., 0-9^_-]{0,700}",
            odd in r"[\t\x00\x1f\x7f&éжΩ€]?",
            at in 0usize..700,
        ) {
            // Mostly printable ASCII (what most lines are), with at most one
            // byte or character that fails a glance, anywhere.
            let mut line = ascii;
            line.insert_str(at.min(line.len()), &odd);
            for mode in [ASCII, PLAIN, PLAIN_NO_AMPERSAND] {
                let got = match mode {
                    ASCII => glance::<ASCII>(line.as_bytes()),
                    PLAIN => glance::<PLAIN>(line.as_bytes()),
                    _ => glance::<PLAIN_NO_AMPERSAND>(line.as_bytes()),
                };
                proptest::prop_assert_eq!(got, by_bytes(line.as_bytes(), mode));
            }
        }
    }
}
