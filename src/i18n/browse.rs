//! Words of the model browser: kinds of item, how linked items relate, who advice is for.

use super::pick;
use crate::browse::{Kind, Relation};
use crate::lang::Lang;
use crate::model::Audience;

/// The kind of an item, as a short label before its name.
pub fn kind(lang: Lang, kind: Kind) -> &'static str {
    match kind {
        Kind::Value => pick(lang, "wartość", "value"),
        Kind::Direction => pick(lang, "kierunek", "direction"),
        Kind::Check => pick(lang, "punkt listy", "checklist"),
        Kind::Method => pick(lang, "metoda", "method"),
        Kind::Role => pick(lang, "rola", "role"),
        Kind::Scenario => pick(lang, "scenariusz", "scenario"),
        Kind::Advice => pick(lang, "rada", "advice"),
    }
}

/// The heading over a group of links.
pub fn relation(lang: Lang, relation: Relation) -> &'static str {
    match relation {
        Relation::ServesValues => pick(lang, "Służy wartościom", "Serves the values"),
        Relation::ServesDirections => pick(lang, "Kierunki pracy", "Directions of work"),
        Relation::DirectionsServingIt => pick(
            lang,
            "Kierunki, które jej służą",
            "Directions that serve it",
        ),
        Relation::FittingMethods => pick(lang, "Pasujące metody", "Methods that fit"),
        Relation::ChecklistItems => pick(lang, "Punkty listy kontrolnej", "Checklist items"),
        Relation::Advice => pick(lang, "Rady z praktyki", "Advice from practice"),
        Relation::Scenarios => pick(lang, "W scenariuszach", "In the scenarios"),
        Relation::UsesMethods => pick(lang, "Metody", "Methods"),
        Relation::HasRoles => pick(lang, "Role", "Roles"),
    }
}

/// Who a piece of advice speaks to.
pub fn audience(lang: Lang, audience: Audience) -> &'static str {
    match audience {
        Audience::Newcomer => pick(
            lang,
            "Dla osób zaczynających pracę z młodzieżą",
            "For people starting youth work",
        ),
        Audience::Coordinator => pick(
            lang,
            "Dla koordynujących zespół lub dom sąsiedzki",
            "For those who coordinate a team or a neighbourhood house",
        ),
        Audience::Partner => pick(
            lang,
            "Dla instytucji partnerskich",
            "For partner institutions",
        ),
    }
}
