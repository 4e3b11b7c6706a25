//! Plain-text tables for the terminal, with verdicts in words and colour.

use console::{Style, style};
use judge::Verdict;

pub fn verdict_style(v: Verdict) -> Style {
    match v {
        Verdict::AC => Style::new().green().bold(),
        Verdict::WA | Verdict::RTE => Style::new().red().bold(),
        Verdict::TLE | Verdict::MLE | Verdict::OLE => Style::new().yellow().bold(),
        Verdict::CE | Verdict::JE => Style::new().magenta().bold(),
    }
}

/// Prints rows under a header with columns padded to their widest cell.
pub fn print(header: &[&str], rows: &[Vec<String>]) {
    let mut widths: Vec<usize> = header.iter().map(|h| h.len()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(console::measure_text_width(cell));
        }
    }
    let line = |cells: Vec<String>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| console::pad_str(c, *w, console::Alignment::Left, None).into_owned())
            .collect();
        println!("{}", padded.join("  ").trim_end());
    };
    line(header.iter().map(|h| style(h).bold().to_string()).collect());
    for row in rows {
        line(row.clone());
    }
}

pub fn millis(d: std::time::Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

pub fn mebibytes(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1 << 20) as f64)
}
