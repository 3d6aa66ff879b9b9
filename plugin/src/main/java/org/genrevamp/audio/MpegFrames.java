package org.genrevamp.audio;

/**
 * Just enough MPEG-audio framing to find where the audio starts and to read the Xing/Info + LAME tag
 * (jlayer reads neither): the ID3v2 size, frame-header validity and length, and the gapless fields.
 * Layouts: ISO 11172-3 / 13818-3 headers; Xing/LAME tag as in LAME's {@code VbrTag.c}.
 */
final class MpegFrames {
    /** Where the first frame lies (ID3v2 and junk skipped), what kind, and the gapless info if tagged. */
    record Start(int offset, int sampleRate, int samplesPerFrame, boolean tagFrame, boolean gapless,
                 int encoderDelay, int encoderPadding) {
    }

    /** How far past the ID3v2 tag to look for the first frame. */
    static final int SEARCH_LIMIT_BYTES = 64 * 1024;

    private static final int[][] BITRATE_KBPS = {
        {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448}, // MPEG-1 layer I
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},    // MPEG-1 layer II
        {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},     // MPEG-1 layer III
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},    // MPEG-2/2.5 layer I
        {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},         // MPEG-2/2.5 layers II, III
    };
    private static final int[] MPEG1_RATES = {44100, 48000, 32000};

    private MpegFrames() {
    }

    /**
     * Finds the first frame that is followed by a second consistent frame (or ends the file), so that
     * random bytes, which contain sync-like patterns, are not taken for audio.
     *
     * @return the start, or null when no such frame lies within {@link #SEARCH_LIMIT_BYTES} of the tag
     */
    static Start find(byte[] data) {
        int from = id3v2Length(data);
        int limit = (int) Math.min(data.length - 4L, (long) from + SEARCH_LIMIT_BYTES);
        for (int p = from; p < limit; p++) {
            int header = readInt(data, p);
            int length = frameLength(header);
            if (length <= 0) {
                continue;
            }
            int next = p + length;
            boolean endsFile = next == data.length;
            if (!endsFile && (next > data.length - 4 || !sameStream(header, readInt(data, next)))) {
                continue;
            }
            return start(data, p, header, length);
        }
        return null;
    }

    /** Bytes taken by an ID3v2 tag at the start (header, body, footer), 0 if there is none. */
    static int id3v2Length(byte[] data) {
        if (data.length < 10 || data[0] != 'I' || data[1] != 'D' || data[2] != '3') {
            return 0;
        }
        int size = (data[6] & 0x7F) << 21 | (data[7] & 0x7F) << 14 | (data[8] & 0x7F) << 7 | (data[9] & 0x7F);
        int footer = (data[5] & 0x10) != 0 ? 10 : 0;
        return (int) Math.min(data.length, 10L + size + footer);
    }

    /** Frame length in bytes for a 32-bit header, or -1 if it is not a valid (non-free-format) header. */
    static int frameLength(int header) {
        int version = (header >>> 19) & 3; // 0 = MPEG-2.5, 1 = reserved, 2 = MPEG-2, 3 = MPEG-1
        int layer = 4 - ((header >>> 17) & 3); // 1, 2, 3; 4 = reserved
        int bitrateIndex = (header >>> 12) & 0xF;
        int rateIndex = (header >>> 10) & 3;
        if ((header >>> 21) != 0x7FF || version == 1 || layer == 4 || bitrateIndex == 0 || bitrateIndex == 15
                || rateIndex == 3) {
            return -1;
        }
        boolean mpeg1 = version == 3;
        int table = mpeg1 ? layer - 1 : (layer == 1 ? 3 : 4);
        int bitrate = BITRATE_KBPS[table][bitrateIndex] * 1000;
        int rate = sampleRate(header);
        int padding = (header >>> 9) & 1;
        if (layer == 1) {
            return (12 * bitrate / rate + padding) * 4;
        }
        int slotsFactor = layer == 3 && !mpeg1 ? 72 : 144;
        return slotsFactor * bitrate / rate + padding;
    }

    static int sampleRate(int header) {
        int version = (header >>> 19) & 3;
        int base = MPEG1_RATES[(header >>> 10) & 3];
        return version == 3 ? base : version == 2 ? base / 2 : base / 4;
    }

    static int samplesPerFrame(int header) {
        int layer = 4 - ((header >>> 17) & 3);
        boolean mpeg1 = ((header >>> 19) & 3) == 3;
        return layer == 1 ? 384 : layer == 3 && !mpeg1 ? 576 : 1152;
    }

    /** Same version, layer and sample rate: what a following frame of one stream must share. */
    private static boolean sameStream(int a, int b) {
        int mask = 0xFFFE0C00; // sync, version, layer, rate
        return frameLength(b) > 0 && (a & mask) == (b & mask);
    }

    private static Start start(byte[] data, int offset, int header, int length) {
        int rate = sampleRate(header);
        int samples = samplesPerFrame(header);
        boolean mpeg1 = ((header >>> 19) & 3) == 3;
        boolean mono = ((header >>> 6) & 3) == 3;
        boolean crc = ((header >>> 16) & 1) == 0;
        int sideInfo = mpeg1 ? (mono ? 17 : 32) : (mono ? 9 : 17);
        int xing = offset + 4 + (crc ? 2 : 0) + sideInfo;
        int end = Math.min(data.length, offset + length);
        if (matches(data, xing, end, "Xing") || matches(data, xing, end, "Info")) {
            int flags = readInt(data, xing + 4);
            int lame = xing + 8 + ((flags & 1) != 0 ? 4 : 0) + ((flags & 2) != 0 ? 4 : 0)
                    + ((flags & 4) != 0 ? 100 : 0) + ((flags & 8) != 0 ? 4 : 0);
            // LAME extension: 9-byte encoder string, 12 bytes of other fields, then 12+12 bits delay/padding.
            int delay = 0;
            int padding = 0;
            if (lame + 24 <= end) {
                int d = lame + 21;
                delay = (data[d] & 0xFF) << 4 | (data[d + 1] & 0xF0) >> 4;
                padding = (data[d + 1] & 0x0F) << 8 | (data[d + 2] & 0xFF);
            }
            return new Start(offset, rate, samples, true, true, delay, padding);
        }
        boolean vbri = matches(data, offset + 36, end, "VBRI");
        return new Start(offset, rate, samples, vbri, false, 0, 0);
    }

    private static boolean matches(byte[] data, int at, int end, String tag) {
        if (at < 0 || at + tag.length() > end) {
            return false;
        }
        for (int i = 0; i < tag.length(); i++) {
            if (data[at + i] != tag.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int readInt(byte[] data, int at) {
        if (at < 0 || at + 4 > data.length) {
            return 0;
        }
        return (data[at] & 0xFF) << 24 | (data[at + 1] & 0xFF) << 16 | (data[at + 2] & 0xFF) << 8 | (data[at + 3] & 0xFF);
    }
}
