package org.genrevamp.vamp;

import java.util.List;

/** The plugins of the genre-vamp library, in Vamp index order. */
public final class PluginLibrary {

    /** Library name: the .so is genre-vamp.so, transform ids are vamp:genre-vamp:&lt;plugin&gt;:&lt;output&gt;. */
    public static final String NAME = "genre-vamp";

    private static final List<PluginFactory> PLUGINS = List.of(GenrePlugin::new);

    private PluginLibrary() {
    }

    public static List<PluginFactory> plugins() {
        return PLUGINS;
    }
}
