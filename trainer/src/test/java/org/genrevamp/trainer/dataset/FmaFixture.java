package org.genrevamp.trainer.dataset;

import org.genrevamp.trainer.TestAudio;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A tiny dataset shaped like FMA: {@code fma_metadata/tracks.csv} with pandas' three-row header
 * (quoted fields with commas included), {@code genres.csv}, and mp3 files at {@code NNN/NNNNNN.mp3}
 * made by sox from generated tones. Tracks: 2, 5, 10, 46 usable (46 is Rock with sub-genre Punk);
 * 20 has no top-level genre; 26 is missing; 30 is empty; 48 is corrupt.
 */
public final class FmaFixture {
    static final String TRACKS_CSV = String.join("\n",
            ",album,album,artist,set,set,track,track,track,track",
            ",title,tracks,name,split,subset,genre_top,genres,genres_all,title",
            "track_id,,,,,,,,,",
            "2,AWOL - A Way Of Life,7,AWOL,training,small,Hip-Hop,[21],[21],Food",
            "5,\"Album, with a comma\",2,AWOL,test,small,Hip-Hop,[21],[21],This World",
            "10,Constant Hitmaker,2,Kurt Vile,validation,small,Pop,[10],[10],Freeway",
            "20,Niris,1,Niris,training,medium,,\"[76, 103]\",\"[17, 10, 76, 103]\",Spiritual",
            "26,Gone,1,Nobody,training,small,Pop,[10],[10],Missing",
            "30,Void,1,Nobody,training,small,Pop,[10],[10],Empty",
            "46,Loud,1,Band,training,small,Rock,[25],\"[12, 25]\",Punk song",
            "48,Broken,1,Band,test,small,Rock,[12],[12],Corrupt",
            "");
    static final String GENRES_CSV = String.join("\n",
            "genre_id,#tracks,parent,title,top_level",
            "10,13845,0,Pop,10",
            "12,32923,0,Rock,12",
            "17,12706,0,Folk,17",
            "21,8389,0,Hip-Hop,21",
            "25,9261,12,Punk,12",
            "76,1,10,Experimental Pop,10",
            "103,1,17,Singer-Songwriter,17",
            "");

    private FmaFixture() {
    }

    /** Writes the metadata under {@code root/fma_metadata} and audio under {@code root/fma_small}. */
    public static void write(Path root, boolean withAudio) throws IOException, InterruptedException {
        Path meta = Files.createDirectories(root.resolve("fma_metadata"));
        Files.writeString(meta.resolve("tracks.csv"), TRACKS_CSV);
        Files.writeString(meta.resolve("genres.csv"), GENRES_CSV);
        Path audio = Files.createDirectories(root.resolve("fma_small/000"));
        if (withAudio) {
            double[] tones = {220, 330, 440, 550};
            int[] ids = {2, 5, 10, 46};
            for (int i = 0; i < ids.length; i++) {
                mp3(audio.resolve(String.format("%06d.mp3", ids[i])), tones[i]);
            }
        } else {
            for (int id : new int[] {2, 5, 10, 46}) {
                Files.write(audio.resolve(String.format("%06d.mp3", id)), new byte[] {1});
            }
        }
        Files.write(audio.resolve("000030.mp3"), new byte[0]);
        TestAudio.corrupt(audio.resolve("000048.mp3"));
    }

    /** 2.5 s of a tone as a 22.05 kHz mono mp3, or a skipped test where sox cannot write mp3. */
    private static void mp3(Path file, double hz) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(List.of("sox", "-n", "-r", "22050", "-c", "1", file.toString(), "synth", "2.5",
                    "sine", Double.toString(hz), "vol", "0.5")).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "sox is not installed: skipped");
            return;
        }
        p.getInputStream().readAllBytes();
        assumeTrue(p.waitFor() == 0 && Files.size(file) > 0, "sox cannot write mp3 here: skipped");
    }
}
