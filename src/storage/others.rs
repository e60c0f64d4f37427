//! Files beside a plan that are other versions of it: copies rescued after a crash or a
//! refused save, and the conflict copies sync tools make when two devices changed the same
//! plan. They are listed with their plan, never as damaged plans, and never advised to be
//! renamed onto it.

use std::path::{Path, PathBuf};

use super::codec::valid_id;

/// Where another version of a plan came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Unsaved edits rescued by modelownia, at this time (`YYYY-MM-DD HH:MM:SS` UTC, or the
    /// file's own name when older builds wrote it).
    Rescued {
        /// When.
        when: String,
    },
    /// A sync tool's conflict copy.
    Conflict {
        /// The tool.
        tool: SyncTool,
        /// The device (or person) it came from, when the name says.
        device: String,
        /// When, as the name says.
        when: String,
    },
}

/// The sync tools whose conflict names are known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncTool {
    /// `<id>.sync-conflict-20261201-123456-ABCDEF7.ron`
    Syncthing,
    /// `<id> (conflicted copy 2026-12-01 123456).ron`, also Dropbox's
    /// `<id> (Ania's conflicted copy 2026-12-01).ron`
    ConflictedCopy,
    /// `<id>_conflict-20261201-123456.ron`
    Conflict,
    /// `<id>-DESKTOP-ABC.ron` (OneDrive adds the computer's name)
    DeviceSuffix,
}

/// Another version of plan `id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Other {
    /// The plan it is a version of.
    pub id: String,
    /// Its file.
    pub path: PathBuf,
    /// Where it came from.
    pub origin: Origin,
}

/// The plan id and origin a conflict copy's file name (with `.ron`) tells, if it is one.
/// `is_plan` says whether an id is an existing plan: only then is a `<id>-SUFFIX.ron` a
/// device copy rather than a plan of its own.
pub fn conflict_name(name: &str, is_plan: impl Fn(&str) -> bool) -> Option<(String, Origin)> {
    let stem = name.strip_suffix(".ron")?;
    // Every name below has a dash or a space; the ids modelownia makes have neither, and
    // this runs for every file when a large folder is listed.
    if !stem.contains(['-', ' ']) {
        return None;
    }
    let conflict = |id: &str, tool, device: &str, when: &str| {
        valid_id(id).then(|| {
            (
                id.to_string(),
                Origin::Conflict {
                    tool,
                    device: device.to_string(),
                    when: when.to_string(),
                },
            )
        })
    };
    if let Some((id, rest)) = stem.split_once(".sync-conflict-") {
        // 20261201-123456-DEVICEID
        let mut it = rest.splitn(3, '-');
        let (date, time, device) = (it.next()?, it.next().unwrap_or(""), it.next().unwrap_or(""));
        return conflict(
            id,
            SyncTool::Syncthing,
            device,
            &format!("{} {}", stamp_date(date), stamp_time(time)),
        );
    }
    if let Some(open) = stem.find(" (")
        && stem.ends_with(')')
        && stem.contains("conflicted copy")
    {
        let id = &stem[..open];
        let inner = &stem[open + 2..stem.len() - 1];
        let (who, when) = inner.split_once("conflicted copy").unwrap_or(("", inner));
        let who = who.trim().trim_end_matches("'s").trim_end_matches("’s");
        return conflict(id, SyncTool::ConflictedCopy, who, when.trim());
    }
    if let Some((id, rest)) = stem.split_once("_conflict-") {
        let (date, time) = rest.split_once('-').unwrap_or((rest, ""));
        return conflict(
            id,
            SyncTool::Conflict,
            "",
            format!("{} {}", stamp_date(date), stamp_time(time)).trim(),
        );
    }
    // `<id>-<DEVICE>`: only when `<id>` is a plan and the suffix looks like a computer name.
    let (id, device) = stem.rsplit_once('-')?;
    let looks_like_device = device.len() >= 2
        && device
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && device.chars().any(|c| c.is_ascii_uppercase());
    if looks_like_device && is_plan(id) {
        let device = stem[id.len() + 1..].to_string();
        return conflict(id, SyncTool::DeviceSuffix, &device, "");
    }
    // `DESKTOP-ABC` itself has a dash: try the second-last one too.
    let (head, _) = id.rsplit_once('-')?;
    let device = &stem[head.len() + 1..];
    let looks_like_device = device
        .chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
        && device.chars().any(|c| c.is_ascii_uppercase());
    (looks_like_device && is_plan(head)).then(|| {
        (
            head.to_string(),
            Origin::Conflict {
                tool: SyncTool::DeviceSuffix,
                device: device.to_string(),
                when: String::new(),
            },
        )
    })
}

/// `20261201` → `2026-12-01` (anything else as it is).
fn stamp_date(d: &str) -> String {
    if d.len() == 8 && d.bytes().all(|b| b.is_ascii_digit()) {
        format!("{}-{}-{}", &d[..4], &d[4..6], &d[6..])
    } else {
        d.to_string()
    }
}

/// `123456` → `12:34:56` (anything else as it is).
fn stamp_time(t: &str) -> String {
    if t.len() == 6 && t.bytes().all(|b| b.is_ascii_digit()) {
        format!("{}:{}:{}", &t[..2], &t[2..4], &t[4..])
    } else {
        t.to_string()
    }
}

/// The file name of a rescued copy of plan `id` made at `secs` (Unix time), with a counter
/// from 2 when that second is taken.
pub fn rescue_name(id: &str, secs: u64, n: u32) -> String {
    let stamp: String = crate::clock::format_unix(secs)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    if n <= 1 {
        format!("{id}-{stamp}.ron")
    } else {
        format!("{id}-{stamp}.{n}.ron")
    }
}

/// The plan id and time a rescued copy's file name tells: `<id>-YYYYMMDDTHHMMSSZ[.N].ron`.
pub fn rescue_of(name: &str) -> Option<(String, String)> {
    let stem = name.strip_suffix(".ron")?;
    let stem = match stem.rsplit_once('.') {
        Some((head, n)) if n.bytes().all(|b| b.is_ascii_digit()) => head,
        _ => stem,
    };
    let (id, stamp) = stem.rsplit_once('-')?;
    let b = stamp.as_bytes();
    let well_formed = b.len() == 16
        && b[8] == b'T'
        && b[15] == b'Z'
        && b[..8].iter().chain(&b[9..15]).all(u8::is_ascii_digit);
    (well_formed && valid_id(id)).then(|| {
        let when = format!(
            "{}-{}-{} {}:{}:{}",
            &stamp[..4],
            &stamp[4..6],
            &stamp[6..8],
            &stamp[9..11],
            &stamp[11..13],
            &stamp[13..15]
        );
        (id.to_string(), when)
    })
}

/// Whether `path` is a symbolic link (not followed).
pub fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn any(_: &str) -> bool {
        true
    }

    #[test]
    fn every_sync_tool_naming_scheme_is_recognised() {
        let c = |n| conflict_name(n, |id: &str| id == "p1");
        let (id, o) = c("p1.sync-conflict-20261201-123456-ABCDEF7.ron").unwrap();
        assert_eq!(id, "p1");
        assert_eq!(
            o,
            Origin::Conflict {
                tool: SyncTool::Syncthing,
                device: "ABCDEF7".into(),
                when: "2026-12-01 12:34:56".into()
            }
        );
        let (id, o) = c("p1 (conflicted copy).ron").unwrap();
        assert_eq!(id, "p1");
        assert!(matches!(
            o,
            Origin::Conflict {
                tool: SyncTool::ConflictedCopy,
                ..
            }
        ));
        let (_, o) = c("p1 (Ania's conflicted copy 2026-12-01).ron").unwrap();
        assert!(
            matches!(o, Origin::Conflict { device, when, .. } if device == "Ania" && when == "2026-12-01")
        );
        let (_, o) = c("p1_conflict-20261201-123456.ron").unwrap();
        assert!(
            matches!(o, Origin::Conflict { tool: SyncTool::Conflict, when, .. } if when == "2026-12-01 12:34:56")
        );
        let (id, o) = c("p1-DESKTOP-ABC.ron").unwrap();
        assert_eq!(id, "p1");
        assert!(matches!(o, Origin::Conflict { device, .. } if device == "DESKTOP-ABC"));
        // A plan of its own with a dash is not a conflict copy.
        assert_eq!(conflict_name("p2-draft.ron", any), None);
        assert_eq!(conflict_name("p2-X1.ron", |id: &str| id == "p1"), None);
        assert_eq!(c("p1.ron"), None);
    }

    #[test]
    fn rescue_names_read_back() {
        let name = rescue_name("p1-a", 1_795_771_680, 1);
        assert_eq!(name, "p1-a-20261127T092800Z.ron");
        assert_eq!(
            rescue_of(&name),
            Some(("p1-a".into(), "2026-11-27 09:28:00".into()))
        );
        let second = rescue_name("p1-a", 1_795_771_680, 2);
        assert_eq!(rescue_of(&second).map(|r| r.0), Some("p1-a".into()));
        assert_eq!(rescue_of("p1.ron"), None);
    }
}
