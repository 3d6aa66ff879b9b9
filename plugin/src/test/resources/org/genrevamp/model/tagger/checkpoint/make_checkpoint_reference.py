#!/usr/bin/python3
"""Reference values for TorchCheckpointTest, from PyTorch itself.

Run with Debian's torch (python3-torch 1.13), from the repository root:
    /usr/bin/python3 plugin/src/test/resources/org/genrevamp/model/tagger/checkpoint/make_checkpoint_reference.py
Loads each ../shared/data/pretrained/*/*/best_model.pth with torch.load(map_location='cpu') and writes
checkpoint_reference.json beside this script: per file, the tensors in state-dict order with shape,
sum and sum of absolute values (float64, over the row-major values), the first three row-major values,
and how the tensor is laid out in its storage (offset, stride, contiguous).
"""
import glob
import json
import os

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, *[".."] * 9))  # plugin/src/test/resources/org/genrevamp/model/tagger/checkpoint
DATA = os.path.normpath(os.path.join(ROOT, "..", "shared", "data"))


def describe(t):
    flat = t.detach().contiguous().view(-1).to(torch.float64)
    return {
        "shape": list(t.shape),
        "dtype": str(t.dtype),
        "sum": float(flat.sum()),
        "abs_sum": float(flat.abs().sum()),
        # float32 -> float64 is exact, so Java can compare these with ==
        "first": [float(x) for x in flat[:3]],
        "storage_offset": t.storage_offset(),
        "stride": list(t.stride()),
        "contiguous": t.is_contiguous(),
    }


def main():
    out = {}
    for path in sorted(glob.glob(os.path.join(DATA, "pretrained", "*", "*", "best_model.pth"))):
        rel = os.path.relpath(path, DATA).replace(os.sep, "/")
        state = torch.load(path, map_location="cpu")
        out[rel] = {"names": list(state.keys()), "tensors": [describe(t) for t in state.values()]}
    crafted = os.path.join(HERE, "crafted_view.pth")
    if os.path.exists(crafted):
        state = torch.load(crafted, map_location="cpu")
        out["crafted_view.pth"] = {"names": list(state.keys()), "tensors": [describe(t) for t in state.values()]}
    with open(os.path.join(HERE, "checkpoint_reference.json"), "w") as f:
        json.dump({"torch": torch.__version__, "files": out}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
