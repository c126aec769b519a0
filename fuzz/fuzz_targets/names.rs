//! The names parsers: a name, a document's mentions, a gazetteer TSV and a
//! saved registry never panic; mention spans are char-boundary slices of
//! the document that read as the mention's text; people and mentions point
//! at each other in range; a registry that loads resolves names to its own
//! entities or new ones with fresh identifiers.
#![no_main]

use libfuzzer_sys::fuzz_target;
use polynorm_names::{mentions, Clusterer, Entity, Gazetteer, Parser, Registry};

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    match which % 4 {
        0 => {
            let parsed = Parser::default().parse(text);
            // Rendering never panics, whatever the parts.
            let _ = (parsed.name(), parsed.romanized(), parsed.specificity());
        }
        1 => {
            let doc = mentions(text);
            for m in &doc.mentions {
                assert!(m.start <= m.end && m.end <= text.len());
                assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                assert_eq!(&text[m.start..m.end], m.text);
                if let Some(p) = m.person {
                    assert!(p < doc.people.len());
                }
            }
            for (i, person) in doc.people.iter().enumerate() {
                for &m in &person.mentions {
                    assert!(m < doc.mentions.len());
                    assert_eq!(doc.mentions[m].person, Some(i));
                }
            }
        }
        2 => {
            if let Ok(gazetteer) = Gazetteer::from_tsv(text) {
                let registry = Registry::from_gazetteer(&gazetteer);
                assert_eq!(registry.entities().len(), gazetteer.len());
            }
        }
        _ => {
            // A saved registry (JSON list of entities), then a batch of names.
            let (saved, batch) = text.split_once('\n').unwrap_or((text, ""));
            let Ok(entities) = serde_json::from_str::<Vec<Entity>>(saved) else {
                return;
            };
            let Ok(mut registry) = Registry::from_entities(entities) else {
                return;
            };
            let known = registry.entities().len();
            let names: Vec<&str> = batch.lines().take(16).collect();
            let resolved = registry.resolve(&Clusterer::default(), &names);
            assert_eq!(resolved.len(), names.len());
            for r in &resolved {
                let at = registry.entities().iter().position(|e| e.id == r.id);
                let at = at.expect("resolved to an entity of the registry");
                assert_eq!(r.new, at >= known);
            }
        }
    }
});
