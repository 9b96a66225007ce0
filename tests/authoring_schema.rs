//! The JSON Schema: the committed file is what `behovsanalys schema` prints,
//! every valid questionnaire we have passes it, structurally broken ones fail.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn schema_value() -> serde_json::Value {
    behovsanalys::authoring::schema::schema()
}

fn validator() -> (boon::Schemas, boon::SchemaIndex) {
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler
        .add_resource("urn:behovsanalys:questionnaire:1", schema_value())
        .unwrap();
    let index = compiler
        .compile("urn:behovsanalys:questionnaire:1", &mut schemas)
        .unwrap();
    (schemas, index)
}

fn to_json(toml_text: &str) -> serde_json::Value {
    let v: toml::Value = toml::from_str(toml_text).unwrap();
    serde_json::to_value(v).unwrap()
}

fn check(text: &str) -> Result<(), String> {
    let (schemas, index) = validator();
    schemas
        .validate(&to_json(text), index)
        .map_err(|e| format!("{e:#}"))
}

fn toml_files(dir: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut v: Vec<PathBuf> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    v.sort();
    v
}

#[test]
fn committed_schema_is_the_commands_output() {
    let out = Command::cargo_bin("behovsanalys")
        .unwrap()
        .arg("schema")
        .output()
        .unwrap();
    assert!(out.status.success());
    let committed = std::fs::read_to_string("schema/questionnaire.schema.json").unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        committed,
        "run `behovsanalys schema > schema/questionnaire.schema.json`"
    );
}

#[test]
fn schema_declares_draft_2020_12_and_describes_keys() {
    let v = schema_value();
    assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema");
    let q = &v["$defs"]["question"]["properties"];
    for key in ["id", "kind", "text", "show_if", "aliases", "option", "band"] {
        assert!(
            q[key]["description"].as_str().is_some_and(|d| d.len() > 10),
            "{key} has no description"
        );
    }
    assert!(v["$defs"]["service"]["properties"]["cost"]["enum"].is_array());
}

#[test]
fn every_valid_questionnaire_passes() {
    let mut files: Vec<PathBuf> = Vec::new();
    files.extend(toml_files("tests/fixtures/valid"));
    files.extend(toml_files("tests/fixtures/authoring/explain"));
    files.extend(toml_files("tests/fixtures/authoring/diff"));
    files.push(PathBuf::from("questionnaires/exportbehov.toml"));
    let mut checked = 0;
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        // Only files the loader accepts must pass the schema.
        if behovsanalys::questionnaire::load_str(&f.display().to_string(), &text).is_err() {
            continue;
        }
        check(&text).unwrap_or_else(|e| panic!("{} fails the schema:\n{e}", f.display()));
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} questionnaires checked");
    // The built-in, as embedded.
    check(behovsanalys::questionnaire::BUILTIN_TOML).unwrap();
}

#[test]
fn profiles_name_a_questionnaire_the_schema_accepts() {
    // The profiles are answers to the built-in questionnaire.
    for f in toml_files("tests/fixtures/profiles") {
        let text = std::fs::read_to_string(&f).unwrap();
        assert!(
            text.contains("questionnaire = \"exportbehov\""),
            "{}",
            f.display()
        );
    }
    check(behovsanalys::questionnaire::BUILTIN_TOML).unwrap();
}

fn builtin_with(from: &str, to: &str) -> String {
    let text = behovsanalys::questionnaire::BUILTIN_TOML;
    assert!(text.contains(from), "{from}");
    text.replacen(from, to, 1)
}

#[test]
fn structurally_invalid_questionnaires_fail() {
    let cases = [
        // Unknown key in an actor.
        ("threshold = 60\n", "threshold = 60\nthreshhold = 3\n"),
        // Wrong type.
        ("threshold = 60\n", "threshold = \"high\"\n"),
        // Out of range.
        ("threshold = 60\n", "threshold = 155\n"),
        // Unknown cost.
        ("cost = \"paid\"", "cost = \"expensive\""),
        // Unknown kind.
        ("kind = \"number\"", "kind = \"integer\""),
        // Options on a number question.
        (
            "unit = { sv = \"anställda\", en = \"employees\" }",
            "unit = { sv = \"anställda\", en = \"employees\" }\noption = [{ id = \"x\", label = \"X\" }]",
        ),
        // Capital letters in an id.
        ("id = \"almi\"", "id = \"Almi\""),
        // Missing text of a question.
        (
            "text = { sv = \"Hur många anställda har företaget?\", en = \"How many employees does the company have?\" }\n",
            "",
        ),
    ];
    for (from, to) in cases {
        let text = builtin_with(from, to);
        assert!(check(&text).is_err(), "should fail: {to:?}");
        // The loader agrees.
        assert!(
            behovsanalys::questionnaire::load_str("x.toml", &text).is_err(),
            "{to:?}"
        );
    }
}

#[test]
fn a_coordinators_copy_with_a_new_actor_validates() {
    let text = std::fs::read_to_string(Path::new(
        "tests/fixtures/authoring/new_actor/step2_fixed.toml",
    ))
    .unwrap();
    check(&text).unwrap();
}

/// The schema's properties of every table are exactly the keys the loader
/// accepts there (one list, `questionnaire::load::keys`), each described.
#[test]
fn schema_keys_are_the_loaders_keys() {
    use behovsanalys::questionnaire::load::keys;
    let v = schema_value();
    let d = &v["$defs"];
    let tables: [(&str, &serde_json::Value, &[&str]); 10] = [
        ("top level", &v["properties"], keys::TOP_KEYS),
        (
            "[questionnaire]",
            &v["properties"]["questionnaire"]["properties"],
            keys::META_KEYS,
        ),
        (
            "[[area]]",
            &v["properties"]["area"]["items"]["properties"],
            keys::AREA_KEYS,
        ),
        ("[[actor]]", &d["actor"]["properties"], keys::ACTOR_KEYS),
        ("[[actor.rule]]", &d["rule"]["properties"], keys::RULE_KEYS),
        (
            "[[actor.service]]",
            &d["service"]["properties"],
            keys::SERVICE_KEYS,
        ),
        (
            "[[section]]",
            &d["section"]["properties"],
            keys::SECTION_KEYS,
        ),
        (
            "[[section.question]]",
            &d["question"]["properties"],
            keys::QUESTION_ALL_KEYS,
        ),
        ("option", &d["option"]["properties"], keys::OPTION_KEYS),
        ("band", &d["band"]["properties"], keys::BAND_KEYS),
    ];
    for (name, props, loader) in tables {
        let mut in_schema: Vec<&str> = props
            .as_object()
            .unwrap_or_else(|| panic!("{name}: no properties"))
            .keys()
            .map(String::as_str)
            .collect();
        in_schema.sort_unstable();
        let mut expected: Vec<&str> = loader.to_vec();
        expected.sort_unstable();
        assert_eq!(in_schema, expected, "{name}");
        for k in loader {
            assert!(
                props[*k]["description"]
                    .as_str()
                    .is_some_and(|s| s.len() > 5)
                    || props[*k]["$ref"].is_string(),
                "{name}: `{k}` is not described"
            );
        }
    }
}
