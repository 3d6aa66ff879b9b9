package org.genrevamp.hosts;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** Facts about a PNG that SV wrote, enough to tell a drawn pane from a blank or broken one. */
public record PaneImage(int width, int height, int distinctColours) {

    /** @throws IOException when the file is not a readable image */
    public static PaneImage read(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        if (image == null) {
            throw new IOException(png + " is not an image ImageIO can read");
        }
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return new PaneImage(image.getWidth(), image.getHeight(), colours.size());
    }
}
