//! The yardstick for start-up: a bare ratatui program that draws one bordered paragraph and
//! waits for a key. `benches/first_frame.py` times it beside modelownia in the same run.

use ratatui::widgets::{Block, Paragraph};

fn main() -> std::io::Result<()> {
    ratatui::run(|terminal| {
        terminal.draw(|frame| {
            let text = Paragraph::new("bare ratatui").block(Block::bordered().title("bare"));
            frame.render_widget(text, frame.area());
        })?;
        // Like the app, it then waits for input; the timer ends it.
        crossterm::event::read().map(drop)
    })
}
