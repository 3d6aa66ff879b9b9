#!/usr/bin/python3
"""Reference sample counts for AudioFilesSharedDataTest.songsDecodeToTheirGaplessLength.

An independent decoder: libsndfile (1.2.0 here, via python3-soundfile), which decodes MP3 with
mpg123 in gapless mode, i.e. it skips the Xing/Info frame and trims encoder delay + 529 samples at
the start and max(0, padding - 529) at the end, as read from the LAME tag.
Run from the repository root:  /usr/bin/python3 plugin/src/test/resources/org/genrevamp/audio/mp3_reference_lengths.py
Output lines are pasted into the test's @CsvSource: file, rate, channels, frames.
"""
import pathlib
import soundfile

songs = pathlib.Path(__file__).resolve().parents[7] / "../shared/data/songs"
for path in sorted(songs.resolve().glob("*.mp3")):
    data, rate = soundfile.read(str(path), dtype="float32", always_2d=True)
    print(f'"{path.name}, {rate}, {data.shape[1]}, {data.shape[0]}",')
