package cn.duban.campaign;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The 发文字号 of each issuer and year: the next one suggested (after the highest the issuer has given under its
 * latest 代字 this year), and each one taken by one notice only — a second notice with the same number is refused
 * with the notice that has it. Two drafters taking one number at the same moment both find it free; the database's key
 * lets one of them have it, and the other is refused in the same words, with the next free number.
 */
@Service
@Transactional
public class DocumentNumbers {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate savepoint;

    DocumentNumbers(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** The number to suggest to an issuer's drafter this year: after the highest under its latest 代字; empty before its first. */
    @Transactional(readOnly = true)
    public Optional<DocumentNumber> suggestion(String issuer) {
        int year = LocalDate.now(clock).getYear();
        return jdbc.sql("SELECT prefix FROM duban_document_number WHERE issuer = ? ORDER BY taken_at DESC FETCH FIRST 1 ROWS ONLY")
                .param(issuer).query(String.class).optional()
                .map(p -> new DocumentNumber(p, year, lastSerial(p, year) + 1));
    }

    /** What is wrong with a number for a notice, without taking it: its form, or the notice that has it. */
    @Transactional(readOnly = true)
    public Optional<String> problem(String campaignId, String text) {
        Optional<DocumentNumber> n = DocumentNumber.parse(text);
        if (n.isEmpty()) {
            return Optional.of("发文字号“" + DocumentNumber.normalized(text) + "”格式不对，应形如“沂卫字〔" + LocalDate.now(clock).getYear() + "〕12号”（代字、年份、序号）");
        }
        return holder(n.get()).filter(holder -> !holder.equals(campaignId)).map(holder -> {
            String title = jdbc.sql("SELECT title FROM duban_campaign WHERE id = ?").param(holder).query(String.class).single();
            DocumentNumber free = new DocumentNumber(n.get().prefix(), n.get().year(), lastSerial(n.get().prefix(), n.get().year()) + 1);
            return "发文字号“" + n.get() + "”已用于《" + title + "》，请改用其他文号（如“" + free + "”）";
        });
    }

    /** Takes a number for a notice (its earlier one, if any, given back), or refuses it with {@link #problem}'s words. */
    public DocumentNumber take(String campaignId, String issuer, String text, String by) {
        problem(campaignId, text).ifPresent(p -> {
            throw new CampaignException(p);
        });
        DocumentNumber n = DocumentNumber.parse(text).orElseThrow();
        if (holder(n).isEmpty()) {
            // its number, and no other: an earlier one it had is given back
            jdbc.sql("DELETE FROM duban_document_number WHERE campaign_id = ?").param(campaignId).update();
            try {
                // behind a savepoint: on PostgreSQL a failed statement leaves the whole transaction unable to read, and
                // the engine reads on after a listener's refusal (to look for a BPMN error to throw)
                savepoint.executeWithoutResult(s -> jdbc.sql("INSERT INTO duban_document_number (prefix, doc_year, serial, issuer, "
                                + "campaign_id, taken_by, taken_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                        .params(n.prefix(), n.year(), n.serial(), issuer, campaignId, by, LocalDateTime.now(clock)).update());
            } catch (DuplicateKeyException raced) {
                // another notice took it since the check above (it committed while this insert waited on its row): refused
                // as a taken number is, with the notice that has it and the next free number
                throw new CampaignException(problem(campaignId, text).orElse("发文字号“" + n + "”刚被另一份通知使用，请改用其他文号"));
            }
        }
        return n;
    }

    /** The notice a number went to, if any. */
    private Optional<String> holder(DocumentNumber n) {
        return jdbc.sql("SELECT campaign_id FROM duban_document_number WHERE prefix = ? AND doc_year = ? AND serial = ?")
                .params(n.prefix(), n.year(), n.serial()).query(String.class).optional();
    }

    /** The highest serial given under a 代字 in a year; 0 before the first. */
    private int lastSerial(String prefix, int year) {
        Integer last = jdbc.sql("SELECT MAX(serial) FROM duban_document_number WHERE prefix = ? AND doc_year = ?")
                .params(prefix, year).query(Integer.class).optional().orElse(null);
        return last == null ? 0 : last;
    }
}
