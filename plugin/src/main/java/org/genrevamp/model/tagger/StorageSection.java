package org.genrevamp.model.tagger;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.genrevamp.model.tagger.TorchGlobals.StorageRef;

/**
 * The raw data after the pickles of a legacy {@code torch.save}: for each storage key, in the order of
 * the pickled key list, an int64 little-endian element count and then that many little-endian
 * elements (float32 or int64). Every count is checked against the persistent id's numel and against
 * the bytes left in the file before anything is allocated.
 */
final class StorageSection {

    private StorageSection() {
    }

    /** The storages' values, widened/narrowed to float, and the offset just after the section. */
    record Result(Map<String, float[]> storages, int end) {
    }

    /**
     * @param keys    the pickled key list, in file order
     * @param refs    every storage the state dict references, by key (the only source of element types)
     */
    static Result read(byte[] file, int start, List<String> keys, Map<String, StorageRef> refs, String source)
            throws CheckpointException {
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        in.position(start);
        Map<String, float[]> out = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            StorageRef ref = refs.get(key);
            String what = "storage '" + key + "' (" + (i + 1) + " of " + keys.size() + ")";
            if (ref == null) {
                // torch itself would fail here: the element type is only known from a tensor's persistent id
                throw new CheckpointException(source, what + " is listed but no tensor uses it");
            }
            if (out.containsKey(key)) {
                throw new CheckpointException(source, what + " is listed twice");
            }
            if (in.remaining() < 8) {
                throw new CheckpointException(source, what + " truncated: no element count at byte " + in.position()
                        + ", file ends at " + file.length);
            }
            int countAt = in.position();
            long count = in.getLong();
            if (count != ref.numel()) {
                throw new CheckpointException(source, what + " has element count " + count + " at byte " + countAt
                        + " but its persistent id says " + ref.numel());
            }
            // divide rather than multiply: a forged count must not overflow, nor be allocated before this check
            if (count > in.remaining() / ref.type().bytes) {
                throw new CheckpointException(source, what + " truncated: " + count + " " + ref.type().pythonName
                        + " elements of " + ref.type().bytes + " bytes at byte " + in.position() + ", only "
                        + in.remaining() + " bytes left");
            }
            out.put(key, values(in, (int) count, ref.type()));
        }
        for (String key : refs.keySet()) {
            if (!out.containsKey(key)) {
                throw new CheckpointException(source, "storage '" + key + "' is used by a tensor but has no data");
            }
        }
        return new Result(out, in.position());
    }

    private static float[] values(ByteBuffer in, int count, TorchGlobals.StorageType type) {
        float[] v = new float[count];
        switch (type) {
            case FLOAT -> in.asFloatBuffer().get(v);
            case LONG -> {
                for (int i = 0; i < count; i++) {
                    v[i] = in.getLong(in.position() + 8 * i); // e.g. num_batches_tracked: exact below 2^24
                }
            }
        }
        in.position(in.position() + count * type.bytes);
        return v;
    }
}
