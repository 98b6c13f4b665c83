package cn.duban.bench;

import cn.duban.report.AttachmentService;
import cn.duban.report.FileTypes;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;

/**
 * What an upload of a large video costs in memory (issue #15, large media streamed to storage): the bytes the
 * uploading thread allocates to check, hash and chunk a 200 MB MP4 on disk — as {@code AttachmentService.stage} does
 * with an upload Spring has written to disk — against reading the file whole ({@code MultipartFile.getBytes()}, what
 * the upload did before). Allocation is counted by the JVM per thread ({@code ThreadMXBean.getThreadAllocatedBytes});
 * the database's share (one 1 MB chunk per insert) is not in it. Pure: no Spring, no database.
 *
 * <pre>./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx64m -cp target/test-classes:target/classes:$(cat target/cp.txt) cn.duban.bench.UploadStreamingBenchmark [MB]</pre>
 *
 * With a heap smaller than the file, reading it whole fails and the streamed path still checks, hashes and chunks it:
 * what it holds at once is one chunk (and a 64 KB hashing buffer), whatever the file's size.
 */
public final class UploadStreamingBenchmark {

    public static void main(String[] args) throws Exception {
        System.out.println(Bench.machine(null));
        long size = (args.length > 0 ? Long.parseLong(args[0]) : 200) * 1024 * 1024;
        Path file = Files.createTempFile("duban-bench-", ".mp4");
        try {
            write(file, size);
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long id = Thread.currentThread().getId();
            System.out.printf("max heap %d MB, file %d MB%n", Runtime.getRuntime().maxMemory() >> 20, size >> 20);
            System.out.println("| round | read whole (baseline): allocated MB | check, hash, chunk: allocated MB | × baseline | chunk |");
            for (int round = 1; round <= 3; round++) {
                long before = threads.getThreadAllocatedBytes(id);
                String baseline;
                long whole;
                try {
                    byte[] all = Files.readAllBytes(file);
                    whole = threads.getThreadAllocatedBytes(id) - before;
                    baseline = String.format("%.1f", whole / 1048576.0);
                    if (all.length != Files.size(file)) {
                        throw new IllegalStateException();
                    }
                } catch (OutOfMemoryError e) {
                    whole = size;
                    baseline = "OutOfMemoryError (the file does not fit in the heap)";
                }

                before = threads.getThreadAllocatedBytes(id);
                AttachmentService.Upload upload = AttachmentService.Upload.of(file);
                upload.read(source -> FileTypes.detect(source, "演练.mp4")).orElseThrow();
                String sha = AttachmentService.sha256(upload);
                long[] stored = new long[1];
                AttachmentService.chunks(upload, (chunk, no) -> stored[0] += chunk.length);
                long streamed = threads.getThreadAllocatedBytes(id) - before;
                if (stored[0] != Files.size(file) || sha.length() != 64) {
                    throw new IllegalStateException();
                }
                System.out.printf("| %d | %s | %.1f | %.2f | %d KB |%n", round, baseline, streamed / 1048576.0,
                        (double) streamed / whole, AttachmentService.CHUNK_BYTES / 1024);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** An MP4 of {@code size} bytes: ftyp, a moov with its movie header and a track, then an mdat of random bytes, written 1 MB at a time. */
    public static void write(Path file, long size) throws Exception {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
            byte[] moov = cn.duban.report.FileTypesTestAccess.moov();
            ByteBuffer head = ByteBuffer.allocate(32 + moov.length);
            head.putInt(24).put("ftyp".getBytes(StandardCharsets.ISO_8859_1)).put("isom\0\0\2\0isomiso2".getBytes(StandardCharsets.ISO_8859_1));
            head.put(moov);
            long mdat = size - 24 - moov.length;
            head.putInt(1).put("mdat".getBytes(StandardCharsets.ISO_8859_1));
            head.flip();
            out.write(head);
            ByteBuffer large = ByteBuffer.allocate(8).putLong(mdat);
            large.flip();
            out.write(large);
            Random random = new Random(7);
            byte[] block = new byte[1024 * 1024];
            for (long left = mdat - 16; left > 0; left -= block.length) {
                random.nextBytes(block);
                out.write(ByteBuffer.wrap(block, 0, (int) Math.min(block.length, left)));
            }
        }
    }
}
