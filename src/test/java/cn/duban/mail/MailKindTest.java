package cn.duban.mail;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.reminder.ReminderPolicy;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every kind of mail is named in Chinese once; a reminder step's kind is a mail kind; an unknown code reads 邮件. */
class MailKindTest {

    @Test
    void everyKindHasItsChineseNameAndAStoredCodeIsReadBack() {
        for (MailKind k : MailKind.values()) {
            assertThat(k.label()).as(k.name()).isNotBlank().matches(".*\\p{IsHan}.*");
            assertThat(MailKinds.kind(k.name())).isEqualTo(k.label());
        }
        assertThat(Arrays.stream(MailKind.values()).map(MailKind::label).distinct()).hasSize(MailKind.values().length);
        assertThat(MailKinds.kind("SOMETHING_OLD")).isEqualTo("邮件");
    }

    @Test
    void eachReminderStepSendsItsOwnKindAndTheBoardCountsThemWithUrges() {
        for (ReminderPolicy.Kind k : ReminderPolicy.Kind.values()) {
            assertThat(k.mailKind().name()).isEqualTo(k.name());
            assertThat(MailKind.PRESSING).contains(k.mailKind());
        }
        assertThat(MailKind.PRESSING).contains(MailKind.URGE).doesNotContain(MailKind.DIGEST, MailKind.NOTICE_ISSUED);
    }
}
