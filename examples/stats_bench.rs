//! Throughput driver for the statistics library (used by `benches/stats_throughput.sh`).
//!
//! ```text
//! stats_bench generate DEFINITION OUT BYTES [csv|w3c]   write a raw request log
//! stats_bench run DEFINITION FILE...                    aggregate it, print MB/s
//! stats_bench show DEFINITION [--properties P] [--json] FILE...   print the report
//! ```
//!
//! The generated log follows the definition: every operation's path with its parameters
//! filled by ID-like values, under the definition's basePath, statuses mostly 2xx with
//! 4xx/5xx/429 sprinkled in, a share of health probes and undocumented paths, and
//! timestamps spread over 40 days so that the 30-day window drops some of them.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use connlint::model::{build_definition, Definition};
use connlint::report::stats::render_pretty;
use connlint::source::SourceFile;
use connlint::stats::{analyze, StatsOptions};
use connlint::syntax::{json, Node};

fn parse(path: &Path) -> Result<Node, String> {
    let file = SourceFile::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    json::parse(&file)
        .root
        .ok_or_else(|| format!("{}: not JSON", path.display()))
}

fn definition(path: &Path) -> Result<Definition, String> {
    Ok(build_definition(&parse(path)?))
}

/// xorshift64*: deterministic and fast.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn fill_path(template: &str, rng: &mut Rng, out: &mut String) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let _ = std::fmt::Write::write_fmt(out, format_args!("ID-{:06}", rng.below(1_000_000)));
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
}

const STATUSES: [(u16, u64); 9] = [
    (200, 880),
    (201, 40),
    (204, 10),
    (400, 25),
    (401, 5),
    (404, 20),
    (429, 10),
    (500, 7),
    (502, 3),
];

fn status(rng: &mut Rng) -> u16 {
    let total: u64 = STATUSES.iter().map(|(_, w)| w).sum();
    let mut pick = rng.below(total);
    for (s, w) in STATUSES {
        if pick < w {
            return s;
        }
        pick -= w;
    }
    200
}

fn generate(def: &Definition, out: &Path, bytes: u64, format: &str) -> Result<(), String> {
    let file = std::fs::File::create(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let mut w = BufWriter::with_capacity(1 << 20, file);
    let base = def
        .base_path
        .as_deref()
        .unwrap_or("")
        .trim_end_matches('/')
        .to_string();
    let host = def.host.clone().unwrap_or_else(|| "api.example".into());
    let ops: Vec<(String, String)> = def
        .operations
        .iter()
        .map(|o| (o.method.to_ascii_uppercase(), format!("{base}{}", o.path)))
        .collect();
    if ops.is_empty() {
        return Err("the definition has no operations".into());
    }
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut written = 0u64;
    let mut line = String::with_capacity(512);
    let mut path = String::with_capacity(256);
    // 2025-05-22T00:00:00Z, spread over 40 days
    let start_secs: u64 = 1_747_872_000;
    let header = match format {
        "w3c" => "#Software: Microsoft Internet Information Services 10.0\n#Fields: date time s-sitename cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Cookie) cs(Referer) cs-host sc-status sc-substatus sc-win32-status sc-bytes cs-bytes time-taken\n".to_string(),
        _ => "timestamp [UTC],id,name,url,success,resultCode,duration,performanceBucket,itemType,operation_Name,operation_Id,operation_SyntheticSource,client_Type,client_IP,cloud_RoleName,appName,itemId,itemCount\n".to_string(),
    };
    w.write_all(header.as_bytes()).map_err(|e| e.to_string())?;
    written += header.len() as u64;
    let mut n = 0u64;
    while written < bytes {
        n += 1;
        line.clear();
        path.clear();
        let kind = rng.below(100);
        let (method, template) = if kind < 2 {
            ("GET".to_string(), "/health".to_string())
        } else if kind < 3 {
            ("GET".to_string(), format!("{base}/internal/{{x}}/debug"))
        } else {
            ops[rng.below(ops.len() as u64) as usize].clone()
        };
        fill_path(&template, &mut rng, &mut path);
        let status = status(&mut rng);
        let secs = start_secs + rng.below(40 * 86_400);
        let (days, rem) = (secs / 86_400, secs % 86_400);
        let (y, m, d) = civil(days as i64);
        let (hh, mm, ss) = (rem / 3600, rem / 60 % 60, rem % 60);
        match format {
            "w3c" => {
                let _ = std::fmt::Write::write_fmt(
                    &mut line,
                    format_args!(
                        "{y:04}-{m:02}-{d:02} {hh:02}:{mm:02}:{ss:02} SITE {method} {path} X-ARR-LOG-ID={n:032x} 443 - 20.61.14.{} azure-logic-apps/1.0+(workflow+5f2c9d1e8a7b4c63b0e4a9d8c7f6e5b4;+version+08584621907351938271) - - {host} {status} 0 0 {} {} {}\n",
                        rng.below(255),
                        rng.below(9000),
                        rng.below(2000),
                        rng.below(900)
                    ),
                );
            }
            _ => {
                let hour12 = if hh % 12 == 0 { 12 } else { hh % 12 };
                let ampm = if hh < 12 { "AM" } else { "PM" };
                let item_count = if rng.below(10) == 0 { 4 } else { 1 };
                let _ = std::fmt::Write::write_fmt(
                    &mut line,
                    format_args!(
                        "\"{m}/{d}/{y}, {hour12}:{mm:02}:{ss:02}.{:03} {ampm}\",{n:016x},{method} Controller/Action,https://{host}{path},{},{status},{}.{:04},<250ms,request,{method} Controller/Action,{n:032x},,PC,0.0.0.0,api-role,ai-app,{n:08x}-81e7-4ef5-a8e2-5d940ed90475,{item_count}\n",
                        rng.below(1000),
                        if status < 400 { "True" } else { "False" },
                        rng.below(3000),
                        rng.below(10_000),
                    ),
                );
            }
        }
        w.write_all(line.as_bytes()).map_err(|e| e.to_string())?;
        written += line.len() as u64;
    }
    w.flush().map_err(|e| e.to_string())?;
    eprintln!("wrote {n} rows, {written} bytes to {}", out.display());
    Ok(())
}

fn civil(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn run(args: &[String]) -> Result<(), String> {
    let usage = "usage: stats_bench generate DEFINITION OUT BYTES [csv|w3c] | run DEFINITION FILE... | show DEFINITION [--properties P] [--json] FILE...";
    match args.first().map(String::as_str) {
        Some("generate") if args.len() >= 4 => {
            let def = definition(Path::new(&args[1]))?;
            let bytes: u64 = args[3].parse().map_err(|_| usage.to_string())?;
            generate(
                &def,
                Path::new(&args[2]),
                bytes,
                args.get(4).map_or("csv", String::as_str),
            )
        }
        Some("run") if args.len() >= 3 => {
            let def = definition(Path::new(&args[1]))?;
            let files: Vec<PathBuf> = args[2..].iter().map(PathBuf::from).collect();
            let bytes: u64 = files
                .iter()
                .map(|f| std::fs::metadata(f).map(|m| m.len()).unwrap_or(0))
                .sum();
            let started = Instant::now();
            let report =
                analyze(&def, None, &files, &StatsOptions::default()).map_err(|e| e.to_string())?;
            let secs = started.elapsed().as_secs_f64();
            let rows: u64 = report.sources.iter().map(|s| s.rows).sum();
            println!(
                "{} bytes, {rows} rows in {secs:.2} s: {:.0} MB/s, {:.2} M rows/s; window {} to {}, {} requests counted, {} outside the window, success rate {:.2}%",
                bytes,
                bytes as f64 / 1e6 / secs,
                rows as f64 / 1e6 / secs,
                report.window.start.as_deref().unwrap_or("-"),
                report.window.end.as_deref().unwrap_or("-"),
                report.connector.responses.requests,
                report.window.requests_outside,
                report.connector.responses.success_rate.unwrap_or(0.0)
            );
            Ok(())
        }
        Some("show") if args.len() >= 3 => {
            let def = definition(Path::new(&args[1]))?;
            let mut props = None;
            let mut as_json = false;
            let mut files = Vec::new();
            let mut i = 2;
            while i < args.len() {
                match args[i].as_str() {
                    "--properties" => {
                        props = Some(parse(Path::new(args.get(i + 1).ok_or(usage)?))?);
                        i += 1;
                    }
                    "--json" => as_json = true,
                    f => files.push(PathBuf::from(f)),
                }
                i += 1;
            }
            let report = analyze(&def, props.as_ref(), &files, &StatsOptions::default())
                .map_err(|e| e.to_string())?;
            if as_json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?
                );
            } else {
                print!("{}", render_pretty(&report, false));
            }
            Ok(())
        }
        _ => Err(usage.into()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
