package cn.duban.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttachmentSniffTest {

    @Test
    void theContentDecidesTheTypeNotTheName() {
        assertThat(AttachmentService.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).isEqualTo("image/jpeg");
        assertThat(AttachmentService.sniff("%PDF-1.7".getBytes())).isEqualTo("application/pdf");
        assertThat(AttachmentService.sniff(new byte[] {'M', 'Z', (byte) 0x90, 0, 3})).isEqualTo("application/octet-stream");
        assertThat(AttachmentService.sniff("活动总结".getBytes())).isEqualTo("text/plain");
    }

    @Test
    void fileNamesLoseTheirPathAndReservedCharacters() {
        assertThat(AttachmentService.cleanName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(AttachmentService.cleanName("C:\\temp\\总结<1>.docx")).isEqualTo("总结_1_.docx");
        assertThat(AttachmentService.cleanName("..")).isEqualTo("未命名");
    }
}
