package cn.duban.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One duban node as operations run it: its own JVM ({@code java cn.duban.DubanApplication} on the test's
 * class path) with the production profile, so that it can be killed with SIGKILL ({@code kill -9}) like a
 * machine losing power. Its log goes to target/cluster/NAME.log.
 */
final class Node implements AutoCloseable {

    static final Path LOGS = Path.of("target/cluster");

    final String name;
    final int port;
    private final List<String> args;
    private final Duration clockAhead;
    private final String classpath;
    private Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Node(String name, int port, List<String> args) {
        this(name, port, args, null, null);
    }

    private Node(String name, int port, List<String> args, Duration clockAhead, String classpath) {
        this.name = name;
        this.port = port;
        this.args = args;
        this.clockAhead = clockAhead;
        this.classpath = classpath;
    }

    /** The same node, started with its clock that far ahead of the real one ({@link OffsetClockMain}). */
    Node withClockAhead(Duration ahead) {
        return new Node(name, port, args, ahead, classpath);
    }

    /** The same node, started from another build of duban (another class path: {@link NextVersion}). */
    Node withClasspath(String cp) {
        return new Node(name, port, args, clockAhead, cp);
    }

    Node start() {
        try {
            Files.createDirectories(LOGS);
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8",
                    "-Dduban.test.clock-offset-ms=" + (clockAhead == null ? 0 : clockAhead.toMillis()),
                    "-cp", classpath == null ? System.getProperty("java.class.path") : classpath,
                    clockAhead == null ? "cn.duban.DubanApplication" : OffsetClockMain.class.getName(),
                    "--server.port=" + port,
                    "--camunda.bpm.generic-properties.properties.hostname=" + name));
            cmd.addAll(args);
            File log = LOGS.resolve(name + ".log").toFile();
            process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the node answers HTTP (an anonymous API call gets its 401). */
    Node awaitUp(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " died at start; see " + LOGS.resolve(name + ".log"));
            }
            try {
                int status = http.send(HttpRequest.newBuilder(uri("/api/templates")).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 401) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not up after " + timeout + "; see " + LOGS.resolve(name + ".log"));
    }

    /**
     * Waits until the node is ready for traffic, as a load balancer asks (readiness, with an administrator's account): after
     * its start-up work — the deployment of the models and the migration of running instances — not only its HTTP port.
     */
    Node awaitReady(Duration timeout, String user, String password) throws Exception {
        awaitUp(timeout);
        long end = System.nanoTime() + timeout.toNanos();
        while (call("GET", "/actuator/health/readiness", user, password, null).statusCode() != 200) {
            if (System.nanoTime() > end || !process.isAlive()) {
                throw new IllegalStateException(name + " not ready after " + timeout + "; see " + LOGS.resolve(name + ".log"));
            }
            Thread.sleep(250);
        }
        return this;
    }

    /** kill -9: no shutdown hook, no transaction finished, no lock released. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A call as that user (HTTP Basic), JSON in and out; returns status and body. */
    HttpResponse<String> call(String method, String path, String user, String password, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Uploads a file to duban's API as that user (multipart, as the fill-in form sends it); returns status and body. */
    HttpResponse<String> upload(String path, String user, String password, String kind, String filename, byte[] content) throws Exception {
        String boundary = "duban" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest r = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws InterruptedException {
        if (alive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
