//! W3C extended log files (IIS, App Service web server logs). Fields are named by the
//! latest `#Fields:` directive, which may change in the middle of a file; values are
//! space-separated and `-` means empty.

use std::io::BufRead;

use super::{ReadContext, SourceTally};
use crate::stats::aggregate::Aggregator;
use crate::stats::columns::{Observation, RowOutcome, RowTime};
use crate::stats::error::{StatsError, StatsErrorKind};
use crate::stats::matcher::PathKind;
use crate::stats::time::Timestamp;

/// Field positions from the current `#Fields:` directive.
#[derive(Debug, Default, Clone, Copy)]
struct Layout {
    width: usize,
    method: Option<usize>,
    stem: usize,
    status: usize,
    date: Option<usize>,
    time: Option<usize>,
}

pub(crate) fn read<R: BufRead>(
    mut input: R,
    ctx: &ReadContext,
    agg: &mut Aggregator,
) -> Result<SourceTally, StatsError> {
    let mut tally = SourceTally {
        format: "w3c".into(),
        ..SourceTally::default()
    };
    let mut layout: Option<Layout> = None;
    let mut buf = Vec::with_capacity(1024);
    let mut line_no = 0u64;
    // the fields of one line, by position: (start, end) byte offsets
    let mut fields: Vec<(usize, usize)> = Vec::with_capacity(32);
    loop {
        buf.clear();
        let n = input
            .read_until(b'\n', &mut buf)
            .map_err(|e| ctx.error(StatsErrorKind::Io, format!("cannot read the file: {e}")))?;
        if n == 0 {
            break;
        }
        line_no += 1;
        let mut line = &buf[..];
        while let [rest @ .., b'\n' | b'\r'] = line {
            line = rest;
        }
        if line.is_empty() {
            continue;
        }
        if line[0] == b'#' {
            if let Some(rest) = line.strip_prefix(b"#Fields:") {
                let text = std::str::from_utf8(rest).map_err(|_| {
                    ctx.error(
                        StatsErrorKind::Encoding,
                        "the #Fields line is not valid UTF-8",
                    )
                    .at(Some(line_no), None)
                })?;
                layout = Some(parse_fields(text).map_err(|msg| {
                    ctx.error(StatsErrorKind::Header, msg)
                        .at(Some(line_no), Some(1))
                })?);
            }
            continue;
        }
        let Some(layout) = layout else {
            return Err(ctx
                .error(
                    StatsErrorKind::Header,
                    "a log line comes before any `#Fields:` directive, so its fields have no names",
                )
                .at(Some(line_no), Some(1)));
        };
        fields.clear();
        let mut start = 0;
        for (i, &b) in line.iter().enumerate() {
            if b == b' ' {
                fields.push((start, i));
                start = i + 1;
            }
        }
        fields.push((start, line.len()));
        if fields.len() != layout.width {
            let err = ctx
                .error(
                    StatsErrorKind::Row,
                    format!(
                        "the line has {} fields, the #Fields directive names {}",
                        fields.len(),
                        layout.width
                    ),
                )
                .at(Some(line_no), Some(1));
            tally.bad_row(err, ctx.skip_bad_rows)?;
            continue;
        }
        match observe(line, &fields, &layout) {
            Ok(obs) => {
                tally.requests = tally.requests.saturating_add(obs.count);
                tally.outcome(RowOutcome::Counted);
                agg.add(&obs, ctx.row_ref(line_no, true));
            }
            Err((field, message)) => {
                let column = line[..fields[field].0]
                    .iter()
                    .filter(|&&b| (b & 0xC0) != 0x80)
                    .count() as u64
                    + 1;
                let kind = if message.contains("UTF-8") {
                    StatsErrorKind::Encoding
                } else {
                    StatsErrorKind::Row
                };
                let err = ctx.error(kind, message).at(Some(line_no), Some(column));
                tally.bad_row(err, ctx.skip_bad_rows)?;
            }
        }
    }
    if layout.is_none() {
        return Err(ctx.error(
            StatsErrorKind::Header,
            "no `#Fields:` directive: a W3C log names its fields on a `#Fields:` line",
        ));
    }
    Ok(tally)
}

fn parse_fields(text: &str) -> Result<Layout, String> {
    let names: Vec<&str> = text.split_whitespace().collect();
    let find = |name: &str| names.iter().position(|n| n.eq_ignore_ascii_case(name));
    let stem = find("cs-uri-stem");
    let status = find("sc-status");
    match (stem, status) {
        (Some(stem), Some(status)) => Ok(Layout {
            width: names.len(),
            method: find("cs-method"),
            stem,
            status,
            date: find("date"),
            time: find("time"),
        }),
        _ => Err(format!(
            "the #Fields directive ({}) lacks `cs-uri-stem` or `sc-status`",
            names.join(" ")
        )),
    }
}

fn observe<'l>(
    line: &'l [u8],
    fields: &[(usize, usize)],
    layout: &Layout,
) -> Result<Observation<'l>, (usize, String)> {
    let text = |i: usize| -> Result<&'l str, (usize, String)> {
        let (a, b) = fields[i];
        let s = std::str::from_utf8(&line[a..b]).map_err(|_| {
            (
                i,
                "the field is not valid UTF-8; save the log as UTF-8".to_string(),
            )
        })?;
        Ok(if s == "-" { "" } else { s })
    };
    let status_text = text(layout.status)?;
    let status = if status_text.is_empty() {
        0
    } else {
        match status_text.parse::<u16>() {
            Ok(s @ 100..=599) => s,
            Ok(_) => 0,
            Err(_) => {
                return Err((
                    layout.status,
                    format!("`sc-status` is \"{status_text}\", not a number"),
                ))
            }
        }
    };
    let time = match (layout.date, layout.time) {
        (Some(d), Some(t)) => {
            let (date, clock) = (text(d)?, text(t)?);
            if date.is_empty() {
                RowTime::Unknown
            } else {
                RowTime::At(Timestamp::from_date_and_time(date, clock).ok_or_else(|| {
                    (
                        d,
                        format!("`date time` is \"{date} {clock}\", not a date and time"),
                    )
                })?)
            }
        }
        _ => RowTime::Unknown,
    };
    Ok(Observation {
        operation_id: "",
        method: match layout.method {
            Some(m) => text(m)?,
            None => "",
        },
        path: text(layout.stem)?,
        path_kind: PathKind::RawPath,
        status,
        count: 1,
        time,
    })
}
