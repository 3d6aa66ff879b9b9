package org.genrevamp.model.tagger;

/** Names of pickle opcodes, so that a refusal says which one it met ({@code 0x69 'i' INST}). */
final class PickleOpcodeNames {

    // pairs: opcode byte, name (pickletools' names, protocols 0-5)
    private static final String TABLE = "(MARK .STOP 0POP 1POP_MARK 2DUP FFLOAT IINT JBININT KBININT1 LLONG"
            + " MBININT2 NNONE PPERSID QBINPERSID RREDUCE SSTRING TBINSTRING USHORT_BINSTRING VUNICODE"
            + " XBINUNICODE aAPPEND bBUILD cGLOBAL dDICT }EMPTY_DICT eAPPENDS gGET hBINGET iINST"
            + " jLONG_BINGET lLIST ]EMPTY_LIST oOBJ pPUT qBINPUT rLONG_BINPUT sSETITEM tTUPLE )EMPTY_TUPLE"
            + " uSETITEMS GBINFLOAT";
    private static final String[] HIGH = {"PROTO", "NEWOBJ", "EXT1", "EXT2", "EXT4", "TUPLE1", "TUPLE2",
        "TUPLE3", "NEWTRUE", "NEWFALSE", "LONG1", "LONG4", "BINBYTES", "SHORT_BINBYTES", "SHORT_BINUNICODE",
        "BINUNICODE8", "BINBYTES8", "EMPTY_SET", "ADDITEMS", "FROZENSET", "NEWOBJ_EX", "STACK_GLOBAL",
        "MEMOIZE", "FRAME", "BYTEARRAY8", "NEXT_BUFFER", "READONLY_BUFFER"}; // 0x80 .. 0x9a

    private PickleOpcodeNames() {
    }

    /** E.g. {@code "0x69 'i' INST"}, or {@code "0xff (unknown)"}. */
    static String describe(int op) {
        String hex = String.format("0x%02x", op);
        if (op >= 0x80) {
            int i = op - 0x80;
            return hex + " " + (i < HIGH.length ? HIGH[i] : "(unknown)");
        }
        for (String entry : TABLE.split(" ")) {
            if (entry.charAt(0) == op) {
                return hex + " '" + (char) op + "' " + entry.substring(1);
            }
        }
        return hex + (op >= 0x20 && op < 0x7f ? " '" + (char) op + "'" : "") + " (unknown)";
    }
}
