//! Which transliteration schemes turn a name into Latin, per script and
//! language, and the calls into `polynorm-translit`.

use std::borrow::Cow;

use polynorm_script::Script;
use polynorm_translit::{Mode, Options, Scheme};

use crate::Error;

/// The source script (and, for Cyrillic, language) of a name part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Source {
    /// Latin script: used as written.
    Latin,
    /// Russian (or Cyrillic without a sign of another language).
    Russian,
    /// Ukrainian Cyrillic (`і`, `ї`, `є`, `ґ`).
    Ukrainian,
    /// Belarusian Cyrillic (`ў`).
    Belarusian,
    /// Bulgarian Cyrillic.
    Bulgarian,
    /// Serbian Cyrillic (`ђ`, `ћ`, `љ`, `њ`, `џ`, `ј`).
    Serbian,
    /// Macedonian Cyrillic (`ѓ`, `ќ`, `ѕ`).
    Macedonian,
    /// Kazakh Cyrillic (`ә`, `ғ`, `қ`, `ң`, `ө`, `ұ`, `ү`, `һ`).
    Kazakh,
    /// Greek.
    Greek,
    /// Han characters (read as Mandarin).
    Han,
    /// Hiragana or katakana.
    Kana,
    /// Hangul.
    Hangul,
    /// Any other script (romanized by `any-ascii`).
    Other,
}

impl Source {
    /// The source of a text by its letters.
    pub(crate) fn of(text: &str) -> Source {
        let mut cyrillic = false;
        let mut lang = Source::Russian;
        let mut other = None;
        let mut han = false;
        let mut kana = false;
        let mut hangul = false;
        let mut greek = false;
        for c in text.chars() {
            if c.is_ascii() {
                continue;
            }
            match polynorm_script::script(c) {
                Script::Cyrillic => {
                    cyrillic = true;
                    let l = c.to_lowercase().next().unwrap_or(c);
                    let hint = match l {
                        'і' | 'ї' | 'є' | 'ґ' => Some(Source::Ukrainian),
                        'ў' => Some(Source::Belarusian),
                        'ђ' | 'ћ' | 'љ' | 'њ' | 'џ' | 'ј' => Some(Source::Serbian),
                        'ѓ' | 'ќ' | 'ѕ' => Some(Source::Macedonian),
                        'ә' | 'ғ' | 'қ' | 'ң' | 'ө' | 'ұ' | 'ү' | 'һ' => {
                            Some(Source::Kazakh)
                        }
                        _ => None,
                    };
                    if let Some(h) = hint {
                        // Belarusian also has і; ў decides. Macedonian shares љ, њ, џ, ј with Serbian.
                        lang = match (lang, h) {
                            (Source::Belarusian, Source::Ukrainian) => Source::Belarusian,
                            (Source::Macedonian, Source::Serbian) => Source::Macedonian,
                            (Source::Kazakh, Source::Ukrainian) => Source::Kazakh,
                            _ => h,
                        };
                    }
                }
                Script::Greek => greek = true,
                Script::Han => han = true,
                Script::Hiragana | Script::Katakana | Script::KatakanaOrHiragana => kana = true,
                Script::Hangul => hangul = true,
                Script::Latin | Script::Common | Script::Inherited => {}
                _ => other = Some(Source::Other),
            }
        }
        if hangul {
            Source::Hangul
        } else if kana {
            Source::Kana
        } else if han {
            Source::Han
        } else if cyrillic {
            lang
        } else if greek {
            Source::Greek
        } else {
            other.unwrap_or(Source::Latin)
        }
    }

    /// Whether the source writes names surname first.
    pub(crate) fn surname_first(self) -> bool {
        matches!(self, Source::Han | Source::Hangul | Source::Kana)
    }

    /// Whether the source is a Cyrillic language.
    pub(crate) fn is_cyrillic(self) -> bool {
        matches!(
            self,
            Source::Russian
                | Source::Ukrainian
                | Source::Belarusian
                | Source::Bulgarian
                | Source::Serbian
                | Source::Macedonian
                | Source::Kazakh
        )
    }

    /// The default schemes, the first used for display; later ones only add keys.
    fn default_schemes(self) -> &'static [&'static str] {
        match self {
            Source::Latin => &[],
            Source::Russian => &["ru-press", "ru-icao", "ru-bgn-pcgn", "ru-scholarly"],
            Source::Ukrainian => &["uk-national", "ru-press"],
            Source::Belarusian => &["be-national", "ru-press"],
            Source::Bulgarian => &["bg-official", "ru-press"],
            Source::Serbian => &["sr-latin"],
            Source::Macedonian => &["mk-official"],
            Source::Kazakh => &["kk-latin-2021", "ru-press"],
            Source::Greek => &["el-elot743", "el-iso843"],
            Source::Han => &["zh-pinyin"],
            Source::Kana => &["ja-hepburn"],
            Source::Hangul => &["ko-rr"],
            Source::Other => &["any-ascii"],
        }
    }

    const ALL: [Source; 13] = [
        Source::Latin,
        Source::Russian,
        Source::Ukrainian,
        Source::Belarusian,
        Source::Bulgarian,
        Source::Serbian,
        Source::Macedonian,
        Source::Kazakh,
        Source::Greek,
        Source::Han,
        Source::Kana,
        Source::Hangul,
        Source::Other,
    ];

    fn index(self) -> usize {
        Source::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }
}

/// The transliteration schemes used to romanize names, per source.
///
/// The default uses the schemes listed in the crate documentation that exist
/// in the linked `polynorm-translit` and skips the others (a source with none
/// left falls back to `any-ascii`). Schemes named with
/// [`Romanization::set`] must exist.
#[derive(Debug, Clone)]
pub struct Romanization {
    schemes: Vec<Vec<Scheme>>,
    fallback: Option<Scheme>,
}

impl Default for Romanization {
    fn default() -> Self {
        let fallback = Scheme::from_name("any-ascii").ok();
        let schemes = Source::ALL
            .iter()
            .map(|s| {
                s.default_schemes()
                    .iter()
                    .filter_map(|n| Scheme::from_name(n).ok())
                    .collect()
            })
            .collect();
        Romanization { schemes, fallback }
    }
}

impl Romanization {
    /// Sets the schemes for one source, the first used for display.
    ///
    /// # Errors
    ///
    /// [`Error`] when a scheme does not exist or does not read the source's script.
    pub fn set(&mut self, source: Source, names: &[&str]) -> Result<&mut Self, Error> {
        let mut list = Vec::new();
        for name in names {
            let scheme = Scheme::from_name(name).map_err(Error::scheme)?;
            list.push(scheme);
        }
        if let Some(slot) = self.schemes.get_mut(source.index()) {
            *slot = list;
        }
        Ok(self)
    }

    /// The schemes of a source (display scheme first).
    pub fn schemes(&self, source: Source) -> &[Scheme] {
        self.schemes.get(source.index()).map_or(&[], Vec::as_slice)
    }

    /// Romanizes `text` of `source` with its display scheme (name mode); Latin
    /// text is returned as it is.
    pub(crate) fn display<'a>(&self, text: &'a str, source: Source) -> Cow<'a, str> {
        if source == Source::Latin {
            return Cow::Borrowed(text);
        }
        let options = Options::new().mode(Mode::Name);
        match self.schemes(source).first().or(self.fallback.as_ref()) {
            Some(s) => s.transliterate_with(text, &options),
            None => Cow::Borrowed(text),
        }
    }

    /// Every romanization of `text` by the source's schemes (display first,
    /// duplicates removed).
    pub(crate) fn all(&self, text: &str, source: Source) -> Vec<String> {
        if source == Source::Latin {
            return vec![text.to_owned()];
        }
        let options = Options::new().mode(Mode::Name);
        let mut out: Vec<String> = Vec::new();
        let list = self.schemes(source);
        let iter = list.iter().chain(if list.is_empty() {
            self.fallback.as_ref()
        } else {
            None
        });
        for s in iter {
            let r = s.transliterate_with(text, &options).into_owned();
            if !out.contains(&r) {
                out.push(r);
            }
        }
        if out.is_empty() {
            out.push(text.to_owned());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources() {
        assert_eq!(Source::of("Sergey"), Source::Latin);
        assert_eq!(Source::of("Сергей"), Source::Russian);
        assert_eq!(Source::of("Віталій Кличко"), Source::Ukrainian);
        assert_eq!(Source::of("Зеленський"), Source::Russian);
        assert_eq!(
            Source::of("Лукашэнка Аляксандр Рыгоравіч Ў"),
            Source::Belarusian
        );
        assert_eq!(Source::of("Ђоковић"), Source::Serbian);
        assert_eq!(Source::of("习近平"), Source::Han);
        assert_eq!(Source::of("김정은"), Source::Hangul);
        assert_eq!(Source::of("Τσίπρας"), Source::Greek);
    }

    #[test]
    fn unknown_scheme_is_a_configuration_error() {
        let mut r = Romanization::default();
        assert!(r.set(Source::Russian, &["ru-klingon"]).is_err());
    }

    #[test]
    fn romanizes_with_every_scheme() {
        let r = Romanization::default();
        let all = r.all("Сергей", Source::Russian);
        assert!(!all.is_empty());
        assert!(all
            .iter()
            .all(|s| s.is_ascii() || s.chars().all(|c| !('а'..='я').contains(&c))));
        assert_eq!(r.display("Li", Source::Latin), "Li");
    }
}
