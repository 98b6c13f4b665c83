package cn.duban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Driver;
import cn.duban.SharedJvmEngines;
import cn.duban.WebSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Separation of duties and self-service, through Admin's own REST path (session and CSRF header) and /engine-rest
 * (issue #14, items 4 and 11): what is refused answers 4xx in Chinese and changes nothing; what is allowed is audited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Driver.class)
class IdentityGuardIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired Driver driver;
    @Autowired IdentityService identityService;
    @Autowired ProcessEngine engine;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void people() {
        SharedJvmEngines.restApiUses(engine);
        driver.sectionPeople();
        driver.user("ops1", Roles.OPERATOR);
        driver.user("admin1", Roles.ADMIN);
        driver.user("clerk1", "unit-rmyy", Roles.REPORTER);
        driver.user("clerk2", "unit-rmyy", Roles.REPORTER);
    }

    @Test
    void anOperatorCannotMakeItselfAdministratorOrLeaderThroughEitherPath() throws Exception {
        var admin = WebSession.login(port, "ops1", "test");
        HttpResponse<String> viaAdmin = admin.put(WebSession.ENGINE_API + "/group/camunda-admin/members/ops1", "");
        assertRefused(viaAdmin.statusCode(), viaAdmin.body(), "不能修改自己的角色");
        HttpResponse<String> other = admin.put(WebSession.ENGINE_API + "/group/leader/members/clerk1", "");
        assertRefused(other.statusCode(), other.body(), "只有系统管理员可以授予或收回");
        ResponseEntity<String> viaRest = basic("ops1", HttpMethod.PUT, "/engine-rest/group/leader/members/ops1", null);
        assertRefused(viaRest.getStatusCode().value(), viaRest.getBody(), "不能修改自己的角色");
        assertThat(identityService.createUserQuery().memberOfGroup(Roles.ADMIN).userId("ops1").count()).isZero();
        assertThat(identityService.createUserQuery().memberOfGroup(Roles.LEADER).userId("ops1").count()).isZero();
        assertThat(identityService.createUserQuery().memberOfGroup(Roles.LEADER).userId("clerk1").count()).isZero();
    }

    @Test
    void anOperatorCannotResetTheAdministratorsOrTheSectionHeadsPassword() throws Exception {
        for (String victim : new String[] {"admin1", "head1"}) {
            ResponseEntity<String> r = basic("ops1", HttpMethod.PUT, "/engine-rest/user/" + victim + "/credentials",
                    "{\"password\":\"Taken-over-2026\",\"authenticatedUserPassword\":\"test\"}");
            assertRefused(r.getStatusCode().value(), r.getBody(), "只有系统管理员可以重置");
            assertThat(identityService.checkPassword(victim, "test")).isTrue();
        }
    }

    @Test
    void anOperatorResetsAUnitAccountsPasswordWithinThePolicyAndTheChangeIsAudited() throws Exception {
        var admin = WebSession.login(port, "ops1", "test");
        HttpResponse<String> weak = admin.put(WebSession.ENGINE_API + "/user/clerk2/credentials",
                "{\"password\":\"x\",\"authenticatedUserPassword\":\"test\"}");
        assertThat(weak.statusCode()).as(weak.body()).isEqualTo(400);
        assertThat(JSON.readTree(weak.body()).get("message").asText()).startsWith("密码不符合要求：").contains("至少 8 个字符")
                .doesNotContain("ENGINE-");
        HttpResponse<String> userId = admin.put(WebSession.ENGINE_API + "/user/clerk2/credentials",
                "{\"password\":\"clerk2-2026\",\"authenticatedUserPassword\":\"test\"}");
        assertThat(userId.statusCode()).isEqualTo(400);
        assertThat(identityService.checkPassword("clerk2", "test")).isTrue();

        HttpResponse<String> ok = admin.put(WebSession.ENGINE_API + "/user/clerk2/credentials",
                "{\"password\":\"Spring-field-2026\",\"authenticatedUserPassword\":\"test\"}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(204);
        try {
            assertThat(identityService.checkPassword("clerk2", "Spring-field-2026")).isTrue();
            var audit = JSON.readTree(admin.get("/api/admin/account-changes?user=clerk2").body());
            assertThat(audit.get("changes").get(0).get("changedBy").asText()).isEqualTo("ops1");
            assertThat(audit.get("changes").get(0).get("action").asText()).isEqualTo("SET_PASSWORD");
            assertThat(audit.toString()).doesNotContain("Spring-field-2026");
        } finally {
            var u = identityService.createUserQuery().userId("clerk2").singleResult();
            u.setPassword("test");
            identityService.saveUser(u);
        }
    }

    @Test
    void aClerkChangesOwnNameAndPasswordButNeitherDeletesTheAccountNorRedirectsItsMail() throws Exception {
        ResponseEntity<String> delete = basic("clerk1", HttpMethod.DELETE, "/engine-rest/user/clerk1", null);
        assertRefused(delete.getStatusCode().value(), delete.getBody(), "不能删除自己的账号");
        ResponseEntity<String> mailbox = basic("clerk1", HttpMethod.PUT, "/engine-rest/user/clerk1/profile",
                "{\"id\":\"clerk1\",\"firstName\":\"clerk1\",\"lastName\":\"\",\"email\":\"attacker@example.com\"}");
        assertRefused(mailbox.getStatusCode().value(), mailbox.getBody(), "邮箱由运维人员维护");
        ResponseEntity<String> other = basic("clerk1", HttpMethod.PUT, "/engine-rest/user/clerk2/credentials",
                "{\"password\":\"Spring-field-2026\",\"authenticatedUserPassword\":\"test\"}");
        // Camunda hides an account the clerk may not read (404); either way nothing changes
        assertThat(other.getStatusCode().value()).isIn(403, 404);
        assertThat(identityService.checkPassword("clerk2", "test")).isTrue();
        assertThat(identityService.createUserQuery().userId("clerk1").count()).isEqualTo(1);
        assertThat(identityService.createUserQuery().userId("clerk1").singleResult().getEmail()).isNotEqualTo("attacker@example.com");

        var session = WebSession.login(port, "clerk1", "test");
        HttpResponse<String> name = session.put(WebSession.ENGINE_API + "/user/clerk1/profile",
                "{\"id\":\"clerk1\",\"firstName\":\"王\",\"lastName\":\"小明\",\"email\":"
                        + JSON.writeValueAsString(identityService.createUserQuery().userId("clerk1").singleResult().getEmail()) + "}");
        assertThat(name.statusCode()).as(name.body()).isEqualTo(204);
        assertThat(identityService.createUserQuery().userId("clerk1").singleResult().getFirstName()).isEqualTo("王");
    }

    @Test
    void anAdministratorGrantsTheSectionsRolesAndEachGrantIsAudited() {
        ResponseEntity<String> grant = basic("admin1", HttpMethod.PUT, "/engine-rest/group/reviewer/members/clerk1", null);
        assertThat(grant.getStatusCode().value()).as(grant.getBody()).isEqualTo(204);
        try {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM duban_account_change WHERE changed_by = 'admin1' AND action = 'GRANT_ROLE' "
                    + "AND target_user = 'clerk1' AND target_group = 'reviewer'").query(Integer.class).single()).isEqualTo(1);
        } finally {
            identityService.deleteMembership("clerk1", "reviewer");
        }
    }

    /** Issue 27 item 12: the README's letter and digit truly, and the common passwords refused on both paths. */
    @Test
    void commonPasswordsAndPasswordsWithoutALetterAreRefusedOnEveryPath() throws Exception {
        var session = WebSession.login(port, "ops1", "test");
        for (String weak : new String[] {"20262026", "P@ssw0rd", "Admin@123", "woaini1314"}) {
            HttpResponse<String> viaAdmin = session.put(WebSession.ENGINE_API + "/user/clerk2/credentials",
                    "{\"password\":\"" + weak + "\",\"authenticatedUserPassword\":\"test\"}");
            assertThat(viaAdmin.statusCode()).as(weak + " " + viaAdmin.body()).isEqualTo(400);
            assertThat(JSON.readTree(viaAdmin.body()).get("message").asText()).as(weak).startsWith("密码不符合要求：")
                    .containsAnyOf("不得使用常见密码", "至少含 1 个字母").doesNotContain("ENGINE-");
            ResponseEntity<String> viaRest = basic("ops1", HttpMethod.PUT, "/engine-rest/user/clerk2/credentials",
                    "{\"password\":\"" + weak + "\",\"authenticatedUserPassword\":\"test\"}");
            assertThat(viaRest.getStatusCode().value()).as(weak + " " + viaRest.getBody()).isEqualTo(400);
        }
        assertThat(JSON.readTree(session.put(WebSession.ENGINE_API + "/user/clerk2/credentials",
                "{\"password\":\"20262026\",\"authenticatedUserPassword\":\"test\"}").body()).get("message").asText())
                .contains("至少含 1 个字母");
        assertThat(identityService.checkPassword("clerk2", "test")).as("unchanged").isTrue();
    }

    static void assertRefused(int status, String body, String message) throws Exception {
        assertThat(status).as(body).isEqualTo(403);
        assertThat(JSON.readTree(body).get("message").asText()).contains(message).doesNotContain("ENGINE-");
    }

    ResponseEntity<String> basic(String user, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "test").exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }
}
