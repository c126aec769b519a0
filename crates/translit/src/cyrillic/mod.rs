//! Cyrillic → Latin schemes (Russian, Ukrainian, Belarusian, Bulgarian,
//! Serbian, Macedonian, Kazakh), with exact Latin → Cyrillic for the
//! reversible ones and best-effort name readings for `ru-press` and
//! `uk-national`.
//!
//! The letter tables and context rules are data
//! (`data/curated/translit/cyrillic*.tsv`, generated into
//! `src/tables/cyrillic.rs`); this module only wires them to the
//! [`engine`], composes NFD input first, and describes each scheme.
//! Every Cyrillic letter has an output in every scheme: letters a standard
//! does not list use the scheme's spelling of their base letter (`ӑ` → as
//! `а`) or a fallback from their Unicode name (`ҕ` → `g`).

mod compose;
pub(crate) mod engine;

use std::borrow::Cow;

use unicode_normalization::{is_nfd_quick, IsNormalized, UnicodeNormalization as _};

use crate::scheme::SchemeDef;
use crate::tables::cyrillic as t;
use crate::{Mode, Options};
use engine::Table;

/// Cyrillic → Latin with `table`, composing NFD letters first.
fn forward<'a>(table: &Table, text: &'a str) -> Cow<'a, str> {
    match compose::compose_letters(table, text) {
        Cow::Borrowed(s) => engine::apply(table, s, false),
        Cow::Owned(s) => Cow::Owned(engine::apply(table, &s, false).into_owned()),
    }
}

/// Latin → Cyrillic with `table`. The tables' keys are NFD, so the input is
/// matched in NFD and the result returned in NFC (borrowed when unchanged).
fn reverse<'a>(table: &Table, text: &'a str, options: &Options) -> Cow<'a, str> {
    let name = options.mode == Mode::Name;
    if is_nfd_quick(text.chars()) == IsNormalized::Yes {
        return engine::apply(table, text, name);
    }
    let nfd: String = text.nfd().collect();
    let done = engine::apply(table, &nfd, name);
    let nfc: String = done.nfc().collect();
    if nfc == text {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(nfc)
    }
}

macro_rules! forward_fn {
    ($name:ident, $table:expr) => {
        fn $name<'a>(text: &'a str, _: &Options) -> Cow<'a, str> {
            forward(&$table, text)
        }
    };
}

macro_rules! reverse_fn {
    ($name:ident, $table:expr) => {
        fn $name<'a>(text: &'a str, options: &Options) -> Cow<'a, str> {
            reverse(&$table, text, options)
        }
    };
}

forward_fn!(ru_icao, t::RU_ICAO);
forward_fn!(ru_bgn_pcgn, t::RU_BGN_PCGN);
forward_fn!(ru_gost_7_79_b, t::RU_GOST_7_79_B);
forward_fn!(ru_iso9, t::RU_ISO9);
forward_fn!(ru_gost_16876, t::RU_GOST_16876);
forward_fn!(ru_ala_lc, t::RU_ALA_LC);
forward_fn!(ru_ungegn, t::RU_UNGEGN);
forward_fn!(ru_scholarly, t::RU_SCHOLARLY);
forward_fn!(ru_press, t::RU_PRESS);
forward_fn!(uk_national, t::UK_NATIONAL);
forward_fn!(be_national, t::BE_NATIONAL);
forward_fn!(bg_official, t::BG_OFFICIAL);
forward_fn!(sr_latin, t::SR_LATIN);
forward_fn!(mk_official, t::MK_OFFICIAL);
forward_fn!(kk_latin_2021, t::KK_LATIN_2021);

reverse_fn!(ru_iso9_reverse, t::RU_ISO9_REVERSE);
reverse_fn!(ru_scholarly_reverse, t::RU_SCHOLARLY_REVERSE);
reverse_fn!(sr_latin_reverse, t::SR_LATIN_REVERSE);
reverse_fn!(ru_name_reverse, t::RU_NAME);
reverse_fn!(uk_name_reverse, t::UK_NAME);

const CYRL: &[&str] = &["Cyrl"];

/// Shorthand: a Cyrillic → Latin scheme.
#[allow(clippy::too_many_arguments, reason = "one row of the scheme list")]
const fn def(
    name: &'static str,
    language: &'static str,
    title: &'static str,
    standard: &'static str,
    forward: crate::scheme::Apply,
    reverse: Option<crate::scheme::Apply>,
    reversible: bool,
) -> SchemeDef {
    SchemeDef {
        name,
        language,
        title,
        standard,
        from: CYRL,
        to: "Latn",
        forward,
        reverse,
        reversible,
    }
}

/// The Cyrillic schemes, in the order [`crate::Scheme::all`] lists them.
pub(crate) static SCHEMES: &[SchemeDef] = &[
    def(
        "ru-icao",
        "ru",
        "Russian, ICAO Doc 9303 (passports)",
        "ICAO Doc 9303 Part 3, 8th ed. (2021), Section 6 (as in Russian passports since 2013)",
        ru_icao,
        None,
        false,
    ),
    def(
        "ru-bgn-pcgn",
        "ru",
        "Russian, BGN/PCGN 1947",
        "BGN/PCGN Romanization System for Russian (1947), with its notes on ye/yë, y·, ·y, ·e, t·s, sh·ch",
        ru_bgn_pcgn,
        None,
        false,
    ),
    def(
        "ru-gost-7.79-b",
        "ru",
        "Russian, GOST 7.79-2000 System B",
        "GOST 7.79-2000 (ISO 9:1995 adapted), System B (ASCII)",
        ru_gost_7_79_b,
        None,
        false,
    ),
    def(
        "ru-iso9",
        "ru",
        "Russian (and other Slavic Cyrillic), ISO 9:1995",
        "ISO 9:1995 = GOST 7.79-2000 System A: one Latin letter per Cyrillic letter",
        ru_iso9,
        Some(ru_iso9_reverse),
        true,
    ),
    def(
        "ru-gost-16876",
        "ru",
        "Russian, GOST 16876-71 Table 1",
        "GOST 16876-71 (rev. 1980), Table 1 (with diacritics)",
        ru_gost_16876,
        None,
        false,
    ),
    def(
        "ru-ala-lc",
        "ru",
        "Russian, ALA-LC",
        "ALA-LC Romanization Tables: Russian (Library of Congress, 2012), tie-bar ligatures included",
        ru_ala_lc,
        None,
        false,
    ),
    def(
        "ru-ungegn",
        "ru",
        "Russian, UNGEGN 1987",
        "UN resolution V/18 (1987), UNGEGN system for Russian (GOST 16876-71 based)",
        ru_ungegn,
        None,
        false,
    ),
    def(
        "ru-scholarly",
        "ru",
        "Russian, scholarly (scientific) transliteration",
        "Scientific transliteration of Russian (linguistics usage); шч, йа, йу with a middle dot to stay reversible",
        ru_scholarly,
        Some(ru_scholarly_reverse),
        true,
    ),
    def(
        "ru-press",
        "ru",
        "Russian, English press / Wikipedia convention",
        "English-language press and Wikipedia (WP:RUS) convention: ye, -y endings, й → i before consonants",
        ru_press,
        Some(ru_name_reverse),
        false,
    ),
    def(
        "uk-national",
        "uk",
        "Ukrainian, national system (2010)",
        "Resolution No. 55 of the Cabinet of Ministers of Ukraine, 27 January 2010",
        uk_national,
        Some(uk_name_reverse),
        false,
    ),
    def(
        "be-national",
        "be",
        "Belarusian, national system (2007)",
        "Instruction on transliteration of geographical names of Belarus (2000, as amended 11 June 2007; UNGEGN 2013)",
        be_national,
        None,
        false,
    ),
    def(
        "bg-official",
        "bg",
        "Bulgarian, official (Transliteration Act 2009)",
        "Bulgarian Transliteration Act (State Gazette No. 19, 13 March 2009)",
        bg_official,
        None,
        false,
    ),
    def(
        "sr-latin",
        "sr",
        "Serbian, official Latin alphabet (Gajica)",
        "Serbian Cyrillic ↔ Latin alphabet correspondence (Pravopis srpskoga jezika, Matica srpska 2010)",
        sr_latin,
        Some(sr_latin_reverse),
        true,
    ),
    def(
        "mk-official",
        "mk",
        "Macedonian, official digraph romanization",
        "Official digraph romanization of North Macedonia (passports, identity documents, road signs)",
        mk_official,
        None,
        false,
    ),
    def(
        "kk-latin-2021",
        "kk",
        "Kazakh, Latin alphabet (2021 version)",
        "Kazakh Latin alphabet, version presented by the Government of Kazakhstan on 28 January 2021",
        kk_latin_2021,
        None,
        false,
    ),
];
