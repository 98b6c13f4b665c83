package cn.duban.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.campaign.CampaignTemplate;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Each type by its own structure, agreeing with its extension; without Spring or a database. */
class FileTypesTest {

    /** A minimal ISO base media file: ftyp, then the given top-level boxes. */
    static byte[] mp4(String... boxes) {
        ByteBuffer b = ByteBuffer.allocate(4096);
        box(b, "ftyp", "isom\0\0\2\0isomiso2mp41".getBytes(StandardCharsets.ISO_8859_1));
        for (String type : boxes) {
            box(b, type, new byte[24]);
        }
        return Arrays.copyOf(b.array(), b.position());
    }

    private static void box(ByteBuffer b, String type, byte[] payload) {
        b.putInt(8 + payload.length).put(type.getBytes(StandardCharsets.ISO_8859_1)).put(payload);
    }

    /** An MP3: an ID3v2 tag of 20 bytes, then an MPEG-1 Layer III frame header (128 kbit/s, 44.1 kHz). */
    static byte[] mp3() {
        byte[] b = new byte[64];
        System.arraycopy("ID3".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 3);
        b[3] = 4;
        b[9] = 20;
        b[30] = (byte) 0xFF;
        b[31] = (byte) 0xFB;
        b[32] = (byte) 0x90;
        return b;
    }

    static byte[] zip(String... entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String e : entries) {
                z.putNextEntry(new ZipEntry(e));
                z.write("x".getBytes());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void aVideoIsAChainOfBoxesEndingAtTheFileEndWithItsMovieBox() {
        assertThat(detect(mp4("moov", "mdat"), "现场.mp4")).hasValueSatisfying(d -> {
            assertThat(d.category()).isEqualTo(FileTypes.Category.VIDEO);
            assertThat(d.contentType()).isEqualTo("video/mp4");
        });
        assertThat(detect(mp4("mdat", "moov"), "clip.MOV")).as("a MOV may start with ftyp too").isPresent();
        assertThat(detect(mp4("mdat"), "no-moov.mp4")).as("no movie box: nothing to play").isEmpty();
        byte[] whole = mp4("moov", "mdat");
        assertThat(detect(Arrays.copyOf(whole, whole.length - 5), "cut.mp4")).as("truncated").isEmpty();
        assertThat(detect("just some text, renamed".getBytes(), "fake.mp4")).isEmpty();
        assertThat(detect(mp4("moov", "mdat"), "video.avi")).as("the name must agree").isEmpty();
        assertThat(detect(mp4("moov", "mdat"), "song.m4a")).hasValueSatisfying(d ->
                assertThat(d.category()).isEqualTo(FileTypes.Category.AUDIO));
    }

    @Test
    void anMp3IsATagThenAFrameHeader() {
        assertThat(detect(mp3(), "讲座录音.mp3")).hasValueSatisfying(d -> assertThat(d.contentType()).isEqualTo("audio/mpeg"));
        byte[] noFrame = mp3();
        noFrame[31] = 0x00;
        assertThat(detect(noFrame, "broken.mp3")).isEmpty();
        byte[] badBitrate = mp3();
        badBitrate[32] = (byte) 0xF0;
        assertThat(detect(badBitrate, "bad.mp3")).isEmpty();
    }

    @Test
    void officeFilesAreTheirPackagesAndARenamedZipIsSaidToBeOne() throws Exception {
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("表1").createRow(0).createCell(0).setCellValue("乡镇");
            wb.write(xlsx);
        }
        assertThat(detect(xlsx.toByteArray(), "各乡镇情况.xlsx")).hasValueSatisfying(d ->
                assertThat(d.category()).isEqualTo(FileTypes.Category.SPREADSHEET));
        assertThatThrownBy(() -> detect(xlsx.toByteArray(), "各乡镇情况.docx")).as("a workbook is no Word file")
                .hasMessageStartingWith("不是有效的 DOCX 文档");
        assertThatThrownBy(() -> detect(zip("photos/1.jpg"), "表.xlsx"))
                .hasMessage("不是有效的 XLSX 表格（压缩包改名不能作为表格上传）");
        assertThat(detect(zip("[Content_Types].xml", "word/document.xml"), "总结.docx")).hasValueSatisfying(d ->
                assertThat(d.category()).isEqualTo(FileTypes.Category.DOCUMENT));
        assertThat(detect(zip("a.txt"), "资料.zip")).hasValueSatisfying(d ->
                assertThat(d.category()).isEqualTo(FileTypes.Category.ARCHIVE));
        assertThat(detect("乡镇,场次\n南麻,3\n".getBytes(StandardCharsets.UTF_8), "表.csv")).hasValueSatisfying(d ->
                assertThat(d.category()).isEqualTo(FileTypes.Category.SPREADSHEET));
    }

    @Test
    void aPackagesPartsAreReadFromItsDirectoryWithoutInflatingAnything() throws Exception {
        // 64 MB of zeros deflate to about 64 KB: a small bomb; its parts are listed without inflating it
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String part : new String[] {"[Content_Types].xml", "xl/workbook.xml"}) {
                z.putNextEntry(new ZipEntry(part));
                z.write("<x/>".getBytes());
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        assertThat(out.size()).isLessThan(200_000);
        assertThat(entryNames(out.toByteArray())).containsExactly("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml");
        assertThat(detect(out.toByteArray(), "表.xlsx")).isPresent();
        byte[] cut = Arrays.copyOf(out.toByteArray(), out.size() - 30);
        assertThat(entryNames(cut)).as("no directory: nothing").isEmpty();
    }

    @Test
    void theTemplatesNamesOfFileTypesAreTheCategoriesHere() {
        assertThat(Arrays.stream(FileTypes.Category.values()).map(c -> c.name().toLowerCase()).toList())
                .isEqualTo(CampaignTemplate.AttachmentKind.CATEGORIES);
        assertThat(AttachmentService.notAccepted(java.util.List.of(FileTypes.Category.VIDEO)))
                .isEqualTo("不是 MP4、MOV、M4V、3GP 或 AVI 视频，或内容与扩展名不符");
        assertThat(AttachmentService.notAccepted(java.util.List.of(FileTypes.Category.DOCUMENT, FileTypes.Category.IMAGE)))
                .isEqualTo("不是可接受的文档或图片（PDF、Word、WPS、OpenDocument、纯文本，JPG、PNG、GIF、WebP），或内容与扩展名不符");
    }

    static java.util.Optional<FileTypes.Detected> detect(byte[] b, String filename) {
        return FileTypes.detect(FileTypes.Source.of(b), filename);
    }

    static java.util.List<String> entryNames(byte[] b) {
        return FileTypes.entryNames(FileTypes.Source.of(b));
    }
}
