#!/usr/bin/env python3
"""Writes the images of the image-budget test: N large PNGs (7000x7000,
49 megapixels, each its own colours, streamed through zlib so this script
stays small) and an SVG with a given number of elements.
Usage: make_big_images.py DIR PNG_COUNT SVG_ELEMENTS"""
import struct
import sys
import zlib


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def write_png(path, w, h, seed):
    z = zlib.compressobj(1)
    parts = []
    for y in range(h):
        band = (y * 8 // h + seed) % 8
        left = bytes(((band * 30 + seed * 17) % 256, 90, 255 - band * 30)) * (w // 2)
        right = bytes((255 - band * 30, (seed * 40) % 256, band * 30)) * (w - w // 2)
        parts.append(z.compress(b"\0" + left + right))
    parts.append(z.flush())
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)))
        f.write(chunk(b"IDAT", b"".join(parts)) + chunk(b"IEND", b""))


def write_svg(path, elements):
    with open(path, "w") as f:
        f.write('<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="1000">\n')
        for i in range(elements - 1):
            f.write('<rect x="%d" y="%d" width="1" height="1" fill="#%06x"/>\n' % (i % 1000, i // 1000 % 1000, i % 0xFFFFFF))
        f.write("</svg>\n")


if __name__ == "__main__":
    out, count, elements = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    for n in range(count):
        write_png("%s/big%d.png" % (out, n + 1), 7000, 7000, n)
    if elements:
        write_svg("%s/many.svg" % out, elements)
