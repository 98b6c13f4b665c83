package cn.duban.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.function.Supplier;

/** How the benchmarks time and print: the median of some rounds after two warm-ups, ms, ratios. */
final class Timing {

    private Timing() {}

    /** Median wall time of {@code rounds} runs after two warm-up runs, in nanoseconds. */
    static double median(int rounds, Supplier<?> work) {
        work.get();
        work.get();
        long[] t = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            t[i] = time(work::get);
        }
        Arrays.sort(t);
        return t[rounds / 2];
    }

    static long time(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return System.nanoTime() - start;
    }

    static String ms(double nanos) {
        return BigDecimal.valueOf(nanos / 1_000_000).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String ratio(double x, double base) {
        return BigDecimal.valueOf(x / base).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
