import java.nio.*; import java.nio.file.*; import java.util.*;
import org.genrevamp.trainer.LogMelExtractor; import org.genrevamp.dsp.*;
public class Dump { public static void main(String[] a) throws Exception {
  LogMelExtractor ex = new LogMelExtractor(MelConfig.torchaudioTagger());
  List<String> files = Files.readAllLines(Path.of("/tmp/dance/emb/msd-crnn/rows.tsv"));
  Files.createDirectories(Path.of("/tmp/dance/py/mel"));
  int i = 0;
  for (String l : files) { String f = l.split("\t")[0];
    float[][] m = ex.extract(Path.of(f));
    ByteBuffer b = ByteBuffer.allocate(m.length * 96 * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float[] r : m) for (float v : r) b.putFloat(v);
    Files.write(Path.of("/tmp/dance/py/mel/" + (i++) + ".f32"), b.array()); }
}}
