#!/usr/bin/env python3
"""Reference outputs of the PIL operations timm's RandAugment uses, at fixed arguments.

Usage: pil_augment_reference.py OUT_DIR PHOTO
Writes OUT_DIR/<name>.npy (uint8 HWC) for each operation below, applied to PHOTO decoded with
PIL and converted to RGB. Arguments and calls follow timm/data/auto_augment.py.
"""
import os
import sys

import numpy as np
from PIL import Image, ImageEnhance, ImageOps

FILL = (124, 116, 104)


def solarize_add(img, add, thresh=128):
    lut = [min(255, i + add) if i < thresh else i for i in range(256)]
    return img.point(lut * 3)


def affine(img, m):
    return img.transform(img.size, Image.AFFINE, m, resample=Image.BICUBIC, fillcolor=FILL)


def main():
    out, photo = sys.argv[1], sys.argv[2]
    img = Image.open(photo).convert("RGB")
    dim = ImageEnhance.Brightness(img).enhance(0.5)
    w, h = img.size
    ops = {
        "invert": ImageOps.invert(img),
        "posterize_3": ImageOps.posterize(img, 3),
        "posterize_0": ImageOps.posterize(img, 0),
        "solarize_128": ImageOps.solarize(img, 128),
        "solarize_add_50": solarize_add(img, 50),
        "autocontrast_dim": ImageOps.autocontrast(dim),
        "equalize": ImageOps.equalize(img),
        "color_0.3": ImageEnhance.Color(img).enhance(0.3),
        "color_1.7": ImageEnhance.Color(img).enhance(1.7),
        "contrast_0.4": ImageEnhance.Contrast(img).enhance(0.4),
        "contrast_1.6": ImageEnhance.Contrast(img).enhance(1.6),
        "brightness_0.5": dim,
        "brightness_1.5": ImageEnhance.Brightness(img).enhance(1.5),
        "sharpness_0.2": ImageEnhance.Sharpness(img).enhance(0.2),
        "sharpness_1.8": ImageEnhance.Sharpness(img).enhance(1.8),
        "rotate_17": img.rotate(17, resample=Image.BICUBIC, fillcolor=FILL),
        "rotate_-25": img.rotate(-25, resample=Image.BICUBIC, fillcolor=FILL),
        "shearx_0.2": affine(img, (1, 0.2, 0, 0, 1, 0)),
        "sheary_-0.15": affine(img, (1, 0, 0, -0.15, 1, 0)),
        "translatex_0.18": affine(img, (1, 0, 0.18 * w, 0, 1, 0)),
        "translatey_-0.3": affine(img, (1, 0, 0, 0, 1, -0.3 * h)),
        "flip": img.transpose(Image.FLIP_LEFT_RIGHT),
    }
    os.makedirs(out, exist_ok=True)
    for name, result in ops.items():
        np.save(os.path.join(out, name + ".npy"), np.asarray(result, dtype=np.uint8))
    print("wrote", len(ops), "references to", out)


if __name__ == "__main__":
    main()
