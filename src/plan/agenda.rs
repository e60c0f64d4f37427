//! The agenda: start times, totals, part ids and the parts a method's steps become.

use super::types::{Part, Plan, Session};
use crate::lang::Lang;
use crate::model::Method;

/// The longest a part may last (ten hours): more is a typo.
pub const MAX_PART_MINUTES: u32 = 600;

/// The id of the `n`-th part made (`a1`, `a2`…).
pub fn part_id(n: usize) -> String {
    format!("a{n}")
}

/// An id no part of `plan` has yet.
pub fn next_part_id(plan: &Plan) -> String {
    let highest = plan
        .sessions
        .iter()
        .flat_map(|s| &s.parts)
        .filter_map(|p| p.id.strip_prefix('a')?.parse::<usize>().ok())
        .max()
        .unwrap_or(0);
    part_id(highest + 1)
}

/// Planned minutes of a session.
pub fn session_minutes(session: &Session) -> u32 {
    session.parts.iter().map(|p| p.minutes).sum()
}

/// Planned minutes of the whole plan.
pub fn plan_minutes(plan: &Plan) -> u32 {
    plan.sessions.iter().map(session_minutes).sum()
}

/// Minutes from the session's start at which each part begins.
pub fn offsets(session: &Session) -> Vec<u32> {
    let mut at = 0;
    session
        .parts
        .iter()
        .map(|p| {
            let start = at;
            at += p.minutes;
            start
        })
        .collect()
}

/// A local start time `YYYY-MM-DDTHH:MM`, as (date, minutes after midnight); `None` when it
/// is not one.
pub fn parse_start(text: &str) -> Option<(&str, u32)> {
    let (date, time) = text.trim().split_once('T')?;
    let valid_date = date.len() == 10
        && date.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    let month: u32 = date.get(5..7)?.parse().ok()?;
    let day: u32 = date.get(8..10)?.parse().ok()?;
    if !valid_date || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let (h, m) = time.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some((date, h * 60 + m))
}

/// The clock time `offset` minutes into a session: `HH:MM` from its start time, or `+H:MM`
/// from 0:00 when it has none (or an invalid one).
pub fn clock_at(session: &Session, offset: u32) -> String {
    match parse_start(&session.start) {
        Some((_, start)) => {
            let t = (start + offset) % (24 * 60);
            format!("{:02}:{:02}", t / 60, t % 60)
        }
        None => format!("+{}:{:02}", offset / 60, offset % 60),
    }
}

/// `H:MM` for a number of minutes.
pub fn hours(minutes: u32) -> String {
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

/// The timed steps of `method` as new parts, numbered from `first` (a part id number), led by
/// nobody yet.
pub fn method_parts(method: &Method, lang: Lang, first: usize) -> Vec<Part> {
    method
        .steps
        .iter()
        .enumerate()
        .map(|(i, st)| Part {
            id: part_id(first + i),
            minutes: st.minutes,
            what: st.get(lang).to_string(),
            method: method.id.clone(),
            ..Part::default()
        })
        .collect()
}

/// The number in a part id (`a12` → 12), for numbering new parts after it.
pub fn next_number(plan: &Plan) -> usize {
    next_part_id(plan)
        .strip_prefix('a')
        .and_then(|n| n.parse().ok())
        .unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(start: &str, minutes: &[u32]) -> Session {
        Session {
            label: "S".into(),
            start: start.into(),
            minutes: 0,
            parts: minutes
                .iter()
                .enumerate()
                .map(|(i, m)| Part {
                    id: part_id(i + 1),
                    minutes: *m,
                    ..Part::default()
                })
                .collect(),
        }
    }

    #[test]
    fn start_times_follow_the_minutes() {
        let s = session("2026-12-05T16:00", &[10, 40, 15]);
        assert_eq!(offsets(&s), [0, 10, 50]);
        let clocks: Vec<String> = offsets(&s).iter().map(|o| clock_at(&s, *o)).collect();
        assert_eq!(clocks, ["16:00", "16:10", "16:50"]);
        assert_eq!(session_minutes(&s), 65);
        let open = session("", &[10, 40]);
        assert_eq!(clock_at(&open, 70), "+1:10");
    }

    #[test]
    fn start_times_are_checked() {
        assert_eq!(parse_start("2026-12-05T16:00"), Some(("2026-12-05", 960)));
        for bad in [
            "",
            "16:00",
            "2026-12-05 16:00",
            "2026-13-05T16:00",
            "2026-12-05T24:00",
            "2026-12-05T9:00",
            "jutro",
        ] {
            assert_eq!(parse_start(bad), None, "{bad}");
        }
        // A session past midnight wraps.
        assert_eq!(clock_at(&session("2026-12-05T23:30", &[]), 45), "00:15");
    }

    #[test]
    fn new_ids_never_repeat() {
        let mut plan = Plan::default();
        assert_eq!(next_part_id(&plan), "a1");
        plan.sessions.push(session("", &[5, 5, 5]));
        plan.sessions[0].parts.remove(1);
        assert_eq!(next_part_id(&plan), "a4");
    }
}
