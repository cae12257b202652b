//! For tests that guard against quadratic work: the calling thread's CPU time (on Unix),
//! which other processes and the other tests running in parallel do not inflate the way
//! they inflate wall time, and a linearity check built on it.

use std::time::Duration;

/// CPU time the calling thread has used so far (wall time where no thread clock exists).
pub(crate) fn now() -> Duration {
    #[cfg(unix)]
    {
        let mut t = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `t` is a valid, writable timespec for the call's duration.
        let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
        if rc == 0 {
            return Duration::new(t.tv_sec as u64, t.tv_nsec as u32);
        }
    }
    START.with(|s| s.elapsed())
}

thread_local! {
    static START: std::time::Instant = std::time::Instant::now();
}

/// The CPU time `f` takes on this thread.
pub(crate) fn of(f: impl FnOnce()) -> Duration {
    let t = now();
    f();
    now().saturating_sub(t)
}

/// Asserts that `large` (`scale` times the input of `small`) costs less than `bound` times
/// what `small` costs: thread CPU time, the best of five runs each, the two interleaved so
/// that a slow spell of the machine falls on both. Quadratic work costs `scale²` times as
/// much; linear work `scale` times, so a `bound` between the two tells them apart.
pub(crate) fn assert_grows_linearly(
    scale: f64,
    bound: f64,
    mut small: impl FnMut(),
    mut large: impl FnMut(),
) {
    assert!(scale < bound && bound < scale * scale, "{scale} {bound}");
    let (mut s, mut l) = (Duration::MAX, Duration::MAX);
    for _ in 0..5 {
        s = s.min(of(&mut small));
        l = l.min(of(&mut large));
    }
    let (s, l) = (s.as_secs_f64().max(1e-6), l.as_secs_f64());
    eprintln!(
        "{scale}x the input: {:.1}x the CPU time ({s:.4} s -> {l:.4} s)",
        l / s
    );
    assert!(
        l < s * bound,
        "{scale}x the input took {:.1}x the CPU time ({s:.4} s -> {l:.4} s; linear is {scale}x, \
         the bound {bound}x)",
        l / s
    );
}
