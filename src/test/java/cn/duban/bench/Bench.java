package cn.duban.bench;

import java.lang.management.ManagementFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What every benchmark shares: the machine it ran on, printed beside its table (cores, the load average when it
 * started — with a warning when it is above the cores, since such figures are not comparable —, the JVM and the
 * database), and how a benchmark run ends: the JVM exits with its table printed, except in the smoke run of the test
 * suite (duban.bench.smoke=true), which checks that each benchmark still completes and prints.
 */
final class Bench {

    private Bench() {}

    /** Taken when a benchmark starts: the load before it added its own. */
    static String machine(String database) {
        int cores = Runtime.getRuntime().availableProcessors();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        String line = String.format("Machine: %d cores, load average %.2f at start, %s %s (%s)%s", cores, load,
                System.getProperty("java.vm.name"), System.getProperty("java.version"), System.getProperty("os.arch"),
                database == null ? "" : ", " + database);
        if (load > cores) {
            line += String.format("%nWARNING: the load average at start (%.2f) is above the number of cores (%d): other work shares this "
                    + "machine; its figures are not comparable with a quiet run", load, cores);
        }
        return line;
    }

    /** The benchmarks that completed in this JVM (the smoke run checks them). */
    static final java.util.Set<String> FINISHED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Ends a benchmark run, its table printed: the JVM exits, unless this is the test suite's smoke run. */
    static void finish(ConfigurableApplicationContext context, String benchmark) {
        FINISHED.add(benchmark);
        if (Boolean.parseBoolean(context.getEnvironment().getProperty("duban.bench.smoke", "false"))) {
            return;
        }
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
