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
    void anImageBombIsRefusedFromItsHeaderAlone() throws Exception {
        byte[] bomb = png(100_000, 100_000);
        assertThat(bomb.length).isLessThan(100);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AttachmentService.checkImage("bomb.png", bomb))
                .isInstanceOf(ReportException.class).hasMessageContaining("尺寸过大（100000×100000）");
        AttachmentService.checkImage("ok.png", png(4000, 3000));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AttachmentService.checkImage("broken.png",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0})).hasMessageContaining("已损坏");
    }

    /** A PNG signature and IHDR chunk (with its CRC) claiming the given size; no pixel data at all. */
    static byte[] png(int width, int height) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        var ihdr = java.nio.ByteBuffer.allocate(17).put("IHDR".getBytes()).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array();
        var crc = new java.util.zip.CRC32();
        crc.update(ihdr);
        out.write(java.nio.ByteBuffer.allocate(4).putInt(13).array());
        out.write(ihdr);
        out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }

    @Test
    void fileNamesLoseTheirPathAndReservedCharacters() {
        assertThat(AttachmentService.cleanName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(AttachmentService.cleanName("C:\\temp\\总结<1>.docx")).isEqualTo("总结_1_.docx");
        assertThat(AttachmentService.cleanName("..")).isEqualTo("未命名");
    }
}
