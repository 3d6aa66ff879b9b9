package org.genrevamp.vamp.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the build leaves in target/vamp: everything a host needs, and nothing the shim must not have. */
class PluginDirectoryTest {

    @Test
    void holdsTheLibraryItsDescriptionsAndItsJava() {
        for (String name : List.of("genre-vamp.so", "genre-vamp.cat", "genre-vamp.n3", "genre-vamp.conf",
                "genre-vamp/libjnidispatch.so", "genre-vamp/genre-vamp.jsa", "genre-vamp/make-cds-archive.sh")) {
            assertTrue(Files.isRegularFile(HostRun.VAMP_DIR.resolve(name)), name);
        }
        try (var jars = Files.list(HostRun.VAMP_DIR.resolve("genre-vamp"))) {
            List<String> names = jars.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar"))
                    .sorted().toList();
            assertEquals(2, names.size(), "start-up jars: " + names);
            assertTrue(names.get(0).startsWith("genre-vamp-plugin") && names.get(1).startsWith("jna-"),
                    names::toString);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void libraryExportsOnlyTheEntryPointAndNeedsOnlyLibc() {
        HostRun symbols = HostRun.run("nm", "-D", "--defined-only", HostRun.LIBRARY.toString());
        assertEquals(0, symbols.exitCode(), symbols::toString);
        List<String> exported = symbols.stdout().lines().map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList();
        assertEquals(List.of("vampGetPluginDescriptor"), exported);
        HostRun dynamic = HostRun.run("readelf", "-d", HostRun.LIBRARY.toString());
        List<String> needed = dynamic.stdout().lines().filter(l -> l.contains("(NEEDED)"))
                .map(l -> l.substring(l.indexOf('[') + 1, l.indexOf(']'))).toList();
        assertTrue(needed.stream().allMatch(n -> n.matches("lib(c|dl|pthread)\\.so\\.\\d+")),
                "no libjvm link: " + needed);
        assertTrue(dynamic.stdout().contains("NODELETE"), "linked with -z nodelete: the JVM cannot be unloaded");
    }

    @Test
    void confNamesAJdkWithALibjvm() throws IOException {
        String jvm = Files.readAllLines(HostRun.VAMP_DIR.resolve("genre-vamp.conf")).stream()
                .filter(l -> l.startsWith("jvm=")).findFirst().orElseThrow().substring(4);
        assertTrue(Files.isRegularFile(Path.of(jvm, "lib/server/libjvm.so")), jvm);
    }

    /** install.sh copies the directory elsewhere, and a host finds the plugin there with a fresh archive. */
    @Test
    void installScriptMakesAWorkingCopy(@TempDir Path dir) throws IOException {
        Path root = Path.of(System.getProperty("genrevamp.root"));
        Path dest = dir.resolve("vamp");
        HostRun install = HostRun.run("bash", root.resolve("install.sh").toString(), dest.toString());
        assertEquals(0, install.exitCode(), install::toString);
        assertTrue(Files.isRegularFile(dest.resolve("genre-vamp/genre-vamp.jsa")), "archive recorded for " + dest);
        HostRun list = HostRun.run(HostRun.TEST_HOST.toString(), "list", dest.resolve("genre-vamp.so").toString());
        assertEquals(0, list.exitCode(), list::toString);
        assertEquals(List.of(), list.pluginMessages(), list::toString);
    }

    /** The category and RDF files describe exactly the plugin and outputs the library reports. */
    @Test
    void catAndN3MatchWhatTheLibraryReports() throws IOException {
        HostRun run = HostRun.run("vamp-simple-host", "--list-outputs");
        List<String> outputs = run.stdout().lines().filter(l -> l.startsWith("vamp:genre-vamp:genre:"))
                .map(l -> l.substring("vamp:genre-vamp:genre:".length())).sorted().toList();
        assertTrue(!outputs.isEmpty(), run::toString);
        String cat = Files.readString(HostRun.VAMP_DIR.resolve("genre-vamp.cat"));
        assertTrue(cat.matches("(?s)vamp:genre-vamp:genre::[^\\n]+\\n"), cat);
        String n3 = Files.readString(HostRun.VAMP_DIR.resolve("genre-vamp.n3"));
        Matcher m = Pattern.compile(
                "plugbase:genre_output_(\\S+) a\\s+vamp:\\w+Output ;\\s+vamp:identifier\\s+\"(\\S+)\"").matcher(n3);
        List<String> described = m.results().map(r -> r.group(2)).sorted().toList();
        assertEquals(outputs, described, "outputs in genre-vamp.n3");
        assertTrue(n3.contains("vamp:identifier       \"genre\""), "plugin identifier in genre-vamp.n3");
    }
}
