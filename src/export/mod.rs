//! A plan leaving the laptop: the handout (Markdown or HTML), the print pack, or the plan file
//! itself. The handout and pack are built once as [`doc::Block`]s; each format renders those.

pub mod doc;
mod handout;
mod html;
mod markdown;
mod pack;

use crate::lang::Lang;
use crate::model::Model;
use crate::plan::Plan;

pub use handout::{lineage, materials};

/// An export format.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Format {
    /// A Markdown handout.
    #[default]
    Markdown,
    /// One self-contained HTML file, ready to print on A4.
    Html,
    /// The plan file itself, to share with a colleague.
    Ron,
}

impl Format {
    /// Every format, in the order the export dialog offers them.
    pub const ALL: [Format; 3] = [Format::Markdown, Format::Html, Format::Ron];

    /// The file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Ron => "ron",
        }
    }

    /// The format's name as the command line spells it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Ron => "ron",
        }
    }
}

/// What goes into a handout beyond its filled-in sections.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Empty fields, the run notes, the whole checklist and the open gaps as an appendix.
    pub full: bool,
    /// The print pack after the handout: consent, attendance, materials, contacts, feedback.
    pub pack: bool,
}

/// `plan` in `format` and `lang`. The plan file itself (`Ron`) ignores the options.
pub fn render(plan: &Plan, model: &Model, lang: Lang, format: Format, options: Options) -> String {
    if format == Format::Ron {
        return crate::storage::encode(plan);
    }
    let mut blocks = handout::blocks(plan, model, lang, options.full);
    if options.pack {
        blocks.extend(pack::blocks(plan, model, lang));
    }
    match format {
        Format::Html => html::render(&blocks, lang, &handout::title(plan, lang)),
        _ => markdown::render(&blocks),
    }
}

/// The Markdown handout with default options.
pub fn markdown(plan: &Plan, model: &Model, lang: Lang) -> String {
    render(plan, model, lang, Format::Markdown, Options::default())
}

/// A file name for an export of `plan`: a slug of its title, then its id
/// (`mural-na-garazach-<id>.md`), or just the id when the title has no letters; `-pack`
/// before the extension when the print pack comes with it.
pub fn file_name(title: &str, id: &str, format: Format, options: Options) -> String {
    let pack = if options.pack && format != Format::Ron {
        "-pack"
    } else {
        ""
    };
    // The name without its extension stays within an id's length, so a long id (an imported
    // plan's) still leaves a safe name: the slug gives way first.
    let room = crate::storage::MAX_ID_LEN.saturating_sub(id.len() + pack.len() + 1);
    let slug = crate::text::slug(title, room.min(60));
    let ext = format.extension();
    if slug.is_empty() {
        format!("{id}{pack}.{ext}")
    } else {
        format!("{slug}-{id}{pack}.{ext}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_come_from_the_title_and_id() {
        let mut plan = crate::plan::new("20261203-1a2b".into(), String::new());
        let plain = Options::default();
        assert_eq!(
            file_name(&plan.context.title, &plan.id, Format::Html, plain),
            "20261203-1a2b.html"
        );
        plan.context.title = "Mural na garażach".into();
        assert_eq!(
            file_name(&plan.context.title, &plan.id, Format::Markdown, plain),
            "mural-na-garazach-20261203-1a2b.md"
        );
        let pack = Options {
            pack: true,
            ..plain
        };
        assert_eq!(
            file_name(&plan.context.title, &plan.id, Format::Html, pack),
            "mural-na-garazach-20261203-1a2b-pack.html"
        );
        let long_id = "i".repeat(90);
        let name = file_name(&"Długi tytuł ".repeat(10), &long_id, Format::Html, pack);
        let stem = name.strip_suffix(".html").expect("extension");
        assert!(stem.len() <= crate::storage::MAX_ID_LEN, "{name}");
        assert!(crate::storage::valid_id(stem), "{name}");
    }

    #[test]
    fn user_text_cannot_break_the_structure() {
        let model = crate::model::load_from(None).expect("model");
        let mut plan = crate::plan::new("p1".into(), String::new());
        plan.context.title = "Tytuł\n## nie nagłówek".into();
        plan.context.idea = "- [x] done\n```\n<b>x</b>".into();
        let md = markdown(&plan, &model, Lang::Pl);
        assert!(md.starts_with("# Tytuł \\#\\# nie nagłówek\n"), "{md}");
        assert_eq!(md.lines().filter(|l| l.starts_with("# ")).count(), 1);
        assert!(
            !md.lines()
                .any(|l| l.starts_with("## nie") || l.starts_with("```"))
        );
        assert!(
            md.contains("• \\[x\\] done\\\n\\`\\`\\`\\\n\\<b\\>x\\</b\\>"),
            "{md}"
        );
    }
}
