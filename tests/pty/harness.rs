//! A pseudo-terminal harness for end-to-end tests of the real binary.
//!
//! The app runs in its own pty; a reader thread drains the master side into a [`vt100::Parser`]
//! all the time (a full pty buffer would block the app), and tests poll the parsed screen until
//! it shows what they expect. No fixed sleeps: every wait is a predicate with a deadline, and a
//! timeout prints the whole screen. See RELIABILITY.md §3.
//!
//! Not every test binary uses every helper.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How long any single wait may take before the test fails: 10 s, times
/// `MODELOWNIA_TEST_TIME_SCALE` (a positive number; for slow CI machines).
pub fn deadline() -> Duration {
    static SCALED: std::sync::OnceLock<Duration> = std::sync::OnceLock::new();
    *SCALED.get_or_init(|| {
        let scale = match std::env::var("MODELOWNIA_TEST_TIME_SCALE") {
            Err(_) => 1.0,
            Ok(v) => match v.trim().parse::<f64>() {
                Ok(x) if x.is_finite() && x > 0.0 => x,
                _ => panic!("MODELOWNIA_TEST_TIME_SCALE must be a positive number, not {v:?}"),
            },
        };
        Duration::from_secs(10).mul_f64(scale)
    })
}
/// How often the screen is looked at while waiting.
pub const POLL: Duration = Duration::from_millis(20);

/// Keys as the terminal sends them.
pub mod keys {
    /// Escape. Always wait for the screen to change after it: crossterm reads an Esc that is
    /// directly followed by more bytes as Alt+<those bytes>.
    pub const ESC: &str = "\x1b";
    /// Enter.
    pub const ENTER: &str = "\r";
    /// Tab.
    pub const TAB: &str = "\t";
    /// Arrow down.
    pub const DOWN: &str = "\x1b[B";
    /// Arrow up.
    pub const UP: &str = "\x1b[A";
    /// Space.
    pub const SPACE: &str = " ";
}

/// The path of the binary under test.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_modelownia")
}

/// A running app in a pseudo-terminal. Killed (SIGKILL) when dropped.
pub struct Pty {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    exit: Option<u32>,
}

impl Pty {
    /// Starts the app with `args` on `data_dir` in a `cols`×`rows` terminal. Returns `None` (and
    /// says why) when this machine cannot give a pseudo-terminal: the caller skips its test.
    /// On CI (`CI` set) that is a failure instead: the suite must not pass by skipping.
    pub fn spawn(data_dir: &Path, args: &[&str], cols: u16, rows: u16) -> Option<Self> {
        Self::spawn_with_env(data_dir, args, cols, rows, &[])
    }

    /// [`Pty::spawn`] with extra environment variables for the app.
    pub fn spawn_with_env(
        data_dir: &Path,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Option<Self> {
        let size = PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        };
        let pair = match native_pty_system().openpty(size) {
            Ok(pair) => pair,
            Err(e) if std::env::var_os("CI").is_some_and(|v| !v.is_empty()) => {
                panic!("cannot open a pseudo-terminal on CI ({e}): the end-to-end tests cannot run")
            }
            Err(e) => {
                eprintln!("SKIPPED: cannot open a pseudo-terminal here ({e})");
                return None;
            }
        };
        let mut cmd = CommandBuilder::new(bin());
        cmd.args(args);
        cmd.cwd(data_dir);
        cmd.env("MODELOWNIA_DATA_DIR", data_dir);
        // Settings the app writes (L, F2) stay with the test, never in the user's config.
        cmd.env("MODELOWNIA_CONFIG_DIR", data_dir.join(".config"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C");
        for var in [
            "LC_ALL",
            "LC_MESSAGES",
            "LANGUAGE",
            "COLUMNS",
            "LINES",
            "RUST_BACKTRACE",
            "NO_COLOR",
        ] {
            cmd.env_remove(var);
        }
        for (key, value) in env {
            cmd.env(key, value);
        }
        let child = pair
            .slave
            .spawn_command(cmd)
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", bin()));
        // Only the child holds the slave now, so the reader sees EOF when the child is gone.
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        let sink = Arc::clone(&parser);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => sink
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .process(&buf[..n]),
                }
            }
        });
        Some(Self {
            parser,
            writer,
            master: pair.master,
            child,
            exit: None,
        })
    }

    /// The process id of the app.
    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    /// Sends raw bytes (keys) to the app.
    pub fn send(&mut self, bytes: impl AsRef<[u8]>) {
        self.writer
            .write_all(bytes.as_ref())
            .expect("write to the pty");
        self.writer.flush().expect("flush the pty");
    }

    /// Sends Esc and waits until `then` holds: see [`keys::ESC`].
    pub fn esc_until(&mut self, what: &str, then: impl Fn(&vt100::Screen) -> bool) -> String {
        self.send(keys::ESC);
        self.wait_screen(what, then)
    }

    /// The screen as text, rows separated by newlines.
    pub fn contents(&self) -> String {
        self.parser
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .screen()
            .contents()
    }

    /// One row of the screen (0-based), trailing spaces trimmed.
    pub fn row(&self, row: u16) -> String {
        let parser = self.parser.lock().unwrap_or_else(PoisonError::into_inner);
        let (_, cols) = parser.screen().size();
        parser
            .screen()
            .rows(0, cols.get())
            .nth(usize::from(row))
            .unwrap_or_default()
            .trim_end()
            .to_string()
    }

    /// The last row: the footer with the key hints.
    pub fn footer(&self) -> String {
        let rows = {
            let parser = self.parser.lock().unwrap_or_else(PoisonError::into_inner);
            parser.screen().size().0.get()
        };
        self.row(rows - 1)
    }

    /// Runs `f` on the parsed screen (text, colours, cursor).
    pub fn with_screen<R>(&self, f: impl FnOnce(&vt100::Screen) -> R) -> R {
        f(self
            .parser
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .screen())
    }

    /// Polls the screen every [`POLL`] until `pred` holds and returns the screen text; after
    /// [`deadline`] panics with `what` and the whole screen.
    pub fn wait_screen(&mut self, what: &str, pred: impl Fn(&vt100::Screen) -> bool) -> String {
        let start = Instant::now();
        loop {
            let (ok, screen) = self.with_screen(|s| (pred(s), s.contents()));
            if ok {
                return screen;
            }
            if start.elapsed() > deadline() {
                let exit = self.try_exit().map_or(String::from("still running"), |c| {
                    format!("exited with code {c}")
                });
                panic!(
                    "timed out after {:?} waiting for: {what}\napp {exit}; screen:\n{}\n{}",
                    deadline(),
                    "-".repeat(40),
                    screen
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Polls the screen text every [`POLL`] until `pred` holds and returns it; after
    /// [`deadline`] panics with `what` and the whole screen.
    pub fn wait_for(&mut self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        self.wait_screen(what, |s| pred(&s.contents()))
    }

    /// Waits until the screen contains `text`.
    pub fn wait_text(&mut self, text: &str) -> String {
        self.wait_for(&format!("{text:?} on screen"), |s| s.contains(text))
    }

    /// Waits until the footer (last row) starts with `prefix` after its leading space; returns
    /// the whole screen.
    pub fn wait_footer(&mut self, prefix: &str) -> String {
        let start = Instant::now();
        loop {
            let footer = self.footer();
            if footer.trim_start().starts_with(prefix) {
                return self.contents();
            }
            if start.elapsed() > deadline() {
                panic!(
                    "timed out after {:?} waiting for the footer to start with {prefix:?}; \
                     screen:\n{}",
                    deadline(),
                    self.contents()
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Resizes the terminal (the app gets SIGWINCH).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.parser
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .set_size(nz(rows), nz(cols));
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pty");
    }

    /// The exit code if the app has ended.
    pub fn try_exit(&mut self) -> Option<u32> {
        if self.exit.is_none()
            && let Ok(Some(status)) = self.child.try_wait()
        {
            self.exit = Some(status.exit_code());
        }
        self.exit
    }

    /// Waits (up to [`deadline`]) for the app to end and returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(code) = self.try_exit() {
                return code;
            }
            if start.elapsed() > deadline() {
                panic!(
                    "the app did not exit within {:?}; screen:\n{}",
                    deadline(),
                    self.contents()
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Kills the app at once with SIGKILL (no chance to clean up) and reaps it.
    pub fn kill(&mut self) {
        if self.try_exit().is_some() {
            return;
        }
        sigkill(self.child.as_mut());
        if let Ok(status) = self.child.wait() {
            self.exit = Some(status.exit_code());
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        self.kill();
    }
}

fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("terminal sizes are not zero")
}

#[cfg(unix)]
fn sigkill(child: &mut (dyn Child + Send + Sync)) {
    // portable-pty's `kill` sends SIGHUP first; these tests want a hard kill.
    match child.process_id() {
        Some(pid) => {
            // SAFETY: plain syscall on the pid of our own child, which has not been reaped yet.
            unsafe {
                libc::kill(pid as libc::pid_t, libc::SIGKILL);
            }
        }
        None => {
            let _ = child.kill();
        }
    }
}

#[cfg(not(unix))]
fn sigkill(child: &mut (dyn Child + Send + Sync)) {
    let _ = child.kill();
}

/// Where the top-left corner of a bordered pane titled `title` is (`┌ title ` or, focused,
/// `┏ title `), if on screen.
pub fn find_pane(screen: &vt100::Screen, title: &str) -> Option<(u16, u16)> {
    let (rows, cols) = screen.size();
    let want: Vec<String> = format!("┌ {title} ").chars().map(String::from).collect();
    for row in 0..rows.get() {
        for col in 0..cols.get() {
            let matches = want.iter().enumerate().all(|(i, ch)| {
                u16::try_from(i)
                    .ok()
                    .and_then(|i| screen.cell(row, col.checked_add(i)?))
                    .is_some_and(|c| c.contents() == ch.as_str() || (i == 0 && c.contents() == "┏"))
            });
            if matches {
                return Some((row, col));
            }
        }
    }
    None
}

/// The last row of the screen (the app's footer with key hints), trimmed.
pub fn footer_of(screen: &vt100::Screen) -> String {
    let (rows, cols) = screen.size();
    screen
        .rows(0, cols.get())
        .nth(usize::from(rows.get() - 1))
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// Whether the pane titled `title` is on screen with the focus border, i.e. has the keyboard.
/// The thick border is looked for, not its colour, so this holds under `NO_COLOR` too.
pub fn pane_focused(screen: &vt100::Screen, title: &str) -> bool {
    find_pane(screen, title)
        .and_then(|(row, col)| screen.cell(row, col))
        .is_some_and(|c| c.contents() == "┏")
}

/// A fresh temporary data folder.
pub fn data_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// `<data>/plans`.
pub fn plans_dir(data: &Path) -> PathBuf {
    data.join("plans")
}

/// The `*.ron` files in `<data>/plans`, sorted.
pub fn plan_files(data: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(plans_dir(data))
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "ron"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// The names of everything in `dir`, sorted.
pub fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// Decodes a plan file with the app's own decoder (file name checked against the id).
pub fn decode_file(path: &Path) -> modelownia::plan::Plan {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: cannot read: {e}", path.display()));
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    match modelownia::storage::decode(&name, &text) {
        Ok(d) => d.plan,
        Err(e) => panic!("{} does not decode: {e}\n{text}", path.display()),
    }
}

/// A tiny deterministic generator (64-bit LCG, Knuth's constants): no `rand` needed.
pub struct Lcg(u64);

impl Lcg {
    /// Seeded generator.
    pub fn new(seed: u64) -> Self {
        let mut g = Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x2545_F491_4F6C_DD1D);
        g.next();
        g
    }

    /// Next 31 random bits.
    pub fn next(&mut self) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as u32
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u32) -> u32 {
        self.next() % n
    }
}
