#!/usr/bin/python3
"""Writes the reference vectors the Java DSP tests compare against (MelReferenceTest).

Run from anywhere:  /usr/bin/python3 plugin/src/test/resources/org/genrevamp/dsp/reference/make_reference.py
Needs numpy, scipy, soundfile; reads GTZAN clips from ../shared/data beside the repository.

Output (beside this script): manifest.json describing each case, and raw little-endian float32 files
(row-major, shape in the manifest). Filterbanks are librosa's filters.mel as implemented in melref.py;
log-mels are in dB without top_db unless the case says otherwise. Synthetic inputs are stored (float32)
unless they are sines, which the test regenerates as (float) (amp * sin(2 pi f i / sr)).
"""
import json
import math
import os

import numpy as np
import soundfile

import melref

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, *[".."] * 8))  # .../plugin/src/test/resources/org/genrevamp/dsp/reference
DATA = os.path.normpath(os.path.join(ROOT, "..", "shared", "data"))
CLIPS = ["gtzan-excerpts/short/blues/blues.00001.wav",
         "gtzan-excerpts/short/classical/classical.00001.wav",
         "gtzan-excerpts/short/metal/metal.00001.wav"]


def save(name, array):
    array = np.ascontiguousarray(array, dtype="<f4")
    array.tofile(os.path.join(HERE, name))
    return {"file": name, "shape": list(array.shape)}


def sine(freq, amp, n, sr):
    # same operation order as the Java test: 2 pi f i / sr in double, then float32
    return (amp * np.sin(2 * math.pi * freq * np.arange(n) / sr)).astype(np.float32)


def main():
    assert os.path.isdir(os.path.join(ROOT, "plugin")), ROOT
    manifest = {"generator": "make_reference.py + melref.py (numpy %s)" % np.__version__,
                "filterbanks": [], "logmels": []}

    for name, sr, n_fft, bands, fmin, fmax, scale, norm in [
            ("fb_default", 22050.0, 2048, 128, 0.0, 11025.0, "SLANEY", "SLANEY"),
            ("fb_htk_nonorm", 22050.0, 512, 40, 300.0, 8000.0, "HTK", "NONE")]:
        fb, centres = melref.mel_filterbank(sr, n_fft, bands, fmin, fmax, htk=scale == "HTK",
                                            slaney_norm=norm == "SLANEY")
        entry = dict(name=name, sampleRate=sr, fftSize=n_fft, melBands=bands, fMin=fmin, fMax=fmax,
                     melScale=scale, melNorm=norm, centresHz=centres.tolist())
        entry.update(save(name + ".f32", fb))
        manifest["filterbanks"].append(entry)

    rng = np.random.default_rng(20261121)
    sr = 22050.0
    n = 22050
    impulse = np.zeros(n, np.float32)
    impulse[n // 2] = 1.0
    stored = {
        "dc": np.full(n, 0.5, np.float32),
        "impulse": impulse,
        "noise": (0.1 * rng.standard_normal(n)).astype(np.float32),
        "short300": (0.3 * rng.standard_normal(300)).astype(np.float32),
        "single": np.array([0.25], np.float32),
        "noise48k": (0.1 * rng.standard_normal(24000)).astype(np.float32),
    }
    cases = [
        ("dc", "dc", sr, melref.default_config()),
        ("impulse", "impulse", sr, melref.default_config()),
        ("noise", "noise", sr, melref.default_config()),
        ("short300", "short300", sr, melref.default_config()),
        ("single", "single", sr, melref.default_config()),
        ("noise48k", "noise48k", 48000.0, melref.default_config()),
        ("sine440", dict(freq=440.0, amp=0.5, n=n), sr, melref.default_config()),
        ("sine440_topdb", dict(freq=440.0, amp=0.5, n=n), sr, melref.default_config(topDb=80.0)),
        ("sine1k_11025", dict(freq=1000.0, amp=0.5, n=11025), 11025.0, melref.default_config()),
        ("sine3k_44100", dict(freq=3000.0, amp=0.5, n=44100), 44100.0, melref.default_config()),
        ("sine20_111", dict(freq=20.0, amp=0.5, n=333), 111.0, melref.default_config()),
        ("sine5k_1094091", dict(freq=5000.0, amp=0.5, n=120000), 1094091.0, melref.default_config()),
        ("noise_htk_const_p1", "noise", sr, melref.default_config(
            fftSize=1024, hopSize=256, melBands=64, fMin=50.0, fMax=8000.0, padMode="CONSTANT",
            power=1.0, melScale="HTK", melNorm="NONE")),
        ("noise_noncentred", "noise", sr, melref.default_config(centred=False)),
    ]
    for name, source, rate, cfg in cases:
        if isinstance(source, str):
            y = stored[source]
            input_entry = save("in_" + source + ".f32", y)
        else:
            y = sine(source["freq"], source["amp"], source["n"], rate)
            input_entry = dict(sine=source)
        db = melref.log_mel(y, rate, cfg)
        entry = dict(name=name, sampleRate=rate, config=cfg, input=input_entry)
        entry.update(save("mel_" + name + ".f32", db))
        manifest["logmels"].append(entry)

    for clip in CLIPS:
        y, rate = soundfile.read(os.path.join(DATA, clip), dtype="float32")  # int16 / 32768
        cfg = melref.default_config()
        db = melref.log_mel(y, float(rate), cfg)
        name = os.path.basename(clip).replace(".wav", "")
        entry = dict(name=name, sampleRate=float(rate), config=cfg, input=dict(sharedData=clip))
        entry.update(save("mel_" + name + ".f32", db))
        manifest["logmels"].append(entry)

    with open(os.path.join(HERE, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1, default=lambda o: str(o))
        f.write("\n")


if __name__ == "__main__":
    main()
