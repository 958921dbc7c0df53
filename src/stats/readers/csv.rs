//! CSV: canonical files, Azure portal exports (` [UTC]` headers, US dates) and raw table
//! exports. RFC 4180 quoting via the `csv` crate; records are read into one reused
//! buffer and only the columns a schema uses are decoded.

use std::io::BufRead;

use super::{count_row, ReadContext, SourceTally};
use crate::stats::aggregate::Aggregator;
use crate::stats::columns::{Col, ColumnSet, RowView};
use crate::stats::error::{StatsError, StatsErrorKind};

pub(crate) fn read<R: BufRead>(
    input: R,
    ctx: &ReadContext,
    agg: &mut Aggregator,
) -> Result<SourceTally, StatsError> {
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(1 << 17)
        .from_reader(input);
    let mut record = ::csv::ByteRecord::new();
    let io_error = |e: ::csv::Error| {
        let line = e.position().map(|p| p.line());
        ctx.error(StatsErrorKind::Io, format!("cannot read the file: {e}"))
            .at(line, None)
    };
    if !reader.read_byte_record(&mut record).map_err(io_error)? {
        return Err(ctx.error(StatsErrorKind::Empty, "the file is empty"));
    }
    let header_line = record.position().map_or(1, |p| p.line());
    let mut names = Vec::with_capacity(record.len());
    let mut columns = ColumnSet::default();
    // (column, field index), first occurrence of each column
    let mut mapped: Vec<(Col, usize)> = Vec::new();
    for (i, raw) in record.iter().enumerate() {
        let name = std::str::from_utf8(raw).map_err(|_| {
            ctx.error(
                StatsErrorKind::Encoding,
                "the header is not valid UTF-8; save the file as UTF-8",
            )
            .at(Some(header_line), None)
        })?;
        names.push(name.trim().trim_start_matches('\u{feff}').to_string());
        if let Some(col) = Col::from_header(name) {
            if !columns.has(col) {
                columns.insert(col);
                mapped.push((col, i));
            }
        }
    }
    let width = record.len();
    let schema = ctx.row_schema(columns, &names).map_err(|msg| {
        ctx.error(StatsErrorKind::Header, format!("bad header: {msg}"))
            .at(Some(header_line), Some(1))
    })?;
    let mut tally = SourceTally {
        format: format!("{} (csv)", schema.name()),
        ..SourceTally::default()
    };
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(io_error(e)),
        }
        let line = record.position().map_or(0, |p| p.line());
        if record.len() == 1
            && record
                .get(0)
                .is_some_and(|f| f.iter().all(u8::is_ascii_whitespace))
        {
            continue;
        }
        if record.len() != width {
            let err = ctx
                .error(
                    StatsErrorKind::Row,
                    format!(
                        "the row has {} field{}, the header has {width}",
                        record.len(),
                        if record.len() == 1 { "" } else { "s" }
                    ),
                )
                .at(Some(line), Some(1));
            tally.bad_row(err, ctx.skip_bad_rows)?;
            continue;
        }
        let mut view = RowView::empty();
        let mut bad_encoding = None;
        for &(col, i) in &mapped {
            let raw = record.get(i).unwrap_or_default();
            match std::str::from_utf8(raw) {
                Ok(text) => view.set(col, text),
                Err(_) => {
                    bad_encoding = Some((col, i));
                    break;
                }
            }
        }
        if let Some((col, i)) = bad_encoding {
            let err = ctx
                .error(
                    StatsErrorKind::Encoding,
                    format!(
                        "`{}` is not valid UTF-8; save the file as UTF-8",
                        names.get(i).map_or(col.label(), String::as_str)
                    ),
                )
                .at(Some(line), Some(field_column(&record, i)));
            tally.bad_row(err, ctx.skip_bad_rows)?;
            continue;
        }
        let row_ref = ctx.row_ref(line, true);
        if let Err(problem) = count_row(schema, &view, ctx, false, row_ref, agg, &mut tally) {
            let index = problem
                .column
                .and_then(|c| mapped.iter().find(|(m, _)| *m == c).map(|(_, i)| *i));
            let column = index.map_or(1, |i| field_column(&record, i));
            let err = ctx
                .error(StatsErrorKind::Row, problem.message)
                .at(Some(line), Some(column));
            tally.bad_row(err, ctx.skip_bad_rows)?;
        }
    }
    Ok(tally)
}

/// The 1-based character column where field `index` starts, assuming fields were quoted
/// only when they had to be (as every exporter does).
fn field_column(record: &::csv::ByteRecord, index: usize) -> u64 {
    let mut column = 1u64;
    for field in record.iter().take(index) {
        let text = String::from_utf8_lossy(field);
        let mut width = text.chars().count() as u64;
        if field
            .iter()
            .any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
        {
            width += 2 + field.iter().filter(|&&b| b == b'"').count() as u64;
        }
        column += width + 1;
    }
    column
}
