//! `cargo run --release --example make_plans -- DIR N`: a data folder of N copies of
//! `saves/v3/full.ron`, for the whole-process measurements in the README's Performance section.

#[path = "../benches/support/plans.rs"]
mod plans;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(n)) = (args.next(), args.next().and_then(|n| n.parse().ok())) else {
        eprintln!("usage: make_plans DIR N");
        std::process::exit(2);
    };
    let total = plans::make(std::path::Path::new(&dir), n)?;
    println!(
        "{n} plans, {:.1} MiB, in {dir}/plans",
        total as f64 / 1048576.0
    );
    Ok(())
}
