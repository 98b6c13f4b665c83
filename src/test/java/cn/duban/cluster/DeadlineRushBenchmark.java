package cn.duban.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Driver;
import cn.duban.WebSession;
import cn.duban.report.ReportPayload;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The deadline-day rush (issue #14): every unit hands in on the last day. One duban node on PostgreSQL
 * (io.zonky embedded, the production profile) with N generated units (default 2,000; {@code -Dduban.bench.units=})
 * and a reporter account each; 50 concurrent clients ({@code -Dduban.bench.clients=}) each take the next unit and
 * make exactly the HTTP calls Tasklist and duban's forms make, through Tasklist's own REST path with the session and
 * CSRF header: log in, list 本单位待办, open 签收 (task, form, form variables, the notice, the unit), claim, submit;
 * open 填报 the same way, upload one photo and one summary document, check the figures, submit-form with the report.
 * Meanwhile four reviewers list 待审核报送 and approve what comes in. Then, on the same node and database, the
 * baseline: the bare engine with the same number of one-user-task instances, completed by the same number of
 * clients through the same path (list, claim, submit-form). Prints p50/p95/p99 per call, the errors, and the
 * ratio of duban's hand-in to the bare submit; checks that every unit handed in exactly one version and that
 * nothing but designed refusals failed. No assertion on time.
 * Not part of the test suite (its name ends in Benchmark); run it with
 * {@code ./mvnw test -Dtest=DeadlineRushBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class DeadlineRushBenchmark {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String API = WebSession.ENGINE_API;
    static final int REVIEWERS = 4;

    /** Call name → latencies in microseconds. */
    final Map<String, List<Long>> timings = new ConcurrentHashMap<>();
    /** Call name + status → count, for every answer outside 2xx. */
    final Map<String, Integer> errors = new ConcurrentHashMap<>();

    @Test
    void everyUnitHandsInOnTheLastDay() throws Exception {
        int extra = Integer.getInteger("duban.bench.units", 2000);
        int clients = Integer.getInteger("duban.bench.clients", 50);
        try (Cluster c = new Cluster(extra, true, List.of(
                "--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=500"))) {
            String version = c.db.queryForObject("SHOW server_version", String.class);
            Node node = c.node("rush").start().awaitUp(Duration.ofMinutes(3));
            try {
                c.sectionPeople(node);
                for (int i = 1; i <= REVIEWERS; i++) {
                    Cluster.ok(node.call("POST", "/engine-rest/user/create", "admin", Cluster.ADMIN_PASSWORD,
                            "{\"profile\":{\"id\":\"reviewer" + i + "\",\"firstName\":\"审\",\"lastName\":\"核" + i
                                    + "\",\"email\":\"reviewer" + i + "@cluster.test\"},\"credentials\":{\"password\":\"" + Cluster.PW + "\"}}"));
                    Cluster.ok(node.call("PUT", "/engine-rest/group/reviewer/members/reviewer" + i, "admin", Cluster.ADMIN_PASSWORD, null));
                }
                int units = c.seed000Units();
                String campaign = c.startAndSignOff(node, node);
                Cluster.await(Duration.ofMinutes(30), () -> c.openSignTasks(campaign) == units);
                List<String> codes = c.db.queryForList("SELECT unit_code FROM duban_campaign_unit WHERE campaign_id = ? ORDER BY unit_code",
                        String.class, campaign);

                // ---- duban: every unit from 签收 to hand-in, reviewers approving as the reports come in
                long t0 = System.nanoTime();
                ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(codes);
                AtomicBoolean handInsDone = new AtomicBoolean();
                ExecutorService pool = Executors.newFixedThreadPool(clients + REVIEWERS);
                List<Future<?>> unitClients = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    unitClients.add(pool.submit(() -> {
                        for (String unit; (unit = queue.poll()) != null; ) {
                            handIn(node.port, campaign, unit);
                        }
                        return null;
                    }));
                }
                List<Future<?>> reviews = new ArrayList<>();
                for (int i = 1; i <= REVIEWERS; i++) {
                    String reviewer = "reviewer" + i;
                    reviews.add(pool.submit(() -> {
                        review(node.port, reviewer, handInsDone);
                        return null;
                    }));
                }
                for (Future<?> f : unitClients) {
                    f.get();
                }
                double handInSeconds = (System.nanoTime() - t0) / 1e9;
                handInsDone.set(true);
                for (Future<?> f : reviews) {
                    f.get();
                }
                double allSeconds = (System.nanoTime() - t0) / 1e9;

                // ---- the baseline: the bare engine, one user task per instance, the same clients and path
                String bare = deployBare(node);
                for (int i = 0; i < codes.size(); i++) {
                    Cluster.ok(node.call("POST", "/engine-rest/process-definition/key/" + bare + "/start", "admin",
                            Cluster.ADMIN_PASSWORD, "{}"));
                }
                long b0 = System.nanoTime();
                List<Future<?>> bares = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    String worker = "bare-worker-" + i;
                    bares.add(pool.submit(() -> {
                        completeBare(node.port, bare, worker);
                        return null;
                    }));
                }
                for (Future<?> f : bares) {
                    f.get();
                }
                double bareSeconds = (System.nanoTime() - b0) / 1e9;
                pool.shutdown();

                // ---- nothing lost, nothing doubled
                int versions = c.db.queryForObject("SELECT COUNT(*) FROM duban_report WHERE campaign_id = ?", Integer.class, campaign);
                int doubled = c.db.queryForObject("SELECT COUNT(*) FROM (SELECT unit_code FROM duban_report WHERE campaign_id = ? "
                        + "GROUP BY unit_code HAVING COUNT(*) > 1) d", Integer.class, campaign);
                int approved = c.db.queryForObject("SELECT COUNT(*) FROM duban_report WHERE campaign_id = ? AND status = 'APPROVED'",
                        Integer.class, campaign);
                int incidents = c.db.queryForObject("SELECT COUNT(*) FROM act_ru_incident", Integer.class);

                print(version, units, clients, handInSeconds, allSeconds, bareSeconds, versions, doubled, approved, incidents);
                assertThat(versions).as("one version per unit").isEqualTo(units);
                assertThat(doubled).as("no unit handed in twice").isZero();
                assertThat(approved).as("every report reviewed").isEqualTo(units);
                assertThat(incidents).isZero();
                assertThat(errors).as("no error but designed refusals").isEmpty();
            } finally {
                node.close();
            }
        }
    }

    /** One unit's reporter, from login to hand-in, as Tasklist and the forms call. */
    void handIn(int port, String campaign, String unit) throws Exception {
        String user = unit + "-reporter";
        WebSession s = timed("login", () -> WebSession.login(port, user, Cluster.PW));
        String filter = filterId(s, "本单位待办");
        String sign = openTask(s, filter, "signNotice", campaign, unit, user);
        ok("submit 签收", timed("submit 签收", () -> s.submitForm(sign, "{\"reporter\":{\"value\":\"" + user + "\"}}")));
        String fill = openTask(s, filter, "fillReport", campaign, unit, user);
        String base = "/api/campaigns/" + campaign + "/units/" + unit + "/attachments";
        ok("upload photo", timed("upload photo", () -> s.upload(base, Map.of("kind", "PHOTO"), "现场.png", Driver.PNG)));
        ok("upload summary", timed("upload summary", () -> s.upload(base, Map.of("kind", "SUMMARY"), "活动总结.pdf", Driver.PDF)));
        Map<String, String> figures = Driver.seed000Figures("3");
        ok("figures/check", timed("figures/check", () -> s.post("/api/campaigns/" + campaign + "/figures/check",
                write(figures))));
        String report = new ReportPayload(figures, unit + " 活动总结", null, List.of()).toJson();
        ok("submit 填报 (hand-in)", timed("submit 填报 (hand-in)", () -> s.submitForm(fill,
                "{\"report\":{\"value\":" + write(report) + ",\"type\":\"String\",\"valueInfo\":{\"transient\":true}}}")));
    }

    /** Lists the filter until the task is there, opens it as Tasklist does, claims it; returns its id. */
    String openTask(WebSession s, String filter, String key, String campaign, String unit, String user) throws Exception {
        String id = null;
        for (int tries = 0; id == null; tries++) {
            HttpResponse<String> list = ok("list 本单位待办", timed("list 本单位待办",
                    () -> s.post(API + "/filter/" + filter + "/list?firstResult=0&maxResults=15", "{}")));
            for (JsonNode t : JSON.readTree(list.body())) {
                if (key.equals(t.get("taskDefinitionKey").asText())) {
                    id = t.get("id").asText();
                }
            }
            if (id == null) {
                if (tries > 600) {
                    throw new IllegalStateException("no " + key + " task for " + unit);
                }
                Thread.sleep(100); // the task of the next step is created in the same transaction: only a retry after a refusal waits
            }
        }
        String task = id;
        ok("open: task", timed("open: task", () -> s.get(API + "/task/" + task)));
        ok("open: form", timed("open: form", () -> s.get(API + "/task/" + task + "/form")));
        ok("open: form-variables", timed("open: form-variables",
                () -> s.get(API + "/task/" + task + "/form-variables?variableNames=campaignId,unitCode&deserializeValues=false")));
        ok("open: notice (/api)", timed("open: notice (/api)", () -> s.get("/api/campaigns/" + campaign)));
        ok("open: unit (/api)", timed("open: unit (/api)", () -> s.get("/api/campaigns/" + campaign + "/units/" + unit)));
        ok("claim", timed("claim", () -> s.post(API + "/task/" + task + "/claim", "{\"userId\":\"" + user + "\"}")));
        return task;
    }

    /** A reviewer: lists 待审核报送, opens each report and approves it, until every hand-in is in and reviewed. */
    void review(int port, String reviewer, AtomicBoolean handInsDone) throws Exception {
        WebSession s = timed("login", () -> WebSession.login(port, reviewer, Cluster.PW));
        String filter = filterId(s, "待审核报送");
        while (true) {
            boolean last = handInsDone.get();
            HttpResponse<String> list = ok("review: list 待审核报送", timed("review: list 待审核报送",
                    () -> s.post(API + "/filter/" + filter + "/list?firstResult=0&maxResults=15", "{}")));
            JsonNode tasks = JSON.readTree(list.body());
            if (tasks.isEmpty()) {
                if (last) {
                    return;
                }
                Thread.sleep(200);
                continue;
            }
            List<JsonNode> shuffled = new ArrayList<>();
            tasks.forEach(shuffled::add);
            Collections.shuffle(shuffled);
            for (JsonNode t : shuffled) {
                String task = t.get("id").asText();
                String[] key = t.has("processInstanceId") ? businessKey(s, t.get("processInstanceId").asText()) : null;
                if (key == null) {
                    continue;
                }
                ok("review: open unit (/api)", timed("review: open unit (/api)", () -> s.get("/api/campaigns/" + key[0] + "/units/" + key[1])));
                HttpResponse<String> claim = timed("review: claim", () -> s.post(API + "/task/" + task + "/claim",
                        "{\"userId\":\"" + reviewer + "\"}"));
                if (claim.statusCode() >= 400) {
                    continue; // another reviewer took it first: Tasklist shows that, and so is it designed
                }
                ok("review: submit (approve)", timed("review: submit (approve)", () -> s.submitForm(task,
                        "{\"reportApproved\":{\"value\":true},\"comment\":{\"value\":\"\",\"type\":\"String\",\"valueInfo\":{\"transient\":true}},"
                                + "\"newDueDate\":{\"value\":\"\",\"type\":\"String\",\"valueInfo\":{\"transient\":true}}}")));
            }
        }
    }

    /** The campaign and unit of a report instance, from its business key {@code <campaign>:<unit>}. */
    String[] businessKey(WebSession s, String processInstanceId) throws Exception {
        HttpResponse<String> r = s.get(API + "/process-instance/" + processInstanceId);
        if (r.statusCode() != 200) {
            return null;
        }
        String key = JSON.readTree(r.body()).get("businessKey").asText();
        int colon = key.lastIndexOf(':');
        return new String[] {key.substring(0, colon), key.substring(colon + 1)};
    }

    /**
     * The bare baseline: each client lists, claims (for a worker of its own, so that two clients never take the
     * same task, as two people never do) and submits one-task instances until none is left.
     */
    void completeBare(int port, String key, String worker) throws Exception {
        WebSession s = WebSession.login(port, "admin", Cluster.ADMIN_PASSWORD);
        while (true) {
            HttpResponse<String> list = ok("bare: list", timed("bare: list", () -> s.get(API + "/task?processDefinitionKey=" + key
                    + "&unassigned=true&firstResult=0&maxResults=15")));
            JsonNode tasks = JSON.readTree(list.body());
            if (tasks.isEmpty()) {
                return;
            }
            List<JsonNode> shuffled = new ArrayList<>();
            tasks.forEach(shuffled::add);
            Collections.shuffle(shuffled);
            for (JsonNode t : shuffled) {
                String task = t.get("id").asText();
                HttpResponse<String> claim = timed("bare: claim", () -> s.post(API + "/task/" + task + "/claim", "{\"userId\":\"" + worker + "\"}"));
                if (claim.statusCode() >= 400) {
                    continue;
                }
                ok("bare: submit", timed("bare: submit", () -> s.submitForm(task, "{}")));
            }
        }
    }

    String deployBare(Node node) throws Exception {
        String key = "benchBareRush";
        String bpmn = org.camunda.bpm.model.bpmn.Bpmn.convertToString(org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(1).startEvent().userTask("work").endEvent().done());
        String boundary = "----bare" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nbare\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"bare.bpmn\"\r\n"
                + "Content-Type: application/xml\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
        var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(node.uri("/engine-rest/deployment/create"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        ("admin:" + Cluster.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        Cluster.ok(r);
        return key;
    }

    String filterId(WebSession s, String name) throws Exception {
        HttpResponse<String> r = ok("filters", s.get(API + "/filter?resourceType=Task&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)));
        return JSON.readTree(r.body()).get(0).get("id").asText();
    }

    <T> T timed(String call, Supplier<T> work) {
        long t = System.nanoTime();
        T result = work.get();
        timings.computeIfAbsent(call, k -> Collections.synchronizedList(new ArrayList<>())).add((System.nanoTime() - t) / 1000);
        return result;
    }

    HttpResponse<String> ok(String call, HttpResponse<String> r) {
        if (r.statusCode() >= 300) {
            errors.merge(call + " → " + r.statusCode() + " " + abbreviate(r.body()), 1, Integer::sum);
        }
        return r;
    }

    static String abbreviate(String body) {
        String b = body == null ? "" : body.replaceAll("\\s+", " ");
        return b.length() > 160 ? b.substring(0, 160) + "…" : b;
    }

    static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void print(String version, int units, int clients, double handIn, double all, double bare, int versions, int doubled, int approved,
               int incidents) {
        System.out.printf("%nDeadline-day rush, PostgreSQL %s (io.zonky embedded), one node, %d cores, %d units, %d unit clients + %d reviewers%n",
                version, Runtime.getRuntime().availableProcessors(), units, clients, REVIEWERS);
        System.out.printf("every unit from login to hand-in: %.1f s (%.1f hand-ins/s); with the last review: %.1f s; "
                + "bare baseline (list, claim, submit %d one-task instances): %.1f s%n", handIn, units / handIn, all, units, bare);
        System.out.printf("versions %d (one per unit: %s), doubled %d, approved %d, incidents %d%n", versions, versions == units, doubled,
                approved, incidents);
        System.out.println("| call | n | p50 ms | p95 ms | p99 ms | max ms |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
        new TreeMap<>(timings).forEach((call, list) -> {
            List<Long> sorted = new ArrayList<>(list);
            Collections.sort(sorted);
            System.out.printf("| %s | %d | %s | %s | %s | %s |%n", call, sorted.size(), ms(pct(sorted, 50)), ms(pct(sorted, 95)),
                    ms(pct(sorted, 99)), ms(sorted.get(sorted.size() - 1)));
        });
        List<Long> handIns = sorted("submit 填报 (hand-in)");
        List<Long> bares = sorted("bare: submit");
        if (!handIns.isEmpty() && !bares.isEmpty()) {
            System.out.printf("hand-in ÷ bare submit: p50 %.1f×, p95 %.1f×, p99 %.1f×%n", ratio(handIns, bares, 50), ratio(handIns, bares, 95),
                    ratio(handIns, bares, 99));
        }
        System.out.println(errors.isEmpty() ? "errors: none" : "errors: " + errors);
    }

    List<Long> sorted(String call) {
        List<Long> l = new ArrayList<>(timings.getOrDefault(call, List.of()));
        Collections.sort(l);
        return l;
    }

    static double ratio(List<Long> a, List<Long> b, int p) {
        return (double) pct(a, p) / Math.max(1, pct(b, p));
    }

    static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static String ms(long micros) {
        return String.format("%.1f", micros / 1000.0);
    }
}
