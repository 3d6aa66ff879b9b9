"""Independent numpy/scipy implementation of librosa's log-mel conventions (librosa is not used).

Written from librosa's documented formulas (filters.mel, mel_frequencies, hz_to_mel, stft with
center=True, power_to_db) to give the Java engine something independent to be compared with.
Extended with the engine's any-rate rule: at rate r the FFT is round(n_fft * r / ref_sr) samples,
the hop round(hop * r / ref_sr) whole samples (frame k centred on k * hop), and the power is scaled by
(n_fft / fft_at_r) ** power. At the reference rate this is exactly librosa.
"""
import math

import numpy as np
import scipy.signal


def hz_to_mel(f, htk=False):
    f = np.asanyarray(f, dtype=np.float64)
    if htk:
        return 2595.0 * np.log10(1.0 + f / 700.0)
    f_sp = 200.0 / 3
    mels = f / f_sp
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    return np.where(f >= min_log_hz, min_log_mel + np.log(np.maximum(f, 1e-300) / min_log_hz) / logstep, mels)


def mel_to_hz(m, htk=False):
    m = np.asanyarray(m, dtype=np.float64)
    if htk:
        return 700.0 * (10.0 ** (m / 2595.0) - 1.0)
    f_sp = 200.0 / 3
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    return np.where(m >= min_log_mel, min_log_hz * np.exp(logstep * (m - min_log_mel)), f_sp * m)


def mel_filterbank(sr, n_fft, n_mels, fmin, fmax, htk=False, slaney_norm=True):
    """[n_mels, n_fft//2+1] float64 triangular filters evaluated at the exact bin frequencies."""
    fftfreqs = np.fft.rfftfreq(n_fft, d=1.0 / sr)
    mel_f = mel_to_hz(np.linspace(hz_to_mel(fmin, htk), hz_to_mel(fmax, htk), n_mels + 2), htk)
    fdiff = np.diff(mel_f)
    ramps = mel_f[:, None] - fftfreqs[None, :]
    lower = -ramps[:-2] / fdiff[:-1, None]
    upper = ramps[2:] / fdiff[1:, None]
    weights = np.maximum(0.0, np.minimum(lower, upper))
    if slaney_norm:
        weights *= (2.0 / (mel_f[2:] - mel_f[:-2]))[:, None]
    return weights, mel_f[1:-1]


def frame_count(n, hop, n_fft, centred):
    if n == 0:
        return 0
    if centred:
        k = int(math.floor(n / hop)) + 1
        while k > 0 and not (k - 1) * hop <= n:
            k -= 1
        while k * hop <= n:
            k += 1
        return k
    k = 0
    while round_half_up(k * hop) + n_fft <= n:
        k += 1
    return k


def round_half_up(x):
    return int(math.floor(x + 0.5))


def power_spectrogram(y, sr, cfg):
    """[frames, bins] |STFT|^power at rate sr with the any-rate scaling (float64)."""
    ref_sr = cfg["sampleRate"]
    n_fft = max(2, round_half_up(cfg["fftSize"] * sr / ref_sr))
    hop = max(1, round_half_up(cfg["hopSize"] * sr / ref_sr))  # whole samples, as hosts place frames
    y = np.asarray(y, dtype=np.float64)
    n = len(y)
    frames = frame_count(n, hop, n_fft, cfg["centred"])
    if frames == 0:
        return np.zeros((0, n_fft // 2 + 1)), n_fft
    if cfg["centred"]:
        mode = "reflect" if cfg["padMode"] == "REFLECT" else "constant"
        pad = n_fft // 2
        # librosa's symmetric padding; the last centre is <= n, so its frame ends within it
        y = np.pad(y, (pad, pad), mode=mode)
    window = scipy.signal.get_window("hann", n_fft, fftbins=True)
    if float(hop).is_integer():
        # librosa.util.frame: a strided view, no copy
        stack = np.lib.stride_tricks.sliding_window_view(y, n_fft)[::int(hop)][:frames] * window[None, :]
    else:
        starts = [round_half_up(k * hop) for k in range(frames)]
        stack = np.stack([y[s:s + n_fft] for s in starts]) * window[None, :]
    spec = np.abs(np.fft.rfft(stack, axis=1)) ** cfg["power"]
    return spec * (cfg["fftSize"] / n_fft) ** cfg["power"], n_fft


def power_to_db(s, amin, top_db=None):
    db = 10.0 * np.log10(np.maximum(amin, s))
    if top_db is not None and db.size:
        db = np.maximum(db, db.max() - top_db)
    return db


def log_mel(y, sr, cfg):
    """[frames, n_mels] dB (float64); top_db applied when cfg["topDb"] is a number (None = off)."""
    spec, n_fft = power_spectrogram(y, sr, cfg)
    fb, _ = mel_filterbank(sr, n_fft, cfg["melBands"], cfg["fMin"], cfg["fMax"],
                           htk=cfg["melScale"] == "HTK", slaney_norm=cfg["melNorm"] == "SLANEY")
    top = cfg.get("topDb")
    return power_to_db(spec @ fb.T, cfg["amin"], None if top is None or math.isinf(top) else top)


def default_config(**overrides):
    cfg = dict(sampleRate=22050.0, fftSize=2048, hopSize=512, melBands=128, fMin=0.0, fMax=11025.0,
               centred=True, padMode="REFLECT", power=2.0, melScale="SLANEY", melNorm="SLANEY",
               amin=1e-10, topDb=None)
    cfg.update(overrides)
    return cfg
