package cn.duban.campaign;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 发文字号 of each issuer and year: the next one suggested (after the highest the issuer has given under its
 * latest 代字 this year), and each one taken by one notice only — a second notice with the same number is refused
 * with the notice that has it.
 */
@Service
@Transactional
public class DocumentNumbers {

    private final JdbcClient jdbc;
    private final Clock clock;

    DocumentNumbers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The number to suggest to an issuer's drafter this year; empty before the issuer's first. */
    @Transactional(readOnly = true)
    public Optional<DocumentNumber> suggestion(String issuer) {
        int year = LocalDate.now(clock).getYear();
        Optional<String> prefix = jdbc.sql("SELECT prefix FROM duban_document_number WHERE issuer = ? ORDER BY taken_at DESC")
                .param(issuer).query(String.class).list().stream().findFirst();
        return prefix.map(p -> {
            Integer last = jdbc.sql("SELECT MAX(serial) FROM duban_document_number WHERE prefix = ? AND doc_year = ?")
                    .params(p, year).query(Integer.class).optional().orElse(null);
            return new DocumentNumber(p, year, last == null ? 1 : last + 1);
        });
    }

    /** What is wrong with a number for a notice, without taking it: its form, or the notice that has it. */
    @Transactional(readOnly = true)
    public Optional<String> problem(String campaignId, String text, java.util.function.Function<String, String> titleOf) {
        Optional<DocumentNumber> n = DocumentNumber.parse(text);
        if (n.isEmpty()) {
            return Optional.of("发文字号“" + text.strip() + "”格式不对，应形如“沂卫字〔" + LocalDate.now(clock).getYear() + "〕12号”（代字、年份、序号）");
        }
        return jdbc.sql("SELECT campaign_id FROM duban_document_number WHERE prefix = ? AND doc_year = ? AND serial = ?")
                .params(n.get().prefix(), n.get().year(), n.get().serial()).query(String.class).optional()
                .filter(holder -> !holder.equals(campaignId))
                .map(holder -> "发文字号“" + n.get() + "”已用于《" + titleOf.apply(holder) + "》，请改用其他文号（如“" + suggestionAfter(n.get()) + "”）");
    }

    /**
     * Takes a number for a notice (its earlier one, if any, given back), or refuses it: not in the form
     * 代字〔年份〕序号号, or taken by another notice. {@code titleOf} names the notice that has it.
     */
    public DocumentNumber take(String campaignId, String issuer, String text, String by, java.util.function.Function<String, String> titleOf) {
        problem(campaignId, text, titleOf).ifPresent(p -> {
            throw new CampaignException(p);
        });
        DocumentNumber n = DocumentNumber.parse(text).orElseThrow();
        boolean held = jdbc.sql("SELECT COUNT(*) FROM duban_document_number WHERE prefix = ? AND doc_year = ? AND serial = ?")
                .params(n.prefix(), n.year(), n.serial()).query(Integer.class).single() > 0;
        if (!held) {
            // its number, and no other: an earlier one it had is given back
            jdbc.sql("DELETE FROM duban_document_number WHERE campaign_id = ?").param(campaignId).update();
            jdbc.sql("INSERT INTO duban_document_number (prefix, doc_year, serial, issuer, campaign_id, taken_by, taken_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(n.prefix(), n.year(), n.serial(), issuer, campaignId, by, LocalDateTime.now(clock)).update();
        }
        return n;
    }

    /** The first number after this one that nobody has. */
    private DocumentNumber suggestionAfter(DocumentNumber n) {
        Integer last = jdbc.sql("SELECT MAX(serial) FROM duban_document_number WHERE prefix = ? AND doc_year = ?")
                .params(n.prefix(), n.year()).query(Integer.class).optional().orElse(null);
        return new DocumentNumber(n.prefix(), n.year(), last == null ? n.serial() + 1 : last + 1);
    }
}
