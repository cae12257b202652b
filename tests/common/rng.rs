//! A small deterministic PRNG (xorshift) for the randomised editing tests, so that a failure
//! reproduces from its seed, and the random offsets those tests edit at.

pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A random offset that an LSP position can address: a char boundary, not inside "\r\n".
pub fn addressable(text: &str, rng: &mut Rng) -> usize {
    loop {
        let o = rng.below(text.len() + 1);
        if text.is_char_boundary(o)
            && !(o > 0 && text.as_bytes()[o - 1] == b'\r' && text.as_bytes().get(o) == Some(&b'\n'))
        {
            return o;
        }
    }
}
