//! `connlint check --fix`: run the built binary on connectors in temporary folders and
//! compare the files byte for byte.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

use crate::support::{connlint_in as connlint, put, run, run_with};

/// The names in a folder, sorted (temporary files of an atomic write would show here).
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The lines of a unified diff that remove or add text (headers left out).
fn changed_lines(diff: &str) -> Vec<&str> {
    diff.lines()
        .filter(|l| !l.starts_with("--- ") && !l.starts_with("+++ "))
        .filter(|l| l.starts_with('-') || l.starts_with('+'))
        .collect()
}

/// A definition with four safe fixes: a trailing space in the title, `production`,
/// `Important`, and a path parameter without `x-ms-url-encoding`.
const BASE: &str = r##"{
  "swagger": "2.0",
  "info": {
    "title": "Contoso Tickets ",
    "description": "Contoso Tickets tracks support tickets. Create, update and search tickets.",
    "version": "1.0",
    "contact": {
      "name": "Contoso Support",
      "url": "https://contoso.com/support",
      "email": "support@contoso.com"
    },
    "x-ms-api-annotation": {
      "status": "production"
    }
  },
  "host": "api.contoso.com",
  "basePath": "/v1",
  "schemes": [
    "https"
  ],
  "consumes": [
    "application/json"
  ],
  "produces": [
    "application/json"
  ],
  "paths": {
    "/tickets/{ticketId}": {
      "get": {
        "operationId": "GetTicket",
        "summary": "Get a ticket",
        "description": "Gets one ticket by its ID.",
        "x-ms-visibility": "Important",
        "parameters": [
          {
            "name": "ticketId",
            "in": "path",
            "required": true,
            "type": "string",
            "x-ms-summary": "Ticket ID",
            "description": "The ID of the ticket."
          }
        ],
        "responses": {
          "200": {
            "description": "The ticket.",
            "schema": {
              "$ref": "#/definitions/Ticket"
            }
          },
          "404": {
            "description": "No ticket has this ID."
          },
          "400": {
            "description": "The request is not valid."
          },
          "500": {
            "description": "The service failed; try again later."
          }
        }
      }
    }
  },
  "definitions": {
    "Ticket": {
      "type": "object",
      "properties": {
        "id": {
          "type": "string",
          "x-ms-summary": "Ticket ID",
          "description": "The ID of the ticket."
        }
      }
    }
  },
  "securityDefinitions": {
    "api_key": {
      "type": "apiKey",
      "in": "header",
      "name": "X-Api-Key"
    }
  },
  "security": [
    {
      "api_key": []
    }
  ],
  "x-ms-connector-metadata": [
    {
      "propertyName": "Website",
      "propertyValue": "https://contoso.com"
    },
    {
      "propertyName": "Privacy policy",
      "propertyValue": "https://contoso.com/privacy"
    },
    {
      "propertyName": "Categories",
      "propertyValue": "IT Operations;Productivity"
    }
  ]
}
"##;

/// `BASE` after `--fix`, written out in full.
const BASE_FIXED: &str = r##"{
  "swagger": "2.0",
  "info": {
    "title": "Contoso Tickets",
    "description": "Contoso Tickets tracks support tickets. Create, update and search tickets.",
    "version": "1.0",
    "contact": {
      "name": "Contoso Support",
      "url": "https://contoso.com/support",
      "email": "support@contoso.com"
    },
    "x-ms-api-annotation": {
      "status": "Production"
    }
  },
  "host": "api.contoso.com",
  "basePath": "/v1",
  "schemes": [
    "https"
  ],
  "consumes": [
    "application/json"
  ],
  "produces": [
    "application/json"
  ],
  "paths": {
    "/tickets/{ticketId}": {
      "get": {
        "operationId": "GetTicket",
        "summary": "Get a ticket",
        "description": "Gets one ticket by its ID.",
        "x-ms-visibility": "important",
        "parameters": [
          {
            "name": "ticketId",
            "in": "path",
            "required": true,
            "type": "string",
            "x-ms-summary": "Ticket ID",
            "description": "The ID of the ticket.",
            "x-ms-url-encoding": "single"
          }
        ],
        "responses": {
          "200": {
            "description": "The ticket.",
            "schema": {
              "$ref": "#/definitions/Ticket"
            }
          },
          "404": {
            "description": "No ticket has this ID."
          },
          "400": {
            "description": "The request is not valid."
          },
          "500": {
            "description": "The service failed; try again later."
          }
        }
      }
    }
  },
  "definitions": {
    "Ticket": {
      "type": "object",
      "properties": {
        "id": {
          "type": "string",
          "x-ms-summary": "Ticket ID",
          "description": "The ID of the ticket."
        }
      }
    }
  },
  "securityDefinitions": {
    "api_key": {
      "type": "apiKey",
      "in": "header",
      "name": "X-Api-Key"
    }
  },
  "security": [
    {
      "api_key": []
    }
  ],
  "x-ms-connector-metadata": [
    {
      "propertyName": "Website",
      "propertyValue": "https://contoso.com"
    },
    {
      "propertyName": "Privacy policy",
      "propertyValue": "https://contoso.com/privacy"
    },
    {
      "propertyName": "Categories",
      "propertyValue": "IT Operations;Productivity"
    }
  ]
}
"##;

const DEF: &str = "apiDefinition.swagger.json";

/// The `-`/`+` lines of the diff from `BASE` to `BASE_FIXED`.
const BASE_DIFF_LINES: [&str; 9] = [
    r#"-    "title": "Contoso Tickets ","#,
    r#"+    "title": "Contoso Tickets","#,
    r#"-      "status": "production""#,
    r#"+      "status": "Production""#,
    r#"-        "x-ms-visibility": "Important","#,
    r#"+        "x-ms-visibility": "important","#,
    r#"-            "description": "The ID of the ticket.""#,
    r#"+            "description": "The ID of the ticket.","#,
    r#"+            "x-ms-url-encoding": "single""#,
];

#[test]
fn dry_run_prints_a_unified_diff_and_writes_nothing() {
    for flag in ["--dry-run", "--diff"] {
        let t = tempfile::tempdir().unwrap();
        let def = put(t.path(), &format!("contoso/{DEF}"), BASE);
        let out = run(t.path(), &["check", "contoso", "--fix", flag]);
        assert_eq!(out.code, 1, "{flag}: {out:?}");
        assert!(
            out.stdout.starts_with(&format!(
                "--- a/contoso/{DEF}\n+++ b/contoso/{DEF}\n@@ -1,7 +1,7 @@\n"
            )),
            "{flag}: {out:?}"
        );
        assert_eq!(
            changed_lines(&out.stdout),
            BASE_DIFF_LINES,
            "{flag}: {out:?}"
        );
        assert_eq!(
            out.stdout.matches("\n@@ ").count(),
            4,
            "{flag}: four hunks: {out:?}"
        );
        assert!(
            out.stderr
                .contains("connlint: would apply 4 fixes to 1 file (nothing written)"),
            "{flag}: {out:?}"
        );
        // Only the diff: no report of the findings on stdout.
        assert!(!out.stdout.contains("extension-value-case"), "{out:?}");
        assert_eq!(std::fs::read_to_string(&def).unwrap(), BASE, "{flag}");
        assert_eq!(names_in(&t.path().join("contoso")), [DEF], "{flag}");
    }
}

#[test]
fn dry_run_diff_headers_drop_the_leading_slash_of_absolute_paths() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("contoso");
    put(&dir, DEF, BASE);
    let dir_arg = dir.to_str().unwrap();
    let out = run(t.path(), &["check", dir_arg, "--fix", "--dry-run"]);
    assert_eq!(out.code, 1, "{out:?}");
    let shown = dir.join(DEF).display().to_string();
    let shown = shown.trim_start_matches('/');
    assert!(
        out.stdout
            .starts_with(&format!("--- a/{shown}\n+++ b/{shown}\n")),
        "{out:?}"
    );
    assert_eq!(std::fs::read_to_string(dir.join(DEF)).unwrap(), BASE);
}

#[test]
fn fix_writes_the_fixed_text_and_a_second_run_has_nothing_to_do() {
    let t = tempfile::tempdir().unwrap();
    let def = put(t.path(), &format!("contoso/{DEF}"), BASE);
    let out = run(t.path(), &["check", "contoso", "--fix", "--color", "never"]);
    // What remains are two warnings (no apiProperties.json, no readme.md).
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        out.stderr.contains("connlint: applied 4 fixes to 1 file\n"),
        "{out:?}"
    );
    assert_eq!(std::fs::read_to_string(&def).unwrap(), BASE_FIXED);
    assert_eq!(names_in(&t.path().join("contoso")), [DEF]);
    // The report is of the fixed file.
    assert!(out.stdout.contains("pkg-readme-present"), "{out:?}");
    for gone in [
        "extension-value-case",
        "path-param-url-encoding",
        "info-title-trailing-char",
    ] {
        assert!(!out.stdout.contains(gone), "{gone} still reported: {out:?}");
    }
    assert!(!out.stdout.contains("with a safe fix"), "{out:?}");

    let again = run(t.path(), &["check", "contoso", "--fix", "--dry-run"]);
    assert_eq!(again.code, 0, "{again:?}");
    assert_eq!(again.stdout, "", "{again:?}");
    assert!(
        again
            .stderr
            .contains("would apply 0 fixes to 0 files (nothing written)"),
        "{again:?}"
    );
    let again = run(t.path(), &["check", "contoso", "--fix"]);
    assert_eq!(again.code, 0, "{again:?}");
    assert!(!again.stderr.contains("applied"), "{again:?}");
    assert_eq!(std::fs::read_to_string(&def).unwrap(), BASE_FIXED);
}

#[test]
fn fix_exit_status_follows_fail_on_for_what_remains() {
    let t = tempfile::tempdir().unwrap();
    put(t.path(), &format!("contoso/{DEF}"), BASE);
    let out = run(
        t.path(),
        &["check", "contoso", "--fix", "--fail-on", "warning", "-q"],
    );
    assert_eq!(out.code, 1, "the missing readme.md remains: {out:?}");
    assert_eq!(
        std::fs::read_to_string(t.path().join("contoso").join(DEF)).unwrap(),
        BASE_FIXED
    );
}

#[cfg(unix)]
#[test]
fn fix_keeps_the_permissions_of_the_file() {
    use std::os::unix::fs::PermissionsExt;
    let t = tempfile::tempdir().unwrap();
    let def = put(t.path(), &format!("contoso/{DEF}"), BASE);
    std::fs::set_permissions(&def, std::fs::Permissions::from_mode(0o640)).unwrap();
    let out = run(t.path(), &["check", "contoso", "--fix", "-q"]);
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(std::fs::read_to_string(&def).unwrap(), BASE_FIXED);
    let mode = std::fs::metadata(&def).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}

/// Tabs and three-space indentation, keys in no particular order, unicode text, CRLF.
const ODD: &str = concat!(
    "{\n",
    "\t\"swagger\": \"2.0\",\n",
    "\t\"info\": {\n",
    "\t\t\"version\": \"1.0\",\n",
    "\t\t\"title\": \"Contoso Tickets \",\n",
    "\t\t\"description\": \"Contoso Tickets — tracks support tickets ✓. Create, update and search tickets.\",\n",
    "\t\t\"contact\": {\"name\": \"Zoë Support\", \"url\": \"https://contoso.com/support\", \"email\": \"support@contoso.com\"}\n",
    "\t},\n",
    "\t\"schemes\": [\"https\"],\n",
    "\t\"host\": \"api.contoso.com\",\n",
    "\t\"basePath\": \"/v1\",\n",
    "\t\"paths\": {\n",
    "\t\t\"/tickets/{ticketId}\": {\n",
    "\t\t\t\"get\": {\n",
    "\t\t\t   \"summary\": \"Get a ticket\",\n",
    "\t\t\t   \"operationId\": \"GetTicket\",\n",
    "\t\t\t   \"x-ms-visibility\": \"Important\",\n",
    "\t\t\t   \"description\": \"Gets one ticket by its ID — «quickly».\",\n",
    "\t\t\t   \"parameters\": [\n",
    "\t\t\t      {\n",
    "\t\t\t         \"type\": \"string\",\n",
    "\t\t\t         \"name\": \"ticketId\",\n",
    "\t\t\t         \"in\": \"path\",\n",
    "\t\t\t         \"required\": true,\n",
    "\t\t\t         \"x-ms-summary\": \"Ticket ID\",\n",
    "\t\t\t         \"description\": \"The ID of the ticket (日本語).\"\n",
    "\t\t\t      }\n",
    "\t\t\t   ],\n",
    "\t\t\t   \"responses\": {\n",
    "\t\t\t      \"200\": {\"description\": \"The ticket.\"},\n",
    "\t\t\t      \"400\": {\"description\": \"The request is not valid.\"},\n",
    "\t\t\t      \"500\": {\"description\": \"The service failed; try again later.\"}\n",
    "\t\t\t   }\n",
    "\t\t\t}\n",
    "\t\t}\n",
    "\t}\n",
    "}\n",
);

/// `ODD` with a BOM and CRLF line ends, and the same after the three safe fixes of its
/// values, built by replacing exactly the fixed substrings.
fn odd_before_and_after() -> (String, String) {
    let original = format!("\u{feff}{}", ODD.replace('\n', "\r\n"));
    // The added key follows its siblings: same indentation, CRLF, a comma after the
    // previous member.
    let expected = original
        .replacen(
            "\"title\": \"Contoso Tickets \",",
            "\"title\": \"Contoso Tickets\",",
            1,
        )
        .replacen(
            "\"x-ms-visibility\": \"Important\",",
            "\"x-ms-visibility\": \"important\",",
            1,
        )
        .replacen(
            "\"description\": \"The ID of the ticket (日本語).\"\r\n",
            "\"description\": \"The ID of the ticket (日本語).\",\r\n\t\t\t         \"x-ms-url-encoding\": \"single\"\r\n",
            1,
        );
    // One space less; a comma, then a line of 3 tabs, 9 spaces, 29 characters and CRLF.
    assert_eq!(expected.len(), original.len() - 1 + 1 + 3 + 9 + 29 + 2);
    (original, expected)
}

#[test]
fn fix_preserves_bom_crlf_indentation_key_order_and_unicode() {
    let (original, expected) = odd_before_and_after();
    let t = tempfile::tempdir().unwrap();
    let def = put(t.path(), &format!("odd/{DEF}"), original.as_bytes());
    // The BOM has a safe fix of its own; with its rule off, the BOM stays.
    put(
        t.path(),
        "connlint.toml",
        "[rules]\nbyte-order-mark = \"off\"\n",
    );
    let out = run(t.path(), &["check", "odd", "--fix"]);
    assert!(out.code <= 1, "{out:?}");
    assert!(out.stderr.contains("applied 3 fixes to 1 file"), "{out:?}");
    let after = std::fs::read(&def).unwrap();
    assert!(after.starts_with(b"\xef\xbb\xbf"), "the BOM is kept");
    assert_eq!(
        String::from_utf8(after).unwrap(),
        expected,
        "bytes outside the fixed values changed"
    );
    assert_eq!(names_in(&t.path().join("odd")), [DEF]);
}

#[test]
fn fix_removes_only_the_bom_besides_the_fixed_values() {
    let (original, expected) = odd_before_and_after();
    let expected = expected.strip_prefix('\u{feff}').unwrap();
    let t = tempfile::tempdir().unwrap();
    let def = put(t.path(), &format!("odd/{DEF}"), original.as_bytes());
    let out = run(t.path(), &["check", "odd", "--fix"]);
    assert!(out.code <= 1, "{out:?}");
    assert!(out.stderr.contains("applied 4 fixes to 1 file"), "{out:?}");
    assert!(!out.stdout.contains("byte-order-mark"), "{out:?}");
    assert_eq!(std::fs::read_to_string(&def).unwrap(), expected);
}

#[test]
fn inserted_key_on_a_one_line_object_stays_on_that_line() {
    let one_line = r#"          {"name": "ticketId", "in": "path", "required": true, "type": "string", "x-ms-summary": "Ticket ID", "description": "The ID of the ticket."}"#;
    let start = BASE
        .find("          {\n            \"name\": \"ticketId\"")
        .unwrap();
    let end = start + BASE[start..].find("          }\n").unwrap() + "          }".len();
    let original = format!("{}{one_line}{}", &BASE[..start], &BASE[end..]);
    let t = tempfile::tempdir().unwrap();
    let def = put(t.path(), &format!("contoso/{DEF}"), &original);
    let out = run(t.path(), &["check", "contoso", "--fix", "-q"]);
    assert_eq!(out.code, 0, "{out:?}");
    let expected = original
        .replacen("\"Contoso Tickets \"", "\"Contoso Tickets\"", 1)
        .replacen("\"production\"", "\"Production\"", 1)
        .replacen("\"Important\"", "\"important\"", 1)
        .replacen(
            "\"The ID of the ticket.\"}",
            "\"The ID of the ticket.\", \"x-ms-url-encoding\": \"single\"}",
            1,
        );
    assert_eq!(std::fs::read_to_string(&def).unwrap(), expected);
}

const YAML: &str = r#"swagger: '2.0'
info:
  title: Contoso Tickets
  description: Contoso Tickets tracks support tickets. Create, update and search tickets.
  version: '1.0'
  contact:
    name: Contoso Support
    url: https://contoso.com/support
    email: support@contoso.com
host: api.contoso.com
basePath: /v1
schemes:
  - https
consumes:
  - application/json
produces:
  - application/json
paths:
  /tickets:
    get:
      operationId: ListTickets
      summary: List tickets
      description: Lists the tickets of the workspace.
      # plain scalar
      x-ms-visibility: Important
      responses:
        '200':
          description: The tickets.
        '400':
          description: The request is not valid.
        '500':
          description: The service failed; try again later.
    post:
      operationId: CreateTicket
      summary: Create a ticket
      description: Creates a support ticket.
      x-ms-visibility: "Advanced"   # double-quoted
      responses:
        '201':
          description: The new ticket.
        '400':
          description: The request is not valid.
        '500':
          description: The service failed; try again later.
    put:
      operationId: ReplaceTicket
      summary: Replace a ticket
      description: Replaces a support ticket.
      x-ms-visibility: 'Internal'
      responses:
        '200':
          description: The ticket.
        '400':
          description: The request is not valid.
        '500':
          description: The service failed; try again later.
"#;

fn yaml_fixed() -> String {
    YAML.replacen(
        "x-ms-visibility: Important\n",
        "x-ms-visibility: important\n",
        1,
    )
    .replacen(
        "x-ms-visibility: \"Advanced\"   # double-quoted\n",
        "x-ms-visibility: \"advanced\"   # double-quoted\n",
        1,
    )
    .replacen(
        "x-ms-visibility: 'Internal'\n",
        "x-ms-visibility: 'internal'\n",
        1,
    )
}

#[test]
fn yaml_definition_in_a_connector_folder_keeps_its_quoting() {
    let t = tempfile::tempdir().unwrap();
    let def = put(t.path(), "contoso/apiDefinition.swagger.yaml", YAML);
    let dry = run(t.path(), &["check", "contoso", "--fix", "--dry-run"]);
    assert_eq!(dry.code, 1, "{dry:?}");
    assert_eq!(
        changed_lines(&dry.stdout),
        [
            "-      x-ms-visibility: Important",
            "+      x-ms-visibility: important",
            "-      x-ms-visibility: \"Advanced\"   # double-quoted",
            "+      x-ms-visibility: \"advanced\"   # double-quoted",
            "-      x-ms-visibility: 'Internal'",
            "+      x-ms-visibility: 'internal'",
        ],
        "{dry:?}"
    );
    assert_eq!(std::fs::read_to_string(&def).unwrap(), YAML);

    let out = run(t.path(), &["check", "contoso", "--fix"]);
    assert!(out.code <= 1, "{out:?}");
    assert!(out.stderr.contains("applied 3 fixes to 1 file"), "{out:?}");
    assert_eq!(std::fs::read_to_string(&def).unwrap(), yaml_fixed());
}

#[test]
fn yaml_definition_named_on_the_command_line_is_fixed() {
    let t = tempfile::tempdir().unwrap();
    let def = put(t.path(), "specs/contoso.yaml", YAML);
    let out = run(t.path(), &["check", "specs/contoso.yaml", "--fix", "-q"]);
    assert!(out.code <= 1, "{out:?}");
    assert_eq!(std::fs::read_to_string(&def).unwrap(), yaml_fixed());
    assert_eq!(names_in(&t.path().join("specs")), ["contoso.yaml"]);
}

/// Safe fixes (a key in the wrong case, deprecation markers) and unsafe ones (a trailing
/// period, a misspelt key).
const MIXED: &str = r#"{
  "swagger": "2.0",
  "info": {
    "title": "Contoso Tickets",
    "description": "Contoso Tickets tracks support tickets. Create, update and search tickets.",
    "version": "1.0"
  },
  "host": "api.contoso.com",
  "basePath": "/v1",
  "schemes": ["https"],
  "paths": {
    "/tickets": {
      "get": {
        "operationId": "ListTickets",
        "summary": "List tickets.",
        "description": "Lists the tickets.",
        "x-ms-visibilty": "important",
        "responses": {
          "200": {"description": "The tickets."},
          "400": {"description": "The request is not valid."},
          "500": {"description": "The service failed; try again later."}
        }
      },
      "post": {
        "operationId": "CreateTicket",
        "summary": "Create a ticket",
        "description": "Creates a ticket.",
        "X-MS-Visibility": "advanced",
        "responses": {
          "200": {"description": "The ticket."},
          "400": {"description": "The request is not valid."},
          "500": {"description": "The service failed; try again later."}
        }
      }
    },
    "/rows": {
      "get": {
        "operationId": "GetRows",
        "summary": "Get rows",
        "description": "Gets rows.",
        "deprecated": true,
        "responses": {
          "200": {"description": "The rows."},
          "400": {"description": "The request is not valid."},
          "500": {"description": "The service failed; try again later."}
        }
      },
      "post": {
        "operationId": "AddRow",
        "summary": "DEPRECATED: Add a row",
        "description": "Adds a row.",
        "deprecated": true,
        "responses": {
          "200": {"description": "The row."},
          "400": {"description": "The request is not valid."},
          "500": {"description": "The service failed; try again later."}
        }
      }
    }
  }
}
"#;

fn mixed_safe_fixed() -> String {
    MIXED
        .replacen(
            "\"X-MS-Visibility\": \"advanced\"",
            "\"x-ms-visibility\": \"advanced\"",
            1,
        )
        .replacen(
            "\"summary\": \"Get rows\",\n        \"description\": \"Gets rows.\"",
            "\"summary\": \"Get rows (deprecated)\",\n        \"description\": \"Gets rows (deprecated).\"",
            1,
        )
        .replacen(
            "\"summary\": \"DEPRECATED: Add a row\",\n        \"description\": \"Adds a row.\"",
            "\"summary\": \"Add a row (deprecated)\",\n        \"description\": \"Adds a row (deprecated).\"",
            1,
        )
}

#[test]
fn unsafe_fixes_apply_only_with_unsafe_fixes() {
    let t = tempfile::tempdir().unwrap();
    let def = put(t.path(), &format!("contoso/{DEF}"), MIXED);
    let safe = mixed_safe_fixed();
    assert_eq!(safe.matches("(deprecated)").count(), 4);

    let out = run(t.path(), &["check", "contoso", "--fix", "--color", "never"]);
    assert!(out.code <= 1, "{out:?}");
    assert_eq!(std::fs::read_to_string(&def).unwrap(), safe);
    assert!(
        out.stdout.contains("\"summary\": \"List tickets.\""),
        "{out:?}"
    );
    assert!(
        out.stdout
            .contains("with an unsafe fix (review with --fix --unsafe-fixes --dry-run)"),
        "the remaining unsafe fixes are pointed out: {out:?}"
    );

    let dry = run(
        t.path(),
        &["check", "contoso", "--fix", "--unsafe-fixes", "--dry-run"],
    );
    assert_eq!(dry.code, 1, "{dry:?}");
    assert_eq!(
        changed_lines(&dry.stdout),
        [
            r#"-        "summary": "List tickets.","#,
            r#"+        "summary": "List tickets","#,
            r#"-        "x-ms-visibilty": "important","#,
            r#"+        "x-ms-visibility": "important","#,
        ],
        "{dry:?}"
    );
    assert_eq!(std::fs::read_to_string(&def).unwrap(), safe);

    let out = run(t.path(), &["check", "contoso", "--fix", "--unsafe-fixes"]);
    assert!(out.code <= 1, "{out:?}");
    assert!(out.stderr.contains("applied 2 fixes to 1 file"), "{out:?}");
    let all = safe
        .replacen(
            "\"summary\": \"List tickets.\"",
            "\"summary\": \"List tickets\"",
            1,
        )
        .replacen("\"x-ms-visibilty\"", "\"x-ms-visibility\"", 1);
    assert_eq!(std::fs::read_to_string(&def).unwrap(), all);
}

#[test]
fn unsafe_fixes_and_dry_run_require_fix() {
    let t = tempfile::tempdir().unwrap();
    let def = put(t.path(), &format!("contoso/{DEF}"), MIXED);
    for flag in ["--unsafe-fixes", "--dry-run", "--diff"] {
        let out = run(t.path(), &["check", "contoso", flag]);
        assert_eq!(out.code, 2, "{flag}: {out:?}");
        assert!(out.stderr.contains("--fix"), "{flag}: {out:?}");
        assert_eq!(out.stdout, "", "{flag}: {out:?}");
    }
    assert_eq!(std::fs::read_to_string(&def).unwrap(), MIXED);
}

#[test]
fn suppressed_findings_and_rules_turned_off_are_not_fixed() {
    let t = tempfile::tempdir().unwrap();
    let original = BASE.replacen(
        "\"x-ms-visibility\": \"Important\",\n",
        "\"x-ms-visibility\": \"Important\",\n        \"x-connlint-ignore\": [{\"rule\": \"extension-value-case\", \"reason\": \"kept as is\"}],\n",
        1,
    );
    let def = put(t.path(), &format!("contoso/{DEF}"), &original);
    put(
        t.path(),
        "connlint.toml",
        "[rules]\npath-param-url-encoding = \"off\"\n",
    );
    let out = run(t.path(), &["check", "contoso", "--fix"]);
    assert!(out.code <= 1, "{out:?}");
    assert!(out.stderr.contains("applied 2 fixes to 1 file"), "{out:?}");
    // The title and the annotation status (extension-value-case outside the suppressed
    // object) are fixed; the suppressed value and the parameter are not.
    let expected = original
        .replacen("\"Contoso Tickets \"", "\"Contoso Tickets\"", 1)
        .replacen("\"production\"", "\"Production\"", 1);
    assert_eq!(std::fs::read_to_string(&def).unwrap(), expected);
    assert!(expected.contains("\"Important\""));
    assert!(!expected.contains("x-ms-url-encoding"));
}

/// When running as root, a command that runs connlint as `nobody` (root ignores file
/// permissions); `None` when that is not possible.
#[cfg(unix)]
fn unprivileged(cwd: &Path, probe: &Path) -> Option<Command> {
    // Root can open a read-only file for writing.
    if std::fs::OpenOptions::new().write(true).open(probe).is_err() {
        return Some(connlint(cwd));
    }
    let works = std::process::Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "true"])
        .status()
        .is_ok_and(|s| s.success());
    if !works {
        return None;
    }
    let mut cmd = Command::new("setpriv");
    cmd.args([
        "--reuid=65534",
        "--regid=65534",
        "--clear-groups",
        env!("CARGO_BIN_EXE_connlint"),
    ])
    .current_dir(cwd)
    .env_remove("NO_COLOR")
    .env("COLUMNS", "100");
    Some(cmd)
}

#[cfg(unix)]
fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(unix)]
#[test]
fn fix_in_a_read_only_folder_fails_and_names_the_file() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("contoso");
    let def = put(&dir, DEF, BASE);
    let probe = put(t.path(), "probe", "");
    chmod(&probe, 0o444);
    // The file itself may be written; the folder may not (no temporary file, no rename).
    chmod(t.path(), 0o755);
    chmod(&def, 0o666);
    chmod(&dir, 0o555);
    let Some(cmd) = unprivileged(t.path(), &probe) else {
        eprintln!("skipped: running as root and cannot drop privileges with setpriv");
        chmod(&dir, 0o755);
        return;
    };
    let out = run_with(cmd, &["check", "contoso", "--fix"]);
    chmod(&dir, 0o755);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stderr
            .contains(&format!("connlint: cannot write contoso/{DEF}: ")),
        "{out:?}"
    );
    assert!(!out.stderr.contains("applied 4 fixes to 1 file"), "{out:?}");
    assert_eq!(std::fs::read_to_string(&def).unwrap(), BASE);
    assert_eq!(names_in(&dir), [DEF]);
}

#[cfg(unix)]
#[test]
fn fix_of_a_read_only_file_fails_and_names_the_file() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("contoso");
    let def = put(&dir, DEF, BASE);
    let probe = put(t.path(), "probe", "");
    chmod(&probe, 0o444);
    chmod(t.path(), 0o755);
    chmod(&dir, 0o777);
    chmod(&def, 0o444);
    let Some(cmd) = unprivileged(t.path(), &probe) else {
        eprintln!("skipped: running as root and cannot drop privileges with setpriv");
        return;
    };
    let out = run_with(cmd, &["check", "contoso", "--fix"]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains(&format!("contoso/{DEF}")), "{out:?}");
    assert_eq!(std::fs::read_to_string(&def).unwrap(), BASE);
    assert_eq!(names_in(&dir), [DEF]);
}

#[cfg(unix)]
#[test]
fn fix_writes_through_a_symlinked_definition() {
    let t = tempfile::tempdir().unwrap();
    let target = put(t.path(), "shared/contoso.json", BASE);
    let dir = t.path().join("contoso");
    std::fs::create_dir_all(&dir).unwrap();
    std::os::unix::fs::symlink("../shared/contoso.json", dir.join(DEF)).unwrap();
    // Linting `contoso` alone, the link leads out of the tree: refused, nothing written.
    let out = run(t.path(), &["check", "contoso", "--fix", "-q"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), BASE);
    // Linting the folder that holds both, it stays inside: followed, and the target fixed.
    let out = run(t.path(), &["check", ".", "--fix", "-q"]);
    assert!(out.code <= 1, "{out:?}");
    assert!(
        std::fs::symlink_metadata(dir.join(DEF))
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link was replaced by a file"
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), BASE_FIXED);
}

#[test]
fn a_file_that_is_not_valid_utf8_is_not_rewritten() {
    let t = tempfile::tempdir().unwrap();
    let at = BASE.find("Contoso Support").unwrap() + "Contoso ".len();
    let mut bad = BASE.as_bytes().to_vec();
    bad.splice(at..at, [0xff, b' ']);
    let bad_def = put(t.path(), &format!("bad/{DEF}"), &bad);
    // A clean connector in the same run is still fixed.
    let good_def = put(t.path(), &format!("good/{DEF}"), BASE);

    let dry = run(t.path(), &["check", "bad", "good", "--fix", "--dry-run"]);
    assert_eq!(dry.code, 1, "{dry:?}");
    assert!(!dry.stdout.contains("bad/"), "{dry:?}");
    assert!(
        dry.stdout.starts_with(&format!("--- a/good/{DEF}\n")),
        "{dry:?}"
    );
    assert_eq!(std::fs::read(&bad_def).unwrap(), bad);

    let out = run(
        t.path(),
        &["check", "bad", "good", "--fix", "--color", "never"],
    );
    assert_eq!(std::fs::read(&bad_def).unwrap(), bad, "{out:?}");
    assert_eq!(std::fs::read_to_string(&good_def).unwrap(), BASE_FIXED);
    assert!(
        out.stderr.contains(&format!(
            "connlint: bad/{DEF}: not fixed: the file is not valid UTF-8"
        )),
        "{out:?}"
    );
    assert!(
        out.stderr.contains("applied 4 fixes to 1 file\n"),
        "{out:?}"
    );
    assert!(out.stdout.contains("invalid-utf8"), "{out:?}");
    assert_eq!(names_in(&t.path().join("bad")), [DEF]);
}

#[test]
fn fix_with_json_format_reports_what_remains() {
    let t = tempfile::tempdir().unwrap();
    let def = put(t.path(), &format!("contoso/{DEF}"), MIXED);
    let out = run(t.path(), &["check", "contoso", "--fix", "--format", "json"]);
    assert!(out.code <= 1, "{out:?}");
    let v: serde_json::Value = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("stdout is not one JSON document: {e}\n{out:?}"));
    assert_eq!(v["summary"]["fixable"], 0, "{out:?}");
    assert_eq!(v["summary"]["unsafe_fixable"], 2, "{out:?}");
    let rules: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert!(
        rules.contains(&"operation-summary-trailing-char"),
        "{rules:?}"
    );
    assert!(rules.contains(&"extension-name-known"), "{rules:?}");
    assert!(!rules.contains(&"deprecated-marker-canonical"), "{rules:?}");
    assert!(out.stderr.contains("applied 4 fixes to 1 file"), "{out:?}");
    assert_eq!(std::fs::read_to_string(&def).unwrap(), mixed_safe_fixed());
}

#[test]
fn fix_fixes_every_connector_below_a_folder() {
    let t = tempfile::tempdir().unwrap();
    let names = ["alpha", "beta", "nested/gamma"];
    let defs: Vec<PathBuf> = names
        .iter()
        .map(|n| put(t.path(), &format!("connectors/{n}/{DEF}"), BASE))
        .collect();
    let dry = run(t.path(), &["check", "connectors", "--fix", "--dry-run"]);
    assert_eq!(dry.code, 1, "{dry:?}");
    for n in names {
        assert!(
            dry.stdout.contains(&format!(
                "--- a/connectors/{n}/{DEF}\n+++ b/connectors/{n}/{DEF}\n"
            )),
            "{n}: {dry:?}"
        );
    }
    assert!(
        dry.stderr.contains("would apply 12 fixes to 3 files"),
        "{dry:?}"
    );
    let out = run(t.path(), &["check", "connectors", "--fix"]);
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        out.stderr.contains("applied 12 fixes to 3 files"),
        "{out:?}"
    );
    for def in &defs {
        assert_eq!(
            std::fs::read_to_string(def).unwrap(),
            BASE_FIXED,
            "{}",
            def.display()
        );
    }
}

/// Two fixes that are fine alone but clash in meaning: renaming the misspelt
/// `x-ms-summry` and adding the missing `x-ms-summary` would repeat a key. The rename
/// (first in the file) is applied; the addition waits for the next pass, where the
/// parameter has its label and the rule no longer asks for one.
#[test]
fn fixes_that_would_repeat_a_key_are_applied_one_after_the_other() {
    let t = tempfile::tempdir().unwrap();
    let text = r#"{
  "swagger": "2.0",
  "info": { "title": "Contoso", "description": "Manage Contoso support tickets from your flows and apps easily.", "version": "1.0" },
  "host": "api.contoso.com",
  "basePath": "/",
  "schemes": ["https"],
  "paths": {
    "/tickets": {
      "get": {
        "operationId": "ListTickets",
        "summary": "List tickets",
        "description": "Lists tickets.",
        "parameters": [
          { "name": "top", "in": "query", "type": "integer", "x-ms-summry": "Top", "description": "How many." }
        ],
        "responses": { "200": { "description": "OK" } }
      }
    }
  }
}
"#;
    let def = put(t.path(), &format!("contoso/{DEF}"), text);
    let out = run(t.path(), &["check", "contoso", "--fix", "--unsafe-fixes"]);
    assert!(out.code <= 1, "{out:?}");
    assert!(out.stderr.contains("applied 1 fix to 1 file"), "{out:?}");
    assert_eq!(
        std::fs::read_to_string(&def).unwrap(),
        text.replace("\"x-ms-summry\"", "\"x-ms-summary\"")
    );
    assert!(!out.stdout.contains("duplicate-key"), "{out:?}");
}
