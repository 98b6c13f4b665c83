package cn.duban.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.Driver;
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

    /**
     * A small ISO base media file: ftyp, then the given top-level boxes — a {@code moov} as a player needs it (its movie
     * header and a track with its header and media box), any other box with 24 bytes of content.
     */
    static byte[] mp4(String... boxes) {
        ByteBuffer b = ByteBuffer.allocate(4096);
        box(b, "ftyp", "isom\0\0\2\0isomiso2mp41".getBytes(StandardCharsets.ISO_8859_1));
        for (String type : boxes) {
            if (type.equals("moov")) {
                b.put(moov());
            } else {
                box(b, type, new byte[24]);
            }
        }
        return Arrays.copyOf(b.array(), b.position());
    }

    /** A movie box: mvhd (version 0, 108 bytes) and one trak of tkhd (version 0, 92 bytes) and an mdia with its mdhd. */
    static byte[] moov() {
        ByteBuffer mdia = ByteBuffer.allocate(64);
        box(mdia, "mdhd", new byte[24]);
        ByteBuffer trak = ByteBuffer.allocate(256);
        box(trak, "tkhd", new byte[84]);
        box(trak, "mdia", Arrays.copyOf(mdia.array(), mdia.position()));
        ByteBuffer movie = ByteBuffer.allocate(512);
        box(movie, "mvhd", new byte[100]);
        box(movie, "trak", Arrays.copyOf(trak.array(), trak.position()));
        ByteBuffer moov = ByteBuffer.allocate(600);
        box(moov, "moov", Arrays.copyOf(movie.array(), movie.position()));
        return Arrays.copyOf(moov.array(), moov.position());
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

    /** Issue 27 item 15: a few bytes shaped like boxes are no video; what a player needs must be there. */
    @Test
    void aVideoHoldsAMovieHeaderATrackAndMediaNotJustBoxesOfAFewBytes() {
        ByteBuffer tiny = ByteBuffer.allocate(24);
        box(tiny, "ftyp", "isom\0\0\2\0".getBytes(StandardCharsets.ISO_8859_1));
        box(tiny, "moov", new byte[0]);
        assertThat(tiny.position()).isEqualTo(24);
        assertThat(detect(tiny.array(), "演练.mp4")).as("a 24-byte video").isEmpty();

        ByteBuffer emptyMoov = ByteBuffer.allocate(256);
        box(emptyMoov, "ftyp", "isom\0\0\2\0isomiso2mp41".getBytes(StandardCharsets.ISO_8859_1));
        box(emptyMoov, "moov", new byte[24]);
        box(emptyMoov, "mdat", new byte[24]);
        assertThat(detect(Arrays.copyOf(emptyMoov.array(), emptyMoov.position()), "演练.mp4")).as("a movie box of zeros").isEmpty();

        byte[] noMedia = mp4("moov");
        assertThat(detect(noMedia, "演练.mp4")).as("no media data").isEmpty();
        ByteBuffer emptyMedia = ByteBuffer.allocate(1024);
        emptyMedia.put(mp4("moov"));
        box(emptyMedia, "mdat", new byte[0]);
        assertThat(detect(Arrays.copyOf(emptyMedia.array(), emptyMedia.position()), "演练.mp4")).as("empty media data").isEmpty();

        byte[] noTrack = mp4("moov", "mdat");
        int trak = indexOf(noTrack, "trak");
        noTrack[trak] = 'f';
        noTrack[trak + 1] = 'r';
        noTrack[trak + 2] = 'e';
        noTrack[trak + 3] = 'e';
        assertThat(detect(noTrack, "演练.mp4")).as("no track").isEmpty();
        byte[] shortHeader = mp4("moov", "mdat");
        shortHeader[indexOf(shortHeader, "mvhd") - 1] = 50; // the movie header claims 50 bytes: its boxes no longer chain
        assertThat(detect(shortHeader, "演练.mp4")).isEmpty();
        assertThat(mp4("moov", "mdat").length).as("the smallest accepted").isGreaterThan(200);
    }

    static int indexOf(byte[] b, String type) {
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + t.length <= b.length; i++) {
            for (int j = 0; j < t.length; j++) {
                if (b[i + j] != t[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(type + " not found");
    }

    /** A Word document with extra entries, each holding the given bytes (deflated). */
    static byte[] docx(java.util.Map<String, byte[]> extra) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String part : new String[] {"[Content_Types].xml", "word/document.xml"}) {
                z.putNextEntry(new ZipEntry(part));
                z.write("<x/>".getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
            for (var e : extra.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** The start of a Windows program: MZ, the PE header's offset at 0x3C, the PE signature there. */
    static byte[] program() {
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3C] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        return exe;
    }

    /** An OLE "Package" object as Word embeds a file: a compound file whose Ole10Native stream names the file and holds it. */
    static byte[] packagedFile(String name, byte[] content) {
        ByteBuffer b = ByteBuffer.allocate(70_000 + content.length);
        b.put(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
        b.put(new byte[60_000]); // sectors before the stream: the name lies beyond the first chunk read
        b.put("\u0001Ole10Native".getBytes(StandardCharsets.UTF_16LE));
        b.put(new byte[] {2, 0});
        b.put((name + "\0C:\\Users\\x\\" + name + "\0").getBytes(StandardCharsets.ISO_8859_1));
        b.put(new byte[] {0, 0, 3, 0});
        b.put(content);
        return Arrays.copyOf(b.array(), b.position());
    }

    /** Issue 27 item 15: a Word or Excel file is no envelope for a program. */
    @Test
    void anOfficePackageHoldingAProgramIsRefused() throws Exception {
        assertThat(detect(docx(java.util.Map.of("word/media/image1.png", Driver.PNG)), "总结.docx")).isPresent();
        for (String name : new String[] {"word/media/setup.exe", "word/embeddings/run.js", "word/x.VBS", "customXml/a.ps1", "word/b.jar",
                "word/c.msi", "word/d.scr", "word/e.bat", "word/f.cmd", "word/g.dll"}) {
            assertThatThrownBy(() -> detect(docx(java.util.Map.of(name, "x".getBytes())), "总结.docx")).as(name)
                    .isInstanceOf(FileTypes.Refused.class).hasMessageStartingWith("内含可执行文件“" + name.substring(name.lastIndexOf('/') + 1) + "”");
        }
        assertThatThrownBy(() -> detect(docx(java.util.Map.of("word/vbaProject.bin", new byte[64])), "总结.docx"))
                .hasMessageStartingWith("内含宏");
        assertThatThrownBy(() -> detect(docx(java.util.Map.of("word/embeddings/oleObject1.bin", packagedFile("invoice.exe", program()))),
                "总结.docx")).hasMessage("内嵌的对象（oleObject1.bin）是可执行程序，不能上传（文档中不能夹带程序）");
        assertThatThrownBy(() -> detect(docx(java.util.Map.of("word/embeddings/oleObject1.bin", packagedFile("update.vbs",
                "WScript.Echo 1".getBytes()))), "总结.docx")).hasMessage("内嵌的对象（oleObject1.bin）内含可执行文件“update.vbs”，不能上传（文档中不能夹带程序）");
        // Excel too, and a name written in UTF-16 as newer Package objects add it
        byte[] wide = ByteBuffer.allocate(200).put("\0\0tool.exe".getBytes(StandardCharsets.UTF_16LE)).put(new byte[] {0, 0}).array();
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(xlsx)) {
            for (String part : new String[] {"[Content_Types].xml", "xl/workbook.xml"}) {
                z.putNextEntry(new ZipEntry(part));
                z.write("<x/>".getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("xl/embeddings/oleObject2.bin"));
            z.write(wide);
            z.closeEntry();
        }
        assertThatThrownBy(() -> detect(xlsx.toByteArray(), "表.xlsx")).hasMessageContaining("内含可执行文件“tool.exe”");
        // an embedded equation or workbook is no program
        byte[] equation = new byte[100_000];
        new java.util.Random(3).nextBytes(equation);
        assertThat(detect(docx(java.util.Map.of("word/embeddings/oleObject3.bin", equation,
                "word/embeddings/Microsoft_Excel_Worksheet.xlsx", "x".getBytes())), "总结.docx")).isPresent();
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
