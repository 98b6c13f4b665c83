package cn.duban.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.duban.Driver;
import cn.duban.SharedJvmEngines;
import cn.duban.WebSession;
import cn.duban.process.NoticeApprovalProcess;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two drafters take the same 发文字号 at the same moment (issue 27 item 9): both find it free, one commits first; the
 * other is refused as a taken number is — 4xx in Chinese with the next free number — never 500 with the engine's
 * message, the SQL and the index name. The race is made certain: the first 办结 holds its transaction open until the
 * second has checked the number and waits on the first one's row.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Driver.class)
class DocumentNumberRaceIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired Driver driver;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired CampaignService campaigns;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired javax.sql.DataSource dataSource;

    @Test
    void theSecondOfTwoConcurrentDraftersTakingOneNumberIsRefusedInChineseWithTheNextFreeNumber() throws Exception {
        SharedJvmEngines.restApiUses(engine);
        driver.sectionPeople();
        var t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [rmyy]");
        String deadline = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(10).toString();
        String first = campaignId(driver.startCampaign(t.code(), deadline));
        String second = campaignId(driver.startCampaign(t.code(), deadline));
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        String number = "沂卫竞" + (System.nanoTime() % 1000) + "字〔" + year + "〕3号";
        String firstTask = driver.task(first, NoticeApprovalProcess.DRAFT_NOTICE).getId();
        String secondTask = driver.task(second, NoticeApprovalProcess.DRAFT_NOTICE).getId();

        // the first 办结: its number is written, its transaction not yet committed
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> winner = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
            driver.submit("drafter1", tasks.createTaskQuery().taskId(firstTask).singleResult(),
                    Map.of("draft", Variables.stringValue(draft("关于开展甲活动的通知", number, deadline), true)));
            written.countDown();
            try {
                assertThat(release.await(60, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(written.await(60, TimeUnit.SECONDS)).isTrue();

        // the second, through Tasklist's own path: it finds the number free and waits on the first one's row
        WebSession drafter = WebSession.login(port, "drafter1", "test");
        CompletableFuture<HttpResponse<String>> loser = CompletableFuture.supplyAsync(() -> drafter.submitForm(secondTask,
                "{\"draft\":{\"value\":" + json(draft("关于开展乙活动的通知", number, deadline))
                        + ",\"type\":\"String\",\"valueInfo\":{\"transient\":true}}}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> loser.isDone() || waitingToTake(second));
        release.countDown();
        winner.get(60, TimeUnit.SECONDS);

        HttpResponse<String> refused = loser.get(60, TimeUnit.SECONDS);
        assertThat(refused.statusCode()).as(refused.body()).isBetween(400, 499);
        String message = JSON.readTree(refused.body()).get("message").asText();
        assertThat(message).isEqualTo("发文字号“" + number + "”已用于《关于开展甲活动的通知》，请改用其他文号（如“"
                + number.replace("〕3号", "〕4号") + "”）");
        assertThat(refused.body()).doesNotContain("ENGINE-").doesNotContain("duban_document_number").doesNotContain("INSERT");

        // nothing of the second changed: its draft is open, the number the first one's
        assertThat(campaigns.get(first).documentNumber()).isEqualTo(number);
        assertThat(campaigns.get(second).status()).isEqualTo(CampaignStatus.DRAFTING);
        assertThat(campaigns.get(second).documentNumber()).isNotEqualTo(number);
        assertThat(tasks.createTaskQuery().taskId(secondTask).count()).isEqualTo(1);
    }

    /**
     * Whether the second campaign's number is being written (and so waits for the first one's row): H2 lists its
     * sessions' statements with their values, PostgreSQL its backends waiting for a lock.
     */
    boolean waitingToTake(String campaignId) {
        boolean postgres;
        try (var c = dataSource.getConnection()) {
            postgres = c.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        if (postgres) {
            return jdbc.sql("SELECT COUNT(*) FROM pg_stat_activity WHERE query LIKE 'INSERT INTO duban_document_number%' "
                    + "AND wait_event_type = 'Lock'").query(Integer.class).single() > 0;
        }
        return jdbc.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE EXECUTING_STATEMENT LIKE ?")
                .param("INSERT INTO duban_document_number %" + campaignId + "%").query(Integer.class).single() > 0;
    }

    static String draft(String title, String number, String deadline) {
        return json(Map.of("title", title, "documentNumber", number, "deadline", deadline));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String campaignId(org.camunda.bpm.engine.runtime.ProcessInstance p) {
        return (String) runtime.getVariable(p.getId(), "campaignId");
    }
}
