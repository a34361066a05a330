#!/usr/bin/env python3
"""PIL side of the decode benchmark: decode + timm eval preprocessing, one thread.

Usage: pil_decode_bench.py LIST_FILE
  LIST_FILE holds one JPEG path per line. The files are read into memory first; each image is
  then decoded with PIL (optionally after img.draft("RGB", (256, 256)), PIL's DCT-domain
  reduction), converted to RGB, resized shorter side 256 (bicubic), centre-cropped to 224 and
  normalised to a CHW float32 array, as timm's eval transform does for MixNet.

Prints "pil <version>", then one line per mode: "plain <images/s>" and "draft <images/s>", each after one untimed pass,
then "diff <mean> <max>": the draft path's mean and max |difference| to the plain path, in levels.
"""
import io
import sys
import time

import numpy as np
from PIL import Image

SHORT, CROP = 256, 224
MEAN = np.array([0.485, 0.456, 0.406], dtype=np.float32)
STD = np.array([0.229, 0.224, 0.225], dtype=np.float32)


def crop(data, draft):
    img = Image.open(io.BytesIO(data))
    if draft:
        img.draft("RGB", (SHORT, SHORT))
    img = img.convert("RGB")
    w, h = img.size
    nw, nh = (SHORT, int(SHORT * h / w)) if w <= h else (int(SHORT * w / h), SHORT)
    if (nw, nh) != (w, h):
        img = img.resize((nw, nh), Image.BICUBIC)
    top, left = int(round((nh - CROP) / 2.0)), int(round((nw - CROP) / 2.0))
    return np.asarray(img.crop((left, top, left + CROP, top + CROP)))


def tensor(data, draft):
    x = crop(data, draft).astype(np.float32) / 255.0
    return np.ascontiguousarray(((x - MEAN) / STD).transpose(2, 0, 1))


def main():
    with open(sys.argv[1]) as f:
        datas = [open(p.strip(), "rb").read() for p in f if p.strip()]
    print("pil", Image.__version__, flush=True)
    for mode, draft in (("plain", False), ("draft", True)):
        for d in datas:
            tensor(d, draft)
        start = time.perf_counter()
        for d in datas:
            tensor(d, draft)
        print(mode, len(datas) / (time.perf_counter() - start), flush=True)
    diffs = [np.abs(crop(d, True).astype(np.int16) - crop(d, False)) for d in datas]
    print("diff", float(np.mean([x.mean() for x in diffs])), int(max(x.max() for x in diffs)))


if __name__ == "__main__":
    main()
