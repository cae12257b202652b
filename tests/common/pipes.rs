//! The pipes of a child process under test: its output read on threads while the test watches
//! the child (a child that fills a pipe nobody reads would block), its input written from
//! another.

use std::io::{Read, Write};
use std::process::Child;
use std::thread::JoinHandle;

pub struct Pipes {
    writer: Option<JoinHandle<()>>,
    out: JoinHandle<Vec<u8>>,
    err: JoinHandle<Vec<u8>>,
}

fn read_all(mut r: impl Read + Send + 'static) -> JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = r.read_to_end(&mut v);
        v
    })
}

impl Pipes {
    /// Starts reading the child's stdout and stderr (both must be piped) and, with `input`,
    /// writing it to the child's stdin (which must then be piped) and closing it.
    pub fn start(child: &mut Child, input: Option<Vec<u8>>) -> Pipes {
        let writer = input.and_then(|bytes| {
            child.stdin.take().map(|mut w| {
                std::thread::spawn(move || {
                    let _ = w.write_all(&bytes);
                })
            })
        });
        Pipes {
            writer,
            out: read_all(child.stdout.take().expect("stdout is piped")),
            err: read_all(child.stderr.take().expect("stderr is piped")),
        }
    }

    /// Everything the child wrote, once it has ended: (stdout, stderr).
    pub fn finish(self) -> (Vec<u8>, Vec<u8>) {
        if let Some(w) = self.writer {
            let _ = w.join();
        }
        (
            self.out.join().expect("stdout reader"),
            self.err.join().expect("stderr reader"),
        )
    }
}
