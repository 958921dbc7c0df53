//! What the integration tests share: the built binary, run as a user would
//! ([`connlint`], [`run`]), temporary connector trees ([`Tree`]), the optional tools and
//! reference data, and the helpers of the docgen and statistics tests.
#![allow(dead_code)]

pub mod docgen;
pub mod stats;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The repository (tests run in it).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// The built binary, run from the repository with a plain environment: no `NO_COLOR`
/// (output to a pipe has no colours anyway), 100 columns, no GitHub job summary.
pub fn connlint() -> Command {
    connlint_in(&root())
}

/// [`connlint`] run from `cwd`, so that paths in messages and diffs are relative to it.
pub fn connlint_in(cwd: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_connlint"));
    for v in GIT_ENV {
        cmd.env_remove(v);
    }
    cmd.current_dir(cwd)
        .env_remove("NO_COLOR")
        .env_remove("GITHUB_STEP_SUMMARY")
        .env("COLUMNS", "100");
    cmd
}

/// What a run of the binary printed, and its exit code.
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl std::fmt::Debug for Output {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit {}\n--- stdout\n{}\n--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// Runs the binary from `cwd` with `args`.
pub fn run(cwd: &Path, args: &[&str]) -> Output {
    run_with(connlint_in(cwd), args)
}

/// Runs a prepared command with `args`.
pub fn run_with(mut cmd: Command, args: &[&str]) -> Output {
    let out = cmd.args(args).output().unwrap();
    Output {
        code: out.status.code().expect("connlint was killed by a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// Standard output read as one JSON document.
pub fn json_of(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out).unwrap_or_else(|e| {
        panic!(
            "not one JSON document: {e}\n{}",
            String::from_utf8_lossy(out)
        )
    })
}

/// A temporary folder to build connectors in; removed when dropped.
pub struct Tree(tempfile::TempDir);

impl Default for Tree {
    fn default() -> Self {
        Tree::new()
    }
}

impl Tree {
    pub fn new() -> Tree {
        Tree(tempfile::tempdir().unwrap())
    }

    pub fn path(&self) -> &Path {
        self.0.path()
    }

    /// Writes `bytes` at `rel` (folders created as needed) and returns its path.
    pub fn put(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        put(self.path(), rel, bytes)
    }

    /// A connector folder at `rel` holding `files` (name, content); returns its path.
    pub fn connector(&self, rel: &str, files: &[(&str, &str)]) -> PathBuf {
        let dir = self.path().join(rel);
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in files {
            std::fs::write(dir.join(name), text).unwrap();
        }
        dir
    }

    /// A writable copy of `fixtures/<fixture>` (a folder) at `rel`; returns its path.
    pub fn copy_fixture(&self, fixture: &str, rel: &str) -> PathBuf {
        let to = self.path().join(rel);
        copy_dir(&root().join("fixtures").join(fixture), &to);
        to
    }
}

/// Writes `bytes` at `root/rel` (folders created as needed) and returns its path.
pub fn put(root: &Path, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Copies a folder; the copies are writable, whatever the originals are (a shared
/// reference folder may be read-only, and connlint refuses to rewrite read-only files).
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
            let mut permissions = std::fs::metadata(&target).unwrap().permissions();
            #[allow(clippy::permissions_set_readonly_false)]
            permissions.set_readonly(false);
            std::fs::set_permissions(&target, permissions).unwrap();
        }
    }
}

/// The variables git exports to hooks and `rebase --exec`: inherited, they would point
/// the tests' own repositories at the one the tests run in.
const GIT_ENV: [&str; 4] = [
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_COMMON_DIR",
];

/// A command for another program (git, pre-commit) without git's exported variables.
pub fn process(program: impl AsRef<std::ffi::OsStr>) -> std::process::Command {
    let mut cmd = std::process::Command::new(program);
    for v in GIT_ENV {
        cmd.env_remove(v);
    }
    cmd
}

/// Runs git in `dir`, failing the test with git's message when it fails.
pub fn git(dir: &Path, args: &[&str]) {
    let out = process("git")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The tool's path from the environment, or `None` (skip) outside CI.
pub fn tool(var: &str) -> Option<PathBuf> {
    match std::env::var_os(var) {
        Some(p) if !p.is_empty() => Some(PathBuf::from(p)),
        _ if std::env::var_os("CI").is_some_and(|v| v == "true") => {
            panic!("{var} is not set under CI: .ci/run must install the tool")
        }
        _ => {
            eprintln!("skipping: {var} is not set (.ci/run installs the tool and sets it)");
            None
        }
    }
}

/// `../shared/reference/telemetry/samples`, or `None` (with a message) when absent.
pub fn samples() -> Option<PathBuf> {
    let dir = root().join("../shared/reference/telemetry/samples");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("skipping: {} not found", dir.display());
        None
    }
}

/// `../shared/corpus`, or `None` (with a message) when absent. In CI (`CI=true`) a
/// missing corpus fails the test: it sits beside the repository there.
pub fn corpus() -> Option<PathBuf> {
    let p = root().join("../shared/corpus");
    if p.is_dir() {
        return Some(p);
    }
    assert!(
        std::env::var_os("CI").is_none_or(|v| v != "true"),
        "the corpus is not at {} (CI=true: it must sit beside the repository)",
        p.display()
    );
    eprintln!("skipping: the corpus is not at {}", p.display());
    None
}
