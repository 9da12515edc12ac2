"""Draws the packages' icon (build/icon/icon.png, 128x128): a shield over a falling loss curve.

Standard library only; run `python3 build/icon/make_icon.py` after changing it and commit the PNG.
"""
import math
import struct
import zlib
from pathlib import Path

SIZE = 128
SAMPLES = 4  # supersampling per axis, for smooth edges
BACKGROUND = (0, 0, 0, 0)
SHIELD = (36, 84, 160)
CURVE = (255, 255, 255)
CHECK = (255, 196, 61)


def inside_shield(x, y):
    """Flat top with rounded corners, straight sides, then a point at the bottom."""
    left, right, top, shoulder, tip = 18, 110, 12, 70, 120
    if y < top or y > tip or x < left or x > right:
        return False
    radius = 14
    for cx in (left + radius, right - radius):
        cy = top + radius
        if y < cy and abs(x - 64) > abs(cx - 64) and math.hypot(x - cx, y - cy) > radius:
            return False
    if y <= shoulder:
        return True
    half_width = (right - left) / 2 * (tip - y) / (tip - shoulder)
    return abs(x - 64) <= half_width


def near_curve(x, y):
    """A loss curve falling from the upper left and flattening out (image y grows downwards), 6 px wide."""
    if not 30 <= x <= 98:
        return False
    return abs(y - (62 - 36 * math.exp(-(x - 30) / 12))) < 3.0


def near_check(x, y):
    """A check mark in the lower half of the shield."""
    def segment(ax, ay, bx, by):
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
        return math.hypot(x - (ax + t * dx), y - (ay + t * dy))
    return min(segment(50, 86, 60, 97), segment(60, 97, 80, 72)) < 4.0


def pixel(px, py):
    totals = [0.0, 0.0, 0.0, 0.0]
    for sy in range(SAMPLES):
        for sx in range(SAMPLES):
            x, y = px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES
            if not inside_shield(x, y):
                continue
            colour = CHECK if near_check(x, y) else CURVE if near_curve(x, y) else SHIELD
            for i in range(3):
                totals[i] += colour[i]
            totals[3] += 255
    count = SAMPLES * SAMPLES
    alpha = totals[3] / count
    if alpha == 0:
        return BACKGROUND
    return tuple(round(c / (totals[3] / 255)) for c in totals[:3]) + (round(alpha),)


def png(width, height, rows):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + bytes(value for rgba in row for value in rgba) for row in rows)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    rows = [[pixel(x, y) for x in range(SIZE)] for y in range(SIZE)]
    target = Path(__file__).with_name("icon.png")
    target.write_bytes(png(SIZE, SIZE, rows))
    print(f"wrote {target}")
