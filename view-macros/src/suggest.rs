//! "Did you mean": the valid name closest to a misspelled one, by edit
//! distance, or the name a NumPy user would reach for first.

/// The Levenshtein distance between `a` and `b` (insertions, deletions and
/// substitutions of characters, each costing 1).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitute = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

/// The candidate `name` probably meant: a known alias (`aliases`, pairs of
/// another spelling and the candidate it means), else the closest candidate
/// within a third of the longer name's length (at least 1, and less than
/// either length), ties to the first; case is ignored.
pub fn closest<'a>(name: &str, candidates: &[&'a str], aliases: &[(&str, &'a str)]) -> Option<&'a str> {
    let lower = name.to_lowercase();
    if let Some(&(_, meant)) = aliases.iter().find(|(alias, _)| *alias == lower) {
        return Some(meant);
    }
    if let Some(&same) = candidates.iter().find(|&&c| c == lower) {
        return Some(same);
    }
    let length = lower.chars().count();
    candidates
        .iter()
        .map(|&c| (edit_distance(&lower, c), c))
        // Within a third of the length, and never a rewrite of the whole name.
        .filter(|&(d, c)| d <= (length.max(c.len()) / 3).max(1) && d < length.min(c.len()))
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

/// " (did you mean `x`?)" for `name`, or nothing.
pub fn did_you_mean(name: &str, candidates: &[&str], aliases: &[(&str, &str)]) -> String {
    closest(name, candidates, aliases).map_or_else(String::new, |meant| format!(" (did you mean `{meant}`?)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(edit_distance("", ""), 0);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("stride", "strides"), 1);
        assert_eq!(edit_distance("swapaxes", "swap_axes"), 1);
        assert_eq!(edit_distance("flip", "flip"), 0);
        assert_eq!(edit_distance("ofset", "offset"), 1);
        assert_eq!(edit_distance("é", "e"), 1);
    }

    #[test]
    fn closest_names() {
        let fields = ["shape", "strides", "byte_strides", "offset", "byte_offset"];
        assert_eq!(closest("stride", &fields, &[]), Some("strides"));
        assert_eq!(closest("shap", &fields, &[]), Some("shape"));
        assert_eq!(closest("byte_stride", &fields, &[]), Some("byte_strides"));
        assert_eq!(closest("Offset", &fields, &[]), Some("offset"));
        assert_eq!(closest("ofset", &fields, &[]), Some("offset"));
        assert_eq!(closest("colour", &fields, &[]), None);
        assert_eq!(closest("x", &["t", "flip"], &[]), None);
        assert_eq!(closest("T", &["t", "flip"], &[]), Some("t"));
        assert_eq!(closest("flp", &["t", "flip"], &[]), Some("flip"));
        assert_eq!(closest("dims", &fields, &[("dims", "shape")]), Some("shape"));
    }
}
