//! Finding connectors: a connector folder, a single definition file, or every connector
//! folder below a directory.

use std::path::{Path, PathBuf};

use crate::diagnostic::FileKind;

/// The files of one connector, as found on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectorFiles {
    /// The connector's folder (for a lone definition file, its parent).
    pub dir: PathBuf,
    /// The tree the user asked to lint: the folder named on the command line, or the
    /// folder of a file named there. A symbolic link is followed only to a target inside
    /// it ([`crate::fsutil::read_in_tree`]).
    pub root: PathBuf,
    pub definition: Option<PathBuf>,
    pub properties: Option<PathBuf>,
    /// readme.md and/or intro.md.
    pub docs: Vec<(PathBuf, FileKind)>,
    /// A certification package (a `.zip` named on the command line): checked on its own.
    pub package: Option<PathBuf>,
}

impl ConnectorFiles {
    pub fn files(&self) -> impl Iterator<Item = (&Path, FileKind)> {
        self.definition
            .iter()
            .map(|p| (p.as_path(), FileKind::Definition))
            .chain(
                self.properties
                    .iter()
                    .map(|p| (p.as_path(), FileKind::Properties)),
            )
            .chain(self.docs.iter().map(|(p, k)| (p.as_path(), *k)))
            .chain(
                self.package
                    .iter()
                    .map(|p| (p.as_path(), FileKind::Package)),
            )
    }
}

#[derive(Debug)]
pub enum DiscoverError {
    NotFound(PathBuf),
    Io(PathBuf, std::io::Error),
}

impl std::fmt::Display for DiscoverError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DiscoverError::NotFound(p) => write!(f, "{}: no such file or directory", p.display()),
            DiscoverError::Io(p, e) => write!(f, "{}: {e}", p.display()),
        }
    }
}

/// Classifies a file name (case-insensitively).
pub fn kind_of(name: &str) -> Option<FileKind> {
    let lower = name.to_ascii_lowercase();
    match lower.as_str() {
        "apidefinition.swagger.json"
        | "apidefinition.swagger.yaml"
        | "apidefinition.swagger.yml" => Some(FileKind::Definition),
        "apiproperties.json" => Some(FileKind::Properties),
        "readme.md" => Some(FileKind::Readme),
        "intro.md" => Some(FileKind::Intro),
        _ => None,
    }
}

/// Reads a folder's connector files, if it has any.
fn connector_in(dir: &Path, root: &Path) -> Result<Option<ConnectorFiles>, DiscoverError> {
    let entries = std::fs::read_dir(dir).map_err(|e| DiscoverError::Io(dir.to_path_buf(), e))?;
    let mut found = ConnectorFiles {
        dir: dir.to_path_buf(),
        root: root.to_path_buf(),
        definition: None,
        properties: None,
        docs: Vec::new(),
        package: None,
    };
    let mut names: Vec<(String, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().map(|t| !t.is_dir()).unwrap_or(false))
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
        .collect();
    names.sort();
    for (name, path) in names {
        match kind_of(&name) {
            Some(FileKind::Definition) if found.definition.is_none() => {
                found.definition = Some(path)
            }
            Some(FileKind::Properties) => found.properties = Some(path),
            Some(k @ (FileKind::Readme | FileKind::Intro)) => found.docs.push((path, k)),
            _ => {}
        }
    }
    Ok((found.definition.is_some() || found.properties.is_some()).then_some(found))
}

fn skip_dir(name: &str) -> bool {
    name.starts_with('.') || name == "node_modules" || name == "target"
}

/// Finds the connectors the user named. Each path may be a connector folder, a
/// definition file (any `.json`/`.yaml`/`.yml`), another connector file (its folder is
/// linted), or any directory (every connector folder below it).
pub fn discover(paths: &[PathBuf]) -> Result<Vec<ConnectorFiles>, DiscoverError> {
    let mut out: Vec<ConnectorFiles> = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|_| DiscoverError::NotFound(path.clone()))?;
        if meta.is_file() {
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            let dir = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            };
            let is_zip = name.to_ascii_lowercase().ends_with(".zip");
            match kind_of(name) {
                Some(_) => {
                    if let Some(c) = connector_in(&dir, &dir)? {
                        out.push(c);
                    }
                }
                None if is_zip => out.push(ConnectorFiles {
                    root: dir.clone(),
                    dir,
                    definition: None,
                    properties: None,
                    docs: Vec::new(),
                    package: Some(path.clone()),
                }),
                None => out.push(ConnectorFiles {
                    root: dir.clone(),
                    dir,
                    definition: Some(path.clone()),
                    properties: None,
                    docs: Vec::new(),
                    package: None,
                }),
            }
            continue;
        }
        let mut walker = walkdir::WalkDir::new(path).follow_links(false).into_iter();
        while let Some(entry) = walker.next() {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let p = e.path().unwrap_or(path).to_path_buf();
                    return Err(DiscoverError::Io(p, e.into()));
                }
            };
            if !entry.file_type().is_dir() {
                continue;
            }
            if entry.depth() > 0 && skip_dir(&entry.file_name().to_string_lossy()) {
                walker.skip_current_dir();
                continue;
            }
            if let Some(c) = connector_in(entry.path(), path)? {
                out.push(c);
                walker.skip_current_dir();
            }
        }
    }
    out.sort_by(|a, b| a.dir.cmp(&b.dir).then(a.definition.cmp(&b.definition)));
    out.dedup();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_case_insensitive() {
        assert_eq!(
            kind_of("apiDefinition.Swagger.JSON"),
            Some(FileKind::Definition)
        );
        assert_eq!(kind_of("README.MD"), Some(FileKind::Readme));
        assert_eq!(kind_of("Intro.md"), Some(FileKind::Intro));
        assert_eq!(kind_of("script.csx"), None);
    }

    #[test]
    fn finds_connectors_below_a_directory() {
        let t = tempfile::tempdir().unwrap();
        let a = t.path().join("certified-connectors/A");
        let b = t.path().join("certified-connectors/B");
        let hidden = t.path().join(".git/C");
        for d in [&a, &b, &hidden] {
            std::fs::create_dir_all(d).unwrap();
            std::fs::write(d.join("apiDefinition.swagger.json"), "{}").unwrap();
        }
        std::fs::write(a.join("README.md"), "# A").unwrap();
        std::fs::write(b.join("apiProperties.json"), "{}").unwrap();
        let found = discover(&[t.path().to_path_buf()]).unwrap();
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].docs.len(), 1);
        assert!(found[1].properties.is_some());
        let one = discover(&[b.join("apiProperties.json")]).unwrap();
        assert_eq!(one.len(), 1);
        assert!(one[0].definition.is_some());
        assert!(matches!(
            discover(&[t.path().join("nope")]),
            Err(DiscoverError::NotFound(_))
        ));
    }
}
