#!/usr/bin/python3
"""Reference data for FcnTaggerTest and MusicnnTaggerTest.

Rebuilds the ORIGINAL FCN and Musicnn classes of Won et al.'s sota-music-tagging-models
(training/model.py, training/modules.py) with torch.nn/torchaudio, loads the pretrained state
dicts, runs them in eval() on two real clips and writes, next to this script:

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

import numpy as np
import torch
import torch.nn as nn
import torchaudio
import torchaudio.functional as AF

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = '/work/shared/data'
PRETRAINED = DATA + '/pretrained'
SR = 16000


# ---- original modules (training/modules.py) ----------------------------------------------
class Conv_2d(nn.Module):
    def __init__(self, input_channels, output_channels, shape=3, stride=1, pooling=2):
        super().__init__()
        self.conv = nn.Conv2d(input_channels, output_channels, shape, stride=stride, padding=shape // 2)
        self.bn = nn.BatchNorm2d(output_channels)
        self.relu = nn.ReLU()
        self.mp = nn.MaxPool2d(pooling)

    def forward(self, x):
        return self.mp(self.relu(self.bn(self.conv(x))))


class Conv_1d(nn.Module):
    def __init__(self, input_channels, output_channels, shape=3, stride=1, pooling=2):
        super().__init__()
        self.conv = nn.Conv1d(input_channels, output_channels, shape, stride=stride, padding=shape // 2)
        self.bn = nn.BatchNorm1d(output_channels)
        self.relu = nn.ReLU()
        self.mp = nn.MaxPool1d(pooling)

    def forward(self, x):
        return self.mp(self.relu(self.bn(self.conv(x))))


class Conv_V(nn.Module):
    # vertical convolution
    def __init__(self, input_channels, output_channels, filter_shape):
        super().__init__()
        self.conv = nn.Conv2d(input_channels, output_channels, filter_shape,
                              padding=(0, filter_shape[1] // 2))
        self.bn = nn.BatchNorm2d(output_channels)
        self.relu = nn.ReLU()

    def forward(self, x):
        x = self.relu(self.bn(self.conv(x)))
        freq = x.size(2)
        out = nn.MaxPool2d((freq, 1), stride=(freq, 1))(x)
        return out.squeeze(2)


class Conv_H(nn.Module):
    # horizontal convolution
    def __init__(self, input_channels, output_channels, filter_length):
        super().__init__()
        self.conv = nn.Conv1d(input_channels, output_channels, filter_length, padding=filter_length // 2)
        self.bn = nn.BatchNorm1d(output_channels)
        self.relu = nn.ReLU()

    def forward(self, x):
        freq = x.size(2)
        out = nn.AvgPool2d((freq, 1), stride=(freq, 1))(x)
        out = out.squeeze(2)
        return self.relu(self.bn(self.conv(out)))


# ---- original models (training/model.py); forward split so the network input is observable --
class FCN(nn.Module):
    def __init__(self, sample_rate=16000, n_fft=512, f_min=0.0, f_max=8000.0, n_mels=96, n_class=50):
        super().__init__()
        self.spec = torchaudio.transforms.MelSpectrogram(sample_rate=sample_rate, n_fft=n_fft,
                                                         f_min=f_min, f_max=f_max, n_mels=n_mels)
        self.to_db = torchaudio.transforms.AmplitudeToDB()
        self.spec_bn = nn.BatchNorm2d(1)
        self.layer1 = Conv_2d(1, 64, pooling=(2, 4))
        self.layer2 = Conv_2d(64, 128, pooling=(2, 4))
        self.layer3 = Conv_2d(128, 128, pooling=(2, 4))
        self.layer4 = Conv_2d(128, 128, pooling=(3, 5))
        self.layer5 = Conv_2d(128, 64, pooling=(4, 4))
        self.dense = nn.Linear(64, n_class)
        self.dropout = nn.Dropout(0.5)

    def logmel(self, wav):
        return self.to_db(self.spec(wav))          # (B, 96, T)

    def from_logmel(self, x):
        x = x.unsqueeze(1)
        x = self.spec_bn(x)
        x = self.layer5(self.layer4(self.layer3(self.layer2(self.layer1(x)))))
        emb = x.view(x.size(0), -1)
        x = self.dropout(emb)
        x = self.dense(x)
        return emb, nn.Sigmoid()(x)

    def forward(self, wav):
        return self.from_logmel(self.logmel(wav))[1]


class Musicnn(nn.Module):
    def __init__(self, sample_rate=16000, n_fft=512, f_min=0.0, f_max=8000.0, n_mels=96, n_class=50,
                 dataset='mtat'):
        super().__init__()
        self.spec = torchaudio.transforms.MelSpectrogram(sample_rate=sample_rate, n_fft=n_fft,
                                                         f_min=f_min, f_max=f_max, n_mels=n_mels)
        self.to_db = torchaudio.transforms.AmplitudeToDB()
        self.spec_bn = nn.BatchNorm2d(1)
        m1 = Conv_V(1, 204, (int(0.7 * 96), 7))
        m2 = Conv_V(1, 204, (int(0.4 * 96), 7))
        m3 = Conv_H(1, 51, 129)
        m4 = Conv_H(1, 51, 65)
        m5 = Conv_H(1, 51, 33)
        self.layers = nn.ModuleList([m1, m2, m3, m4, m5])
        backend_channel = 512 if dataset == 'msd' else 64
        self.layer1 = Conv_1d(561, backend_channel, 7, 1, 1)
        self.layer2 = Conv_1d(backend_channel, backend_channel, 7, 1, 1)
        self.layer3 = Conv_1d(backend_channel, backend_channel, 7, 1, 1)
        dense_channel = 500 if dataset == 'msd' else 200
        self.dense1 = nn.Linear((561 + (backend_channel * 3)) * 2, dense_channel)
        self.bn = nn.BatchNorm1d(dense_channel)
        self.relu = nn.ReLU()
        self.dropout = nn.Dropout(0.5)
        self.dense2 = nn.Linear(dense_channel, n_class)

    def logmel(self, wav):
        return self.to_db(self.spec(wav))

    def front_end(self, x):
        x = x.unsqueeze(1)
        x = self.spec_bn(x)
        return torch.cat([layer(x) for layer in self.layers], dim=1)   # (B, 561, T)

    def from_logmel(self, x):
        out = self.front_end(x)
        res1 = self.layer1(out)
        res2 = self.layer2(res1) + res1
        res3 = self.layer3(res2) + res2
        out = torch.cat([out, res1, res2, res3], dim=1)
        mp = nn.MaxPool1d(out.size(-1))(out)
        avgp = nn.AvgPool1d(out.size(-1))(out)
        out = torch.cat([mp, avgp], dim=1).squeeze(2)
        emb = self.relu(self.bn(self.dense1(out)))
        out = self.dense2(self.dropout(emb))
        return emb, nn.Sigmoid()(out)

    def forward(self, wav):
        return self.from_logmel(self.logmel(wav))[1]


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
        x = fcn.logmel(torch.stack(wavs))                  # (2, 96, 1813)
        emb, tags = fcn.from_logmel(x)
        assert torch.allclose(tags, fcn(torch.stack(wavs)))
        ref.add('fcn.input', x.transpose(1, 2))           # [n][frames][96]
        ref.add('fcn.embedding', emb)
        ref.add('fcn.tags', tags)
        print('fcn', tuple(x.shape), 'emb', tuple(emb.shape), 'max tag', tags.max().item())

        # Musicnn: three 3 s windows per clip (48000 samples -> 188 frames), each spectrogram computed alone
        chunks = [w[s * 48000:(s + 1) * 48000] for w in wavs for s in (0, 3, 7)]
        x = musicnn.logmel(torch.stack(chunks))            # (6, 96, 188)
        emb, tags = musicnn.from_logmel(x)
        assert torch.allclose(tags, musicnn(torch.stack(chunks)))
        ref.add('musicnn.input', x.transpose(1, 2))
        ref.add('musicnn.embedding', emb)
        ref.add('musicnn.tags', tags)
        ref.add('musicnn.frontEnd0', musicnn.front_end(x[:1])[0])   # (561, 188)
        print('musicnn', tuple(x.shape), 'emb', tuple(emb.shape), 'max tag', tags.max().item())
    ref.write('reference')
    shutil.copyfile(os.path.join(PRETRAINED, 'LICENSE'), os.path.join(HERE, 'LICENSE'))


if __name__ == '__main__':
    main()
