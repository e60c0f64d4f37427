//! Speed and memory of what a user waits for: loading the model at start-up, drawing a frame,
//! saving a plan, and listing a data folder with 10,000 plans.
//!
//! Memory is counted by a global allocator wrapper and printed once per measured operation
//! (peak bytes live during the operation), because criterion measures time only.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use modelownia::lang::Lang;
use modelownia::model;
use modelownia::plan::{Pick, Plan};
use modelownia::state::{App, Focus, Workbook};
use modelownia::storage::{self, Store};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[path = "support/alloc.rs"]
mod alloc;
use alloc::peak_bytes;

fn sample_plan(m: &model::Model, i: usize) -> Plan {
    let mut p = Plan {
        version: modelownia::plan::SCHEMA_VERSION,
        id: format!("p{i:05}"),
        created: "2026-11-27T09:00:00Z".into(),
        updated: "2026-11-27T09:00:00Z".into(),
        ..Plan::default()
    };
    p.context.title = format!("Spacer badawczy nr {i}");
    p.context.idea = "Nastolatki prowadzą spacer po osiedlu i pokazują ważne miejsca. ".repeat(5);
    for v in m.values.iter().take(3) {
        p.values.push(Pick {
            id: v.id.clone(),
            note: "Grupa sama decyduje o trasie.".into(),
            ..Pick::default()
        });
    }
    p
}

fn benches(c: &mut Criterion) {
    let m = model::load_from(None).expect("embedded model");
    eprintln!(
        "memory: embedded model load peak {} KiB",
        peak_bytes(|| model::load_from(None)) / 1024
    );
    c.bench_function("model: parse and check the embedded model", |b| {
        b.iter(|| black_box(model::load_from(None)))
    });
    // What start-up does: the embedded model is checked by the test suite, not at every start.
    c.bench_function("model: parse the embedded model (start-up)", |b| {
        b.iter(|| black_box(model::load_for_use(None)))
    });

    for (w, h) in [(80u16, 24u16), (200, 60)] {
        let mut app = App::new(m.clone(), Lang::Pl);
        let mut wb = Workbook::new(sample_plan(&m, 1), None);
        wb.step = 4;
        wb.focus = Focus::Content;
        app.workbook = Some(wb);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("backend");
        c.bench_function(&format!("render: values step at {w}x{h}"), |b| {
            b.iter(|| {
                terminal
                    .draw(|f| modelownia::ui::render(black_box(&app), f))
                    .map(|_| ())
                    .expect("draw")
            })
        });
    }

    // The checklist step works out which items apply on every draw: the facts read from the
    // plan's words, then each item's conditions.
    {
        let mut app = App::new(m.clone(), Lang::Pl);
        let mut wb = Workbook::new(sample_plan(&m, 1), None);
        wb.step = modelownia::plan::Step::Checklist.index();
        wb.focus = Focus::Content;
        wb.plan.facts.trip = Some(false);
        app.workbook = Some(wb);
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("backend");
        c.bench_function("render: checklist step at 200x60", |b| {
            b.iter(|| {
                terminal
                    .draw(|f| modelownia::ui::render(black_box(&app), f))
                    .map(|_| ())
                    .expect("draw")
            })
        });
        let plan = &app.workbook.as_ref().expect("open").plan;
        c.bench_function("plan: gaps of a plan whose facts hide items", |b| {
            b.iter(|| black_box(modelownia::plan::gaps(black_box(plan), &m)))
        });
    }

    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(dir.path()).expect("store");
    let plan = sample_plan(&m, 0);
    // Two versions in turn: saving what is already on disk writes nothing.
    let edited = {
        let mut p = plan.clone();
        p.context.title.push('!');
        p
    };
    let mut turn = false;
    c.bench_function("storage: atomic save of one plan (fsync)", |b| {
        b.iter(|| {
            turn = !turn;
            let p = if turn { &edited } else { &plan };
            store.save(black_box(p)).expect("save")
        })
    });
    let text = storage::encode(&plan);
    c.bench_function("storage: decode one plan", |b| {
        b.iter(|| storage::decode("p00000.ron", black_box(&text)).expect("decode"))
    });

    let big = tempfile::tempdir().expect("tempdir");
    let big_store = Store::open(big.path()).expect("store");
    for i in 0..10_000 {
        let p = sample_plan(&m, i);
        std::fs::write(big_store.plan_path(&p.id), storage::encode(&p)).expect("write");
    }
    eprintln!(
        "memory: listing 10,000 plans peak {} KiB",
        peak_bytes(|| big_store.list()) / 1024
    );
    let mut group = c.benchmark_group("storage");
    group.sample_size(10);
    group.bench_function("list 10,000 plans", |b| {
        b.iter(|| black_box(big_store.list()))
    });
    group.finish();
}

criterion_group!(workbook, benches);
criterion_main!(workbook);
