package cn.duban.mail;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Driver;
import cn.duban.EngineTest;
import cn.duban.campaign.CampaignTemplate;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox against a real SMTP server (GreenMail): an outage delays mail but loses and doubles none. */
@EngineTest
class OutboxIT {

    /** The SMTP server of the test that starts one (on a port the system gives); stopped after each test. */
    GreenMail smtp;

    @Autowired Driver driver;
    @Autowired Outbox outbox;
    @Autowired OutboxSender sender;
    @Autowired TransactionTemplate tx;
    @Autowired JavaMailSender mailSender;

    @BeforeEach
    void people() {
        driver.sectionPeople();
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void theRecentMailsAreTheNewestFirstAndNoMoreThanAsked() {
        CampaignTemplate t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [rmyy, zyy, jkzx]");
        String id = driver.issue(driver.startCampaign(t.code(), LocalDate.now().plusDays(10).toString()));
        List<OutboxMail> all = outbox.list(id);
        assertThat(all).hasSize(3);
        List<OutboxMail> recent = outbox.recent(2);
        assertThat(recent).extracting(OutboxMail::id).containsExactly(all.get(2).id(), all.get(1).id());
    }

    @Test
    void aBatchQueuesEachMailOnceAndCountsOnlyWhatItQueued() {
        CampaignTemplate t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [rmyy]");
        String id = driver.issue(driver.startCampaign(t.code(), LocalDate.now().plusDays(10).toString()));
        LocalDate due = LocalDate.now().plusDays(10);
        MailTemplates.Mail mail = new MailTemplates.Mail("【督办】催报提醒", "<p>请按时报送</p>", "请按时报送");
        List<Outbox.Queued> two = List.of(
                new Outbox.Queued(mail, MailKind.REMINDER, id, "rmyy", due, "a@demo.duban.local"),
                new Outbox.Queued(mail, MailKind.REMINDER, id, "rmyy", due, "b@demo.duban.local"));
        assertThat((Integer) tx.execute(s -> outbox.enqueueAll(two))).isEqualTo(2);
        // the same two again and one new one: only the new one is queued
        List<Outbox.Queued> three = new java.util.ArrayList<>(two);
        three.add(new Outbox.Queued(mail, MailKind.REMINDER, id, "rmyy", due.plusDays(1), "a@demo.duban.local"));
        assertThat((Integer) tx.execute(s -> outbox.enqueueAll(three))).isEqualTo(1);
        assertThat((Integer) tx.execute(s -> outbox.enqueueAll(List.of()))).isZero();
        assertThat(outbox.list(id)).filteredOn(m -> m.kind().equals("REMINDER"))
                .extracting(m -> m.recipient() + " " + m.dueDate() + " " + m.subject() + " " + m.status())
                .containsExactlyInAnyOrder(
                        "a@demo.duban.local " + due + " 【督办】催报提醒 PENDING",
                        "b@demo.duban.local " + due + " 【督办】催报提醒 PENDING",
                        "a@demo.duban.local " + due.plusDays(1) + " 【督办】催报提醒 PENDING");
    }

    @Test
    void anSmtpOutageDelaysTheNoticeMailsButLosesAndDoublesNone() throws Exception {
        CampaignTemplate t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [rmyy, zyy]");
        String id = driver.issue(driver.startCampaign(t.code(), LocalDate.now().plusDays(10).toString()));
        assertThat(outbox.list(id)).hasSize(2).allSatisfy(m -> assertThat(m.status()).isEqualTo(Outbox.PENDING));

        // the SMTP server is down (nothing listens on its port): nothing is sent, every mail keeps its error and waits
        int port = cn.duban.TestSmtp.pointSenderAtFreePort(mailSender);
        assertThat(sender.sendDue()).isZero();
        assertThat(outbox.list(id)).allSatisfy(m -> {
            assertThat(m.attempts()).isEqualTo(1);
            assertThat(m.lastError()).isNotBlank();
        });
        assertThat(sender.sendDue()).as("backing off").isZero();
        assertThat(outbox.list(id)).allSatisfy(m -> assertThat(m.attempts()).isEqualTo(1));

        smtp = cn.duban.TestSmtp.start(port);
        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 2 * 60_000));
        // (the outbox is shared with the other tests of this context: what they left waiting may go out too)
        assertThat(sender.sendDue()).isGreaterThanOrEqualTo(2);
        assertThat(sender.sendDue()).isZero();
        assertThat(outbox.list(id)).allSatisfy(m -> assertThat(m.status()).isEqualTo(Outbox.SENT));

        // each notice mail opens the unit's own 签收 task in Tasklist: exactly one mail each, to the unit's mailbox
        List<MimeMessage> received = new java.util.ArrayList<>();
        for (String unit : List.of("rmyy", "zyy")) {
            String task = driver.unitTask(id, unit, cn.duban.process.UnitReportProcess.SIGN_NOTICE).getId();
            List<MimeMessage> mine = new java.util.ArrayList<>();
            for (MimeMessage r : smtp.getReceivedMessages()) {
                if (Driver.mailText(r).contains("/camunda/app/tasklist/default/#/?task=" + task)) {
                    mine.add(r);
                }
            }
            assertThat(mine).as(unit).hasSize(1);
            assertThat(mine.get(0).getAllRecipients()[0].toString()).isEqualTo(unit + "@demo.duban.local");
            received.add(mine.get(0));
        }
        MimeMessage m = received.get(0);
        // RFC 2047: the header is encoded, a standard parser gives the Chinese back exactly
        assertThat(m.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        assertThat(m.getSubject()).isEqualTo("【督办】请签收：" + t.title());
        MimeMultipart body = (MimeMultipart) m.getContent();
        assertThat(body.getContentType()).startsWith("multipart/");
        assertThat(new String(body.getBodyPart(0).getInputStream().readAllBytes(), "UTF-8")).isNotEmpty();
    }

    @Test
    void theSameMailIsQueuedOnce() {
        CampaignTemplate t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [lcz]");
        String id = driver.issue(driver.startCampaign(t.code(), LocalDate.now().plusDays(10).toString()));
        var mail = MailTemplates.noticeIssued("标题", "某局", "某单位", LocalDate.now(ZoneId.of("Asia/Shanghai")), "http://x/");
        Boolean again = tx.execute(s -> outbox.enqueue(mail, MailKind.NOTICE_ISSUED, id, "lcz",
                outbox.list(id).get(0).dueDate(), "lcz@demo.duban.local"));
        assertThat(again).isFalse();
        assertThat(outbox.list(id)).hasSize(1);
    }

    @Test
    void typedTextIsEscapedInTheHtmlPart() {
        var mail = MailTemplates.reportReturned("通知", "某单位", "综合监督科", "<script>alert(1)</script>", LocalDate.of(2024, 3, 25), "http://x/");
        assertThat(mail.html()).contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(mail.text()).contains("<script>alert(1)</script>");
    }
}
