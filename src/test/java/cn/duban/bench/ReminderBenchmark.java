package cn.duban.bench;

import cn.duban.calendar.WorkCalendar;
import cn.duban.engine.EngineClock;
import cn.duban.mail.OutboxSender;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The reminder benchmark: a campaign distributed to N units (default 10,000), the engine clock moved to
 * their first reminder (3 working days before the due date), then, timed: the reminder run (the campaign's
 * daily check queues every unit's reminder in the outbox), and the outbox sending all of them to a real
 * SMTP server (GreenMail on {@code spring.mail.port}, counted there); as the baseline, in the same run:
 * the application's {@link JavaMailSender} sending the same mails directly, one {@code send} per mail, as
 * a delegate without an outbox would. Prints mails per second and the ratios, and exits.
 * Command: see docs/benchmarks.md.
 */
@Component
@Order(103)
@ConditionalOnProperty(name = "duban.bench.reminders", havingValue = "true")
class ReminderBenchmark implements ApplicationRunner {

    private final BenchCampaigns campaigns;
    private final WorkCalendar calendar;
    private final JdbcTemplate jdbc;
    private final OutboxSender outbox;
    private final JavaMailSender mailSender;
    private final MailProperties mail;
    private final ConfigurableApplicationContext context;
    private final String from;
    private final int units;

    ReminderBenchmark(BenchCampaigns campaigns, WorkCalendar calendar, JdbcTemplate jdbc, OutboxSender outbox, JavaMailSender mailSender,
                      MailProperties mail, ConfigurableApplicationContext context,
                      @Value("${duban.mail.from:duban@localhost}") String from,
                      @Value("${duban.bench.reminder-units:10000}") int units) {
        this.campaigns = campaigns;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.mail = mail;
        this.context = context;
        this.from = from;
        this.units = units;
    }

    /** One measured round: nanoseconds of the reminder run, of the outbox sending, of the direct sending. */
    private record Round(int mails, long timerRun, long outboxSend, long directSend, long oneConnection) {}

    @Override
    public void run(ApplicationArguments args) throws Exception {
        String machine = Bench.machine(campaigns.database());
        GreenMail smtp = new GreenMail(new ServerSetup(mail.getPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Round r;
        try {
            String run = "benchrem" + System.currentTimeMillis() % 1_000_000; // units of their own: the database may be reused
            round(smtp, run + "w", Math.min(500, units), LocalDate.now().plusDays(60)); // warm-up: JIT, connections
            r = round(smtp, run, units, LocalDate.now().plusDays(30));
        } finally {
            ClockUtil.reset();
            smtp.stop();
        }
        double outboxRate = r.mails() / (r.outboxSend() / 1e9);
        double directRate = r.mails() / (r.directSend() / 1e9);
        double endToEndRate = r.mails() / ((r.timerRun() + r.outboxSend()) / 1e9);
        System.out.printf("%nReminder benchmark on %s: %d units, each owed one reminder; SMTP: GreenMail on 127.0.0.1:%d%n",
                campaigns.database(), r.mails(), mail.getPort());
        System.out.println(machine);
        System.out.println("| what | total ms | mails per second | × direct |");
        System.out.println("| --- | ---: | ---: | ---: |");
        row("JavaMailSender, one send per mail (baseline)", r.directSend(), directRate, directRate);
        row("JavaMailSender, all mails over one connection", r.oneConnection(), r.mails() / (r.oneConnection() / 1e9), directRate);
        row("outbox → SMTP (OutboxSender.sendDue)", r.outboxSend(), outboxRate, directRate);
        row("reminder run: the daily check queues the mails", r.timerRun(), r.mails() / (r.timerRun() / 1e9), directRate);
        row("reminder run + outbox → SMTP", r.timerRun() + r.outboxSend(), endToEndRate, directRate);
        Bench.finish(context, "ReminderBenchmark");
    }

    private static void row(String what, long nanos, double rate, double baseline) {
        System.out.printf("| %s | %.0f | %.0f | %.2f |%n", what, nanos / 1e6, rate, rate / baseline);
    }

    private Round round(GreenMail smtp, String type, int n, LocalDate deadline) throws Exception {
        ClockUtil.reset();
        campaigns.seedUnits(type, n);
        String campaignId = campaigns.distribute(type, deadline);
        // the notices queued by the distribution are not what is measured
        jdbc.update("UPDATE duban_outbox SET status = 'SENT' WHERE campaign_id = ? AND status = 'PENDING'", campaignId);
        // seed 000's first reminder: 3 working days before the due date, at 9:00; the campaign's daily check is due then
        LocalDate due = jdbc.queryForObject("SELECT MIN(due_date) FROM duban_campaign_unit WHERE campaign_id = ?", LocalDate.class, campaignId);
        ClockUtil.setCurrentTime(Date.from(calendar.workingDaysBefore(due, 3).atTime(9, 1).atZone(EngineClock.CHINA).toInstant()));

        long timerRun = Timing.time(campaigns::runJobs);
        int queued = count("SELECT COUNT(*) FROM duban_outbox WHERE campaign_id = ? AND kind = 'REMINDER'", campaignId);
        if (queued != n) {
            throw new IllegalStateException("reminders queued: " + queued + " of " + n);
        }
        smtp.purgeEmailFromAllMailboxes();
        long outboxSend = Timing.time(outbox::sendDue);
        expectReceived(smtp, n);

        List<String[]> same = jdbc.query("SELECT recipient, subject, text_body, html_body FROM duban_outbox WHERE campaign_id = ? AND kind = 'REMINDER'",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}, campaignId);
        smtp.purgeEmailFromAllMailboxes();
        long directSend = Timing.time(() -> same.forEach(m -> mailSender.send(message(m))));
        expectReceived(smtp, n);
        smtp.purgeEmailFromAllMailboxes();
        long oneConnection = Timing.time(() -> mailSender.send(same.stream().map(this::message).toArray(MimeMessage[]::new)));
        expectReceived(smtp, n);
        smtp.purgeEmailFromAllMailboxes();
        return new Round(n, timerRun, outboxSend, directSend, oneConnection);
    }

    private MimeMessage message(String[] m) {
        try {
            MimeMessage message = mailSender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(m[0]);
            helper.setSubject(m[1]);
            helper.setText(m[2], m[3]);
            return message;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void expectReceived(GreenMail smtp, int n) {
        int received = smtp.getReceivedMessages().length;
        if (received != n) {
            throw new IllegalStateException("SMTP server received " + received + " of " + n);
        }
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}
