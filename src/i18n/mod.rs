//! Every interface string, in Polish and English side by side, so neither can be forgotten.

pub mod accessible;
pub mod browse;
pub mod checklist;
pub mod cli;
pub mod errors;
pub mod file_errors;
pub mod handout;
pub mod model_check;
pub mod practical;

use crate::lang::Lang;
use crate::plan::{FieldId, Step};

/// An interface string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Msg {
    AppName,
    Plans,
    NoPlansTitle,
    NoPlansHint,
    ReadingPlans,
    NoMatch,
    Filter,
    Damaged,
    DamagedHint,
    Untitled,
    ConfirmDelete,
    Yes,
    No,
    RenamePrompt,
    Copy,
    Steps,
    Guide,
    Saved,
    Saving,
    NotSaved,
    ReadOnly,
    TooSmall,
    HelpTitle,
    HelpClose,
    ModelSource,
    PlanB,
    Empty,
    Chosen,
    UnknownItem,
    NoteValue,
    NoteDirection,
    NoteMethod,
    NoteRole,
    Description,
    Questions,
    Aims,
    Steps2,
    Materials,
    Preparation,
    Debriefing,
    Risks,
    Variations,
    GroupSize,
    Ages,
    Minutes,
    Who,
    Tasks,
    Hint,
    Note,
    Reason,
    StateTodo,
    StateDone,
    StateNa,
    Coverage,
    ValuesChosen,
    DirectionsChosen,
    Justified,
    ChecklistProgress,
    GapsTitle,
    NoGaps,
    GapEmpty,
    GapNoValues,
    GapNoDirections,
    GapNoMethods,
    GapNoRoles,
    GapNoNote,
    GapUnknown,
    GapNoReason,
    Progress,
    LastChange,
    Title,
    QuitUnsaved,
    FilterMethods,
    OnlyDirections,
    AllMethods,
    KeyGroupMove,
    KeyGroupEdit,
    KeyGroupPlans,
    KeyGroupApp,
    // key labels
    KUp,
    KDown,
    KNextField,
    KPrevField,
    KOpen,
    KBack,
    KToggle,
    KShowHidden,
    KCheckCycle,
    KToReview,
    KUndoTrash,
    KFillFromMethods,
    KContact,
    KNextSlide,
    KPresent,
    KBrowse,
    KFollow,
    KSearch,
    KDetailDown,
    KDetailUp,
    BrowseTitle,
    BrowseAll,
    BrowseLinks,
    BrowseNoLinks,
    BrowseNoMatch,
    BrowseSearchPrompt,
    Provenance,
    Phase,
    EvaluationHow,
    KShow,
    PresentTitle,
    PresentThisPlan,
    PresentExample,
    KCycleTheme,
    KAccessible,
    KPrevSlide,
    KReveal,
    KFirstSlide,
    KLastSlide,
    KEndPresentation,
    PresentJump,
    PresentQuestion,
    PresentMoreQuestions,
    AdviceTitle,
    ContactQuestion,
    Contact,
    GroupNeedsHere,
    KTrash,
    KRestoreFromTrash,
    KEmptyTrash,
    KClose,
    TrashTitle,
    TrashEmpty,
    ConfirmEmptyTrash,
    NothingToRestore,
    KNoteOrReason,
    KNew,
    KDuplicate,
    KRename,
    KDelete,
    KFilter,
    KHelp,
    KSave,
    KQuit,
    KLang,
    KNextStep,
    KPrevStep,
    KConfirm,
    KCancel,
    KDone,
    KUndo,
    KRestore,
    KDirFilter,
    KEdit,
    KFromScenario,
    KStart,
    ScenarioTitle,
    KClearFilter,
    OpenElsewhere,
    NewerVersion,
    CloseUnsaved,
    Gdynia,
    Nicosia,
    GuideMore,
    KGuideDown,
    KGuideUp,
    ServesValues,
    ServesDirections,
    FittingMethods,
    FitsDirections,
    KExport,
    KExportNow,
    ExportTitle,
    ExportMarkdown,
    ExportHtml,
    ExportPack,
    ExportRon,
    ExportWhere,
    Exported,
    RecoveredTo,
    RecoverFailed,
    KGoTo,
    KTakeSide,
    KKeepMine,
    KKeepTheirs,
    KApply,
    KCompare,
    KTakeOver,
    LockFreed,
    TookOver,
    CompareTitle,
    CompareMine,
    CompareTheirs,
    CompareSame,
    CompareHelp,
    Rescued,
    ConflictFrom,
    OnDiskChanged,
    Resolved,
    NothingToCompare,
    ClosedRescued,
    CountParts,
    CountNotes,
    GapPartTooLong,
    GapBadStart,
    KMoreFive,
    KLessFive,
    GapNoAgenda,
    GapNoMinutes,
    GapNoLead,
    GapTooLong,
    Part,
    Session,
    AgendaEmpty,
    InAll,
    PlannedLength,
    WholePlan,
    NoStart,
    ChooseMethod,
    NoMethodsChosen,
    BadMinutes,
    BadAge,
    BadStart,
    PartDeleted,
    PromptWhat,
    PromptLead,
    PromptMinutes,
    PromptStart,
    PromptLabel,
    PromptPlanned,
    AgendaGuide,
    KAddPart,
    KInsertMethod,
    KMinutes,
    KLead,
    KStartTime,
    KPlanned,
    KMoveUp,
    KMoveDown,
    KDeletePart,
    KUndoDelete,
    KAddSession,
    KRun,
    RunTitle,
    RunNotStarted,
    RunRunning,
    RunPaused,
    RunNext,
    RunLast,
    RunSessionLeft,
    RunOvertime,
    RunNotePrompt,
    RunLeaveQuestion,
    RunNoParts,
    RunNotes,
    RunDebrief,
    RunSteps,
    KStartPause,
    KMoreMinute,
    KLessMinute,
    KNextPart,
    KPrevPart,
    KCapture,
    KLeave,
    AgendaRun,
    Actual,
    NotRun,
    ExportAgenda,
    ExportStart,
    ExportWhat,
    ExportLead,
    ExportNotes,
}

/// The form of a Polish noun that goes with `n`: `one` for 1, `few` for 2–4, 22–24, 32–34…
/// (but not 12–14), `many` for the rest (0, 5–21, 25…).
pub fn polish_plural<'a>(n: u64, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        return one;
    }
    let (tens, units) = (n % 100, n % 10);
    if (2..=4).contains(&units) && !(12..=14).contains(&tens) {
        few
    } else {
        many
    }
}

/// "N items to do" with the noun in the right form for `n`.
pub fn items_to_do(lang: Lang, n: u64) -> String {
    match lang {
        Lang::Pl => format!(
            "{n} {} do zrobienia",
            polish_plural(n, "punkt", "punkty", "punktów")
        ),
        Lang::En if n == 1 => "1 item to do".to_string(),
        Lang::En => format!("{n} items to do"),
    }
}

/// A title as shown, trimmed, or the word for an untitled plan.
pub fn untitled_or(lang: Lang, title: &str) -> String {
    if title.trim().is_empty() {
        tr(lang, Msg::Untitled).to_string()
    } else {
        title.trim().to_string()
    }
}

/// `text` in the quotation marks of `lang`: „…” in Polish, “…” in English.
pub fn quoted(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Pl => format!("„{text}”"),
        Lang::En => format!("“{text}”"),
    }
}

/// The text of `msg` in `lang` with the keys it names (`{home.new}`) taken from the keymap.
pub fn trk(lang: Lang, msg: Msg) -> String {
    crate::keymap::with_keys(lang, tr(lang, msg))
}

/// The text of `msg` in `lang`.
pub fn tr(lang: Lang, msg: Msg) -> &'static str {
    let (pl, en) = pair(msg);
    match lang {
        Lang::Pl => pl,
        Lang::En => en,
    }
}

fn pair(msg: Msg) -> (&'static str, &'static str) {
    use Msg::*;
    match msg {
        AppName => ("modelownia", "modelownia"),
        Plans => ("Plany działań", "Activity plans"),
        NoPlansTitle => ("Nie masz jeszcze żadnego planu.", "You have no plans yet."),
        NoPlansHint => (
            "Naciśnij {home.new}, aby zacząć nowy plan, albo {home.scenario}, aby zacząć od jednego z przykładów z Gdyni i Nikozji (ilustracyjnych, napisanych dla tego narzędzia). Modelownia poprowadzi cię krok po kroku: od kontekstu i grupy, przez wartości i kierunki pracy, po listę kontrolną i ewaluację.",
            "Press {home.new} to start a new plan, or {home.scenario} to start from one of the examples from Gdynia and Nicosia (illustrative, written for this tool). You will be walked through it step by step: context and group, values and directions of work, the checklist and evaluation.",
        ),
        ReadingPlans => ("Wczytywanie planów…", "Reading the plans…"),
        NoMatch => (
            "Żaden tytuł nie pasuje do filtra.",
            "No title matches the filter.",
        ),
        Filter => ("Filtr", "Filter"),
        Damaged => ("USZKODZONY", "DAMAGED"),
        DamagedHint => (
            "Ten plik nie daje się odczytać. Nie zostanie nadpisany. Popraw go w edytorze albo przywróć kopię ({home.restore}).",
            "This file cannot be read. It will not be overwritten. Fix it in an editor or restore the backup ({home.restore}).",
        ),
        Untitled => ("(bez tytułu)", "(untitled)"),
        ConfirmDelete => ("Przenieść plan do kosza?", "Move the plan to the trash?"),
        Yes => ("tak", "yes"),
        No => ("nie", "no"),
        RenamePrompt => ("Nowy tytuł", "New title"),
        Copy => ("kopia", "copy"),
        Steps => ("Kroki", "Steps"),
        Guide => ("Podpowiedź", "Guide"),
        ModelSource => (
            "Podpowiedzi opisują praktykę Gdyni i Nikozji; nie są cytatami z Modelu.",
            "Guidance follows Gdynia and Nicosia practice; it does not quote the Model.",
        ),
        PlanB => ("Plan B", "Plan B"),
        Saved => ("zapisano", "saved"),
        Saving => ("zapisywanie…", "saving…"),
        NotSaved => ("nie zapisano", "not saved"),
        ReadOnly => ("tylko do odczytu", "read-only"),
        TooSmall => (
            "Powiększ okno (co najmniej 60×20).",
            "Enlarge the window (at least 60×20).",
        ),
        HelpTitle => ("Klawisze", "Keys"),
        HelpClose => ("zamknij pomoc", "close help"),
        Empty => ("— puste —", "— empty —"),
        Chosen => ("wybrane", "chosen"),
        UnknownItem => ("nieznany element", "unknown item"),
        NoteValue => (
            "Jak to działanie realizuje tę wartość?",
            "How does this activity live this value?",
        ),
        NoteDirection => (
            "Dlaczego ten kierunek pasuje do działania?",
            "Why does this direction fit the activity?",
        ),
        NoteMethod => (
            "Jak użyjesz tej metody? (opcjonalnie)",
            "How will you use this method? (optional)",
        ),
        NoteRole => (
            "Kto konkretnie i co robi?",
            "Who exactly, and what do they do?",
        ),
        Description => ("Opis", "Description"),
        Questions => ("Pytania do siebie", "Questions to ask yourself"),
        Aims => ("Cele", "Aims"),
        Steps2 => ("Przebieg", "Steps"),
        Materials => ("Materiały", "Materials"),
        Preparation => ("Przygotowanie", "Preparation"),
        Debriefing => ("Omówienie", "Debriefing"),
        Risks => ("Ryzyka i bezpieczeństwo", "Risks and safeguarding"),
        Variations => ("Warianty", "Variations"),
        GroupSize => ("Grupa", "Group"),
        Ages => ("wiek", "ages"),
        Minutes => ("min", "min"),
        Who => ("Kto to jest", "Who this is"),
        Tasks => ("Zadania", "Tasks"),
        Hint => ("Wskazówka", "Hint"),
        Note => ("Notatka", "Note"),
        Reason => ("Powód (wymagany)", "Reason (required)"),
        StateTodo => ("do zrobienia", "to do"),
        StateDone => ("zrobione", "done"),
        StateNa => ("nie dotyczy", "not applicable"),
        Coverage => ("Pokrycie modelu", "Model coverage"),
        ValuesChosen => ("Wartości", "Values"),
        DirectionsChosen => ("Kierunki pracy", "Directions of work"),
        Justified => ("z uzasadnieniem", "justified"),
        ChecklistProgress => ("Lista kontrolna", "Checklist"),
        GapsTitle => ("Czego jeszcze brakuje", "What is still missing"),
        NoGaps => (
            "Niczego nie brakuje. Plan jest kompletny.",
            "Nothing is missing. The plan is complete.",
        ),
        GapEmpty => ("puste pole", "empty field"),
        GapNoValues => ("nie wybrano żadnej wartości", "no value chosen"),
        GapNoDirections => (
            "nie wybrano żadnego kierunku pracy",
            "no direction of work chosen",
        ),
        GapNoMethods => ("nie wybrano żadnej metody", "no method chosen"),
        GapNoRoles => ("nie przypisano żadnej roli", "no role assigned"),
        GapNoNote => ("brak odpowiedzi przy", "no answer for"),
        GapUnknown => ("nieznany element", "unknown item"),
        GapNoReason => (
            "„nie dotyczy” bez powodu",
            "“not applicable” without a reason",
        ),
        GapNoAgenda => (
            "przebieg: brak części z minutami",
            "agenda: no timed parts yet",
        ),
        GapNoMinutes => ("brak minut", "no minutes"),
        GapNoLead => ("nikt nie prowadzi", "nobody leads it"),
        GapTooLong => ("dłuższe, niż zaplanowano", "longer than planned"),
        Part => ("Część", "Part"),
        Session => ("Spotkanie", "Meeting"),
        AgendaEmpty => (
            "Brak części. Naciśnij {content.add_part}, żeby dodać pierwszą, albo {content.insert_method}, żeby wstawić kroki jednej z wybranych metod.",
            "No parts yet. Press {content.add_part} to add the first one, or {content.insert_method} to insert the steps of one of the chosen methods.",
        ),
        InAll => ("razem", "in all"),
        PlannedLength => ("zaplanowano", "planned"),
        WholePlan => ("Cały plan", "Whole plan"),
        NoStart => ("bez godziny", "no start time"),
        ChooseMethod => ("Wstaw kroki metody", "Insert a method's steps"),
        NoMethodsChosen => (
            "Najpierw wybierz metody w kroku „Metody i formy”.",
            "Choose methods in the Methods and forms step first.",
        ),
        BadMinutes => (
            "Minuty to liczba od 0 do 600; zostawiono poprzednią wartość.",
            "Minutes are a number from 0 to 600; the previous value was kept.",
        ),
        BadAge => (
            "Wiek to liczba lat od 0 do 119, a puste pole znaczy „nie wiadomo”; zostawiono poprzednią wartość.",
            "The age is a number of years from 0 to 119, and an empty box means not known; the previous value was kept.",
        ),
        BadStart => (
            "Godzina startu ma postać RRRR-MM-DDTGG:MM, np. 2026-12-05T16:00; zostawiono poprzednią.",
            "A start time looks like YYYY-MM-DDTHH:MM, e.g. 2026-12-05T16:00; the previous one was kept.",
        ),
        PartDeleted => (
            "Część usunięta; u ją przywraca.",
            "Part deleted; u brings it back.",
        ),
        PromptWhat => ("Co się dzieje w tej części?", "What happens in this part?"),
        PromptLead => (
            "Kto prowadzi? Rola albo imię.",
            "Who leads it? A role or a name.",
        ),
        PromptMinutes => ("Ile minut?", "How many minutes?"),
        PromptStart => (
            "Kiedy start? RRRR-MM-DDTGG:MM",
            "When does it start? YYYY-MM-DDTHH:MM",
        ),
        PromptLabel => ("Jak nazwać to spotkanie?", "What is this meeting called?"),
        PromptPlanned => (
            "Ile minut może trwać całe spotkanie? (0: bez limitu)",
            "How long may the whole meeting take, in minutes? (0: no limit)",
        ),
        AgendaGuide => (
            "Dobry przebieg ma otwarcie, część główną, omówienie i zamknięcie. Zostaw kilka minut zapasu na przejścia i spóźnionych.",
            "A good agenda has an opening, the main part, a debrief and a closing. Leave a few spare minutes for changeovers and latecomers.",
        ),
        KAddPart => ("dodaj część", "add part"),
        KInsertMethod => ("wstaw metodę", "insert method"),
        KMinutes => ("minuty", "minutes"),
        KLead => ("prowadzący", "lead"),
        KStartTime => ("godzina startu", "start time"),
        KPlanned => ("długość spotkania", "meeting length"),
        KMoveUp => ("przesuń w górę", "move up"),
        KMoveDown => ("przesuń w dół", "move down"),
        KDeletePart => ("usuń część", "delete part"),
        KUndoDelete => ("przywróć usuniętą", "undo delete"),
        KAddSession => ("nowe spotkanie", "new meeting"),
        KRun => ("prowadź spotkanie", "run the session"),
        RunTitle => ("Prowadzenie", "Facilitation"),
        RunNotStarted => ("nie rozpoczęto", "not started"),
        RunRunning => ("trwa", "running"),
        RunPaused => ("pauza", "paused"),
        RunNext => ("Potem", "Next"),
        RunLast => (
            "To ostatnia część spotkania.",
            "This is the last part of the meeting.",
        ),
        RunSessionLeft => ("do końca spotkania", "left in the meeting"),
        RunOvertime => ("po czasie", "overtime"),
        RunNotePrompt => (
            "Notatka ({editing.done_enter} zapisuje, {editing.cancel} anuluje)",
            "Note ({editing.done_enter} saves, {editing.cancel} cancels)",
        ),
        RunLeaveQuestion => (
            "Minutnik chodzi. Zakończyć prowadzenie?",
            "The timer is running. Stop facilitating?",
        ),
        RunNoParts => (
            "To spotkanie nie ma części: dodaj je w kroku „Przebieg”.",
            "This meeting has no parts: add them in the Agenda step.",
        ),
        RunNotes => ("Notatki", "Notes"),
        RunDebrief => ("Pytania na omówienie", "Debrief questions"),
        RunSteps => ("Kroki metody", "Method steps"),
        KStartPause => ("start/pauza", "start/pause"),
        KMoreMinute => ("+1 min", "+1 min"),
        KLessMinute => ("−1 min", "−1 min"),
        KNextPart => ("następna", "next part"),
        KPrevPart => ("poprzednia", "previous part"),
        KCapture => ("notatka", "note"),
        KLeave => ("zakończ", "leave"),
        AgendaRun => (
            "Przebieg: plan i rzeczywistość",
            "Agenda: planned and actual",
        ),
        Actual => ("faktycznie", "actual"),
        NotRun => ("nie prowadzono", "not run"),
        ExportAgenda => ("Przebieg", "Agenda"),
        ExportStart => ("Start", "Start"),
        ExportWhat => ("Co się dzieje", "What happens"),
        ExportLead => ("Prowadzi", "Leads"),
        ExportNotes => ("Notatki z prowadzenia", "Notes from running it"),
        KMoreFive => ("+5 min", "+5 min"),
        KLessFive => ("−5 min", "−5 min"),
        GapPartTooLong => (
            "ponad 600 minut – to chyba pomyłka",
            "over 600 minutes – surely a typo",
        ),
        GapBadStart => (
            "godzina startu nie ma postaci RRRR-MM-DDTGG:MM",
            "the start time is not YYYY-MM-DDTHH:MM",
        ),
        KTakeSide => ("ta / tamta wersja", "this / other version"),
        KKeepMine => ("wszystko moje", "keep all mine"),
        KKeepTheirs => ("wszystko tamto", "take all theirs"),
        KApply => ("zastosuj", "apply"),
        KCompare => ("porównaj wersje", "compare versions"),
        KTakeOver => ("edytuj tutaj", "edit here"),
        KToReview => ("wróć do przeglądu", "back to the review"),
        KUndoTrash => ("cofnij usunięcie", "undo delete"),
        KFillFromMethods => ("dopisz z metod", "add from the methods"),
        KContact => ("kontakt", "contact"),
        KNextSlide => ("dalej", "next"),
        KPresent => ("pokaz dla sali", "present to a room"),
        KBrowse => ("przeglądaj model", "browse the model"),
        KFollow => ("otwórz", "open"),
        KSearch => ("szukaj", "search"),
        KDetailDown => ("opis w dół", "scroll the text down"),
        KDetailUp => ("opis w górę", "scroll the text up"),
        BrowseTitle => ("Model", "The model"),
        BrowseAll => ("Wszystko w modelu", "Everything in the model"),
        BrowseLinks => ("Powiązania", "Links"),
        BrowseNoLinks => (
            "Ten element nie łączy się z innymi.",
            "This item has no links to others.",
        ),
        BrowseNoMatch => (
            "Nic w modelu nie pasuje do wyszukiwania.",
            "Nothing in the model matches the search.",
        ),
        BrowseSearchPrompt => ("Szukaj", "Search"),
        Provenance => ("Źródło", "Source"),
        Phase => ("Etap", "Phase"),
        EvaluationHow => ("Po czym poznać zmianę", "How the change shows"),
        KShow => ("pokaż", "show"),
        PresentTitle => ("Co pokazać?", "What to present?"),
        PresentThisPlan => ("Wybrany plan", "The selected plan"),
        PresentExample => ("Przykład", "Example"),
        KCycleTheme => ("zmień motyw", "next theme"),
        KAccessible => ("tryb dostępności", "accessible mode"),
        KPrevSlide => ("wstecz", "back"),
        KReveal => ("następne pytanie", "next question"),
        KFirstSlide => ("pierwszy slajd", "first slide"),
        KLastSlide => ("ostatni slajd", "last slide"),
        KEndPresentation => ("zakończ pokaz", "end the show"),
        PresentJump => ("przejdź do slajdu", "go to slide"),
        PresentQuestion => ("Pytanie", "Question"),
        PresentMoreQuestions => ("↓ kolejne pytanie", "↓ next question"),
        AdviceTitle => ("Rady z praktyki", "Advice from practice"),
        ContactQuestion => (
            "Kontakt: telefon lub e-mail (trafi na kartę kontaktów alarmowych)",
            "Contact: phone or e-mail (it goes on the emergency-contacts sheet)",
        ),
        Contact => ("Kontakt", "Contact"),
        GroupNeedsHere => (
            "Z kroku Grupa — potrzeby uczestników",
            "From the Group step — participants' needs",
        ),
        KTrash => ("kosz", "trash"),
        KRestoreFromTrash => ("przywróć", "restore"),
        KEmptyTrash => ("opróżnij kosz", "empty the trash"),
        KClose => ("zamknij", "close"),
        TrashTitle => ("Kosz", "Trash"),
        TrashEmpty => ("Kosz jest pusty.", "The trash is empty."),
        ConfirmEmptyTrash => (
            "Usunąć na dobre wszystkie plany z kosza? Tego nie da się cofnąć.",
            "Delete every plan in the trash for good? This cannot be undone.",
        ),
        NothingToRestore => (
            "Ten plan czyta się dobrze: {home.restore} przywraca z kopii zapasowej tylko uszkodzony plan.",
            "This plan reads fine: {home.restore} restores only a damaged plan from its backup.",
        ),
        LockFreed => (
            "drugie okno zwolniło plan · E edytuj",
            "the other window let it go · E edit here",
        ),
        TookOver => (
            "Plan wczytany ponownie z dysku; możesz go teraz edytować w tym oknie.",
            "The plan was read again from disk; you can edit it in this window now.",
        ),
        CompareTitle => ("Porównanie wersji", "Compare versions"),
        CompareMine => ("Ta wersja", "This version"),
        CompareTheirs => ("Tamta wersja", "The other version"),
        CompareSame => (
            "Obie wersje są takie same: zastosowanie tylko odłoży tamten plik do kosza.",
            "Both versions are the same: applying only moves the other file to the trash.",
        ),
        CompareHelp => (
            "{compare.toggle} wybiera wersję pola, {compare.confirm} zapisuje wynik. Odrzucona wersja trafia do kosza.",
            "{compare.toggle} picks a field's version, {compare.confirm} saves the result. The version left out goes to the trash.",
        ),
        Rescued => ("uratowane zmiany", "rescued changes"),
        ConflictFrom => ("konflikt synchronizacji", "sync conflict"),
        OnDiskChanged => ("plik zmieniony gdzie indziej", "the file changed elsewhere"),
        Resolved => (
            "Wersje połączone; odrzucona jest w koszu.",
            "Versions merged; the one left out is in the trash.",
        ),
        NothingToCompare => (
            "Ten plan nie ma innych wersji do porównania.",
            "This plan has no other versions to compare.",
        ),
        ClosedRescued => (
            "Niezapisane zmiany odłożono do folderu recovered/; porównasz je z listy planów ({home.compare}).",
            "The unsaved changes were put in recovered/; compare them from the plan list ({home.compare}).",
        ),
        CountParts => ("części", "parts"),
        CountNotes => ("notatki", "notes"),
        Progress => ("postęp", "progress"),
        LastChange => ("zmiana", "changed"),
        Title => ("Tytuł", "Title"),
        QuitUnsaved => (
            "Ostatnie zmiany NIE są na dysku. Naciśnij {global.quit} jeszcze raz, aby mimo to wyjść.",
            "The latest changes are NOT on disk. Press {global.quit} again to quit anyway.",
        ),
        FilterMethods => ("szukaj", "search"),
        OnlyDirections => (
            "tylko pasujące do wybranych kierunków",
            "only those fitting the chosen directions",
        ),
        AllMethods => ("wszystkie metody", "all methods"),
        KeyGroupMove => ("Poruszanie się", "Moving around"),
        KeyGroupEdit => ("Edycja", "Editing"),
        KeyGroupPlans => ("Plany", "Plans"),
        KeyGroupApp => ("Aplikacja", "Application"),
        KUp => ("w górę", "up"),
        KDown => ("w dół", "down"),
        KNextField => ("następne pole", "next field"),
        KPrevField => ("poprzednie pole", "previous field"),
        KOpen => ("otwórz", "open"),
        KBack => ("wstecz", "back"),
        KToggle => ("zaznacz", "toggle"),
        KShowHidden => ("ukryte punkty", "hidden items"),
        KCheckCycle => ("✓ / nie dotyczy", "✓ / not applicable"),
        KNoteOrReason => ("notatka/powód", "note/reason"),
        KNew => ("nowy plan", "new plan"),
        KDuplicate => ("duplikuj", "duplicate"),
        KRename => ("zmień tytuł", "rename"),
        KDelete => ("usuń", "delete"),
        KFilter => ("filtruj", "filter"),
        KHelp => ("pomoc", "help"),
        KSave => ("zapisz", "save"),
        KQuit => ("wyjdź", "quit"),
        KLang => ("PL/EN", "PL/EN"),
        KNextStep => ("następny krok", "next step"),
        KPrevStep => ("poprzedni krok", "previous step"),
        KConfirm => ("potwierdź", "confirm"),
        KCancel => ("anuluj", "cancel"),
        KDone => ("zakończ edycję", "finish editing"),
        KUndo => ("cofnij", "undo"),
        KRestore => ("przywróć kopię", "restore backup"),
        KDirFilter => ("filtr kierunków", "direction filter"),
        KEdit => ("edytuj", "edit"),
        KFromScenario => ("z przykładu", "from example"),
        KStart => ("zacznij od tego", "start from this"),
        KClearFilter => ("wyczyść filtr", "clear filter"),
        OpenElsewhere => (
            "plan jest otwarty w innym oknie modelowni",
            "the plan is open in another modelownia window",
        ),
        CloseUnsaved => (
            "Ostatnich zmian nie udało się zapisać, więc plan zostaje otwarty. Zmiany są w pamięci; zapis jest ponawiany.",
            "The latest changes could not be saved, so the plan stays open. They are kept in memory and saving is retried.",
        ),
        Gdynia => ("Gdynia", "Gdynia"),
        Nicosia => ("Nikozja", "Nicosia"),
        GuideMore => ("J/K przewija", "J/K scrolls"),
        ServesValues => ("Służy wartościom", "Serves the values"),
        ServesDirections => ("Wspiera kierunki", "Supports the directions"),
        FittingMethods => ("Pasujące metody", "Methods that fit"),
        FitsDirections => ("Pasuje do kierunków", "Fits the directions"),
        KGoTo => ("przejdź", "go to"),
        KExport => ("eksport", "export"),
        KExportNow => ("eksportuj", "export"),
        Exported => ("Wyeksportowano:", "Exported:"),
        ExportTitle => ("Eksport planu", "Export the plan"),
        ExportMarkdown => (
            "Materiał dla zespołu — Markdown (.md)",
            "Handout — Markdown (.md)",
        ),
        ExportHtml => (
            "Materiał dla zespołu — HTML do druku (.html)",
            "Handout — HTML to print (.html)",
        ),
        ExportPack => (
            "Materiał + pakiet do druku: zgody, lista obecności, kontakty (.html)",
            "Handout + print pack: consent, attendance, contacts (.html)",
        ),
        ExportRon => (
            "Plik planu dla współpracownika (.ron)",
            "The plan file, for a colleague (.ron)",
        ),
        ExportWhere => (
            "Plik trafi do folderu eksportów:",
            "The file goes to the exports folder:",
        ),
        RecoveredTo => (
            "Niezapisane zmiany zapisano obok planu w pliku",
            "Unsaved changes were written beside the plan to",
        ),
        RecoverFailed => (
            "Nie udało się zapisać niezapisanych zmian",
            "The unsaved changes could not be written",
        ),
        KGuideDown => ("przewiń podpowiedź w dół", "scroll the guide down"),
        KGuideUp => ("przewiń podpowiedź w górę", "scroll the guide up"),
        NewerVersion => (
            "plik zapisała nowsza wersja modelowni; zaktualizuj program, aby go edytować",
            "the file was written by a newer modelownia; update it to edit this plan",
        ),
        ScenarioTitle => (
            "Nowy plan na podstawie przykładu",
            "New plan from an example",
        ),
    }
}

/// The name of a workbook step.
pub fn step_name(lang: Lang, step: Step) -> &'static str {
    let (pl, en) = match step {
        Step::Context => ("Kontekst", "Context"),
        Step::Group => ("Grupa", "Group"),
        Step::Needs => ("Potrzeby i zasoby", "Needs and resources"),
        Step::Goals => ("Cele", "Goals"),
        Step::Values => ("Wartości", "Values"),
        Step::Directions => ("Kierunki pracy", "Directions of work"),
        Step::Methods => ("Metody i formy", "Methods and forms"),
        Step::Agenda => ("Przebieg", "Agenda"),
        Step::Roles => ("Role i partnerzy", "Roles and partners"),
        Step::Logistics => ("Logistyka i bezpieczeństwo", "Logistics and safety"),
        Step::Checklist => ("Lista kontrolna", "Checklist"),
        Step::Evaluation => ("Ewaluacja", "Evaluation"),
        Step::Review => ("Przegląd", "Review"),
    };
    pick(lang, pl, en)
}

/// What a step is for, shown under its title.
pub fn step_intro(lang: Lang, step: Step) -> String {
    crate::keymap::with_keys(lang, step_intro_text(lang, step))
}

fn step_intro_text(lang: Lang, step: Step) -> &'static str {
    let (pl, en) = match step {
        Step::Context => (
            "Zapisz, co chcesz zrobić, gdzie i kiedy. Wystarczy kilka zdań: szczegóły dojdą w kolejnych krokach.",
            "Write down what you want to do, where and when. A few sentences are enough: details come in the next steps.",
        ),
        Step::Group => (
            "Z kim pracujesz? Im dokładniej opiszesz grupę, tym łatwiej dobierzesz metody i zadbasz o bezpieczeństwo.",
            "Who are you working with? The better you describe the group, the easier it is to choose methods and keep everyone safe.",
        ),
        Step::Needs => (
            "Zacznij od tego, co już jest: ludzi, miejsc, umiejętności. Potrzeby zapisuj tak, jak nazwali je mieszkańcy.",
            "Start from what is already there: people, places, skills. Write needs the way residents named them.",
        ),
        Step::Goals => (
            "Jaka zmiana ma nastąpić? Osobno dla grupy i dla okolicy.",
            "What change do you want to see? Separately for the group and for the neighbourhood.",
        ),
        Step::Values => (
            "Wybierz wartości, którymi kieruje się działanie ({content.toggle}), i przy każdej napisz, jak je realizujesz ({content.open}).",
            "Pick the values the activity stands on ({content.toggle}) and for each write how it lives them ({content.open}).",
        ),
        Step::Directions => (
            "Wybierz kierunki pracy modelu, w które wpisuje się działanie, i uzasadnij każdy wybór.",
            "Pick the model's directions of work the activity follows and justify each choice.",
        ),
        Step::Agenda => (
            "Rozpisz spotkania na części z minutami: co się dzieje, kto prowadzi, jaka metoda. Godziny startu liczą się same; {content.add_part} dodaje część, {content.insert_method} wstawia kroki wybranej metody.",
            "Break each meeting into timed parts: what happens, who leads, which method. Start times add up by themselves; {content.add_part} adds a part, {content.insert_method} inserts the steps of a chosen method.",
        ),
        Step::Methods => (
            "Wybierz metody. Klawisz {content.dir_filter} pokazuje tylko te, które pasują do wybranych kierunków; {content.filter} szuka w nazwach.",
            "Pick methods. Press {content.dir_filter} to show only those fitting the chosen directions; {content.filter} searches the names.",
        ),
        Step::Roles => (
            "Kto co robi? Przy każdej roli wpisz konkretną osobę lub organizację i jej zadanie.",
            "Who does what? For each role name the person or organisation and their task.",
        ),
        Step::Logistics => (
            "Materiały, pieniądze, zgody i bezpieczeństwo: to, o czym łatwo zapomnieć, a co decyduje o tym, czy zajęcia się odbędą.",
            "Materials, money, consent and safety: easy to forget, and they decide whether the activity happens at all.",
        ),
        Step::Checklist => (
            "Punkty modelu dla każdej fazy. {content.toggle} zmienia stan: do zrobienia → zrobione → nie dotyczy (wtedy podaj powód).",
            "The model's items for each phase. {content.toggle} changes the state: to do → done → not applicable (then give a reason).",
        ),
        Step::Evaluation => (
            "Po czym poznasz, że się udało? Po działaniu wróć tu i zapisz, co zadziałało, a co zmienisz.",
            "How will you know it worked? After the activity come back and write what worked and what you will change.",
        ),
        Step::Review => (
            "Przegląd planu: pokrycie modelu, postęp listy kontrolnej i braki. {content.open} na braku przenosi do właściwego kroku.",
            "Plan review: model coverage, checklist progress and gaps. {content.open} on a gap takes you to its step.",
        ),
    };
    pick(lang, pl, en)
}

/// A field's label.
pub fn field_label(lang: Lang, field: FieldId) -> &'static str {
    let (pl, en) = field_texts(field).0;
    pick(lang, pl, en)
}

/// A field's prompt: the question to answer in it.
pub fn field_prompt(lang: Lang, field: FieldId) -> &'static str {
    let (pl, en) = field_texts(field).1;
    pick(lang, pl, en)
}

type Pair = (&'static str, &'static str);

fn field_texts(field: FieldId) -> (Pair, Pair) {
    use FieldId::*;
    match field {
        Title => (
            ("Tytuł", "Title"),
            (
                "Krótka nazwa, po której rozpoznasz plan na liście, np. „Spacer badawczy po Chyloni”.",
                "A short name to find the plan by, e.g. “Research walk around the estate”.",
            ),
        ),
        Area => (
            ("Dzielnica / obszar", "District / area"),
            (
                "W jakiej dzielnicy lub części obszaru rewitalizacji to się dzieje?",
                "Which district or part of the revitalisation area is it in?",
            ),
        ),
        Place => (
            ("Miejsce", "Place"),
            (
                "Gdzie dokładnie: dom sąsiedzki, podwórko, szkoła, plener? Czy jest plan B na deszcz?",
                "Where exactly: neighbourhood house, courtyard, school, outdoors? Is there a plan B for rain?",
            ),
        ),
        Dates => (
            ("Terminy i czas trwania", "Dates and duration"),
            (
                "Kiedy i jak długo: jedno spotkanie czy cykl? O jakiej porze młodzież naprawdę może przyjść?",
                "When and for how long: one session or a series? At what time can young people really come?",
            ),
        ),
        Idea => (
            ("Pomysł", "The idea"),
            (
                "Opisz pomysł w kilku zdaniach, tak jak opowiadasz o nim komuś z zespołu.",
                "Describe the idea in a few sentences, as you would tell a colleague on the team.",
            ),
        ),
        PreparedBy => (
            ("Kto przygotowuje", "Prepared by"),
            (
                "Twoje imię i nazwisko oraz organizacja, tak jak mają się znaleźć na materiale dla koordynatora, np. „Anna Nowak, Przystań Obłuże”.",
                "Your name and organisation as the coordinator should see them on the handout, e.g. “Anna Nowak, Obłuże neighbourhood house”.",
            ),
        ),
        Who => (
            ("Kto (wiek, liczba osób)", "Who (ages, size)"),
            (
                "Ile osób, w jakim wieku, co je łączy? Czy ktoś już jest w grupie, a kogo dopiero szukasz?",
                "How many people, what ages, what do they share? Who is already in, and whom are you still looking for?",
            ),
        ),
        Reach => (
            ("Jak do nich dotrzesz", "How they are reached"),
            (
                "Przez kogo i gdzie zaprosisz uczestników: streetworkerów, szkołę, rodziców, media społecznościowe?",
                "Through whom and where will you invite them: streetworkers, school, parents, social media?",
            ),
        ),
        GroupNeeds => (
            (
                "Szczególne potrzeby i dostępność",
                "Special needs and accessibility",
            ),
            (
                "Kto może potrzebować wsparcia, by wziąć udział: niepełnosprawność, język, opieka nad rodzeństwem, pieniądze na bilet?",
                "Who may need support to take part: disability, language, looking after siblings, money for a ticket?",
            ),
        ),
        Observed => (
            ("Co zaobserwowano", "What was observed"),
            (
                "Jakie potrzeby widać i słychać w okolicy? Zapisz je słowami mieszkańców, nie urzędowym językiem.",
                "What needs did you notice or hear? Write them in residents' words, not in official language.",
            ),
        ),
        How => (
            ("Skąd to wiesz", "How you know"),
            (
                "Jak to sprawdzono: spacer badawczy, rozmowy na podwórku, ankieta, spotkanie zespołu wsparcia?",
                "How was it found out: research walk, talks in the courtyard, a survey, a support-team meeting?",
            ),
        ),
        Strengths => (
            ("Mocne strony i zasoby", "Strengths and assets"),
            (
                "Co ludzie i okolica już mają: umiejętności, liderów, miejsca, organizacje, sąsiedzką życzliwość?",
                "What do the people and the area already have: skills, leaders, places, organisations, goodwill?",
            ),
        ),
        GoalGroup => (
            ("Zmiana dla grupy", "Change for the group"),
            (
                "Co uczestnicy będą umieli, wiedzieli lub robili inaczej po działaniu?",
                "What will participants be able to do, know or do differently afterwards?",
            ),
        ),
        GoalNeighbourhood => (
            ("Zmiana dla okolicy", "Change for the neighbourhood"),
            (
                "Co zmieni się w sąsiedztwie: relacje, miejsce, nowa inicjatywa mieszkańców?",
                "What will change in the neighbourhood: relationships, a place, a new residents' initiative?",
            ),
        ),
        Partners => (
            ("Inne osoby i partnerzy", "Other people and partners"),
            (
                "Kogo jeszcze potrzebujesz poza rolami z modelu: firma, klub sportowy, parafia, wspólnota mieszkaniowa?",
                "Who else do you need beyond the model's roles: a business, a sports club, a parish, a housing community?",
            ),
        ),
        Materials => (
            ("Materiały", "Materials"),
            (
                "Co trzeba kupić, pożyczyć lub przynieść? Kto za to odpowiada?",
                "What must be bought, borrowed or brought? Who is responsible?",
            ),
        ),
        Budget => (
            ("Budżet", "Budget"),
            (
                "Ile to kosztuje i skąd są pieniądze?",
                "What does it cost and where does the money come from?",
            ),
        ),
        Consent => (
            ("Zgody", "Consent"),
            (
                "Jakie zgody zbierasz od rodziców lub opiekunów niepełnoletnich: udział, informacje o zdrowiu, wizerunek? Kto je przechowuje?",
                "What consent do you collect from parents or guardians of minors: taking part, health information, photos? Who keeps it?",
            ),
        ),
        Safeguarding => (
            ("Ochrona małoletnich", "Safeguarding"),
            (
                "Kto jest osobą odpowiedzialną za standardy ochrony małoletnich? Co robisz, gdy podejrzewasz krzywdę dziecka?",
                "Who is responsible for the child-protection standards? What do you do if you suspect a child is being harmed?",
            ),
        ),
        Accessibility => (
            ("Dostępność", "Accessibility"),
            (
                "Czy miejsce jest dostępne bez schodów, z toaletą, dobrze dojechać? Czy zaproszenie rozumie każdy?",
                "Is the place step-free, with a toilet, easy to reach? Can everyone understand the invitation?",
            ),
        ),
        Risks => (
            (
                "Ryzyka i zaradcze kroki",
                "Risks and what you do about them",
            ),
            (
                "Co może pójść nie tak (pogoda, konflikt w grupie, wypadek, nikt nie przyjdzie) i co wtedy zrobisz?",
                "What could go wrong (weather, conflict in the group, an accident, nobody comes) and what will you do?",
            ),
        ),
        Indicators => (
            ("Wskaźniki zmiany", "Indicators of change"),
            (
                "Po czym poznasz, że zmiana nastąpiła? Co da się zobaczyć, policzyć lub usłyszeć?",
                "How will you know the change happened? What can be seen, counted or heard?",
            ),
        ),
        Feedback => (
            (
                "Jak zbierzesz informację zwrotną",
                "How feedback is gathered",
            ),
            (
                "Jak uczestnicy powiedzą, co myślą: rundka, kartki, tarcza, krótka rozmowa? Kiedy to zrobisz?",
                "How will participants say what they think: a round, sticky notes, a target, a short talk? When?",
            ),
        ),
        Worked => (
            ("Po działaniu: co zadziałało", "Afterwards: what worked"),
            (
                "Wypełnij po działaniu. Co poszło lepiej niż w planie?",
                "Fill in afterwards. What went better than you expected?",
            ),
        ),
        Change => (
            ("Po działaniu: co zmienić", "Afterwards: what to change"),
            (
                "Wypełnij po działaniu. Co zrobisz inaczej następnym razem?",
                "Fill in afterwards. What will you do differently next time?",
            ),
        ),
    }
}

fn pick(lang: Lang, pl: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Pl => pl,
        Lang::En => en,
    }
}

#[cfg(test)]
mod plural_tests {
    use super::*;

    #[test]
    fn counts_agree_in_polish_and_english() {
        let pl: Vec<String> = [0, 1, 2, 4, 5, 12, 21, 22, 25]
            .iter()
            .map(|n| items_to_do(Lang::Pl, *n))
            .collect();
        assert_eq!(
            pl,
            [
                "0 punktów do zrobienia",
                "1 punkt do zrobienia",
                "2 punkty do zrobienia",
                "4 punkty do zrobienia",
                "5 punktów do zrobienia",
                "12 punktów do zrobienia",
                "21 punktów do zrobienia",
                "22 punkty do zrobienia",
                "25 punktów do zrobienia",
            ]
        );
        let en: Vec<String> = [0, 1, 2, 4, 5, 12, 21, 22, 25]
            .iter()
            .map(|n| items_to_do(Lang::En, *n))
            .collect();
        assert_eq!(en[0], "0 items to do");
        assert_eq!(en[1], "1 item to do");
        assert!(
            en[2..].iter().all(|s| s.ends_with(" items to do")),
            "{en:?}"
        );
        assert_eq!(polish_plural(112, "osoba", "osoby", "osób"), "osób");
        assert_eq!(polish_plural(104, "osoba", "osoby", "osób"), "osoby");
    }
}
