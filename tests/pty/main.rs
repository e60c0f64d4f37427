//! End-to-end tests of the real binary in a pseudo-terminal (80×24 unless said otherwise).
//!
//! Each test drives the app with raw key bytes and waits on the parsed screen (see
//! `common/mod.rs`); a test skips itself with a printed reason when no pty can be opened.
//! The tests run one at a time ([`serial`]): they are timing-sensitive, the crash test most.

mod harness;

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use harness::keys::{self, DOWN, ENTER, SPACE};
use harness::{
    Lcg, Pty, data_dir, decode_file, find_pane, footer_of, names, pane_focused, plan_files,
    plans_dir,
};
use modelownia::plan::{CheckState, Pick, Plan, SCHEMA_VERSION};

const W: u16 = 80;
const H: u16 = 24;

/// One pty test at a time.
fn serial() -> MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(PoisonError::into_inner)
}

fn start(data: &Path, lang: &str) -> Option<Pty> {
    Pty::spawn(data, &["--lang", lang], W, H)
}

/// The footer while a text box has the keyboard.
const EDITING: &str = "Esc finish editing";
/// The title of the home list's pane.
const HOME: &str = "┏ Activity plans";

fn editing(s: &vt100::Screen) -> bool {
    footer_of(s).starts_with(EDITING)
}

/// The step list has the keyboard.
fn in_steps(s: &vt100::Screen) -> bool {
    pane_focused(s, "Steps") && !editing(s)
}

/// The content pane of step `name` has the keyboard and no text box is open.
fn in_content(s: &vt100::Screen, name: &str) -> bool {
    pane_focused(s, name) && !pane_focused(s, "Steps") && !editing(s)
}

/// Leaves the text box being edited in step `name`: Esc, then the content has the keys.
fn finish_editing(app: &mut Pty, name: &str) {
    app.esc_until(
        &format!("the {name} pane to get the keys back (Esc)"),
        |s| in_content(s, name),
    );
}

/// From the content pane to the step list.
fn to_steps(app: &mut Pty) {
    app.esc_until("the step list to get the keys (Esc)", in_steps);
}

/// From the step list (on step `from`, 1-based) down to step `to` and into its content.
fn open_step(app: &mut Pty, from: usize, to: usize, name: &str) {
    app.send(DOWN.repeat(to - from));
    app.wait_screen(
        &format!("step {to} {name} shown, the step list focused"),
        |s| find_pane(s, name).is_some() && in_steps(s),
    );
    app.send(ENTER);
    app.wait_screen(&format!("the {name} pane to get the keys (Enter)"), |s| {
        in_content(s, name)
    });
}

fn quit(app: &mut Pty) -> u32 {
    app.send("q");
    app.wait_exit()
}

fn first_checklist_id() -> String {
    let model = modelownia::model::load_from(None).expect("built-in model");
    model.phases[0].items[0].id.clone()
}

#[test]
fn first_plan_round_trip() {
    let _serial = serial();
    let dir = data_dir();
    let data = dir.path();
    let title = "Spacer po Chyloni źdźbło ąćęłńóśźż";
    let note = "Młodzi sami wybierają trasę.";

    let Some(mut app) = start(data, "en") else {
        return;
    };
    app.wait_text("You have no plans yet.");
    app.send("n");
    app.wait_footer(EDITING);
    assert_eq!(
        plan_files(data).len(),
        1,
        "`n` writes the new plan at once: {:?}",
        names(&plans_dir(data))
    );
    app.send(title);
    app.wait_for("the title in the header", |s| {
        s.lines().next().unwrap_or("").contains(title)
    });
    finish_editing(&mut app, "Context");
    to_steps(&mut app);

    open_step(&mut app, 1, 5, "Values");
    app.send(SPACE);
    app.wait_text("[x] Participation");
    app.send(ENTER);
    let s = app.wait_footer(EDITING);
    assert!(
        s.contains("How does this activity live this value?"),
        "the note editor asks its question:\n{s}"
    );
    app.send(note);
    app.wait_text(note);
    finish_editing(&mut app, "Values");
    to_steps(&mut app);

    open_step(&mut app, 5, 11, "Checklist");
    // The facts about the activity come first; the list is the next field.
    app.send(keys::TAB);
    app.send(SPACE);
    app.wait_for("the first checklist item done", |s| {
        s.lines().any(|l| l.contains("┃[✓] "))
    });
    // Autosave, without quitting.
    app.wait_text("✓ saved");
    let files = plan_files(data);
    assert_eq!(files.len(), 1, "{files:?}");
    let autosaved = decode_file(&files[0]);
    assert_eq!(autosaved.context.title, title);

    assert_eq!(quit(&mut app), 0, "q saves and quits with 0");
    drop(app);

    let files = plan_files(data);
    assert_eq!(files.len(), 1, "{files:?}");
    let plan = decode_file(&files[0]);
    assert_eq!(plan.version, SCHEMA_VERSION);
    assert_eq!(
        files[0].file_name().unwrap(),
        format!("{}.ron", plan.id).as_str()
    );
    assert_eq!(plan.context.title, title);
    assert_eq!(
        plan.values,
        vec![Pick {
            id: "participation".into(),
            note: note.into(),
            ..Pick::default()
        }]
    );
    assert_eq!(plan.checklist.len(), 1, "{:?}", plan.checklist);
    let check = &plan.checklist[&first_checklist_id()];
    assert_eq!(check.state, CheckState::Done);
    let text = std::fs::read_to_string(&files[0]).unwrap();
    assert!(
        text.contains(title) && text.contains("state: Done"),
        "{text}"
    );
    let bytes = std::fs::read(&files[0]).unwrap();

    // Again: the plan is listed, opens, and shows what was chosen.
    let Some(mut app) = start(data, "en") else {
        return;
    };
    let s = app.wait_text(title);
    let row = s.lines().find(|l| l.contains(title)).unwrap();
    assert!(row.contains("▶ "), "the only plan is selected: {row}");
    assert!(
        row.trim_end_matches(['│', '┃']).trim_end().ends_with('%'),
        "{row}"
    );
    app.send(ENTER);
    let s = app.wait_screen("the plan open on its step list", in_steps);
    assert!(
        s.lines().next().unwrap().contains(title),
        "header shows the title:\n{s}"
    );
    assert!(s.contains(title), "{s}");
    open_step(&mut app, 1, 5, "Values");
    let s = app.wait_text("[x] Participation");
    assert!(s.contains(note), "the note is shown in the guide:\n{s}");
    assert_eq!(quit(&mut app), 0);
    assert_eq!(
        std::fs::read(&files[0]).unwrap(),
        bytes,
        "opening and looking around does not rewrite the file"
    );
}

#[test]
fn polish_interface() {
    let _serial = serial();
    let dir = data_dir();
    let Some(mut app) = start(dir.path(), "pl") else {
        return;
    };
    let s = app.wait_text("Nie masz jeszcze żadnego planu.");
    assert!(
        s.lines().next().unwrap().trim_end().ends_with("[PL]"),
        "{s}"
    );
    assert!(!s.contains("You have no plans yet."), "{s}");
    app.send("L");
    let s = app.wait_text("You have no plans yet.");
    assert!(
        s.lines().next().unwrap().trim_end().ends_with("[EN]"),
        "{s}"
    );
    assert!(!s.contains("Nie masz"), "{s}");
    app.send("L");
    app.wait_text("Nie masz jeszcze żadnego planu.");
    assert_eq!(quit(&mut app), 0);
}

#[test]
fn small_terminal() {
    let _serial = serial();
    let dir = data_dir();
    let Some(mut app) = Pty::spawn(dir.path(), &["--lang", "en"], 40, 10) else {
        return;
    };
    let s = app.wait_text("Enlarge the window");
    assert!(!s.contains("You have no plans"), "{s}");
    app.resize(W, H);
    let s = app.wait_text("You have no plans yet.");
    assert!(!s.contains("Enlarge"), "{s}");
    assert!(s.contains(HOME), "{s}");
    // Down again below the minimum and back up: still fine.
    app.resize(59, 20);
    app.wait_for("the enlarge message at 59×20", |s| {
        s.contains("Enlarge") && !s.contains("You have no plans")
    });
    app.resize(60, 20);
    app.wait_text("You have no plans yet.");
    assert_eq!(app.try_exit(), None, "the app is still running");
    assert_eq!(quit(&mut app), 0);
}

#[test]
fn help_overlay() {
    let _serial = serial();
    let dir = data_dir();
    let Some(mut app) = start(dir.path(), "en") else {
        return;
    };
    app.wait_text("You have no plans yet.");
    app.send("?");
    let s = app.wait_text("┏ Keys ━");
    // A row of the overlay: `┃  n <padding> new plan <padding>┃`, perhaps beside a row of
    // the second column.
    let lists_n = s.lines().any(|l| {
        l.split(['│', '┃']).any(|cell| {
            let words: Vec<&str> = cell
                .split("  ")
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .collect();
            words.windows(2).any(|w| w == ["n", "new plan"])
        })
    });
    assert!(lists_n, "help lists `n` as new plan:\n{s}");
    // Keys of the home list do nothing while help is open.
    app.send("n");
    app.send("?");
    let s = app.wait_for("the help to close", |s| !s.contains("┏ Keys"));
    assert!(
        s.contains("You have no plans yet."),
        "`n` did not create a plan:\n{s}"
    );
    assert!(plan_files(dir.path()).is_empty());
    assert_eq!(quit(&mut app), 0);
}

// Typed into the title in the crash test: letters (with Polish ones), digits and spaces, none
// of which is a key binding while editing.
const ALPHABET: &[char] = &[
    'a', 'b', 'c', 'd', 'e', 'k', 'o', 'p', 'r', 's', 't', 'w', 'z', 'ą', 'ć', 'ę', 'ł', 'ń', 'ó',
    'ś', 'ź', 'ż', 'Ż', 'Ł', 'Q', '0', '7', ' ',
];

fn chunk(rng: &mut Lcg) -> String {
    let len = 1 + rng.below(6);
    (0..len)
        .map(|_| ALPHABET[rng.below(ALPHABET.len() as u32) as usize])
        .collect()
}

/// Polls (every 20 ms) for at most `max`; used only to put a kill at a random moment.
fn pause(max: Duration, until: impl Fn() -> bool) {
    let end = Instant::now() + max;
    while Instant::now() < end && !until() {
        std::thread::sleep(harness::POLL);
    }
}

/// Checks the plans folder after a kill; returns the hidden temp files left behind.
/// Checks the plans folder after a kill: the title on disk lies between what was seen saved and
/// what was typed. Returns the hidden temp files left behind and the title on disk.
fn check_after_kill(
    data: &Path,
    id: &str,
    saved: &str,
    typed: &str,
    round: u64,
) -> (Vec<String>, String) {
    let plans = plans_dir(data);
    let all = names(&plans);
    let mut temps = Vec::new();
    for name in &all {
        if name == &format!("{id}.ron") || name == &format!("{id}.ron.bak") {
            continue;
        }
        if name == ".locks" {
            assert!(
                plans.join(name).is_dir(),
                "round {round}: .locks is a folder"
            );
            continue;
        }
        // `storage` documents `.<id>.ron.tmp-XXXXXX` (and the backup's) as a save in progress,
        // removed when the store is opened next.
        let temp = [format!(".{id}.ron.tmp-"), format!(".{id}.ron.bak.tmp-")]
            .iter()
            .any(|p| name.starts_with(p.as_str()));
        assert!(
            temp,
            "round {round}: unexpected file {name:?} in plans/: {all:?}"
        );
        temps.push(name.clone());
    }
    let file = plans.join(format!("{id}.ron"));
    assert!(
        file.is_file(),
        "round {round}: the plan file is gone: {all:?}"
    );
    for path in plan_files(data) {
        decode_file(&path);
    }
    let title = decode_file(&file).context.title;
    assert!(
        title.starts_with(saved),
        "round {round}: the file lost text that was shown as saved\n saved: {saved:?}\n file:  {title:?}"
    );
    assert!(
        typed.starts_with(&title),
        "round {round}: the file has text that was never typed\n typed: {typed:?}\n file:  {title:?}"
    );
    let bak = plans.join(format!("{id}.ron.bak"));
    // The backup is an earlier complete version.
    if bak.exists() {
        let text = std::fs::read_to_string(&bak).unwrap();
        let old = modelownia::storage::decode(&format!("{id}.ron"), &text)
            .unwrap_or_else(|e| panic!("round {round}: the backup does not decode: {e}\n{text}"));
        assert!(
            typed.starts_with(&old.plan.context.title),
            "round {round}: the backup has text that was never typed: {:?}",
            old.plan.context.title
        );
    }
    (temps, title)
}

#[test]
fn crash_kill_during_edits() {
    let _serial = serial();
    let started = Instant::now();
    let dir = data_dir();
    let data = dir.path();
    const ROUNDS: u64 = 15;
    let mut id = String::new();
    let mut typed = String::new();
    let mut saved = String::new();
    let mut left_temps: Vec<String> = Vec::new();
    let mut kinds = BTreeSet::new();
    let (mut checkpoints, mut lost_rounds, mut temps_seen) = (0, 0, 0);

    for round in 0..=ROUNDS {
        let mut rng = Lcg::new(round);
        let Some(mut app) = start(data, "en") else {
            return;
        };
        if round == 0 {
            app.wait_text("You have no plans yet.");
            app.send("n");
            app.wait_footer(EDITING);
            let files = plan_files(data);
            assert_eq!(files.len(), 1, "{files:?}");
            id = decode_file(&files[0]).id;
        } else {
            app.wait_for("the plan listed on the home screen", |s| {
                s.contains("▶ ") && s.contains(HOME)
            });
            let now = names(&plans_dir(data));
            for t in &left_temps {
                assert!(
                    !now.contains(t),
                    "round {round}: temp file {t} was not cleaned up on start: {now:?}"
                );
            }
            if round == ROUNDS {
                // A last clean start: everything is as it was left, and quits normally.
                assert_eq!(quit(&mut app), 0);
                break;
            }
            app.send(ENTER);
            app.wait_screen("the plan open on its step list", in_steps);
            app.send(ENTER);
            app.wait_screen("the Context pane focused", |s| in_content(s, "Context"));
            app.send(ENTER);
            app.wait_footer(EDITING);
        }

        // Some text, then (mostly) wait until it is on disk and the header says so.
        for _ in 0..1 + rng.below(3) {
            let c = chunk(&mut rng);
            app.send(&c);
            typed.push_str(&c);
        }
        if rng.below(3) != 0 {
            let file = plans_dir(data).join(format!("{id}.ron"));
            let want = typed.clone();
            app.wait_for("the typed title autosaved and \"✓ saved\" shown", |s| {
                s.lines().next().unwrap_or("").contains("✓ saved")
                    && std::fs::read_to_string(&file)
                        .ok()
                        .and_then(|t| modelownia::storage::decode(&format!("{id}.ron"), &t).ok())
                        .is_some_and(|d| d.plan.context.title == want)
            });
            saved = typed.clone();
            checkpoints += 1;
        }
        // More text, then a kill at a random moment.
        for _ in 0..rng.below(4) {
            let c = chunk(&mut rng);
            app.send(&c);
            typed.push_str(&c);
        }
        let kind = rng.below(4);
        kinds.insert(kind);
        match kind {
            0 => {}
            1 => pause(Duration::from_millis(u64::from(rng.below(500))), || false),
            2 => {
                // Aim at the autosave itself, about 0.4 s after the first unsaved change.
                let screen = || app.contents();
                pause(Duration::from_millis(500), || screen().contains("saving…"));
                pause(
                    Duration::from_millis(300 + u64::from(rng.below(200))),
                    || false,
                );
            }
            _ => pause(Duration::from_millis(u64::from(rng.below(100))), || false),
        }
        app.kill();
        drop(app);
        let (temps, title) = check_after_kill(data, &id, &saved, &typed, round);
        if title != typed {
            lost_rounds += 1;
        }
        // What the next round starts from: text not yet saved died with the process.
        temps_seen += temps.len();
        left_temps = temps;
        typed = title.clone();
        saved = title;
    }
    let elapsed = started.elapsed();
    eprintln!(
        "crash test: {ROUNDS} kills in {elapsed:?}; kill kinds {kinds:?}; {checkpoints} autosaves \
         waited for; {lost_rounds} kills lost unsaved typing; {temps_seen} temp files left by \
         kills (all removed on the next start); title now {} chars",
        typed.chars().count()
    );
    assert!(checkpoints > 0, "at least one autosave was waited for");
    assert!(!typed.is_empty());
}

#[test]
fn damaged_file_untouched() {
    let _serial = serial();
    let dir = data_dir();
    let data = dir.path();
    let store = modelownia::storage::Store::open(data).expect("data folder");
    let good = Plan {
        version: SCHEMA_VERSION,
        id: "dobry".into(),
        created: "2026-01-05T10:00:00Z".into(),
        updated: "2026-01-05T10:00:00Z".into(),
        context: modelownia::plan::Context {
            title: "Gra miejska na Oksywiu".into(),
            ..Default::default()
        },
        ..Plan::default()
    };
    store.save(&good).expect("save the good plan");
    drop(store);
    let broken = plans_dir(data).join("broken.ron");
    let garbage: &[u8] = b"(version: 1, id: \"broken\", context: (title: \"x\"";
    std::fs::write(&broken, garbage).unwrap();
    let good_path = plans_dir(data).join("dobry.ron");
    let good_bytes = std::fs::read(&good_path).unwrap();
    let before = names(&plans_dir(data));

    let Some(mut app) = start(data, "en") else {
        return;
    };
    let s = app.wait_text("DAMAGED");
    let damaged = s.lines().find(|l| l.contains("DAMAGED")).unwrap();
    assert!(damaged.contains("broken"), "{damaged}");
    let row = s
        .lines()
        .find(|l| l.contains("Gra miejska na Oksywiu"))
        .unwrap_or_else(|| panic!("the good plan is listed:\n{s}"));
    assert!(row.contains('%') && !row.contains("DAMAGED"), "{row}");
    // Enter on the damaged row (selected first) explains instead of opening.
    app.send(ENTER);
    app.wait_text("It will not be overwritten.");
    assert!(app.contents().contains(HOME));
    assert_eq!(quit(&mut app), 0);
    drop(app);

    assert_eq!(
        std::fs::read(&broken).unwrap(),
        garbage,
        "the damaged file is unchanged"
    );
    assert_eq!(std::fs::read(&good_path).unwrap(), good_bytes);
    let after: Vec<String> = names(&plans_dir(data))
        .into_iter()
        .filter(|n| n != ".locks")
        .collect();
    let before: Vec<String> = before.into_iter().filter(|n| n != ".locks").collect();
    assert_eq!(after, before, "no file was added or removed");
}

/// Starts on an empty data folder, makes a plan with `n` and types `title` into it (still editing).
fn new_plan_titled(data: &Path, title: &str) -> Option<Pty> {
    let mut app = start(data, "en")?;
    app.wait_text("You have no plans yet.");
    app.send("n");
    app.wait_screen("the title editor", editing);
    app.send(title);
    app.wait_text(title);
    Some(app)
}

#[cfg(unix)]
#[test]
fn sigterm_saves_the_last_edits_and_restores_the_terminal() {
    let _serial = serial();
    let dir = data_dir();
    let title = "Zamknięte okno źdźbło";
    let Some(mut app) = new_plan_titled(dir.path(), title) else {
        return;
    };
    // At once, well before the autosave would run.
    let pid = app.pid().expect("pid");
    // SAFETY: sending a signal to our own child process.
    let sent = unsafe { libc::kill(pid as libc::pid_t, libc::SIGTERM) };
    assert_eq!(sent, 0);
    assert_eq!(app.wait_exit(), 128 + 15);
    let files = plan_files(dir.path());
    assert_eq!(files.len(), 1);
    assert_eq!(decode_file(&files[0]).context.title, title);
    // The reader thread may still be catching up with the last bytes the app wrote.
    app.wait_screen("the normal screen with a visible cursor", |s| {
        !s.alternate_screen() && !s.hide_cursor()
    });
}

#[test]
fn a_panic_restores_the_terminal_and_keeps_the_unsaved_plan_aside() {
    let _serial = serial();
    let dir = data_dir();
    let title = "Przed awarią";
    let Some(mut app) = new_plan_titled(dir.path(), title) else {
        return;
    };
    let before: Vec<Vec<u8>> = plan_files(dir.path())
        .iter()
        .map(|p| std::fs::read(p).expect("read"))
        .collect();
    app.send("\x1b[24~"); // F12: the debug-build panic key
    assert_eq!(app.wait_exit(), 101);
    // The reader thread may still be catching up with the last bytes the app wrote.
    app.wait_screen("the normal screen, a visible cursor and the report", |s| {
        !s.alternate_screen() && !s.hide_cursor() && s.contents().contains("test panic requested")
    });
    let plans = plans_dir(dir.path());
    let rescue_dir = dir.path().join("recovered");
    let recovered: Vec<_> = if rescue_dir.exists() {
        names(&rescue_dir)
    } else {
        Vec::new()
    };
    // The autosave may have beaten the panic; then nothing is unsaved and nothing is recovered.
    let files = plan_files(dir.path());
    let saved = decode_file(&files[0]).context.title == title;
    if saved {
        assert!(recovered.is_empty(), "{recovered:?}");
    } else {
        assert_eq!(recovered.len(), 1, "{:?}", names(&plans));
        let text = std::fs::read_to_string(rescue_dir.join(&recovered[0])).expect("read");
        let (id, _) = modelownia::storage::rescue_of(&recovered[0]).expect("a rescue name");
        let plan = modelownia::storage::decode(&format!("{id}.ron"), &text)
            .expect("recovered file decodes");
        assert_eq!(plan.plan.context.title, title);
        let after: Vec<Vec<u8>> = files
            .iter()
            .map(|p| std::fs::read(p).expect("read"))
            .collect();
        assert_eq!(
            before, after,
            "the real plan file is not touched by the recovery"
        );
    }
}

/// No cell on the screen has a colour.
fn colourless(s: &vt100::Screen) -> bool {
    let (rows, cols) = s.size();
    (0..rows.get()).all(|r| {
        (0..cols.get()).all(|c| {
            s.cell(r, c).is_none_or(|cell| {
                cell.fgcolor() == vt100::Color::Default && cell.bgcolor() == vt100::Color::Default
            })
        })
    })
}

#[test]
fn no_color_means_no_colour_and_the_focus_still_shows() {
    let _serial = serial();
    let dir = data_dir();
    let Some(mut app) =
        Pty::spawn_with_env(dir.path(), &["--lang", "en"], W, H, &[("NO_COLOR", "1")])
    else {
        return;
    };
    // Each wait fails (with the screen) unless the screen is also without colour.
    app.wait_screen(
        "the home screen, focused by its border, without colour",
        |s| {
            s.contents().contains("You have no plans yet.")
                && pane_focused(s, "Activity plans")
                && colourless(s)
        },
    );
    app.send("n");
    app.wait_screen("the title editor", editing);
    app.send("Bez koloru");
    app.wait_text("Bez koloru");
    finish_editing(&mut app, "Context");
    app.wait_screen("the content pane focused, without colour", |s| {
        in_content(s, "Context") && colourless(s)
    });
    to_steps(&mut app);
    app.wait_screen("the step list focused, without colour", |s| {
        in_steps(s) && colourless(s)
    });
    assert_eq!(quit(&mut app), 0);
}

#[test]
fn run_a_session_capture_a_polish_note_and_find_it_in_evaluation() {
    let _serial = serial();
    let dir = data_dir();
    let store = modelownia::storage::Store::open(dir.path()).expect("store");
    let mut plan = modelownia::plan::new("p-run".into(), "2026-12-01T10:00:00Z".into());
    plan.context.title = "Spacer po Oksywiu".into();
    plan.sessions = vec![modelownia::plan::Session {
        label: "Spotkanie 1".into(),
        parts: vec![
            modelownia::plan::Part {
                id: "a1".into(),
                minutes: 10,
                what: "Rundka powitalna".into(),
                ..Default::default()
            },
            modelownia::plan::Part {
                id: "a2".into(),
                minutes: 40,
                what: "Spacer".into(),
                ..Default::default()
            },
        ],
        ..Default::default()
    }];
    store.save(&plan).expect("save");
    let Some(mut app) = Pty::spawn(dir.path(), &["--lang", "pl", "run", "p-run"], W, H) else {
        return;
    };
    app.wait_text("10:00");
    app.send(SPACE);
    // The countdown moves on its own: the loop redraws each second while the timer runs.
    app.wait_text("09:5");
    app.send("c");
    app.wait_text("Notatka");
    let note = "Zośka: „tu wieje, przenieśmy się pod wiatę”";
    app.send(note);
    app.wait_text("przenieśmy");
    app.send(ENTER);
    app.wait_screen("the note listed under the part", |s| {
        s.contents().contains("✎") && s.contents().contains("wiatę")
    });
    app.send("q");
    app.wait_text("Zakończyć prowadzenie?");
    app.send("t");
    assert_eq!(app.wait_exit(), 0);
    let saved = decode_file(&plans_dir(dir.path()).join("p-run.ron"));
    let part = &saved.sessions[0].parts[0];
    assert_eq!(part.notes.len(), 1);
    assert_eq!(part.notes[0].text, note);
    assert_eq!(saved.version, SCHEMA_VERSION);

    // Restart (in English, which the step helpers speak): Evaluation shows the note.
    let Some(mut app) = start(dir.path(), "en") else {
        return;
    };
    app.wait_text("Spacer po Oksywiu");
    app.send(ENTER);
    app.wait_screen("the plan open on its step list", in_steps);
    open_step(&mut app, 1, 12, "Evaluation");
    app.wait_screen("the note in Evaluation", |s| {
        s.contents().contains("tu wieje")
    });
    assert_eq!(quit(&mut app), 0);
}

#[cfg(unix)]
#[test]
fn a_signal_after_a_refused_save_leaves_the_edits_in_recovered() {
    let _serial = serial();
    for (sig, code) in [(libc::SIGHUP, 129), (libc::SIGTERM, 143)] {
        let dir = data_dir();
        let Some(mut app) = new_plan_titled(dir.path(), "Nasze") else {
            return;
        };
        app.wait_text("saved");
        let files = plan_files(dir.path());
        assert_eq!(files.len(), 1);
        // A colleague's sync tool changes the file while it is open here.
        let text = std::fs::read_to_string(&files[0]).expect("read");
        std::fs::write(&files[0], text.replace("\"Nasze\"", "\"Ich\"")).expect("write");
        app.send(" zmiany");
        app.wait_text("the file changed elsewhere");
        let pid = app.pid().expect("pid");
        // SAFETY: sending a signal to our own child process.
        let sent = unsafe { libc::kill(pid as libc::pid_t, sig) };
        assert_eq!(sent, 0);
        assert_eq!(app.wait_exit(), code, "signal {sig}");
        assert_eq!(
            decode_file(&files[0]).context.title,
            "Ich",
            "their file is kept"
        );
        let rescue_dir = dir.path().join("recovered");
        let rescued = names(&rescue_dir);
        assert_eq!(rescued.len(), 1, "signal {sig}: {rescued:?}");
        let text = std::fs::read_to_string(rescue_dir.join(&rescued[0])).expect("read");
        assert!(text.contains("Nasze zmiany"), "signal {sig}: {text}");
    }
}

#[test]
fn a_long_paste_without_bracketed_paste_arrives_whole_and_esc_still_works() {
    let _serial = serial();
    let dir = data_dir();
    let Some(mut app) = new_plan_titled(dir.path(), "P") else {
        return;
    };
    // 3,000 bytes in one write, as a terminal without bracketed paste sends a paste, and Esc
    // right behind them.
    let text: String = "ala ma kota i psa ".chars().cycle().take(3000).collect();
    app.send(&text);
    app.send(keys::ESC);
    app.wait_screen("the title box closed", |s| !editing(s));
    assert_eq!(quit(&mut app), 0);
    let files = plan_files(dir.path());
    assert_eq!(files.len(), 1);
    let title = decode_file(&files[0]).context.title;
    assert_eq!(title.len(), 3001, "every byte arrived");
    assert!(
        title.starts_with("Pala ma kota") && title.ends_with("ala ma kota "),
        "{title}"
    );
}

#[test]
fn present_values_next_previous_reveal_jump_and_quit() {
    let _serial = serial();
    let dir = data_dir();
    let Some(mut app) = Pty::spawn(dir.path(), &["--lang", "en", "present", "values"], W, H) else {
        return;
    };
    app.wait_text("Value · 1/12");
    app.send("\u{1b}[C");
    app.wait_text("Value · 2/12");
    app.send("\u{1b}[D");
    app.wait_text("Value · 1/12");
    assert!(
        !app.contents().contains("Question 1/"),
        "questions start hidden"
    );
    app.send("\u{1b}[B");
    app.wait_text("Question 1/");
    app.send("7\r");
    app.wait_text("Value · 7/12");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn accessible_mode_reads_in_order_with_the_cursor_on_the_focus_and_settings_are_remembered() {
    let _serial = serial();
    let dir = data_dir();
    let Some(mut app) = Pty::spawn(
        dir.path(),
        &["--lang", "en", "--accessible", "browse"],
        W,
        H,
    ) else {
        return;
    };
    app.wait_text("1 of ");
    app.send("j");
    let screen = app.wait_text("Keys:");
    assert!(
        !screen.chars().any(modelownia::ui::is_box_drawing),
        "no box drawing:\n{screen}"
    );
    // The cursor is on the highlighted row, where a screen reader reads.
    app.wait_screen("the cursor on row 2 of the list", |s| {
        let (row, _) = s.cursor_position();
        s.contents_between(row, 0, row, W).starts_with("2 of ")
    });
    // L switches the language and remembers it for the next run.
    app.send("L");
    app.wait_text("Klawisze:");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    let config = dir.path().join(".config").join("config.ron");
    let saved = std::fs::read_to_string(&config).expect("config.ron written");
    assert!(saved.contains("lang: Some(Pl)"), "{saved}");
    let Some(mut again) = Pty::spawn(dir.path(), &["browse"], W, H) else {
        return;
    };
    again.wait_text("Wszystko w modelu");
    again.send("q");
    assert_eq!(again.wait_exit(), 0);
}

#[test]
fn a_damaged_config_is_reported_on_the_screen_and_left_as_it_is() {
    let _serial = serial();
    let dir = data_dir();
    let config = dir.path().join(".config");
    std::fs::create_dir_all(&config).expect("config dir");
    let file = config.join("config.ron");
    std::fs::write(&file, "(lang: Some(Pl),\n theme: ???)\n").expect("damaged config");
    let Some(mut app) = Pty::spawn(dir.path(), &["--lang", "pl"], W, H) else {
        return;
    };
    // On the drawn screen (the alternate screen hides the line said on standard error).
    let screen = app.wait_screen("the plan list with the warning", |s| {
        let text = s.contents();
        text.contains("Plany działań") && text.contains("config.ron:2:")
    });
    assert!(
        screen.contains("uwaga") && screen.contains("config.ron:2:9"),
        "in the chosen language, with the place:\n{screen}"
    );
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    assert_eq!(
        std::fs::read_to_string(&file).expect("still there"),
        "(lang: Some(Pl),\n theme: ???)\n",
        "the damaged file is never written"
    );
}
