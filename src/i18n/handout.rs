//! The words of the handout and the print pack, in Polish and English side by side.

use crate::lang::Lang;

/// A handout or print-pack string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum W {
    Group,
    PreparedBy,
    IdeaAndGoals,
    ValuesAndDirections,
    Values,
    Directions,
    Agenda,
    Methods,
    MethodSteps,
    Materials,
    RolesAndPeople,
    ConsentAndSafety,
    MethodRisks,
    Accessibility,
    Evaluation,
    SignOff,
    SignPrepared,
    SignApproved,
    SignDate,
    Appendix,
    AppendixChecklist,
    AppendixGaps,
    NotesFromRun,
    Actual,
    Number,
    Name,
    Signature,
    Present,
    ConsentTitle,
    ConsentChild,
    ConsentGuardian,
    ConsentPhone,
    ConsentTakePart,
    ConsentImages,
    ConsentNoImages,
    DataTitle,
    DataController,
    DataPurpose,
    DataRetention,
    DataContact,
    DataRights,
    ConsentSigned,
    AttendanceTitle,
    MaterialsTitle,
    ContactsTitle,
    ContactsRole,
    ContactsPerson,
    ContactsPhone,
    ContactsEmergency,
    ContactsVenue,
    ContactsClinic,
    FeedbackTitle,
    FeedbackIntro,
    FeedbackLiked,
    FeedbackChange,
    FeedbackSay,
    FeedbackFeel,
    FeedbackAgain,
    FeedbackAnything,
}

/// The text of `w` in `lang`.
pub fn word(lang: Lang, w: W) -> &'static str {
    let (pl, en) = pair(w);
    match lang {
        Lang::Pl => pl,
        Lang::En => en,
    }
}

fn pair(w: W) -> (&'static str, &'static str) {
    use W::*;
    match w {
        Group => ("Grupa", "Group"),
        PreparedBy => ("Przygotowuje", "Prepared by"),
        IdeaAndGoals => ("Pomysł i cele", "Idea and goals"),
        ValuesAndDirections => (
            "Wartości i kierunki działań",
            "Values and directions of work",
        ),
        Values => ("Wartości", "Values"),
        Directions => ("Kierunki działań", "Directions of work"),
        Agenda => ("Przebieg", "Agenda"),
        Methods => ("Metody", "Methods"),
        MethodSteps => ("Krok po kroku", "Step by step"),
        Materials => ("Materiały", "Materials"),
        RolesAndPeople => ("Role i osoby", "Roles and people"),
        ConsentAndSafety => ("Zgody i bezpieczeństwo", "Consent and safety"),
        MethodRisks => (
            "Na co uważać przy wybranych metodach",
            "What to watch for in the chosen methods",
        ),
        Accessibility => ("Dostępność", "Accessibility"),
        Evaluation => ("Ewaluacja", "Evaluation"),
        SignOff => ("Zatwierdzenie", "Sign-off"),
        SignPrepared => (
            "Przygotował(a) — imię, nazwisko, podpis",
            "Prepared by — name and signature",
        ),
        SignApproved => (
            "Zatwierdził(a) — imię, nazwisko, funkcja, podpis",
            "Approved by — name, position and signature",
        ),
        SignDate => ("Data", "Date"),
        Appendix => ("Załącznik", "Appendix"),
        AppendixChecklist => ("Lista kontrolna", "Checklist"),
        AppendixGaps => ("Czego jeszcze brakuje", "What is still missing"),
        NotesFromRun => ("Notatki z prowadzenia", "Notes from running it"),
        Actual => ("faktycznie", "actual"),
        Number => ("Lp.", "No."),
        Name => ("Imię i nazwisko", "Name"),
        Signature => ("Podpis", "Signature"),
        Present => ("Obecność", "Present"),
        ConsentTitle => (
            "Zgoda rodzica lub opiekuna: udział i wizerunek",
            "Parent or guardian consent: taking part and images",
        ),
        ConsentChild => ("Imię i nazwisko dziecka", "Child's name"),
        ConsentGuardian => (
            "Imię i nazwisko rodzica lub opiekuna",
            "Parent's or guardian's name",
        ),
        ConsentPhone => (
            "Telefon do rodzica lub opiekuna w czasie zajęć",
            "Parent's or guardian's phone during the activity",
        ),
        ConsentTakePart => (
            "Zgadzam się na udział mojego dziecka w zajęciach opisanych powyżej.",
            "I agree that my child may take part in the activity described above.",
        ),
        ConsentImages => (
            "Zgadzam się na robienie zdjęć i nagrań z udziałem mojego dziecka oraz ich \
             publikację w celu opisanym niżej.",
            "I agree that photos and recordings showing my child may be taken and published \
             for the purpose given below.",
        ),
        ConsentNoImages => (
            "Nie zgadzam się na zdjęcia ani nagrania z udziałem mojego dziecka.",
            "I do not agree to photos or recordings showing my child.",
        ),
        DataTitle => (
            "Informacja o danych osobowych",
            "How personal data is handled",
        ),
        DataController => (
            "Administrator danych (nazwa i adres organizacji)",
            "Data controller (organisation's name and address)",
        ),
        DataPurpose => (
            "Cel: po co zbieramy dane i wizerunek",
            "Purpose: why the data and images are collected",
        ),
        DataRetention => (
            "Jak długo przechowujemy dane i zdjęcia",
            "How long the data and images are kept",
        ),
        DataContact => ("Kontakt w sprawie danych", "Who to contact about the data"),
        DataRights => (
            "Masz prawo wglądu do danych, ich poprawienia i usunięcia, a zgodę na wizerunek \
             możesz wycofać w każdej chwili; wycofanie nie działa wstecz.",
            "You may see, correct and delete the data, and you may withdraw the image consent \
             at any time; withdrawing it does not undo what was published before.",
        ),
        ConsentSigned => (
            "Data i podpis rodzica lub opiekuna",
            "Date and parent's or guardian's signature",
        ),
        AttendanceTitle => ("Lista obecności", "Attendance sheet"),
        MaterialsTitle => ("Materiały do zabrania", "Materials to bring"),
        ContactsTitle => ("Kontakty na wypadek nagłej sytuacji", "Emergency contacts"),
        ContactsRole => ("Rola", "Role"),
        ContactsPerson => ("Kto", "Who"),
        ContactsPhone => ("Telefon", "Phone"),
        ContactsEmergency => ("Numer alarmowy", "Emergency number"),
        ContactsVenue => ("Gospodarz miejsca", "Venue contact"),
        ContactsClinic => (
            "Najbliższa przychodnia lub SOR",
            "Nearest clinic or emergency department",
        ),
        FeedbackTitle => ("Jak było? Twoje zdanie", "How was it? Tell us"),
        FeedbackIntro => (
            "Nie musisz się podpisywać. Twoje odpowiedzi pomogą nam przygotować następne spotkania.",
            "You don't have to write your name. Your answers help us plan the next meetings.",
        ),
        FeedbackLiked => ("Co podobało ci się najbardziej?", "What did you like most?"),
        FeedbackChange => (
            "Co zmienił(a)byś następnym razem?",
            "What would you change next time?",
        ),
        FeedbackSay => (
            "Czy mogłeś / mogłaś decydować o tym, co robimy? (tak / trochę / nie)",
            "Did you get a say in what we did? (yes / a bit / no)",
        ),
        FeedbackFeel => (
            "Jak się czułeś / czułaś na zajęciach? (1 = źle, 5 = świetnie)",
            "How did you feel during the activity? (1 = bad, 5 = great)",
        ),
        FeedbackAgain => (
            "Czy przyjdziesz na kolejne spotkanie? (tak / może / nie)",
            "Will you come to the next meeting? (yes / maybe / no)",
        ),
        FeedbackAnything => (
            "Coś jeszcze, co chcesz nam powiedzieć?",
            "Anything else you want to tell us?",
        ),
    }
}

/// Where the plan came from, in a sentence.
pub fn origin_scenario(lang: Lang, title: &str) -> String {
    match lang {
        Lang::Pl => format!("Na podstawie przykładowego scenariusza „{title}”."),
        Lang::En => format!("Based on the example scenario “{title}”."),
    }
}

/// A copy of another plan.
pub fn origin_copy(lang: Lang, title: &str, id: &str) -> String {
    match lang {
        Lang::Pl => format!("Kopia planu „{title}” ({id})."),
        Lang::En => format!("A copy of the plan “{title}” ({id})."),
    }
}

/// An imported file; `was` is the id it had to give up, if any.
pub fn origin_import(lang: Lang, file: &str, date: &str, was: &str) -> String {
    let base = match lang {
        Lang::Pl => format!("Zaimportowany z pliku {file} ({date})"),
        Lang::En => format!("Imported from the file {file} ({date})"),
    };
    match (lang, was.is_empty()) {
        (_, true) => format!("{base}."),
        (Lang::Pl, false) => format!("{base}; w tamtym pliku miał identyfikator {was}."),
        (Lang::En, false) => format!("{base}; its id there was {was}."),
    }
}

/// The feedback question about the plan's own goal for the group.
pub fn feedback_goal(lang: Lang, goal: &str) -> String {
    match lang {
        Lang::Pl => format!("Nasz cel: „{goal}”. Czy to się udało? (tak / trochę / nie)"),
        Lang::En => format!("Our aim: “{goal}”. Did it work out? (yes / a bit / no)"),
    }
}

/// The consent form's opening line.
pub fn consent_intro(lang: Lang, title: &str, when_where: &str) -> String {
    match lang {
        Lang::Pl => format!("Zajęcia: „{title}”. {when_where}"),
        Lang::En => format!("Activity: “{title}”. {when_where}"),
    }
}
