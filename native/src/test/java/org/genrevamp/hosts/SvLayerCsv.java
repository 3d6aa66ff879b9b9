package org.genrevamp.hosts;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a layer that Sonic Visualiser 4.5 exported with {@code /exportlayer x.csv} (default export
 * options, no header line). What the columns are depends on the layer (svcore data/model, svgui
 * layer/Colour3DPlotExporter.cpp):
 * <ul>
 * <li>time values: {@code seconds,value}; time instants: {@code seconds}; regions:
 *     {@code seconds,value,duration,label};</li>
 * <li>colour 3D plot (a FixedSampleRate output with several bins): one row per model column and
 *     <b>no time column</b>; row {@code i} is at frame {@code i * resolution}, where
 *     {@code resolution = round(inputRate / outputSampleRate)}. Only the bins visible in the pane are
 *     written, and values are printed with 6 significant digits.</li>
 * </ul>
 */
public final class SvLayerCsv {
    private SvLayerCsv() {
    }

    /** All rows as strings (RFC 4180 quoting, as SV writes labels). */
    public static List<List<String>> rows(Path csv) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.RFC4180.parse(in)) {
                rows.add(record.toList());
            }
        }
        return rows;
    }

    /**
     * All rows as numbers.
     *
     * @throws IOException           when the file cannot be read
     * @throws NumberFormatException naming the row and column when a cell is not a number
     */
    public static List<double[]> numericRows(Path csv) throws IOException {
        List<double[]> out = new ArrayList<>();
        List<List<String>> rows = rows(csv);
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            double[] values = new double[row.size()];
            for (int c = 0; c < values.length; c++) {
                String cell = row.get(c).trim();
                Float parsed = VampSimpleHostOutput.number(cell);
                if (parsed == null) {
                    throw new NumberFormatException(csv + " row " + (r + 1) + " column " + (c + 1) + ": \"" + cell + "\" is not a number");
                }
                // Parse as double for full precision of the text; the float parse only validated it.
                values[c] = Float.isFinite(parsed) ? Double.parseDouble(cell) : parsed;
            }
            out.add(values);
        }
        return out;
    }
}
