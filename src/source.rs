//! Source files: bytes read once, decoded once, with a line index for positions.
//!
//! Everything downstream works on byte spans into [`SourceFile::text`]; line and column
//! numbers are computed only when a diagnostic is rendered.

use std::path::{Path, PathBuf};

/// A half-open byte range `[start, end)` into a source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }
    pub fn at(offset: usize) -> Self {
        Span::new(offset, offset)
    }
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// 1-based line and column. Columns count Unicode scalar values (characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// What was done to the raw bytes to obtain [`SourceFile::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decoding {
    /// Clean UTF-8.
    Utf8,
    /// A UTF-8 byte-order mark was present; it is replaced by nothing in positions
    /// (the text still starts with it, and parsers skip it).
    Utf8WithBom,
    /// Invalid UTF-8 sequences were found; each invalid byte was replaced by `?` so
    /// that byte offsets stay exact. `invalid` lists each sequence's offset and first byte.
    Repaired { invalid: Vec<(usize, u8)> },
}

/// One file, read once.
#[derive(Debug)]
pub struct SourceFile {
    /// The path as the user will see it (relative where the user gave a relative path).
    pub path: PathBuf,
    /// The decoded text. Byte offsets equal the raw file's byte offsets.
    pub text: Box<str>,
    pub decoding: Decoding,
    line_starts: Vec<u32>,
    /// Character and UTF-16 counts at block boundaries, built on the first column asked
    /// of a non-ASCII file: a column then costs at most one block's scan, not the line's.
    columns: std::sync::OnceLock<ColumnIndex>,
}

/// Bytes per block of [`ColumnIndex`].
const COLUMN_BLOCK: usize = 1024;

/// How many characters and UTF-16 code units precede each block of the text. A count over
/// any byte range is the count of bytes that start a character (every byte but
/// continuation bytes), plus, for UTF-16, one more for each 4-byte character: so block
/// boundaries need not fall on character boundaries.
#[derive(Debug)]
enum ColumnIndex {
    /// The text is ASCII: a column is a byte distance.
    Ascii,
    Blocks {
        chars: Vec<u32>,
        utf16: Vec<u32>,
    },
}

fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

fn count_utf16(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .map(|&b| usize::from((b as i8) >= -0x40) + usize::from(b >= 0xF0))
        .sum()
}

impl ColumnIndex {
    fn build(text: &[u8]) -> ColumnIndex {
        if text.is_ascii() {
            return ColumnIndex::Ascii;
        }
        let blocks = text.len() / COLUMN_BLOCK + 1;
        let (mut chars, mut utf16) = (Vec::with_capacity(blocks), Vec::with_capacity(blocks));
        let (mut c, mut u) = (0usize, 0usize);
        chars.push(0);
        utf16.push(0);
        for block in text.chunks(COLUMN_BLOCK) {
            c += count_chars(block);
            u += count_utf16(block);
            chars.push(c as u32);
            utf16.push(u as u32);
        }
        ColumnIndex::Blocks { chars, utf16 }
    }

    /// Characters (or UTF-16 units) in `text[..offset]`.
    fn before(&self, text: &[u8], offset: usize, utf16: bool) -> usize {
        match self {
            ColumnIndex::Ascii => offset,
            ColumnIndex::Blocks {
                chars,
                utf16: units,
            } => {
                let block = offset / COLUMN_BLOCK;
                let rest = &text[block * COLUMN_BLOCK..offset];
                if utf16 {
                    units[block] as usize + count_utf16(rest)
                } else {
                    chars[block] as usize + count_chars(rest)
                }
            }
        }
    }
}

impl SourceFile {
    /// Reads and decodes a file. I/O errors are returned to the caller, who turns them
    /// into findings.
    pub fn read(path: &Path) -> std::io::Result<SourceFile> {
        let bytes = std::fs::read(path)?;
        Ok(SourceFile::from_bytes(path.to_path_buf(), bytes))
    }

    /// Reads a connector file as [`crate::fsutil::read_in_tree`] does: a regular file of
    /// at most [`crate::fsutil::MAX_FILE_SIZE`] bytes, reached through links only inside
    /// `tree`.
    pub fn read_in_tree(
        path: &Path,
        tree: &Path,
    ) -> Result<SourceFile, crate::fsutil::ReadRefusal> {
        let bytes = crate::fsutil::read_in_tree(path, tree, crate::fsutil::MAX_FILE_SIZE)?;
        Ok(SourceFile::from_bytes(path.to_path_buf(), bytes))
    }

    pub fn from_bytes(path: PathBuf, bytes: Vec<u8>) -> SourceFile {
        let (text, decoding) = match String::from_utf8(bytes) {
            Ok(text) => {
                let decoding = if text.starts_with('\u{feff}') {
                    Decoding::Utf8WithBom
                } else {
                    Decoding::Utf8
                };
                (text, decoding)
            }
            Err(err) => {
                let mut bytes = err.into_bytes();
                let invalid = repair_utf8(&mut bytes);
                let text = String::from_utf8_lossy(&bytes).into_owned();
                (text, Decoding::Repaired { invalid })
            }
        };
        SourceFile::from_text(path, text, decoding)
    }

    pub fn from_text(path: PathBuf, text: String, decoding: Decoding) -> SourceFile {
        let mut line_starts = Vec::with_capacity(text.len() / 32 + 1);
        line_starts.push(0u32);
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i as u32 + 1));
        SourceFile {
            path,
            // Kept as read: no copy of the file (a `String` becomes an `Arc<str>` only by
            // copying it).
            text: text.into_boxed_str(),
            decoding,
            line_starts,
            columns: std::sync::OnceLock::new(),
        }
    }

    /// Byte offset where the content starts (after a byte-order mark, if any).
    pub fn content_start(&self) -> usize {
        if self.text.starts_with('\u{feff}') {
            3
        } else {
            0
        }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// 0-based line index of a byte offset.
    pub fn line_index(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&(offset as u32)) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// Byte offset of the start of a 0-based line.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts
            .get(line)
            .map(|&s| s as usize)
            .unwrap_or(self.text.len())
    }

    /// Byte offset of the end of a 0-based line (before its `\r\n` or `\n`).
    pub fn line_end(&self, line: usize) -> usize {
        let next = self.line_start(line + 1);
        let mut end = next;
        let bytes = self.text.as_bytes();
        if end > 0 && end <= bytes.len() && line + 1 < self.line_starts.len() {
            end -= 1; // the '\n'
            if end > self.line_start(line) && bytes[end - 1] == b'\r' {
                end -= 1;
            }
        }
        end.max(self.line_start(line))
    }

    /// 1-based line and character column of a byte offset. Costs a binary search and at
    /// most one block's scan, whatever the length of the line.
    pub fn line_col(&self, offset: usize) -> LineCol {
        self.position(offset, false)
    }

    /// 1-based line and column counted in UTF-16 code units (SARIF's default).
    pub fn line_col_utf16(&self, offset: usize) -> LineCol {
        self.position(offset, true)
    }

    fn position(&self, offset: usize, utf16: bool) -> LineCol {
        let offset = self.floor_char_boundary(offset.min(self.text.len()));
        let line = self.line_index(offset);
        let start = self.line_start(line);
        let bytes = self.text.as_bytes();
        let column = if offset - start <= 64 {
            let run = &bytes[start..offset];
            if utf16 {
                count_utf16(run)
            } else {
                count_chars(run)
            }
        } else {
            let index = self.columns.get_or_init(|| ColumnIndex::build(bytes));
            index.before(bytes, offset, utf16) - index.before(bytes, start, utf16)
        };
        LineCol {
            line: line + 1,
            column: column + 1,
        }
    }

    fn floor_char_boundary(&self, mut offset: usize) -> usize {
        while offset > 0 && !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

/// Replaces every byte of every invalid UTF-8 sequence with `?`, returning where each
/// invalid sequence starts and its first byte.
fn repair_utf8(bytes: &mut [u8]) -> Vec<(usize, u8)> {
    let mut offsets = Vec::new();
    let mut pos = 0;
    while pos < bytes.len() {
        match std::str::from_utf8(&bytes[pos..]) {
            Ok(_) => break,
            Err(e) => {
                let bad_start = pos + e.valid_up_to();
                let bad_len = e.error_len().unwrap_or(bytes.len() - bad_start);
                offsets.push((bad_start, bytes[bad_start]));
                for b in &mut bytes[bad_start..bad_start + bad_len] {
                    *b = b'?';
                }
                pos = bad_start + bad_len;
            }
        }
    }
    offsets
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_is_one_based_and_counts_characters() {
        let f = SourceFile::from_text("x".into(), "ab\r\nçd\n".into(), Decoding::Utf8);
        assert_eq!(f.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(f.line_col(4), LineCol { line: 2, column: 1 });
        assert_eq!(f.line_col(6), LineCol { line: 2, column: 2 });
        assert_eq!(f.line_end(0), 2);
        assert_eq!(f.line_end(1), 7);
    }

    #[test]
    fn invalid_utf8_is_repaired_in_place() {
        let f = SourceFile::from_bytes("x".into(), b"{\"a\": \"Br\xf8nn\"}".to_vec());
        assert_eq!(
            f.decoding,
            Decoding::Repaired {
                invalid: vec![(9, 0xf8)]
            }
        );
        assert_eq!(&*f.text, "{\"a\": \"Br?nn\"}");
    }

    #[test]
    fn utf16_columns_count_surrogate_pairs_twice() {
        let f = SourceFile::from_text("x".into(), "😀a".into(), Decoding::Utf8);
        assert_eq!(f.line_col_utf16(4).column, 3);
        assert_eq!(f.line_col(4).column, 2);
    }

    /// The block index agrees with counting characters, on long lines of mixed widths,
    /// at every offset (blocks split characters; lines start inside blocks).
    #[test]
    fn indexed_columns_agree_with_counting() {
        let mut text = String::new();
        for i in 0..3000 {
            text.push(['a', 'é', '€', '😀'][i % 4]);
            if i % 997 == 0 {
                text.push('\n');
            }
        }
        let f = SourceFile::from_text("x".into(), text.clone(), Decoding::Utf8);
        for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let line = text[..offset].matches('\n').count() + 1;
            let chars = text[line_start..offset].chars().count() + 1;
            let units = text[line_start..offset].encode_utf16().count() + 1;
            assert_eq!(
                f.line_col(offset),
                LineCol {
                    line,
                    column: chars
                }
            );
            assert_eq!(f.line_col_utf16(offset).column, units, "at {offset}");
        }
        let ascii = SourceFile::from_text("x".into(), "a".repeat(5000), Decoding::Utf8);
        assert_eq!(ascii.line_col(4321).column, 4322);
    }
}
