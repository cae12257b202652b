//! A hash table of the dictionary's words made by `build.rs` and embedded, so that the first
//! draft a process checks reads it instead of hashing 75,000 words into a set. One file, read
//! by both (the build script includes it): the hash and the entry layout must agree.
//!
//! The table is a power-of-two number of little-endian `u32` slots, open addressing with
//! linear probing; an empty slot is 0, a word is `offset << 8 | length` into the word list's
//! text (offsets below 2^24, lengths below 256, checked when the table is built).

/// FNV-1a, 64 bits: the same on every platform and build host.
pub fn hash(word: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in word {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The table for the non-empty lines of `text` (at most two thirds full).
#[cfg_attr(not(test), allow(dead_code))] // the crate reads the table build.rs made with it
pub fn build(text: &str) -> Vec<u8> {
    let words: Vec<(usize, &str)> = text
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| (l.as_ptr() as usize - text.as_ptr() as usize, l))
        .collect();
    let slots = (words.len() + words.len() / 2).next_power_of_two().max(2);
    let mask = slots - 1;
    let mut table = vec![0u32; slots];
    for (offset, word) in words {
        assert!(
            offset < 1 << 24 && word.len() < 256,
            "{word}: too far or too long"
        );
        let mut i = hash(word.as_bytes()) as usize & mask;
        loop {
            let entry = table[i];
            if entry == 0 {
                table[i] = (offset as u32) << 8 | word.len() as u32;
                break;
            }
            let (o, l) = ((entry >> 8) as usize, (entry & 0xff) as usize);
            if &text[o..o + l] == word {
                break;
            }
            i = (i + 1) & mask;
        }
    }
    table.iter().flat_map(|e| e.to_le_bytes()).collect()
}

/// Whether `word` is one of the words of `text` that `table` (as [`build`] made it) holds.
pub fn contains(table: &[u8], text: &str, word: &str) -> bool {
    let slots = table.len() / 4;
    if slots == 0 {
        return false;
    }
    let mask = slots - 1;
    let mut i = hash(word.as_bytes()) as usize & mask;
    loop {
        let Some(&[a, b, c, d]) = table.get(i * 4..i * 4 + 4) else {
            return false;
        };
        let entry = u32::from_le_bytes([a, b, c, d]);
        if entry == 0 {
            return false;
        }
        let (o, l) = ((entry >> 8) as usize, (entry & 0xff) as usize);
        if text.as_bytes().get(o..o + l) == Some(word.as_bytes()) {
            return true;
        }
        i = (i + 1) & mask;
    }
}
