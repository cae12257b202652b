#!/usr/bin/env python3
"""Draws images/icon.png (128x128 RGBA) with the standard library only (zlib + struct).

A navy tile, a white page with lines of text, an amber pair of opening quotation marks and a
red squiggle under the last line: copydesk's "quote without attribution" at a glance.
Re-run with `python3 make_icon.py` after changing it; the PNG is committed.
"""
import math
import struct
import zlib

SIZE, SS = 128, 4  # output size, supersampling factor
W = SIZE * SS

NAVY = (31, 42, 68)
PAGE = (250, 248, 242)
INK = (150, 156, 170)
AMBER = (245, 166, 35)
RED = (226, 68, 68)


def rounded_rect(x, y, x0, y0, x1, y1, r):
    if not (x0 <= x <= x1 and y0 <= y <= y1):
        return False
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def quote_mark(x, y, cx, cy, r):
    """An opening quote glyph: a filled dot with a tail curving up and to the right."""
    if (x - cx) ** 2 + (y - cy) ** 2 <= r * r:
        return True
    # tail: a thick arc from the dot's top-left up to the right, centre (cx + r, cy)
    d = math.hypot(x - (cx + 1.3 * r), y - cy)
    ang = math.atan2(y - cy, x - (cx + 1.3 * r))
    return 1.3 * r - 0.45 * r <= d <= 1.3 * r + 0.25 * r and -math.pi <= ang <= -math.pi / 2 - 0.15


def pixel(px, py):
    x, y = px / SS, py / SS  # in output coordinates
    col = None
    if rounded_rect(x, y, 0, 0, 127.99, 127.99, 24):
        col = NAVY
    if rounded_rect(x, y, 30, 18, 98, 110, 6):
        col = PAGE
        for i, (ly, lx1) in enumerate([(62, 86), (74, 86), (86, 86), (98, 70)]):
            if 40 <= x <= lx1 and ly - 2.2 <= y <= ly + 2.2:
                col = INK
        # red squiggle under the last line
        sy = 104 + 2.0 * math.sin((x - 40) / 3.0)
        if 40 <= x <= 72 and abs(y - sy) <= 1.3:
            col = RED
    if quote_mark(x, y, 46, 44, 8) or quote_mark(x, y, 70, 44, 8):
        col = AMBER
    return col


def render():
    rows = []
    for oy in range(SIZE):
        row = bytearray([0])  # filter type 0
        for ox in range(SIZE):
            acc = [0, 0, 0, 0]
            for sy in range(SS):
                for sx in range(SS):
                    c = pixel(ox * SS + sx + 0.5, oy * SS + sy + 0.5)
                    if c is not None:
                        acc[0] += c[0]
                        acc[1] += c[1]
                        acc[2] += c[2]
                        acc[3] += 255
            n = SS * SS
            a = acc[3] / n
            if a == 0:
                row += bytes(4)
            else:
                k = acc[3] / 255
                row += bytes([round(acc[0] / k), round(acc[1] / k), round(acc[2] / k), round(a)])
        rows.append(bytes(row))
    return b"".join(rows)


def chunk(tag, data):
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)


def main():
    raw = render()
    png = b"\x89PNG\r\n\x1a\n"
    png += chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw, 9))
    png += chunk(b"IEND", b"")
    with open(__file__.replace("make_icon.py", "icon.png"), "wb") as f:
        f.write(png)


if __name__ == "__main__":
    main()
