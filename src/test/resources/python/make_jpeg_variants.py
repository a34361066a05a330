#!/usr/bin/env python3
"""JPEGs of the kinds a decoder must handle alike, made with PIL from one photo.

Usage: make_jpeg_variants.py OUT_DIR PHOTO

Writes OUT_DIR/<name>.jpg for each chroma subsampling (4:4:4, 4:2:2, 4:2:0), a progressive
4:2:0 file and a greyscale one, at sizes that are not multiples of the 16-pixel MCU (landscape and
portrait), and prints one path per line.
"""
import os
import sys

from PIL import Image

SIZES = [(1001, 777), (517, 1203)]
KINDS = {
    "444": dict(subsampling=0),
    "422": dict(subsampling=1),
    "420": dict(subsampling=2),
    "420_progressive": dict(subsampling=2, progressive=True),
    "grey": dict(),
}


def main():
    out, photo = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    source = Image.open(photo).convert("RGB")
    for w, h in SIZES:
        big = source.resize((w, h), Image.LANCZOS)
        for kind, options in KINDS.items():
            img = big.convert("L") if kind == "grey" else big
            path = os.path.join(out, "%s_%dx%d.jpg" % (kind, w, h))
            img.save(path, "JPEG", quality=90, **options)
            print(path)


if __name__ == "__main__":
    main()
