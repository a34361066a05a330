"""Reads two safetensors files into PyTorch tensors and checks they hold the same state dict.

Usage: compare_safetensors.py EXPORTED REFERENCE
Reads each file as the safetensors format defines it (8-byte little-endian header length, JSON
header, raw little-endian data) into torch tensors, then checks that both have the same keys,
dtypes, shapes and values. Prints 'OK <n> tensors' and exits 0 on success, 1 otherwise.
"""
import json
import struct
import sys

import torch

DTYPES = {"F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16, "F64": torch.float64,
          "I64": torch.int64, "I32": torch.int32}


def load(path):
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    header.pop("__metadata__", None)
    body = data[8 + n:]
    tensors = {}
    for key, info in header.items():
        start, end = info["data_offsets"]
        t = torch.frombuffer(bytearray(body[start:end]), dtype=DTYPES[info["dtype"]])
        tensors[key] = t.reshape(info["shape"])
    return tensors


def main():
    exported, reference = load(sys.argv[1]), load(sys.argv[2])
    problems = []
    if set(exported) != set(reference):
        problems.append("keys differ: only exported %s, only reference %s"
                        % (sorted(set(exported) - set(reference))[:5], sorted(set(reference) - set(exported))[:5]))
    for key in sorted(set(exported) & set(reference)):
        a, b = exported[key], reference[key]
        if a.dtype != b.dtype or a.shape != b.shape:
            problems.append("%s: %s %s vs %s %s" % (key, a.dtype, tuple(a.shape), b.dtype, tuple(b.shape)))
        elif not torch.equal(a, b):
            problems.append("%s: values differ" % key)
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    print("OK %d tensors" % len(exported))


if __name__ == "__main__":
    main()
