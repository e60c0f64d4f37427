//! The one table of keys. It drives input handling, the footer hints and the help overlay,
//! so what the help says is always what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::Msg;
use crate::lang::Lang;

/// Where the user is; decides which bindings apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ctx {
    /// Applies everywhere except while typing text.
    Global,
    /// The list of plans.
    Home,
    /// A yes/no question.
    Confirm,
    /// Choosing an example scenario to start from.
    Picker,
    /// Choosing how to export a plan.
    Export,
    /// The trash.
    Trash,
    /// The step list of a plan.
    Steps,
    /// The content of a step.
    Content,
    /// Typing in a text field, the filter or the rename prompt.
    Editing,
    /// The help overlay.
    Help,
    /// The facilitation view.
    Run,
    /// Two versions of a plan side by side.
    Compare,
    /// Slides shown to a room.
    Present,
    /// Choosing what to present.
    PresentPicker,
    /// The model browser.
    Browse,
}

/// What a key means, independent of which key it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
#[allow(missing_docs)]
pub enum Action {
    Up,
    Down,
    NextField,
    PrevField,
    Open,
    Back,
    Toggle,
    New,
    Duplicate,
    Rename,
    Delete,
    Filter,
    Help,
    Save,
    Quit,
    Lang,
    NextStep,
    PrevStep,
    Confirm,
    Cancel,
    Done,
    Undo,
    Restore,
    DirFilter,
    FromScenario,
    GuideDown,
    GuideUp,
    Export,
    AddPart,
    InsertMethod,
    PartMinutes,
    PartLead,
    SessionStart,
    MoveUp,
    MoveDown,
    DeletePart,
    UndoDelete,
    AddSession,
    Longer,
    Shorter,
    RunSession,
    StartPause,
    NextPart,
    PrevPart,
    Capture,
    Leave,
    CompareVersions,
    TakeOver,
    ToReview,
    OpenTrash,
    EmptyTrash,
    FillFromMethods,
    EditContact,
    NextSlide,
    CycleTheme,
    /// Turn accessible mode (plain labelled text for screen readers) on or off.
    ToggleAccessible,
    ChoosePresentation,
    PrevSlide,
    FirstSlide,
    LastSlide,
    Reveal,
    KeepMine,
    KeepTheirs,
    Browse,
    ShowHidden,
}

/// A key as written in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A plain character (shifted letters are written upper-case).
    Char(char),
    /// A character with Ctrl.
    Ctrl(char),
    /// Any other key.
    Code(KeyCode),
    /// Shift+Tab.
    BackTab,
}

/// Help overlay sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Moving around.
    Move,
    /// Changing things.
    Edit,
    /// Managing plans.
    Plans,
    /// The app itself.
    App,
}

impl Group {
    /// Section title.
    pub fn title(self) -> Msg {
        match self {
            Group::Move => Msg::KeyGroupMove,
            Group::Edit => Msg::KeyGroupEdit,
            Group::Plans => Msg::KeyGroupPlans,
            Group::App => Msg::KeyGroupApp,
        }
    }
}

/// One row of the table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// Where it applies.
    pub ctx: Ctx,
    /// The keys, first one shown first.
    pub keys: &'static [Key],
    /// What they do.
    pub action: Action,
    /// What help and the footer call it.
    pub label: Msg,
    /// Help section.
    pub group: Group,
    /// Shown in the footer.
    pub hint: bool,
}

const fn b(
    ctx: Ctx,
    keys: &'static [Key],
    action: Action,
    label: Msg,
    group: Group,
    hint: bool,
) -> Binding {
    Binding {
        ctx,
        keys,
        action,
        label,
        group,
        hint,
    }
}

use Action as A;
use Ctx as C;
use Group as G;
use Key as K;

const UP: &[Key] = &[K::Code(KeyCode::Up), K::Char('k')];
const DOWN: &[Key] = &[K::Code(KeyCode::Down), K::Char('j')];
const NEXT_STEP: &[Key] = &[K::Code(KeyCode::PageDown), K::Char(']')];
const PREV_STEP: &[Key] = &[K::Code(KeyCode::PageUp), K::Char('[')];

/// The table. Context rows come before global ones and win over them. Within a context,
/// rows come in the order of importance: a narrow footer drops hints from the end.
#[rustfmt::skip]
pub const KEYMAP: &[Binding] = &[
    // Home
    b(C::Home, UP, A::Up, Msg::KUp, G::Move, false),
    b(C::Home, DOWN, A::Down, Msg::KDown, G::Move, false),
    b(C::Home, &[K::Char('n')], A::New, Msg::KNew, G::Plans, true),
    b(C::Home, &[K::Code(KeyCode::Enter)], A::Open, Msg::KOpen, G::Plans, true),
    b(C::Home, &[K::Char('e')], A::Export, Msg::KExport, G::Plans, true),
    b(C::Home, &[K::Char('s')], A::FromScenario, Msg::KFromScenario, G::Plans, true),
    b(C::Home, &[K::Char('c')], A::Duplicate, Msg::KDuplicate, G::Plans, true),
    b(C::Home, &[K::Char('r')], A::Rename, Msg::KRename, G::Plans, true),
    b(C::Home, &[K::Char('d'), K::Code(KeyCode::Delete)], A::Delete, Msg::KDelete, G::Plans, true),
    b(C::Home, &[K::Char('/')], A::Filter, Msg::KFilter, G::Plans, true),
    b(C::Home, &[K::Char('R')], A::Restore, Msg::KRestore, G::Plans, false),
    b(C::Home, &[K::Char('g'), K::Code(KeyCode::F(5))], A::RunSession, Msg::KRun, G::Plans, false),
    b(C::Home, &[K::Char('v')], A::CompareVersions, Msg::KCompare, G::Plans, true),
    b(C::Home, &[K::Char('u')], A::UndoDelete, Msg::KUndoTrash, G::Plans, true),
    b(C::Home, &[K::Char('T')], A::OpenTrash, Msg::KTrash, G::Plans, false),
    b(C::Home, &[K::Char('P')], A::ChoosePresentation, Msg::KPresent, G::Plans, false),
    b(C::Home, &[K::Char('b')], A::Browse, Msg::KBrowse, G::Plans, false),
    // What to present
    b(C::PresentPicker, UP, A::Up, Msg::KUp, G::Move, false),
    b(C::PresentPicker, DOWN, A::Down, Msg::KDown, G::Move, false),
    b(C::PresentPicker, &[K::Code(KeyCode::Enter)], A::Confirm, Msg::KShow, G::Plans, true),
    b(C::PresentPicker, &[K::Code(KeyCode::Esc)], A::Cancel, Msg::KCancel, G::Plans, true),
    b(C::Home, &[K::Code(KeyCode::Esc)], A::Back, Msg::KClearFilter, G::Move, false),
    // Trash
    b(C::Trash, UP, A::Up, Msg::KUp, G::Move, false),
    b(C::Trash, DOWN, A::Down, Msg::KDown, G::Move, false),
    b(C::Trash, &[K::Code(KeyCode::Enter), K::Char('u')], A::Confirm, Msg::KRestoreFromTrash, G::Plans, true),
    b(C::Trash, &[K::Char('X')], A::EmptyTrash, Msg::KEmptyTrash, G::Plans, true),
    b(C::Trash, &[K::Code(KeyCode::Esc)], A::Cancel, Msg::KClose, G::Plans, true),
    // Confirm
    b(C::Confirm, &[K::Char('y'), K::Char('t'), K::Code(KeyCode::Enter)], A::Confirm, Msg::KConfirm, G::Edit, true),
    b(C::Confirm, &[K::Char('n'), K::Code(KeyCode::Esc)], A::Cancel, Msg::KCancel, G::Edit, true),
    // Picker
    b(C::Picker, UP, A::Up, Msg::KUp, G::Move, false),
    b(C::Picker, DOWN, A::Down, Msg::KDown, G::Move, false),
    b(C::Picker, &[K::Code(KeyCode::Enter)], A::Confirm, Msg::KStart, G::Plans, true),
    b(C::Picker, &[K::Code(KeyCode::Esc)], A::Cancel, Msg::KCancel, G::Plans, true),
    // Present
    b(C::Present, &[K::Code(KeyCode::Right), K::Char(' '), K::Code(KeyCode::PageDown)], A::NextSlide, Msg::KNextSlide, G::Move, true),
    b(C::Present, &[K::Code(KeyCode::Left), K::Code(KeyCode::PageUp)], A::PrevSlide, Msg::KPrevSlide, G::Move, true),
    b(C::Present, &[K::Code(KeyCode::Down), K::Code(KeyCode::Enter)], A::Reveal, Msg::KReveal, G::Move, true),
    b(C::Present, &[K::Code(KeyCode::Home)], A::FirstSlide, Msg::KFirstSlide, G::Move, false),
    b(C::Present, &[K::Code(KeyCode::End)], A::LastSlide, Msg::KLastSlide, G::Move, false),
    b(C::Present, &[K::Code(KeyCode::Esc), K::Char('q')], A::Back, Msg::KEndPresentation, G::Move, true),
    // Browse
    b(C::Browse, UP, A::Up, Msg::KUp, G::Move, false),
    b(C::Browse, DOWN, A::Down, Msg::KDown, G::Move, false),
    b(C::Browse, &[K::Code(KeyCode::Enter), K::Code(KeyCode::Right)], A::Open, Msg::KFollow, G::Move, true),
    b(C::Browse, &[K::Code(KeyCode::Esc), K::Code(KeyCode::Left)], A::Back, Msg::KBack, G::Move, true),
    b(C::Browse, &[K::Char('/')], A::Filter, Msg::KSearch, G::Move, true),
    b(C::Browse, &[K::Char('J'), K::Code(KeyCode::PageDown)], A::GuideDown, Msg::KDetailDown, G::Move, false),
    b(C::Browse, &[K::Char('K'), K::Code(KeyCode::PageUp)], A::GuideUp, Msg::KDetailUp, G::Move, false),
    // Export
    b(C::Export, UP, A::Up, Msg::KUp, G::Move, false),
    b(C::Export, DOWN, A::Down, Msg::KDown, G::Move, false),
    b(C::Export, &[K::Code(KeyCode::Enter)], A::Confirm, Msg::KExportNow, G::Plans, true),
    b(C::Export, &[K::Code(KeyCode::Esc)], A::Cancel, Msg::KCancel, G::Plans, true),
    // Steps
    b(C::Steps, UP, A::Up, Msg::KUp, G::Move, false),
    b(C::Steps, DOWN, A::Down, Msg::KDown, G::Move, false),
    b(C::Steps, &[K::Code(KeyCode::Enter), K::Code(KeyCode::Right), K::Code(KeyCode::Tab), K::Char('l')], A::Open, Msg::KOpen, G::Move, true),
    b(C::Steps, &[K::Code(KeyCode::Esc)], A::Back, Msg::KBack, G::Move, true),
    b(C::Steps, &[K::Char('r')], A::ToReview, Msg::KToReview, G::Move, true),
    b(C::Steps, NEXT_STEP, A::NextStep, Msg::KNextStep, G::Move, false),
    b(C::Steps, &[K::Char('J')], A::GuideDown, Msg::KGuideDown, G::Move, false),
    b(C::Steps, &[K::Char('K')], A::GuideUp, Msg::KGuideUp, G::Move, false),
    b(C::Steps, PREV_STEP, A::PrevStep, Msg::KPrevStep, G::Move, false),
    // Content
    b(C::Content, UP, A::Up, Msg::KUp, G::Move, false),
    b(C::Content, DOWN, A::Down, Msg::KDown, G::Move, false),
    b(C::Content, &[K::Code(KeyCode::Enter)], A::Open, Msg::KEdit, G::Edit, true),
    // Back to the review comes first once a gap was jumped to (shown only then).
    b(C::Content, &[K::Char('r')], A::ToReview, Msg::KToReview, G::Move, true),
    b(C::Content, &[K::Char(' ')], A::Toggle, Msg::KToggle, G::Edit, true),
    // The agenda's keys (shown only on the Agenda step) come before Esc and Tab in the footer.
    b(C::Content, &[K::Char('a')], A::AddPart, Msg::KAddPart, G::Edit, true),
    b(C::Content, &[K::Char('i')], A::InsertMethod, Msg::KInsertMethod, G::Edit, true),
    b(C::Content, &[K::Char('m')], A::PartMinutes, Msg::KMinutes, G::Edit, true),
    b(C::Content, &[K::Char('l')], A::PartLead, Msg::KLead, G::Edit, false),
    b(C::Content, &[K::Char('t')], A::SessionStart, Msg::KStartTime, G::Edit, false),
    b(C::Content, &[K::Char('+'), K::Char('=')], A::Longer, Msg::KMoreFive, G::Edit, false),
    b(C::Content, &[K::Char('-')], A::Shorter, Msg::KLessFive, G::Edit, false),
    b(C::Content, &[K::Char('<')], A::MoveUp, Msg::KMoveUp, G::Edit, false),
    b(C::Content, &[K::Char('>')], A::MoveDown, Msg::KMoveDown, G::Edit, false),
    b(C::Content, &[K::Char('x'), K::Code(KeyCode::Delete)], A::DeletePart, Msg::KDeletePart, G::Edit, false),
    b(C::Content, &[K::Char('u')], A::UndoDelete, Msg::KUndoDelete, G::Edit, false),
    b(C::Content, &[K::Char('S')], A::AddSession, Msg::KAddSession, G::Edit, false),
    b(C::Content, &[K::Char('g'), K::Code(KeyCode::F(5))], A::RunSession, Msg::KRun, G::Plans, true),
    b(C::Content, &[K::Char('M')], A::FillFromMethods, Msg::KFillFromMethods, G::Edit, true),
    b(C::Content, &[K::Char('p')], A::EditContact, Msg::KContact, G::Edit, true),
    b(C::Content, &[K::Char('/')], A::Filter, Msg::KFilter, G::Edit, false),
    b(C::Content, &[K::Char('f')], A::DirFilter, Msg::KDirFilter, G::Edit, false),
    b(C::Content, &[K::Char('h')], A::ShowHidden, Msg::KShowHidden, G::Move, true),
    b(C::Content, &[K::Code(KeyCode::Esc), K::Code(KeyCode::Left)], A::Back, Msg::KBack, G::Move, true),
    b(C::Content, &[K::Code(KeyCode::Tab)], A::NextField, Msg::KNextField, G::Move, true),
    b(C::Content, &[K::BackTab], A::PrevField, Msg::KPrevField, G::Move, false),
    b(C::Content, NEXT_STEP, A::NextStep, Msg::KNextStep, G::Move, false),
    b(C::Content, &[K::Char('J')], A::GuideDown, Msg::KGuideDown, G::Move, false),
    b(C::Content, &[K::Char('K')], A::GuideUp, Msg::KGuideUp, G::Move, false),
    b(C::Content, PREV_STEP, A::PrevStep, Msg::KPrevStep, G::Move, false),
    b(C::Steps, &[K::Char('g'), K::Code(KeyCode::F(5))], A::RunSession, Msg::KRun, G::Plans, false),
    b(C::Steps, &[K::Char('v')], A::CompareVersions, Msg::KCompare, G::Plans, true),
    b(C::Steps, &[K::Char('E')], A::TakeOver, Msg::KTakeOver, G::Plans, true),
    // Compare
    b(C::Compare, UP, A::Up, Msg::KUp, G::Move, false),
    b(C::Compare, DOWN, A::Down, Msg::KDown, G::Move, false),
    b(C::Compare, &[K::Char(' ')], A::Toggle, Msg::KTakeSide, G::Edit, true),
    b(C::Compare, &[K::Char('m')], A::KeepMine, Msg::KKeepMine, G::Edit, true),
    b(C::Compare, &[K::Char('t')], A::KeepTheirs, Msg::KKeepTheirs, G::Edit, true),
    b(C::Compare, &[K::Code(KeyCode::Enter)], A::Confirm, Msg::KApply, G::Edit, true),
    b(C::Compare, &[K::Code(KeyCode::Esc)], A::Cancel, Msg::KCancel, G::Edit, true),
    // Run
    b(C::Run, &[K::Char(' ')], A::StartPause, Msg::KStartPause, G::Edit, true),
    b(C::Run, &[K::Char('c')], A::Capture, Msg::KCapture, G::Edit, true),
    b(C::Run, &[K::Code(KeyCode::Esc), K::Char('q')], A::Leave, Msg::KLeave, G::App, true),
    b(C::Run, &[K::Code(KeyCode::Right), K::Char('n')], A::NextPart, Msg::KNextPart, G::Move, true),
    b(C::Run, &[K::Code(KeyCode::Left), K::Char('p')], A::PrevPart, Msg::KPrevPart, G::Move, true),
    b(C::Run, &[K::Char('+'), K::Char('=')], A::Longer, Msg::KMoreMinute, G::Edit, true),
    b(C::Run, &[K::Char('-')], A::Shorter, Msg::KLessMinute, G::Edit, true),
    // Editing
    b(C::Editing, &[K::Code(KeyCode::Esc)], A::Done, Msg::KDone, G::Edit, true),
    b(C::Editing, &[K::Code(KeyCode::Tab)], A::NextField, Msg::KNextField, G::Edit, true),
    b(C::Editing, &[K::BackTab], A::PrevField, Msg::KPrevField, G::Edit, false),
    b(C::Editing, &[K::Ctrl('z')], A::Undo, Msg::KUndo, G::Edit, true),
    b(C::Editing, &[K::Ctrl('s')], A::Save, Msg::KSave, G::Edit, false),
    // Help
    b(C::Help, &[K::Code(KeyCode::Esc), K::Char('?')], A::Help, Msg::HelpClose, G::App, true),
    // Global (not while typing)
    b(C::Global, &[K::Char('?'), K::Code(KeyCode::F(1))], A::Help, Msg::KHelp, G::App, true),
    b(C::Global, &[K::Ctrl('s')], A::Save, Msg::KSave, G::App, false),
    b(C::Global, &[K::Char('L')], A::Lang, Msg::KLang, G::App, true),
    b(C::Global, &[K::Code(KeyCode::F(2))], A::CycleTheme, Msg::KCycleTheme, G::App, false),
    b(C::Global, &[K::Code(KeyCode::F(3))], A::ToggleAccessible, Msg::KAccessible, G::App, false),
    b(C::Global, &[K::Char('q'), K::Ctrl('q')], A::Quit, Msg::KQuit, G::App, true),
];

fn matches(key: Key, ev: &KeyEvent) -> bool {
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    match (key, ev.code) {
        (Key::Char(c), KeyCode::Char(e)) => !ctrl && c == e,
        (Key::Ctrl(c), KeyCode::Char(e)) => ctrl && c.eq_ignore_ascii_case(&e),
        (Key::BackTab, KeyCode::BackTab) => true,
        (Key::BackTab, KeyCode::Tab) => ev.modifiers.contains(KeyModifiers::SHIFT),
        (Key::Code(KeyCode::Tab), KeyCode::Tab) => !ev.modifiers.contains(KeyModifiers::SHIFT),
        (Key::Code(c), e) => c == e,
        _ => false,
    }
}

/// Whether global bindings apply in `ctx`: everywhere except while typing.
fn global_applies(ctx: Ctx) -> bool {
    !matches!(ctx, Ctx::Editing | Ctx::Global)
}

/// The action for a key in a context: the context's own bindings first, then global ones.
pub fn resolve(ctx: Ctx, ev: &KeyEvent) -> Option<Action> {
    let own = KEYMAP
        .iter()
        .filter(|b| b.ctx == ctx)
        .find(|b| b.keys.iter().any(|k| matches(*k, ev)));
    let global = || {
        KEYMAP
            .iter()
            .filter(|b| b.ctx == Ctx::Global && global_applies(ctx))
            .find(|b| b.keys.iter().any(|k| matches(*k, ev)))
    };
    own.or_else(global).map(|b| b.action)
}

/// The bindings that apply in `ctx`, own first, for the footer and help.
pub fn bindings(ctx: Ctx) -> impl Iterator<Item = &'static Binding> {
    let with_global = global_applies(ctx);
    // A global row whose action the context binds itself would only repeat it, and one whose
    // key the context takes for itself (q leaves the run view) would promise the wrong thing.
    let own = move |b: &Binding| {
        KEYMAP
            .iter()
            .any(|o| o.ctx == ctx && (o.action == b.action || o.keys.contains(&b.keys[0])))
    };
    KEYMAP.iter().filter(move |b| b.ctx == ctx).chain(
        KEYMAP
            .iter()
            .filter(move |b| with_global && b.ctx == Ctx::Global && !own(b)),
    )
}

/// A key's name as the user sees it.
pub fn key_name(key: Key, lang: Lang) -> String {
    match key {
        Key::Char(' ') => match lang {
            Lang::Pl => "Spacja".into(),
            Lang::En => "Space".into(),
        },
        Key::Char(c) => c.to_string(),
        Key::Ctrl(c) => format!("Ctrl+{}", c.to_ascii_uppercase()),
        Key::BackTab => "Shift+Tab".into(),
        Key::Code(code) => match code {
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        },
    }
}

/// The keys of a yes/no question and what they mean, from the table: `y/t/Enter: yes ·
/// n/Esc: no`, so the question never names a key the table does not bind.
pub fn yes_no(lang: Lang) -> String {
    let part = |action: Action, word: Msg| {
        bindings(Ctx::Confirm)
            .find(|b| b.action == action && b.ctx == Ctx::Confirm)
            .map(|b| format!("{}: {}", keys_label(b, lang), crate::i18n::tr(lang, word)))
            .unwrap_or_default()
    };
    format!(
        "{} · {}",
        part(Action::Confirm, Msg::Yes),
        part(Action::Cancel, Msg::No)
    )
}

/// A key and what it does, as the footer shows it (`u cofnij`), for a sentence that names it.
pub fn hint_for(ctx: Ctx, action: Action, lang: Lang) -> String {
    bindings(ctx)
        .find(|b| b.action == action)
        .map(|b| {
            format!(
                "{} {}",
                key_name(b.keys[0], lang),
                crate::i18n::tr(lang, b.label)
            )
        })
        .unwrap_or_default()
}

/// The keys messages may name, as `{token}` in their text.
const KEY_TOKENS: &[(&str, Ctx, Action)] = &[
    ("home.new", Ctx::Home, Action::New),
    ("home.scenario", Ctx::Home, Action::FromScenario),
    ("home.restore", Ctx::Home, Action::Restore),
    ("home.compare", Ctx::Home, Action::CompareVersions),
    ("content.add_part", Ctx::Content, Action::AddPart),
    ("content.insert_method", Ctx::Content, Action::InsertMethod),
    ("content.toggle", Ctx::Content, Action::Toggle),
    ("content.open", Ctx::Content, Action::Open),
    ("content.dir_filter", Ctx::Content, Action::DirFilter),
    ("content.filter", Ctx::Content, Action::Filter),
    ("content.show_hidden", Ctx::Content, Action::ShowHidden),
    ("editing.cancel", Ctx::Editing, Action::Done),
    ("compare.toggle", Ctx::Compare, Action::Toggle),
    ("compare.confirm", Ctx::Compare, Action::Confirm),
    ("global.quit", Ctx::Global, Action::Quit),
];

/// `text` with each `{token}` of [`KEY_TOKENS`] replaced by the name of the first key bound
/// to it, so prose never names a key the table does not bind. `{editing.done_enter}` is the
/// Enter that ends a one-line box (typed text, not a binding).
pub fn with_keys(lang: Lang, text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else {
            out.push_str(&rest[start..]);
            return out;
        };
        let token = &after[..end];
        let name = if token == "editing.done_enter" {
            Some(key_name(Key::Code(KeyCode::Enter), lang))
        } else {
            KEY_TOKENS
                .iter()
                .find(|(t, _, _)| *t == token)
                .and_then(|(_, ctx, action)| {
                    KEYMAP.iter().find(|b| b.ctx == *ctx && b.action == *action)
                })
                .map(|b| key_name(b.keys[0], lang))
        };
        match name {
            Some(n) => out.push_str(&n),
            None => out.push_str(&rest[start..=start + end + 1]),
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// All key names of a binding joined for display, e.g. `↑/k`.
pub fn keys_label(binding: &Binding, lang: Lang) -> String {
    binding
        .keys
        .iter()
        .map(|k| key_name(*k, lang))
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn every_key_token_names_a_bound_key() {
        for (token, _, _) in KEY_TOKENS {
            let shown = with_keys(Lang::En, &format!("{{{token}}}"));
            assert!(!shown.contains('{'), "{token} is not bound");
        }
        assert_eq!(with_keys(Lang::Pl, "Naciśnij {home.new}."), "Naciśnij n.");
        assert_eq!(with_keys(Lang::Pl, "{content.toggle} x"), "Spacja x");
        assert_eq!(with_keys(Lang::En, "a {unknown} b"), "a {unknown} b");
    }

    #[test]
    fn no_key_is_bound_twice_in_a_context() {
        for ctx in [
            Ctx::Global,
            Ctx::Home,
            Ctx::Confirm,
            Ctx::Picker,
            Ctx::Export,
            Ctx::Trash,
            Ctx::Present,
            Ctx::PresentPicker,
            Ctx::Browse,
            Ctx::Steps,
            Ctx::Content,
            Ctx::Editing,
            Ctx::Help,
        ] {
            let mut seen = Vec::new();
            for b in KEYMAP.iter().filter(|b| b.ctx == ctx) {
                for k in b.keys {
                    assert!(!seen.contains(k), "{k:?} bound twice in {ctx:?}");
                    seen.push(*k);
                }
            }
        }
    }

    #[test]
    fn help_opens_everywhere_outside_typing() {
        for ctx in [Ctx::Home, Ctx::Steps, Ctx::Content] {
            assert_eq!(resolve(ctx, &key(KeyCode::Char('?'))), Some(Action::Help));
        }
        assert_eq!(
            resolve(Ctx::Help, &key(KeyCode::Char('?'))),
            Some(Action::Help)
        );
    }

    #[test]
    fn typing_never_triggers_global_keys() {
        for c in ['q', 'L', '?', 'n', 'j'] {
            assert_eq!(resolve(Ctx::Editing, &key(KeyCode::Char(c))), None);
        }
        let ctrl_s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert_eq!(resolve(Ctx::Editing, &ctrl_s), Some(Action::Save));
    }

    #[test]
    fn context_binding_wins_over_global() {
        assert_eq!(
            resolve(Ctx::Confirm, &key(KeyCode::Char('n'))),
            Some(Action::Cancel)
        );
        assert_eq!(
            resolve(Ctx::Confirm, &key(KeyCode::Char('q'))),
            Some(Action::Quit)
        );
        assert_eq!(
            resolve(Ctx::Home, &key(KeyCode::Char('q'))),
            Some(Action::Quit)
        );
        assert_eq!(
            resolve(Ctx::Content, &key(KeyCode::Tab)),
            Some(Action::NextField)
        );
        let back = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(resolve(Ctx::Content, &back), Some(Action::PrevField));
    }

    #[test]
    fn every_action_is_reachable() {
        use strum::IntoEnumIterator;
        for a in Action::iter() {
            assert!(KEYMAP.iter().any(|b| b.action == a), "{a:?} has no key");
        }
    }
}
