package org.genrevamp.trainer.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each annotation format as its tool writes it, and the one-line messages for malformed lines. */
class AnnotationReadersTest {
    /** Times are parsed from decimal text: exact to double rounding. */
    private static final double TIME = 1e-9;

    @TempDir
    Path tmp;

    private Path write(String name, String text) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private static void assertSpan(LabelledSpan s, double start, double end, String label, int line) {
        assertEquals(start, s.start(), TIME);
        assertEquals(end, s.end(), TIME);
        assertEquals(label, s.label());
        assertEquals(line, s.line());
    }

    @Test
    void svRegionsLayerWithAndWithoutHeader() throws Exception {
        // SV 4.x "Export Annotation Layer" of a regions layer: time,value,duration,label (header optional)
        List<LabelledSpan> plain = new SvCsvReader().read(write("a.csv",
                "0.000000000,1,12.500000000,waltz\n12.500000000,2,10.000000000,\"slow, foxtrot\"\n"));
        assertEquals(2, plain.size());
        assertSpan(plain.get(0), 0, 12.5, "waltz", 1);
        assertSpan(plain.get(1), 12.5, 22.5, "slow, foxtrot", 2);
        List<LabelledSpan> header = new SvCsvReader().read(write("b.csv",
                "TIME,VALUE,DURATION,LABEL\n3.0,0,2.0,tango\n"));
        assertSpan(header.get(0), 3, 5, "tango", 2);
    }

    @Test
    void svInstantsLayerBecomesSegmentsUntilTheNextInstant() throws Exception {
        List<LabelledSpan> s = new SvCsvReader().read(write("i.csv", "0.0,intro\n4.0,\n10.0,verse\n"));
        // an instant with an empty label starts an unlabelled gap; the last runs to the end of the audio
        assertEquals(2, s.size());
        assertSpan(s.get(0), 0, 4, "intro", 1);
        assertSpan(s.get(1), 10, Double.POSITIVE_INFINITY, "verse", 3);
    }

    @Test
    void svlRegionsInSampleFrames() throws Exception {
        String svl = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE sonic-visualiser>
                <sv>
                  <data>
                    <model id="1" name="" sampleRate="44100" start="0" end="441000" type="sparse" dimensions="3" resolution="1" notifyOnAdd="true" dataset="0" subtype="region" valueQuantization="0" minimum="1" maximum="2" units=""/>
                    <dataset id="0" dimensions="3">
                      <point frame="0" value="1" duration="220500" label="samba" />
                      <point frame="264600" value="2" duration="88200" label="rumba" />
                    </dataset>
                  </data>
                  <display>
                    <layer id="2" type="regions" name="Regions" model="1"/>
                  </display>
                </sv>
                """;
        List<LabelledSpan> s = new SvlReader().read(write("r.svl", svl));
        assertEquals(2, s.size());
        assertSpan(s.get(0), 0, 5, "samba", 7);
        assertSpan(s.get(1), 6, 8, "rumba", 8);
    }

    @Test
    void svlTimeInstants() throws Exception {
        String svl = "<sv><data><model id=\"1\" sampleRate=\"48000\" dimensions=\"1\"/><dataset id=\"0\" dimensions=\"1\">\n"
                + "<point frame=\"48000\" label=\"a\"/>\n<point frame=\"96000\" label=\"b\"/>\n</dataset></data></sv>\n";
        List<LabelledSpan> s = new SvlReader().read(write("t.svl", svl));
        assertSpan(s.get(0), 1, 2, "a", 2);
        assertSpan(s.get(1), 2, Double.POSITIVE_INFINITY, "b", 3);
    }

    @Test
    void labAndAudacityLabels() throws Exception {
        List<LabelledSpan> lab = new LabReader().read(write("x.lab", "0.0 4.5 cha cha\n\n4.5\t9.0\trumba\n"));
        assertSpan(lab.get(0), 0, 4.5, "cha cha", 1);
        assertSpan(lab.get(1), 4.5, 9, "rumba", 3);
        // Audacity: tab separated; the "\" line is a spectral selection's frequency range, not a label
        List<LabelledSpan> aud = new AudacityLabelReader().read(write("x.txt",
                "1.000000\t3.500000\tjive\n\\\t100.0\t2000.0\n3.500000\t7.000000\tpolka\n"));
        assertEquals(2, aud.size());
        assertSpan(aud.get(0), 1, 3.5, "jive", 1);
        assertSpan(aud.get(1), 3.5, 7, "polka", 3);
    }

    @Test
    void sonicAnnotatorCsvWithAndWithoutFileColumn() throws Exception {
        // -w csv: time,duration,value,label (genre-vamp's segments output)
        List<LabelledSpan> s = new SonicAnnotatorCsvReader().read(write("song_vamp_genre-vamp_genre_segments.csv",
                "0.000000000,77.928979167,6,\"metal\"\n77.928979167,10.0,2,\"disco\"\n"));
        assertSpan(s.get(0), 0, 77.928979167, "metal", 1);
        assertSpan(s.get(1), 77.928979167, 87.928979167, "disco", 2);
        // --csv-stdout: the file name on a file's first row only
        List<LabelledSpan> f = new SonicAnnotatorCsvReader().read(write("all_vamp_x.csv",
                "\"/music/song.wav\",0.0,5.0,1,\"a\"\n,5.0,5.0,2,\"b\"\n"));
        assertSpan(f.get(0), 0, 5, "a", 1);
        assertSpan(f.get(1), 5, 10, "b", 2);
    }

    @Test
    void malformedLinesNameFileLineAndTime() throws Exception {
        AnnotationException notNumber = assertThrows(AnnotationException.class,
                () -> new LabReader().read(write("bad.lab", "0 1 a\n1 x b\n")));
        assertEquals("bad.lab line 2: end 'x' is not a number", notNumber.getMessage());
        AnnotationException backwards = assertThrows(AnnotationException.class,
                () -> new LabReader().read(write("back.lab", "5 3 a\n")));
        assertEquals("back.lab line 1 (5.000 s): region of length -2.0 s (must be > 0)", backwards.getMessage());
        AnnotationException unlabelled = assertThrows(AnnotationException.class,
                () -> new SvCsvReader().read(write("u.csv", "1.0,1,2.0,\n")));
        assertEquals("u.csv line 1 (1.000 s): region without a label", unlabelled.getMessage());
        AnnotationException values = assertThrows(AnnotationException.class,
                () -> new SvCsvReader().read(write("v.csv", "1.0,0.5,x\n")));
        assertTrue(values.getMessage().startsWith("v.csv line 1 (1.000 s): 3 columns"), values.getMessage());
        AnnotationException point = assertThrows(AnnotationException.class,
                () -> new AudacityLabelReader().read(write("p.txt", "2.0\t2.0\tbeat\n")));
        assertTrue(point.getMessage().startsWith("p.txt line 1 (2.000 s): point label"), point.getMessage());
        AnnotationException xml = assertThrows(AnnotationException.class,
                () -> new SvlReader().read(write("broken.svl", "<sv>\n<data>\n<model sampleRate=\"44100\">\n</sv>\n")));
        assertTrue(xml.getMessage().startsWith("broken.svl line 4: not a valid .svl"), xml.getMessage());
        AnnotationException order = assertThrows(AnnotationException.class,
                () -> new SvCsvReader().read(write("o.csv", "5.0,a\n2.0,b\n")));
        assertTrue(order.getMessage().startsWith("o.csv line 2 (2.000 s): instant not after the one on line 1"),
                order.getMessage());
    }
}
