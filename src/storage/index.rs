//! The home-screen index: what the plan list shows of every plan file, kept in the cache
//! folder so that starting with years of plans reads one file instead of all of them.
//!
//! It is a cache and never trusted over the files: each entry carries the file's size,
//! modification time (nanoseconds) and inode, and a file whose three differ, a new file and a
//! removed one are read again (see [`Scan`]). An index that does not parse, has another
//! format version, was made for another data folder or another model (progress depends on
//! it) is ignored whole and rebuilt. Deleting it only costs one slower start.
//!
//! Format: UTF-8 lines of tab-separated fields; `\`, tab, newline and CR inside a field are
//! escaped as `\\`, `\t`, `\n`, `\r`. It is not RON because 10,000 rows of RON take longer to
//! parse than the files' stats take to check, which would defeat the point.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use super::{Replace, Store, exists, others};
use crate::lang::Lang;
use crate::model::Model;
use crate::plan::Plan;
use crate::ron_error::{Located, Problem};

/// The first field of the index's first line; the second is [`FORMAT`].
const MAGIC: &str = "modelownia-home-index";
/// Bumped whenever the lines change meaning: an index of another format is rebuilt.
/// 2: a damaged row keeps its problem in both languages (1 kept one English message).
const FORMAT: u32 = 2;
/// At most this many threads read plan files at once.
const MAX_READERS: usize = 4;
/// The index's file name in the cache folder.
pub const INDEX_FILE: &str = "home-index.tsv";

/// What the list shows of one plan file: a plan that loads, or a damaged file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// The plan id (the file name without `.ron`).
    pub id: String,
    /// The plan's title (empty when damaged).
    pub title: String,
    /// When it last changed, as stored (empty when damaged).
    pub updated: String,
    /// Progress in percent (0 when damaged).
    pub percent: u8,
    /// Why the file does not load (without the source excerpt), when it does not. Boxed: a
    /// few rows have one, and 100,000 rows would each carry its room.
    pub damaged: Option<Box<Located>>,
    /// Whether a `.bak` exists to restore a damaged file from (false for a plan that loads).
    pub has_backup: bool,
    /// A damaged file's modification time, which it sorts by (a plan sorts by `updated`);
    /// empty for a plan, so 100,000 rows do not hold each time twice.
    pub order: String,
}

impl Summary {
    /// What the list sorts this row by after "damaged first".
    pub fn sort_key(&self) -> &str {
        if self.damaged.is_some() {
            &self.order
        } else {
            &self.updated
        }
    }
}

fn sort(rows: &mut [Summary]) {
    rows.sort_by(|a, b| {
        crate::plan::list_order(
            (a.damaged.is_some(), a.sort_key(), &a.id),
            (b.damaged.is_some(), b.sort_key(), &b.id),
        )
    });
}

/// What tells that a file changed without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    /// Length in bytes.
    pub size: u64,
    /// Modification time in nanoseconds since the Unix epoch (0 when unknown).
    pub mtime_ns: i128,
    /// Inode number (0 where the platform has none): a save renames a new file over the old
    /// one, so even a save within the same clock tick shows.
    pub inode: u64,
}

impl Stamp {
    /// The stamp of `meta` (of the name itself, not what a link points at).
    pub fn of(meta: &std::fs::Metadata) -> Self {
        #[cfg(unix)]
        let (mtime_ns, inode) = {
            use std::os::unix::fs::MetadataExt;
            (
                i128::from(meta.mtime()) * 1_000_000_000 + i128::from(meta.mtime_nsec()),
                meta.ino(),
            )
        };
        #[cfg(not(unix))]
        let (mtime_ns, inode) = (
            meta.modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos() as i128),
            0,
        );
        Self {
            size: meta.len(),
            mtime_ns,
            inode,
        }
    }
}

/// What the index keeps of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    /// The file name in `plans/`.
    name: String,
    stamp: Stamp,
    row: Kept,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Kept {
    Plan {
        title: String,
        updated: String,
        percent: u8,
    },
    /// Worded in both languages when read, so switching the language never shows the other
    /// one, and the index need not know every shape of a problem to keep it.
    Damaged {
        line: usize,
        col: usize,
        pl: String,
        en: String,
    },
}

/// The model's part in a row (progress), and the key that ties an index to that model.
#[derive(Debug, Clone, Copy)]
pub struct Summarizer<'m> {
    model: &'m Model,
    key: u64,
}

impl<'m> Summarizer<'m> {
    /// Rows of progress against `model`; works out the model's key (about a millisecond).
    pub fn new(model: &'m Model) -> Self {
        Self {
            model,
            key: model_key(model),
        }
    }

    /// The same with a key worked out before by [`model_key`].
    pub fn with_key(model: &'m Model, key: u64) -> Self {
        Self { model, key }
    }

    fn percent(&self, plan: &Plan) -> u8 {
        crate::plan::progress(plan, self.model).percent()
    }
}

/// A hash of everything in `model` and of this build's version: progress is worked out from
/// both, so an index made with another model or build is rebuilt.
pub fn model_key(model: &Model) -> u64 {
    use std::hash::Hash;
    let mut h = DefaultHasher::new();
    env!("CARGO_PKG_VERSION").hash(&mut h);
    model.hash(&mut h);
    h.finish()
}

/// Whether `name` in `plans/` is a plan file the list shows.
fn is_listed_name(store: &Store, name: &str) -> bool {
    !name.starts_with('.') && name.ends_with(".ron") && !store.is_conflict_copy(name)
}

impl Entry {
    fn summary(&self, store: &Store) -> Summary {
        let id = self.name.trim_end_matches(".ron").to_string();
        match &self.row {
            Kept::Plan {
                title,
                updated,
                percent,
            } => Summary {
                id,
                title: title.clone(),
                updated: updated.clone(),
                percent: *percent,
                damaged: None,
                has_backup: false,
                order: String::new(),
            },
            Kept::Damaged { line, col, pl, en } => {
                let path = store.plans_dir().join(&self.name);
                let error = Located {
                    file: path.display().to_string(),
                    line: *line,
                    col: *col,
                    problem: Problem::Worded {
                        pl: pl.clone(),
                        en: en.clone(),
                    },
                    excerpt: None,
                };
                let secs = u64::try_from(self.stamp.mtime_ns.div_euclid(1_000_000_000)).ok();
                Summary {
                    has_backup: exists(&store.backup_path(&id)),
                    id,
                    title: String::new(),
                    updated: String::new(),
                    percent: 0,
                    damaged: Some(Box::new(error)),
                    order: secs.map(crate::clock::format_unix).unwrap_or_default(),
                }
            }
        }
    }

    /// Reads and decodes the file (as opening it would), keeps what the list shows and drops
    /// the plan: the damaged-or-not verdict is the full decode's.
    fn read(store: &Store, name: &str, stamp: Stamp, s: &Summarizer<'_>) -> Self {
        let id = name.trim_end_matches(".ron");
        let row = match store.read(&store.plans_dir().join(name), id) {
            super::Listed::Ok { decoded, .. } => Kept::Plan {
                percent: s.percent(&decoded.plan),
                title: decoded.plan.context.title,
                updated: decoded.plan.updated,
            },
            super::Listed::Damaged { error, .. } => Kept::Damaged {
                line: error.line,
                col: error.col,
                pl: error.message(Lang::Pl),
                en: error.message(Lang::En),
            },
        };
        Self {
            name: name.to_string(),
            stamp,
            row,
        }
    }
}

/// A change to the list found by a [`Scan`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// This row is new or has changed (replace the row with its id).
    Upsert(Summary),
    /// The plan with this id is no longer there.
    Remove(String),
}

/// A look at every plan file against the index, done a little at a time so the list can be
/// used meanwhile: first each file's stamp, then the files that changed are read.
#[derive(Debug)]
pub struct Scan {
    /// Index entries not (yet) seen on disk in this scan.
    old: HashMap<String, (Stamp, Kept)>,
    /// Entries that hold for the files as they are now.
    current: Vec<Entry>,
    dir: Option<std::fs::ReadDir>,
    to_read: Vec<(String, Stamp)>,
    /// Whether the index must be written when the scan ends.
    changed: bool,
    done: bool,
}

impl Store {
    /// Where the home-screen index lives.
    pub fn index_path(&self) -> PathBuf {
        self.cache.join(INDEX_FILE)
    }

    /// Every plan file, as the list shows it, in the list's order: from the index where a
    /// file has not changed, else read; the index is brought up to date.
    pub fn summaries(&self, s: &Summarizer<'_>) -> Vec<Summary> {
        let mut scan = self.scan(s);
        while !scan.step(self, s, Duration::MAX).1 {}
        scan.rows(self)
    }

    /// Starts checking the index against the files (see [`Scan::step`]).
    pub fn scan(&self, s: &Summarizer<'_>) -> Scan {
        let old = self.read_index(s);
        Scan {
            changed: old.is_none(),
            old: old.unwrap_or_default(),
            current: Vec::new(),
            dir: std::fs::read_dir(self.plans_dir()).ok(),
            to_read: Vec::new(),
            done: false,
        }
    }

    /// The index's entries, when the file is there, whole, and made for this folder and model.
    fn read_index(&self, s: &Summarizer<'_>) -> Option<HashMap<String, (Stamp, Kept)>> {
        let path = self.index_path();
        // A link in its place is not ours: never read through it (nor written, see below).
        if others::is_link(&path) {
            return None;
        }
        let text = std::fs::read_to_string(&path).ok()?;
        parse(&text, &self.root, s.key)
    }

    /// Writes the index through the safe writer. Best effort: a cache that cannot be written
    /// costs speed, not data.
    fn write_index(&self, entries: &[Entry], key: u64) {
        if super::own_dir(&self.cache).is_err() {
            return;
        }
        let text = render(entries, &self.root, key);
        // Always the real filesystem: a fault injected into plan saves is not meant for it.
        let _ = super::write_file_with(
            &super::RealFs,
            &self.index_path(),
            text.as_bytes(),
            Replace::OwnPlainFile,
        );
    }
}

impl Scan {
    /// Does up to about `budget` of work; returns the changes to the list found meanwhile and
    /// whether the scan is over (the index is then written, if anything changed).
    pub fn step(
        &mut self,
        store: &Store,
        s: &Summarizer<'_>,
        budget: Duration,
    ) -> (Vec<Change>, bool) {
        let start = Instant::now();
        let mut changes = Vec::new();
        while !self.done {
            if start.elapsed() >= budget {
                break;
            }
            if self.dir.is_some() {
                self.next_stamp(store, &mut changes);
                continue;
            }
            if !self.to_read.is_empty() {
                let deadline = Instant::now().checked_add(budget.saturating_sub(start.elapsed()));
                for entry in self.read_some(store, s, deadline) {
                    changes.push(Change::Upsert(entry.summary(store)));
                    self.current.push(entry);
                }
                self.changed = true;
                continue;
            }
            self.done = true;
            if self.changed {
                store.write_index(&self.current, s.key);
            }
        }
        (changes, self.done)
    }

    /// Looks at every file's stamp now, reading none: then [`Scan::rows`] holds just the rows
    /// the index has right for the files as they are, and the rest is left to [`Scan::step`].
    /// This is what the first frame shows, so it never shows a title a file no longer has.
    pub fn check_stamps(&mut self, store: &Store) {
        let mut changes = Vec::new();
        while self.dir.is_some() {
            self.next_stamp(store, &mut changes);
        }
    }

    /// Looks at the next name in the folder; at the end, the entries not seen are removed.
    fn next_stamp(&mut self, store: &Store, changes: &mut Vec<Change>) {
        let Some(dir) = &mut self.dir else {
            return;
        };
        match dir.next() {
            Some(Ok(entry)) => self.look_at(store, &entry, changes),
            Some(Err(_)) => {}
            None => {
                self.dir = None;
                // Taken, not drained: the table of 100,000 names is freed now, not at the end.
                for (name, _) in std::mem::take(&mut self.old) {
                    self.changed = true;
                    changes.push(Change::Remove(name.trim_end_matches(".ron").into()));
                }
                // The newest first: the top of the list is what is on screen.
                self.to_read.sort_by_key(|a| a.1.mtime_ns);
            }
        }
    }

    fn look_at(&mut self, store: &Store, entry: &std::fs::DirEntry, changes: &mut Vec<Change>) {
        // A name that is not UTF-8 is not one modelownia made: as before the index, it is
        // listed under its lossy form, as damaged (not a plan id).
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let name = name.as_ref();
        if !is_listed_name(store, name) {
            return;
        }
        let Ok(meta) = entry.metadata() else {
            return;
        };
        let stamp = Stamp::of(&meta);
        match self.old.remove_entry(name) {
            Some((name, (old_stamp, row))) if old_stamp == stamp && stamp.mtime_ns != 0 => {
                let old = Entry { name, stamp, row };
                if matches!(old.row, Kept::Damaged { .. }) {
                    // Whether a backup exists is not in the stamp: say it afresh.
                    changes.push(Change::Upsert(old.summary(store)));
                }
                self.current.push(old);
            }
            _ => self.to_read.push((name.to_string(), stamp)),
        }
    }

    /// Reads files of `to_read` until `deadline`, on every core: decoding is nearly all the
    /// cost of a first start with many plans.
    fn read_some(
        &mut self,
        store: &Store,
        s: &Summarizer<'_>,
        deadline: Option<Instant>,
    ) -> Vec<Entry> {
        let workers = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(self.to_read.len())
            .min(MAX_READERS);
        let queue = Mutex::new(std::mem::take(&mut self.to_read));
        let work = || {
            let mut out = Vec::new();
            while deadline.is_none_or(|d| Instant::now() < d) {
                let next = queue.lock().unwrap_or_else(PoisonError::into_inner).pop();
                let Some((name, stamp)) = next else { break };
                out.push(Entry::read(store, &name, stamp, s));
            }
            out
        };
        let mut read = Vec::new();
        if workers <= 1 {
            read = work();
        } else {
            std::thread::scope(|scope| {
                let helpers: Vec<_> = (1..workers).map(|_| scope.spawn(work)).collect();
                read = work();
                for h in helpers {
                    match h.join() {
                        Ok(more) => read.extend(more),
                        Err(panic) => std::panic::resume_unwind(panic),
                    }
                }
            });
        }
        self.to_read = queue.into_inner().unwrap_or_else(PoisonError::into_inner);
        read
    }

    /// The rows after the scan, in the list's order.
    pub fn rows(&self, store: &Store) -> Vec<Summary> {
        let mut rows: Vec<Summary> = self.current.iter().map(|e| e.summary(store)).collect();
        sort(&mut rows);
        rows
    }
}

fn escape(field: &str, out: &mut String) {
    for c in field.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
}

fn unescape(field: &str) -> Option<String> {
    if !field.contains('\\') {
        return Some(field.to_string());
    }
    let mut out = String::with_capacity(field.len());
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next()? {
            '\\' => '\\',
            't' => '\t',
            'n' => '\n',
            'r' => '\r',
            _ => return None,
        });
    }
    Some(out)
}

fn render(entries: &[Entry], root: &Path, key: u64) -> String {
    let mut out = String::with_capacity(entries.len() * 128);
    out.push_str(MAGIC);
    let _ = write!(out, "\t{FORMAT}\t{key:016x}\t");
    escape(&root.display().to_string(), &mut out);
    out.push('\n');
    for e in entries {
        escape(&e.name, &mut out);
        let Stamp {
            size,
            mtime_ns,
            inode,
        } = e.stamp;
        let _ = write!(out, "\t{size}\t{mtime_ns}\t{inode}\t");
        match &e.row {
            Kept::Plan {
                title,
                updated,
                percent,
            } => {
                out.push_str("P\t");
                escape(title, &mut out);
                out.push('\t');
                escape(updated, &mut out);
                let _ = write!(out, "\t{percent}");
            }
            Kept::Damaged { line, col, pl, en } => {
                let _ = write!(out, "D\t{line}\t{col}\t");
                escape(pl, &mut out);
                out.push('\t');
                escape(en, &mut out);
            }
        }
        out.push('\n');
    }
    let _ = writeln!(out, "end\t{}", entries.len());
    out
}

/// The entries of an index's text; `None` when any line is not as [`render`] writes it.
fn parse(text: &str, root: &Path, key: u64) -> Option<HashMap<String, (Stamp, Kept)>> {
    let mut lines = text.split_terminator('\n');
    let mut head = lines.next()?.split('\t');
    let ok = head.next()? == MAGIC
        && head.next()?.parse::<u32>().ok()? == FORMAT
        && u64::from_str_radix(head.next()?, 16).ok()? == key
        && unescape(head.next()?)? == root.display().to_string()
        && head.next().is_none();
    if !ok {
        return None;
    }
    let mut entries = HashMap::new();
    // The last line says how many came before it: an index cut short is not used.
    let mut count = None;
    for line in lines {
        if count.is_some() {
            return None;
        }
        if let Some(n) = line.strip_prefix("end\t") {
            count = Some(n.parse::<usize>().ok()?);
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let (name, size, mtime_ns, inode, kind) =
            (f.first()?, f.get(1)?, f.get(2)?, f.get(3)?, f.get(4)?);
        let name = unescape(name)?;
        if !name.ends_with(".ron") {
            return None;
        }
        let stamp = Stamp {
            size: size.parse().ok()?,
            mtime_ns: mtime_ns.parse().ok()?,
            inode: inode.parse().ok()?,
        };
        let row = match (*kind, f.len()) {
            ("P", 8) => Kept::Plan {
                title: unescape(f[5])?,
                updated: unescape(f[6])?,
                percent: f[7].parse().ok().filter(|p| *p <= 100)?,
            },
            ("D", 9) => Kept::Damaged {
                line: f[5].parse().ok()?,
                col: f[6].parse().ok()?,
                pl: unescape(f[7])?,
                en: unescape(f[8])?,
            },
            _ => return None,
        };
        if entries.insert(name, (stamp, row)).is_some() {
            return None;
        }
    }
    (count? == entries.len()).then_some(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_round_trip_through_escapes() {
        for s in ["", "a\tb", "x\\ny", "line\nbreak\r", "\\", "zażółć"] {
            let mut out = String::new();
            escape(s, &mut out);
            assert!(!out.contains(['\t', '\n', '\r']));
            assert_eq!(unescape(&out).as_deref(), Some(s));
        }
        assert_eq!(unescape("bad\\q"), None);
        assert_eq!(unescape("end\\"), None);
    }

    #[test]
    fn an_index_parses_back_and_anything_else_is_refused() {
        let root = Path::new("/data");
        let entries = vec![
            Entry {
                name: "p1.ron".into(),
                stamp: Stamp {
                    size: 10,
                    mtime_ns: 1_700_000_000_123_456_789,
                    inode: 42,
                },
                row: Kept::Plan {
                    title: "Tab\there".into(),
                    updated: "2026-01-01T00:00:00Z".into(),
                    percent: 40,
                },
            },
            Entry {
                name: "p2.ron".into(),
                stamp: Stamp {
                    size: 3,
                    mtime_ns: -5,
                    inode: 0,
                },
                row: Kept::Damaged {
                    line: 2,
                    col: 7,
                    pl: "oczekiwano `)`".into(),
                    en: "expected `)`".into(),
                },
            },
        ];
        let text = render(&entries, root, 7);
        let back = parse(&text, root, 7).expect("parses");
        assert_eq!(back.len(), 2);
        for e in &entries {
            assert_eq!(back[&e.name], (e.stamp, e.row.clone()));
        }
        assert!(parse(&text, root, 8).is_none(), "another model");
        assert!(
            parse(&text, Path::new("/other"), 7).is_none(),
            "another folder"
        );
        assert!(
            parse(
                &text.replacen(&format!("\t{FORMAT}\t"), "\t1\t", 1),
                root,
                7
            )
            .is_none(),
            "another format"
        );
        assert!(
            parse(&text[..text.len() - 3], root, 7).is_none(),
            "cut short"
        );
        assert!(parse("", root, 7).is_none());
    }
}
