//! The budgets of issue 15 that a benchmark can measure: the home-screen index with 10,000
//! plans like `saves/v3/full.ron` (first frame, `list`, first run without an index), applying
//! changed rows to the list, and a key press in a very long field and in a very large plan.
//! Whole-process figures (first frame in a terminal, peak RSS) are measured by
//! `benches/first_frame.py` and `/usr/bin/time -v`; see the README's Performance section.
//!
//! Run briefly on a shared machine: `cargo bench --bench home -- --warm-up-time 1
//! --measurement-time 3`. Peak heap is printed by a counting allocator.

#[path = "support/plans.rs"]
mod plans;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use modelownia::lang::Lang;
use modelownia::model;
use modelownia::plan::{FieldId, Plan};
use modelownia::state::{App, Row, RowChange, Workbook};
use modelownia::storage::{Store, Summarizer};
use modelownia::update::{self, Msg};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[path = "support/alloc.rs"]
mod alloc;
use alloc::peak_bytes;

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

/// One key typed into the open editor, then the frame drawn: what the user waits for.
fn press_and_draw(app: &mut App, terminal: &mut Terminal<TestBackend>, c: char) {
    let msg = update::key_msg(app, key(c));
    black_box(update::update(app, msg));
    // The runtime asks this after every message, to know whether an autosave is due.
    black_box(update::unsaved(app));
    terminal
        .draw(|f| modelownia::ui::render(app, f))
        .map(drop)
        .expect("draw");
}

fn benches(c: &mut Criterion) {
    let m = model::load_for_use(None).expect("embedded model");
    let s = Summarizer::new(&m);
    let dir = tempfile::tempdir().expect("tempdir");
    let bytes = plans::make(dir.path(), 10_000).expect("plans");
    eprintln!(
        "data set: 10,000 copies of saves/v3/full.ron, {:.1} MiB",
        bytes as f64 / 1048576.0
    );
    let store = Store::open(dir.path()).expect("store");

    let mut group = c.benchmark_group("index");
    group.sample_size(10);
    group.bench_function("first run without an index, 10,000 plans", |b| {
        b.iter(|| {
            let _ = std::fs::remove_file(store.index_path());
            black_box(store.summaries(&s))
        })
    });
    let _ = std::fs::remove_file(store.index_path());
    eprintln!(
        "memory: first run without an index peak {} KiB",
        peak_bytes(|| store.summaries(&s)) / 1024
    );
    group.finish();

    let mut group = c.benchmark_group("index");
    group.bench_function(
        "first frame's rows: read the index, stat 10,000 files",
        |b| {
            b.iter(|| {
                let mut scan = store.scan(&s);
                scan.check_stamps(&store);
                black_box(scan.rows(&store))
            })
        },
    );
    group.bench_function("list: 10,000 plans, index present", |b| {
        b.iter(|| black_box(store.summaries(&s)))
    });
    eprintln!(
        "memory: list with the index peak {} KiB",
        peak_bytes(|| store.summaries(&s)) / 1024
    );
    group.bench_function("model key (ties the index to the model)", |b| {
        b.iter(|| black_box(modelownia::storage::model_key(&m)))
    });
    group.finish();

    // Rows arriving while the list is checked: 100 changed plans applied to 10,000 in place.
    let rows: Vec<Row> = store
        .summaries(&s)
        .into_iter()
        .map(|r| Row {
            id: r.id,
            title: r.title,
            updated: r.updated,
            percent: r.percent,
            damaged: None,
            has_backup: false,
            others: Vec::new(),
            order: r.order,
        })
        .collect();
    let changes: Vec<RowChange> = rows
        .iter()
        .step_by(100)
        .map(|r| {
            let mut r = r.clone();
            r.title.push('!');
            RowChange::Upsert(r)
        })
        .collect();
    let mut app = App::new(m.clone(), Lang::Pl);
    app.home.rows = rows;
    c.bench_function("home: apply 100 changed rows to a list of 10,000", |b| {
        b.iter(|| update::update(&mut app, Msg::Listed(black_box(changes.clone()), true)))
    });
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("backend");
    c.bench_function("home: draw the list of 10,000 plans, 80x24", |b| {
        b.iter(|| {
            terminal
                .draw(|f| modelownia::ui::render(black_box(&app), f))
                .map(drop)
                .expect("draw")
        })
    });

    // A key press in a field of 200,000 characters, and in a plan of 7.9 MiB.
    let full: Plan = modelownia::storage::decode("full.ron", plans::FULL)
        .expect("full.ron")
        .plan;
    let mut long = full.clone();
    long.context.idea = "Spacer po Oksywiu, ławka i mural. ".repeat(200_000 / 34);
    let mut huge = full.clone();
    let chunk = "Notatki z rozmów z mieszkańcami i partnerami. ".repeat(43_000);
    huge.context.idea = chunk.clone();
    huge.needs.observed = chunk.clone();
    huge.needs.how = chunk.clone();
    huge.goals.group = chunk.clone();
    let text_len = modelownia::storage::encode(&huge).len();
    eprintln!(
        "key press plans: a field of {} characters; a plan of {:.1} MiB",
        long.context.idea.chars().count(),
        text_len as f64 / 1048576.0
    );
    let mut group = c.benchmark_group("key press");
    group.sample_size(10);
    for (name, plan, field) in [
        (
            "in a field of 200,000 characters (update + render)",
            long,
            FieldId::Idea,
        ),
        (
            "in a 7.9 MiB plan, its title field (update + render)",
            huge.clone(),
            FieldId::Title,
        ),
        (
            "in a 7.9 MiB plan, a 1.8 MiB field (update + render)",
            huge,
            FieldId::Idea,
        ),
    ] {
        let mut app = App::new(m.clone(), Lang::Pl);
        app.workbook = Some(Workbook::new(plan, None));
        update::edit_field(&mut app, field);
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("backend");
        let mut turn = 0usize;
        group.bench_function(name, |b| {
            b.iter(|| {
                turn += 1;
                // Typing, then deleting, so the field does not grow without end.
                if turn % 2 == 1 {
                    press_and_draw(&mut app, &mut terminal, 'x');
                } else {
                    let msg = update::key_msg(
                        &app,
                        KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE),
                    );
                    update::update(&mut app, msg);
                    black_box(update::unsaved(&app));
                    terminal
                        .draw(|f| modelownia::ui::render(&app, f))
                        .map(drop)
                        .expect("draw");
                }
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = home;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = benches
}
criterion_main!(home);
