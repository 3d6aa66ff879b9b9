package org.genrevamp.model.transfer;

import org.genrevamp.model.bundle.BundleException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The pretrained taggers whose 50 tag probabilities the plugin shows, one per training set. Each is the
 * set's CRNN ({@code msd/crnn}, {@code mtat/crnn}, {@code jamendo/crnn}): the one architecture of the
 * three that every set has and that streams ({@link BackboneStream}: its convolutions run once over the
 * file, so tags every 1.536 s cost a GRU pass per window), and the one inside the default bundle, whose
 * msd tags then come for free. Weights ship only inside bundles with their MIT notice
 * ({@code LICENSE-pretrained.txt}): msd's is read from the default bundle (no second copy), mtat's and
 * jamendo's from {@code /taggers/<set>-crnn.zip}. Tag names are {@code /taggers/<set>-tags.txt}: the
 * set's tag list in output order, Jamendo's {@code category---name} written {@code category: name}
 * ({@code mood/theme} as {@code mood}), msd's last.fm tags in lower case.
 */
public enum TagSource {
    MSD("msd", "models/msd-crnn-fcn.zip", "backbones/msd-crnn.pth"),
    MTAT("mtat", "taggers/mtat-crnn.zip", "backbones/mtat-crnn.pth"),
    JAMENDO("jamendo", "taggers/jamendo-crnn.zip", "backbones/jamendo-crnn.pth");

    private static final Map<TagSource, Backbones> LOADED = new EnumMap<>(TagSource.class);

    private final String id;
    private final String bundle;
    private final String entry;

    TagSource(String id, String bundle, String entry) {
        this.id = id;
        this.bundle = bundle;
        this.entry = entry;
    }

    /** {@code msd}, {@code mtat} or {@code jamendo}. */
    public String id() {
        return id;
    }

    /** The backbone's name as bundles and the trainer write it: {@code msd/crnn} etc. */
    public String backboneName() {
        return id + "/crnn";
    }

    /** The source with id {@code id} ({@code msd}, {@code mtat}, {@code jamendo}), or null. */
    public static TagSource of(String id) {
        for (TagSource s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        return null;
    }

    /** The ids, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(TagSource::id).toList();
    }

    /**
     * The 50 readable tag names, in output order.
     *
     * @throws BundleException when the list is missing from the classpath
     */
    public List<String> tagNames() throws BundleException {
        String resource = "taggers/" + id + "-tags.txt";
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new BundleException("tagger " + id + ": cannot read /" + resource + ": " + e.getMessage(), e);
        }
    }

    /**
     * The tagger network, read once per process and shared (networks are not changed by inference).
     *
     * @throws BundleException naming the bundle when it or its checkpoint cannot be read
     */
    public Backbones load() throws BundleException {
        synchronized (LOADED) {
            Backbones b = LOADED.get(this);
            if (b == null) {
                b = new Backbones(List.of(Backbones.read(backboneName(), checkpoint(), "/" + bundle + "!" + entry)),
                        Backbones.Features.TAGS);
                LOADED.put(this, b);
            }
            return b;
        }
    }

    private byte[] checkpoint() throws BundleException {
        try (ZipInputStream zip = new ZipInputStream(open(bundle))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals(entry)) {
                    return zip.readAllBytes();
                }
            }
            throw new BundleException("tagger " + id + ": /" + bundle + " has no " + entry);
        } catch (IOException e) {
            throw new BundleException("tagger " + id + ": cannot read /" + bundle + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = TagSource.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("not on the classpath");
        }
        return in;
    }
}
