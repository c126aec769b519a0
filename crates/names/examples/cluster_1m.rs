//! Clusters 1,000,000 generated name strings and reports the time (the
//! BENCHMARKS.md numbers; peak memory comes from `/usr/bin/time -v`).
//!
//! ```console
//! cargo build --release -p polynorm-names --example cluster_1m
//! /usr/bin/time -v target/release/examples/cluster_1m [N]
//! ```
//!
//! The names are generated deterministically (xorshift, fixed seed) from
//! 150,000 people: Russian, English, Chinese and Korean given names and
//! surnames built from the crate's lexicons and a few syllables, each person
//! written in several ways per record: transliteration spellings
//! (`y`/`i`/`j`, `v`/`w`, `sh`/`sch`, `kh`/`ch`), surname first in capitals,
//! `Surname, Given`, initials, a title, a dropped or swapped letter, a
//! Cyrillic homoglyph, a bare surname. People are drawn with a Zipf-like
//! skew, so a few are frequent and most are rare, as in news data.

#![allow(
    clippy::print_stdout,
    missing_docs,
    unreachable_pub,
    clippy::cast_precision_loss,
    clippy::match_same_arms
)]

use std::time::Instant;

use polynorm_names::Clusterer;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, v: &'a [&'a str]) -> &'a str {
        v[self.below(v.len())]
    }
}

const GIVEN_RU: &[&str] = &[
    "Sergey",
    "Vladimir",
    "Aleksandr",
    "Dmitry",
    "Mikhail",
    "Andrei",
    "Alexei",
    "Nikolai",
    "Ivan",
    "Yevgeny",
    "Pavel",
    "Igor",
    "Oleg",
    "Yuri",
    "Viktor",
    "Boris",
    "Anatoly",
    "Vasily",
    "Grigory",
    "Konstantin",
    "Leonid",
    "Maxim",
    "Roman",
    "Ruslan",
    "Timur",
    "Vitaly",
    "Valery",
    "Gennady",
    "Stanislav",
    "Vyacheslav",
    "Anna",
    "Maria",
    "Yelena",
    "Olga",
    "Natalya",
    "Tatyana",
    "Irina",
    "Svetlana",
    "Yekaterina",
    "Yulia",
    "Ludmila",
    "Darya",
    "Sofia",
];
const ROOTS: &[&str] = &[
    "Ivan",
    "Petr",
    "Sidor",
    "Kuzn",
    "Smirn",
    "Popov",
    "Sokol",
    "Lebed",
    "Kozl",
    "Novik",
    "Morozov",
    "Volk",
    "Solovy",
    "Vasil",
    "Zaits",
    "Pavl",
    "Semen",
    "Golub",
    "Vinogradov",
    "Bogdan",
    "Vorobyov",
    "Fedor",
    "Mikhail",
    "Belyaev",
    "Tarasov",
    "Belov",
    "Komar",
    "Orlov",
    "Kiselev",
    "Makarov",
    "Andreev",
    "Kovalev",
    "Ilyin",
    "Gusev",
    "Titov",
    "Kuzmin",
    "Kudryav",
    "Baran",
    "Kulik",
    "Alexeev",
    "Stepan",
    "Yakovl",
    "Sorokin",
    "Sergeev",
    "Romanov",
    "Zakharov",
    "Borisov",
    "Korolev",
    "Gerasim",
    "Ponomar",
    "Grigory",
    "Lazar",
    "Medved",
    "Yershov",
    "Nikitin",
    "Sobol",
    "Ryab",
    "Polyak",
    "Tsvetk",
    "Danil",
    "Zhukov",
    "Frolov",
    "Zhuravl",
    "Nikolaev",
    "Krylov",
    "Maximov",
    "Sidorenk",
    "Osip",
    "Belousov",
    "Fedotov",
    "Dorofe",
    "Yegorov",
    "Matveev",
    "Bobrov",
    "Dmitriev",
    "Kalinin",
    "Anisimov",
    "Petukh",
    "Antonov",
    "Timofeev",
    "Nikiforov",
    "Veselov",
    "Filippov",
    "Markov",
    "Bolshak",
    "Sukhanov",
    "Mironov",
    "Shiryaev",
    "Aleksandrov",
    "Konovalov",
    "Shestakov",
    "Kazakov",
    "Yefimov",
    "Denisov",
    "Gromov",
    "Fomin",
    "Davydov",
    "Melnik",
    "Shcherbak",
    "Blinov",
    "Kolesnik",
    "Karpov",
    "Afanasy",
    "Vlasov",
    "Maslov",
    "Isakov",
    "Tikhonov",
    "Aksenov",
    "Gavril",
    "Rodionov",
    "Kotov",
    "Gorbunov",
    "Kudryash",
    "Bykov",
    "Zuev",
    "Tretyak",
    "Savelyev",
    "Panov",
    "Rybak",
    "Suvorov",
    "Abramov",
    "Voronov",
    "Mukhin",
    "Arkhip",
    "Trofim",
    "Martynov",
    "Yemelyan",
    "Gorshkov",
    "Chernov",
    "Ovchinnik",
    "Seleznev",
    "Panfil",
    "Kopylov",
    "Mikheev",
    "Galkin",
    "Nazarov",
    "Lobanov",
    "Lukin",
    "Belyak",
    "Potapov",
    "Nekrasov",
    "Khokhlov",
    "Zhdanov",
    "Naumov",
    "Shilov",
    "Vorontsov",
    "Yermakov",
    "Drozdov",
    "Ignatyev",
    "Savin",
    "Loginov",
    "Safonov",
    "Kapustin",
    "Kirillov",
    "Moiseev",
    "Yeliseev",
    "Koshelev",
    "Kostin",
    "Gorbachev",
    "Orekhov",
    "Yefremov",
    "Isaev",
    "Yevdokim",
    "Kalashnik",
    "Kabanov",
    "Noskov",
    "Yudin",
    "Kulagin",
    "Lapin",
    "Prokhorov",
    "Nesterov",
    "Kharitonov",
    "Agafonov",
    "Muravyov",
    "Laptev",
    "Snegirev",
    "Shubin",
    "Shchukin",
];
const SUFFIXES_M: &[&str] = &[
    "ov", "ev", "in", "sky", "enko", "uk", "ovich", "yan", "shvili", "chuk",
];
const GIVEN_EN: &[&str] = &[
    "John",
    "William",
    "James",
    "Robert",
    "Michael",
    "David",
    "Richard",
    "Joseph",
    "Thomas",
    "Charles",
    "Mary",
    "Patricia",
    "Jennifer",
    "Linda",
    "Elizabeth",
    "Barbara",
    "Susan",
    "Jessica",
    "Sarah",
    "Karen",
    "Daniel",
    "Matthew",
    "Anthony",
    "Mark",
    "Donald",
    "Steven",
    "Paul",
    "Andrew",
    "Joshua",
    "Kenneth",
    "Kevin",
    "Brian",
    "George",
    "Edward",
    "Ronald",
    "Timothy",
    "Jason",
    "Jeffrey",
    "Ryan",
    "Jacob",
    "Nancy",
    "Lisa",
    "Betty",
    "Margaret",
];
const SURNAME_EN: &[&str] = &[
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson",
    "Taylor", "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark",
    "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Green", "Baker",
    "Adams", "Nelson", "Hill", "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans",
    "Turner", "Parker", "Collins", "Edwards", "Stewart", "Morris",
];
const SURNAME_ZH: &[&str] = &[
    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma",
    "Zhu", "Hu", "Guo", "He", "Lin", "Gao", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang", "Han",
    "Deng", "Feng", "Cao", "Peng",
];
const SYLL_ZH: &[&str] = &[
    "jin", "ping", "qiang", "ke", "shang", "fu", "wei", "hua", "ming", "guo", "jun", "hong", "li",
    "xiao", "yi", "jian", "zhi", "yong", "lin", "hai", "dong", "feng", "xin", "yu", "tao", "bo",
    "lei", "peng", "chen", "jia",
];
const SURNAME_KO: &[&str] = &[
    "Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Oh",
];
const SYLL_KO: &[&str] = &[
    "jong", "un", "il", "sung", "min", "ho", "jae", "hyun", "soo", "young", "ji", "woo", "seok",
    "hee", "dong", "eun",
];
const TITLES: &[&str] = &[
    "President",
    "Minister",
    "Gen.",
    "Mr.",
    "Dr.",
    "Defense Minister",
    "Senator",
];
const HOMOGLYPHS: &[(char, char)] = &[
    ('a', 'а'),
    ('e', 'е'),
    ('o', 'о'),
    ('p', 'р'),
    ('c', 'с'),
    ('y', 'у'),
];

/// One person: culture (0 Russian, 1 English, 2 Chinese, 3 Korean), given, surname.
struct Person {
    culture: u8,
    given: String,
    surname: String,
}

fn person(rng: &mut Rng) -> Person {
    match rng.below(10) {
        0..=4 => {
            let root = rng.pick(ROOTS);
            let suffix = if root.ends_with("ov") || root.ends_with("ev") || root.ends_with("in") {
                ""
            } else {
                rng.pick(SUFFIXES_M)
            };
            Person {
                culture: 0,
                given: rng.pick(GIVEN_RU).to_owned(),
                surname: format!("{root}{suffix}"),
            }
        }
        5 | 6 => Person {
            culture: 1,
            given: rng.pick(GIVEN_EN).to_owned(),
            surname: rng.pick(SURNAME_EN).to_owned(),
        },
        7 | 8 => {
            let a = rng.pick(SYLL_ZH);
            let b = rng.pick(SYLL_ZH);
            let mut given = format!("{a}{b}");
            if let Some(f) = given.get_mut(..1) {
                f.make_ascii_uppercase();
            }
            Person {
                culture: 2,
                given,
                surname: rng.pick(SURNAME_ZH).to_owned(),
            }
        }
        _ => {
            let a = rng.pick(SYLL_KO);
            let b = rng.pick(SYLL_KO);
            let mut given = format!("{a}-{b}");
            if let Some(f) = given.get_mut(..1) {
                f.make_ascii_uppercase();
            }
            Person {
                culture: 3,
                given,
                surname: rng.pick(SURNAME_KO).to_owned(),
            }
        }
    }
}

/// A transliteration spelling of a Russian-style name.
fn respell(rng: &mut Rng, s: &str) -> String {
    let pairs: &[(&str, &str)] = &[
        ("y", "i"),
        ("v", "w"),
        ("sh", "sch"),
        ("kh", "ch"),
        ("zh", "sch"),
        ("ei", "ey"),
        ("ts", "z"),
        ("iy", "ij"),
    ];
    let (a, b) = pairs[rng.below(pairs.len())];
    if rng.below(2) == 0 {
        s.replacen(a, b, 1)
    } else {
        s.replacen(b, a, 1)
    }
}

fn typo(rng: &mut Rng, s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() < 5 {
        return s.to_owned();
    }
    let i = 1 + rng.below(chars.len() - 3);
    let mut out = chars.clone();
    if rng.below(2) == 0 {
        out.swap(i, i + 1);
    } else {
        out.remove(i);
    }
    out.into_iter().collect()
}

fn homoglyph(rng: &mut Rng, s: &str) -> String {
    let (from, to) = HOMOGLYPHS[rng.below(HOMOGLYPHS.len())];
    s.replacen(from, &to.to_string(), 1)
}

fn render(rng: &mut Rng, p: &Person) -> String {
    let (g, s) = (&p.given, &p.surname);
    let first = |x: &str| x.chars().next().unwrap_or('X');
    match (p.culture, rng.below(20)) {
        (0, 0..=5) => format!("{g} {s}"),
        (0, 6..=7) => format!("{} {}", respell(rng, g), respell(rng, s)),
        (0, 8) => format!("{} {g}", s.to_uppercase()),
        (0, 9) => format!("{s}, {g}"),
        (0, 10) => format!("{}. {s}", first(g)),
        (0, 11) => format!("{} {g} {s}", rng.pick(TITLES)),
        (0, 12) => format!("{g} {}", typo(rng, s)),
        (0, 13) => format!("{} {s}", homoglyph(rng, g)),
        (0, 14) => s.clone(),
        (1, 0..=9) => format!("{g} {s}"),
        (1, 10..=11) => format!("{s}, {g}"),
        (1, 12) => format!("{}. {s}", first(g)),
        (1, 13) => format!("{} {g} {s}", rng.pick(TITLES)),
        (1, 14) => format!("{g} {}", typo(rng, s)),
        (2, 0..=9) => format!("{s} {g}"),
        (2, 10..=11) => format!("{} {g}", s.to_uppercase()),
        (2, 12) => format!("{g} {s}"),
        (3, 0..=9) => format!("{s} {g}"),
        (3, 10..=11) => format!("{s} {}", g.replace('-', " ")),
        (3, 12) => format!("{} {g}", s.to_uppercase()),
        _ => format!("{g} {s}"),
    }
}

/// Generates `n` name strings deterministically.
pub fn generate(n: usize) -> Vec<String> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let people: Vec<Person> = (0..150_000).map(|_| person(&mut rng)).collect();
    (0..n)
        .map(|_| {
            // Zipf-like: the square of a uniform draw favours low indices.
            let u = rng.below(1 << 20) as f64 / f64::from(1 << 20);
            let i = ((u * u) * people.len() as f64) as usize;
            render(&mut rng, &people[i.min(people.len() - 1)])
        })
        .collect()
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let started = Instant::now();
    let names = generate(n);
    let generated = started.elapsed();
    let distinct = {
        let mut v: Vec<&str> = names.iter().map(String::as_str).collect();
        v.sort_unstable();
        v.dedup();
        v.len()
    };
    let clusterer = Clusterer::default();
    let started = Instant::now();
    let clustering = clusterer.cluster(&names);
    let elapsed = started.elapsed();
    assert_eq!(clustering.labels.len(), n);
    println!(
        "{n} names ({distinct} distinct) generated in {:.2} s; clustered into {} clusters in {:.2} s ({:.0} names/s, {} threads)",
        generated.as_secs_f64(),
        clustering.clusters.len(),
        elapsed.as_secs_f64(),
        n as f64 / elapsed.as_secs_f64(),
        clusterer.options().threads
    );
    let mut sizes: Vec<usize> = clustering.clusters.iter().map(|c| c.size).collect();
    sizes.sort_unstable_by(|a, b| b.cmp(a));
    println!("largest clusters: {:?}", &sizes[..sizes.len().min(10)]);
    for c in clustering.clusters.iter().take(5) {
        println!(
            "  {:?} ({} names, {} variants)",
            c.canonical,
            c.size,
            c.variants.len()
        );
    }
}
