"""Writes the TFRecord fixture used by TfRecordReaderTest, independently of the Java code.

Protobuf bytes are built by hand from example.proto/feature.proto field numbers, and checksums
come from crcmod's CRC-32C with TensorFlow's mask (crc32c.h). Two tf.train.Example records in the
TensorFlow ImageNet layout; the payloads are short stand-ins, not real images:

  0: image/encoded, image/class/label [66] (packed), image/class/synset n01751748,
     image/filename ILSVRC2012_val_00000001.JPEG, image/height [375] (unpacked int64),
     image/object/bbox/xmin [0.25] (float list, to be skipped)
  1: image/encoded, image/class/label [1], no synset, no filename

Run with Debian's python3 and python3-crcmod: python3 make_tfrecord.py OUTPUT_FILE
"""
import struct
import sys

import crcmod.predefined

CRC32C = crcmod.predefined.mkCrcFun("crc-32c")


def masked_crc(data):
    crc = CRC32C(data)
    return (((crc >> 15) | (crc << 17)) + 0xA282EAD8) & 0xFFFFFFFF


def varint(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def ld(field, payload):
    return varint(field << 3 | 2) + varint(len(payload)) + payload


def bytes_feature(*values):
    return ld(1, b"".join(ld(1, v) for v in values))


def int64_packed(*values):
    return ld(3, ld(1, b"".join(varint(v) for v in values)))


def int64_unpacked(*values):
    return ld(3, b"".join(varint(1 << 3 | 0) + varint(v) for v in values))


def float_feature(*values):
    return ld(2, ld(1, b"".join(struct.pack("<f", v) for v in values)))


def example(features):
    entries = b"".join(ld(1, ld(1, name.encode()) + ld(2, feature)) for name, feature in features)
    return ld(1, entries)


def record(data):
    header = struct.pack("<Q", len(data))
    return header + struct.pack("<I", masked_crc(header)) + data + struct.pack("<I", masked_crc(data))


RECORDS = [
    example([
        ("image/encoded", bytes_feature(b"\xff\xd8\xff first image stand-in")),
        ("image/class/label", int64_packed(66)),
        ("image/class/synset", bytes_feature(b"n01751748")),
        ("image/filename", bytes_feature(b"ILSVRC2012_val_00000001.JPEG")),
        ("image/height", int64_unpacked(375)),
        ("image/object/bbox/xmin", float_feature(0.25)),
    ]),
    example([
        ("image/encoded", bytes_feature(b"\x89PNG second image stand-in")),
        ("image/class/label", int64_packed(1)),
    ]),
]

if __name__ == "__main__":
    with open(sys.argv[1], "wb") as f:
        for r in RECORDS:
            f.write(record(r))
