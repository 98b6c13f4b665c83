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

    /**
     * The machine the figures come from: cores, the load average when the run began (with a warning when it is above
     * the number of cores: other work was competing for them), the JVM.
     */
    static String machine() {
        int cores = Runtime.getRuntime().availableProcessors();
        String load;
        try {
            load = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            load = "?";
        }
        String warning = "";
        try {
            if (Double.parseDouble(load) > cores) {
                warning = " — WARNING: the load is above the number of cores, other work competed for them; figures are inflated";
            }
        } catch (NumberFormatException ignored) {
            // no /proc on this system
        }
        return String.format("machine: %d cores, load average %s at the start%s; %s %s", cores, load, warning,
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
    }

    /** The median and the range of these durations (nanoseconds), in seconds: "1.23 s (1.10–1.40)". */
    static String medianRange(java.util.List<Long> nanos) {
        java.util.List<Long> s = new java.util.ArrayList<>(nanos);
        java.util.Collections.sort(s);
        double median = s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2.0;
        return String.format("%.2f s (%.2f–%.2f)", median / 1e9, s.get(0) / 1e9, s.get(s.size() - 1) / 1e9);
    }
}
