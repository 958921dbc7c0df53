//! Parse-only floor for the corpus benchmark (`benches/corpus.sh`).
//!
//! Finds every `apiDefinition.swagger.json` and `apiProperties.json` below
//! one or more directories, reads each file, strips a UTF-8 BOM and parses it with
//! `serde_json::from_slice::<serde_json::Value>`: nothing else. That is the
//! least work any JSON linter must do, so connlint's time is compared with it.
//!
//! ```text
//! cargo build --release --example parse_baseline
//! target/release/examples/parse_baseline DIR...             # 2 threads and 1 thread, best of 5 each
//! target/release/examples/parse_baseline DIR --threads 2 --repeat 1   # one pass, for hyperfine
//! target/release/examples/parse_baseline DIR --list-failed  # print the files that do not parse
//! ```
//!
//! Each pass re-reads the files from disk (the page cache, in practice) and
//! walks the directory again, as a fresh `connlint check DIR` process does.
//! Output: one `key=value` line per thread count, e.g.
//! `threads=2 files=1422 ok=1419 failed=3 bytes=63123456 best_ms=123.456`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use rayon::prelude::*;

const NAMES: [&str; 2] = ["apiDefinition.swagger.json", "apiProperties.json"];

struct Options {
    dirs: Vec<PathBuf>,
    threads: Vec<usize>,
    repeat: usize,
    list_failed: bool,
}

fn usage() -> ExitCode {
    eprintln!("usage: parse_baseline DIR... [--threads N]... [--repeat K] [--list-failed]");
    ExitCode::from(2)
}

fn parse_args() -> Option<Options> {
    let mut dirs = Vec::new();
    let mut threads = Vec::new();
    let mut repeat = 5;
    let mut list_failed = false;
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--threads") => threads.push(args.next()?.to_str()?.parse().ok()?),
            Some("--repeat") => repeat = args.next()?.to_str()?.parse().ok()?,
            Some("--list-failed") => list_failed = true,
            Some("-h" | "--help") => return None,
            Some(s) if s.starts_with('-') => return None,
            _ => dirs.push(PathBuf::from(arg)),
        }
    }
    if threads.is_empty() {
        threads = vec![2, 1];
    }
    if dirs.is_empty() || repeat == 0 || threads.contains(&0) {
        return None;
    }
    Some(Options {
        dirs,
        threads,
        repeat,
        list_failed,
    })
}

/// The connector files below `dirs`, sorted so every pass sees the same order.
fn find_files(dirs: &[PathBuf]) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = dirs
        .iter()
        .flat_map(walkdir::WalkDir::new)
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| e.file_name().to_str().is_some_and(|n| NAMES.contains(&n)))
        .map(walkdir::DirEntry::into_path)
        .collect();
    files.sort();
    files
}

/// Reads and parses one file; `Err` for an I/O or JSON error.
fn parse_one(path: &Path, bytes_read: &AtomicU64) -> Result<(), String> {
    let data = std::fs::read(path).map_err(|e| e.to_string())?;
    bytes_read.fetch_add(data.len() as u64, Ordering::Relaxed);
    let body = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&data);
    let value: serde_json::Value = serde_json::from_slice(body).map_err(|e| e.to_string())?;
    // Drop the tree inside the timed region: a linter frees it too.
    drop(std::hint::black_box(value));
    Ok(())
}

struct Pass {
    files: usize,
    failed: Vec<(PathBuf, String)>,
    bytes: u64,
    elapsed: Duration,
}

/// One full pass: walk, read, parse, on a pool of `threads` threads.
fn run_pass(pool: &rayon::ThreadPool, dirs: &[PathBuf]) -> Pass {
    let start = Instant::now();
    let bytes = AtomicU64::new(0);
    let files = find_files(dirs);
    let mut failed: Vec<(PathBuf, String)> = pool.install(|| {
        files
            .par_iter()
            .filter_map(|p| parse_one(p, &bytes).err().map(|e| (p.clone(), e)))
            .collect()
    });
    let elapsed = start.elapsed();
    failed.sort();
    Pass {
        files: files.len(),
        failed,
        bytes: bytes.into_inner(),
        elapsed,
    }
}

fn main() -> ExitCode {
    let Some(opts) = parse_args() else {
        return usage();
    };
    if let Some(dir) = opts.dirs.iter().find(|d| !d.is_dir()) {
        eprintln!("parse_baseline: not a directory: {}", dir.display());
        return ExitCode::from(2);
    }
    for &threads in &opts.threads {
        let pool = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
            Ok(pool) => pool,
            Err(e) => {
                eprintln!("parse_baseline: cannot start {threads} threads: {e}");
                return ExitCode::from(2);
            }
        };
        let mut best: Option<Pass> = None;
        for _ in 0..opts.repeat {
            let pass = run_pass(&pool, &opts.dirs);
            if best.as_ref().is_none_or(|b| pass.elapsed < b.elapsed) {
                best = Some(pass);
            }
        }
        let best = best.expect("repeat >= 1");
        println!(
            "threads={threads} files={} ok={} failed={} bytes={} best_ms={:.3} repeat={}",
            best.files,
            best.files - best.failed.len(),
            best.failed.len(),
            best.bytes,
            best.elapsed.as_secs_f64() * 1e3,
            opts.repeat,
        );
        if opts.list_failed && threads == opts.threads[0] {
            for (path, err) in &best.failed {
                println!("failed\t{}\t{err}", path.display());
            }
        }
    }
    ExitCode::SUCCESS
}
