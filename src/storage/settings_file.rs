//! Writing the settings file, outside the data folder, with the same safe writer as plans.

use std::path::Path;

use super::atomic;
use super::{IoReason, StoreError};

/// Writes `text` as the settings file `path`, making its folder first. It replaces the file
/// only when `existed` (it was read as settings at start) and it is still a plain file; a
/// link, a folder, or a file that appeared meanwhile is left alone and the write refused.
pub fn write_settings(path: &Path, text: &str, existed: bool) -> Result<(), StoreError> {
    let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) else {
        return Err(StoreError::InTheWay {
            path: path.to_path_buf(),
        });
    };
    std::fs::create_dir_all(dir).map_err(|e| StoreError::CreateDir {
        path: dir.to_path_buf(),
        reason: IoReason::from(&e),
    })?;
    match std::fs::symlink_metadata(dir) {
        Ok(m) if m.is_dir() => {}
        _ => {
            return Err(StoreError::InTheWay {
                path: dir.to_path_buf(),
            });
        }
    }
    let fs = atomic::RealFs;
    match std::fs::symlink_metadata(path) {
        Ok(m) if existed && m.is_file() => atomic::replace(&fs, path, text.as_bytes(), None),
        Ok(_) => {
            return Err(StoreError::InTheWay {
                path: path.to_path_buf(),
            });
        }
        Err(_) => atomic::create_new(&fs, path, text.as_bytes()),
    }
    .map_err(|f| f.into_error(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creates_the_folder_replaces_its_own_file_and_refuses_links() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("sub").join("config.ron");
        write_settings(&path, "(a)", false).expect("first write");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "(a)");
        // Appeared since start (existed = false): never replaced.
        assert!(write_settings(&path, "(b)", false).is_err());
        write_settings(&path, "(b)", true).expect("replace own file");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "(b)");
        #[cfg(unix)]
        {
            let target = dir.path().join("elsewhere");
            std::fs::write(&target, "theirs").expect("write");
            let link = dir.path().join("sub").join("link.ron");
            std::os::unix::fs::symlink(&target, &link).expect("symlink");
            assert!(write_settings(&link, "(c)", true).is_err());
            assert_eq!(std::fs::read_to_string(&target).expect("read"), "theirs");
        }
        let names: Vec<_> = std::fs::read_dir(dir.path().join("sub"))
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names.len(), 2, "no temporary files left: {names:?}");
    }
}
