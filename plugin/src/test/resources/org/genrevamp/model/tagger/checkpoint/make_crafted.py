#!/usr/bin/python3
"""Crafted legacy torch.save files for TorchCheckpointTest (good and hostile).

Run with Debian's torch (python3-torch 1.13): /usr/bin/python3 make_crafted.py (from any directory).
Writes beside this script:
  crafted_view.pth       torch.save(..., _use_new_zipfile_serialization=False) of a transposed
                         (non-contiguous) float view, an offset slice, and an int64 scalar
  crafted_global.pth     valid header, but the state-dict pickle calls os.system('echo pwned')
  crafted_opcode.pth     valid header, but the state-dict pickle uses INST (an opcode that builds objects)
  crafted_truncated.pth  crafted_view.pth cut in the middle of its last storage's data
  crafted_count.pth      a storage whose element count differs from its persistent id's numel
  crafted_oversized.pth  numel and count both 2**40: more data than the file holds
  crafted_past_end.pth   a tensor view whose offset + size reaches past its storage
  crafted_zip.pth        the same state dict in the zip format (PyTorch >= 1.6 default)
  crafted_not_pickle.pth a text file
The hand-written pickles use only struct; the valid hand-written layout is checked against torch.load.
"""
import io
import os
import struct

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
MAGIC = 0x1950a86a20f9469cfc6c


def pickle2(body):
    return b"\x80\x02" + body + b"."


def uni(s):
    b = s.encode("utf-8")
    return b"X" + struct.pack("<I", len(b)) + b


def binint(v):
    return b"J" + struct.pack("<i", v)


def header():
    """Magic, protocol version and sys info, as torch writes them."""
    magic = pickle2(b"\x8a\x0a" + MAGIC.to_bytes(10, "little"))
    version = pickle2(b"M" + struct.pack("<H", 1001))
    info = pickle2(b"}(" + uni("protocol_version") + b"M" + struct.pack("<H", 1001)
                   + uni("little_endian") + b"\x88" + uni("type_sizes")
                   + b"}(" + uni("short") + b"K\x02" + uni("int") + b"K\x04" + uni("long") + b"K\x04uu")
    return magic + version + info


def tensor(key, numel, offset, size, stride):
    """_rebuild_tensor_v2(persistent storage id, offset, size, stride, False, OrderedDict())."""
    pid = (b"(" + uni("storage") + b"ctorch\nFloatStorage\n" + uni(key) + uni("cpu") + binint(numel)
           + b"Nt" + b"Q")
    tup = lambda xs: b"(" + b"".join(binint(x) for x in xs) + b"t"
    return (b"ctorch._utils\n_rebuild_tensor_v2\n(" + pid + binint(offset) + tup(size) + tup(stride)
            + b"\x89ccollections\nOrderedDict\n)Rt" + b"R")


def state_dict(entries):
    """An OrderedDict of name -> tensor pickle."""
    return pickle2(b"ccollections\nOrderedDict\n)R(" + b"".join(uni(k) + v for k, v in entries) + b"u")


def key_list(keys):
    return pickle2(b"](" + b"".join(uni(k) for k in keys) + b"e")


def storage(count, values):
    return struct.pack("<q", count) + struct.pack("<%df" % len(values), *values)


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def main():
    base = torch.arange(12, dtype=torch.float32).reshape(3, 4)
    flat = torch.arange(100, 110, dtype=torch.float32)
    good = {"w": base.t(), "tail": flat[4:9], "count": torch.tensor(7, dtype=torch.int64)}
    assert not good["w"].is_contiguous() and good["tail"].storage_offset() == 4
    buf = io.BytesIO()
    torch.save(good, buf, _use_new_zipfile_serialization=False)
    view = buf.getvalue()
    write("crafted_view.pth", view)
    buf = io.BytesIO()
    torch.save(good, buf)
    write("crafted_zip.pth", buf.getvalue())

    # the hand-written layout is a real checkpoint: torch reads it back
    hand = (header() + state_dict([("w", tensor("k", 12, 0, [3, 4], [4, 1]))]) + key_list(["k"])
            + storage(12, [float(i) for i in range(12)]))
    assert torch.equal(torch.load(io.BytesIO(hand))["w"], base)

    evil = pickle2(b"cos\nsystem\n" + uni("echo pwned") + b"\x85R")
    write("crafted_global.pth", header() + evil + key_list([]))
    inst = pickle2(b"(" + uni("echo pwned") + b"ios\nsystem\n")
    write("crafted_opcode.pth", header() + inst + key_list([]))

    write("crafted_truncated.pth", view[:-10])

    one = [("w", tensor("k", 4, 0, [4], [1]))]
    write("crafted_count.pth", header() + state_dict(one) + key_list(["k"]) + storage(5, [1, 2, 3, 4, 5]))
    huge = 1 << 40
    pid_huge = (b"ctorch._utils\n_rebuild_tensor_v2\n((" + uni("storage") + b"ctorch\nFloatStorage\n" + uni("k")
                + uni("cpu") + b"\x8a\x06" + huge.to_bytes(6, "little") + b"NtQ" + binint(0) + b"(" + binint(4)
                + b"t(" + binint(1) + b"t\x89ccollections\nOrderedDict\n)RtR")
    write("crafted_oversized.pth", header() + state_dict([("w", pid_huge)]) + key_list(["k"])
          + struct.pack("<q", huge) + struct.pack("<4f", 1, 2, 3, 4))

    past = [("w", tensor("k", 4, 2, [3], [1]))]  # elements 2, 3, 4 of a 4-element storage
    write("crafted_past_end.pth", header() + state_dict(past) + key_list(["k"]) + storage(4, [1, 2, 3, 4]))

    write("crafted_not_pickle.pth", b"this is not a checkpoint\n")


if __name__ == "__main__":
    main()
