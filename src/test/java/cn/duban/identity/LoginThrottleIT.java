package cn.duban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Driver;
import cn.duban.SharedJvmEngines;
import cn.duban.WebSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Date;
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
 * The login throttle (issue #14, item 5): per account and per address, through the login form and HTTP Basic; the
 * lock says when to retry, lifts by itself, and administrators see it. Every row it leaves is removed afterwards,
 * so that no other test logs in from a throttled address.
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
            assertThat(JSON.readTree(r.body()).get("message").asText()).isEqualTo("用户名或密码错误。再错 " + (5 - i) + " 次，账号将锁定 15 分钟。");
        }
        HttpResponse<String> fifth = WebSession.attemptLogin(port, "locky", "wrong");
        assertThat(JSON.readTree(fifth.body()).get("message").asText()).contains("账号已暂时锁定 15 分钟");

        HttpResponse<String> right = WebSession.attemptLogin(port, "locky", "test");
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.headers().firstValue("Retry-After")).isPresent();
        assertThat(JSON.readTree(right.body()).get("message").asText()).startsWith("该账号连续登录失败次数过多").doesNotContain("locky").contains("后再试");
        // the same lock holds behind HTTP Basic
        assertThat(http.withBasicAuth("locky", "test").getForEntity("/engine-rest/task/count", String.class).getStatusCode().value())
                .isEqualTo(429);

        // administrators see it
        var admin = WebSession.login(port, "admin1", "test");
        var lockouts = JSON.readTree(admin.get("/api/admin/lockouts").body());
        assertThat(lockouts.toString()).contains("user:locky");

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
}
