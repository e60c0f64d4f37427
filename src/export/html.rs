//! Blocks as one self-contained HTML file: inline styles for screen and A4 print, no scripts,
//! no external resources, every piece of text escaped.

use std::fmt::Write;

use super::doc::{Block, Item, Mark, blank_label};
use crate::lang::Lang;
use crate::text::visible;

const STYLE: &str = "\
@page { size: A4; margin: 16mm 15mm; }
body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 11pt; line-height: 1.4;
  color: #000; background: #fff; max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 20pt; margin: 0 0 .4em; }
h2 { font-size: 14pt; margin: 1.2em 0 .4em; border-bottom: 1px solid #888; }
h3 { font-size: 12pt; margin: 1em 0 .3em; }
p, ul, table, dl { margin: 0 0 .7em; }
.remark { font-style: italic; color: #333; }
dl.facts { display: grid; grid-template-columns: max-content auto; gap: .15em 1em; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #666; padding: .25em .45em; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; white-space: nowrap; }
ul.checks { list-style: none; padding-left: 0; }
ul.checks li::before { content: attr(data-mark) ' '; font-weight: bold; }
.note { margin: .1em 0 .3em 1.2em; color: #222; }
.blank { border-bottom: 1px solid #000; min-height: 1.8em; margin: .2em 0 .6em;
  display: flex; align-items: flex-end; }
.blank span { background: #fff; padding-right: .5em; }
.page-break { break-before: page; page-break-before: always; height: 0; margin: 0; border: 0; }
@media screen { .page-break { border-top: 2px dashed #999; margin: 2em 0; } }
@media print { body { margin: 0; max-width: none; } h2, h3 { break-after: avoid; }
  tr, li, .blank { break-inside: avoid; } }
";

/// The document as a complete HTML page in `lang`, titled `title`.
pub fn render(blocks: &[Block], lang: Lang, title: &str) -> String {
    let mut out = String::new();
    let code = match lang {
        Lang::Pl => "pl",
        Lang::En => "en",
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        esc(title)
    );
    for block in blocks {
        match block {
            Block::Title(t) => {
                let _ = writeln!(out, "<h1>{}</h1>", esc(t));
            }
            Block::Heading(level, t) => {
                let l = (*level).clamp(2, 4);
                let _ = writeln!(out, "<h{l}>{}</h{l}>", esc(t));
            }
            Block::Para(t) => {
                let _ = writeln!(out, "<p>{}</p>", lines(t));
            }
            Block::Remark(t) => {
                let _ = writeln!(out, "<p class=\"remark\">{}</p>", esc(t));
            }
            Block::Facts(facts) => {
                out.push_str("<dl class=\"facts\">\n");
                for (k, v) in facts {
                    let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", esc(k), esc(v));
                }
                out.push_str("</dl>\n");
            }
            Block::Field(label, t) if t.trim().is_empty() => {
                let _ = writeln!(out, "<h3>{}</h3>", esc(label));
            }
            Block::Field(label, t) => {
                let _ = writeln!(out, "<h3>{}</h3>\n<p>{}</p>", esc(label), lines(t));
            }
            Block::List(items) => {
                out.push_str("<ul>\n");
                for item in items {
                    list_item(&mut out, item);
                }
                out.push_str("</ul>\n");
            }
            Block::Table {
                head,
                numeric,
                rows,
            } => table(&mut out, head, numeric, rows),
            Block::Checks(checks) => {
                out.push_str("<ul class=\"checks\">\n");
                for (mark, t, note) in checks {
                    let m = match mark {
                        Mark::Open => "☐",
                        Mark::Done => "☑",
                        Mark::NotApplicable => "–",
                    };
                    let _ = write!(out, "<li data-mark=\"{m}\">{}", esc(t));
                    if !note.trim().is_empty() {
                        let _ = write!(out, "<div class=\"note\">{}</div>", lines(note));
                    }
                    out.push_str("</li>\n");
                }
                out.push_str("</ul>\n");
            }
            Block::Blanks(labels) => {
                for l in labels {
                    let _ = writeln!(
                        out,
                        "<div class=\"blank\"><span>{}</span></div>",
                        esc(&blank_label(l))
                    );
                }
            }
            Block::PageBreak => out.push_str("<hr class=\"page-break\">\n"),
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn list_item(out: &mut String, item: &Item) {
    out.push_str("<li>");
    if !item.strong.trim().is_empty() {
        let _ = write!(out, "<strong>{}</strong>", esc(&item.strong));
        if !item.rest.trim().is_empty() {
            out.push(' ');
        }
    }
    out.push_str(&esc(&item.rest));
    if !item.note.trim().is_empty() {
        let _ = write!(out, "<div class=\"note\">{}</div>", lines(&item.note));
    }
    out.push_str("</li>\n");
}

fn table(out: &mut String, head: &[String], numeric: &[bool], rows: &[Vec<String>]) {
    let class = |i: usize| {
        if numeric.get(i).copied().unwrap_or(false) {
            " class=\"num\""
        } else {
            ""
        }
    };
    out.push_str("<table>\n<thead><tr>");
    for (i, h) in head.iter().enumerate() {
        let _ = write!(out, "<th{}>{}</th>", class(i), esc(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for (i, c) in row.iter().enumerate() {
            let _ = write!(out, "<td{}>{}</td>", class(i), esc(c));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Text with its line breaks kept as `<br>`.
fn lines(text: &str) -> String {
    text.trim()
        .lines()
        .map(|l| esc(l.trim_end()))
        .collect::<Vec<_>>()
        .join("<br>\n")
}

/// Text escaped for HTML element content and attribute values, controls shown as escapes.
pub fn esc(text: &str) -> String {
    let shown = visible(text);
    let mut out = String::with_capacity(shown.len());
    for c in shown.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everything_is_escaped() {
        assert_eq!(
            esc("<script>alert('x')</script> & \u{1b}]52;c;AA\u{7}"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; \\u{1b}]52;c;AA\\u{7}"
        );
    }
}
