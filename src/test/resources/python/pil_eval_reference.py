#!/usr/bin/env python3
"""Reference eval preprocessing with PIL, as timm evaluates MixNet (spec section 5.1).

Usage: pil_eval_reference.py OUT_DIR PHOTO...

For every PHOTO, and for three larger JPEGs made from the first photos with PIL (so the
downscaling path with antialiasing is exercised), writes:
  OUT_DIR/inputs.txt          one input path per line, in the order below
  OUT_DIR/exact_<i>.npy       uint8 HWC 224x224x3: convert("RGB") -> resize short side 256
                              (bicubic, torchvision's size rule) -> centre crop 224
  OUT_DIR/draft_<i>.npy       the same after img.draft("RGB", (256, 256)) (DCT-domain reduction)
"""
import os
import sys

import numpy as np
from PIL import Image

SHORT, CROP = 256, 224
LARGE_SIZES = [(1600, 1200), (900, 1500), (500, 333)]


def eval_crop(path, draft):
    img = Image.open(path)
    if draft:
        img.draft("RGB", (SHORT, SHORT))
    img = img.convert("RGB")
    w, h = img.size
    # torchvision.transforms.functional.resize, int size: shorter side to SHORT
    if w <= h:
        nw, nh = SHORT, int(SHORT * h / w)
    else:
        nw, nh = int(SHORT * w / h), SHORT
    if (nw, nh) != (w, h):
        img = img.resize((nw, nh), Image.BICUBIC)
    # torchvision.transforms.functional.center_crop
    top = int(round((nh - CROP) / 2.0))
    left = int(round((nw - CROP) / 2.0))
    return np.asarray(img.crop((left, top, left + CROP, top + CROP)), dtype=np.uint8)


def main():
    out = sys.argv[1]
    photos = sys.argv[2:]
    os.makedirs(out, exist_ok=True)
    inputs = list(photos)
    for i, size in enumerate(LARGE_SIZES):
        big = Image.open(photos[i % len(photos)]).convert("RGB").resize(size, Image.LANCZOS)
        path = os.path.join(out, "large_%d_%dx%d.jpg" % (i, size[0], size[1]))
        big.save(path, "JPEG", quality=90)
        inputs.append(path)
    for i, path in enumerate(inputs):
        np.save(os.path.join(out, "exact_%d.npy" % i), eval_crop(path, False))
        np.save(os.path.join(out, "draft_%d.npy" % i), eval_crop(path, True))
    with open(os.path.join(out, "inputs.txt"), "w") as f:
        f.write("\n".join(inputs) + "\n")
    print("PIL", Image.__version__, "wrote", len(inputs), "references to", out)


if __name__ == "__main__":
    main()
