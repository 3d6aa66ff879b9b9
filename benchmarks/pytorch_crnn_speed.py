#!/usr/bin/python3
"""The original msd/crnn in PyTorch over a whole file, as the transfer issue measured it: mono 16 kHz
(torchaudio resample), non-overlapping 29 s windows, the model's own front end, eval mode.

Usage: /usr/bin/python3 benchmarks/pytorch_crnn_speed.py AUDIO.wav THREADS [PRETRAINED_DIR]
Prints one line: "pytorch threads=N seconds=S realtime=R peak_rss_mb=M". Needs Debian's python3-torch
and python3-torchaudio. The model class is the one the reference vectors were generated with."""
import os
import resource
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "../plugin/src/test/resources/org/genrevamp/model/tagger"))
import torch  # noqa: E402
import torchaudio  # noqa: E402
from won_models import CRNN  # noqa: E402


def main():
    audio, threads = sys.argv[1], int(sys.argv[2])
    pretrained = sys.argv[3] if len(sys.argv) > 3 else os.path.join(HERE, "../../shared/data/pretrained")
    torch.set_num_threads(threads)
    model = CRNN()
    model.load_state_dict(torch.load(os.path.join(pretrained, "msd/crnn/best_model.pth"), map_location="cpu"))
    model.eval()
    start = time.perf_counter()
    waveform, rate = torchaudio.load(audio)
    x = torchaudio.functional.resample(waveform.mean(0), rate, 16000)
    length = 29 * 16000
    windows = x[: (x.numel() // length) * length].reshape(-1, length)
    with torch.no_grad():
        for i in range(0, windows.shape[0], 8):
            model(windows[i:i + 8])
    seconds = time.perf_counter() - start
    duration = waveform.shape[1] / rate
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"pytorch threads={threads} seconds={seconds:.2f} realtime={duration / seconds:.1f} peak_rss_mb={rss:.0f}")


if __name__ == "__main__":
    main()
