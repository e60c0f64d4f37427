//! Bad input for the plan decoder: every case is a clear, located error, never a panic.

use modelownia::lang::Lang;
use modelownia::plan::{Plan, SCHEMA_VERSION};
use modelownia::ron_error::Located;
use modelownia::storage::{MAX_PLAN_BYTES, decode, decode_bytes, encode, load_file};

fn plan(id: &str) -> Plan {
    let mut p = Plan {
        version: SCHEMA_VERSION,
        id: id.into(),
        ..Plan::default()
    };
    p.context.title = "Podwórko".into();
    p
}

fn err(text: &str) -> Located {
    decode("p1.ron", text).expect_err(text)
}

/// Runs `f` on a thread with a 2 MiB stack, the size of a default worker thread.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(f)
        .unwrap()
        .join()
        .expect("no stack overflow or panic")
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let inputs = [
        "[".repeat(1_000_000),
        "(".repeat(100_000),
        "{".repeat(10_000),
        format!("(version: 1, id: \"p1\", extra: {})", "[".repeat(1_000_000)),
        format!("(version: 1, id: \"p1\", extra: {})", "(".repeat(100_000)),
        format!(
            "(version: 9, id: \"p1\", extra: {})",
            "Some(".repeat(100_000)
        ),
        format!("(version: 1, id: \"p1\", values: {})", "[".repeat(100_000)),
        format!(
            "(version: 1, id: \"p1\", extra: {}{})",
            "[".repeat(500),
            "]".repeat(500)
        ),
    ];
    for input in inputs {
        let shown: String = input.chars().take(40).collect();
        let result = on_small_stack(move || decode("p1.ron", &input).map(|_| ()));
        let e = result.expect_err(&shown);
        assert!(e.line >= 1, "{shown}: {e}");
    }
}

#[test]
fn nesting_error_says_so() {
    let text = format!("(version: 9, id: \"p1\", extra: {})", "[".repeat(1000));
    let e = err(&text);
    assert!(e.to_string().contains("nested too deeply"), "{e}");
}

#[test]
fn truncated_files_are_errors() {
    let text = encode(&plan("p1"));
    for cut in [1, 5, 20, text.len() / 2, text.len() - 3] {
        let e = err(&text[..cut]);
        assert!(e.line >= 1, "{e}");
    }
}

#[test]
fn random_bytes_are_errors() {
    let e = decode_bytes("p1.ron", &[0xFF, 0xFE, 0x00, 0x41]).unwrap_err();
    assert!(e.message(Lang::En).contains("not UTF-8"), "{e}");
    let latin1 = b"(version: 1, id: \"p1\", context: (title: \"Gda\xF1sk\"))";
    let e = decode_bytes("p1.ron", latin1).unwrap_err();
    assert!(e.message(Lang::En).contains("not UTF-8"), "{e}");
    assert_eq!((e.line, e.col), (1, 45), "{e}");
    let e = err("\u{0}\u{1}garbage}}}");
    assert_eq!(e.line, 1, "{e}");
}

#[test]
fn wrong_types_are_located() {
    let cases = [
        ("(version: \"1\", id: \"p1\")", 1),
        ("(\n version: 1,\n id: 7,\n)", 3),
        (
            "(\n version: 1,\n id: \"p1\",\n context: (\n  title: 3,\n ),\n)",
            5,
        ),
        (
            "(\n version: 1,\n id: \"p1\",\n checklist: {\n  \"a\": (state: Maybe),\n },\n)",
            5,
        ),
        (
            "(\n version: 1,\n id: \"p1\",\n values: [(note: \"x\")],\n)",
            4,
        ),
        ("(\n version: -1,\n id: \"p1\",\n)", 2),
        ("[1, 2, 3]", 1),
    ];
    for (text, line) in cases {
        let e = err(text);
        assert_eq!(e.line, line, "{text}\n{e}");
        assert!(e.col >= 1, "{e}");
        assert!(e.excerpt.is_some(), "{e}");
    }
}

#[test]
fn unknown_fields_in_the_current_version_are_errors_with_position() {
    let mut text = encode(&plan("p1"));
    text = text.replacen(
        "    group: (\n",
        "    group: (\n        mood: \"sunny\",\n",
        1,
    );
    let e = err(&text);
    assert!(
        e.message(Lang::En)
            .contains("unknown field `mood` in `group`"),
        "{e}"
    );
    let line = text.lines().position(|l| l.contains("mood")).unwrap() + 1;
    assert_eq!((e.line, e.col), (line, 9), "{e}");

    let text = "(\n version: 1,\n id: \"p1\",\n values: [\n  (id: \"a\"),\n  (id: \"b\", weight: 2),\n ],\n colour: 1,\n)";
    let e = err(text);
    assert!(
        e.message(Lang::En).contains("`weight` in `values[1]`"),
        "{e}"
    );
    assert!(
        e.message(Lang::En).contains("1 more unknown: colour"),
        "{e}"
    );
    assert_eq!((e.line, e.col), (6, 13), "{e}");
}

#[test]
fn versions() {
    let e = err("(id: \"p1\", context: (title: \"x\"))");
    assert!(e.message(Lang::En).contains("no `version`"), "{e}");
    let e = err("(version: 0, id: \"p1\")");
    assert!(e.message(Lang::En).contains("version: 0"), "{e}");
    let d = decode(
        "p1.ron",
        "(version: 999, id: \"p1\", future: [1, 2], context: (title: \"x\"))",
    )
    .unwrap();
    assert_eq!(d.plan.context.title, "x");
    assert!(d.read_only.unwrap().text(Lang::En).contains("999"));
    // A newer file we cannot read at all: clear message naming both versions.
    let e = err("(version: 5, id: \"p1\", context: \"now a string\")");
    assert!(
        e.message(Lang::En).contains("newer") && e.message(Lang::En).contains("version 5"),
        "{e}"
    );
    // The current version reads writable.
    assert!(
        decode("p1.ron", &encode(&plan("p1")))
            .unwrap()
            .read_only
            .is_none()
    );
}

#[test]
fn id_must_match_file_name() {
    let text = encode(&plan("p1"));
    let e = decode("/x/plans/other.ron", &text).unwrap_err();
    assert!(
        e.message(Lang::En).contains("`p1`") && e.message(Lang::En).contains("`other.ron`"),
        "{e}"
    );
    assert_eq!(e.line, 3, "{e}");
    let e = decode("x.ron", &encode(&plan("../../etc/passwd"))).unwrap_err();
    assert!(e.message(Lang::En).contains("not valid"), "{e}");
}

#[test]
fn huge_file_is_refused_by_size_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p1.ron");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(100 * 1024 * 1024).unwrap(); // sparse: refused by its size alone
    let start = std::time::Instant::now();
    let e = load_file(&path).unwrap_err();
    assert!(start.elapsed() < std::time::Duration::from_secs(1));
    assert!(
        e.message(Lang::En).contains("too large") && e.message(Lang::En).contains("8 MiB"),
        "{e}"
    );
    assert!(
        e.message(Lang::En).contains(&MAX_PLAN_BYTES.to_string()),
        "{e}"
    );

    // Just under the cap: read, and a clear error (a 8 MiB one-line string is no plan).
    let mut text = String::from("(version: 1, id: \"p1\", context: (title: \"");
    text.push_str(&"a".repeat(MAX_PLAN_BYTES as usize - 100));
    text.push_str("\")) x");
    std::fs::write(&path, &text).unwrap();
    let e = load_file(&path).unwrap_err();
    assert!(!e.message(Lang::En).contains("too large"), "{e}");
}

#[test]
fn missing_and_odd_files() {
    let dir = tempfile::tempdir().unwrap();
    let e = load_file(&dir.path().join("nope.ron")).unwrap_err();
    assert!(e.message(Lang::En).contains("missing"), "{e}");
    let e = load_file(dir.path()).unwrap_err();
    assert!(e.message(Lang::En).contains("not a file"), "{e}");
    let empty = dir.path().join("e.ron");
    std::fs::write(&empty, "  \n").unwrap();
    assert!(
        load_file(&empty)
            .unwrap_err()
            .message(Lang::En)
            .contains("empty")
    );
}

#[test]
fn comments_and_struct_names_are_accepted() {
    let text = "// my plan\nPlan(\n  version: 1, /* v */\n  id: \"p1\",\n  context: Context(title: \"x\"),\n)\n";
    assert_eq!(decode("p1.ron", text).unwrap().plan.context.title, "x");
}
