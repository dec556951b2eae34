#!/usr/bin/env python3
"""Prints the RGB colour (as rrggbb) of pixels of an 8-bit non-interlaced PNG:
png_pixels.py FILE X,Y [X,Y ...]. Pure Python (zlib), for pixel checks; tests
may also import read_png and rgb_at."""
import struct
import sys
import zlib


def read_png(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, w, h, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and interlace == 0, "only 8-bit non-interlaced PNGs"
            channels = {0: 1, 2: 3, 4: 2, 6: 4}[ctype]
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw, stride = zlib.decompress(idat), w * channels
    rows, prev = [], bytearray(stride)
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return w, h, channels, rows


def rgb_at(image, x, y):
    """(r, g, b) of pixel (x, y) of an image from read_png."""
    _, _, channels, rows = image
    p = rows[y][x * channels:(x + 1) * channels]
    return (p[0], p[0], p[0]) if channels < 3 else tuple(p[:3])


if __name__ == "__main__":
    image = read_png(sys.argv[1])
    for xy in sys.argv[2:]:
        x, y = (int(v) for v in xy.split(","))
        print("%02x%02x%02x" % rgb_at(image, x, y))
