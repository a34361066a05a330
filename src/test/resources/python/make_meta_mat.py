"""Writes the synthetic devkit meta.mat fixtures used by DevkitSynsetsTest.

The files mimic the ILSVRC2012 devkit's data/meta.mat structure (an Nx1 struct array `synsets`
with the devkit's fields) but hold only a few entries. IDs 1-3 carry the devkit's real first
three classes (spec section 5.2); IDs 4-6 are synthetic ids for Imagenette classes; ID 1001 is a
non-leaf synset (num_children != 0) that readers must skip.

Run: python3 make_meta_mat.py OUTPUT_DIR   (needs numpy and scipy)
"""
import sys

import numpy as np
from scipy.io import savemat

ENTRIES = [
    (1, "n02119789", "kit fox, Vulpes macrotis", 0, []),
    (2, "n02100735", "English setter", 0, []),
    (3, "n02110185", "Siberian husky", 0, []),
    (4, "n02979186", "cassette player", 0, []),
    (5, "n01440764", "tench, Tinca tinca", 0, []),
    (6, "n02102040", "English springer, English springer spaniel", 0, []),
    (1001, "n00001740", "entity", 2, [1, 2]),
]

FIELDS = ["ILSVRC2012_ID", "WNID", "words", "gloss", "num_children", "children",
          "wordnet_height", "num_train_images"]


def synsets():
    array = np.zeros((len(ENTRIES), 1), dtype=[(f, object) for f in FIELDS])
    for i, (sid, wnid, words, children, kids) in enumerate(ENTRIES):
        array[i, 0]["ILSVRC2012_ID"] = np.array([[sid]], dtype=np.float64)
        array[i, 0]["WNID"] = wnid
        array[i, 0]["words"] = words
        array[i, 0]["gloss"] = "synthetic gloss for " + words.split(",")[0]
        array[i, 0]["num_children"] = np.array([[children]], dtype=np.float64)
        array[i, 0]["children"] = np.array([kids], dtype=np.float64) if kids else np.zeros((1, 0))
        array[i, 0]["wordnet_height"] = np.array([[0 if children == 0 else 3]], dtype=np.float64)
        array[i, 0]["num_train_images"] = np.array([[1300 if children == 0 else 0]], dtype=np.float64)
    return array


if __name__ == "__main__":
    out = sys.argv[1]
    savemat(out + "/meta-synthetic.mat", {"synsets": synsets()}, do_compression=True, format="5")
    savemat(out + "/meta-synthetic-uncompressed.mat", {"synsets": synsets()}, do_compression=False,
            format="5")
