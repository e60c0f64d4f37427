//! The runtime: the terminal, the event loop and the effects that touch the disk.
//!
//! The loop is generic over a ratatui [`Backend`] and an [`EventSource`], so tests drive the
//! real loop with a `TestBackend` and scripted events. It blocks on input and only wakes up on
//! its own to autosave and to notice a termination signal, which arrives as
//! [`Msg::Terminate`] and leaves through the normal path: save, restore, exit code 128 + n.

use std::collections::{HashMap, VecDeque};
use std::io::{self, IsTerminal};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEventKind, MouseButton, MouseEventKind,
};
use crossterm::execute;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::layout::Rect;

use crate::clock;
use crate::i18n::{Msg as T, errors, tr};
use crate::lang::Lang;
use crate::model::Model;
use crate::plan::{self, FieldId};
use crate::state::{App, Focus, Notice, ReadOnlyReason, Row, SaveStatus, Workbook};
use crate::storage::{
    Change, LockError, Origin, PlanLock, Store, StoreError, Summarizer, Summary, new_id,
};
use crate::theme::Theme;
use crate::update::{self, Effect, Msg, unsaved};

/// Changes are written this long after the first unsaved one: well within a second.
const AUTOSAVE_DELAY: Duration = Duration::from_millis(400);
/// After a failed save, wait this long before trying again.
const RETRY_DELAY: Duration = Duration::from_secs(3);
/// How often a blocked wait looks at the signal flag, in case a signal's wake-up was missed
/// (a signal normally ends the wait at once: see [`TerminalEvents::new`]).
const SIGNAL_CHECK: Duration = Duration::from_secs(60);
/// How often, while idle with a plan open, its file is looked at for changes made elsewhere.
const OUTSIDE_CHECK: Duration = Duration::from_secs(5);
/// The most time spent at once on checking the plan list after the first frame, between two
/// looks at the input: a key waits at most this long.
const LIST_STEP: Duration = Duration::from_millis(8);

/// What the loop waits for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A terminal event.
    Event(Event),
    /// A termination signal (its number).
    Signal(i32),
}

/// Most inputs handled between two frames, so a flood of keys still shows progress.
const MAX_BATCH: usize = 4096;

/// How long a batch waits for the next input before drawing: unnoticeable for typing, enough
/// for the pieces of a paste to join one frame.
const BATCH_GRACE: Duration = Duration::from_millis(2);

/// Where events come from: the real terminal, or a script in tests.
pub trait EventSource {
    /// The next input, waiting at most `timeout` (forever when `None`); `None` when the
    /// timeout passed first.
    fn next(&mut self, timeout: Option<Duration>) -> io::Result<Option<Input>>;
}

/// The real terminal's events, plus the signal flag set by the handlers.
#[derive(Debug, Default)]
pub struct TerminalEvents {
    signal: Arc<AtomicUsize>,
}

impl TerminalEvents {
    /// Events from the terminal, with SIGTERM and SIGHUP turned into [`Input::Signal`].
    pub fn new() -> Self {
        let events = Self::default();
        #[cfg(unix)]
        for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
            // Only sets a flag: all the work happens on the main thread, between frames.
            let _ =
                signal_hook::flag::register_usize(sig, Arc::clone(&events.signal), sig as usize);
            // crossterm retries its poll on EINTR, so a signal alone would not end the wait.
            // Raising SIGWINCH wakes it through its own resize pipe, and the flag is read at
            // once: the wait needs no timer of its own, and an idle app does not wake up.
            // SAFETY: the action only calls raise(3), which is async-signal-safe.
            let _ = unsafe {
                signal_hook::low_level::register(sig, || {
                    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGWINCH);
                })
            };
        }
        events
    }

    fn pending_signal(&self) -> Option<i32> {
        match self.signal.load(Ordering::SeqCst) {
            0 => None,
            n => i32::try_from(n).ok(),
        }
    }
}

impl EventSource for TerminalEvents {
    fn next(&mut self, timeout: Option<Duration>) -> io::Result<Option<Input>> {
        let deadline = timeout.map(|t| Instant::now() + t);
        loop {
            if let Some(sig) = self.pending_signal() {
                return Ok(Some(Input::Signal(sig)));
            }
            let left = deadline.map(|d| d.saturating_duration_since(Instant::now()));
            let slice = left.map_or(SIGNAL_CHECK, |l| l.min(SIGNAL_CHECK));
            match event::poll(slice) {
                Ok(true) => {
                    let event = event::read()?;
                    // The resize a signal raised to wake the wait: the signal comes first.
                    if let Some(sig) = self.pending_signal() {
                        return Ok(Some(Input::Signal(sig)));
                    }
                    return Ok(Some(Input::Event(event)));
                }
                Ok(false) => {}
                // A signal interrupted the wait: look at the flag.
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
            if left.is_some_and(|l| l <= slice) {
                return Ok(None);
            }
        }
    }
}

/// A fixed list of inputs, for tests. When it runs out, the loop ends with an error, as a
/// lost terminal would.
#[derive(Debug, Default)]
pub struct ScriptedEvents(pub VecDeque<Input>);

impl EventSource for ScriptedEvents {
    fn next(&mut self, _timeout: Option<Duration>) -> io::Result<Option<Input>> {
        // Even while timers wait: an open plan always has one (the look for changes elsewhere).
        self.0
            .pop_front()
            .map(Some)
            .ok_or_else(|| io::Error::new(io::ErrorKind::UnexpectedEof, "no more events"))
    }
}

/// Where the app opens.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Start {
    /// The list of plans.
    #[default]
    Home,
    /// The model browser.
    Browse,
    /// Slides of the model, a scenario or a plan, for a room.
    Present(crate::present::Deck),
    /// The facilitation view of a plan's session (0-based; the first with parts when `None`).
    Run {
        /// The plan id.
        id: String,
        /// The session.
        session: Option<usize>,
    },
}

/// How the app looks and what it remembers, as the command line and the settings file chose.
#[derive(Debug, Clone)]
pub struct Look {
    /// Interface and model language.
    pub lang: Lang,
    /// The theme to start with.
    pub theme: Theme,
    /// The accessible mode.
    pub accessible: bool,
    /// The settings file as read at start.
    pub settings: crate::settings::Loaded,
}

/// Runs the workbook in the terminal; returns the exit code.
pub fn run(store: &Store, model: Model, look: Look, start: Start) -> u8 {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        crate::commands::say(
            "modelownia needs an interactive terminal. For scripts use `modelownia list`, `check-plan` or `check-model`.",
        );
        return 2;
    }
    install_mouse_paste_reset_hook();
    let mut events = TerminalEvents::new();
    let mut terminal = ratatui::init();
    let _ = execute!(io::stdout(), EnableBracketedPaste, EnableMouseCapture);
    let mut app = App::new(model, look.lang);
    app.theme = look.theme;
    app.accessible = look.accessible;
    app.settings = look.settings.settings.clone();
    // Said on standard error too, but that line is hidden behind the screen until the end.
    app.notice = look.settings.warning.clone().map(Notice::Settings);
    app.no_color = Theme::no_color_from_env();
    let mut rt = Runtime::starting(store, app).with_zone(clock::local_offset);
    rt.settings_file = look
        .settings
        .path
        .clone()
        .filter(|_| look.settings.writable)
        .map(|p| {
            let existed = p.is_file();
            (p, existed)
        });
    match &start {
        Start::Run { id, session } => {
            rt.start_run(id, *session);
        }
        Start::Present(deck) => {
            rt.app.present = Some(crate::state::Presenting::new(deck.clone()));
        }
        Start::Browse => rt.app.browse = Some(crate::state::Browsing::default()),
        Start::Home => {}
    }
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        rt.run(&mut terminal, &mut events)
    }));
    let Ok(result) = result else {
        // The panic hook has restored the terminal and printed the report. The plan in memory
        // may be half-updated, so it goes beside the real file, never over it.
        // Restoring again would jump the cursor back over the report (leaving the alternate
        // screen restores the cursor saved on entering it).
        rt.rescue();
        return 101;
    };
    let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
    match result {
        Ok(()) => {
            if unsaved(&rt.app) {
                crate::commands::say(
                    "warning: the latest changes of the open plan could not be saved",
                );
                // A last try elsewhere in the folder: the cause may have been the plan file itself.
                rt.rescue();
            }
            rt.exit_code()
        }
        Err(e) => {
            rt.save_now();
            rt.rescue();
            // Closing the terminal window sends SIGHUP and takes the terminal away: the
            // drawing may fail before the loop sees the signal.
            match events.pending_signal() {
                Some(sig) => u8::try_from(128 + sig).unwrap_or(u8::MAX),
                None => {
                    crate::commands::say(&format!("modelownia: terminal error: {e}"));
                    1
                }
            }
        }
    }
}

/// Why a plan's file can only be read, whoever holds its lock.
fn file_read_only(decoded: &crate::storage::Decoded) -> Option<ReadOnlyReason> {
    if decoded.read_only.is_some() {
        return Some(ReadOnlyReason::NewerVersion);
    }
    // Raw tabs and control characters grow when escaped: a file just under the limit may not
    // fit once written back, and no edit could then be kept.
    let fits = crate::storage::try_encode(&decoded.plan)
        .is_ok_and(|t| t.len() as u64 <= crate::storage::MAX_PLAN_BYTES);
    (!fits).then(|| ReadOnlyReason::TooLargeToSave(plan::longest_field(&decoded.plan)))
}

/// `ratatui::restore` does not switch off mouse capture and bracketed paste, nor show the
/// cursor (the terminal's drop does that, which a panic skips); the panic hook must.
fn install_mouse_paste_reset_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(
            io::stdout(),
            DisableMouseCapture,
            DisableBracketedPaste,
            crossterm::cursor::Show
        );
        previous(info);
    }));
}

/// The app plus what it holds that is not state: the store and the lock of the open plan.
pub struct Runtime<'a> {
    store: &'a Store,
    /// The app state.
    pub app: App,
    lock: Option<PlanLock>,
    /// When the current unsaved changes began, or when to retry a failed save.
    save_due: Option<Instant>,
    /// Set when a signal ends the app: the exit code.
    terminated: Option<u8>,
    /// The edits last put in `recovered/`, and where: the same edits are not rescued twice
    /// (a signal rescues, then the way out would again).
    rescued: Option<(plan::Plan, std::path::PathBuf)>,
    /// Milliseconds since the Unix epoch: the only clock update and the view see.
    clock: Box<dyn Fn() -> u64>,
    /// The machine's offset from UTC, read before each frame so a daylight-saving change
    /// shows at the next frame; `None` leaves `app.utc_offset` as it was set (tests).
    zone: Option<Box<dyn Fn() -> i32>>,
    /// When the open plan's file was last looked at for outside changes.
    checked: Instant,
    /// Where settings changed in the app are written, and whether the file was there at
    /// start; `None` when they are not ours to write (damaged, or no config folder).
    pub settings_file: Option<(std::path::PathBuf, bool)>,
    /// Work left over from start-up, done a step at a time between inputs.
    pending: Option<Pending>,
    /// The look at the plan files begun before the first frame, to go on after clean-up.
    scan: Option<crate::storage::Scan>,
    /// Ties the home-screen index to the model (see `storage::model_key`).
    model_key: u64,
    /// The other versions of each plan that has any, as last looked at.
    others: HashMap<String, Vec<Origin>>,
}

/// What start-up leaves until after the first frame.
#[derive(Debug)]
enum Pending {
    /// Clean up after killed saves and look for other versions of plans.
    CleanUp,
    /// Check the list drawn from the index against the files.
    Scan(crate::storage::Scan),
}

/// The system clock in milliseconds since the Unix epoch.
pub fn system_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

impl<'a> Runtime<'a> {
    /// Loads the plan list, checking every file against the index first.
    pub fn new(store: &'a Store, app: App) -> Self {
        let mut rt = Self::bare(store, app);
        rt.refresh();
        rt
    }

    /// Shows the plan list as the home-screen index has it for the files whose size, time
    /// and inode have not changed, reading none: the loop reads the others after the first
    /// frame, a step at a time, and updates the rows in place (with no index, rows appear as
    /// the files are read). Clean-ups and the look for other versions wait too.
    pub fn starting(store: &'a Store, app: App) -> Self {
        let mut rt = Self::bare(store, app);
        let s = Summarizer::with_key(&rt.app.model, rt.model_key);
        let mut scan = store.scan(&s);
        scan.check_stamps(store);
        rt.app.home.rows = scan
            .rows(store)
            .into_iter()
            .map(|r| row(r, &rt.others))
            .collect();
        rt.pending = Some(Pending::CleanUp);
        rt.scan = Some(scan);
        rt.app.home.loading = true;
        rt
    }

    fn bare(store: &'a Store, app: App) -> Self {
        Self {
            store,
            model_key: crate::storage::model_key(&app.model),
            app,
            lock: None,
            save_due: None,
            terminated: None,
            rescued: None,
            clock: Box::new(system_ms),
            zone: None,
            checked: Instant::now(),
            settings_file: None,
            pending: None,
            scan: None,
            others: HashMap::new(),
        }
    }

    /// Whether work left from start-up is still to be done (see [`Runtime::starting`]).
    pub fn busy(&self) -> bool {
        self.pending.is_some()
    }

    /// Does a step of the work left from start-up; its results arrive as messages.
    pub fn work_a_little(&mut self) {
        match self.pending.take() {
            None => {}
            Some(Pending::CleanUp) => {
                self.store.clean_up();
                self.others = self.others_by_id();
                self.handle(Msg::Others(self.others.clone()));
                let s = Summarizer::with_key(&self.app.model, self.model_key);
                let scan = self.scan.take().unwrap_or_else(|| self.store.scan(&s));
                self.pending = Some(Pending::Scan(scan));
            }
            Some(Pending::Scan(mut scan)) => {
                let s = Summarizer::with_key(&self.app.model, self.model_key);
                let (changes, done) = scan.step(self.store, &s, LIST_STEP);
                let changes = changes
                    .into_iter()
                    .map(|c| match c {
                        Change::Upsert(r) => crate::state::RowChange::Upsert(row(r, &self.others)),
                        Change::Remove(id) => crate::state::RowChange::Remove(id),
                    })
                    .collect();
                self.handle(Msg::Listed(changes, done));
                if !done {
                    self.pending = Some(Pending::Scan(scan));
                }
            }
        }
    }

    /// The same runtime reading its UTC offset from `zone` before each frame.
    pub fn with_zone(mut self, zone: impl Fn() -> i32 + 'static) -> Self {
        self.zone = Some(Box::new(zone));
        self
    }

    /// The same runtime on another clock (tests move time by hand).
    pub fn with_clock(mut self, clock: impl Fn() -> u64 + 'static) -> Self {
        self.clock = Box::new(clock);
        self
    }

    /// Opens plan `id` straight into the facilitation view of session `session` (0-based; the
    /// first with parts when `None`); leaving the view ends the app.
    pub fn start_run(&mut self, id: &str, session: Option<usize>) -> bool {
        self.open(id);
        self.app.now = (self.clock)();
        self.app.workbook.is_some() && update::run::start(&mut self.app, session, true)
    }

    /// The exit code after the loop: 128 + n after signal n, 1 when edits are not on disk.
    pub fn exit_code(&self) -> u8 {
        match self.terminated {
            Some(code) => code,
            None if unsaved(&self.app) => 1,
            None => 0,
        }
    }

    /// The loop: draw, wait, update, until the app quits.
    pub fn run<B: Backend>(
        &mut self,
        terminal: &mut Terminal<B>,
        events: &mut impl EventSource,
    ) -> io::Result<()>
    where
        B::Error: Send + Sync + 'static,
    {
        loop {
            self.app.now = (self.clock)();
            if let Some(zone) = &self.zone {
                self.app.utc_offset = zone();
            }
            terminal
                .draw(|f| crate::ui::render(&self.app, f))
                .map_err(io::Error::other)?;
            if self.app.should_quit {
                return Ok(());
            }
            let size = terminal.size().map_err(io::Error::other)?;
            let area = Rect::new(0, 0, size.width, size.height);
            self.note_layout(area);
            let save_wait = self
                .save_due
                .map(|due| due.saturating_duration_since(Instant::now()));
            // A running timer redraws on each new second, and nothing else wakes the loop.
            let tick = update::run::ticking(&self.app)
                .then(|| Duration::from_millis(1000 - self.app.now % 1000));
            // With a plan open, wake now and then to notice a change made elsewhere.
            let look = self
                .app
                .workbook
                .as_ref()
                .filter(|wb| {
                    (wb.read_only.is_none() && !wb.changed_elsewhere)
                        || (matches!(wb.read_only, Some(ReadOnlyReason::OpenElsewhere(_)))
                            && !wb.lock_freed)
                })
                .map(|_| OUTSIDE_CHECK.saturating_sub(self.checked.elapsed()));
            let tick = match (tick, look) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            let wait = match (save_wait, tick) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            // Work left from start-up goes on while no key is waiting.
            let wait = if self.busy() {
                Some(Duration::ZERO)
            } else {
                wait
            };
            match events.next(wait)? {
                None => {
                    if self.save_due.is_some_and(|due| due <= Instant::now()) {
                        self.save_now();
                    }
                    self.look_for_outside_changes();
                }
                Some(first) => {
                    // Text the terminal already has is handled before the next frame: a long
                    // paste without bracketed paste arrives as thousands of keys, and drawing
                    // after each one made it trickle in.
                    let mut input = Some(first);
                    let mut handled = 0;
                    while let Some(next) = input.take() {
                        let needs_frame = match next {
                            Input::Signal(sig) => {
                                self.handle(Msg::Terminate(sig));
                                true
                            }
                            // Only typed text is batched: any other key may change the
                            // layout the next one is resolved against (the guide's scroll
                            // limit, where a click lands).
                            Input::Event(ev) => match to_msg(&self.app, ev, area) {
                                Some(msg) => {
                                    let typed = matches!(msg, Msg::Text(_));
                                    self.handle(msg);
                                    !typed
                                }
                                None => false,
                            },
                        };
                        handled += 1;
                        if needs_frame || self.app.should_quit || handled >= MAX_BATCH {
                            break;
                        }
                        // A moment's grace: a pty hands a paste over in pieces.
                        input = events.next(Some(BATCH_GRACE))?;
                    }
                }
            }
            self.work_a_little();
        }
    }

    /// Notes when the open plan's file changed elsewhere, so the header says so at once.
    fn look_for_outside_changes(&mut self) {
        if self.checked.elapsed() < OUTSIDE_CHECK {
            return;
        }
        self.look_around();
    }

    /// Looks at once whether the open plan's file changed elsewhere and whether a lock held by
    /// another window was let go (the idle loop does this every few seconds).
    pub fn look_around(&mut self) {
        self.checked = Instant::now();
        self.look_for_a_freed_lock();
        if let Some(wb) = self.app.workbook.as_mut()
            && wb.read_only.is_none()
            && !wb.changed_elsewhere
            && self.store.changed_elsewhere(&wb.plan.id)
        {
            wb.changed_elsewhere = true;
        }
    }

    /// A plan open read-only because another window had it: once that window lets it go, this
    /// one takes the lock (so no third window gets it first) and offers to edit.
    fn look_for_a_freed_lock(&mut self) {
        let Some(wb) = self.app.workbook.as_mut() else {
            return;
        };
        if wb.lock_freed || !matches!(wb.read_only, Some(ReadOnlyReason::OpenElsewhere(_))) {
            return;
        }
        if let Ok(lock) = self.store.lock(&wb.plan.id) {
            self.lock = Some(lock);
            wb.lock_freed = true;
        }
    }

    /// Edits here the plan another window had: read again first, as that window saved it.
    fn take_over(&mut self) {
        let Some(wb) = self.app.workbook.as_mut().filter(|wb| wb.lock_freed) else {
            return;
        };
        match self.store.load(&wb.plan.id) {
            Ok(decoded) => {
                let read_only = file_read_only(&decoded);
                let step = (wb.step, wb.slot, wb.cursor, wb.focus);
                let mut fresh = Workbook::new(decoded.plan, read_only);
                (fresh.step, fresh.slot, fresh.cursor, fresh.focus) = step;
                fresh.clamp_cursor(&self.app.model);
                *wb = fresh;
                self.app.notice = Some(Notice::Words(T::TookOver));
            }
            Err(e) => self.app.notice = Some(Notice::Unreadable(e)),
        }
    }

    /// Writes the settings file; once it has been written it is ours to replace next time.
    fn save_settings(&mut self) {
        let Some((path, existed)) = self.settings_file.clone() else {
            return;
        };
        match crate::settings::save(&path, &self.app.settings, existed) {
            Ok(()) => self.settings_file = Some((path, true)),
            Err(e) => {
                // Not written, and not tried again this run: the file in the way is not ours.
                self.settings_file = None;
                self.app.notice = Some(Notice::Store(e));
            }
        }
    }

    /// What the last frame's layout tells update: how far the guide can scroll.
    fn note_layout(&mut self, area: Rect) {
        let max = crate::ui::guide_max_scroll(&self.app, area);
        if let Some(wb) = self.app.workbook.as_mut() {
            wb.guide_max = max;
        }
        let max = crate::ui::browse_max_scroll(&self.app, area);
        if let (Some(b), Some(max)) = (self.app.browse.as_mut(), max) {
            b.scroll_max = max;
        }
    }

    /// Feeds one message through update and carries out its effects.
    pub fn handle(&mut self, msg: Msg) {
        self.app.now = (self.clock)();
        #[cfg(feature = "test-panic")]
        if matches!(&msg, Msg::Text(k) if k.code == crossterm::event::KeyCode::F(12)) {
            panic!("test panic requested with F12");
        }
        for effect in update::update(&mut self.app, msg) {
            self.apply(effect);
        }
        if unsaved(&self.app) {
            if self.save_due.is_none() {
                self.save_due = Some(Instant::now() + AUTOSAVE_DELAY);
            }
        } else {
            self.save_due = None;
        }
    }

    fn apply(&mut self, effect: Effect) {
        match effect {
            Effect::Create => self.create(),
            Effect::CreateFrom(id) => self.create_from(&id),
            Effect::Open(id) => self.open(&id),
            Effect::Duplicate(id) => self.duplicate(&id),
            Effect::Trash(id) => self.trash(&id),
            Effect::Untrash(stem) => self.untrash(&stem),
            Effect::OpenTrash => self.open_trash(),
            Effect::PresentPlan(id) => match self.store.load(&id) {
                Ok(decoded) => {
                    let mut p = crate::state::Presenting::new(crate::present::Deck::Plan(
                        Box::new(decoded.plan),
                    ));
                    p.from_home = true;
                    self.app.present = Some(p);
                }
                Err(e) => self.app.notice = Some(Notice::Unreadable(e)),
            },
            Effect::EmptyTrash => {
                self.app.notice = Some(match self.store.empty_trash() {
                    Ok(n) => Notice::TrashEmptied(n),
                    Err(e) => Notice::Store(e),
                });
                self.app.home.trash.clear();
                self.app.home.last_trashed = None;
            }
            Effect::Rename(id, title) => self.rename(&id, &title),
            Effect::Restore(id) => self.while_locked(&id, |store| store.restore_backup(&id)),
            Effect::Export(id, choice) => self.export(&id, choice),
            Effect::Run(id) => {
                self.open(&id);
                if self.app.workbook.is_some() {
                    update::run::start(&mut self.app, None, false);
                }
            }
            Effect::Save => self.save_now(),
            Effect::Compare(id) => self.compare(&id),
            Effect::CompareOnDisk => self.compare_on_disk(),
            Effect::TakeOver => self.take_over(),
            Effect::ApplyCompare => self.apply_compare(),
            Effect::Close => {
                self.save_now();
                let mut rescued = false;
                if unsaved(&self.app) {
                    // Closing is always possible: edits that cannot go into the plan file go
                    // beside it, to be compared from the list.
                    rescued = self.rescue_quietly();
                    if !rescued {
                        // Nowhere to put them: stay, and say why.
                        self.app.notice = Some(Notice::CloseUnsaved);
                    }
                }
                if !unsaved(&self.app) || rescued {
                    let wb = self.app.workbook.take();
                    // `n` and straight back leaves no "(untitled)" plan behind; only a window
                    // that holds the plan (not a read-only one) may remove it.
                    let ours =
                        wb.as_ref().is_some_and(|wb| wb.read_only.is_none()) && self.lock.is_some();
                    let plan = wb.map(|wb| wb.plan);
                    let discarded = plan
                        .as_ref()
                        .is_some_and(|p| ours && !rescued && self.store.discard_blank(p));
                    let id = plan.map(|p| p.id).filter(|_| !discarded);
                    self.lock = None;
                    self.save_due = None;
                    self.refresh();
                    if let Some(id) = id {
                        self.select(&id);
                    }
                    if rescued {
                        self.app.notice = Some(Notice::Words(T::ClosedRescued));
                    }
                }
            }
            Effect::SaveSettings => self.save_settings(),
            Effect::Quit => {
                self.save_now();
                if unsaved(&self.app) {
                    self.app.quit_armed = true;
                } else {
                    // Quitting right after `n` leaves no "(untitled)" plan either.
                    if let Some(wb) = self.app.workbook.as_ref()
                        && wb.read_only.is_none()
                        && self.lock.is_some()
                    {
                        self.store.discard_blank(&wb.plan);
                    }
                    self.app.should_quit = true;
                }
            }
            Effect::Terminate(code) => {
                self.save_now();
                if unsaved(&self.app) {
                    self.rescue();
                }
                self.terminated = Some(code);
                self.app.should_quit = true;
            }
        }
    }

    /// Writes the open plan if it has unsaved changes.
    pub fn save_now(&mut self) {
        let Some(wb) = self.app.workbook.as_mut().filter(|wb| wb.unsaved()) else {
            self.save_due = None;
            return;
        };
        let previous = std::mem::replace(&mut wb.plan.updated, clock::now_rfc3339());
        match self.store.save(&wb.plan) {
            Ok(()) => {
                wb.save = SaveStatus::Saved;
                self.save_due = None;
            }
            Err(e) => {
                wb.plan.updated = previous;
                if matches!(e, StoreError::ChangedOnDisk { .. }) {
                    wb.changed_elsewhere = true;
                }
                wb.save = SaveStatus::Failed(e);
                self.save_due = Some(Instant::now() + RETRY_DELAY);
            }
        }
    }

    /// Writes the open plan's unsaved state beside its file as a rescued copy, never over it
    /// (after a panic or a lost terminal the state may be half-updated), and says where on
    /// standard error, which the user sees once the terminal is back.
    pub fn rescue(&mut self) {
        let lang = self.app.lang;
        match self.write_rescue() {
            Some(Ok(path)) => crate::commands::say(&format!(
                "{} {}",
                tr(lang, T::RecoveredTo),
                errors::shown(&path)
            )),
            Some(Err(e)) => crate::commands::say(&format!(
                "\n{}: {}",
                tr(lang, T::RecoverFailed),
                errors::store_error(lang, &e)
            )),
            None => {}
        }
    }

    /// Writes the open plan's unsaved edits to `recovered/`; true when they are there.
    fn rescue_quietly(&mut self) -> bool {
        match self.write_rescue() {
            Some(Ok(_)) => true,
            Some(Err(e)) => {
                self.app.notice = Some(Notice::Store(e));
                false
            }
            None => false,
        }
    }

    /// The rescued copy of the open plan's unsaved edits (an earlier one when they have not
    /// changed since); `None` when there is nothing unsaved.
    fn write_rescue(&mut self) -> Option<Result<std::path::PathBuf, StoreError>> {
        let wb = self.app.workbook.as_ref().filter(|wb| wb.unsaved())?;
        if let Some((plan, path)) = &self.rescued
            && *plan == wb.plan
            && path.exists()
        {
            return Some(Ok(path.clone()));
        }
        let result = self.store.write_recovered(&wb.plan);
        if let Ok(path) = &result {
            self.rescued = Some((wb.plan.clone(), path.clone()));
        }
        Some(result)
    }

    /// Opens the comparison of plan `id` with its oldest other version.
    fn compare(&mut self, id: &str) {
        let Some(other) = self.store.others().into_iter().find(|o| o.id == id) else {
            self.app.notice = Some(Notice::Words(T::NothingToCompare));
            return;
        };
        let mine = match self.store.load(id) {
            Ok(d) => d.plan,
            Err(e) => {
                self.app.notice = Some(Notice::Unreadable(e));
                return;
            }
        };
        match self.store.load_other(&other) {
            Ok(theirs) => {
                let with = crate::state::CompareWith::Other(other);
                self.app.compare = Some(crate::state::Compare::new(
                    id.to_string(),
                    mine,
                    theirs,
                    with,
                ));
            }
            Err(e) => self.app.notice = Some(Notice::Unreadable(e)),
        }
    }

    /// Opens the comparison of the open plan with its file as it is on disk now.
    fn compare_on_disk(&mut self) {
        let Some(wb) = self.app.workbook.as_ref() else {
            return;
        };
        if wb.read_only.is_some() {
            return;
        }
        let id = wb.plan.id.clone();
        // Loading makes the store accept the file as seen: the merge may then replace it.
        match self.store.load(&id) {
            Ok(d) => {
                let mine = wb.plan.clone();
                self.app.compare = Some(crate::state::Compare::new(
                    id,
                    mine,
                    d.plan,
                    crate::state::CompareWith::OnDisk,
                ));
            }
            Err(e) => self.app.notice = Some(Notice::Unreadable(e)),
        }
    }

    /// Saves what the comparison chose; the version left out goes to the trash.
    fn apply_compare(&mut self) {
        let Some(c) = self.app.compare.take() else {
            return;
        };
        let merged = c.merged();
        match &c.with {
            crate::state::CompareWith::OnDisk => {
                if let Some(wb) = self.app.workbook.as_mut() {
                    wb.plan = merged;
                    wb.save = SaveStatus::Pending;
                    wb.changed_elsewhere = false;
                }
                self.save_now();
                return;
            }
            crate::state::CompareWith::Other(other) => {
                let Some(lock) = self.lock_or_say(&c.id) else {
                    return;
                };
                let mut result = Ok(());
                if merged != c.mine {
                    result = self.store.trash_copy(&c.id).and_then(|()| {
                        self.store.save(&plan::Plan {
                            updated: clock::now_rfc3339(),
                            ..merged
                        })
                    });
                }
                let result = result.and_then(|()| self.store.trash_file(&other.path));
                drop(lock);
                self.app.notice = Some(match result {
                    Ok(()) => Notice::Words(T::Resolved),
                    Err(e) => Notice::Store(e),
                });
            }
        }
        self.refresh();
        self.select(&c.id);
    }

    /// Reads the plan list again (from the index where files have not changed).
    fn refresh(&mut self) {
        // Checking every file now makes a start-up scan still under way redundant.
        if matches!(self.pending.take(), Some(Pending::CleanUp)) {
            self.store.clean_up();
        }
        self.scan = None;
        self.app.home.loading = false;
        self.others = self.others_by_id();
        let s = Summarizer::with_key(&self.app.model, self.model_key);
        // The store's order (damaged first, then newest) is the list's order, as in `list`.
        let rows: Vec<Row> = self
            .store
            .summaries(&s)
            .into_iter()
            .map(|r| row(r, &self.others))
            .collect();
        self.app.home.rows = rows;
        let len = self.app.visible_rows().len();
        self.app.home.selected = self.app.home.selected.min(len.saturating_sub(1));
    }

    fn others_by_id(&self) -> HashMap<String, Vec<Origin>> {
        let mut by_id: HashMap<String, Vec<Origin>> = HashMap::new();
        for o in self.store.others() {
            by_id.entry(o.id).or_default().push(o.origin);
        }
        by_id
    }

    /// Takes plan `id`'s lock, or puts the reason it cannot be taken in the notice.
    fn lock_or_say(&mut self, id: &str) -> Option<PlanLock> {
        match self.store.lock(id) {
            Ok(lock) => Some(lock),
            Err(LockError::Held(pid)) => {
                self.app.notice = Some(Notice::ReadOnly(ReadOnlyReason::OpenElsewhere(pid)));
                None
            }
            Err(LockError::Io(e)) => {
                self.app.notice = Some(Notice::Store(e));
                None
            }
        }
    }

    /// Runs a file operation on plan `id` only while holding its lock, so a plan open in
    /// another window is never moved or replaced under it; then refreshes the list.
    fn while_locked(&mut self, id: &str, op: impl FnOnce(&Store) -> Result<(), StoreError>) {
        if let Some(lock) = self.lock_or_say(id) {
            if let Err(e) = op(self.store) {
                self.app.notice = Some(Notice::Store(e));
            }
            drop(lock);
        }
        self.refresh();
    }

    fn trash(&mut self, id: &str) {
        let title = self
            .app
            .home
            .rows
            .iter()
            .find(|r| r.id == id)
            .map_or(String::new(), |r| r.title.clone());
        if let Some(lock) = self.lock_or_say(id) {
            match self.store.trash(id) {
                Ok(stem) => {
                    self.app.notice = Some(Notice::Trashed(title.clone()));
                    self.app.home.last_trashed = Some((stem, title));
                }
                Err(e) => self.app.notice = Some(Notice::Store(e)),
            }
            drop(lock);
        }
        self.refresh();
    }

    fn untrash(&mut self, stem: &str) {
        let title = self
            .store
            .trashed()
            .into_iter()
            .find(|t| t.stem == stem)
            .map_or(String::new(), |t| t.title);
        match self.store.untrash(stem) {
            Ok(id) => {
                self.app.notice = Some(Notice::Untrashed(title));
                if self
                    .app
                    .home
                    .last_trashed
                    .as_ref()
                    .is_some_and(|(s, _)| s == stem)
                {
                    self.app.home.last_trashed = None;
                }
                self.app.home.dialog = None;
                self.refresh();
                self.select(&id);
            }
            Err(e) => self.app.notice = Some(Notice::Store(e)),
        }
    }

    fn open_trash(&mut self) {
        self.app.home.trash = self
            .store
            .trashed()
            .into_iter()
            .map(|t| crate::state::TrashRow {
                stem: t.stem,
                title: t.title,
                when: t.when,
            })
            .collect();
        self.app.home.dialog = Some(crate::state::Dialog::Trash(0));
    }

    fn select(&mut self, id: &str) {
        if let Some(i) = self.app.visible_rows().iter().position(|r| r.id == id) {
            self.app.home.selected = i;
        }
    }

    fn create(&mut self) {
        if self.start(plan::new(new_id(), clock::now_rfc3339())) {
            update::edit_field(&mut self.app, FieldId::Title);
        }
    }

    fn create_from(&mut self, scenario: &str) {
        let Some(s) = self.app.model.scenario(scenario) else {
            return;
        };
        let plan = plan::from_scenario(s, self.app.lang, new_id(), clock::now_rfc3339());
        if self.start(plan)
            && let Some(wb) = self.app.workbook.as_mut()
        {
            // Land on the review, which shows what the example leaves to fill in.
            wb.step = plan::Step::Review.index();
        }
    }

    /// Writes a new plan's file at once, takes its lock and opens it. False when it could not be saved.
    fn start(&mut self, plan: plan::Plan) -> bool {
        if let Err(e) = self.store.save(&plan) {
            self.app.notice = Some(Notice::Store(e));
            return false;
        }
        self.lock = self.store.lock(&plan.id).ok();
        let mut wb = Workbook::new(plan, None);
        wb.focus = Focus::Content;
        self.app.workbook = Some(wb);
        true
    }

    fn open(&mut self, id: &str) {
        if let Some(row) = self.app.home.rows.iter().find(|r| r.id == id)
            && row.damaged.is_some()
        {
            self.app.notice = Some(Notice::DamagedHint);
            return;
        }
        match self.store.load(id) {
            Ok(decoded) => {
                let mut read_only = file_read_only(&decoded);
                match self.store.lock(id) {
                    Ok(lock) => self.lock = Some(lock),
                    Err(LockError::Held(pid)) => {
                        read_only = read_only.or(Some(ReadOnlyReason::OpenElsewhere(pid)));
                    }
                    Err(LockError::Io(e)) => {
                        read_only = read_only.or(Some(ReadOnlyReason::Lock(e)));
                    }
                }
                if let Some(reason) = &read_only {
                    self.app.notice = Some(Notice::OpenedReadOnly(reason.clone()));
                }
                self.app.workbook = Some(Workbook::new(decoded.plan, read_only));
            }
            Err(e) => {
                self.app.notice = Some(Notice::Unreadable(e));
                self.refresh();
            }
        }
    }

    fn duplicate(&mut self, id: &str) {
        match self.store.load(id) {
            Ok(decoded) if decoded.read_only.is_some() => {
                // A copy would silently drop what the newer version added.
                self.app.notice = Some(Notice::ReadOnly(ReadOnlyReason::NewerVersion));
            }
            Ok(decoded) => {
                let copy = plan::duplicate(
                    &decoded.plan,
                    new_id(),
                    clock::now_rfc3339(),
                    tr(self.app.lang, T::Copy),
                );
                if let Err(e) = self.store.save(&copy) {
                    self.app.notice = Some(Notice::Store(e));
                }
                self.refresh();
                self.select(&copy.id);
            }
            Err(e) => self.app.notice = Some(Notice::Unreadable(e)),
        }
    }

    fn export(&mut self, id: &str, choice: usize) {
        let lang = self.app.lang;
        let (format, pack) = crate::state::EXPORT_CHOICES
            .get(choice)
            .copied()
            .unwrap_or_default();
        self.app.notice = Some(match self.store.load(id) {
            Err(e) => Notice::Unreadable(e),
            Ok(decoded) => {
                let options = crate::export::Options { full: false, pack };
                let text =
                    crate::export::render(&decoded.plan, &self.app.model, lang, format, options);
                let name = crate::export::file_name(
                    &decoded.plan.context.title,
                    &decoded.plan.id,
                    format,
                    options,
                );
                match self.store.write_export(&name, &text) {
                    Ok(path) => Notice::Exported(path),
                    Err(e) => Notice::Store(e),
                }
            }
        });
    }

    fn rename(&mut self, id: &str, title: &str) {
        let Some(lock) = self.lock_or_say(id) else {
            return;
        };
        match self.store.load(id) {
            Ok(decoded) if decoded.read_only.is_none() => {
                let plan = plan::renamed(decoded.plan, title, clock::now_rfc3339());
                if let Err(e) = self.store.save(&plan) {
                    self.app.notice = Some(Notice::Store(e));
                }
            }
            Ok(_) => self.app.notice = Some(Notice::ReadOnly(ReadOnlyReason::NewerVersion)),
            Err(e) => self.app.notice = Some(Notice::Unreadable(e)),
        }
        drop(lock);
        self.refresh();
        self.select(id);
    }
}

/// A list row from what the store found of a plan file.
fn row(s: Summary, others: &HashMap<String, Vec<Origin>>) -> Row {
    Row {
        others: others.get(&s.id).cloned().unwrap_or_default(),
        damaged: s.damaged,
        id: s.id,
        title: s.title,
        updated: s.updated,
        percent: s.percent,
        has_backup: s.has_backup,
        order: s.order,
    }
}

/// Turns a terminal event into a message, or nothing when it means nothing to the app. Keys
/// are resolved by the keymap here, so update sees actions.
pub fn to_msg(app: &App, ev: Event, area: Rect) -> Option<Msg> {
    let msg = event_msg(app, ev, area)?;
    // A window too small to draw shows only a message: keys that would change what the user
    // cannot see are dropped; leaving, saving and closing a box still work.
    if area.width < crate::ui::MIN_WIDTH || area.height < crate::ui::MIN_HEIGHT {
        use crate::keymap::Action as A;
        return match msg {
            // A resize still relays the edit box out, for when the window grows back.
            Msg::Action(A::Quit | A::Save | A::Done | A::Cancel)
            | Msg::Terminate(_)
            | Msg::Resized => Some(msg),
            _ => None,
        };
    }
    Some(msg)
}

fn event_msg(app: &App, ev: Event, area: Rect) -> Option<Msg> {
    match ev {
        Event::Key(key) if key.kind != KeyEventKind::Release => Some(update::key_msg(app, key)),
        Event::Paste(text) => Some(Msg::Paste(text)),
        Event::Resize(..) => Some(Msg::Resized),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollUp => Some(Msg::Scroll(-1)),
            MouseEventKind::ScrollDown => Some(Msg::Scroll(1)),
            MouseEventKind::Down(MouseButton::Left) => {
                crate::ui::hit_test(app, area, m.column, m.row).map(Msg::Click)
            }
            _ => None,
        },
        _ => None,
    }
}
