#!/usr/bin/env python3
"""Makes the larger JPEGs for the decode benchmark from the shared 224x224 photos, with PIL.

Usage: make_bench_jpegs.py PHOTO_DIR OUT_DIR COUNT
Writes OUT_DIR/500x375/*.jpg (a typical ImageNet photo size) and OUT_DIR/1600x1200/*.jpg
(a phone-camera-sized original), quality 90, from the first COUNT photos (sorted) under
PHOTO_DIR, upscaled with Lanczos. Existing files are kept.
"""
import glob
import os
import sys

from PIL import Image

SIZES = [(500, 375), (1600, 1200)]


def main():
    photos = sorted(glob.glob(os.path.join(sys.argv[1], "**", "*.JPEG"), recursive=True))
    out, count = sys.argv[2], int(sys.argv[3])
    step = max(1, len(photos) // count)
    for w, h in SIZES:
        folder = os.path.join(out, "%dx%d" % (w, h))
        os.makedirs(folder, exist_ok=True)
        for photo in photos[::step][:count]:
            path = os.path.join(folder, os.path.basename(photo).rsplit(".", 1)[0] + ".jpg")
            if not os.path.exists(path):
                Image.open(photo).convert("RGB").resize((w, h), Image.LANCZOS).save(path, "JPEG", quality=90)
    print("bench JPEGs in", out)


if __name__ == "__main__":
    main()
