package cn.duban;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A person logged into a Camunda webapp over HTTP, as the browser is: a session cookie, and the CSRF token the
 * webapp hands out on every GET sent back as {@code X-XSRF-TOKEN} on every change. Calls Tasklist's own REST
 * API ({@code /camunda/api/engine/engine/default/…}) and duban's {@code /api} the way the forms do.
 */
public final class WebSession {

    public static final String ENGINE_API = "/camunda/api/engine/engine/default";

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;
    private String token;

    private WebSession(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The session's cookies and CSRF header as header lines, for a request sent over a plain socket ({@link RawHttp}). */
    public String headerLines() {
        StringBuilder b = new StringBuilder("Cookie: ");
        cookies.getCookieStore().getCookies().forEach(c -> b.append(c.getName()).append('=').append(c.getValue()).append("; "));
        b.append("\r\n");
        if (token != null) {
            b.append("X-XSRF-TOKEN: ").append(token).append("\r\n");
        }
        return b.toString();
    }

    /** Logs in to Tasklist as that user; fails the test when the login is refused. */
    public static WebSession login(int port, String user, String password) {
        WebSession s = new WebSession("http://localhost:" + port);
        HttpResponse<String> r = s.tryLogin(user, password);
        if (r.statusCode() != 200) {
            throw new AssertionError("login of " + user + " refused: " + r.statusCode() + " " + r.body());
        }
        return s;
    }

    /** A browser on Tasklist's login page, not logged in: its session cookie and CSRF token, for a login sent by hand. */
    public static WebSession atLoginPage(int port) {
        WebSession s = new WebSession("http://localhost:" + port);
        s.get("/camunda/app/tasklist/default/");
        s.get(ENGINE_API + "/task/count");
        return s;
    }

    /** A fresh client that tries one login and returns the answer (for the login throttle's tests). */
    public static HttpResponse<String> attemptLogin(int port, String user, String password) {
        return new WebSession("http://localhost:" + port).tryLogin(user, password);
    }

    private HttpResponse<String> tryLogin(String user, String password) {
        get("/camunda/app/tasklist/default/");
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        // the login starts a new session: fetch its token as the app does
        get(ENGINE_API + "/task/count");
        return r;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Any other method without a body (DELETE, …). */
    public HttpResponse<String> send(String method, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** Uploads one file as the report form does: multipart, with the form's other fields. */
    public HttpResponse<String> upload(String path, java.util.Map<String, String> fields, String filename, byte[] content) {
        String boundary = "----duban" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        try {
            for (var f : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n" + f.getValue()
                        + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Submits a task's form through Tasklist's own REST path, as Tasklist does. */
    public HttpResponse<String> submitForm(String taskId, String variablesJson) {
        return post(ENGINE_API + "/task/" + taskId + "/submit-form", "{\"variables\":" + variablesJson + "}");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (token != null) {
            request.header("X-XSRF-TOKEN", token);
        }
        try {
            HttpResponse<String> r = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            r.headers().firstValue("X-XSRF-TOKEN").filter(t -> !t.equals("Required")).ifPresent(t -> token = t);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
