#!/usr/bin/env python3
"""Averages the weights of several epoch checkpoints of one fit (uniformly), for evaluation.

Usage: average_checkpoints.py FIT_FOLDER EPOCHS OUT
  FIT_FOLDER  a fit's checkpoint folder (ckpt_save_dir/<run_id>/checkpoints/<fit>)
  EPOCHS      comma-separated completed-epoch numbers, e.g. 28,29,30 (folders epoch-0028 ...)
  OUT         the averaged safetensors file (timm keys), for ./mixnet validate --ckpt_path OUT

Float tensors, BatchNorm running statistics included, are averaged as the EMA of weights does;
integer tensors (num_batches_tracked) are taken from the last epoch. Reads and writes the
safetensors layout directly (8-byte header length, JSON header, raw little-endian data), so it
needs only numpy. docs/benchmarks-log.md ("Convergence") uses it.
"""
import json
import struct
import sys

import numpy as np

DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64}


def read(path):
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    header.pop("__metadata__", None)
    body = data[8 + n:]
    tensors = {}
    for key, spec in header.items():
        start, end = spec["data_offsets"]
        array = np.frombuffer(body[start:end], dtype=DTYPES[spec["dtype"]]).reshape(spec["shape"])
        tensors[key] = (spec["dtype"], array)
    return tensors


def write(path, tensors):
    header, chunks, offset = {}, [], 0
    for key, (dtype, array) in tensors.items():
        raw = np.ascontiguousarray(array).tobytes()
        header[key] = {"dtype": dtype, "shape": list(array.shape), "data_offsets": [offset, offset + len(raw)]}
        offset += len(raw)
        chunks.append(raw)
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(chunks))


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    folder, epochs, out = sys.argv[1], [int(e) for e in sys.argv[2].split(",")], sys.argv[3]
    checkpoints = [read(f"{folder}/epoch-{e:04d}/model.safetensors") for e in epochs]
    averaged = {}
    for key, (dtype, last) in checkpoints[-1].items():
        if dtype == "I64":
            averaged[key] = (dtype, last)
        else:
            mean = sum(c[key][1].astype(np.float64) for c in checkpoints) / len(checkpoints)
            averaged[key] = (dtype, mean.astype(DTYPES[dtype]))
    write(out, averaged)
    print(f"{out}: {len(averaged)} tensors averaged over epochs {epochs}")


if __name__ == "__main__":
    main()
