//! The runtime: the terminal, the event loop and the effects that touch the disk.
//! The loop blocks on input; it only wakes up on its own to autosave.

use std::io::{self, IsTerminal};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEventKind, MouseButton, MouseEventKind,
};
use crossterm::execute;
use ratatui::DefaultTerminal;
use ratatui::layout::Rect;

use crate::clock;
use crate::i18n::{Msg as T, tr};
use crate::lang::Lang;
use crate::model::Model;
use crate::plan::{FieldId, Plan, SCHEMA_VERSION, progress};
use crate::state::{App, Focus, ReadOnly, Row, SaveStatus, Workbook};
use crate::storage::{Listed, LockError, PlanLock, Store, new_id};
use crate::theme::Theme;
use crate::update::{self, Effect, Msg, unsaved};

/// Changes are written this long after the first unsaved one: well within a second.
const AUTOSAVE_DELAY: Duration = Duration::from_millis(400);
/// After a failed save, wait this long before trying again.
const RETRY_DELAY: Duration = Duration::from_secs(3);

/// Runs the workbook in the terminal; returns the exit code.
pub fn run(store: &Store, model: Model, lang: Lang, theme: Theme) -> u8 {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        eprintln!(
            "modelownia needs an interactive terminal. For scripts use `modelownia list`, `check-plan` or `check-model`."
        );
        return 2;
    }
    install_mouse_paste_reset_hook();
    let mut terminal = ratatui::init();
    let _ = execute!(io::stdout(), EnableBracketedPaste, EnableMouseCapture);
    let mut app = App::new(model, lang);
    app.theme = theme;
    let mut rt = Runtime::new(store, app);
    #[cfg(unix)]
    watch_signals(store.clone(), Arc::clone(&rt.unsaved_copy));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| rt.run(&mut terminal)));
    let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
    let Ok(result) = result else {
        // The panic hook has restored the terminal and printed the report. The plan in memory
        // may be half-updated, so it goes beside the real file, never over it.
        write_recovered(store, &rt.app);
        return 101;
    };
    match result {
        Ok(()) => {
            if update::unsaved(&rt.app) {
                eprintln!("warning: the latest changes of the open plan could not be saved");
                // A last try elsewhere in the folder: the cause may have been the plan file itself.
                write_recovered(store, &rt.app);
                1
            } else {
                0
            }
        }
        Err(e) => {
            eprintln!("modelownia: terminal error: {e}");
            rt.save_now();
            write_recovered(store, &rt.app);
            1
        }
    }
}

/// Writes the open plan's unsaved state beside its file as `<id>.ron.recovered`, never over
/// it: after a panic or a lost terminal the state may be half-updated.
fn write_recovered(store: &Store, app: &App) {
    if let Some(wb) = app.workbook.as_ref().filter(|_| update::unsaved(app)) {
        let path = store
            .plans_dir()
            .join(format!("{}.ron.recovered", wb.plan.id));
        match write_private(&path, &crate::storage::encode(&wb.plan)) {
            Ok(()) => eprintln!("unsaved changes were written to {}", path.display()),
            Err(e) => eprintln!(
                "unsaved changes could not be written to {}: {e}",
                path.display()
            ),
        }
    }
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

/// SIGTERM or SIGHUP (terminal window closed, system shutting down) would end the process
/// without restoring the terminal or writing the last edits: a watcher thread does both.
#[cfg(unix)]
fn watch_signals(store: Store, unsaved_copy: Arc<Mutex<Option<Plan>>>) {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            if let Ok(copy) = unsaved_copy.lock()
                && let Some(plan) = copy.as_ref()
            {
                let _ = store.save(plan);
            }
            let _ = execute!(
                io::stdout(),
                DisableMouseCapture,
                DisableBracketedPaste,
                crossterm::cursor::Show
            );
            ratatui::restore();
            std::process::exit(128 + signal);
        }
    });
}

/// The app plus what it holds that is not state: the store and the lock of the open plan.
pub struct Runtime<'a> {
    store: &'a Store,
    /// The app state.
    pub app: App,
    /// A copy of the open plan while it has changes not on disk, for the signal watcher.
    pub unsaved_copy: Arc<Mutex<Option<Plan>>>,
    lock: Option<PlanLock>,
    /// When the current unsaved changes began, or when to retry a failed save.
    save_due: Option<Instant>,
}

impl<'a> Runtime<'a> {
    /// Loads the plan list.
    pub fn new(store: &'a Store, app: App) -> Self {
        let mut rt = Self {
            store,
            app,
            unsaved_copy: Arc::new(Mutex::new(None)),
            lock: None,
            save_due: None,
        };
        rt.refresh();
        rt
    }

    fn run(&mut self, terminal: &mut DefaultTerminal) -> io::Result<()> {
        loop {
            terminal.draw(|f| crate::ui::render(&self.app, f))?;
            if self.app.should_quit {
                return Ok(());
            }
            let event = match self.save_due {
                Some(due) => {
                    let wait = due.saturating_duration_since(Instant::now());
                    if event::poll(wait)? {
                        Some(event::read()?)
                    } else {
                        None
                    }
                }
                None => Some(event::read()?),
            };
            match event {
                None => self.save_now(),
                Some(ev) => {
                    let size = terminal.size()?;
                    let area = Rect::new(0, 0, size.width, size.height);
                    if let Some(msg) = to_msg(&self.app, ev, area) {
                        self.handle(msg);
                    }
                }
            }
        }
    }

    /// Feeds one message through update and carries out its effects.
    pub fn handle(&mut self, msg: Msg) {
        // Lets the end-to-end tests prove a panic restores the terminal and keeps the edits.
        #[cfg(debug_assertions)]
        if matches!(&msg, Msg::Key(k) if k.code == crossterm::event::KeyCode::F(12))
            && std::env::var_os("MODELOWNIA_TEST_PANIC").is_some()
        {
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
        self.mirror_unsaved();
    }

    fn mirror_unsaved(&self) {
        let copy = self
            .app
            .workbook
            .as_ref()
            .filter(|_| unsaved(&self.app))
            .map(|wb| wb.plan.clone());
        if let Ok(mut slot) = self.unsaved_copy.lock() {
            *slot = copy;
        }
    }

    fn apply(&mut self, effect: Effect) {
        match effect {
            Effect::Create => self.create(),
            Effect::CreateFrom(id) => self.create_from(&id),
            Effect::Open(id) => self.open(&id),
            Effect::Duplicate(id) => self.duplicate(&id),
            Effect::Trash(id) => self.while_locked(&id, |store| store.trash(&id)),
            Effect::Rename(id, title) => self.rename(&id, &title),
            Effect::Restore(id) => self.while_locked(&id, |store| store.restore_backup(&id)),
            Effect::Export(id) => self.export(&id),
            Effect::Save => self.save_now(),
            Effect::Close => {
                self.save_now();
                if unsaved(&self.app) {
                    // Leaving would drop the edits from memory too: stay, and say why.
                    self.app.notice = Some(tr(self.app.lang, T::CloseUnsaved).to_string());
                } else {
                    let id = self.app.workbook.take().map(|wb| wb.plan.id);
                    self.lock = None;
                    self.refresh();
                    if let Some(id) = id {
                        self.select(&id);
                    }
                }
            }
            Effect::Quit => {
                self.save_now();
                if unsaved(&self.app) {
                    self.app.quit_armed = true;
                } else {
                    self.app.should_quit = true;
                }
            }
        }
    }

    /// Writes the open plan if it has unsaved changes.
    pub fn save_now(&mut self) {
        let Some(wb) = self.app.workbook.as_mut() else {
            self.save_due = None;
            return;
        };
        if wb.read_only.is_some() || wb.save == SaveStatus::Saved {
            self.save_due = None;
            return;
        }
        let previous = std::mem::replace(&mut wb.plan.updated, clock::now_rfc3339());
        match self.store.save(&wb.plan) {
            Ok(()) => {
                wb.save = SaveStatus::Saved;
                self.save_due = None;
                self.mirror_unsaved();
            }
            Err(e) => {
                wb.plan.updated = previous;
                wb.save = SaveStatus::Failed(e.to_string());
                self.save_due = Some(Instant::now() + RETRY_DELAY);
            }
        }
    }

    fn refresh(&mut self) {
        let model = &self.app.model;
        let mut rows: Vec<Row> = self
            .store
            .list()
            .into_iter()
            .map(|l| match l {
                Listed::Ok { decoded, .. } => Row {
                    id: decoded.plan.id.clone(),
                    title: decoded.plan.context.title.clone(),
                    updated: decoded.plan.updated.clone(),
                    percent: progress(&decoded.plan, model).percent(),
                    damaged: None,
                    has_backup: false,
                },
                Listed::Damaged {
                    id,
                    error,
                    has_backup,
                    ..
                } => Row {
                    id,
                    title: String::new(),
                    updated: String::new(),
                    percent: 0,
                    damaged: Some(error.to_string().lines().next().unwrap_or("").to_string()),
                    has_backup,
                },
            })
            .collect();
        // Damaged files first so they are noticed, then newest first.
        rows.sort_by(|a, b| {
            (b.damaged.is_some(), &b.updated, &b.id).cmp(&(a.damaged.is_some(), &a.updated, &a.id))
        });
        self.app.home.rows = rows;
        let len = self.app.visible_rows().len();
        self.app.home.selected = self.app.home.selected.min(len.saturating_sub(1));
    }

    /// Runs a file operation on plan `id` only while holding its lock, so a plan open in
    /// another window is never moved or replaced under it; then refreshes the list.
    fn while_locked(
        &mut self,
        id: &str,
        op: impl FnOnce(&Store) -> Result<(), crate::storage::SaveError>,
    ) {
        match self.store.lock(id) {
            Ok(lock) => {
                if let Err(e) = op(self.store) {
                    self.app.notice = Some(e.to_string());
                }
                drop(lock);
            }
            Err(LockError::Held(_)) => {
                self.app.notice = Some(ReadOnly::OpenElsewhere.text(self.app.lang));
            }
            Err(LockError::Io(reason)) => self.app.notice = Some(reason),
        }
        self.refresh();
    }

    fn select(&mut self, id: &str) {
        if let Some(i) = self.app.visible_rows().iter().position(|r| r.id == id) {
            self.app.home.selected = i;
        }
    }

    fn create(&mut self) {
        let now = clock::now_rfc3339();
        let plan = Plan {
            version: SCHEMA_VERSION,
            id: new_id(),
            created: now.clone(),
            updated: now,
            ..Plan::default()
        };
        if self.start(plan) {
            update::edit_field(&mut self.app, FieldId::Title);
        }
    }

    fn create_from(&mut self, scenario: &str) {
        let Some(s) = self.app.model.scenario(scenario) else {
            return;
        };
        let plan = crate::plan::from_scenario(s, self.app.lang, new_id(), clock::now_rfc3339());
        if self.start(plan)
            && let Some(wb) = self.app.workbook.as_mut()
        {
            // Land on the review, which shows what the example leaves to fill in.
            wb.step = crate::plan::Step::Review.index();
        }
    }

    /// Writes a new plan's file at once, takes its lock and opens it. False when it could not be saved.
    fn start(&mut self, plan: Plan) -> bool {
        if let Err(e) = self.store.save(&plan) {
            self.app.notice = Some(e.to_string());
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
            self.app.notice = Some(tr(self.app.lang, T::DamagedHint).to_string());
            return;
        }
        match self.store.load(id) {
            Ok(decoded) => {
                let mut read_only = decoded.read_only.map(|_| ReadOnly::NewerVersion);
                match self.store.lock(id) {
                    Ok(lock) => self.lock = Some(lock),
                    Err(LockError::Held(_)) => {
                        read_only = read_only.or(Some(ReadOnly::OpenElsewhere));
                    }
                    Err(LockError::Io(reason)) => {
                        read_only = read_only.or(Some(ReadOnly::Other(reason)));
                    }
                }
                if let Some(reason) = &read_only {
                    let lang = self.app.lang;
                    self.app.notice =
                        Some(format!("{}: {}", tr(lang, T::ReadOnly), reason.text(lang)));
                }
                self.app.workbook = Some(Workbook::new(decoded.plan, read_only));
            }
            Err(e) => {
                self.app.notice = Some(e.to_string());
                self.refresh();
            }
        }
    }

    fn duplicate(&mut self, id: &str) {
        match self.store.load(id) {
            Ok(decoded) if decoded.read_only.is_some() => {
                // A copy would silently drop what the newer version added.
                self.app.notice = Some(ReadOnly::NewerVersion.text(self.app.lang));
            }
            Ok(decoded) => {
                let now = clock::now_rfc3339();
                let mut plan = decoded.plan;
                plan.id = new_id();
                plan.version = SCHEMA_VERSION;
                plan.created = now.clone();
                plan.updated = now;
                plan.context.title =
                    format!("{} ({})", plan.context.title, tr(self.app.lang, T::Copy));
                if let Err(e) = self.store.save(&plan) {
                    self.app.notice = Some(e.to_string());
                }
                self.refresh();
                self.select(&plan.id);
            }
            Err(e) => self.app.notice = Some(e.to_string()),
        }
    }

    fn export(&mut self, id: &str) {
        let lang = self.app.lang;
        let written = self
            .store
            .load(id)
            .map_err(|e| e.to_string())
            .and_then(|decoded| {
                let dir = self.store.root().join("exports");
                private_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
                let path = dir.join(format!("{id}.md"));
                let text = crate::export::markdown(&decoded.plan, &self.app.model, lang);
                write_private(&path, &text).map_err(|e| format!("{}: {e}", path.display()))?;
                Ok(path)
            });
        self.app.notice = Some(match written {
            Ok(path) => format!("{} {}", tr(lang, T::Exported), path.display()),
            Err(e) => e,
        });
    }

    fn rename(&mut self, id: &str, title: &str) {
        let lock = match self.store.lock(id) {
            Ok(lock) => lock,
            Err(LockError::Held(_)) => {
                self.app.notice = Some(ReadOnly::OpenElsewhere.text(self.app.lang));
                return;
            }
            Err(LockError::Io(reason)) => {
                self.app.notice = Some(reason);
                return;
            }
        };
        match self.store.load(id) {
            Ok(decoded) if decoded.read_only.is_none() => {
                let mut plan = decoded.plan;
                plan.context.title = title.trim().to_string();
                plan.updated = clock::now_rfc3339();
                if let Err(e) = self.store.save(&plan) {
                    self.app.notice = Some(e.to_string());
                }
            }
            Ok(decoded) => self.app.notice = decoded.read_only,
            Err(e) => self.app.notice = Some(e.to_string()),
        }
        drop(lock);
        self.refresh();
        self.select(id);
    }
}

/// Creates `dir` readable by its owner only (exports hold notes about young people).
fn private_dir(dir: &std::path::Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Writes a file readable by its owner only.
fn write_private(path: &std::path::Path, text: &str) -> io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)?.write_all(text.as_bytes())
}

/// Turns a terminal event into a message, or nothing when it means nothing to the app.
pub fn to_msg(app: &App, ev: Event, area: Rect) -> Option<Msg> {
    match ev {
        Event::Key(key) if key.kind != KeyEventKind::Release => Some(Msg::Key(key)),
        Event::Paste(text) => Some(Msg::Paste(text)),
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
