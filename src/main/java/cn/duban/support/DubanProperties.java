package cn.duban.support;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every {@code duban.*} setting, typed, with its default, documented here once (the README's Configuration
 * section points here). Set them as usual: in {@code application.properties}, a profile's file, the command line
 * ({@code --duban.mail.from=…}) or the environment ({@code DUBAN_MAIL_FROM=…}). The benchmarks' own
 * {@code duban.bench.*} settings live with the benchmarks.
 *
 * @param production    production mode ({@code true} in the postgres profile): duban refuses to start with demo
 *                      data, a weak administrator password or a demo account's demo password
 * @param units         the unit registry
 * @param templates     the shipped campaign templates
 * @param distribution  how a campaign is rolled out to its units
 * @param attachments   the files a unit hands in
 * @param reminders     the daily reminder check
 * @param urge          urging late units by hand (催办)
 * @param dashboard     the 督办看板's colours
 * @param mail          the outbox and its sender
 * @param login         the login throttle
 * @param downloads     how often a person may download attachments and exports
 * @param http          limits of a request before it is read
 * @param demo          the demo data of the one-command run
 * @param ops           what the county's IT watches: metrics, alerts, the embedded database's backup
 */
@ConfigurationProperties("duban")
public record DubanProperties(
        @DefaultValue("false") boolean production,
        @DefaultValue Units units,
        @DefaultValue Templates templates,
        @DefaultValue Distribution distribution,
        @DefaultValue Attachments attachments,
        @DefaultValue Reminders reminders,
        @DefaultValue Urge urge,
        @DefaultValue Dashboard dashboard,
        @DefaultValue Mail mail,
        @DefaultValue Login login,
        @DefaultValue Downloads downloads,
        @DefaultValue Http http,
        @DefaultValue Demo demo,
        @DefaultValue Ops ops) {

    /**
     * @param csv the registry file read on the first start ({@code code,name,type,mailbox,head[,headUser,reporter,
     *            reporterUser]}); a Spring resource location
     */
    public record Units(@DefaultValue("classpath:units/demo-units.csv") String csv) {}

    /** @param location where the shipped templates are read from (a Spring resource pattern) */
    public record Templates(@DefaultValue("classpath*:campaigns/*.yaml") String location) {}

    /** @param batchSize units started per async job when a campaign is distributed */
    public record Distribution(@DefaultValue("100") int batchSize) {}

    /**
     * @param maxBytes  the largest file a unit may upload (below the container's multipart limit, so that this
     *                  limit's own message is the one a person sees)
     * @param maxStaged the most files a unit may have uploaded and not yet handed in
     * @param maxMediaBytes the largest file a template's attachment kind may allow with its {@code maxSizeMb} (a
     *                  drill's video): files are streamed to storage, so this is a matter of disk, not of memory
     * @param unitQuota the most bytes one unit may upload to one campaign (staged and handed in; a file kept into a
     *                  later version is not counted again); at least {@code maxMediaBytes}
     * @param campaignQuota the most bytes all units together may upload to one campaign; at least {@code unitQuota}
     * @param store     where the files' bytes live
     */
    public record Attachments(@DefaultValue("20971520") long maxBytes, @DefaultValue("40") int maxStaged,
                              @DefaultValue("524288000") long maxMediaBytes,
                              @DefaultValue("2GB") org.springframework.util.unit.DataSize unitQuota,
                              @DefaultValue("50GB") org.springframework.util.unit.DataSize campaignQuota,
                              @DefaultValue Store store) {

        /**
         * Where uploaded files' bytes live (issue 27 item 7). {@code files}, the embedded default: one file each under
         * {@code directory}, written to a temporary file, flushed to disk and moved into place, so that the embedded H2
         * holds only their rows (a 490 MB video in H2's own store took it down). {@code database}, the postgres profile:
         * 1 MB chunks in {@code duban_attachment_chunk}, so that every node of a cluster reads them and one database
         * backup holds everything. A file is read back from wherever its row says it lives, whatever this says now.
         *
         * @param kind      {@code files} or {@code database}
         * @param directory the file store's root ({@code files}); back it up with the database
         */
        public record Store(@DefaultValue("files") Kind kind, @DefaultValue("./data/attachments") String directory) {

            public enum Kind { FILES, DATABASE }
        }
    }

    /** @param hour the hour of the day (China time) at which each campaign's daily reminder check runs */
    public record Reminders(@DefaultValue("9") int hour) {}

    /** @param minInterval the shortest time between two urges of one unit */
    public record Urge(@DefaultValue("PT24H") Duration minInterval) {}

    /**
     * @param nearDays     a unit that owes its report and is due within this many days is shown as near its deadline
     * @param veryLateDays a unit this many days or more past due is shown as very late
     */
    public record Dashboard(@DefaultValue("3") int nearDays, @DefaultValue("7") int veryLateDays) {}

    /**
     * @param from           the sender address of every mail
     * @param tasklistUrl    Tasklist's address as the recipients reach it; mails link to their task under it
     * @param pollInterval   how often the sender looks for mail to send
     * @param maxAttempts    attempts before a mail is given up (marked failed, shown in the outbox view)
     * @param perConnection  mails sent over one SMTP connection
     * @param embeddedServer whether duban runs its own SMTP server (the demo: mails are really sent and can be seen)
     * @param copyUnitMailbox whether a mail addressed to a unit's person goes to the unit's mailbox as well
     * @param sender         the sender itself
     */
    public record Mail(@DefaultValue("duban@localhost") String from,
                       @DefaultValue("http://localhost:8080/camunda/app/tasklist/default/") String tasklistUrl,
                       @DefaultValue("PT10S") Duration pollInterval,
                       @DefaultValue("10") int maxAttempts,
                       @DefaultValue("100") int perConnection,
                       @DefaultValue("false") boolean embeddedServer,
                       @DefaultValue("true") boolean copyUnitMailbox,
                       @DefaultValue Sender sender) {

        /** @param enabled whether queued mail is sent (off in tests, which send by hand) */
        public record Sender(@DefaultValue("true") boolean enabled) {}
    }

    /**
     * @param accountFailures wrong passwords for one account from one address in {@code window} that lock the account
     *                        from that address (from anywhere else its owner still logs in)
     * @param accountLock     how long an account stays locked there (it lifts by itself)
     * @param addressFailures wrong passwords from one address in {@code window} that lock the address
     * @param addressLock     how long an address stays locked
     * @param window          the time in which failures are counted
     */
    public record Login(@DefaultValue("5") int accountFailures, @DefaultValue("PT15M") Duration accountLock,
                        @DefaultValue("20") int addressFailures, @DefaultValue("PT15M") Duration addressLock,
                        @DefaultValue("PT15M") Duration window) {}

    /**
     * A token bucket per person on every audited download (an attachment, a workbook, the upward package): a script
     * cannot pull files and fill the download audit as fast as the network allows.
     *
     * @param burst     downloads a person may make at once: the review form opens every photo of a report (up to the
     *                  40 files a unit may hand in), so three such reports opened at once
     * @param perMinute downloads a minute after the burst: one a second, far above a person reading
     */
    public record Downloads(@DefaultValue("120") int burst, @DefaultValue("60") int perMinute) {}

    /**
     * @param maxBodySize the largest request body that is not a multipart upload to duban's API (JSON, a form, a
     *                    chunked body; anything to {@code /engine-rest} and the webapps' {@code /camunda/api}): larger is
     *                    refused with 413 before it is read, so that no request is parsed whole into memory. Twice the
     *                    largest a form legitimately sends: a notice at its 524,288-character limit, all Chinese, handed in
     *                    through Tasklist (about 1.7 MB); a unit's report is capped by its 400,000-character draft (1.2 MB).
     *                    Uploads to {@code /api} are streamed to disk and limited by {@code spring.servlet.multipart.*}.
     */
    public record Http(@DefaultValue("4MB") org.springframework.util.unit.DataSize maxBodySize) {}

    /**
     * @param enabled  whether the demo data is created at start (users of every role, units, a campaign)
     * @param password the password of the demo accounts, and the initial password of the accounts the unit
     *                 registry creates (empty: a random one, set by an operator later)
     * @param campaign whether the demo also drafts, signs off and distributes a campaign
     */
    public record Demo(@DefaultValue("false") boolean enabled, @DefaultValue("") String password,
                       @DefaultValue("true") boolean campaign) {}

    /**
     * What the county's IT watches and is told (docs/operations.md).
     *
     * @param metricsCache how long a reading of the database behind a gauge, a health check or an alert is kept: one
     *                     query per reading per this long, however many scrapes and checks ask
     * @param alerts       the alerts mailed to the operators and shown on Cockpit's start page
     * @param backup       the embedded database's online backup (H2; PostgreSQL is backed up with pg_dump)
     */
    public record Ops(@DefaultValue("PT15S") Duration metricsCache, @DefaultValue Alerts alerts, @DefaultValue Backup backup) {

        /**
         * @param enabled          whether this node checks for alerts (every node does by default; two nodes checking at
         *                         once open and mail each alert once)
         * @param interval         how often the conditions are checked
         * @param mailStalledAfter a mail still waiting this long after it was queued means mail is not going out
         * @param storedBytes      uploaded files, all campaigns together, beyond which the operators are told
         * @param minFreeDisk      free space on the disk of the file store ({@code duban.attachments.store.kind=files})
         *                         below which the operators are told
         * @param recipients       further addresses that receive every alert (a shared IT mailbox), beside the operators'
         *                         and administrators' own addresses
         */
        public record Alerts(@DefaultValue("true") boolean enabled, @DefaultValue("PT1M") Duration interval,
                             @DefaultValue("PT30M") Duration mailStalledAfter,
                             @DefaultValue("200GB") org.springframework.util.unit.DataSize storedBytes,
                             @DefaultValue("10GB") org.springframework.util.unit.DataSize minFreeDisk,
                             @DefaultValue("") java.util.List<String> recipients) {}

        /** @param directory where {@code POST /actuator/backup} writes the embedded database's backups (H2 only) */
        public record Backup(@DefaultValue("./data/backups") String directory) {}
    }
}
