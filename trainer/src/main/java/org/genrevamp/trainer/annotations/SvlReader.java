package org.genrevamp.trainer.annotations;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Sonic Visualiser layer files ({@code .svl}: File > Export Annotation Layer, SV's own XML):
 * {@code <model sampleRate=...>} and a {@code <dataset>} of {@code <point frame=... duration=...
 * label=.../>} in sample frames. Points with a duration (regions and notes layers) are regions;
 * points without (time-instants layers) start segments lasting until the next point. Read with the
 * JDK's StAX parser, external entities off.
 */
public final class SvlReader implements AnnotationReader {
    @Override
    public List<LabelledSpan> read(Path file) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        double sampleRate = Double.NaN;
        List<LabelledSpan> regions = new ArrayList<>();
        List<Spans.Instant> instants = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                int line = xml.getLocation().getLineNumber();
                if (xml.getLocalName().equals("model") && Double.isNaN(sampleRate)) {
                    String rate = xml.getAttributeValue(null, "sampleRate");
                    sampleRate = rate == null ? Double.NaN : Spans.seconds(file, line, rate, "sampleRate");
                    if (!(sampleRate > 0)) {
                        throw new AnnotationException(file, line, "<model> needs a sampleRate > 0");
                    }
                } else if (xml.getLocalName().equals("point")) {
                    if (Double.isNaN(sampleRate)) {
                        throw new AnnotationException(file, line, "<point> before any <model sampleRate=...>");
                    }
                    String frame = xml.getAttributeValue(null, "frame");
                    if (frame == null) {
                        throw new AnnotationException(file, line, "<point> without a frame attribute");
                    }
                    double time = Spans.seconds(file, line, frame, "frame") / sampleRate;
                    String label = xml.getAttributeValue(null, "label");
                    String duration = xml.getAttributeValue(null, "duration");
                    if (duration != null) {
                        regions.add(Spans.region(file, line, time,
                                Spans.seconds(file, line, duration, "duration") / sampleRate, label == null ? "" : label));
                    } else {
                        instants.add(new Spans.Instant(time, label == null ? "" : label, line));
                    }
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new AnnotationException(file, line, "not a valid .svl (XML): " + e.getMessage().lines()
                    .reduce((a, b) -> b).orElse("").strip());
        }
        if (!regions.isEmpty() && !instants.isEmpty()) {
            throw new AnnotationException(file, instants.get(0).line(), instants.get(0).time(),
                    "mixes points with and without durations");
        }
        return regions.isEmpty() ? Spans.fromInstants(file, instants) : regions;
    }
}
