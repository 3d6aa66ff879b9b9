package org.genrevamp.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules as a test: every main class lives in a room named below, and a room imports only
 * the rooms listed for it. The plugin's arrows run vamp.abi -> vamp -> annotate -> model -> dsp
 * (audio beside dsp); the trainer may use model, annotate, dsp and audio but never the host side
 * (vamp). Inside model and trainer the sub-rooms are layered too, and no two rooms form a cycle.
 * A new room, or a new arrow, is a deliberate edit of {@link #ROOMS}.
 */
class RoomsTest {

    private static final String BASE = "org.genrevamp.";
    private static final List<String> MODEL = List.of("model", "model.bundle", "model.scratch", "model.transfer",
            "model.tagger", "model.runtime");
    private static final List<String> ENGINE = concat(MODEL, "annotate", "dsp", "audio");

    /** Room (package under org.genrevamp) -> the other rooms it may import. */
    static final Map<String, List<String>> ROOMS = new LinkedHashMap<>();

    static {
        ROOMS.put("vamp.abi", concat(ENGINE, "vamp"));
        ROOMS.put("vamp", ENGINE);
        ROOMS.put("annotate", concat(MODEL, "dsp", "audio"));
        ROOMS.put("model", List.of("model.bundle", "model.scratch", "model.transfer", "model.tagger",
                "model.runtime", "dsp"));
        ROOMS.put("model.scratch", List.of("model.bundle", "model.runtime", "dsp"));
        ROOMS.put("model.transfer", List.of("model.bundle", "model.tagger", "model.runtime", "dsp"));
        ROOMS.put("model.tagger", List.of("model.runtime", "dsp"));
        ROOMS.put("model.bundle", List.of("model.runtime", "dsp"));
        ROOMS.put("model.runtime", List.of());
        ROOMS.put("audio", List.of("dsp"));
        ROOMS.put("dsp", List.of());
        ROOMS.put("trainer", List.of("trainer.command", "trainer.console"));
        ROOMS.put("trainer.command", concat(ENGINE, "trainer.batch", "trainer.transfer", "trainer.scratch",
                "trainer.annotations", "trainer.features", "trainer.report", "trainer.dataset", "trainer.console"));
        ROOMS.put("trainer.batch", concat(ENGINE, "trainer.transfer", "trainer.features", "trainer.dataset",
                "trainer.console"));
        ROOMS.put("trainer.transfer", concat(ENGINE, "trainer.scratch", "trainer.annotations", "trainer.features",
                "trainer.report", "trainer.dataset", "trainer.console"));
        ROOMS.put("trainer.scratch", concat(ENGINE, "trainer.features", "trainer.report", "trainer.dataset",
                "trainer.console"));
        ROOMS.put("trainer.annotations", concat(ENGINE, "trainer.dataset", "trainer.console"));
        ROOMS.put("trainer.features", concat(ENGINE, "trainer.dataset", "trainer.console"));
        ROOMS.put("trainer.report", concat(ENGINE, "trainer.console"));
        ROOMS.put("trainer.dataset", concat(ENGINE, "trainer.console"));
        ROOMS.put("trainer.console", List.of());
    }

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // in a reactor `verify` the plugin's test classes come as its -tests.jar, not test-classes/
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.genrevamp");
    }

    @Test
    void everyMainClassLivesInANamedRoom() {
        Set<String> unknown = new TreeSet<>();
        for (JavaClass c : classes) {
            String room = c.getPackageName().substring(BASE.length());
            if (!ROOMS.containsKey(room)) {
                unknown.add(room + " (" + c.getSimpleName() + ")");
            }
        }
        assertEquals(Set.of(), unknown, "packages missing from RoomsTest.ROOMS");
    }

    @Test
    void roomsImportOnlyTheRoomsBelowThem() {
        for (Map.Entry<String, List<String>> room : ROOMS.entrySet()) {
            List<String> forbidden = new ArrayList<>();
            for (String other : ROOMS.keySet()) {
                if (!other.equals(room.getKey()) && !room.getValue().contains(other)) {
                    forbidden.add(BASE + other);
                }
            }
            noClasses().that().resideInAPackage(BASE + room.getKey())
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                    .because(room.getKey() + " may import only " + room.getValue())
                    .check(classes);
        }
    }

    @Test
    void noCyclesBetweenRooms() {
        slices().matching("org.genrevamp.(**)").should().beFreeOfCycles().check(classes);
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return List.copyOf(all);
    }
}
