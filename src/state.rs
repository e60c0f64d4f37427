//! Everything the app knows at a moment (the Elm "model"). Pure data: no IO, no terminal.

use std::collections::HashMap;
use std::path::PathBuf;

use ratatui_textarea::{TextArea, WrapMode};

use crate::i18n::{Msg, errors, tr};
use crate::keymap::Ctx;
use crate::lang::Lang;
use crate::model::Model;
use crate::plan::{self, CheckState, FieldId, Gap, PickKind, Plan, STEPS, Step};
use crate::ron_error::Located;
/// Where another version of a plan came from; pure data, so the views may name it.
pub use crate::storage::Origin;
use crate::storage::StoreError;
use crate::theme::Theme;

/// The whole app state.
#[derive(Debug)]
pub struct App {
    /// The community-work model.
    pub model: Model,
    /// Interface and content language.
    pub lang: Lang,
    /// Colours and emphasis of every view.
    pub theme: Theme,
    /// The list of plans.
    pub home: Home,
    /// The open plan, when the workbook is shown.
    pub workbook: Option<Workbook>,
    /// Help overlay shown, with the key context it was opened from (whose keys it lists).
    pub help: Option<Ctx>,
    /// A message for the user (an error or a warning), shown until the next key.
    pub notice: Option<Notice>,
    /// `q` was pressed while the latest changes could not be saved; a second `q` quits.
    pub quit_armed: bool,
    /// The loop should end.
    pub should_quit: bool,
    /// Two versions of a plan side by side, while resolving them.
    pub compare: Option<Compare>,
    /// Slides shown to a room.
    pub present: Option<Presenting>,
    /// The model browser.
    pub browse: Option<Browsing>,
    /// One column of plain labelled text for screen readers (`--accessible`).
    pub accessible: bool,
    /// What is remembered between runs; changed here, written by the runtime.
    pub settings: crate::settings::Settings,
    /// Colour is off (`NO_COLOR`), whatever theme is cycled to.
    pub no_color: bool,
    /// Now, in milliseconds since the Unix epoch, as the runtime's clock last said: the only
    /// time update ever sees, so tests move it by hand.
    pub now: u64,
    /// The machine's offset from UTC in seconds east, for times shown to the user (stored
    /// times stay UTC); the runtime sets it at start, tests leave it at 0.
    pub utc_offset: i32,
}

/// The home screen.
#[derive(Debug, Default)]
pub struct Home {
    /// All plans, newest first.
    pub rows: Vec<Row>,
    /// Index into the visible (filtered) rows.
    pub selected: usize,
    /// Title filter.
    pub filter: String,
    /// An open dialog.
    pub dialog: Option<Dialog>,
    /// The export last chosen (an index into [`EXPORT_CHOICES`]), offered first next time.
    pub export_choice: usize,
    /// The plan last moved to the trash: its name there and its title, for `u` to undo.
    pub last_trashed: Option<(String, String)>,
    /// What the trash holds, as read when its view opened.
    pub trash: Vec<TrashRow>,
    /// The plan files are still being checked after start-up: an empty list may only be
    /// not read yet.
    pub loading: bool,
}

/// A plan in the trash, as its view lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrashRow {
    /// Its name in the trash (to restore it by).
    pub stem: String,
    /// Its title (may be empty).
    pub title: String,
    /// When it was trashed, UTC.
    pub when: String,
}

/// What the export dialog offers: a format, and whether the print pack comes with it.
pub const EXPORT_CHOICES: [(crate::export::Format, bool); 4] = [
    (crate::export::Format::Markdown, false),
    (crate::export::Format::Html, false),
    (crate::export::Format::Html, true),
    (crate::export::Format::Ron, false),
];

/// What the plan list offers to present: each part of the model, each example scenario, and
/// the selected plan when it reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PresentChoice {
    /// A deck built from the model alone.
    Deck(crate::present::Deck),
    /// The plan with this id (read from disk when chosen).
    Plan(String),
}

/// The choices of the present dialog, in order.
pub fn present_choices(app: &App) -> Vec<PresentChoice> {
    use crate::present::Deck;
    let mut out: Vec<PresentChoice> = [
        Deck::Values,
        Deck::Directions,
        Deck::Methods,
        Deck::Roles,
        Deck::Advice,
    ]
    .into_iter()
    .map(PresentChoice::Deck)
    .collect();
    out.extend(
        app.model
            .scenarios
            .iter()
            .map(|s| PresentChoice::Deck(Deck::Scenario(s.id.clone()))),
    );
    if let Some(row) = app.selected_row().filter(|r| r.damaged.is_none()) {
        out.push(PresentChoice::Plan(row.id.clone()));
    }
    out
}

/// A presentation in progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presenting {
    /// What is shown.
    pub deck: crate::present::Deck,
    /// The slide, from 0.
    pub index: usize,
    /// How many of the slide's questions are shown.
    pub revealed: usize,
    /// A slide number being typed, to jump to with `Enter`.
    pub jump: String,
    /// Opened from the plan list, so leaving goes back there (from the command line it ends
    /// the program).
    pub from_home: bool,
}

impl Presenting {
    /// The first slide of `deck`.
    pub fn new(deck: crate::present::Deck) -> Self {
        Self {
            deck,
            index: 0,
            revealed: 0,
            jump: String::new(),
            from_home: false,
        }
    }
}

/// The model browser: a path of pages, the first the list of every item (filtered by the
/// search), each later one an item opened from a link of the page before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Browsing {
    /// The pages walked, the last one shown; never empty.
    pub path: Vec<Page>,
    /// The search over names and texts.
    pub query: String,
    /// The search box has the keyboard.
    pub typing: bool,
    /// Opened from the plan list, so leaving goes back there (from the command line it ends
    /// the program).
    pub from_home: bool,
    /// How far the detail pane is scrolled.
    pub scroll: u16,
    /// How far it can scroll, as the last frame's layout said.
    pub scroll_max: u16,
}

/// One page of the browser and the row highlighted on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// `None` for the list of all items; otherwise the item whose links are listed.
    pub item: Option<crate::browse::Item>,
    /// The highlighted row.
    pub cursor: usize,
}

impl Default for Browsing {
    fn default() -> Self {
        Self {
            path: vec![Page {
                item: None,
                cursor: 0,
            }],
            query: String::new(),
            typing: false,
            from_home: false,
            scroll: 0,
            scroll_max: 0,
        }
    }
}

impl Browsing {
    /// The page shown.
    pub fn page(&self) -> &Page {
        static ROOT: Page = Page {
            item: None,
            cursor: 0,
        };
        // Leaving the first page closes the browser, so the path is never empty in practice.
        self.path.last().unwrap_or(&ROOT)
    }

    /// The rows of the page shown: search results on the first page, links on the others.
    pub fn rows(&self, model: &Model, lang: Lang) -> Vec<crate::browse::Item> {
        match &self.page().item {
            None => crate::browse::search(model, lang, &self.query),
            Some(item) => crate::browse::flat_links(model, item),
        }
    }

    /// The item the detail pane shows: the highlighted search result on the first page, the
    /// opened item on the others.
    pub fn shown(&self, model: &Model, lang: Lang) -> Option<crate::browse::Item> {
        match &self.page().item {
            None => self.rows(model, lang).get(self.page().cursor).cloned(),
            Some(item) => Some(item.clone()),
        }
    }
}

/// A dialog on the home screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dialog {
    /// Typing the title filter.
    Filter,
    /// Asking before moving plan `id` to the trash.
    ConfirmDelete(String),
    /// Choosing an example scenario; the index of the highlighted one.
    Scenario(usize),
    /// Choosing what to present; the highlighted choice in [`present_choices`].
    Present(usize),
    /// The trash: the highlighted plan.
    Trash(usize),
    /// Asking before emptying the trash for good.
    ConfirmEmptyTrash,
    /// Choosing how to export plan `id`; the highlighted choice.
    Export {
        /// Plan id.
        id: String,
        /// Index into [`EXPORT_CHOICES`].
        choice: usize,
    },
    /// Typing a new title for plan `id`.
    Rename {
        /// Plan id.
        id: String,
        /// Title typed so far.
        text: String,
    },
}

/// One plan in the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Plan id.
    pub id: String,
    /// Title (may be empty).
    pub title: String,
    /// Last change, as stored.
    pub updated: String,
    /// Progress in percent.
    pub percent: u8,
    /// Why the file cannot be read, when it cannot: worded when drawn, in the language of
    /// the moment. Boxed: few rows have one.
    pub damaged: Option<Box<Located>>,
    /// A `.bak` exists to restore from.
    pub has_backup: bool,
    /// Other versions of this plan waiting to be compared: rescued edits, sync conflicts.
    pub others: Vec<crate::storage::Origin>,
    /// A damaged file's time, which it sorts by (a plan sorts by `updated`; empty then).
    pub order: String,
}

impl Row {
    /// What the list sorts this row by after "damaged first" (see `plan::list_order`).
    pub fn sort_key(&self) -> &str {
        if self.damaged.is_some() {
            &self.order
        } else {
            &self.updated
        }
    }
}

/// A change to the plan list found while the files are checked after the first frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowChange {
    /// This row is new or changed: it replaces the row with its id.
    Upsert(Row),
    /// The plan with this id is gone.
    Remove(String),
}

/// Where the keyboard is in the workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The step list on the left.
    Steps,
    /// The current step on the right.
    Content,
}

/// Whether the open plan is on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    /// Everything is on disk.
    Saved,
    /// Changes wait for the autosave.
    Pending,
    /// The last save failed; the reason.
    Failed(StoreError),
}

/// What a text editor writes into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditTarget {
    /// A plan field.
    Field(FieldId),
    /// The note of a pick.
    PickNote(PickKind, String),
    /// The contact (phone, e-mail) of the picked role with this id.
    PickContact(String),
    /// The note of a checklist item.
    CheckNote(String),
    /// The method search box.
    MethodFilter,
    /// What happens in the agenda part with this id.
    PartWhat(String),
    /// Who leads the agenda part with this id.
    PartLead(String),
    /// The minutes of the agenda part with this id (applied when the box closes).
    PartMinutes(String),
    /// The name of session `n`.
    SessionLabel(usize),
    /// The start time of session `n` (applied when the box closes, if valid).
    SessionStart(usize),
    /// The planned length of session `n` (applied when the box closes).
    SessionPlanned(usize),
    /// A note captured while running the session.
    RunNote,
    /// The youngest participant's age, a fact of the checklist (applied when the box closes).
    Youngest,
}

/// An open text editor.
#[derive(Debug)]
pub struct Editor {
    /// Where the text goes.
    pub target: EditTarget,
    /// The editing widget state (cursor, undo history).
    pub area: TextArea<'static>,
}

impl Editor {
    /// Opens an editor on `text`, cursor at the end, styled by `theme`.
    pub fn new(target: EditTarget, text: &str, theme: &Theme) -> Self {
        let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
        let mut area = TextArea::new(lines);
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        let mut editor = Self { target, area };
        editor.restyle(theme);
        editor
    }

    /// Takes the cursor style from `theme` (the widget keeps its styles, so a theme change
    /// must reach it).
    pub fn restyle(&mut self, theme: &Theme) {
        self.area
            .set_cursor_line_style(ratatui::style::Style::default());
        self.area.set_cursor_style(theme.cursor);
    }

    /// Lays the text out afresh after the window changed size: the widget keeps the view's
    /// top line from the old size, which left a box that grew showing only its last line.
    /// The view goes back to the top and follows the cursor from there at the next draw; the
    /// cursor, the text and the undo history stay as they were.
    pub fn relayout(&mut self, theme: &Theme) {
        let ratatui_textarea::DataCursor(row, col) = self.area.cursor();
        let (top, left) = self.area.scroll_offset();
        self.area.scroll((
            -i16::try_from(top).unwrap_or(i16::MAX),
            -i16::try_from(left).unwrap_or(i16::MAX),
        ));
        // Scrolling pulls the cursor into the old view; put it back.
        self.area.move_cursor(ratatui_textarea::CursorMove::Jump(
            u16::try_from(row).unwrap_or(u16::MAX),
            u16::try_from(col).unwrap_or(u16::MAX),
        ));
        self.restyle(theme);
    }

    /// The text typed so far.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// Whether `Enter` finishes instead of adding a line.
    pub fn single_line(&self) -> bool {
        match &self.target {
            EditTarget::Field(f) => f.single_line(),
            EditTarget::PickNote(..) | EditTarget::CheckNote(_) => false,
            _ => true,
        }
    }
}

/// A focusable part of a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// A text field.
    Field(FieldId),
    /// A list of model items to pick.
    Picks(PickKind),
    /// The facts that decide which checklist items apply.
    Facts,
    /// The checklist.
    Checklist,
    /// The gap list of the review.
    Gaps,
    /// The agenda: sessions and their parts.
    Agenda,
}

/// The focusable parts of a step, in order.
pub fn slots(step: Step) -> Vec<Slot> {
    let mut out = Vec::new();
    if let Some(kind) = step.picks() {
        out.push(Slot::Picks(kind));
    }
    out.extend(step.fields().iter().map(|f| Slot::Field(*f)));
    match step {
        Step::Checklist => out.extend([Slot::Facts, Slot::Checklist]),
        Step::Review => out.push(Slot::Gaps),
        Step::Agenda => out.push(Slot::Agenda),
        _ => {}
    }
    out
}

/// Why an open plan cannot be saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadOnlyReason {
    /// Another modelownia window holds the plan's lock (its process id when known).
    OpenElsewhere(Option<u32>),
    /// The file was written by a newer modelownia.
    NewerVersion,
    /// The lock could not be taken for another reason.
    Lock(StoreError),
    /// The plan reads, but written back it would be over the size limit (raw tabs and control
    /// characters grow when escaped); the field holds the longest text.
    TooLargeToSave(Option<crate::plan::FieldId>),
}

/// A message for the user, shown until the next key. Kept as a value, so its words come from
/// the language at render time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A file operation failed.
    Store(StoreError),
    /// The plan opened read-only, and why.
    OpenedReadOnly(ReadOnlyReason),
    /// An edit was refused because the plan is read-only.
    ReadOnly(ReadOnlyReason),
    /// Closing was refused: the changes are not on disk yet.
    CloseUnsaved,
    /// A damaged file cannot be opened; what to do instead.
    DamagedHint,
    /// The plan was exported to this file.
    Exported(PathBuf),
    /// A plan file could not be read.
    Unreadable(Located),
    /// A fixed sentence.
    Words(Msg),
    /// The settings file could not be used (the defaults are in force and the file is kept).
    Settings(crate::settings::Warning),
    /// The plan with this title went to the trash (`u` brings it back).
    Trashed(String),
    /// The plan with this title came back from the trash.
    Untrashed(String),
    /// The trash was emptied: this many plans are gone for good.
    TrashEmptied(usize),
    /// Materials and risks of the chosen methods were added to Logistics: how many of each.
    Filled(usize, usize),
}

/// An open plan.
#[derive(Debug)]
pub struct Workbook {
    /// The plan being edited.
    pub plan: Plan,
    /// Why the plan cannot be saved, when it cannot (newer version, open elsewhere).
    pub read_only: Option<ReadOnlyReason>,
    /// Index into [`STEPS`].
    pub step: usize,
    /// Keyboard focus.
    pub focus: Focus,
    /// Index into [`slots`] of the current step.
    pub slot: usize,
    /// Row within a list slot.
    pub cursor: usize,
    /// The open text editor.
    pub editor: Option<Editor>,
    /// Method search text.
    pub method_filter: String,
    /// Show only methods fitting the chosen directions.
    pub only_directions: bool,
    /// Disk state.
    pub save: SaveStatus,
    /// Lines the guide pane is scrolled down by (J/K); back to 0 when the focus moves.
    pub guide_scroll: u16,
    /// How far the guide could scroll in the last frame drawn (the runtime notes it after
    /// each draw); `None` before the first frame.
    pub guide_max: Option<u16>,
    /// Notes of picks removed in this session, so picking again brings them back.
    pub stash: HashMap<(PickKind, String), String>,
    /// Choosing which of the plan's methods to insert into the agenda: the highlighted one.
    pub method_chooser: Option<usize>,
    /// Agenda parts deleted in this session, latest last: (session, position, part).
    pub deleted: Vec<(usize, usize, crate::plan::Part)>,
    /// The facilitation view, while running a session.
    pub run: Option<Run>,
    /// The plan's file was changed by someone else since it was opened here.
    pub changed_elsewhere: bool,
    /// Read-only because another window had it, and that window has let it go: this one
    /// holds the lock now and may take over editing.
    pub lock_freed: bool,
    /// After a jump from a gap in the review: the gap's row there, to come back to.
    pub back_to_review: Option<usize>,
    /// The checklist lists the items the plan's facts hide too (dimmed).
    pub show_hidden: bool,
}

impl Workbook {
    /// Opens `plan` on its first step.
    pub fn new(plan: Plan, read_only: Option<ReadOnlyReason>) -> Self {
        Self {
            plan,
            read_only,
            step: 0,
            focus: Focus::Steps,
            slot: 0,
            cursor: 0,
            editor: None,
            method_filter: String::new(),
            only_directions: false,
            save: SaveStatus::Saved,
            guide_scroll: 0,
            guide_max: None,
            stash: HashMap::new(),
            method_chooser: None,
            deleted: Vec::new(),
            run: None,
            changed_elsewhere: false,
            lock_freed: false,
            back_to_review: None,
            show_hidden: false,
        }
    }

    /// Whether there are changes that are not on disk (a read-only plan never has any).
    pub fn unsaved(&self) -> bool {
        self.read_only.is_none() && self.save != SaveStatus::Saved
    }

    /// Notes a change for the autosave (a failed save stays failed until one succeeds).
    pub fn mark_dirty(&mut self) {
        if !matches!(self.save, SaveStatus::Failed(_)) {
            self.save = SaveStatus::Pending;
        }
    }

    /// Moves `delta` steps, to the first slot of the new step.
    pub fn go_step(&mut self, delta: isize) {
        let next = self.step.saturating_add_signed(delta).min(STEPS.len() - 1);
        if next != self.step {
            self.step = next;
            self.slot = 0;
            self.cursor = 0;
        }
    }

    /// Moves to the next or previous slot; past the last slot, on to the next step.
    pub fn move_slot(&mut self, delta: isize) {
        let count = slots(self.current_step()).len();
        let target = self.slot as isize + delta;
        if target >= count as isize {
            if self.step + 1 < STEPS.len() {
                self.step += 1;
                self.slot = 0;
                self.cursor = 0;
            }
        } else if target < 0 {
            if self.step > 0 {
                self.step -= 1;
                self.slot = slots(self.current_step()).len().saturating_sub(1);
                self.cursor = 0;
            }
        } else {
            self.slot = target as usize;
            self.cursor = 0;
        }
    }

    /// Keeps the cursor on a row of the focused list (0 on a field).
    pub fn clamp_cursor(&mut self, model: &Model) {
        let len = self.current_slot().map_or(0, |s| slot_len(model, self, s));
        self.cursor = self.cursor.min(len.saturating_sub(1));
    }

    /// Scrolls the guide by `delta` lines, within what the last frame could show.
    pub fn scroll_guide(&mut self, delta: i16) {
        let next = self.guide_scroll.saturating_add_signed(delta);
        self.guide_scroll = self.guide_max.map_or(next, |max| next.min(max));
    }

    /// The current step.
    pub fn current_step(&self) -> Step {
        STEPS[self.step.min(STEPS.len() - 1)]
    }

    /// The focused slot.
    pub fn current_slot(&self) -> Option<Slot> {
        slots(self.current_step()).get(self.slot).copied()
    }
}

/// A row of a pick list: a model item, or an id the model no longer has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickRow {
    /// Item id.
    pub id: String,
    /// The model has it.
    pub known: bool,
    /// The plan picked it.
    pub picked: bool,
}

impl PickRow {
    /// Picked, but without the justification its kind asks for.
    pub fn note_missing(&self, wb: &Workbook, kind: PickKind) -> bool {
        self.picked
            && kind.note_required()
            && kind
                .picks(&wb.plan)
                .iter()
                .any(|p| p.id == self.id && p.note.trim().is_empty())
    }
}

/// The rows of a pick list, filtered for methods, with unknown picked ids at the end.
pub fn pick_rows(model: &Model, wb: &Workbook, kind: PickKind) -> Vec<PickRow> {
    let picks = kind.picks(&wb.plan);
    let picked = |id: &str| picks.iter().any(|p| p.id == id);
    let ids: Vec<&str> = match kind {
        PickKind::Values => model.values.iter().map(|v| v.id.as_str()).collect(),
        PickKind::Directions => model.directions.iter().map(|v| v.id.as_str()).collect(),
        PickKind::Roles => model.roles.iter().map(|v| v.id.as_str()).collect(),
        PickKind::Methods => {
            let needle = crate::text::fold(wb.method_filter.trim());
            model
                .methods
                .iter()
                .filter(|m| {
                    needle.is_empty()
                        || crate::text::fold(&m.name.pl).contains(&needle)
                        || crate::text::fold(&m.name.en).contains(&needle)
                        || m.id.contains(&needle)
                })
                .filter(|m| {
                    !wb.only_directions
                        || m.directions
                            .iter()
                            .any(|d| wb.plan.directions.iter().any(|p| &p.id == d))
                })
                .map(|m| m.id.as_str())
                .collect()
        }
    };
    let mut rows: Vec<PickRow> = ids
        .into_iter()
        .map(|id| PickRow {
            id: id.to_string(),
            known: true,
            picked: picked(id),
        })
        .collect();
    for p in picks {
        if !plan::known(model, kind, &p.id) {
            rows.push(PickRow {
                id: p.id.clone(),
                known: false,
                picked: true,
            });
        }
    }
    rows
}

/// The checklist as listed: (phase index, item id) in model order, only the items that apply
/// unless the hidden ones are shown too.
pub fn checklist_rows<'m>(model: &'m Model, wb: &Workbook) -> Vec<(usize, &'m str)> {
    let facts = plan::effective(&wb.plan, model);
    model
        .phases
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.items.iter().map(move |it| (i, it)))
        .filter(|(_, it)| wb.show_hidden || plan::applies(it, &facts))
        .map(|(i, it)| (i, it.id.as_str()))
        .collect()
}

/// Checklist entries for items the model does not have, in file order; they follow the model's
/// rows in the checklist.
pub fn unknown_checks<'a>(model: &Model, plan: &'a Plan) -> Vec<&'a str> {
    plan.checklist
        .keys()
        .filter(|id| model.checklist_item(id).is_none())
        .map(String::as_str)
        .collect()
}

/// How many rows the list in `slot` has.
pub fn slot_len(model: &Model, wb: &Workbook, slot: Slot) -> usize {
    match slot {
        Slot::Field(_) => 0,
        Slot::Picks(kind) => pick_rows(model, wb, kind).len(),
        Slot::Facts => plan::FACTS.len(),
        Slot::Checklist => checklist_rows(model, wb).len() + unknown_checks(model, &wb.plan).len(),
        Slot::Gaps => plan::gaps(&wb.plan, model).len(),
        Slot::Agenda => agenda_rows(&wb.plan).len(),
    }
}

/// A row of the agenda list: a session's heading, or one of its parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgendaRow {
    /// Session `n`.
    Session(usize),
    /// Part `p` of session `n`.
    Part(usize, usize),
}

/// The agenda as list rows: each session, then its parts.
pub fn agenda_rows(plan: &Plan) -> Vec<AgendaRow> {
    plan.sessions
        .iter()
        .enumerate()
        .flat_map(|(si, s)| {
            std::iter::once(AgendaRow::Session(si))
                .chain((0..s.parts.len()).map(move |pi| AgendaRow::Part(si, pi)))
        })
        .collect()
}

/// Where the other version in a comparison comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompareWith {
    /// A rescued or conflict copy, in its file.
    Other(crate::storage::Other),
    /// The plan's own file, changed elsewhere while it was open here.
    OnDisk,
}

/// Two versions of one plan, and which parts to take from the other one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compare {
    /// The plan.
    pub id: String,
    /// This version: the plan file, or what is open here.
    pub mine: Plan,
    /// The other version.
    pub theirs: Plan,
    /// Where the other version is.
    pub with: CompareWith,
    /// What differs, in workbook order.
    pub items: Vec<crate::plan::diff::Item>,
    /// For each item: take the other version's.
    pub take: Vec<bool>,
    /// The highlighted item.
    pub cursor: usize,
}

impl Compare {
    /// A comparison of `mine` with `theirs`, keeping all of mine to start with.
    pub fn new(id: String, mine: Plan, theirs: Plan, with: CompareWith) -> Self {
        let items = crate::plan::diff::differences(&mine, &theirs);
        let take = vec![false; items.len()];
        Self {
            id,
            mine,
            theirs,
            with,
            items,
            take,
            cursor: 0,
        }
    }

    /// The plan the choices make.
    pub fn merged(&self) -> Plan {
        let taken: Vec<_> = self
            .items
            .iter()
            .zip(&self.take)
            .filter(|(_, t)| **t)
            .map(|(i, _)| *i)
            .collect();
        crate::plan::diff::merge(&self.mine, &self.theirs, &taken)
    }
}

/// The facilitation view of a running session. Times are milliseconds of the app's clock.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Run {
    /// The session being run.
    pub session: usize,
    /// The current part.
    pub part: usize,
    /// When the timer was last started; `None` while paused or not started.
    pub since: Option<u64>,
    /// Time on the current part before `since`.
    pub elapsed: u64,
    /// Minutes added (or, negative, taken) for the current part with `+`/`-`.
    pub extra: i32,
    /// Asking whether to leave while the timer runs.
    pub confirm_leave: bool,
    /// Leaving the view ends the app (it was started with `modelownia run`).
    pub exit_after: bool,
}

impl Run {
    /// Time spent on the current part at `now`.
    pub fn spent(&self, now: u64) -> u64 {
        self.elapsed + self.since.map_or(0, |s| now.saturating_sub(s))
    }
}

/// A checklist item's state in the open plan.
pub fn check_state(wb: &Workbook, id: &str) -> CheckState {
    plan::state(&wb.plan, id)
}

/// The gaps of the open plan.
pub fn plan_gaps(app: &App, wb: &Workbook) -> Vec<Gap> {
    plan::gaps(&wb.plan, &app.model)
}

impl App {
    /// A fresh app on the home screen.
    pub fn new(model: Model, lang: Lang) -> Self {
        Self {
            model,
            lang,
            theme: Theme::default(),
            home: Home::default(),
            workbook: None,
            help: None,
            notice: None,
            quit_armed: false,
            should_quit: false,
            compare: None,
            present: None,
            browse: None,
            accessible: false,
            settings: crate::settings::Settings::default(),
            no_color: false,
            now: 0,
            utc_offset: 0,
        }
    }

    /// The key context the app is in.
    pub fn ctx(&self) -> Ctx {
        if self.help.is_some() {
            return Ctx::Help;
        }
        if self.present.is_some() {
            return Ctx::Present;
        }
        if let Some(b) = &self.browse {
            return if b.typing { Ctx::Editing } else { Ctx::Browse };
        }
        if self.compare.is_some() {
            return Ctx::Compare;
        }
        if let Some(wb) = &self.workbook {
            if wb.editor.is_some() {
                Ctx::Editing
            } else if let Some(run) = &wb.run {
                if run.confirm_leave {
                    Ctx::Confirm
                } else {
                    Ctx::Run
                }
            } else if wb.method_chooser.is_some() {
                Ctx::Picker
            } else if wb.focus == Focus::Steps {
                Ctx::Steps
            } else {
                Ctx::Content
            }
        } else {
            match self.home.dialog {
                Some(Dialog::ConfirmDelete(_) | Dialog::ConfirmEmptyTrash) => Ctx::Confirm,
                Some(Dialog::Trash(_)) => Ctx::Trash,
                Some(Dialog::Present(_)) => Ctx::PresentPicker,
                Some(Dialog::Scenario(_)) => Ctx::Picker,
                Some(Dialog::Export { .. }) => Ctx::Export,
                Some(Dialog::Filter | Dialog::Rename { .. }) => Ctx::Editing,
                None => Ctx::Home,
            }
        }
    }

    /// The rows the home filter lets through.
    pub fn visible_rows(&self) -> Vec<&Row> {
        let needle = crate::text::fold(self.home.filter.trim());
        self.home
            .rows
            .iter()
            .filter(|r| needle.is_empty() || crate::text::fold(&r.title).contains(&needle))
            .collect()
    }

    /// The selected home row.
    pub fn selected_row(&self) -> Option<&Row> {
        self.visible_rows().get(self.home.selected).copied()
    }
}

// The words for notices: here rather than in i18n, so i18n needs nothing from state.

/// Why a plan is read-only.
pub fn read_only_reason(lang: Lang, r: &ReadOnlyReason) -> String {
    match r {
        ReadOnlyReason::OpenElsewhere(Some(pid)) => errors::pick(
            lang,
            format!("ten plan jest otwarty w innym oknie modelowni (proces {pid})"),
            format!("another modelownia window (process {pid}) has this plan open"),
        ),
        ReadOnlyReason::OpenElsewhere(None) => tr(lang, Msg::OpenElsewhere).to_string(),
        ReadOnlyReason::NewerVersion => tr(lang, Msg::NewerVersion).to_string(),
        ReadOnlyReason::Lock(e) => errors::store_error(lang, e),
        ReadOnlyReason::TooLargeToSave(field) => {
            let label = field.map(|f| crate::i18n::field_label(lang, f));
            errors::pick(
                lang,
                format!(
                    "zapisany miałby ponad 8 MiB, więc zmian nie da się zapisać; {}",
                    label.map_or("najwięcej tekstu jest w notatkach".into(), |l| format!(
                        "najdłuższy tekst jest w polu „{l}”"
                    ))
                ),
                format!(
                    "written back it would be over 8 MiB, so changes cannot be saved; {}",
                    label.map_or("most of the text is in the notes".into(), |l| format!(
                        "the longest text is in “{l}”"
                    ))
                ),
            )
        }
    }
}

/// A notice in words.
pub fn notice(lang: Lang, n: &Notice) -> String {
    match n {
        Notice::Store(e) => errors::store_error(lang, e),
        Notice::OpenedReadOnly(r) => {
            format!("{}: {}", tr(lang, Msg::ReadOnly), read_only_reason(lang, r))
        }
        Notice::ReadOnly(r) => read_only_reason(lang, r),
        Notice::CloseUnsaved => tr(lang, Msg::CloseUnsaved).to_string(),
        Notice::DamagedHint => crate::i18n::trk(lang, Msg::DamagedHint),
        Notice::Words(m) => tr(lang, *m).to_string(),
        Notice::Settings(w) => w.text(lang),
        Notice::Exported(path) => format!("{} {}", tr(lang, Msg::Exported), errors::shown(path)),
        Notice::Trashed(title) => {
            let title = crate::i18n::quoted(lang, &untitled_or(lang, title));
            let undo = crate::keymap::hint_for(
                crate::keymap::Ctx::Home,
                crate::keymap::Action::UndoDelete,
                lang,
            );
            let trash = crate::keymap::hint_for(
                crate::keymap::Ctx::Home,
                crate::keymap::Action::OpenTrash,
                lang,
            );
            match lang {
                Lang::Pl => format!("Plan {title} jest w koszu · {undo} · {trash}"),
                Lang::En => format!("The plan {title} is in the trash · {undo} · {trash}"),
            }
        }
        Notice::Untrashed(title) => {
            let title = crate::i18n::quoted(lang, &untitled_or(lang, title));
            match lang {
                Lang::Pl => format!("Plan {title} wrócił z kosza."),
                Lang::En => format!("The plan {title} is back from the trash."),
            }
        }
        Notice::Filled(m, r) => {
            let (m, r) = (*m as u64, *r as u64);
            match lang {
                Lang::Pl => format!(
                    "Dopisano z wybranych metod: {m} {} i {r} {} — możesz je teraz poprawić.",
                    crate::i18n::polish_plural(m, "materiał", "materiały", "materiałów"),
                    crate::i18n::polish_plural(r, "ryzyko", "ryzyka", "ryzyk")
                ),
                Lang::En => format!(
                    "Added from the chosen methods: {m} {} and {r} {} — edit them as you need.",
                    if m == 1 { "material" } else { "materials" },
                    if r == 1 { "risk" } else { "risks" }
                ),
            }
        }
        Notice::TrashEmptied(n) => {
            let n = *n as u64;
            match lang {
                Lang::Pl => format!(
                    "Kosz opróżniony: {n} {} usunięte na dobre.",
                    crate::i18n::polish_plural(n, "plan", "plany", "planów")
                ),
                Lang::En if n == 1 => "Trash emptied: 1 plan deleted for good.".to_string(),
                Lang::En => format!("Trash emptied: {n} plans deleted for good."),
            }
        }
        Notice::Unreadable(e) => e
            .one_line(lang)
            .chars()
            .map(|c| if c.is_control() { '?' } else { c })
            .collect(),
    }
}

pub use crate::i18n::untitled_or;
