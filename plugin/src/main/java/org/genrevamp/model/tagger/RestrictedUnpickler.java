package org.genrevamp.model.tagger;

import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pickle reader that runs only the opcodes a protocol-2 PyTorch state dict uses and delegates every
 * name ({@code GLOBAL}), call ({@code REDUCE}), {@code BUILD} and persistent id to {@link TorchGlobals},
 * which allows a fixed handful. Any other opcode is refused with its name and byte offset.
 *
 * <p>Values: {@code None} → null, bool → Boolean, int → Long (BigInteger when wider than 64 bits),
 * float → Double, str/bytes-string → String, tuple → {@link Tuple}, list → ArrayList, dict →
 * LinkedHashMap. Work is iterative and every object costs at least one input byte, so memory stays
 * proportional to the pickle's size.
 */
final class RestrictedUnpickler {

    /** An immutable Python tuple (distinct from a list, which pickles differently). */
    record Tuple(List<Object> items) {
        Tuple {
            items = Collections.unmodifiableList(new ArrayList<>(items)); // List.copyOf would reject None
        }
    }

    private static final int MAX_GLOBAL_NAME = 256;

    private final byte[] data;
    private final String source;
    private final TorchGlobals globals;
    private int pos;
    private final List<Object> stack = new ArrayList<>();
    private final Deque<Integer> marks = new ArrayDeque<>();
    private final Map<Long, Object> memo = new HashMap<>();

    /** Reads one pickle of {@code data} starting at {@code start}. */
    RestrictedUnpickler(byte[] data, int start, String source, TorchGlobals globals) {
        this.data = data;
        this.pos = start;
        this.source = source;
        this.globals = globals;
    }

    /** Byte offset just after the last opcode read (after {@link #load()}: after STOP). */
    int position() {
        return pos;
    }

    /** Runs the pickle up to its STOP and returns its single result. */
    Object load() throws CheckpointException {
        while (true) {
            int at = pos;
            int op = u8();
            switch (op) {
                case 0x80 -> { // PROTO
                    int v = u8();
                    if (v < 2 || v > 5) {
                        throw fail("pickle protocol " + v + " at byte " + at + " not supported");
                    }
                }
                case 0x95 -> skip(8, at); // FRAME: a read-ahead hint only
                case '.' -> { // STOP
                    if (stack.size() != 1 || !marks.isEmpty()) {
                        throw fail("STOP at byte " + at + " with " + stack.size() + " values on the stack");
                    }
                    return stack.remove(0);
                }
                case '(' -> marks.push(stack.size()); // MARK
                case '}' -> push(new LinkedHashMap<>()); // EMPTY_DICT
                case ']' -> push(new ArrayList<>()); // EMPTY_LIST
                case ')' -> push(new Tuple(List.of())); // EMPTY_TUPLE
                case 't' -> push(new Tuple(popMark(at))); // TUPLE
                case 0x85, 0x86, 0x87 -> tupleN(op - 0x84, at); // TUPLE1..3
                case 's' -> setItem(at); // SETITEM
                case 'u' -> setItems(at); // SETITEMS
                case 'a' -> append(at); // APPEND
                case 'e' -> appends(at); // APPENDS
                case 'q' -> memoPut(u8(), at); // BINPUT
                case 'r' -> memoPut(u32(), at); // LONG_BINPUT
                case 'h' -> memoGet(u8(), at); // BINGET
                case 'j' -> memoGet(u32(), at); // LONG_BINGET
                case 'J' -> push((long) s32()); // BININT
                case 'K' -> push((long) u8()); // BININT1
                case 'M' -> push((long) (u8() | u8() << 8)); // BININT2
                case 0x8a -> push(long1()); // LONG1
                case 'X' -> push(text(u32(), StandardCharsets.UTF_8, at)); // BINUNICODE
                case 0x8c -> push(text(u8(), StandardCharsets.UTF_8, at)); // SHORT_BINUNICODE
                case 'T' -> push(text(s32(), StandardCharsets.ISO_8859_1, at)); // BINSTRING
                case 'U' -> push(text(u8(), StandardCharsets.ISO_8859_1, at)); // SHORT_BINSTRING
                case 0x88 -> push(Boolean.TRUE); // NEWTRUE
                case 0x89 -> push(Boolean.FALSE); // NEWFALSE
                case 'N' -> push(null); // NONE
                case 'G' -> push(Double.longBitsToDouble(s64BigEndian())); // BINFLOAT
                case 'c' -> push(globals.global(line(at), line(at), at)); // GLOBAL
                case 'R' -> reduce(at); // REDUCE
                case 'b' -> build(at); // BUILD
                case 'Q' -> push(globals.persistentLoad(pop(at), at)); // BINPERSID
                default -> throw fail("refused pickle opcode " + PickleOpcodeNames.describe(op) + " at byte " + at);
            }
        }
    }

    private void tupleN(int n, int at) throws CheckpointException {
        if (stackTop() < n) {
            throw fail("TUPLE" + n + " at byte " + at + " with too few values on the stack");
        }
        List<Object> tail = stack.subList(stack.size() - n, stack.size());
        Tuple t = new Tuple(tail);
        tail.clear();
        push(t);
    }

    private void setItem(int at) throws CheckpointException {
        Object value = pop(at);
        Object key = pop(at);
        dictOnTop(at).put(checkKey(key, at), value);
    }

    private void setItems(int at) throws CheckpointException {
        List<Object> items = popMark(at);
        if (items.size() % 2 != 0) {
            throw fail("SETITEMS at byte " + at + " with an odd number of values");
        }
        Map<Object, Object> dict = dictOnTop(at);
        for (int i = 0; i < items.size(); i += 2) {
            dict.put(checkKey(items.get(i), at), items.get(i + 1));
        }
    }

    private void append(int at) throws CheckpointException {
        Object value = pop(at);
        listOnTop(at).add(value);
    }

    private void appends(int at) throws CheckpointException {
        List<Object> items = popMark(at);
        listOnTop(at).addAll(items);
    }

    private void reduce(int at) throws CheckpointException {
        Object args = pop(at);
        Object callable = pop(at);
        if (!(args instanceof Tuple t)) {
            throw fail("REDUCE at byte " + at + " without an argument tuple");
        }
        push(globals.reduce(callable, t.items(), at));
    }

    private void build(int at) throws CheckpointException {
        Object state = pop(at);
        Object target = pop(at);
        push(globals.build(target, state, at));
    }

    private void memoPut(long index, int at) throws CheckpointException {
        if (stackTop() < 1) {
            throw fail("memo put at byte " + at + " on an empty stack");
        }
        memo.put(index, stack.get(stack.size() - 1));
    }

    private void memoGet(long index, int at) throws CheckpointException {
        if (!memo.containsKey(index)) {
            throw fail("memo get of unknown index " + index + " at byte " + at);
        }
        push(memo.get(index));
    }

    /**
     * Only scalar dict keys are allowed: Python would refuse unhashable ones, and a container key could
     * make Java's hashCode recurse through a self-referencing structure.
     */
    private Object checkKey(Object key, int at) throws CheckpointException {
        if (key == null || key instanceof String || key instanceof Long || key instanceof BigInteger
                || key instanceof Boolean || key instanceof Double) {
            return key;
        }
        throw fail("dict key of type " + TorchGlobals.describe(key) + " at byte " + at + " refused");
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> dictOnTop(int at) throws CheckpointException {
        Object top = stackTop() > 0 ? stack.get(stack.size() - 1) : null;
        if (top instanceof Map) {
            return (Map<Object, Object>) top;
        }
        throw fail("SETITEM(S) at byte " + at + " on " + TorchGlobals.describe(top) + ", not a dict");
    }

    @SuppressWarnings("unchecked")
    private List<Object> listOnTop(int at) throws CheckpointException {
        Object top = stackTop() > 0 ? stack.get(stack.size() - 1) : null;
        if (top instanceof ArrayList) {
            return (List<Object>) top;
        }
        throw fail("APPEND(S) at byte " + at + " on " + TorchGlobals.describe(top) + ", not a list");
    }

    /** Values pushed since the last MARK, removed from the stack. */
    private List<Object> popMark(int at) throws CheckpointException {
        if (marks.isEmpty()) {
            throw fail("opcode at byte " + at + " needs a MARK, none is open");
        }
        int mark = marks.pop();
        List<Object> tail = stack.subList(mark, stack.size());
        List<Object> items = new ArrayList<>(tail);
        tail.clear();
        return items;
    }

    /** Stack height above the innermost open MARK (values below it are not ours to take). */
    private int stackTop() {
        return stack.size() - (marks.isEmpty() ? 0 : marks.peek());
    }

    private void push(Object o) {
        stack.add(o);
    }

    private Object pop(int at) throws CheckpointException {
        if (stackTop() < 1) {
            throw fail("opcode at byte " + at + " pops an empty stack");
        }
        return stack.remove(stack.size() - 1);
    }

    private Object long1() throws CheckpointException {
        int n = u8();
        int at = pos;
        need(n, at);
        if (n == 0) {
            return 0L;
        }
        byte[] be = new byte[n]; // LONG1 is little-endian two's complement; BigInteger wants big-endian
        for (int i = 0; i < n; i++) {
            be[i] = data[pos + n - 1 - i];
        }
        pos += n;
        BigInteger v = new BigInteger(be);
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }

    private String text(long length, Charset cs, int at) throws CheckpointException {
        if (length < 0) {
            throw fail("negative string length at byte " + at);
        }
        need(length, at);
        String s = new String(data, pos, (int) length, cs);
        pos += (int) length;
        return s;
    }

    /** A newline-terminated ASCII name (GLOBAL's module and attribute). */
    private String line(int at) throws CheckpointException {
        int start = pos;
        while (pos < data.length && data[pos] != '\n') {
            if (pos - start >= MAX_GLOBAL_NAME) {
                throw fail("GLOBAL name at byte " + at + " longer than " + MAX_GLOBAL_NAME);
            }
            pos++;
        }
        need(1, at);
        String s = new String(data, start, pos - start, StandardCharsets.US_ASCII);
        pos++;
        return s;
    }

    private void skip(int n, int at) throws CheckpointException {
        need(n, at);
        pos += n;
    }

    private int u8() throws CheckpointException {
        need(1, pos);
        return data[pos++] & 0xff;
    }

    private int s32() throws CheckpointException {
        need(4, pos);
        int v = (data[pos] & 0xff) | (data[pos + 1] & 0xff) << 8 | (data[pos + 2] & 0xff) << 16 | data[pos + 3] << 24;
        pos += 4;
        return v;
    }

    private long u32() throws CheckpointException {
        return s32() & 0xffffffffL;
    }

    private long s64BigEndian() throws CheckpointException {
        need(8, pos);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | (data[pos++] & 0xff);
        }
        return v;
    }

    private void need(long n, int at) throws CheckpointException {
        if (n > data.length - pos) {
            throw fail("pickle truncated: " + n + " byte(s) needed at byte " + at + ", file has " + data.length);
        }
    }

    private CheckpointException fail(String problem) {
        return new CheckpointException(source, problem);
    }
}
