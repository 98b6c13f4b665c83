package cn.duban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Driver;
import cn.duban.SharedJvmEngines;
import cn.duban.RawHttp;
import cn.duban.WebSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The login throttle (issue #14, item 5; issue 27 item 8): per account from one address and per address, through the
 * login form and HTTP Basic; the lock says when to retry, lifts by itself, and administrators see it; a guesser
 * elsewhere cannot lock the owner out, and concurrent guesses get no more checks than the limit. Every row it leaves
 * is removed afterwards, so that no other test logs in from a throttled address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Driver.class)
class LoginThrottleIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired Driver driver;
    @Autowired ProcessEngine engine;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void people() {
        SharedJvmEngines.restApiUses(engine);
        driver.user("locky", "unit-rmyy", Roles.REPORTER);
        driver.user("admin1", Roles.ADMIN);
        clear();
    }

    @AfterEach
    void clear() {
        ClockUtil.reset();
        jdbc.sql("DELETE FROM duban_login_throttle").update();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForAWhileWithAChineseMessageAndTheLockLiftsByItself() throws Exception {
        for (int i = 1; i <= 4; i++) {
            HttpResponse<String> r = WebSession.attemptLogin(port, "locky", "wrong");
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).as(r.headers().map().toString()).contains("message");
            assertThat(JSON.readTree(r.body()).get("message").asText())
                    .isEqualTo("用户名或密码错误。再错 " + (5 - i) + " 次，该账号在此网络地址将锁定 15 分钟。");
        }
        HttpResponse<String> fifth = WebSession.attemptLogin(port, "locky", "wrong");
        assertThat(JSON.readTree(fifth.body()).get("message").asText()).contains("该账号在此网络地址已暂时锁定 15 分钟");

        HttpResponse<String> right = WebSession.attemptLogin(port, "locky", "test");
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.headers().firstValue("Retry-After")).isPresent();
        assertThat(JSON.readTree(right.body()).get("message").asText()).startsWith("该账号在此网络地址连续登录失败次数过多").doesNotContain("locky").contains("后再试");
        // the same lock holds behind HTTP Basic
        assertThat(http.withBasicAuth("locky", "test").getForEntity("/engine-rest/task/count", String.class).getStatusCode().value())
                .isEqualTo(429);

        // administrators see it
        var admin = WebSession.login(port, "admin1", "test");
        var lockouts = JSON.readTree(admin.get("/api/admin/lockouts").body());
        assertThat(lockouts.toString()).contains("user:locky@127.0.0.1");
        assertThat(lockouts.findValues("address").toString()).contains("127.0.0.1");

        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 16 * 60_000L));
        assertThat(WebSession.attemptLogin(port, "locky", "test").statusCode()).isEqualTo(200);
    }

    @Test
    void sprayingWrongPasswordsAcrossAccountsFromOneAddressIsStopped() throws Exception {
        for (int i = 0; i < 20; i++) {
            ResponseEntity<String> r = http.withBasicAuth("spray" + i, "wrong").getForEntity("/engine-rest/task/count", String.class);
            assertThat(r.getStatusCode().value()).isEqualTo(401);
        }
        HttpResponse<String> next = WebSession.attemptLogin(port, "locky", "test");
        assertThat(next.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(next.body()).get("message").asText()).startsWith("此网络地址登录失败次数过多");
    }

    @Test
    void anAdministratorLiftsALockEarlyAndTheLiftIsAudited() throws Exception {
        for (int i = 0; i < 5; i++) {
            WebSession.attemptLogin(port, "locky", "wrong");
        }
        jdbc.sql("DELETE FROM duban_login_throttle WHERE throttle_key LIKE 'addr:%'").update();
        var admin = WebSession.login(port, "admin1", "test");
        HttpResponse<String> lift = admin.send("DELETE", "/api/admin/lockouts?key=user:locky");
        assertThat(lift.statusCode()).as(lift.body() + lift.headers().map()).isEqualTo(200);
        assertThat(WebSession.attemptLogin(port, "locky", "test").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM duban_account_change WHERE action = 'UNLOCK' AND target_user = 'locky'")
                .query(Integer.class).single()).isGreaterThanOrEqualTo(1);
        // a clerk may not see or lift locks
        var clerk = WebSession.login(port, "locky", "test");
        assertThat(clerk.get("/api/admin/lockouts").statusCode()).isEqualTo(403);
    }

    /**
     * Issue 27 item 8: five wrong passwords from one address lock the account there only; its owner, elsewhere, logs in
     * (through HTTP Basic from another local address, 127.0.0.2, over a plain socket), and administrators see whose
     * account is locked from where.
     */
    @Test
    void aLockFromOneAddressDoesNotStopTheSameAccountFromAnother() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(WebSession.attemptLogin(port, "locky", "wrong").statusCode()).isEqualTo(401);
        }
        assertThat(WebSession.attemptLogin(port, "locky", "test").statusCode()).as("locked from here").isEqualTo(429);
        RawHttp.Answer elsewhere = RawHttp.send("127.0.0.2", port, "GET /engine-rest/task/count HTTP/1.1\r\nHost: localhost\r\n"
                + RawHttp.basic("locky", "test") + "Connection: close\r\n", new byte[0], 10_000);
        assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(200);
        RawHttp.Answer api = RawHttp.send("127.0.0.2", port, "GET /api/my/done HTTP/1.1\r\nHost: localhost\r\n"
                + RawHttp.basic("locky", "test") + "Connection: close\r\n", new byte[0], 10_000);
        assertThat(api.status()).as(api.body()).isNotIn(401, 429);
        // and still locked from here: the good login elsewhere lifts nothing
        assertThat(http.withBasicAuth("locky", "test").getForEntity("/engine-rest/task/count", String.class).getStatusCode().value())
                .isEqualTo(429);

        var admin = WebSession.login(port, "admin1", "test");
        var lockouts = JSON.readTree(admin.get("/api/admin/lockouts").body());
        assertThat(lockouts).anySatisfy(l -> {
            assertThat(l.get("kind").asText()).isEqualTo("账号");
            assertThat(l.get("subject").asText()).isEqualTo("locky");
            assertThat(l.get("address").asText()).isEqualTo("127.0.0.1");
            assertThat(l.get("failures").asInt()).isEqualTo(5);
        });
        assertThat(lockouts.toString()).doesNotContain("127.0.0.2");
    }

    /**
     * Issue 27 item 8: once a wrong password is on record, the guesses sent at once are each counted before the password
     * is checked, under the row's lock: exactly up to the limit are checked (401) and the rest refused unchecked (429),
     * and the count is exactly five; from one address, exactly twenty of a spray over many accounts.
     */
    @Test
    void concurrentWrongLoginsAreCountedExactlyAndGetNoMoreChecksThanTheLimit() throws Exception {
        assertThat(http.withBasicAuth("racy", "wrong").getForEntity("/engine-rest/task/count", String.class).getStatusCode().value())
                .isEqualTo(401);
        List<Integer> one = concurrently(12, i -> http.withBasicAuth("racy", "wrong-" + i).getForEntity("/engine-rest/task/count",
                String.class).getStatusCode().value());
        assertThat(one).filteredOn(s -> s == 401).as("checked").hasSize(4);
        assertThat(one).filteredOn(s -> s == 429).as("refused unchecked").hasSize(8);
        assertThat(jdbc.sql("SELECT failures FROM duban_login_throttle WHERE throttle_key LIKE 'user:racy%'").query(Integer.class).single())
                .isEqualTo(5);
        jdbc.sql("DELETE FROM duban_login_throttle").update();

        assertThat(http.withBasicAuth("spray-x", "wrong").getForEntity("/engine-rest/task/count", String.class).getStatusCode().value())
                .isEqualTo(401);
        List<Integer> spray = concurrently(30, i -> http.withBasicAuth("spray-" + i, "wrong").getForEntity("/engine-rest/task/count",
                String.class).getStatusCode().value());
        assertThat(spray).filteredOn(s -> s == 401).hasSize(19);
        assertThat(spray).filteredOn(s -> s == 429).hasSize(11);
        assertThat(jdbc.sql("SELECT failures FROM duban_login_throttle WHERE throttle_key LIKE 'addr:%'").query(Integer.class).single())
                .isEqualTo(20);
    }

    /**
     * A person's many requests at once (HTTP Basic on each, as a script or a busy page sends them) never lock them: with
     * no failure on record a try is not reserved, and costs a read, not a write.
     */
    @Test
    void manyRightRequestsAtOnceNeverLockTheirPerson() throws Exception {
        List<Integer> answers = concurrently(30, i -> http.withBasicAuth("locky", "test").getForEntity("/engine-rest/task/count",
                String.class).getStatusCode().value());
        assertThat(answers).containsOnly(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM duban_login_throttle WHERE locked_until IS NOT NULL").query(Integer.class).single()).isZero();
    }

    /** Runs n requests at once (all released together) and returns their statuses. */
    static List<Integer> concurrently(int n, java.util.function.IntFunction<Integer> request) throws Exception {
        var pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return request.apply(k);
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> a : answers) {
                statuses.add(a.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
