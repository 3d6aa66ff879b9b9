package org.genrevamp.model.tagger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The only Python callables a legacy state-dict pickle may name, and what calling them means here.
 * A pickle is a program: instead of importing whatever {@code GLOBAL} names, the reader maps the four
 * names below to inert Java values and refuses every other one. Nothing is ever instantiated
 * reflectively.
 */
final class TorchGlobals {

    /** Element type of a storage, with its size in the raw data section. */
    enum StorageType {
        FLOAT("FloatStorage", 4),
        LONG("LongStorage", 8);

        final String pythonName;
        final int bytes;

        StorageType(String pythonName, int bytes) {
            this.pythonName = pythonName;
            this.bytes = bytes;
        }
    }

    /** The two allowed callables: {@code collections.OrderedDict} and {@code torch._utils._rebuild_tensor_v2}. */
    enum Callable { ORDERED_DICT, REBUILD_TENSOR_V2 }

    /** A {@code collections.OrderedDict}: a map that, unlike a plain dict, may receive {@code BUILD} state. */
    static final class OrderedDict extends LinkedHashMap<Object, Object> {
        private static final long serialVersionUID = 1L;
    }

    /** A storage named by a persistent id: its key in the data section, element type and element count. */
    record StorageRef(String key, StorageType type, long numel) {
    }

    /** A tensor as pickled: a view (offset, sizes, strides in elements) onto a storage. */
    record TensorView(StorageRef storage, long offset, long[] size, long[] stride) {
    }

    private final String source;

    TorchGlobals(String source) {
        this.source = source;
    }

    /** Opcode GLOBAL: the allowed names, anything else refused. */
    Object global(String module, String name, long offset) throws CheckpointException {
        String full = module + "." + name;
        switch (full) {
            case "collections.OrderedDict":
                return Callable.ORDERED_DICT;
            case "torch._utils._rebuild_tensor_v2":
                return Callable.REBUILD_TENSOR_V2;
            default:
                break;
        }
        if (module.equals("torch")) {
            for (StorageType t : StorageType.values()) {
                if (t.pythonName.equals(name)) {
                    return t;
                }
            }
        }
        throw fail("refused global " + full + " at byte " + offset
                + " (only collections.OrderedDict, torch._utils._rebuild_tensor_v2, torch.FloatStorage, torch.LongStorage)");
    }

    /** Opcode REDUCE: call one of the allowed callables with {@code args}. */
    Object reduce(Object callable, List<Object> args, long offset) throws CheckpointException {
        if (callable == Callable.ORDERED_DICT) {
            // protocol 2 pickles OrderedDict() with no arguments and adds the items with SETITEMS
            if (!args.isEmpty()) {
                throw fail("OrderedDict called with arguments at byte " + offset);
            }
            return new OrderedDict();
        }
        if (callable == Callable.REBUILD_TENSOR_V2) {
            return rebuildTensor(args, offset);
        }
        throw fail("REDUCE of a non-callable (" + describe(callable) + ") at byte " + offset);
    }

    /**
     * Opcode BINPERSID: {@code ('storage', torch.XStorage, key, location, numel[, view_metadata=None])}.
     * The location (e.g. {@code cuda:0}) is ignored: everything is read to the CPU.
     */
    Object persistentLoad(Object pid, long offset) throws CheckpointException {
        if (!(pid instanceof RestrictedUnpickler.Tuple t) || t.items().size() < 5 || t.items().size() > 6
                || !"storage".equals(t.items().get(0))) {
            throw fail("persistent id at byte " + offset + " is not ('storage', type, key, location, numel): "
                    + describe(pid));
        }
        List<Object> p = t.items();
        if (!(p.get(1) instanceof StorageType type) || !(p.get(2) instanceof String key)
                || !(p.get(3) instanceof String) || !(p.get(4) instanceof Long numel) || numel < 0) {
            throw fail("malformed storage persistent id at byte " + offset + ": " + describe(pid));
        }
        if (p.size() == 6 && p.get(5) != null) {
            // very old torch pickled storage slices this way; state dicts from 1.x never do
            throw fail("storage view metadata at byte " + offset + " is not supported");
        }
        return new StorageRef(key, type, numel);
    }

    /** Opcode BUILD: only an OrderedDict's attribute dict (torch's {@code _metadata}), which is ignored. */
    Object build(Object target, Object state, long offset) throws CheckpointException {
        if (target instanceof OrderedDict && state instanceof Map) {
            return target;
        }
        throw fail("BUILD on " + describe(target) + " at byte " + offset + " refused");
    }

    /** {@code _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks)}. */
    private TensorView rebuildTensor(List<Object> a, long offset) throws CheckpointException {
        if (a.size() != 6 || !(a.get(0) instanceof StorageRef storage) || !(a.get(1) instanceof Long storageOffset)
                || !(a.get(2) instanceof RestrictedUnpickler.Tuple size)
                || !(a.get(3) instanceof RestrictedUnpickler.Tuple stride) || !(a.get(4) instanceof Boolean)
                || !(a.get(5) instanceof OrderedDict)) {
            throw fail("malformed _rebuild_tensor_v2 arguments at byte " + offset);
        }
        long[] sizes = longs(size, offset);
        long[] strides = longs(stride, offset);
        if (sizes.length != strides.length) {
            throw fail("tensor at byte " + offset + " has " + sizes.length + " sizes but " + strides.length + " strides");
        }
        return new TensorView(storage, storageOffset, sizes, strides);
    }

    private long[] longs(RestrictedUnpickler.Tuple t, long offset) throws CheckpointException {
        long[] out = new long[t.items().size()];
        for (int i = 0; i < out.length; i++) {
            if (!(t.items().get(i) instanceof Long v) || v < 0) {
                throw fail("tensor size/stride at byte " + offset + " is not a non-negative int: " + describe(t));
            }
            out[i] = v;
        }
        return out;
    }

    static String describe(Object o) {
        if (o == null) {
            return "None";
        }
        if (o instanceof RestrictedUnpickler.Tuple t) {
            // element types only: printing values could recurse through self-referencing containers
            StringBuilder b = new StringBuilder("tuple(");
            for (Object item : t.items()) {
                b.append(b.length() > 6 ? ", " : "").append(scalar(item));
            }
            return b.append(')').toString();
        }
        return scalar(o);
    }

    private static String scalar(Object o) {
        if (o == null) {
            return "None";
        }
        if (o instanceof String s) {
            return "'" + (s.length() > 60 ? s.substring(0, 60) + "..." : s) + "'";
        }
        if (o instanceof Number || o instanceof Boolean || o instanceof Enum) {
            return String.valueOf(o);
        }
        return o.getClass().getSimpleName();
    }

    private CheckpointException fail(String problem) {
        return new CheckpointException(source, problem);
    }
}
