"""Reference novelty curve and peaks for FooteNoveltyTest, following MSAF's foote segmenter
(msaf/algorithms/foote/segmenter.py: median-filtered features, seuclidean self-similarity 1 - D / max D,
Gaussian checkerboard kernel with sigma = M / 3, curve scaled to [0, 1], Gaussian-smoothed with sigma 4,
peaks above a running median plus an offset) with FooteNovelty's documented differences: the maximum
distance is taken over the band |i - j| < M that the kernel reads; filters repeat the edge values
(mode='nearest'); the offset is (1 - sensitivity) * mean / 10 (MSAF: mean / 20, i.e. sensitivity 0.5); the scaling subtracts the minimum.

Run: python3 make_foote_reference.py  (numpy, scipy) -> foote_reference.json
"""
import json

import numpy as np
from scipy import signal
from scipy.ndimage import gaussian_filter1d, median_filter
from scipy.spatial import distance

KERNEL, MEDIAN, FEATURE_MEDIAN, SENSITIVITY = 8, 9, 3, 0.5

# 70 steps of 5 features: three 'sections' with different levels and a slow wobble, no randomness
n = 70
t = np.arange(n)
level = np.where(t < 25, 0.0, np.where(t < 50, 2.0, -1.0))
features = np.stack([level * (d + 1) / 3 + np.sin(0.7 * t + d) * 0.5 for d in range(5)], axis=1).astype(np.float32)

x = features.astype(np.float64)
x = np.stack([median_filter(x[:, d], size=FEATURE_MEDIAN, mode="nearest") for d in range(x.shape[1])], axis=1)
x = (x - x.mean(axis=0)) / x.std(axis=0)
D = distance.squareform(distance.pdist(x, metric="euclidean"))
band = np.abs(t[:, None] - t[None, :]) < KERNEL
S = 1 - D / D[band].max()

g = signal.windows.gaussian(KERNEL, KERNEL / 3.0, sym=True)
G = np.outer(g, g)
h = KERNEL // 2
G[h:, :h] *= -1
G[:h, h:] *= -1

nc = np.zeros(n)
for i in range(h, n - h + 1):
    nc[i] = np.sum(S[i - h:i + h, i - h:i + h] * G)
valid = np.arange(h, n - h + 1)
lo, hi = nc[valid].min(), nc[valid].max()
curve = np.zeros(n)
curve[valid] = (nc[valid] - lo) / (hi - lo)

smooth = gaussian_filter1d(curve, sigma=4, mode="nearest", truncate=4.0)
threshold = median_filter(smooth, size=MEDIAN, mode="nearest") + (1 - SENSITIVITY) * curve.mean() / 10
peaks = [i for i in range(1, n - 1) if smooth[i - 1] < smooth[i] >= smooth[i + 1] and smooth[i] > threshold[i]]

with open("foote_reference.json", "w") as f:
    json.dump({"kernel": KERNEL, "median": MEDIAN, "featureMedian": FEATURE_MEDIAN, "sensitivity": SENSITIVITY,
               "features": features.tolist(), "curve": curve.tolist(), "peaks": peaks}, f)
print("peaks", peaks)
