//! Every file the shells read or write goes through here, so that no word is ever lost and
//! no input can hang or flood copydesk.
//!
//! Reading ([`read_regular`], [`read_limited`]): regular files only (a FIFO would block,
//! `/dev/zero` never ends), up to a size limit, with an error that says what the path is.
//!
//! Writing ([`write_atomic`]): the new text goes to a temporary file in the same folder,
//! which is flushed to disk, given the original's permissions and renamed over the original
//! in one step, so the file is at every moment either the old text or the new one. Before
//! the rename the original is compared with what was read: if someone changed it meanwhile,
//! nothing is written. `--fix`, `copydesk init` and the server's "add to dictionary" all use
//! it.

use std::fmt;
use std::fs::{self, File, Metadata};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The most `copydesk check` reads of one draft (a file or standard input): 64 MiB.
pub const DRAFT_LIMIT: u64 = 64 << 20;
/// The most read of a configuration file or a newsroom actor file: 16 MiB.
pub const CONFIG_LIMIT: u64 = 16 << 20;

/// "16 MiB": a limit as people read it.
pub fn mib(limit: u64) -> String {
    format!("{} MiB", limit >> 20)
}

/// What a path that is not a regular file is, as a phrase ("a named pipe (FIFO)").
pub fn kind(meta: &Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_file() {
        return "a regular file";
    }
    if t.is_dir() {
        return "a directory";
    }
    if t.is_symlink() {
        return "a symbolic link";
    }
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
    "not a regular file"
}

/// Why a file could not be read.
#[derive(Debug)]
pub enum ReadError {
    NotFound,
    /// The path is something else: a directory, a FIFO, a device, a socket.
    NotRegular(&'static str),
    /// Larger than the limit (in bytes).
    TooLarge(u64),
    /// Not UTF-8: the offset of the first bad byte.
    NotUtf8(usize),
    Io(io::Error),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotFound => write!(f, "no such file or directory"),
            ReadError::NotRegular(what) => write!(f, "is {what}, not a regular file"),
            ReadError::TooLarge(limit) => write!(f, "is larger than {} (the limit)", mib(*limit)),
            ReadError::NotUtf8(offset) => write!(
                f,
                "not valid UTF-8 (first bad byte at offset {offset}); save the file as UTF-8"
            ),
            ReadError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::NotFound {
            ReadError::NotFound
        } else {
            ReadError::Io(e)
        }
    }
}

/// Opening never waits: with `O_NONBLOCK` a FIFO swapped in after the type check opens at
/// once (and is then refused) instead of blocking until someone writes to it. It has no
/// effect on regular files. The value differs by platform; where it is not known here the
/// type check before opening is the only guard.
fn open_nonblocking(path: &Path) -> io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(all(
        target_os = "linux",
        any(
            target_arch = "x86",
            target_arch = "x86_64",
            target_arch = "arm",
            target_arch = "aarch64",
            target_arch = "riscv64",
            target_arch = "powerpc64",
            target_arch = "s390x",
            target_arch = "loongarch64"
        )
    ))]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(0o4000);
    }
    #[cfg(any(
        target_os = "macos",
        target_os = "ios",
        target_os = "freebsd",
        target_os = "netbsd",
        target_os = "openbsd",
        target_os = "dragonfly"
    ))]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(0x0004);
    }
    options.open(path)
}

/// Read a regular file (following symlinks) of at most `limit` bytes. Anything else (a
/// directory, a FIFO, a device, a socket) is refused without reading, and without blocking.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let meta = fs::metadata(path)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(kind(&meta)));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge(limit));
    }
    let file = open_nonblocking(path)?;
    // The path may have changed since it was looked at: check what was opened.
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(kind(&meta)));
    }
    // Sized to the file: grown by doubling, a buffer read to the end takes up to twice the
    // file (a 10 MB draft held 16 MB for as long as its text lived).
    let size = usize::try_from(meta.len().min(limit)).unwrap_or(0);
    read_limited_into(file, limit, Vec::with_capacity(size))
}

/// Read a regular file as UTF-8 text.
pub fn read_regular_text(path: &Path, limit: u64) -> Result<String, ReadError> {
    utf8(read_regular(path, limit)?)
}

/// Bytes as UTF-8 text, or where they stop being UTF-8.
pub fn utf8(bytes: Vec<u8>) -> Result<String, ReadError> {
    String::from_utf8(bytes).map_err(|e| ReadError::NotUtf8(e.utf8_error().valid_up_to()))
}

/// Read everything from `r`, but no more than `limit` bytes.
pub fn read_limited(r: impl Read, limit: u64) -> Result<Vec<u8>, ReadError> {
    read_limited_into(r, limit, Vec::new())
}

/// [`read_limited`] into a buffer that may already have room for what is expected.
fn read_limited_into(r: impl Read, limit: u64, mut bytes: Vec<u8>) -> Result<Vec<u8>, ReadError> {
    r.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(limit));
    }
    Ok(bytes)
}

/// What the file to be replaced must be, for [`write_atomic`] to go ahead.
#[derive(Debug, Clone, Copy)]
pub enum Expect<'a> {
    /// It must not exist (it is created; if it appears meanwhile, nothing is written).
    New,
    /// It must still hold exactly these bytes (what was read).
    Unchanged(&'a [u8]),
    /// Whatever regular file is there is replaced (`init --force`).
    Any,
}

/// What to do when the path is a symbolic link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Symlinks {
    /// Write to the file it points to (the link stays a link).
    Follow,
    /// Refuse: write nothing.
    Refuse,
}

/// Why a file was not written. In every case the file is as it was.
#[derive(Debug)]
pub enum WriteError {
    /// It changed (or disappeared) since it was read.
    Changed,
    /// It exists, and [`Expect::New`] said it must not.
    Exists,
    /// It is a symbolic link, and [`Symlinks::Refuse`] said not to write through one.
    Symlink,
    /// A symbolic link to nothing.
    Dangling,
    /// It is a directory, a FIFO, a device…
    NotRegular(&'static str),
    /// An I/O error, with the step it happened in.
    Io(&'static str, io::Error),
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::Changed => write!(f, "the file changed on disk after copydesk read it"),
            WriteError::Exists => write!(f, "it already exists"),
            WriteError::Symlink => {
                write!(
                    f,
                    "it is a symbolic link; copydesk does not write through it"
                )
            }
            WriteError::Dangling => {
                write!(f, "it is a symbolic link to a file that does not exist")
            }
            WriteError::NotRegular(what) => write!(f, "it is {what}, not a regular file"),
            WriteError::Io(step, e) => write!(f, "{step}: {e}"),
        }
    }
}

impl std::error::Error for WriteError {}

/// The step that writes the bytes into the temporary file; tests give one that fails.
pub type WriteStep<'a> = &'a mut dyn FnMut(&mut File, &[u8]) -> io::Result<()>;

/// [`write_atomic_with`] with the ordinary write step.
pub fn write_atomic(
    path: &Path,
    contents: &[u8],
    expect: Expect<'_>,
    symlinks: Symlinks,
) -> Result<(), WriteError> {
    write_atomic_with(path, contents, expect, symlinks, &mut |f, b| f.write_all(b))
}

/// Replace the file at `path` with `contents`, atomically: a temporary file in the same
/// folder, written with `write_step`, synced, given the original's permissions (and owner,
/// where allowed), then renamed over the original, and the folder synced. Through a
/// symbolic link it is the target that is replaced (with [`Symlinks::Follow`]). If `expect`
/// does not hold just before the rename, the temporary file is removed and nothing changes.
///
/// A file with other hard links gets a new inode: its other names keep the old text.
pub fn write_atomic_with(
    path: &Path,
    contents: &[u8],
    expect: Expect<'_>,
    symlinks: Symlinks,
    write_step: WriteStep<'_>,
) -> Result<(), WriteError> {
    let target = match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => match symlinks {
            Symlinks::Refuse => return Err(WriteError::Symlink),
            Symlinks::Follow => match fs::canonicalize(path) {
                Ok(t) => t,
                Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(WriteError::Dangling),
                Err(e) => return Err(WriteError::Io("cannot follow the symbolic link", e)),
            },
        },
        Ok(_) => path.to_path_buf(),
        Err(e) if e.kind() == io::ErrorKind::NotFound => path.to_path_buf(),
        Err(e) => return Err(WriteError::Io("cannot look at the file", e)),
    };
    let existing = match fs::symlink_metadata(&target) {
        Ok(m) => Some(m),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(WriteError::Io("cannot look at the file", e)),
    };
    match (&existing, expect) {
        (Some(m), _) if !m.is_file() => return Err(WriteError::NotRegular(kind(m))),
        (Some(_), Expect::New) => return Err(WriteError::Exists),
        (None, Expect::Unchanged(_)) => return Err(WriteError::Changed),
        _ => {}
    }
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .ok_or_else(|| {
            WriteError::Io(
                "no file name",
                io::Error::new(io::ErrorKind::InvalidInput, "the path has no file name"),
            )
        })?
        .to_string_lossy()
        .into_owned();
    let (temp, mut file) = create_temp(&dir, &name)?;
    let result = (|| {
        write_step(&mut file, contents)
            .map_err(|e| WriteError::Io("cannot write the temporary file", e))?;
        file.flush()
            .map_err(|e| WriteError::Io("cannot write the temporary file", e))?;
        if let Some(m) = &existing {
            keep_owner_and_permissions(&file, m)?;
        }
        file.sync_all()
            .map_err(|e| WriteError::Io("cannot flush the temporary file to disk", e))?;
        drop(file);
        if let Expect::Unchanged(read) = expect {
            if !still(&target, read)? {
                return Err(WriteError::Changed);
            }
        }
        match expect {
            Expect::New => link_new(&temp, &target)?,
            Expect::Unchanged(_) | Expect::Any => fs::rename(&temp, &target)
                .map_err(|e| WriteError::Io("cannot replace the file", e))?,
        }
        sync_dir(&dir);
        Ok(())
    })();
    // After a rename or a link the temporary name is gone or a second name: remove it.
    let _ = fs::remove_file(&temp);
    result
}

/// A new, empty temporary file beside the target: `.NAME.copydesk-PID-N.tmp` (hidden, so
/// folder walks skip it).
fn create_temp(dir: &Path, name: &str) -> Result<(PathBuf, File), WriteError> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let temp = dir.join(format!(".{name}.copydesk-{}-{n}.tmp", std::process::id()));
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
        {
            Ok(f) => return Ok((temp, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(WriteError::Io("cannot create a temporary file", e)),
        }
    }
}

fn keep_owner_and_permissions(file: &File, original: &Metadata) -> Result<(), WriteError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let mine = file
            .metadata()
            .map_err(|e| WriteError::Io("cannot look at the temporary file", e))?;
        if (mine.uid(), mine.gid()) != (original.uid(), original.gid()) {
            // Only root may give a file away; others keep what they can (the group, maybe).
            let _ = std::os::unix::fs::fchown(file, Some(original.uid()), Some(original.gid()));
            let _ = std::os::unix::fs::fchown(file, None, Some(original.gid()));
        }
    }
    file.set_permissions(original.permissions())
        .map_err(|e| WriteError::Io("cannot keep the file's permissions", e))
}

/// Whether the file at `path` still holds exactly `read`.
fn still(path: &Path, read: &[u8]) -> Result<bool, WriteError> {
    let meta = match fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(WriteError::Io("cannot look at the file", e)),
    };
    if !meta.is_file() || meta.len() != read.len() as u64 {
        return Ok(false);
    }
    let now = match read_regular(path, read.len() as u64) {
        Ok(b) => b,
        Err(ReadError::Io(e)) => return Err(WriteError::Io("cannot read the file again", e)),
        Err(_) => return Ok(false),
    };
    Ok(now == read)
}

/// Give the temporary file the target's name only if that name is still free: a hard link
/// fails if anything (even a dangling symlink) is there. Where links are not supported,
/// create the file exclusively and write it directly.
fn link_new(temp: &Path, target: &Path) -> Result<(), WriteError> {
    match fs::hard_link(temp, target) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(WriteError::Exists),
        Err(_) => {
            let bytes = fs::read(temp).map_err(|e| WriteError::Io("cannot read back", e))?;
            let mut f = fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(target)
                .map_err(|e| match e.kind() {
                    io::ErrorKind::AlreadyExists => WriteError::Exists,
                    _ => WriteError::Io("cannot create the file", e),
                })?;
            let written = f.write_all(&bytes).and_then(|_| f.sync_all());
            if let Err(e) = written {
                drop(f);
                let _ = fs::remove_file(target);
                return Err(WriteError::Io("cannot write", e));
            }
            Ok(())
        }
    }
}

/// Make the rename durable (best effort: not every platform can open a folder).
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".copydesk-"))
            .collect()
    }

    #[test]
    fn a_failing_write_leaves_the_original_whole_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("draft.md");
        let original = "Every word of the draft.\n".repeat(100);
        fs::write(&path, &original).unwrap();
        // Half the text goes out, then the disk is full.
        let mut failing = |f: &mut File, b: &[u8]| -> io::Result<()> {
            f.write_all(&b[..b.len() / 2])?;
            Err(io::Error::other("No space left on device"))
        };
        let err = write_atomic_with(
            &path,
            b"fixed",
            Expect::Unchanged(original.as_bytes()),
            Symlinks::Follow,
            &mut failing,
        )
        .unwrap_err();
        assert!(err.to_string().contains("No space left"), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), original);
        assert!(
            leftovers(dir.path()).is_empty(),
            "{:?}",
            leftovers(dir.path())
        );
    }

    #[test]
    fn a_file_changed_between_read_and_write_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("draft.md");
        fs::write(&path, "As read.\n").unwrap();
        let read = fs::read(&path).unwrap();
        // The reporter saves from the editor while copydesk is writing (same length, too).
        let p = path.clone();
        let mut meanwhile = |f: &mut File, b: &[u8]| -> io::Result<()> {
            fs::write(&p, "As SAVED\n")?;
            f.write_all(b)
        };
        let err = write_atomic_with(
            &path,
            b"Fixed.\n",
            Expect::Unchanged(&read),
            Symlinks::Follow,
            &mut meanwhile,
        )
        .unwrap_err();
        assert!(matches!(err, WriteError::Changed), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "As SAVED\n");
        assert!(leftovers(dir.path()).is_empty());
        // Deleted meanwhile: not recreated.
        fs::remove_file(&path).unwrap();
        let err = write_atomic(&path, b"x", Expect::Unchanged(&read), Symlinks::Follow);
        assert!(matches!(err, Err(WriteError::Changed)));
        assert!(!path.exists());
    }

    #[test]
    fn replaces_keeping_permissions_and_through_a_symlink_to_its_target() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.md");
        fs::write(&real, "old\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
        }
        write_atomic(
            &real,
            b"new\n",
            Expect::Unchanged(b"old\n"),
            Symlinks::Follow,
        )
        .unwrap();
        assert_eq!(fs::read_to_string(&real).unwrap(), "new\n");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&real).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o640);
            let link = dir.path().join("link.md");
            std::os::unix::fs::symlink(&real, &link).unwrap();
            write_atomic(
                &link,
                b"newer\n",
                Expect::Unchanged(b"new\n"),
                Symlinks::Follow,
            )
            .unwrap();
            assert!(fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink());
            assert_eq!(fs::read_to_string(&real).unwrap(), "newer\n");
            let err = write_atomic(&link, b"x", Expect::Any, Symlinks::Refuse).unwrap_err();
            assert!(matches!(err, WriteError::Symlink));
            assert_eq!(fs::read_to_string(&real).unwrap(), "newer\n");
            let dangling = dir.path().join("dangling.toml");
            std::os::unix::fs::symlink(dir.path().join("nowhere"), &dangling).unwrap();
            let err = write_atomic(&dangling, b"x", Expect::New, Symlinks::Refuse).unwrap_err();
            assert!(matches!(err, WriteError::Symlink));
            assert!(!dir.path().join("nowhere").exists());
        }
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn new_files_never_replace_one_that_appeared() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("copydesk.toml");
        write_atomic(&path, b"a = 1\n", Expect::New, Symlinks::Refuse).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "a = 1\n");
        // Someone else created it between our look and our write.
        let p = path.clone();
        fs::remove_file(&path).unwrap();
        let mut racing = |f: &mut File, b: &[u8]| -> io::Result<()> {
            fs::write(&p, "theirs\n")?;
            f.write_all(b)
        };
        let err = write_atomic_with(&path, b"ours\n", Expect::New, Symlinks::Refuse, &mut racing)
            .unwrap_err();
        assert!(matches!(err, WriteError::Exists), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "theirs\n");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn reads_refuse_what_is_not_a_regular_file_and_what_is_too_large() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_regular(dir.path(), 10).unwrap_err();
        assert_eq!(err.to_string(), "is a directory, not a regular file");
        let path = dir.path().join("big");
        fs::write(&path, "0123456789A").unwrap();
        assert!(matches!(
            read_regular(&path, 10),
            Err(ReadError::TooLarge(10))
        ));
        assert_eq!(read_regular(&path, 11).unwrap().len(), 11);
        assert!(matches!(
            read_regular(&dir.path().join("none"), 10),
            Err(ReadError::NotFound)
        ));
        assert!(matches!(
            read_limited(&b"abc"[..], 2),
            Err(ReadError::TooLarge(2))
        ));
        #[cfg(unix)]
        {
            let err = read_regular(Path::new("/dev/zero"), 10).unwrap_err();
            assert_eq!(err.to_string(), "is a character device, not a regular file");
        }
    }
}
