//! Plans on disk: one RON file per plan under `<data dir>/plans/`.
//!
//! FIRST DRAFT: the storage helper hardens this module (atomic writes, .bak, locks, versions,
//! privacy, damaged-file handling). The public signatures are the contract with the UI.

use std::path::{Path, PathBuf};

use crate::plan::{Plan, SCHEMA_VERSION};
use crate::ron_error::Located;

/// Environment variable that overrides the data folder.
pub const DATA_DIR_ENV: &str = "MODELOWNIA_DATA_DIR";

/// A plan file that could be read.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The plan, migrated to the current schema.
    pub plan: Plan,
    /// Why the plan must not be written (e.g. made by a newer version), if so.
    pub read_only: Option<String>,
}

/// One row of the plan list.
#[derive(Debug, Clone)]
pub enum Listed {
    /// A plan that loads.
    Ok {
        /// Its file.
        path: PathBuf,
        /// The loaded plan.
        decoded: Decoded,
    },
    /// A file that does not load; it is never written or moved without the user asking.
    Damaged {
        /// Its file.
        path: PathBuf,
        /// Plan id from the file name.
        id: String,
        /// What is wrong and where.
        error: Located,
        /// Whether a `.bak` exists to restore from.
        has_backup: bool,
    },
}

/// Why a save did not happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveError(pub String);

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// An exclusive hold on one plan; released when dropped (also when the process dies).
#[derive(Debug)]
pub struct PlanLock {
    _file: std::fs::File,
}

/// The data folder.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

/// Picks the data folder: `--data-dir`, then `MODELOWNIA_DATA_DIR`, then the platform's data dir.
pub fn resolve_root(flag: Option<&Path>) -> Option<PathBuf> {
    if let Some(dir) = flag {
        return Some(dir.to_path_buf());
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "modelownia").map(|d| d.data_dir().to_path_buf())
}

/// A new plan id: time-based and random enough that two plans made in the same second differ.
pub fn new_id() -> String {
    use std::time::{SystemTime, UNIX_EPOCH};
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let mix = nanos ^ (u128::from(std::process::id()) << 64);
    format!("p{:x}", mix & 0xffff_ffff_ffff_ffff)
}

/// Serializes a plan: deterministic, pretty, ending with a newline.
pub fn encode(plan: &Plan) -> String {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(false)
        .indentor("    ".to_string());
    let mut text = ron::ser::to_string_pretty(plan, config).unwrap_or_default();
    text.push('\n');
    text
}

/// Parses a plan file's text. `file` is the name shown in messages.
pub fn decode(file: &str, text: &str) -> Result<Decoded, Located> {
    let plan: Plan =
        ron::Options::default().from_str(text).map_err(|e| Located::from_ron(file, text, &e))?;
    let read_only = (plan.version > SCHEMA_VERSION).then(|| {
        format!(
            "made by a newer modelownia (file version {}, this one knows {})",
            plan.version, SCHEMA_VERSION
        )
    });
    Ok(Decoded { plan, read_only })
}

impl Store {
    /// Opens (creating if needed) the data folder at `root`.
    pub fn open(root: &Path) -> Result<Self, String> {
        let store = Self {
            root: root.to_path_buf(),
        };
        std::fs::create_dir_all(store.plans_dir())
            .map_err(|e| format!("{}: cannot create the data folder: {e}", root.display()))?;
        Ok(store)
    }

    /// The data folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where plan files live.
    pub fn plans_dir(&self) -> PathBuf {
        self.root.join("plans")
    }

    /// The file of plan `id`.
    pub fn plan_path(&self, id: &str) -> PathBuf {
        self.plans_dir().join(format!("{id}.ron"))
    }

    /// Every plan file, loaded or marked damaged, in no particular order.
    pub fn list(&self) -> Vec<Listed> {
        let Ok(entries) = std::fs::read_dir(self.plans_dir()) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if name.starts_with('.') || !name.ends_with(".ron") {
                continue;
            }
            let id = name.trim_end_matches(".ron").to_string();
            out.push(self.read(&path, &id));
        }
        out
    }

    fn read(&self, path: &Path, id: &str) -> Listed {
        let shown = path.display().to_string();
        let result = crate::model::read_text(path)
            .map_err(|m| Located::whole_file(&shown, m))
            .and_then(|text| decode(&shown, &text));
        match result {
            Ok(decoded) => Listed::Ok {
                path: path.to_path_buf(),
                decoded,
            },
            Err(error) => Listed::Damaged {
                path: path.to_path_buf(),
                id: id.to_string(),
                error,
                has_backup: path.with_extension("ron.bak").exists(),
            },
        }
    }

    /// Loads plan `id`.
    pub fn load(&self, id: &str) -> Result<Decoded, Located> {
        match self.read(&self.plan_path(id), id) {
            Listed::Ok { decoded, .. } => Ok(decoded),
            Listed::Damaged { error, .. } => Err(error),
        }
    }

    /// Writes plan `plan` to its file.
    pub fn save(&self, plan: &Plan) -> Result<(), SaveError> {
        std::fs::write(self.plan_path(&plan.id), encode(plan)).map_err(|e| SaveError(e.to_string()))
    }

    /// Moves a plan (and its backup) to the trash folder.
    pub fn trash(&self, id: &str) -> Result<(), SaveError> {
        let trash = self.root.join("trash");
        std::fs::create_dir_all(&trash).map_err(|e| SaveError(e.to_string()))?;
        std::fs::rename(self.plan_path(id), trash.join(format!("{id}.ron")))
            .map_err(|e| SaveError(e.to_string()))
    }

    /// Replaces a damaged plan file with its `.bak` (the damaged file is kept aside).
    pub fn restore_backup(&self, id: &str) -> Result<(), SaveError> {
        let path = self.plan_path(id);
        std::fs::copy(path.with_extension("ron.bak"), &path)
            .map(|_| ())
            .map_err(|e| SaveError(e.to_string()))
    }

    /// Takes the exclusive hold on plan `id`; `Err` with a reason when another instance has it.
    pub fn lock(&self, id: &str) -> Result<PlanLock, String> {
        let dir = self.plans_dir().join(".locks");
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(dir.join(format!("{id}.lock")))
            .map_err(|e| e.to_string())?;
        match file.try_lock() {
            Ok(()) => Ok(PlanLock { _file: file }),
            Err(std::fs::TryLockError::WouldBlock) => {
                Err("another modelownia window has this plan open".into())
            }
            Err(std::fs::TryLockError::Error(e)) => Err(e.to_string()),
        }
    }
}
