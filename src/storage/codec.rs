//! Plan files as text: encoding, decoding, versions and every way a file can be bad.
//!
//! All reading goes through [`decode_bytes`] (size cap, UTF-8, then [`decode`]), and all files
//! are read with [`read_capped`], which refuses an oversized file before reading it.

use std::io::Read;
use std::path::Path;

use serde::{Deserialize, Deserializer};

use super::locate::{self, Seg};
use crate::plan::{Plan, SCHEMA_VERSION};
use crate::ron_error::{Located, Problem, UnknownFields};

/// The largest plan file that is read at all (8 MiB). A real plan is a few kilobytes.
pub const MAX_PLAN_BYTES: u64 = 8 * 1024 * 1024;

/// The longest plan id, in bytes.
pub const MAX_ID_LEN: usize = 100;

/// A plan file that could be read.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The plan, migrated to the current schema.
    pub plan: Plan,
    /// Why the plan must not be written (made by a newer version), if so.
    pub read_only: Option<ReadOnly>,
}

/// Why a plan that reads must not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadOnly {
    /// Made by a newer modelownia: writing it would drop what that version added.
    Newer {
        /// The file's version.
        version: u32,
        /// The newest this build knows.
        known: u32,
    },
}

/// Whether `id` is safe as a file name: 1–100 ASCII letters, digits, `-` or `_`, not starting
/// with `-`. Ids are generated ([`super::new_id`]) or fixed in the repo, never typed by users.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && !id.starts_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Serializes a plan: deterministic, pretty, ending with a newline.
///
/// Strings are written escaped on one line (`\n`, `\"`, `\\`), so line-ending conversion by
/// git or a sync tool can never change a plan's text. Serializing a [`Plan`] cannot fail (no
/// maps with non-string keys, no floats); should it ever, the result is empty, which
/// [`super::Store::save`] refuses to write.
pub fn encode(plan: &Plan) -> String {
    try_encode(plan).unwrap_or_default()
}

/// [`encode`], with the serializer's error if there is one.
pub fn try_encode(plan: &Plan) -> Result<String, String> {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(false)
        .indentor("    ".to_string())
        .new_line("\n".to_string())
        .escape_strings(true);
    let mut text = ron::ser::to_string_pretty(plan, config).map_err(|e| e.to_string())?;
    text.push('\n');
    Ok(text)
}

/// Reads up to [`MAX_PLAN_BYTES`] of the file at `path`, refusing a larger file by its size
/// before reading it. The error is the problem, without the file name.
pub fn read_capped(path: &Path) -> Result<Vec<u8>, Problem> {
    let meta = std::fs::symlink_metadata(path).map_err(|e| io_message(&e))?;
    if meta.file_type().is_symlink() {
        return Err(Problem::SymbolicLink);
    }
    if !meta.is_file() {
        return Err(Problem::NotAFile);
    }
    if meta.len() > MAX_PLAN_BYTES {
        return Err(too_large(meta.len()));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // A link swapped in between the look and the open is not followed either.
        options.custom_flags(libc::O_NOFOLLOW);
    }
    let file = options.open(path).map_err(|e| io_message(&e))?;
    // The file may grow between the stat and the read: never read past the cap.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_PLAN_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_message(&e))?;
    if bytes.len() as u64 > MAX_PLAN_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

fn too_large(len: u64) -> Problem {
    Problem::TooLarge { len }
}

pub(crate) fn io_message(e: &std::io::Error) -> Problem {
    match e.kind() {
        std::io::ErrorKind::NotFound => Problem::Missing,
        std::io::ErrorKind::PermissionDenied => Problem::PermissionDenied,
        _ => Problem::CannotRead(e.to_string()),
    }
}

/// Reads and decodes the plan file at `path` (size cap, UTF-8, syntax, version, id = file name).
pub fn load_file(path: &Path) -> Result<Decoded, Located> {
    let shown = path.display().to_string();
    let bytes = read_capped(path).map_err(|m| Located::whole_file(&shown, m))?;
    decode_bytes(&shown, &bytes)
}

/// Decodes a plan file's bytes: size cap, UTF-8 check, then [`decode`].
pub fn decode_bytes(file: &str, bytes: &[u8]) -> Result<Decoded, Located> {
    if bytes.len() as u64 > MAX_PLAN_BYTES {
        return Err(Located::whole_file(file, too_large(bytes.len() as u64)));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => decode(file, text),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            // Valid by construction; the fallback never runs.
            let prefix = std::str::from_utf8(good).unwrap_or_default();
            let line = prefix.matches('\n').count() + 1;
            let col = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            Err(Located::at(
                file,
                prefix,
                line,
                col,
                Problem::NotUtf8 {
                    byte: bytes[e.valid_up_to()],
                    offset: e.valid_up_to(),
                },
            ))
        }
    }
}

/// Parses a plan file's text. `file` is the name shown in messages; when it ends with `.ron`,
/// the plan's `id` must equal the file name without `.ron`.
///
/// Version rules: a missing `version` or `version: 0` is an error; a version newer than
/// [`SCHEMA_VERSION`] is read leniently (unknown fields allowed) and marked read-only; an
/// older one is migrated in memory ([`migrate`]); the current one must not have unknown fields.
pub fn decode(file: &str, text: &str) -> Result<Decoded, Located> {
    decode_with(file, text, true)
}

/// Reads and decodes a plan file that travelled (an import): every rule of [`load_file`] but
/// the one tying the id to the file name, which a shared copy rarely keeps.
pub fn load_shared_file(path: &Path) -> Result<Decoded, Located> {
    let shown = path.display().to_string();
    let bytes = read_capped(path).map_err(|m| Located::whole_file(&shown, m))?;
    match std::str::from_utf8(&bytes) {
        Ok(text) if bytes.len() as u64 <= MAX_PLAN_BYTES => decode_with(&shown, text, false),
        _ => decode_bytes(&shown, &bytes),
    }
}

fn decode_with(file: &str, text: &str, name_is_id: bool) -> Result<Decoded, Located> {
    if text.trim().is_empty() {
        return Err(Located::whole_file(
            file,
            Problem::Empty { len: text.len() },
        ));
    }
    // Nearly every file is of the current version: one parse instead of a probe and then a
    // parse. Anything else (an error included) goes the long way, which words its errors.
    if let Ok(plan) = parse_current(file, text)
        && plan.version == SCHEMA_VERSION
    {
        check_id(file, text, &plan.id, name_is_id)?;
        return Ok(Decoded {
            plan,
            read_only: None,
        });
    }
    let probe: Probe = options()
        .from_str(text)
        .map_err(|e| ron_located(file, text, &e))?;
    let version = match probe.version {
        Some(v) => v,
        None => {
            return Err(Located::at(file, text, 1, 1, Problem::NoVersion));
        }
    };
    let (plan, read_only) = if version == 0 {
        return Err(at_path(
            file,
            text,
            &[Seg::Key("version".into())],
            Problem::VersionZero,
        ));
    } else if version > SCHEMA_VERSION {
        let plan = parse_lenient(text).map_err(|e| {
            let mut loc = ron_located(file, text, &e);
            loc.problem = Problem::Newer {
                version,
                known: SCHEMA_VERSION,
                inner: Box::new(loc.problem),
            };
            loc
        })?;
        let why = ReadOnly::Newer {
            version,
            known: SCHEMA_VERSION,
        };
        (plan, Some(why))
    } else {
        (migrate(version, file, text)?, None)
    };
    check_id(file, text, &plan.id, name_is_id)?;
    Ok(Decoded { plan, read_only })
}

/// Reads a plan written with schema `version` (`1..=SCHEMA_VERSION`) and brings it up to
/// [`SCHEMA_VERSION`], in memory only; the file is rewritten only when the user edits.
///
/// When the schema changes: freeze the old shape as `v<N>::Plan` in a submodule, parse the text
/// as that, convert it step by step (`v1 → v2 → …`, each a plain function with a unit test),
/// set `version` to [`SCHEMA_VERSION`], and add a `saves/` file of the old version.
pub fn migrate(version: u32, file: &str, text: &str) -> Result<Plan, Located> {
    match version {
        SCHEMA_VERSION => parse_current(file, text),
        // Version 4 only added `facts` and version 3 only `origin`, both empty by default: a
        // version-2 or -3 file is a current plan without them.
        2 | 3 => parse_strict::<Plan>(file, text, version).map(|p| Plan {
            version: SCHEMA_VERSION,
            ..p
        }),
        1 => parse_strict::<v1::Plan>(file, text, 1).map(v1::to_v2),
        _ => Err(Located::whole_file(
            file,
            Problem::NoMigration {
                version,
                known: SCHEMA_VERSION,
            },
        )),
    }
}

/// Version 1, frozen: the plan before it had an agenda.
mod v1 {
    use std::collections::BTreeMap;

    use serde::Deserialize;

    use crate::plan::{self, Check, Context, Evaluation, Goals, Group, Logistics, Needs, Pick};

    /// A version-1 plan file.
    #[derive(Deserialize)]
    pub struct Plan {
        pub version: u32,
        pub id: String,
        #[serde(default)]
        pub created: String,
        #[serde(default)]
        pub updated: String,
        #[serde(default)]
        pub scenario: String,
        #[serde(default)]
        pub context: Context,
        #[serde(default)]
        pub group: Group,
        #[serde(default)]
        pub needs: Needs,
        #[serde(default)]
        pub goals: Goals,
        #[serde(default)]
        pub values: Vec<Pick>,
        #[serde(default)]
        pub directions: Vec<Pick>,
        #[serde(default)]
        pub methods: Vec<Pick>,
        #[serde(default)]
        pub roles: Vec<Pick>,
        #[serde(default)]
        pub partners: String,
        #[serde(default)]
        pub logistics: Logistics,
        #[serde(default)]
        pub checklist: BTreeMap<String, Check>,
        #[serde(default)]
        pub evaluation: Evaluation,
    }

    /// Version 2 added the agenda; a version-1 plan has none yet. Nothing is dropped.
    pub fn to_v2(p: Plan) -> plan::Plan {
        let _ = p.version;
        plan::Plan {
            version: plan::SCHEMA_VERSION,
            id: p.id,
            created: p.created,
            updated: p.updated,
            scenario: p.scenario,
            origin: None,
            context: p.context,
            group: p.group,
            needs: p.needs,
            goals: p.goals,
            values: p.values,
            directions: p.directions,
            methods: p.methods,
            sessions: Vec::new(),
            roles: p.roles,
            partners: p.partners,
            logistics: p.logistics,
            facts: plan::Facts::default(),
            checklist: p.checklist,
            evaluation: p.evaluation,
        }
    }
}

fn options() -> ron::Options {
    // Keeps ron's default recursion limit (128): deep nesting is an error, not a stack overflow.
    ron::Options::default()
}

/// Just enough of a plan to pick the decoding path; everything else is skipped.
#[derive(Deserialize)]
#[serde(rename = "Plan")]
struct Probe {
    #[serde(default, deserialize_with = "some_u32")]
    version: Option<u32>,
}

fn some_u32<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    u32::deserialize(d).map(Some)
}

fn parse_lenient(text: &str) -> Result<Plan, ron::error::SpannedError> {
    options().from_str(text)
}

/// Parses a current-version plan; an unknown field is an error at its line and column.
fn parse_current(file: &str, text: &str) -> Result<Plan, Located> {
    parse_strict(file, text, SCHEMA_VERSION)
}

/// Parses a plan of schema `version` as `T`; an unknown field is an error at its line and
/// column.
fn parse_strict<T: serde::de::DeserializeOwned>(
    file: &str,
    text: &str,
    version: u32,
) -> Result<T, Located> {
    let mut de = ron::Deserializer::from_str_with_options(text, &options())
        .map_err(|e| ron_located(file, text, &e))?;
    let mut unknown: Vec<Vec<Seg>> = Vec::new();
    let result: Result<T, _> =
        serde_ignored::deserialize(&mut de, |path| unknown.push(locate::segments(&path)));
    let plan = result.map_err(|e| ron_located(file, text, &de.span_error(e)))?;
    de.end()
        .map_err(|e| ron_located(file, text, &de.span_error(e)))?;
    if let Some(first) = unknown.first() {
        let problem = Problem::UnknownFields(Box::new(UnknownFields {
            field: locate::last_name(first),
            parent: locate::parent_path(first),
            version,
            rest: unknown[1..]
                .iter()
                .take(5)
                .map(|p| locate::display(p))
                .collect(),
            more: unknown.len() - 1,
        }));
        return Err(at_path(file, text, first, problem));
    }
    Ok(plan)
}

/// A located ron error (ron's developer advice on deep nesting becomes words for the user in
/// `Problem::from`).
fn ron_located(file: &str, text: &str, e: &ron::error::SpannedError) -> Located {
    Located::from_ron(file, text, e)
}

/// The plan's id must be a safe file name and, for a `.ron` file when `name_is_id`, equal
/// its name.
fn check_id(file: &str, text: &str, id: &str, name_is_id: bool) -> Result<(), Located> {
    let id_path = [Seg::Key("id".into())];
    if !valid_id(id) {
        return Err(at_path(
            file,
            text,
            &id_path,
            Problem::BadId { id: id.to_string() },
        ));
    }
    let Some(name) = Path::new(file)
        .file_name()
        .and_then(|n| n.to_str())
        .filter(|_| name_is_id)
    else {
        return Ok(());
    };
    let Some(stem) = name.strip_suffix(".ron") else {
        return Ok(());
    };
    if stem != id {
        return Err(at_path(
            file,
            text,
            &id_path,
            Problem::IdMismatch {
                id: id.to_string(),
                name: name.to_string(),
            },
        ));
    }
    Ok(())
}

/// An error at the place `path` names in `text` (line 1, column 1 when it cannot be found).
fn at_path(file: &str, text: &str, path: &[Seg], problem: Problem) -> Located {
    let (line, col) = locate::find(text, path).unwrap_or((1, 1));
    Located::at(file, text, line, col, problem)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::plan::{Check, CheckState, Pick};

    fn sample() -> Plan {
        let mut plan = Plan {
            version: SCHEMA_VERSION,
            id: "p1".into(),
            ..Plan::default()
        };
        plan.context.title = "Podwórko \"Na Górce\"\nłąka".into();
        plan.values.push(Pick {
            id: "participation".into(),
            note: "r#\"raw\"# \\ back".into(),
            ..Pick::default()
        });
        plan.checklist.insert(
            "venue-accessible".into(),
            Check {
                state: CheckState::NotApplicable,
                note: "outdoors".into(),
            },
        );
        plan.facts.country = Some(crate::model::Jurisdiction::Cy);
        plan.facts.trip = Some(false);
        plan.facts.youngest = Some(11);
        plan
    }

    #[test]
    fn roundtrip_and_newline() {
        let text = encode(&sample());
        assert!(text.ends_with(")\n"), "{text}");
        assert!(
            text.starts_with("(\n    version: 4,\n    id: \"p1\",\n"),
            "{text}"
        );
        let back = decode("p1.ron", &text).unwrap();
        assert_eq!(back.plan, sample());
        assert_eq!(back.read_only, None);
        assert_eq!(encode(&back.plan), text);
    }

    #[test]
    fn polish_letters_are_written_as_is() {
        let text = encode(&sample());
        assert!(text.contains("Podwórko \\\"Na Górce\\\"\\nłąka"), "{text}");
    }

    #[test]
    fn id_must_match_file_name() {
        let text = encode(&sample());
        let err = decode("plans/p2.ron", &text).unwrap_err();
        assert!(err.message(Lang::En).contains("`p1`"), "{err}");
        assert!(err.message(Lang::En).contains("`p2.ron`"), "{err}");
        assert_eq!((err.line, err.col), (3, 5), "{err}");
        // A name that is not a .ron file is not checked.
        assert!(decode("<clipboard>", &text).is_ok());
    }

    #[test]
    fn unsafe_ids_are_refused() {
        for id in [
            "",
            "../x",
            "a/b",
            ".hidden",
            "-x",
            "a b",
            "ż",
            &"x".repeat(101),
        ] {
            assert!(!valid_id(id), "{id:?}");
            let plan = Plan {
                version: 1,
                id: id.to_string(),
                ..Plan::default()
            };
            assert!(decode("x", &encode(&plan)).is_err(), "{id:?}");
        }
        assert!(valid_id("p18f3a2b"));
        assert!(valid_id("scenario-after-school_2"));
    }

    #[test]
    fn unknown_field_is_located() {
        let text = "(\n    version: 1,\n    id: \"p1\",\n    context: (\n        title: \"x\",\n        colour: \"red\",\n    ),\n)\n";
        let err = decode("p1.ron", text).unwrap_err();
        assert_eq!((err.line, err.col), (6, 9), "{err}");
        assert!(
            err.message(Lang::En)
                .contains("unknown field `colour` in `context`"),
            "{err}"
        );
    }

    #[test]
    fn unknown_fields_are_allowed_in_newer_versions() {
        let text = "(version: 7, id: \"p1\", colour: \"red\", context: (title: \"x\", mood: 3))";
        let d = decode("p1.ron", text).unwrap();
        assert_eq!(d.plan.context.title, "x");
        assert_eq!(d.plan.version, 7);
        let why = d.read_only.unwrap().text(Lang::En);
        assert!(why.contains("newer") && why.contains('7'), "{why}");
    }

    #[test]
    fn missing_and_zero_versions_are_errors() {
        let err = decode("p1.ron", "(id: \"p1\")").unwrap_err();
        assert!(err.message(Lang::En).contains("no `version`"), "{err}");
        let err = decode("p1.ron", "(\n  id: \"p1\",\n  version: 0,\n)").unwrap_err();
        assert!(err.message(Lang::En).contains("version: 0"), "{err}");
        assert_eq!((err.line, err.col), (3, 3), "{err}");
    }

    #[test]
    fn wrong_type_is_located() {
        let text = "(\n    version: 1,\n    id: \"p1\",\n    values: \"oops\",\n)\n";
        let err = decode("p1.ron", text).unwrap_err();
        assert_eq!(err.line, 4, "{err}");
    }

    #[test]
    fn bad_bytes() {
        let err = decode_bytes("p1.ron", b"(version: 1,\n id: \"p\xFF\xFE\")").unwrap_err();
        assert!(err.message(Lang::En).contains("not UTF-8"), "{err}");
        assert_eq!((err.line, err.col), (2, 8), "{err}");
        let err = decode_bytes("p1.ron", b"").unwrap_err();
        assert!(err.message(Lang::En).contains("empty"), "{err}");
        let big = vec![b' '; MAX_PLAN_BYTES as usize + 1];
        let err = decode_bytes("p1.ron", &big).unwrap_err();
        assert!(err.message(Lang::En).contains("8 MiB"), "{err}");
    }

    #[test]
    fn migrate_reads_the_current_version_and_refuses_unknown_ones() {
        let text = encode(&sample());
        assert_eq!(migrate(SCHEMA_VERSION, "p1.ron", &text).unwrap(), sample());
        let err = migrate(SCHEMA_VERSION + 1, "p1.ron", &text).unwrap_err();
        assert!(err.message(Lang::En).contains("no migration"), "{err}");
    }

    #[test]
    fn trailing_text_is_an_error() {
        let mut text = encode(&sample());
        text.push_str("(version: 1)");
        assert!(decode("p1.ron", &text).is_err());
    }
}
