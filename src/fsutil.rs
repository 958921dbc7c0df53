//! Writing files safely: a temporary file in the same folder, then a rename, so a reader
//! never sees half a file and a crash never leaves one.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// The largest connector file connlint reads: 32 MiB. Power Platform takes definitions
/// under 1 MB; the largest in the public corpus is 1.1 MB on disk.
pub const MAX_FILE_SIZE: u64 = 32 * 1024 * 1024;

/// Why a connector file was not read.
#[derive(Debug)]
pub enum ReadRefusal {
    /// A symbolic link whose target lies outside the linted tree.
    Outside {
        target: PathBuf,
        tree: PathBuf,
    },
    /// Not a regular file: a FIFO, a device, a socket or a folder.
    NotRegular {
        what: &'static str,
    },
    /// Larger than the limit.
    TooLarge {
        size: u64,
        limit: u64,
    },
    Io(std::io::Error),
}

impl std::fmt::Display for ReadRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadRefusal::Outside { target, tree } => write!(
                f,
                "it is a symbolic link to {}, outside the linted tree {}",
                target.display(),
                tree.display()
            ),
            ReadRefusal::NotRegular { what } => write!(f, "it is {what}, not a regular file"),
            ReadRefusal::TooLarge { size, limit } => write!(
                f,
                "it is {} MiB; connlint reads connector files of up to {} MiB",
                size.div_ceil(1024 * 1024),
                limit / (1024 * 1024)
            ),
            ReadRefusal::Io(e) => write!(f, "{e}"),
        }
    }
}

impl ReadRefusal {
    /// What the user can do about it.
    pub fn hint(&self) -> &'static str {
        match self {
            ReadRefusal::Outside { .. } => {
                "connlint follows links only inside the folder it was given; lint the folder that holds the link's target, or replace the link by the file"
            }
            ReadRefusal::NotRegular { .. } => {
                "connector files must be regular files; remove or rename this entry"
            }
            ReadRefusal::TooLarge { .. } => {
                "Power Platform accepts definitions under 1 MB; share schemas through $ref or split the connector"
            }
            ReadRefusal::Io(_) => "check that the file exists and is readable",
        }
    }
}

fn file_type_name(t: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() {
        "a folder"
    } else {
        "a special file"
    }
}

/// A file of a connector folder, as the lint sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FolderFile {
    pub name: String,
    /// Its size in bytes; `None` for a link that leaves the linted tree (which is not
    /// read, and whose target is not looked at).
    pub size: Option<u64>,
}

/// The files of a folder, sorted by name: regular files, and symbolic links to regular
/// files (a link is a file of the connector as much as the file it names; the lint reads
/// it when it stays inside `tree`). Nothing is opened.
pub fn list_files(dir: &Path, tree: &Path) -> Vec<FolderFile> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let tree = std::fs::canonicalize(tree).unwrap_or_else(|_| tree.to_path_buf());
    let mut files: Vec<FolderFile> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let kind = e.file_type().ok()?;
            let name = e.file_name().to_string_lossy().into_owned();
            if kind.is_file() {
                return Some(FolderFile {
                    name,
                    size: e.metadata().ok().map(|m| m.len()),
                });
            }
            if !kind.is_symlink() {
                return None;
            }
            let target = std::fs::canonicalize(e.path()).ok();
            let inside = target.as_ref().is_some_and(|t| t.starts_with(&tree));
            let size = match &target {
                Some(t) if inside => {
                    let meta = std::fs::metadata(t).ok()?;
                    if !meta.is_file() {
                        return None;
                    }
                    Some(meta.len())
                }
                _ => None,
            };
            Some(FolderFile { name, size })
        })
        .collect();
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}

/// Opens a file a stranger may have committed, safely:
/// - a symbolic link is followed only when its target (and every link on the way) stays
///   inside `tree`, the folder the user asked to lint;
/// - only a regular file is opened: a FIFO is never waited on, a device never drained
///   (the file is opened without blocking and checked after opening, so swapping it
///   between a check and the open changes nothing).
///
/// Returns the open file and its size.
pub fn open_in_tree(path: &Path, tree: &Path) -> Result<(std::fs::File, u64), ReadRefusal> {
    let link = std::fs::symlink_metadata(path).map_err(ReadRefusal::Io)?;
    let target = if link.file_type().is_symlink() {
        let target = std::fs::canonicalize(path).map_err(ReadRefusal::Io)?;
        let tree = std::fs::canonicalize(tree).unwrap_or_else(|_| tree.to_path_buf());
        if !target.starts_with(&tree) {
            return Err(ReadRefusal::Outside { target, tree });
        }
        target
    } else {
        path.to_path_buf()
    };
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer.
        // O_NOFOLLOW: the target was resolved above; a link swapped in since is refused.
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW);
    }
    #[cfg(not(unix))]
    {
        let meta = std::fs::metadata(&target).map_err(ReadRefusal::Io)?;
        if !meta.is_file() {
            return Err(ReadRefusal::NotRegular {
                what: file_type_name(meta.file_type()),
            });
        }
    }
    let file = options.open(&target).map_err(|e| {
        #[cfg(unix)]
        if e.raw_os_error() == Some(libc::ELOOP) {
            return ReadRefusal::NotRegular {
                what: "a symbolic link that changed while it was read",
            };
        }
        ReadRefusal::Io(e)
    })?;
    let meta = file.metadata().map_err(ReadRefusal::Io)?;
    if !meta.is_file() {
        return Err(ReadRefusal::NotRegular {
            what: file_type_name(meta.file_type()),
        });
    }
    Ok((file, meta.len()))
}

/// Reads a file as [`open_in_tree`] opens it, at most `limit` bytes: a larger file, or
/// one that grows while read, is refused.
pub fn read_in_tree(path: &Path, tree: &Path, limit: u64) -> Result<Vec<u8>, ReadRefusal> {
    let (file, size) = open_in_tree(path, tree)?;
    if size > limit {
        return Err(ReadRefusal::TooLarge { size, limit });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadRefusal::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadRefusal::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Writes `bytes` to `path` atomically, keeping the permissions of a file it replaces.
/// A symbolic link is followed (the file it points to is replaced, the link stays); a
/// read-only file is refused, as an editor would, although the folder would allow the
/// rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let resolved;
    let path = match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            resolved = std::fs::canonicalize(path)?;
            resolved.as_path()
        }
        _ => path,
    };
    if std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly()) {
        return Err(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            "the file is read-only",
        ));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    let mut attempt = 0u32;
    let (tmp_path, mut tmp) = loop {
        let candidate = dir.join(format!(
            ".{name}.connlint-{}-{attempt}.tmp",
            std::process::id()
        ));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&candidate)
        {
            Ok(f) => break (candidate, f),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {
                attempt += 1
            }
            Err(e) => return Err(e),
        }
    };
    let result = (|| {
        tmp.write_all(bytes)?;
        tmp.sync_all()?;
        if let Ok(meta) = std::fs::metadata(path) {
            std::fs::set_permissions(&tmp_path, meta.permissions())?;
        }
        drop(tmp);
        std::fs::rename(&tmp_path, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp_path);
    }
    result
}

/// A unified diff of two versions of a file, `a/PATH` against `b/PATH` (`/dev/null`
/// for a new file), three lines of context.
pub fn unified_diff(old: &str, new: &str, path: &Path, is_new: bool) -> String {
    let a = if is_new {
        "/dev/null".to_string()
    } else {
        format!("a/{}", path.display().to_string().trim_start_matches('/'))
    };
    let b = format!("b/{}", path.display().to_string().trim_start_matches('/'));
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&a, &b)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_contents_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.sarif");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
