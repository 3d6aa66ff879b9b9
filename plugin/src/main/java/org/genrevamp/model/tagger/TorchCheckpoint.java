package org.genrevamp.model.tagger;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.genrevamp.model.tagger.TorchGlobals.StorageRef;
import org.genrevamp.model.tagger.TorchGlobals.TensorView;

/**
 * Reads a PyTorch state dict saved in the legacy (pre-1.6, non-zip) {@code torch.save} format: five
 * pickles (magic number, protocol version 1001, sys info, the state dict, the list of storage keys)
 * followed by each storage's int64 element count and little-endian data.
 *
 * <p>Contract:
 * <ul>
 * <li>The pickles run in a {@link RestrictedUnpickler}: a fixed opcode set and four allowed globals
 * ({@link TorchGlobals}); nothing else in the file can cause code to run or classes to load.</li>
 * <li>Every tensor is returned contiguous and row-major: storage offsets and strides (views such as
 * the GRU's slices of one flat storage, or a transpose) are applied while copying. int64 tensors are
 * converted to float.</li>
 * <li>Refused with {@link CheckpointException}: a zip-format or non-pickle file, wrong magic or protocol,
 * big-endian data, truncation anywhere, a storage count that differs from its persistent id's numel, a
 * view reaching outside its storage, a tensor with more elements than its storage (broadcast views;
 * state dicts never hold them), more materialised elements in total than the file has bytes, and
 * trailing bytes after the last storage (a sign of a corrupt or concatenated file).</li>
 * </ul>
 */
public final class TorchCheckpoint {

    private static final BigInteger MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);
    private static final long PROTOCOL_VERSION = 1001;

    private TorchCheckpoint() {
    }

    /** Reads {@code file}; the message of any failure names it. */
    public static Map<String, Tensor> read(Path file) throws CheckpointException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | OutOfMemoryError e) {
            throw new CheckpointException(file.toString(), "cannot read: " + e, e);
        }
        return read(bytes, file.toString());
    }

    /**
     * Reads a checkpoint held in memory.
     *
     * @param source names the data in error messages
     * @return tensors by state-dict key, in the state dict's order
     */
    public static Map<String, Tensor> read(byte[] bytes, String source) throws CheckpointException {
        checkLooksLegacy(bytes, source);
        TorchGlobals globals = new TorchGlobals(source);
        int[] pos = {0};
        Object magic = next(bytes, pos, source, globals);
        if (!MAGIC.equals(magic)) {
            throw new CheckpointException(source, "not a legacy torch.save file: first pickle is not the magic number");
        }
        Object protocol = next(bytes, pos, source, globals);
        if (!Long.valueOf(PROTOCOL_VERSION).equals(protocol)) {
            throw new CheckpointException(source, "protocol version " + protocol + ", expected " + PROTOCOL_VERSION);
        }
        Object sysInfo = next(bytes, pos, source, globals);
        if (!(sysInfo instanceof Map<?, ?> info) || !Boolean.TRUE.equals(info.get("little_endian"))) {
            throw new CheckpointException(source, "sys info does not say little_endian=True");
        }
        int stateAt = pos[0];
        Object state = next(bytes, pos, source, globals);
        Map<String, TensorView> views = tensorViews(state, stateAt, source);
        Object keys = next(bytes, pos, source, globals);
        List<String> keyList = stringList(keys, source);

        StorageSection.Result storages = StorageSection.read(bytes, pos[0], keyList, storageRefs(views, source), source);
        if (storages.end() != bytes.length) {
            throw new CheckpointException(source, (bytes.length - storages.end()) + " trailing bytes after the last"
                    + " storage at byte " + storages.end());
        }
        return materialise(views, storages.storages(), bytes.length, source);
    }

    /** Clear words for the two commonest wrong inputs, before the unpickler reports a bare opcode. */
    private static void checkLooksLegacy(byte[] bytes, String source) throws CheckpointException {
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            throw new CheckpointException(source, "is a zip-format torch.save (PyTorch >= 1.6); only the legacy"
                    + " format is read (re-save with _use_new_zipfile_serialization=False)");
        }
        if (bytes.length < 2 || (bytes[0] & 0xff) != 0x80) {
            throw new CheckpointException(source, "not a legacy torch.save file: does not start with a pickle"
                    + " PROTO opcode (first byte " + (bytes.length == 0 ? "missing" : String.format("0x%02x", bytes[0]))
                    + ")");
        }
    }

    private static Object next(byte[] bytes, int[] pos, String source, TorchGlobals globals)
            throws CheckpointException {
        RestrictedUnpickler u = new RestrictedUnpickler(bytes, pos[0], source, globals);
        Object value = u.load();
        pos[0] = u.position();
        return value;
    }

    private static Map<String, TensorView> tensorViews(Object state, int at, String source)
            throws CheckpointException {
        if (!(state instanceof Map<?, ?> map)) {
            throw new CheckpointException(source, "state dict at byte " + at + " is not a dict");
        }
        Map<String, TensorView> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String name) || !(e.getValue() instanceof TensorView view)) {
                throw new CheckpointException(source, "state dict entry " + TorchGlobals.describe(e.getKey())
                        + " is not a tensor");
            }
            out.put(name, view);
        }
        return out;
    }

    private static List<String> stringList(Object keys, String source) throws CheckpointException {
        if (!(keys instanceof List<?> list)) {
            throw new CheckpointException(source, "storage key list is not a list");
        }
        List<String> out = new ArrayList<>();
        for (Object k : list) {
            if (!(k instanceof String s)) {
                throw new CheckpointException(source, "storage key " + TorchGlobals.describe(k) + " is not a string");
            }
            out.add(s);
        }
        return out;
    }

    /** One StorageRef per key; tensors sharing a storage must agree on its type and size. */
    private static Map<String, StorageRef> storageRefs(Map<String, TensorView> views, String source)
            throws CheckpointException {
        Map<String, StorageRef> refs = new LinkedHashMap<>();
        for (TensorView v : views.values()) {
            StorageRef old = refs.putIfAbsent(v.storage().key(), v.storage());
            if (old != null && !old.equals(v.storage())) {
                throw new CheckpointException(source, "storage '" + old.key() + "' is named with two types or sizes");
            }
        }
        return refs;
    }

    private static Map<String, Tensor> materialise(Map<String, TensorView> views, Map<String, float[]> storages,
            long fileBytes, String source) throws CheckpointException {
        Map<String, Tensor> out = new LinkedHashMap<>();
        long total = 0;
        for (Map.Entry<String, TensorView> e : views.entrySet()) {
            TensorView v = e.getValue();
            float[] storage = storages.get(v.storage().key());
            int n = checkedElements(e.getKey(), v, storage.length, source);
            total += n;
            if (total > fileBytes) {
                // bounds memory by the input: shared storages could otherwise multiply it
                throw new CheckpointException(source, "tensors hold more elements in total than the file has bytes"
                        + " (at '" + e.getKey() + "')");
            }
            out.put(e.getKey(), new Tensor(intShape(v.size()), StridedCopy.copy(storage, v.offset(), v.size(), v.stride(), n)));
        }
        return out;
    }

    /** Element count of a view, after checking that it lies inside its storage. */
    private static int checkedElements(String name, TensorView v, int storageLength, String source)
            throws CheckpointException {
        String what = "tensor '" + name + "' " + Arrays.toString(v.size());
        try {
            long n = 1;
            long last = v.offset();
            for (int d = 0; d < v.size().length; d++) {
                if (v.size()[d] > Integer.MAX_VALUE) {
                    throw new ArithmeticException("size");
                }
                n = Math.multiplyExact(n, v.size()[d]);
                if (v.size()[d] > 0) {
                    last = Math.addExact(last, Math.multiplyExact(v.size()[d] - 1, v.stride()[d]));
                }
            }
            if (n > storageLength) {
                throw new CheckpointException(source, what + " has more elements than its storage ("
                        + storageLength + ")");
            }
            if (n > 0 && last >= storageLength) {
                throw new CheckpointException(source, what + " with offset " + v.offset() + " and strides "
                        + Arrays.toString(v.stride()) + " reaches element " + last + " past its storage '"
                        + v.storage().key() + "' of " + storageLength);
            }
            return (int) n;
        } catch (ArithmeticException overflow) {
            throw new CheckpointException(source, what + " has sizes/strides too large for its storage");
        }
    }

    private static int[] intShape(long[] size) {
        int[] s = new int[size.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = (int) size[i]; // checkedElements: every size fits an int
        }
        return s;
    }
}
