//! The result of a repair: the text plus the list of what changed.

use std::borrow::Cow;
use std::fmt;

/// Text after a repair stage, with a record of every change.
///
/// `text` borrows the input when nothing changed, so clean text costs no
/// allocation. `changes` is sorted by [`Change::start`]; at an equal start
/// the wider span comes first, and changes of one span are in the order they
/// were made. Spans are byte offsets into the **original**
/// input, also after several stages were chained with [`Repaired::and_then`].
///
/// When a later stage rewrote text that an earlier stage had already changed
/// (say normalization composed `a` + U+0301 after a zero-width space between
/// them was removed), the later change's span grows to cover the earlier one
/// and its [`Change::before`] is the text that stage saw, not the original.
/// Changes that no later change covers are disjoint, and applying them to the
/// input gives `text`.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Repaired<'a> {
    /// The repaired text; borrowed from the input if nothing changed.
    pub text: Cow<'a, str>,
    /// What changed, sorted by start (see the type's documentation).
    pub changes: Vec<Change>,
}

/// One change to the text: what was at a span of the input and what replaced it.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Change {
    /// Which rule made the change.
    pub kind: ChangeKind,
    /// Byte offset in the original input where the change starts.
    pub start: usize,
    /// Byte offset in the original input where the change ends (exclusive).
    pub end: usize,
    /// The text that was replaced. Equal to `input[start..end]` unless an
    /// earlier stage had already changed part of that span.
    pub before: String,
    /// The replacement (empty for a removal).
    pub after: String,
    /// How sure the rule is, from 0.0 to 1.0. Hygiene rules are
    /// deterministic and always report 1.0.
    pub confidence: f32,
    /// Why: the code points involved and the reason, for people reading a
    /// report (e.g. `U+200B ZERO WIDTH SPACE: invisible, removed`).
    pub evidence: Cow<'static, str>,
}

/// The rule that made a [`Change`].
///
/// Serialized (with the `serde` feature) and printed as the `snake_case` name
/// given by [`ChangeKind::as_str`].
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ChangeKind {
    /// Unicode normalization (NFC, NFD, NFKC or NFKD) rewrote a segment.
    Normalization,
    /// A C0 or C1 control character was removed or turned into a space.
    Control,
    /// A byte order mark (U+FEFF) at the start of the text was removed.
    Bom,
    /// A soft hyphen (U+00AD) was removed.
    SoftHyphen,
    /// An invisible character that carried no meaning was removed.
    ZeroWidth,
    /// A bidi embedding, override or isolate control was removed.
    BidiControl,
    /// An exotic space became U+0020 SPACE.
    Space,
    /// U+2028 LINE SEPARATOR or U+2029 PARAGRAPH SEPARATOR was replaced.
    LineSeparator,
    /// An HTML character reference was decoded.
    HtmlEntity,
    /// A fullwidth ASCII variant (U+FF01..U+FF5E) became ASCII.
    Fullwidth,
    /// A typographic quotation mark became an ASCII one.
    Quote,
    /// Letters of another script that look the same became letters of the
    /// word's own script (a Cyrillic `о` in a Latin word).
    Homoglyph,
    /// Letters typed with the wrong keyboard layout active were re-typed
    /// (`Sergeн` → `Sergey`, `ghbdtn` → `привет`).
    KeyboardLayout,
    /// Text decoded with the wrong encoding was re-read with the right one
    /// (`cafÃ©` → `café`, `РЎРµСЂРіРµР№` → `Сергей`); the evidence names the
    /// encodings.
    Mojibake,
    /// An escape left by bad JSON or HTML handling was decoded (`\u0441` →
    /// `с`, `&amp;lt;` → `<`).
    Escape,
}

impl ChangeKind {
    /// Every kind, in declaration order.
    pub const ALL: [ChangeKind; 15] = [
        ChangeKind::Normalization,
        ChangeKind::Control,
        ChangeKind::Bom,
        ChangeKind::SoftHyphen,
        ChangeKind::ZeroWidth,
        ChangeKind::BidiControl,
        ChangeKind::Space,
        ChangeKind::LineSeparator,
        ChangeKind::HtmlEntity,
        ChangeKind::Fullwidth,
        ChangeKind::Quote,
        ChangeKind::Homoglyph,
        ChangeKind::KeyboardLayout,
        ChangeKind::Mojibake,
        ChangeKind::Escape,
    ];

    /// The `snake_case` name, e.g. `"zero_width"`.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Normalization => "normalization",
            ChangeKind::Control => "control",
            ChangeKind::Bom => "bom",
            ChangeKind::SoftHyphen => "soft_hyphen",
            ChangeKind::ZeroWidth => "zero_width",
            ChangeKind::BidiControl => "bidi_control",
            ChangeKind::Space => "space",
            ChangeKind::LineSeparator => "line_separator",
            ChangeKind::HtmlEntity => "html_entity",
            ChangeKind::Fullwidth => "fullwidth",
            ChangeKind::Quote => "quote",
            ChangeKind::Homoglyph => "homoglyph",
            ChangeKind::KeyboardLayout => "keyboard_layout",
            ChangeKind::Mojibake => "mojibake",
            ChangeKind::Escape => "escape",
        }
    }
}

impl fmt::Display for ChangeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl<'a> Repaired<'a> {
    /// The input, unchanged and borrowed, with no changes.
    pub fn unchanged(text: &'a str) -> Self {
        Repaired {
            text: Cow::Borrowed(text),
            changes: Vec::new(),
        }
    }

    /// Whether any change was made.
    pub fn is_changed(&self) -> bool {
        !self.changes.is_empty()
    }

    /// Detaches the result from the input's lifetime (allocates only if the
    /// text is still borrowed).
    pub fn into_owned(self) -> Repaired<'static> {
        Repaired {
            text: Cow::Owned(self.text.into_owned()),
            changes: self.changes,
        }
    }

    /// The lowest confidence among the changes; 1.0 if there are none.
    pub fn confidence(&self) -> f32 {
        self.changes
            .iter()
            .map(|c| c.confidence)
            .fold(1.0, f32::min)
    }

    /// The spans of the text that the changes wrote, as byte offsets of
    /// [`Repaired::text`], in order: what a later stage reads there is what
    /// an earlier one made, not what was typed.
    pub(crate) fn written_spans(&self) -> Vec<(usize, usize)> {
        if self.changes.is_empty() {
            return Vec::new();
        }
        SpanMap::new(&self.changes)
            .edits
            .iter()
            .map(|e| (e.out_start, e.out_end))
            .collect()
    }

    /// Runs a further stage on this output and composes the two.
    ///
    /// `stage` sees this result's text and reports its changes in that text's
    /// coordinates; they are mapped back to byte offsets of the **original**
    /// input. A span that touches text an earlier stage changed grows to
    /// cover that earlier change. The result still borrows the input if
    /// neither stage changed anything.
    ///
    /// ```
    /// use polynorm_repair::{clean, Repaired};
    ///
    /// // A stage that swaps one word; it sees the cleaned text.
    /// fn shout(text: &str) -> Repaired<'_> {
    ///     match text.find("hi") {
    ///         Some(at) => Repaired {
    ///             text: text.replacen("hi", "HI", 1).into(),
    ///             changes: vec![polynorm_repair::Change {
    ///                 kind: polynorm_repair::ChangeKind::Quote, // any kind, for the example
    ///                 start: at,
    ///                 end: at + 2,
    ///                 before: "hi".into(),
    ///                 after: "HI".into(),
    ///                 confidence: 0.5,
    ///                 evidence: "example".into(),
    ///             }],
    ///         },
    ///         None => Repaired::unchanged(text),
    ///     }
    /// }
    ///
    /// let input = "\u{200B}\u{200B}hi";
    /// let r = clean(input).and_then(shout);
    /// assert_eq!(r.text, "HI");
    /// // "hi" sits at bytes 6..8 of the input, after two removed U+200B.
    /// assert_eq!((r.changes[2].start, r.changes[2].end), (6, 8));
    /// assert_eq!(r.confidence(), 0.5);
    /// ```
    #[must_use]
    pub fn and_then(self, stage: impl FnOnce(&str) -> Repaired<'_>) -> Repaired<'a> {
        let (new_text, new_changes) = {
            let next = stage(&self.text);
            let text = match next.text {
                Cow::Owned(s) if s != *self.text => Some(s),
                _ => None,
            };
            (text, next.changes)
        };
        if new_changes.is_empty() && new_text.is_none() {
            return self;
        }
        let Repaired { text, mut changes } = self;
        let text = match new_text {
            Some(s) => Cow::Owned(s),
            None => text,
        };
        if !new_changes.is_empty() {
            let map = SpanMap::new(&changes);
            changes.extend(new_changes.into_iter().map(|mut c| {
                let (start, end) = map.map(c.start, c.end);
                c.start = start;
                c.end = end;
                c
            }));
            sort_changes(&mut changes);
        }
        Repaired { text, changes }
    }
}

/// Sorts by start, wider first at an equal start; stable, so changes of one
/// span stay in the order they were made (earlier stages first).
pub(crate) fn sort_changes(changes: &mut [Change]) {
    changes.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
}

/// One edit of the original that is still visible in the current text.
#[derive(Clone, Copy, Debug)]
struct Edit {
    /// Span in the original input.
    orig_start: usize,
    orig_end: usize,
    /// Span of its replacement in the current text.
    out_start: usize,
    out_end: usize,
}

/// Maps spans of the current text back to the original input.
struct SpanMap {
    edits: Vec<Edit>,
}

impl SpanMap {
    /// Builds the map from changes sorted as `sort_changes` leaves them.
    ///
    /// The widest changes are the visible edits; every other change lies
    /// inside one of them (a later stage's span grows to cover what it
    /// touches). Each change replaced its `before` by its `after` in the text
    /// its stage saw, so an edit's current length is its original length
    /// plus the growth of every change inside it.
    fn new(changes: &[Change]) -> Self {
        let mut edits: Vec<Edit> = Vec::new();
        let mut shift: isize = 0; // current - original, after the last edit
        for c in changes {
            let growth = growth(c);
            match edits.last_mut() {
                Some(last) if c.start < last.orig_end => {
                    last.out_end = offset(last.out_end, growth);
                }
                _ => {
                    let out_start = offset(c.start, shift);
                    edits.push(Edit {
                        orig_start: c.start,
                        orig_end: c.end,
                        out_start,
                        out_end: offset(out_start + (c.end - c.start), growth),
                    });
                }
            }
            shift = shift.saturating_add(growth);
        }
        SpanMap { edits }
    }

    /// Maps a span `[start, end)` of the current text to the original.
    fn map(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.map_start(start);
        let e = self.map_end(end).max(s);
        (s, e)
    }

    /// A start position: inside (or at the start of) a replacement it maps to
    /// the replaced span's start; right after a removal it maps past it.
    fn map_start(&self, pos: usize) -> usize {
        let idx = self.edits.partition_point(|e| e.out_start <= pos);
        match idx.checked_sub(1).and_then(|i| self.edits.get(i)) {
            None => pos,
            Some(e) if pos < e.out_end => e.orig_start,
            Some(e) => e.orig_end + (pos - e.out_end),
        }
    }

    /// An end position: inside a replacement it maps to the replaced span's
    /// end; at a removal it maps before it.
    fn map_end(&self, pos: usize) -> usize {
        let idx = self.edits.partition_point(|e| e.out_start < pos);
        match idx.checked_sub(1).and_then(|i| self.edits.get(i)) {
            None => pos,
            Some(e) => e.orig_end + pos.saturating_sub(e.out_end),
        }
    }
}

/// How many bytes longer the text got by `c`.
fn growth(c: &Change) -> isize {
    // A string is never longer than `isize::MAX` bytes.
    let len = |s: &str| isize::try_from(s.len()).unwrap_or(isize::MAX);
    len(&c.after) - len(&c.before)
}

/// `pos + shift`, saturating at zero (a consistent change list never needs it).
fn offset(pos: usize, shift: isize) -> usize {
    pos.checked_add_signed(shift).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(start: usize, end: usize, before: &str, after: &str) -> Change {
        Change {
            kind: ChangeKind::ZeroWidth,
            start,
            end,
            before: before.into(),
            after: after.into(),
            confidence: 1.0,
            evidence: Cow::Borrowed("test"),
        }
    }

    /// A stage that replaces the first `from` with `to`, reporting it.
    fn replace_stage<'s>(from: &'s str, to: &'s str) -> impl FnOnce(&str) -> Repaired<'_> + 's {
        move |text: &str| match text.find(from) {
            Some(at) => Repaired {
                text: Cow::Owned(text.replacen(from, to, 1)),
                changes: vec![change(at, at + from.len(), from, to)],
            },
            None => Repaired::unchanged(text),
        }
    }

    #[test]
    fn unchanged_is_borrowed_and_unchanged() {
        let r = Repaired::unchanged("abc");
        assert!(matches!(r.text, Cow::Borrowed("abc")));
        assert!(!r.is_changed());
        assert!((r.confidence() - 1.0).abs() < f32::EPSILON);
    }

    #[test]
    fn into_owned_keeps_text_and_changes() {
        let r = Repaired::unchanged("abc").and_then(replace_stage("b", "x"));
        let owned: Repaired<'static> = r.clone().into_owned();
        assert_eq!(owned, r);
    }

    #[test]
    fn and_then_with_no_change_stays_borrowed() {
        let r = Repaired::unchanged("abc").and_then(|t| Repaired::unchanged(t));
        assert!(matches!(r.text, Cow::Borrowed("abc")));
        assert!(r.changes.is_empty());
    }

    #[test]
    fn and_then_maps_past_a_removal() {
        // "ab_cd": first stage removes "_" (bytes 2..3), second changes "cd".
        let r = Repaired::unchanged("ab_cd")
            .and_then(replace_stage("_", ""))
            .and_then(replace_stage("cd", "CD"));
        assert_eq!(r.text, "abCD");
        assert_eq!(r.changes.len(), 2);
        assert_eq!((r.changes[0].start, r.changes[0].end), (2, 3));
        assert_eq!((r.changes[1].start, r.changes[1].end), (3, 5));
        assert_eq!(r.changes[1].before, "cd");
    }

    #[test]
    fn and_then_maps_past_a_growing_replacement() {
        // "x" -> "yyy" grows the text by two bytes before "cd".
        let r = Repaired::unchanged("xcd")
            .and_then(replace_stage("x", "yyy"))
            .and_then(replace_stage("cd", "C"));
        assert_eq!(r.text, "yyyC");
        assert_eq!((r.changes[1].start, r.changes[1].end), (1, 3));
    }

    #[test]
    fn and_then_widens_a_span_over_an_earlier_change() {
        // Stage 1 removes "_" between a and b; stage 2 rewrites "ab".
        let r = Repaired::unchanged("a_b")
            .and_then(replace_stage("_", ""))
            .and_then(replace_stage("ab", "Z"));
        assert_eq!(r.text, "Z");
        // The wider, later change comes first and covers the removal.
        assert_eq!((r.changes[0].start, r.changes[0].end), (0, 3));
        assert_eq!(r.changes[0].before, "ab");
        assert_eq!((r.changes[1].start, r.changes[1].end), (1, 2));
    }

    #[test]
    fn and_then_start_after_removal_excludes_it() {
        // "_ab": removal at 0..1, then "ab" at output 0..2 maps to 1..3.
        let r = Repaired::unchanged("_ab")
            .and_then(replace_stage("_", ""))
            .and_then(replace_stage("ab", "AB"));
        assert_eq!((r.changes[1].start, r.changes[1].end), (1, 3));
        // And an end right before a removal stops before it.
        let r = Repaired::unchanged("ab_")
            .and_then(replace_stage("_", ""))
            .and_then(replace_stage("ab", "AB"));
        assert_eq!((r.changes[0].start, r.changes[0].end), (0, 2));
    }

    #[test]
    fn and_then_inside_a_replacement_covers_all_of_it() {
        let r = Repaired::unchanged("-q-")
            .and_then(replace_stage("q", "xyz"))
            .and_then(replace_stage("y", "Y"));
        assert_eq!(r.text, "-xYz-");
        // "y" is inside "xyz", which replaced input 1..2: both span 1..2,
        // in the order they were made.
        assert_eq!((r.changes[0].start, r.changes[0].end), (1, 2));
        assert_eq!((r.changes[1].start, r.changes[1].end), (1, 2));
        assert_eq!(r.changes[0].before, "q");
        assert_eq!(r.changes[1].before, "y");
        // A third stage maps through the current text of that span, "xYz".
        let r = r.and_then(replace_stage("z-", "Z"));
        assert_eq!(r.text, "-xYZ");
        assert_eq!((r.changes[0].start, r.changes[0].end), (1, 3));
        assert_eq!(r.changes[0].before, "z-");
    }

    #[test]
    fn and_then_three_stages_maps_through_both() {
        let r = Repaired::unchanged("_a_b_c")
            .and_then(replace_stage("_", ""))
            .and_then(replace_stage("_", ""))
            .and_then(replace_stage("c", "C"));
        assert_eq!(r.text, "ab_C");
        let spans: Vec<_> = r.changes.iter().map(|c| (c.start, c.end)).collect();
        assert_eq!(spans, vec![(0, 1), (2, 3), (5, 6)]);
    }

    #[test]
    fn confidence_is_the_minimum() {
        let mut r = Repaired::unchanged("ab").and_then(replace_stage("a", "A"));
        r.changes[0].confidence = 0.25;
        assert!((r.confidence() - 0.25).abs() < f32::EPSILON);
    }

    #[test]
    fn kind_names_are_snake_case() {
        for kind in ChangeKind::ALL {
            let name = kind.as_str();
            assert!(name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
            assert_eq!(kind.to_string(), name);
        }
        assert_eq!(ChangeKind::ZeroWidth.as_str(), "zero_width");
    }
}

#[cfg(all(test, feature = "serde"))]
mod serde_tests {
    use super::*;

    #[test]
    fn change_serializes_with_snake_case_kind() {
        let change = Change {
            kind: ChangeKind::ZeroWidth,
            start: 5,
            end: 8,
            before: "\u{200B}".into(),
            after: String::new(),
            confidence: 1.0,
            evidence: Cow::Borrowed("U+200B ZERO WIDTH SPACE"),
        };
        let json = serde_json::to_string(&change).unwrap();
        assert_eq!(
            json,
            "{\"kind\":\"zero_width\",\"start\":5,\"end\":8,\"before\":\"\u{200B}\",\"after\":\"\",\"confidence\":1.0,\"evidence\":\"U+200B ZERO WIDTH SPACE\"}"
        );
        let back: Change = serde_json::from_str(&json).unwrap();
        assert_eq!(back, change);
    }

    #[test]
    fn enums_serialize_as_snake_case_strings() {
        assert_eq!(
            serde_json::to_string(&ChangeKind::BidiControl).unwrap(),
            "\"bidi_control\""
        );
        for kind in ChangeKind::ALL {
            assert_eq!(
                serde_json::to_string(&kind).unwrap(),
                format!("\"{}\"", kind.as_str())
            );
        }
        let form = crate::NormalizationForm::Nfkc;
        assert_eq!(serde_json::to_string(&form).unwrap(), "\"nfkc\"");
        let mode = crate::LineSeparatorMode::Newline;
        assert_eq!(serde_json::to_string(&mode).unwrap(), "\"newline\"");
    }

    #[test]
    fn options_deserialize_with_defaults() {
        let o: crate::HygieneOptions =
            serde_json::from_str("{\"quotes\":true,\"normalization\":\"nfd\"}").unwrap();
        assert!(o.quotes && o.controls);
        assert_eq!(o.normalization, Some(crate::NormalizationForm::Nfd));
    }

    #[test]
    fn repaired_serializes() {
        let r = crate::clean("a\u{200B}");
        let v: serde_json::Value = serde_json::to_value(&r).unwrap();
        assert_eq!(v["text"], "a");
        assert_eq!(v["changes"][0]["kind"], "zero_width");
    }
}
