package org.genrevamp.annotate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Candidate genre changes from a sequence of short-context feature vectors: Foote's (2000) audio
 * novelty, as MSAF's {@code foote} segmenter computes it. Each feature is median-filtered over time and
 * standardised over the file; the self-similarity of two steps is {@code 1 - d / max d} (d: Euclidean
 * distance of the standardised features, MSAF's {@code seuclidean}; the maximum over the band the
 * kernel reads); a Gaussian-tapered checkerboard kernel (σ = a third of its size) slides along the
 * diagonal; the curve is scaled to [0, 1], smoothed (Gaussian, {@value #SMOOTHING_STEPS} steps), and
 * its local maxima above an adaptive threshold (the curve's running median plus an offset) are the
 * changes. MSAF's offset is the curve's mean / 20; here it is {@code (1 - sensitivity) / 10} times the
 * mean (MSAF's at sensitivity 0.5), so a user can ask for fewer or more candidates. Filters repeat the
 * edge values (scipy's {@code nearest} mode). {@code make_foote_reference.py} in the test resources
 * computes the same in numpy/scipy. Only the band of the self-similarity matrix
 * the kernel reads is computed: time and memory linear in the file's length.
 */
public final class FooteNovelty {

    /** MSAF smooths the novelty curve with a Gaussian of σ = 4 steps before picking peaks. */
    static final double SMOOTHING_STEPS = 4;

    /**
     * @param kernelSteps  checkerboard kernel size in steps (even, >= 2): half of it on each side of a change
     * @param medianSteps  running median of the novelty curve that the threshold follows, >= 1 steps
     * @param featureMedianSteps median filter of each feature over time before the self-similarity, >= 1 (1 = off)
     * @param sensitivity  in [0, 1]: the peak must exceed the running median by {@code (1 - sensitivity) / 10}
     *                     × the curve's mean
     */
    public record Params(int kernelSteps, int medianSteps, int featureMedianSteps, double sensitivity) {
        public Params {
            if (kernelSteps < 2 || kernelSteps % 2 != 0 || medianSteps < 1 || featureMedianSteps < 1
                    || !(sensitivity >= 0 && sensitivity <= 1)) {
                throw new IllegalArgumentException("FooteNovelty.Params: kernel even >= 2, medians >= 1, sensitivity in"
                        + " [0, 1]; got " + kernelSteps + ", " + medianSteps + ", " + featureMedianSteps + ", " + sensitivity);
            }
        }
    }

    private FooteNovelty() {
    }

    /** The step indices where a change is found, increasing (a change at step i: between steps i - 1 and i). */
    public static int[] changes(float[][] features, Params p) {
        return peaks(curve(features, p), p);
    }

    /** The novelty curve, one value per step in [0, 1] (0 within half a kernel of either end). */
    static double[] curve(float[][] features, Params p) {
        int n = features.length;
        double[] nc = new double[n];
        int m = p.kernelSteps();
        if (n < m + 1) {
            return nc;
        }
        double[][] x = standardised(medianFiltered(features, p.featureMedianSteps()));
        // distances within the band |i - j| < m, dist[i][j - i] for j >= i
        double[][] dist = new double[n][m];
        double max = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < m && i + k < n; k++) {
                double s = 0;
                for (int d = 0; d < x[i].length; d++) {
                    double diff = x[i][d] - x[i + k][d];
                    s += diff * diff;
                }
                dist[i][k] = Math.sqrt(s);
                max = Math.max(max, dist[i][k]);
            }
        }
        if (max == 0) {
            return nc;
        }
        double[][] kernel = checkerboard(m);
        int half = m / 2;
        for (int i = half; i <= n - half; i++) {
            double v = 0;
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < m; b++) {
                    int r = i - half + a;
                    int c = i - half + b;
                    double d = r <= c ? dist[r][c - r] : dist[c][r - c];
                    v += kernel[a][b] * (1 - d / max);
                }
            }
            nc[i] = v;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = half; i <= n - half; i++) {
            lo = Math.min(lo, nc[i]);
            hi = Math.max(hi, nc[i]);
        }
        for (int i = 0; i < n; i++) {
            boolean inside = i >= half && i <= n - half && hi > lo;
            nc[i] = inside ? (nc[i] - lo) / (hi - lo) : 0;
        }
        return nc;
    }

    /** Local maxima of the smoothed curve above its running median plus the offset. */
    static int[] peaks(double[] nc, Params p) {
        double[] smooth = gaussianSmoothed(nc, SMOOTHING_STEPS);
        double mean = Arrays.stream(nc).average().orElse(0);
        double offset = (1 - p.sensitivity()) * mean / 10;
        double[] median = runningMedian(smooth, p.medianSteps());
        List<Integer> out = new ArrayList<>();
        for (int i = 1; i < smooth.length - 1; i++) {
            if (smooth[i - 1] < smooth[i] && smooth[i] >= smooth[i + 1] && smooth[i] > median[i] + offset) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Foote's kernel: an outer product of Gaussians (σ = size / 3), negative where it compares past with future. */
    static double[][] checkerboard(int m) {
        double[] g = new double[m];
        double sigma = m / 3.0;
        for (int i = 0; i < m; i++) {
            double t = i - (m - 1) / 2.0;
            g[i] = Math.exp(-0.5 * t * t / (sigma * sigma));
        }
        double[][] k = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                boolean sameSide = (a < m / 2) == (b < m / 2);
                k[a][b] = (sameSide ? 1 : -1) * g[a] * g[b];
            }
        }
        return k;
    }

    private static double[][] medianFiltered(float[][] f, int size) {
        int n = f.length;
        int dims = f[0].length;
        double[][] out = new double[n][dims];
        double[] column = new double[n];
        for (int d = 0; d < dims; d++) {
            for (int i = 0; i < n; i++) {
                column[i] = f[i][d];
            }
            double[] m = size > 1 ? runningMedian(column, size) : column;
            for (int i = 0; i < n; i++) {
                out[i][d] = m[i];
            }
        }
        return out;
    }

    /** Each dimension to zero mean and unit variance over the file (constant dimensions to 0). */
    private static double[][] standardised(double[][] x) {
        int n = x.length;
        for (int d = 0; d < x[0].length; d++) {
            double mean = 0;
            for (double[] row : x) {
                mean += row[d] / n;
            }
            double var = 0;
            for (double[] row : x) {
                var += (row[d] - mean) * (row[d] - mean) / n;
            }
            double scale = var > 1e-12 ? 1 / Math.sqrt(var) : 0;
            for (double[] row : x) {
                row[d] = (row[d] - mean) * scale;
            }
        }
        return x;
    }

    /** Median over a centred window of {@code size} values, the edges repeated (scipy's {@code nearest} mode). */
    static double[] runningMedian(double[] x, int size) {
        int n = x.length;
        double[] out = new double[n];
        double[] window = new double[size];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < size; k++) {
                int j = Math.min(n - 1, Math.max(0, i - size / 2 + k));
                window[k] = x[j];
            }
            Arrays.sort(window);
            out[i] = window[size / 2];
        }
        return out;
    }

    private static double[] gaussianSmoothed(double[] x, double sigma) {
        int radius = (int) Math.ceil(4 * sigma);
        double[] w = new double[2 * radius + 1];
        double total = 0;
        for (int k = -radius; k <= radius; k++) {
            w[k + radius] = Math.exp(-0.5 * k * k / (sigma * sigma));
            total += w[k + radius];
        }
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = 0;
            for (int k = -radius; k <= radius; k++) {
                int j = Math.min(x.length - 1, Math.max(0, i + k));
                v += w[k + radius] * x[j];
            }
            out[i] = v / total;
        }
        return out;
    }
}
