//! DESIGN.md §3's reference table, read from DESIGN.md itself: every row's
//! verdicts (in bounds, unique) are what brute-force enumeration says and what
//! the proof says, so the table in the design document cannot drift from the
//! code. `tests/reference_cases.rs` checks the rows' exact witnesses.

mod common;

use std::collections::HashSet;

use common::{indices, reach};
use view_core::proof::{check_layout, check_unique, Uniqueness};

const DESIGN: &str = include_str!("../DESIGN.md");

/// One row: its name, numbers and claimed verdicts (`unique` is `None` for "—").
#[derive(Debug)]
struct Row {
    name: String,
    shape: Vec<usize>,
    strides: Vec<isize>,
    offset: usize,
    len: usize,
    in_bounds: bool,
    unique: Option<bool>,
}

fn list<T: core::str::FromStr>(cell: &str) -> Vec<T>
where
    T::Err: core::fmt::Debug,
{
    let inner = cell.trim().trim_start_matches('[').trim_end_matches(']').trim();
    if inner.is_empty() {
        return Vec::new();
    }
    inner.split(',').map(|v| v.trim().parse().expect("a number")).collect()
}

fn verdict(cell: &str) -> Option<bool> {
    match cell.trim() {
        "yes" => Some(true),
        "no" => Some(false),
        "—" => None,
        other => panic!("a verdict is yes, no or —, not {other:?}"),
    }
}

/// The rows of the table under "### The reference table".
fn rows() -> Vec<Row> {
    let section = DESIGN
        .split("### The reference table")
        .nth(1)
        .expect("DESIGN.md has the reference table");
    section
        .lines()
        .skip_while(|line| !line.starts_with("| row |"))
        .skip(2)
        .take_while(|line| line.starts_with('|'))
        .map(|line| {
            let cells: Vec<&str> = line.trim_matches('|').split('|').collect();
            assert_eq!(cells.len(), 8, "row {line:?}");
            Row {
                name: cells[0].trim().to_string(),
                shape: list(cells[1]),
                strides: list(cells[2]),
                offset: cells[3].trim().parse().unwrap(),
                len: cells[4].trim().parse().unwrap(),
                in_bounds: verdict(cells[5]).expect("in bounds is yes or no"),
                unique: verdict(cells[6]),
            }
        })
        .collect()
}

/// The elements reached, exactly (i128), in C order.
fn elements(row: &Row) -> Vec<i128> {
    indices(&row.shape)
        .iter()
        .map(|index| reach(&row.strides, row.offset as isize, index))
        .collect()
}

fn brute_in_bounds(row: &Row) -> bool {
    if row.shape.contains(&0) {
        return row.offset <= row.len;
    }
    elements(row)
        .iter()
        .all(|&e| 0 <= e && e < row.len as i128 && e <= isize::MAX as i128)
}

fn brute_unique(row: &Row) -> bool {
    let all = elements(row);
    all.iter().collect::<HashSet<_>>().len() == all.len()
}

#[test]
fn every_row_of_the_design_table_holds() {
    let rows = rows();
    assert!(rows.len() >= 15, "the table has its rows: {rows:?}");
    for row in &rows {
        assert_eq!(row.shape.len(), row.strides.len(), "row {}", row.name);
        let proof = check_layout(&row.shape, &row.strides, row.offset, row.len);
        assert_eq!(
            proof.is_ok(),
            row.in_bounds,
            "row {}: the proof says {proof:?}",
            row.name
        );
        assert_eq!(brute_in_bounds(row), row.in_bounds, "row {}: brute force", row.name);
        match row.unique {
            Some(unique) => {
                assert!(row.in_bounds, "row {}: a verdict on uniqueness needs bounds", row.name);
                let mut scratch = [0u64; 64];
                let verdict = check_unique(&row.shape, &row.strides, row.offset as isize, &mut scratch);
                let proven = match verdict {
                    Uniqueness::Unique => true,
                    Uniqueness::Collision(_) | Uniqueness::Crowded { .. } => false,
                    Uniqueness::Undecided { .. } => panic!("row {}: undecided", row.name),
                };
                assert_eq!(proven, unique, "row {}: the proof", row.name);
                assert_eq!(brute_unique(row), unique, "row {}: brute force", row.name);
            }
            None => assert!(
                !row.in_bounds,
                "row {}: only rejected rows leave uniqueness open",
                row.name
            ),
        }
    }
}

/// The files under `dir` (no `target/`, no hidden folders).
fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            if name != "target" && !name.starts_with('.') {
                files(&path, out);
            }
        } else if [".rs", ".md", ".py", ".toml", ".sh"]
            .iter()
            .any(|ext| name.ends_with(ext))
        {
            out.push(path);
        }
    }
}

/// Every "DESIGN §N" cited anywhere in the repository names a section of
/// DESIGN.md.
#[test]
fn every_cited_section_exists() {
    let sections: Vec<String> = DESIGN
        .lines()
        .filter_map(|line| line.strip_prefix("## "))
        .filter_map(|title| title.split('.').next())
        .map(str::to_string)
        .collect();
    let mut all = Vec::new();
    files(std::path::Path::new(env!("CARGO_MANIFEST_DIR")), &mut all);
    let mut cited = 0;
    for path in all {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        for (_, rest) in text.match_indices("DESIGN §").map(|(i, m)| (i, &text[i + m.len()..])) {
            let number: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if number.is_empty() {
                continue; // not a citation ("DESIGN §N" in this file's own text)
            }
            assert!(
                sections.contains(&number),
                "{} cites DESIGN §{number}, which DESIGN.md does not have (its sections: {sections:?})",
                path.display()
            );
            cited += 1;
        }
    }
    assert!(cited > 0, "the repository cites DESIGN.md");
}
