package org.genrevamp.vamp.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Structure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JNA mirrors must lay out memory exactly as the C compiler does for vamp/vamp.h: compiles a
 * tiny C program printing sizeof/offsetof of every struct and field, and compares.
 */
class AbiLayoutTest {

    /** struct name in vamp.h -> (JNA mirror, its fields in order). */
    private static final Map<String, VampStructs.Layout> MIRRORS = new LinkedHashMap<>();

    static {
        MIRRORS.put("VampParameterDescriptor", new VampStructs.ParameterDescriptor());
        MIRRORS.put("VampOutputDescriptor", new VampStructs.OutputDescriptor());
        MIRRORS.put("VampFeature", new VampStructs.Feature());
        MIRRORS.put("VampFeatureV2", new VampStructs.FeatureV2());
        MIRRORS.put("VampFeatureList", new VampStructs.FeatureList());
        MIRRORS.put("VampPluginDescriptor", new VampStructs.PluginDescriptor());
    }

    private static Map<String, Long> compiler;

    @BeforeAll
    static void askTheCompiler(@TempDir Path dir) throws IOException, InterruptedException {
        StringBuilder c = new StringBuilder(
                "#include <stddef.h>\n#include <stdio.h>\n#include <vamp/vamp.h>\nint main(void) {\n");
        for (Map.Entry<String, VampStructs.Layout> e : MIRRORS.entrySet()) {
            c.append("  printf(\"").append(e.getKey()).append(" %zu\\n\", sizeof(").append(e.getKey()).append("));\n");
            for (String field : fields(e.getValue())) {
                c.append("  printf(\"").append(e.getKey()).append('.').append(field).append(" %zu\\n\", offsetof(")
                        .append(e.getKey()).append(", ").append(field).append("));\n");
            }
        }
        c.append("  printf(\"VampFeatureUnion %zu\\n\", sizeof(VampFeatureUnion));\n  return 0;\n}\n");
        Path source = Files.writeString(dir.resolve("layout.c"), c);
        Path binary = dir.resolve("layout");
        run(dir, "gcc", "-o", binary.toString(), source.toString());
        compiler = new LinkedHashMap<>();
        for (String line : run(dir, binary.toString()).split("\n")) {
            String[] parts = line.trim().split(" ");
            compiler.put(parts[0], Long.parseLong(parts[1]));
        }
    }

    @Test
    void everyStructHasTheCompilersSize() {
        MIRRORS.forEach((name, mirror) ->
                assertEquals(compiler.get(name), (long) ((Structure) mirror).size(), "sizeof(" + name + ")"));
        assertEquals(compiler.get("VampFeatureUnion"), (long) new VampStructs.FeatureUnion().size(),
                "sizeof(VampFeatureUnion)");
    }

    @Test
    void everyFieldHasTheCompilersOffset() {
        int checked = 0;
        for (Map.Entry<String, VampStructs.Layout> e : MIRRORS.entrySet()) {
            for (String field : fields(e.getValue())) {
                assertEquals(compiler.get(e.getKey() + "." + field), (long) e.getValue().offsetOf(field),
                        "offsetof(" + e.getKey() + ", " + field + ")");
                checked++;
            }
        }
        assertEquals(10 + 15 + 6 + 3 + 2 + 30, checked, "fields compared");
    }

    private static List<String> fields(VampStructs.Layout mirror) {
        return mirror.fieldNames();
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
        assertEquals(0, p.exitValue(),
                String.join(" ", command) + " failed (vamp-plugin-sdk and gcc installed?):\n" + out);
        return out;
    }
}
