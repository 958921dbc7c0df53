//! Malformed statistics files give clear errors with positions, and no partial numbers.
//! These tests bring their own definition, so they do not need ../shared.

use std::path::{Path, PathBuf};

use connlint::model::{build_definition, Definition};
use connlint::source::SourceFile;
use connlint::stats::{analyze, StatsError, StatsErrorKind, StatsOptions, StatsReport};
use connlint::syntax::json;

const DEFINITION: &str = r#"{ "swagger": "2.0", "info": { "title": "Items", "version": "1.0" },
  "host": "api.items.example", "basePath": "/v1",
  "paths": {
    "/items": { "get": { "operationId": "ListItems", "summary": "List items",
      "responses": { "200": { "description": "OK" } } } },
    "/items/{id}": { "get": { "operationId": "GetItem", "summary": "Get an item",
      "parameters": [ { "name": "id", "in": "path", "required": true, "type": "string" } ],
      "responses": { "200": { "description": "OK" }, "404": { "description": "No such item" } } } } } }"#;

fn definition() -> Definition {
    let file = SourceFile::from_text(
        "d.json".into(),
        DEFINITION.into(),
        connlint::source::Decoding::Utf8,
    );
    build_definition(&json::parse(&file).root.expect("the test definition parses"))
}

struct Files(tempfile::TempDir);

impl Files {
    fn new() -> Files {
        Files(tempfile::tempdir().unwrap())
    }
    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.0.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    }
}

fn run(files: &[PathBuf], options: &StatsOptions) -> Result<StatsReport, StatsError> {
    analyze(&definition(), None, files, options)
}

fn error(name: &str, bytes: &[u8]) -> StatsError {
    let dir = Files::new();
    let path = dir.write(name, bytes);
    let err = run(std::slice::from_ref(&path), &StatsOptions::default())
        .expect_err("a malformed file must fail");
    assert_eq!(err.file, path);
    let shown = err.to_string();
    assert!(shown.starts_with(&path.display().to_string()), "{shown}");
    err
}

#[test]
fn bad_header() {
    let err = error("h.csv", b"operation,code,n\nListItems,200,5\n");
    assert_eq!(err.kind, StatsErrorKind::Header);
    assert_eq!((err.line, err.column), (Some(1), Some(1)));
    assert!(err.message.contains("`status`, `count`"), "{err}");
    assert!(err.message.contains("operation, code, n"), "{err}");
}

#[test]
fn non_numeric_count() {
    let err = error(
        "c.csv",
        b"operation_id,status,count\nListItems,200,5\nListItems,404,many\n",
    );
    assert_eq!(err.kind, StatsErrorKind::Row);
    assert_eq!((err.line, err.column), (Some(3), Some(15)));
    assert!(err.message.contains("`count` is \"many\""), "{err}");
    assert!(
        err.to_string()
            .ends_with(":3:15: `count` is \"many\", not a whole number ≥ 0"),
        "{err}"
    );
}

#[test]
fn negative_count_and_quoted_fields() {
    let err = error(
        "q.csv",
        b"method,path,status,count,window_start\nGET,\"/v1/items,x\",200,-4,2025-06-01\n",
    );
    assert_eq!(err.kind, StatsErrorKind::Row);
    // `"/v1/items,x"` takes 13 characters, quotes included
    assert_eq!((err.line, err.column), (Some(2), Some(23)));
}

#[test]
fn bad_date() {
    let err = error(
        "d.csv",
        b"operation_id,status,count,window_end\nListItems,200,5,yesterday\n",
    );
    assert_eq!(err.kind, StatsErrorKind::Row);
    assert_eq!((err.line, err.column), (Some(2), Some(17)));
    assert!(err.message.contains("not a date"), "{err}");
}

#[test]
fn wrong_number_of_fields() {
    let err = error("w.csv", b"operation_id,status,count\nListItems,200\n");
    assert_eq!(err.kind, StatsErrorKind::Row);
    assert_eq!(err.line, Some(2));
    assert!(err.message.contains("2 fields, the header has 3"), "{err}");
}

#[test]
fn truncated_json() {
    let text = br#"{ "schema": "connector-response-stats/v1",
  "rows": [
    { "operation_id": "ListItems", "status": 200, "count": 5 },
    { "operation_id": "ListItems", "status": 404, "co"#;
    let err = error("t.json", text);
    assert_eq!(err.kind, StatsErrorKind::Truncated);
    assert_eq!(err.line, Some(4));
    assert!(err.message.contains("truncated"), "{err}");
}

#[test]
fn json_row_errors_have_positions() {
    let text = b"{ \"rows\": [\n  { \"operation_id\": \"ListItems\", \"status\": 200, \"count\": 5 },\n  { \"operation_id\": \"ListItems\", \"status\": 200, \"count\": \"lots\" }\n] }\n";
    let err = error("r.json", text);
    assert_eq!(err.kind, StatsErrorKind::Row);
    assert_eq!(err.line, Some(3));
    assert!(err.column.is_some());
    assert!(
        err.message.contains("row 2") && err.message.contains("\"lots\""),
        "{err}"
    );
}

#[test]
fn json_syntax_error() {
    let err = error(
        "s.json",
        b"{ \"rows\": [ { \"operation_id\": \"ListItems\" \"status\": 200 } ] }",
    );
    assert_eq!(err.kind, StatsErrorKind::Syntax);
    assert_eq!(err.line, Some(1));
}

#[test]
fn unsupported_schema_version() {
    let err = error(
        "v.json",
        br#"{ "schema": "connector-response-stats/v2", "rows": [] }"#,
    );
    assert_eq!(err.kind, StatsErrorKind::UnknownFormat);
    assert!(err.message.contains("v2"), "{err}");
}

#[test]
fn unknown_json() {
    let err = error("u.json", br#"{ "hello": "world" }"#);
    assert_eq!(err.kind, StatsErrorKind::UnknownFormat);
}

#[test]
fn kql_rows_before_columns() {
    let err = error(
        "k.json",
        br#"{ "tables": [ { "name": "PrimaryResult", "rows": [["GET"]], "columns": [] } ] }"#,
    );
    assert_eq!(err.kind, StatsErrorKind::Header);
}

#[test]
fn utf16_file() {
    let mut bytes = vec![0xff, 0xfe];
    for b in "operation_id,status,count\r\nListItems,200,5\r\n".bytes() {
        bytes.extend([b, 0]);
    }
    let err = error("u16.csv", &bytes);
    assert_eq!(err.kind, StatsErrorKind::Encoding);
    assert!(
        err.message.contains("UTF-16") && err.message.contains("UTF-8"),
        "{err}"
    );
}

#[test]
fn latin1_in_a_used_field() {
    let err = error(
        "l.csv",
        b"method,path,status,count\nGET,/v1/items/Br\xf8nn,200,5\n",
    );
    assert_eq!(err.kind, StatsErrorKind::Encoding);
    assert_eq!((err.line, err.column), (Some(2), Some(5)));
}

#[test]
fn latin1_in_json() {
    let err = error(
        "l.json",
        b"{ \"rows\": [ { \"path\": \"/v1/items/Br\xf8nn\", \"status\": 200, \"count\": 1 } ] }",
    );
    assert_eq!(err.kind, StatsErrorKind::Encoding, "{err}");
}

#[test]
fn w3c_without_fields() {
    let err = error(
        "u_ex.log",
        b"#Software: IIS\n2025-06-14 09:03:11 GET /v1/items 200\n",
    );
    assert_eq!(err.kind, StatsErrorKind::Header);
    assert_eq!(err.line, Some(2));
}

#[test]
fn w3c_bad_status() {
    let err = error("u_ex2.log", b"#Fields: date time cs-method cs-uri-stem sc-status\n2025-06-14 09:03:11 GET /v1/items OK\n");
    assert_eq!(err.kind, StatsErrorKind::Row);
    assert_eq!((err.line, err.column), (Some(2), Some(35)));
}

#[test]
fn empty_and_missing_files() {
    assert_eq!(error("e.csv", b"").kind, StatsErrorKind::Empty);
    assert_eq!(error("e2.csv", b"\n\n  \n").kind, StatsErrorKind::Empty);
    let missing = run(
        &[Path::new("/nonexistent/stats.csv").to_path_buf()],
        &StatsOptions::default(),
    )
    .unwrap_err();
    assert_eq!(missing.kind, StatsErrorKind::Io);
}

#[test]
fn no_partial_numbers() {
    let dir = Files::new();
    let good = dir.write("good.csv", b"operation_id,status,count\nListItems,200,5\n");
    let bad = dir.write("bad.csv", b"operation_id,status,count\nListItems,200,x\n");
    assert!(run(std::slice::from_ref(&good), &StatsOptions::default()).is_ok());
    assert!(run(&[good, bad], &StatsOptions::default()).is_err());
}

#[test]
fn skip_bad_rows_counts_them() {
    let dir = Files::new();
    let path = dir.write(
        "mixed.csv",
        b"operation_id,status,count\nListItems,200,5\nListItems,200,x\nGetItem,404\nGetItem,404,2\n",
    );
    let options = StatsOptions {
        skip_bad_rows: true,
        ..StatsOptions::default()
    };
    let report = run(&[path], &options).expect("bad rows are skipped");
    assert_eq!(report.sources[0].bad_rows, 2);
    assert_eq!(report.sources[0].bad_row_messages.len(), 2);
    assert!(
        report.sources[0].bad_row_messages[0].contains(":3:15:"),
        "{:?}",
        report.sources[0].bad_row_messages
    );
    assert_eq!(report.connector.responses.requests, 7);
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.contains("skipped 2 bad rows")),
        "{:?}",
        report.warnings
    );
    // JSON too
    let json = dir.write(
        "mixed.json",
        br#"{ "rows": [ { "operation_id": "ListItems", "status": 200, "count": 5 }, { "operation_id": "ListItems", "status": 200, "count": "x" } ] }"#,
    );
    let report = run(&[json], &options).expect("bad rows are skipped");
    assert_eq!(report.sources[0].bad_rows, 1);
    assert_eq!(report.connector.responses.requests, 5);
}

#[test]
fn window_and_as_of() {
    let dir = Files::new();
    let path = dir.write(
        "raw.csv",
        b"timestamp,url,resultCode,itemCount,name\n\
2025-03-01T10:00:00Z,https://api.items.example/v1/items,200,1,GET Items\n\
2025-06-10T10:00:00Z,https://api.items.example/v1/items,200,1,GET Items\n\
2025-06-30T10:00:00Z,https://api.items.example/v1/items/7,404,2,GET Items/Get\n\
,https://api.items.example/v1/items,500,1,GET Items\n",
    );
    let report = run(std::slice::from_ref(&path), &StatsOptions::default()).unwrap();
    assert_eq!(report.window.end.as_deref(), Some("2025-06-30T10:00:00Z"));
    assert_eq!(report.window.start.as_deref(), Some("2025-05-31T10:00:00Z"));
    assert_eq!(report.window.requests_outside, 1);
    assert_eq!(report.window.requests_without_timestamp, 1);
    assert_eq!(report.connector.responses.requests, 4);
    let as_of = StatsOptions {
        as_of: Some(connlint::stats::parse_as_of("2025-06-15").unwrap()),
        window: connlint::stats::parse_window_length("7d").unwrap(),
        ..StatsOptions::default()
    };
    let report = run(&[path], &as_of).unwrap();
    assert_eq!(report.window.start.as_deref(), Some("2025-06-08T00:00:00Z"));
    assert_eq!(report.window.requests_outside, 3);
    assert_eq!(report.connector.responses.requests, 2);
}
