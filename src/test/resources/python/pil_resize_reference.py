#!/usr/bin/env python3
"""Reference crops and resizes with PIL's bicubic filter, for PilResizeTest.

Usage: pil_resize_reference.py OUT_DIR PHOTO CASES_FILE

Writes OUT_DIR/source.npy (the photo as PIL decodes it, uint8 HWC) and, for the i-th line
"cx cy cw ch w h wx wy ww wh" of CASES_FILE, OUT_DIR/case_<i>.npy: the photo cropped to
(cx, cy, cw, ch), resized to w x h with Image.BICUBIC, then cropped to the window (wx, wy, ww, wh).
"""
import os
import sys

import numpy as np
from PIL import Image


def main():
    out, photo, cases = sys.argv[1], sys.argv[2], sys.argv[3]
    img = Image.open(photo).convert("RGB")
    np.save(os.path.join(out, "source.npy"), np.asarray(img, dtype=np.uint8))
    with open(cases) as f:
        for i, line in enumerate(f):
            cx, cy, cw, ch, w, h, wx, wy, ww, wh = (int(v) for v in line.split())
            part = img.crop((cx, cy, cx + cw, cy + ch))
            if (w, h) != (cw, ch):
                part = part.resize((w, h), Image.BICUBIC)
            window = part.crop((wx, wy, wx + ww, wy + wh))
            np.save(os.path.join(out, "case_%d.npy" % i), np.asarray(window, dtype=np.uint8))


if __name__ == "__main__":
    main()
