#!/usr/bin/env python3
"""Reference values for TagGenreMappingTest, computed independently of the Java code with numpy.

A genre's raw score is the mean over its tags of each tag's probability, a tag read from several
feature columns (one per backbone of its tag set) first averaged over them; divided by the genre's
normaliser and normalised to a distribution; fused with a head distribution as
head**(1-w) * mapping**w, renormalised. Probabilities below FLOOR are raised to it before logs.
Run: python3 make_reference.py > reference.json
"""
import json
import numpy as np

FLOOR = 1e-7
rng = np.random.default_rng(17)
# genre -> tags -> feature columns (a tag of a set two backbones share has two columns)
columns = [[[0, 6], [3]], [[1, 7], [4], [5]], [[2, 8]]]
normalisers = [0.2, 0.05, 0.4]
weights = [0.0, 0.35, 1.0]


def distribution(x):
    raw = np.array([np.mean([np.mean(x[c]) for c in tags]) for tags in columns])
    s = np.maximum(FLOOR, raw / np.array(normalisers))
    return raw, s / s.sum()


def fuse(head, m, w):
    log = (1 - w) * np.log(np.maximum(FLOOR, head)) + w * np.log(np.maximum(FLOOR, m))
    e = np.exp(log - log.max())
    return e / e.sum()


cases = []
for k in range(4):
    x = rng.random(12).astype(np.float32).astype(np.float64)
    head = rng.dirichlet(np.ones(3)).astype(np.float32).astype(np.float64)
    if k == 3:   # a head that is sure: a zero probability meets the floor
        head = np.array([0.0, 1.0, 0.0])
        x[2] = x[8] = 0.0   # genre 2's tag never fires: the mapping's floor
    raw, m = distribution(x)
    cases.append({"features": x.tolist(), "head": head.tolist(), "raw": raw.tolist(), "distribution": m.tolist(),
                  "fused": [fuse(head, m, w).tolist() for w in weights]})
print(json.dumps({"columns": columns, "normalisers": normalisers, "weights": weights, "floor": FLOOR,
                  "cases": cases}, indent=1))
