#!/usr/bin/python3
"""Reference outputs of the pretrained MSD CRNN (Won et al. 2020) for CrnnTaggerTest.

Builds the ORIGINAL network (sota-music-tagging-models class CRNN, in ../won_models.py), loads
shared/data/pretrained/msd/crnn/best_model.pth (legacy torch.save format; plain torch.load reads it)
and runs it in eval() mode. Writes, beside this script:

  crnn_msd_weights.f32 / .json   the state-dict tensors the Java network needs (float32 LE, C order;
                                 the JSON maps name -> {shape, offset} with offset in floats).
                                 MIT licence of the weights: LICENSE-weights.txt here.
  crnn_reference.f32 / .json     inputs and outputs, same format:
     blues.mel        [1813, 96]  log-mel (dB) of blues.00000.au, 16 kHz, samples [0, 464000)
     blues.conv       [128, 18]   output of layer4 (squeezed), for debugging the conv stack
     blues.embedding  [32]        GRU output at the last time step (input of dropout/dense)
     blues.tags       [50]        sigmoid tags
     short.mel/.embedding/.tags   the same for the first 3 s (48000 samples, 188 frames)
     metal.stream     [3626, 96]  log-mel of songs/metal.mp3 from 15 s on (928000 samples)
     metal.w0.*, metal.w1.*       embedding/tags of the 1813-frame windows of metal.stream that
                                  start at frames 0 and 1728 (= 18 conv steps of 96 frames)
     gru.x [20, 128], gru.out [20, 32]  layer5 (the model's GRU) on seeded random input
No audio is written: only derived log-mel features.

Run from anywhere:  /usr/bin/python3 make_crnn_reference.py [shared-data-dir]
"""
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
import torch
import torchaudio

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from won_models import CRNN  # noqa: E402

DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.normpath(os.path.join(HERE, *[".."] * 10, "shared", "data"))
WINDOW_SAMPLES = 464000  # 29 s at 16 kHz -> 1 + 464000 / 256 = 1813 frames


def conv_stack(model, mel):
    """[n, 96, T] dB -> layer4 output [n, 128, T']."""
    x = model.spec_bn(mel.unsqueeze(1))
    for layer in (model.layer1, model.layer2, model.layer3, model.layer4):
        x = layer(x)
    return x.squeeze(2)


def from_mel(model, mel):
    """The tail of CRNN.forward from the log-mel on, keeping the embedding: (embedding, tags)."""
    x = conv_stack(model, mel).permute(0, 2, 1)
    x, _ = model.layer5(x)
    embedding = x[:, -1, :]
    return embedding, torch.sigmoid(model.dense(model.dropout(embedding)))


def load_audio(path):
    """Mono float waveform and rate; sox decodes to a temporary wav (never kept)."""
    with tempfile.TemporaryDirectory() as tmp:
        wav = os.path.join(tmp, "decoded.wav")
        subprocess.run(["sox", path, "-b", "32", "-e", "floating-point", wav], check=True)
        waveform, rate = torchaudio.load(wav)
    return waveform.mean(0), rate


class Store:
    def __init__(self):
        self.index, self.chunks, self.offset = {}, [], 0

    def put(self, name, tensor):
        a = np.ascontiguousarray(tensor.detach().cpu().numpy(), dtype="<f4")
        self.index[name] = {"shape": list(a.shape), "offset": self.offset}
        self.chunks.append(a.reshape(-1))
        self.offset += a.size

    def write(self, stem):
        np.concatenate(self.chunks).tofile(os.path.join(HERE, stem + ".f32"))
        with open(os.path.join(HERE, stem + ".json"), "w") as f:
            json.dump(self.index, f, indent=1)
            f.write("\n")


def main():
    torch.set_num_threads(1)
    model = CRNN()
    state = torch.load(os.path.join(DATA, "pretrained/msd/crnn/best_model.pth"), map_location="cpu")
    model.load_state_dict(state)
    model.eval()

    weights = Store()
    for name, tensor in state.items():
        if not name.startswith("spec.") and not name.endswith("num_batches_tracked"):
            weights.put(name, tensor.float())
    weights.write("crnn_msd_weights")

    ref = Store()
    with torch.no_grad():
        blues, rate = load_audio(os.path.join(DATA, "gtzan-excerpts/full/blues/blues.00000.au"))
        blues = torchaudio.functional.resample(blues, rate, 16000)
        for name, samples in (("blues", WINDOW_SAMPLES), ("short", 48000)):
            audio = blues[:samples].unsqueeze(0)
            mel = model.to_db(model.spec(audio))
            embedding, tags = from_mel(model, mel)
            # the original forward on the audio must agree with the split one used here
            direct = model(audio)
            assert torch.allclose(direct, tags, atol=1e-6), (direct - tags).abs().max()
            ref.put(name + ".mel", mel[0].T)
            ref.put(name + ".embedding", embedding[0])
            ref.put(name + ".tags", tags[0])
            if name == "blues":
                ref.put("blues.conv", conv_stack(model, mel)[0])
            print(name, tuple(mel.shape), "top tags", torch.topk(tags[0], 3).indices.tolist())

        metal, rate = load_audio(os.path.join(DATA, "songs/metal.mp3"))
        metal = torchaudio.functional.resample(metal, rate, 16000)
        start = 15 * 16000
        audio = metal[start:start + 3625 * 256].unsqueeze(0)
        stream = model.to_db(model.spec(audio))  # [1, 96, 3626]
        assert stream.shape[-1] == 3626, stream.shape
        ref.put("metal.stream", stream[0].T)
        for k, first in enumerate((0, 1728)):
            embedding, tags = from_mel(model, stream[:, :, first:first + 1813])
            ref.put("metal.w%d.embedding" % k, embedding[0])
            ref.put("metal.w%d.tags" % k, tags[0])

        g = torch.Generator().manual_seed(1234)
        x = torch.randn(1, 20, 128, generator=g)
        out, _ = model.layer5(x)
        ref.put("gru.x", x[0])
        ref.put("gru.out", out[0])
    ref.write("crnn_reference")


if __name__ == "__main__":
    main()
