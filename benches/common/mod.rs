//! Drafts for the benchmarks, made of the Wikinews corpus in `tests/corpus/`.
// Each benchmark uses only part of this module.
#![allow(dead_code)]

use std::path::Path;

/// Every article of the corpus, in file-name order.
pub fn corpus() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/wikinews-2019");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("corpus at {}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// A draft of about `words` words: the first article with its front matter (so the draft
/// has one article date), then the bodies of the next ones, repeating the corpus as needed.
pub fn draft_of_words(articles: &[String], words: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    for a in articles.iter().cycle() {
        if count >= words {
            break;
        }
        let body = if out.is_empty() {
            a.as_str()
        } else {
            a.splitn(3, "---\n").nth(2).unwrap_or(a)
        };
        for para in body.split("\n\n") {
            if count >= words {
                break;
            }
            count += para.split_whitespace().count();
            out.push_str(para);
            out.push_str("\n\n");
        }
    }
    out
}

/// The corpus concatenated (repeating it) until the text reaches `bytes`.
pub fn concat_to_bytes(articles: &[String], bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 10_000);
    for a in articles.iter().cycle() {
        if out.len() >= bytes {
            break;
        }
        out.push_str(a);
        out.push_str("\n\n");
    }
    out
}

/// A criterion measurement of the benchmark thread's CPU time (`CLOCK_THREAD_CPUTIME_ID`;
/// wall time where there is no thread clock). On a machine shared with other work, wall
/// time counts the waits for a core; the thread's own CPU time does not, so two variants
/// measured under the same load compare fairly.
pub struct ThreadCpu;

fn thread_cpu_ns() -> u64 {
    #[cfg(unix)]
    {
        let mut t = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `t` is a valid, writable timespec for the call's duration.
        if unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) } == 0 {
            return t.tv_sec as u64 * 1_000_000_000 + t.tv_nsec as u64;
        }
    }
    thread_local! {
        static START: std::time::Instant = std::time::Instant::now();
    }
    START.with(|s| s.elapsed().as_nanos() as u64)
}

impl criterion::measurement::Measurement for ThreadCpu {
    type Intermediate = u64;
    type Value = u64;
    fn start(&self) -> u64 {
        thread_cpu_ns()
    }
    fn end(&self, start: u64) -> u64 {
        thread_cpu_ns().saturating_sub(start)
    }
    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }
    fn zero(&self) -> u64 {
        0
    }
    fn to_f64(&self, v: &u64) -> f64 {
        *v as f64
    }
    fn formatter(&self) -> &dyn criterion::measurement::ValueFormatter {
        &CpuFormatter
    }
}

struct CpuFormatter;

impl criterion::measurement::ValueFormatter for CpuFormatter {
    fn scale_values(&self, typical: f64, values: &mut [f64]) -> &'static str {
        let (div, unit) = if typical >= 1e6 {
            (1e6, "ms cpu")
        } else if typical >= 1e3 {
            (1e3, "µs cpu")
        } else {
            (1.0, "ns cpu")
        };
        for v in values.iter_mut() {
            *v /= div;
        }
        unit
    }
    fn scale_throughputs(
        &self,
        _typical: f64,
        throughput: &criterion::Throughput,
        values: &mut [f64],
    ) -> &'static str {
        let n = match *throughput {
            criterion::Throughput::Bytes(n)
            | criterion::Throughput::BytesDecimal(n)
            | criterion::Throughput::Elements(n) => n as f64,
        };
        for v in values.iter_mut() {
            // per CPU second
            *v = n * 1e9 / *v;
        }
        "/cpu s"
    }
    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns cpu"
    }
}
