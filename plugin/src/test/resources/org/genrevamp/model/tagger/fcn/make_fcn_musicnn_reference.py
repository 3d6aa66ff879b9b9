#!/usr/bin/python3
"""Reference data for FcnTaggerTest and MusicnnTaggerTest.

Builds the ORIGINAL FCN and Musicnn of Won et al.'s sota-music-tagging-models (in
../won_models.py), loads the pretrained state dicts, runs them in eval() on two real clips and
writes, next to this script:

  fcn-msd-weights.{f32,json}          msd/fcn state dict (without the mel front end's buffers)
  musicnn-jamendo-weights.{f32,json}  jamendo/musicnn state dict (likewise)
  reference.{f32,json}                network INPUTS (log-mel dB windows, [n][frames][96]),
                                      embeddings and the 50 sigmoid tags; musicnn's front-end
                                      output of the first window (561 x 188) as a debugging aid
  LICENSE                             the MIT licence of the weights

Format: *.f32 is raw little-endian float32; *.json is {"tensors": [{"name", "shape", "offset"}]}
with offset in bytes. No audio waveform is stored, only derived log-mel features.

Run with Debian's python3 (torch 1.13, torchaudio 0.13):
  /usr/bin/python3 make_fcn_musicnn_reference.py
"""
import json
import os
import shutil
import subprocess
import sys

import numpy as np
import torch
import torch.nn as nn
import torchaudio.functional as AF

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from won_models import FCN, Musicnn  # noqa: E402

DATA = '/work/shared/data'
PRETRAINED = DATA + '/pretrained'
SR = 16000


# ---- the original forward passes, split so that the network input is observable ----------
def logmel(model, wav):
    """The models' own front end: (B, 96, T) log-mel dB, the input of the Java networks."""
    return model.to_db(model.spec(wav))


def fcn_from_logmel(model, x):
    """FCN.forward from the log-mel on: (embedding, tags)."""
    x = model.spec_bn(x.unsqueeze(1))
    x = model.layer5(model.layer4(model.layer3(model.layer2(model.layer1(x)))))
    emb = x.view(x.size(0), -1)
    return emb, nn.Sigmoid()(model.dense(model.dropout(emb)))


def musicnn_front_end(model, x):
    """Musicnn's front end from the log-mel on: (B, 561, T)."""
    x = model.spec_bn(x.unsqueeze(1))
    return torch.cat([layer(x) for layer in model.layers], dim=1)


def musicnn_from_logmel(model, x):
    """Musicnn.forward from the log-mel on: (embedding, tags)."""
    out = musicnn_front_end(model, x)
    res1 = model.layer1(out)
    res2 = model.layer2(res1) + res1
    res3 = model.layer3(res2) + res2
    out = torch.cat([out, res1, res2, res3], dim=1)
    mp = nn.MaxPool1d(out.size(-1))(out)
    avgp = nn.AvgPool1d(out.size(-1))(out)
    out = torch.cat([mp, avgp], dim=1).squeeze(2)
    emb = model.relu(model.bn(model.dense1(out)))
    out = model.dense2(model.dropout(emb))
    return emb, nn.Sigmoid()(out)


# ---- helpers -----------------------------------------------------------------------------
def decode(path, offset_s, seconds):
    """Mono float waveform at 16 kHz: sox decodes (and downmixes) at the native rate, torchaudio resamples."""
    rate = int(subprocess.check_output(['soxi', '-r', path]).decode().strip())
    raw = subprocess.check_output(['sox', '-G', '-V1', path, '-t', 'f32', '-e', 'floating-point', '-c', '1', '-',
                                   'trim', str(offset_s), str(seconds + 1)])
    wav = torch.from_numpy(np.frombuffer(raw, dtype='<f4').copy())
    wav = AF.resample(wav, rate, SR)
    return wav[:int(seconds * SR)]


class Dump:
    def __init__(self):
        self.index, self.chunks, self.offset = [], [], 0

    def add(self, name, t):
        a = np.ascontiguousarray(t.detach().cpu().numpy() if torch.is_tensor(t) else t, dtype='<f4')
        self.index.append({'name': name, 'shape': list(a.shape), 'offset': self.offset})
        self.chunks.append(a.tobytes())
        self.offset += a.nbytes

    def write(self, stem):
        with open(os.path.join(HERE, stem + '.f32'), 'wb') as f:
            for c in self.chunks:
                f.write(c)
        with open(os.path.join(HERE, stem + '.json'), 'w') as f:
            f.write('{"tensors": [\n')
            f.write(',\n'.join(json.dumps(e) for e in self.index))
            f.write('\n]}\n')


def load(model, rel):
    sd = torch.load(os.path.join(PRETRAINED, rel), map_location='cpu')
    model.load_state_dict(sd, strict=True)
    model.eval()
    weights = Dump()
    for k, v in sd.items():
        # the mel front end's buffers and the int64 batch counters are not used by the Java networks
        if k.startswith('spec.') or k.endswith('num_batches_tracked'):
            continue
        weights.add(k, v.float())
    return weights


def main():
    torch.set_num_threads(1)
    clips = [  # (name, path, offset s): 29 s each
        ('jazz.00000', DATA + '/gtzan-excerpts/full/jazz/jazz.00000.au', 0.0),
        ('reggae', DATA + '/songs/reggae.mp3', 30.0),
    ]
    wavs = [decode(p, off, 29.0) for _, p, off in clips]

    fcn = FCN()
    load(fcn, 'msd/fcn/best_model.pth').write('fcn-msd-weights')
    musicnn = Musicnn(dataset='jamendo')
    load(musicnn, 'jamendo/musicnn/best_model.pth').write('musicnn-jamendo-weights')

    ref = Dump()
    with torch.no_grad():
        # FCN: one 29 s window per clip (464000 samples -> 1813 frames)
        x = logmel(fcn, torch.stack(wavs))                  # (2, 96, 1813)
        emb, tags = fcn_from_logmel(fcn, x)
        assert torch.allclose(tags, fcn(torch.stack(wavs)))
        ref.add('fcn.input', x.transpose(1, 2))           # [n][frames][96]
        ref.add('fcn.embedding', emb)
        ref.add('fcn.tags', tags)
        print('fcn', tuple(x.shape), 'emb', tuple(emb.shape), 'max tag', tags.max().item())

        # Musicnn: three 3 s windows per clip (48000 samples -> 188 frames), each spectrogram computed alone
        chunks = [w[s * 48000:(s + 1) * 48000] for w in wavs for s in (0, 3, 7)]
        x = logmel(musicnn, torch.stack(chunks))            # (6, 96, 188)
        emb, tags = musicnn_from_logmel(musicnn, x)
        assert torch.allclose(tags, musicnn(torch.stack(chunks)))
        ref.add('musicnn.input', x.transpose(1, 2))
        ref.add('musicnn.embedding', emb)
        ref.add('musicnn.tags', tags)
        ref.add('musicnn.frontEnd0', musicnn_front_end(musicnn, x[:1])[0])   # (561, 188)
        print('musicnn', tuple(x.shape), 'emb', tuple(emb.shape), 'max tag', tags.max().item())
    ref.write('reference')
    shutil.copyfile(os.path.join(PRETRAINED, 'LICENSE'), os.path.join(HERE, 'LICENSE'))


if __name__ == '__main__':
    main()
