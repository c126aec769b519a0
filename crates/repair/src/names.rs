//! Names of the characters that the rules mention in their evidence.

use std::fmt::Write as _;

/// C0 control names (Unicode name aliases), U+0000..U+001F.
static C0: [&str; 32] = [
    "NULL",
    "START OF HEADING",
    "START OF TEXT",
    "END OF TEXT",
    "END OF TRANSMISSION",
    "ENQUIRY",
    "ACKNOWLEDGE",
    "ALERT",
    "BACKSPACE",
    "CHARACTER TABULATION",
    "LINE FEED",
    "LINE TABULATION",
    "FORM FEED",
    "CARRIAGE RETURN",
    "SHIFT OUT",
    "SHIFT IN",
    "DATA LINK ESCAPE",
    "DEVICE CONTROL ONE",
    "DEVICE CONTROL TWO",
    "DEVICE CONTROL THREE",
    "DEVICE CONTROL FOUR",
    "NEGATIVE ACKNOWLEDGE",
    "SYNCHRONOUS IDLE",
    "END OF TRANSMISSION BLOCK",
    "CANCEL",
    "END OF MEDIUM",
    "SUBSTITUTE",
    "ESCAPE",
    "INFORMATION SEPARATOR FOUR",
    "INFORMATION SEPARATOR THREE",
    "INFORMATION SEPARATOR TWO",
    "INFORMATION SEPARATOR ONE",
];

/// C1 control names (Unicode name aliases), U+0080..U+009F.
static C1: [&str; 32] = [
    "PADDING CHARACTER",
    "HIGH OCTET PRESET",
    "BREAK PERMITTED HERE",
    "NO BREAK HERE",
    "INDEX",
    "NEXT LINE",
    "START OF SELECTED AREA",
    "END OF SELECTED AREA",
    "CHARACTER TABULATION SET",
    "CHARACTER TABULATION WITH JUSTIFICATION",
    "LINE TABULATION SET",
    "PARTIAL LINE FORWARD",
    "PARTIAL LINE BACKWARD",
    "REVERSE LINE FEED",
    "SINGLE SHIFT TWO",
    "SINGLE SHIFT THREE",
    "DEVICE CONTROL STRING",
    "PRIVATE USE ONE",
    "PRIVATE USE TWO",
    "SET TRANSMIT STATE",
    "CANCEL CHARACTER",
    "MESSAGE WAITING",
    "START OF GUARDED AREA",
    "END OF GUARDED AREA",
    "START OF STRING",
    "SINGLE GRAPHIC CHARACTER INTRODUCER",
    "SINGLE CHARACTER INTRODUCER",
    "CONTROL SEQUENCE INTRODUCER",
    "STRING TERMINATOR",
    "OPERATING SYSTEM COMMAND",
    "PRIVACY MESSAGE",
    "APPLICATION PROGRAM COMMAND",
];

/// The name (or name alias, for controls) of a character the rules act on.
pub(crate) fn name(c: char) -> Option<&'static str> {
    let cp = u32::from(c);
    let table = |t: &'static [&'static str; 32], base: u32| {
        t.get(usize::try_from(cp - base).ok()?).copied()
    };
    match cp {
        0x00..=0x1F => table(&C0, 0x00),
        0x7F => Some("DELETE"),
        0x80..=0x9F => table(&C1, 0x80),
        _ => Some(match c {
            '\u{A0}' => "NO-BREAK SPACE",
            '\u{AD}' => "SOFT HYPHEN",
            '\u{115F}' => "HANGUL CHOSEONG FILLER",
            '\u{1160}' => "HANGUL JUNGSEONG FILLER",
            '\u{1680}' => "OGHAM SPACE MARK",
            '\u{180E}' => "MONGOLIAN VOWEL SEPARATOR",
            '\u{2000}' => "EN QUAD",
            '\u{2001}' => "EM QUAD",
            '\u{2002}' => "EN SPACE",
            '\u{2003}' => "EM SPACE",
            '\u{2004}' => "THREE-PER-EM SPACE",
            '\u{2005}' => "FOUR-PER-EM SPACE",
            '\u{2006}' => "SIX-PER-EM SPACE",
            '\u{2007}' => "FIGURE SPACE",
            '\u{2008}' => "PUNCTUATION SPACE",
            '\u{2009}' => "THIN SPACE",
            '\u{200A}' => "HAIR SPACE",
            '\u{200B}' => "ZERO WIDTH SPACE",
            '\u{200C}' => "ZERO WIDTH NON-JOINER",
            '\u{200D}' => "ZERO WIDTH JOINER",
            '\u{2018}' => "LEFT SINGLE QUOTATION MARK",
            '\u{2019}' => "RIGHT SINGLE QUOTATION MARK",
            '\u{201A}' => "SINGLE LOW-9 QUOTATION MARK",
            '\u{201B}' => "SINGLE HIGH-REVERSED-9 QUOTATION MARK",
            '\u{201C}' => "LEFT DOUBLE QUOTATION MARK",
            '\u{201D}' => "RIGHT DOUBLE QUOTATION MARK",
            '\u{201E}' => "DOUBLE LOW-9 QUOTATION MARK",
            '\u{201F}' => "DOUBLE HIGH-REVERSED-9 QUOTATION MARK",
            '\u{2028}' => "LINE SEPARATOR",
            '\u{2029}' => "PARAGRAPH SEPARATOR",
            '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
            '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
            '\u{202C}' => "POP DIRECTIONAL FORMATTING",
            '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
            '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
            '\u{202F}' => "NARROW NO-BREAK SPACE",
            '\u{205F}' => "MEDIUM MATHEMATICAL SPACE",
            '\u{2060}' => "WORD JOINER",
            '\u{2061}' => "FUNCTION APPLICATION",
            '\u{2062}' => "INVISIBLE TIMES",
            '\u{2063}' => "INVISIBLE SEPARATOR",
            '\u{2064}' => "INVISIBLE PLUS",
            '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
            '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
            '\u{2068}' => "FIRST STRONG ISOLATE",
            '\u{2069}' => "POP DIRECTIONAL ISOLATE",
            '\u{3000}' => "IDEOGRAPHIC SPACE",
            '\u{3164}' => "HANGUL FILLER",
            '\u{FEFF}' => "ZERO WIDTH NO-BREAK SPACE",
            '\u{FFA0}' => "HALFWIDTH HANGUL FILLER",
            '\u{E0001}' => "LANGUAGE TAG",
            '\u{E007F}' => "CANCEL TAG",
            _ => return None,
        }),
    }
}

/// `U+XXXX NAME` (or just `U+XXXX` when the name is not in our list).
pub(crate) fn describe(c: char) -> String {
    let mut s = String::with_capacity(32);
    push_code_point(&mut s, c);
    if let Some(name) = name(c) {
        s.push(' ');
        s.push_str(name);
    }
    s
}

/// Appends `U+XXXX`.
pub(crate) fn push_code_point(s: &mut String, c: char) {
    // Writing to a String cannot fail.
    let _ = write!(s, "U+{:04X}", u32::from(c));
}

/// Appends the code points of `text` as `U+XXXX U+YYYY …`, at most `limit`
/// of them, then `…`.
pub(crate) fn push_code_points(s: &mut String, text: &str, limit: usize) {
    for (n, c) in text.chars().enumerate() {
        if n == limit {
            s.push_str(" …");
            break;
        }
        if n > 0 {
            s.push(' ');
        }
        push_code_point(s, c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_have_their_aliases() {
        assert_eq!(name('\0'), Some("NULL"));
        assert_eq!(name('\u{1B}'), Some("ESCAPE"));
        assert_eq!(name('\u{1F}'), Some("INFORMATION SEPARATOR ONE"));
        assert_eq!(name('\u{85}'), Some("NEXT LINE"));
        assert_eq!(name('\u{9F}'), Some("APPLICATION PROGRAM COMMAND"));
        assert_eq!(name('a'), None);
    }

    #[test]
    fn describe_formats_code_point_and_name() {
        assert_eq!(describe('\u{200B}'), "U+200B ZERO WIDTH SPACE");
        assert_eq!(describe('\u{E0041}'), "U+E0041");
        let mut s = String::new();
        push_code_points(&mut s, "e\u{301}x", 2);
        assert_eq!(s, "U+0065 U+0301 …");
    }
}
