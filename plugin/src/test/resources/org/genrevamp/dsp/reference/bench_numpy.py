#!/usr/bin/python3
"""Times melref.log_mel (numpy/scipy, librosa's conventions) on the audio MelThroughputBenchmark hands it.

Usage: bench_numpy.py RAW_FLOAT32_LE_FILE SAMPLE_RATE REPEATS
Prints one line: 'numpy best_s=<seconds> median_s=<seconds> frames=<n>' (one warm-up run first).
The caller sets OMP/OPENBLAS_NUM_THREADS=1 so numpy uses one thread like the Java side.
"""
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import melref  # noqa: E402


def main():
    y = np.fromfile(sys.argv[1], dtype="<f4")
    rate = float(sys.argv[2])
    repeats = int(sys.argv[3])
    cfg = melref.default_config(topDb=80.0)
    db = melref.log_mel(y, rate, cfg)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        db = melref.log_mel(y, rate, cfg)
        times.append(time.perf_counter() - start)
    print("numpy best_s=%.6f median_s=%.6f frames=%d" % (min(times), float(np.median(times)), db.shape[0]))


if __name__ == "__main__":
    main()
