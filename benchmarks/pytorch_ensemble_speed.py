#!/usr/bin/python3
"""The default model's three original networks in PyTorch over a whole file, as issue 18 measures them:
mono 16 kHz (torchaudio resample), msd/crnn and msd/fcn on non-overlapping 29.1 s windows, jamendo/musicnn
on non-overlapping 3 s windows, each model's own front end, eval mode, batches of 8 windows.

Usage: /usr/bin/python3 benchmarks/pytorch_ensemble_speed.py AUDIO.wav THREADS [PRETRAINED_DIR]
Prints one line: "pytorch threads=N seconds=S realtime=R peak_rss_mb=M decode=D crnn=C fcn=F musicnn=M".
Needs Debian's python3-torch and python3-torchaudio (for benchmarking only: never in setup.sh or CI). The
model classes are the ones the reference vectors were generated with."""
import os
import resource
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "../plugin/src/test/resources/org/genrevamp/model/tagger"))
import torch  # noqa: E402
import torchaudio  # noqa: E402
from won_models import CRNN, FCN, Musicnn  # noqa: E402

RATE = 16000
NETWORKS = [("crnn", lambda: CRNN(), "msd/crnn", 29.1), ("fcn", lambda: FCN(), "msd/fcn", 29.1),
            ("musicnn", lambda: Musicnn(dataset="jamendo"), "jamendo/musicnn", 3.0)]


def main():
    audio, threads = sys.argv[1], int(sys.argv[2])
    pretrained = sys.argv[3] if len(sys.argv) > 3 else os.path.join(HERE, "../../shared/data/pretrained")
    torch.set_num_threads(threads)
    models = []
    for name, make, folder, seconds in NETWORKS:
        model = make()
        model.load_state_dict(torch.load(os.path.join(pretrained, folder, "best_model.pth"), map_location="cpu"))
        model.eval()
        models.append((name, model, seconds))
    start = time.perf_counter()
    waveform, rate = torchaudio.load(audio)
    x = torchaudio.functional.resample(waveform.mean(0), rate, RATE)
    times = {"decode": time.perf_counter() - start}
    with torch.no_grad():
        for name, model, seconds in models:
            t = time.perf_counter()
            length = int(seconds * RATE)
            windows = x[: (x.numel() // length) * length].reshape(-1, length)
            for i in range(0, windows.shape[0], 8):
                model(windows[i:i + 8])
            times[name] = time.perf_counter() - t
    total = time.perf_counter() - start
    duration = waveform.shape[1] / rate
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    parts = " ".join(f"{k}={v:.1f}" for k, v in times.items())
    print(f"pytorch threads={threads} seconds={total:.2f} realtime={duration / total:.1f} peak_rss_mb={rss:.0f} {parts}")


if __name__ == "__main__":
    main()
