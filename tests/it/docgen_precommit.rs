//! The `connlint-intro` pre-commit hook, run by the real `pre-commit try-repo` (which builds
//! connlint with cargo). `.ci/run` installs pre-commit and sets `CONNLINT_PRE_COMMIT`;
//! without it the test skips, except under CI.

use crate::support::*;

#[test]
fn intro_hook_reports_only_the_stale_section() {
    let Some(pre_commit) = tool("CONNLINT_PRE_COMMIT") else {
        return;
    };
    let work = tempfile::tempdir().unwrap();
    let repo = work.path().join("repo");
    std::fs::create_dir_all(&repo).unwrap();
    let git = |args: &[&str]| crate::support::git(&repo, args);
    git(&["init", "-q"]);
    git(&["config", "user.email", "ci@example.com"]);
    git(&["config", "user.name", "CI"]);
    let fresh = repo.join("connectors/Fresh");
    let stale = repo.join("connectors/Stale");
    for (dir, doc) in [
        (&fresh, "missing-section.readme.md"),
        (&stale, "hand-written.readme.md"),
    ] {
        copy_dir(&root().join("fixtures/docgen/orders"), dir);
        std::fs::remove_file(dir.join("stats.csv")).unwrap();
        std::fs::copy(
            root().join("fixtures/docgen/docs").join(doc),
            dir.join("readme.md"),
        )
        .unwrap();
    }
    connlint()
        .arg("intro")
        .arg(&fresh)
        .arg("--write")
        .assert()
        .code(0);
    git(&["add", "."]);
    // One run (each try-repo builds connlint): pre-commit passes both files; the fresh
    // connector is up to date, the stale one is reported.
    let out = crate::support::process(&pre_commit)
        .arg("try-repo")
        .arg(root())
        .arg("connlint-intro")
        .arg("--files")
        .arg("connectors/Fresh/readme.md")
        .arg("connectors/Stale/apiDefinition.swagger.json")
        .current_dir(&repo)
        .env("PRE_COMMIT_HOME", work.path().join(".pre-commit-cache"))
        .env("NO_COLOR", "1")
        // As in tests/integrations.rs: the hook's `cargo install` is a release build; build
        // it the quick way, in the folder .ci/run keeps between runs.
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0")
        .env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "64")
        .env(
            "CARGO_TARGET_DIR",
            std::env::var_os("CONNLINT_PRE_COMMIT_TARGET")
                .map(std::path::PathBuf::from)
                .unwrap_or_else(|| work.path().join("target")),
        )
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        !out.status.success(),
        "the stale section passed:\n{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("connlint intro --check") && text.contains("Failed"),
        "{text}"
    );
    assert!(
        text.contains("connectors/Stale/readme.md: \"Known Issues and Limitations\" is not what connlint intro generates"),
        "{text}"
    );
    assert!(!text.contains("connectors/Fresh"), "{text}");
}
