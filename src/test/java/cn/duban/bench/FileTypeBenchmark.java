package cn.duban.bench;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * What checking a file by its structure costs at upload (issue #15, attachment kinds), against what the upload
 * does to every file anyway: its SHA-256. A 20 MB MP4 (ftyp, moov, a 20 MB mdat), a 20 MB MP3 (ID3 tag, frames),
 * a 20 MB XLSX-shaped package (its parts, one large stored sheet) and a 20 MB JPEG-headed file; the median of 9
 * runs after 2 warm-ups. Pure: no Spring, no database.
 *
 * <pre>./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) cn.duban.bench.FileTypeBenchmark</pre>
 */
public final class FileTypeBenchmark {

    static final int SIZE = 20 * 1024 * 1024;

    public static void main(String[] args) throws Exception {
        System.out.println(Bench.machine(null));
        Random random = new Random(7);
        byte[] media = new byte[SIZE];
        random.nextBytes(media);

        ByteBuffer mp4 = ByteBuffer.allocate(SIZE + 1024);
        mp4.putInt(24).put("ftyp".getBytes(StandardCharsets.ISO_8859_1)).put("isom\0\0\2\0isomiso2".getBytes(StandardCharsets.ISO_8859_1));
        mp4.put(cn.duban.report.FileTypesTestAccess.moov());
        mp4.putInt(8 + SIZE).put("mdat".getBytes(StandardCharsets.ISO_8859_1)).put(media);
        byte[] mp4Bytes = java.util.Arrays.copyOf(mp4.array(), mp4.position());

        byte[] mp3 = media.clone();
        System.arraycopy("ID3".getBytes(StandardCharsets.US_ASCII), 0, mp3, 0, 3);
        mp3[3] = 4;
        mp3[4] = 0;
        mp3[5] = 0;
        mp3[6] = 0;
        mp3[7] = 0;
        mp3[8] = 0;
        mp3[9] = 20;
        mp3[30] = (byte) 0xFF;
        mp3[31] = (byte) 0xFB;
        mp3[32] = (byte) 0x90;

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(xlsx)) {
            for (String part : new String[] {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"}) {
                z.putNextEntry(new ZipEntry(part));
                z.write("<x/>".getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
            ZipEntry sheet = new ZipEntry("xl/worksheets/sheet1.xml");
            sheet.setMethod(ZipEntry.STORED);
            sheet.setSize(SIZE);
            sheet.setCompressedSize(SIZE);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(media);
            sheet.setCrc(crc.getValue());
            z.putNextEntry(sheet);
            z.write(media);
            z.closeEntry();
        }
        byte[] xlsxBytes = xlsx.toByteArray();

        byte[] jpeg = media.clone();
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        jpeg[2] = (byte) 0xFF;

        System.out.println("| file (20 MB) | SHA-256 ms (baseline) | structure check ms | × baseline |");
        System.out.println("| --- | ---: | ---: | ---: |");
        row("MP4", mp4Bytes, "演练.mp4");
        row("MP3", mp3, "录音.mp3");
        row("XLSX", xlsxBytes, "表.xlsx");
        row("JPEG (magic number)", jpeg, "现场.jpg");
    }

    private static void row(String what, byte[] bytes, String name) {
        double sha = Timing.median(9, () -> sha256(bytes));
        double check = Timing.median(9, () -> cn.duban.report.FileTypes.detect(cn.duban.report.FileTypes.Source.of(bytes), name).orElseThrow());
        System.out.println("| " + what + " | " + Timing.ms(sha) + " | " + Timing.ms(check) + " | " + ratio(check, sha) + " |");
    }

    private static String ratio(double x, double base) {
        return java.math.BigDecimal.valueOf(x / base).setScale(4, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
