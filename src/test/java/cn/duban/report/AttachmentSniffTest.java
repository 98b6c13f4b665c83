package cn.duban.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttachmentSniffTest {

    @Test
    void theContentDecidesTheTypeNotTheName() {
        assertThat(FileTypes.magic(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).isEqualTo("image/jpeg");
        assertThat(FileTypes.magic("%PDF-1.7".getBytes())).isEqualTo("application/pdf");
        assertThat(FileTypes.magic(new byte[] {'M', 'Z', (byte) 0x90, 0, 3})).isEqualTo("application/octet-stream");
        assertThat(FileTypes.magic("活动总结".getBytes())).isEqualTo("text/plain");
    }

    @Test
    void anImageBombIsRefusedFromItsHeaderAlone() throws Exception {
        byte[] bomb = png(100_000, 100_000);
        assertThat(bomb.length).isLessThan(100);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AttachmentService.checkImage("bomb.png", AttachmentService.Upload.of(bomb)))
                .isInstanceOf(ReportException.class).hasMessageContaining("尺寸过大（100000×100000）");
        AttachmentService.checkImage("ok.png", AttachmentService.Upload.of(png(4000, 3000)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AttachmentService.checkImage("broken.png",
                AttachmentService.Upload.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0}))).hasMessageContaining("已损坏");
    }

    @Test
    void aZipIsADocumentOnlyWithADocumentsStructure() throws Exception {
        var word = new java.io.ByteArrayOutputStream();
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument()) {
            doc.createParagraph().createRun().setText("活动总结");
            doc.write(word);
        }
        assertThat(isDocumentPackage(word.toByteArray(), "docx")).isTrue();
        assertThat(isDocumentPackage(zip("photos/1.jpg", "x"), "docx")).isFalse();
        // a spreadsheet package is Office Open XML but not a Word document
        var sheet = new java.io.ByteArrayOutputStream();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            wb.createSheet("表");
            wb.write(sheet);
        }
        assertThat(isDocumentPackage(sheet.toByteArray(), "docx")).isFalse();
        assertThat(isDocumentPackage(odf("application/vnd.oasis.opendocument.text"), "odt")).isTrue();
        // OpenDocument stores its mimetype first and uncompressed: a deflated one is no OpenDocument
        assertThat(isDocumentPackage(zip("mimetype", "application/vnd.oasis.opendocument.text"), "odt")).isFalse();
        assertThat(isDocumentPackage(zip("content.xml", "<x/>"), "odt")).isFalse();
        assertThat(isDocumentPackage(new byte[] {'P', 'K', 3, 4, 0, 0}, "docx")).isFalse();
    }

    /** An OpenDocument as office suites write it: the mimetype entry first, stored (not compressed). */
    static byte[] odf(String mimetype) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        try (var z = new java.util.zip.ZipOutputStream(out)) {
            byte[] type = mimetype.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            var entry = new java.util.zip.ZipEntry("mimetype");
            entry.setMethod(java.util.zip.ZipEntry.STORED);
            entry.setSize(type.length);
            entry.setCompressedSize(type.length);
            var crc = new java.util.zip.CRC32();
            crc.update(type);
            entry.setCrc(crc.getValue());
            z.putNextEntry(entry);
            z.write(type);
            z.closeEntry();
            z.putNextEntry(new java.util.zip.ZipEntry("content.xml"));
            z.write("<x/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return out.toByteArray();
    }

    static byte[] zip(String entry, String content) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        try (var z = new java.util.zip.ZipOutputStream(out)) {
            z.putNextEntry(new java.util.zip.ZipEntry(entry));
            z.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return out.toByteArray();
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


    /** Whether a zip has the structure of the document its extension names (FileTypes refuses a renamed zip by name). */
    private static boolean isDocumentPackage(byte[] content, String ext) {
        try {
            return ext.equals("odt") ? FileTypes.openDocument(FileTypes.Source.of(content), ext, "application/vnd.oasis.opendocument.text")
                    : FileTypes.officePackage(FileTypes.Source.of(content), ext, "word/document.xml");
        } catch (FileTypes.Refused e) {
            return false;
        }
    }
}
