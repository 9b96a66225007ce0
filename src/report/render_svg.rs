//! Inline SVG charts for the report's overview page. Accessible: every
//! chart is an image with a title and a description that gives every value
//! in words; every bar and point has its value printed beside it, so that
//! nothing is told by colour alone; hidden figures (`..`) have no bar.

use std::fmt::Write as _;

use crate::export::escape::html;

/// Width of a chart in SVG units (it scales to its column): half the page.
const WIDTH: f64 = 340.0;
const ROW: f64 = 14.0;
const LABEL: f64 = 138.0;
const BAR: f64 = 104.0;

/// The widths of a bar chart: half the page, or the whole width.
#[derive(Clone, Copy)]
pub(super) struct Layout {
    width: f64,
    label: f64,
    bar: f64,
}

pub(super) const HALF: Layout = Layout {
    width: WIDTH,
    label: LABEL,
    bar: BAR,
};

pub(super) const WHOLE: Layout = Layout {
    width: 2.0 * WIDTH + 20.0,
    label: LABEL,
    bar: 300.0,
};
/// Characters of a label shown (the whole label is in the row's title and
/// in the chart's description).
const LABEL_CHARS: usize = 30;

/// One bar: label, value (None: hidden), the text printed after it.
pub(super) struct Bar {
    pub(super) label: String,
    pub(super) value: Option<f64>,
    pub(super) text: String,
}

/// One area of a follow-up: first and latest mean (0–100) and the text.
pub(super) struct Dumbbell {
    pub(super) label: String,
    pub(super) first: Option<f64>,
    pub(super) latest: Option<f64>,
    pub(super) text: String,
}

fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}

fn open(out: &mut String, id: &str, title: &str, desc: &str, width: f64, height: f64) {
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\"><title id=\"{id}-t\">{}</title><desc id=\"{id}-d\">{}</desc>",
        html(title),
        html(desc)
    );
}

/// The description of a chart: every row in words.
fn describe<'a>(rows: impl Iterator<Item = (&'a str, &'a str)>) -> String {
    rows.map(|(l, t)| format!("{l}: {t}"))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Horizontal bars from 0 to `max`.
pub(super) fn bars(out: &mut String, id: &str, title: &str, rows: &[Bar], max: f64, l: Layout) {
    let height = ROW * rows.len() as f64 + 4.0;
    let desc = describe(rows.iter().map(|b| (b.label.as_str(), b.text.as_str())));
    open(out, id, title, &desc, l.width, height);
    let max = if max > 0.0 { max } else { 1.0 };
    let (label, bar) = (l.label, l.bar);
    for (i, b) in rows.iter().enumerate() {
        let y = i as f64 * ROW + 2.0;
        let _ = write!(
            out,
            "<g><title>{}: {}</title><text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{}</text><rect class=\"track\" x=\"{label}\" y=\"{:.1}\" width=\"{bar}\" height=\"{:.1}\"/>",
            html(&b.label),
            html(&b.text),
            label - 4.0,
            y + 10.0,
            html(&cut(&b.label, LABEL_CHARS)),
            y + 2.0,
            ROW - 4.0
        );
        if let Some(v) = b.value {
            let w = (v / max).clamp(0.0, 1.0) * bar;
            let _ = write!(
                out,
                "<rect class=\"bar\" x=\"{label}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{:.1}\"/>",
                y + 2.0,
                ROW - 4.0
            );
        }
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{:.1}\">{}</text></g>",
            label + bar + 4.0,
            y + 10.0,
            html(&b.text)
        );
    }
    out.push_str("</svg>\n");
}

/// First (open circle) and latest (filled circle) mean need per area on a
/// 0–100 scale, joined by a line; the numbers beside.
pub(super) fn dumbbells(out: &mut String, id: &str, title: &str, rows: &[Dumbbell]) {
    let height = ROW * rows.len() as f64 + 4.0;
    let desc = describe(rows.iter().map(|b| (b.label.as_str(), b.text.as_str())));
    open(out, id, title, &desc, WIDTH, height);
    let x = |v: f64| LABEL + v.clamp(0.0, 100.0) / 100.0 * BAR;
    for (i, d) in rows.iter().enumerate() {
        let y = i as f64 * ROW + 2.0;
        let cy = y + 7.0;
        let _ = write!(
            out,
            "<g><title>{}: {}</title><text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{}</text><line class=\"track\" x1=\"{LABEL}\" x2=\"{}\" y1=\"{cy:.1}\" y2=\"{cy:.1}\"/>",
            html(&d.label),
            html(&d.text),
            LABEL - 4.0,
            y + 10.0,
            html(&cut(&d.label, LABEL_CHARS)),
            LABEL + BAR,
        );
        if let (Some(f), Some(l)) = (d.first, d.latest) {
            let _ = write!(
                out,
                "<line class=\"move\" x1=\"{:.1}\" x2=\"{:.1}\" y1=\"{cy:.1}\" y2=\"{cy:.1}\"/><circle class=\"first\" cx=\"{:.1}\" cy=\"{cy:.1}\" r=\"3\"/><circle class=\"latest\" cx=\"{:.1}\" cy=\"{cy:.1}\" r=\"3\"/>",
                x(f),
                x(l),
                x(f),
                x(l)
            );
        }
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{:.1}\">{}</text></g>",
            LABEL + BAR + 6.0,
            y + 10.0,
            html(&d.text)
        );
    }
    out.push_str("</svg>\n");
}
