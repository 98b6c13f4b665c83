package cn.duban.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every name that becomes a file or an entry of the upward package passes here. */
class FileNamesTest {

    @Test
    void aNameNeverLeavesItsFolder() {
        assertThat(FileNames.safe("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.safe("../../../../tmp/x")).isEqualTo("x");
        assertThat(FileNames.safe("C:\\temp\\总结<1>.docx")).isEqualTo("总结_1_.docx");
        assertThat(FileNames.safe("..")).isEqualTo(FileNames.UNNAMED);
        assertThat(FileNames.safe(". . /")).isEqualTo(FileNames.UNNAMED);
        assertThat(FileNames.safe(null)).isEqualTo(FileNames.UNNAMED);
        assertThat(FileNames.safe("a\u0000b\nc.pdf")).isEqualTo("a_b_c.pdf");
    }

    @Test
    void aTitleKeepsItsSlashesAsTextAndALongNameKeepsItsExtension() {
        assertThat(FileNames.safeTitle("3·15/消费维权（汇总）.xlsx")).isEqualTo("3·15／消费维权（汇总）.xlsx");
        assertThat(FileNames.safeTitle("../../../../tmp/x")).doesNotContain("/").doesNotContain("\\").doesNotStartWith(".");
        String longName = "字".repeat(400) + ".docx";
        assertThat(FileNames.safe(longName)).hasSize(FileNames.MAX_LENGTH).endsWith(".docx");
    }
}
