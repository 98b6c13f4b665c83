package cn.duban.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * PostgreSQL's own client programs (pg_dump, pg_restore), as an operator runs them: the embedded server's jar ships only
 * the server, so they come from the machine (Debian's postgresql-client, which .ci/run installs). Missing, the test
 * fails and says so; it never skips.
 */
public final class PgTools {

    private PgTools() {}

    public static Path find(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        Path versions = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> s = Files.list(versions)) {
                var found = s.map(v -> v.resolve("bin").resolve(program)).filter(Files::isExecutable)
                        .max(Comparator.comparing(p -> p.getParent().getParent().getFileName().toString()));
                if (found.isPresent()) {
                    return found.get();
                }
            } catch (IOException e) {
                // not found there either
            }
        }
        throw new AssertionError(program + " is not installed: apt-get install postgresql-client (.ci/run does)");
    }

    /** Runs a client program against the embedded server on that port; returns its output, failing on a non-zero exit. */
    public static String run(String program, int port, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(find(program).toString(), "-h", "localhost", "-p", String.valueOf(port), "-U", "postgres"));
        cmd.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true);
        b.environment().put("PGPASSWORD", "postgres");
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }
}
