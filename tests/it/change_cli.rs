//! `connlint check --previous PATH` and `--previous-ref REF`: the breaking-change rules
//! on the built binary, against a folder and against a git revision.

use std::path::Path;

fn connlint(cwd: &Path, args: &[&str]) -> (i32, String, String) {
    let out = crate::support::run(cwd, args);
    (out.code, out.stdout, out.stderr)
}

const OLD: &str = r#"{
  "swagger": "2.0",
  "info": { "title": "Contoso", "version": "1.0" },
  "paths": {
    "/rows": { "get": { "operationId": "GetRows", "summary": "Get rows",
      "parameters": [ { "name": "top", "in": "query", "type": "integer" } ],
      "responses": { "200": { "description": "OK" } } } },
    "/items": { "get": { "operationId": "GetItems", "summary": "Get items",
      "responses": { "200": { "description": "OK" } } } }
  }
}
"#;

const NEW: &str = r#"{
  "swagger": "2.0",
  "info": { "title": "Contoso", "version": "1.0" },
  "paths": {
    "/rows": { "get": { "operationId": "GetRows", "summary": "Get rows",
      "parameters": [ { "name": "top", "in": "header", "type": "integer" } ],
      "responses": { "200": { "description": "OK" } } } }
  }
}
"#;

fn properties(kind: &str) -> String {
    format!(
        r##"{{ "properties": {{ "connectionParameters": {{ "token": {{ "type": "{kind}" }} }},
  "iconBrandColor": "#da3b01", "publisher": "Contoso", "stackOwner": "Contoso" }} }}
"##
    )
}

fn rules_in(json: &str) -> Vec<(String, String)> {
    let v: serde_json::Value = serde_json::from_str(json).expect("JSON report");
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"].as_str().unwrap().starts_with("bc-"))
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["file"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[test]
fn previous_folder_is_compared() {
    let t = tempfile::tempdir().unwrap();
    for (dir, def, kind) in [("old", OLD, "securestring"), ("new", NEW, "oauthSetting")] {
        std::fs::create_dir_all(t.path().join(dir)).unwrap();
        std::fs::write(t.path().join(dir).join("apiDefinition.swagger.json"), def).unwrap();
        std::fs::write(
            t.path().join(dir).join("apiProperties.json"),
            properties(kind),
        )
        .unwrap();
    }
    let (code, out, err) = connlint(
        t.path(),
        &["check", "new", "--previous", "old", "--format", "json"],
    );
    assert_eq!(code, 1, "{err}");
    let mut found = rules_in(&out);
    found.sort();
    assert_eq!(
        found,
        [
            (
                "bc-auth-type-changed".into(),
                "new/apiProperties.json".into()
            ),
            (
                "bc-operation-deleted".into(),
                "new/apiDefinition.swagger.json".into()
            ),
            (
                "bc-param-location-changed".into(),
                "new/apiDefinition.swagger.json".into()
            ),
        ]
        .map(|(a, b): (String, String)| (a, b))
    );
    // The same version twice: nothing changed.
    let (_, out, _) = connlint(
        t.path(),
        &["check", "new", "--previous", "new", "--format", "json"],
    );
    assert!(rules_in(&out).is_empty(), "{out}");
    // --previous compares one connector.
    let (code, _, err) = connlint(t.path(), &["check", ".", "--previous", "old"]);
    assert_eq!(code, 2);
    assert!(err.contains("--previous compares one connector"), "{err}");
}

#[test]
fn previous_git_revision_is_compared() {
    let t = tempfile::tempdir().unwrap();
    let git = |args: &[&str]| crate::support::git(t.path(), args);
    git(&["init", "-q"]);
    let contoso = t.path().join("connectors/Contoso");
    std::fs::create_dir_all(&contoso).unwrap();
    std::fs::write(contoso.join("apiDefinition.swagger.json"), OLD).unwrap();
    git(&["add", "."]);
    git(&[
        "-c",
        "user.email=ci@example.com",
        "-c",
        "user.name=CI",
        "commit",
        "-qm",
        "v1",
    ]);
    std::fs::write(contoso.join("apiDefinition.swagger.json"), NEW).unwrap();
    // A connector added since the revision has nothing to compare with.
    let fresh = t.path().join("connectors/Fresh");
    std::fs::create_dir_all(&fresh).unwrap();
    std::fs::write(fresh.join("apiDefinition.swagger.json"), OLD).unwrap();

    let (code, out, err) = connlint(
        t.path(),
        &[
            "check",
            "connectors",
            "--previous-ref",
            "HEAD",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 1, "{err}");
    let found = rules_in(&out);
    assert!(
        found.contains(&(
            "bc-operation-deleted".into(),
            "connectors/Contoso/apiDefinition.swagger.json".into()
        )),
        "{found:?}"
    );
    assert!(found.iter().all(|(_, f)| !f.contains("Fresh")), "{found:?}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let deleted = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "bc-operation-deleted")
        .unwrap();
    assert_eq!(
        deleted["message"],
        "operation `GetItems` (`GET /items`) of HEAD is gone: flows that use it stop working"
    );

    let (code, _, err) = connlint(
        t.path(),
        &["check", "connectors", "--previous-ref", "no-such-ref"],
    );
    assert_eq!(code, 2);
    assert!(err.contains("--previous-ref no-such-ref"), "{err}");
}
