//! Plain-text readers for the step-data formats (see `tests/data/stepdata/README.md`).
//! Pure `std` parsing: callers decode gzip themselves and pass the text.

/// One sample: (t seconds, x, y, z m/s^2).
pub type Sample = (f64, f64, f64, f64);

/// Parse a `t,x,y,z` CSV with a header line. Blank lines are skipped.
pub fn parse_trace(text: &str) -> Result<Vec<Sample>, String> {
    let mut out = Vec::with_capacity(text.len() / 40);
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || (n == 0 && line.starts_with(|c: char| c.is_ascii_alphabetic())) {
            continue;
        }
        let mut f = line.split(',').map(|s| s.trim().parse::<f64>());
        let mut next = || -> Result<f64, String> {
            f.next()
                .ok_or_else(|| format!("line {}: expected 4 fields", n + 1))?
                .map_err(|e| format!("line {}: {e}", n + 1))
        };
        out.push((next()?, next()?, next()?, next()?));
    }
    Ok(out)
}

/// Parse one ground-truth step time per line.
pub fn parse_step_times(text: &str) -> Vec<f64> {
    text.lines().filter_map(|l| l.trim().parse().ok()).collect()
}

/// Parse `truth.tsv`: `<name>\t<total steps>` per line.
pub fn parse_truth(text: &str) -> Vec<(String, u64)> {
    text.lines()
        .filter_map(|l| {
            let mut f = l.split('\t');
            let name = f.next()?.trim();
            let n = f.next()?.trim().parse().ok()?;
            Some((name.to_string(), n))
        })
        .collect()
}

/// One line of MotionSense `labels.tsv`.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub file: String,
    pub activity: String,
    pub duration_s: f64,
    /// `"0"` for sit/stand, else `walk`, `jog` or `stairs`.
    pub expected: String,
}

/// Parse `labels.tsv`: `<file>\t<activity>\t<duration s>\t<expected>`.
pub fn parse_labels(text: &str) -> Vec<Label> {
    text.lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').map(str::trim).collect();
            if f.len() < 4 {
                return None;
            }
            Some(Label {
                file: f[0].to_string(),
                activity: f[1].to_string(),
                duration_s: f[2].parse().ok()?,
                expected: f[3].to_string(),
            })
        })
        .collect()
}

/// File name without directories and without `.csv.gz` / `.csv`.
pub fn trace_name(path: &str) -> &str {
    let base = path.rsplit(['/', '\\']).next().unwrap_or(path);
    base.strip_suffix(".csv.gz")
        .or_else(|| base.strip_suffix(".csv"))
        .unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_all_formats() {
        let t = parse_trace("t,x,y,z\n0.0,1,2,3\n\n0.01,4,5,6.5\n").unwrap();
        assert_eq!(t, vec![(0.0, 1.0, 2.0, 3.0), (0.01, 4.0, 5.0, 6.5)]);
        assert!(parse_trace("t,x,y,z\n0,1,2\n").is_err());
        assert_eq!(parse_step_times("0.5\n1.25\n"), vec![0.5, 1.25]);
        assert_eq!(parse_truth("a\t12\nb\t3\n")[1], ("b".to_string(), 3));
        let l = parse_labels("f.csv.gz\tsit\t205.82\t0\n");
        assert_eq!(l[0].expected, "0");
        assert_eq!(trace_name("x/y/abc.csv.gz"), "abc");
        assert_eq!(trace_name("abc.csv"), "abc");
    }
}
