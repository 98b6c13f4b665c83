package cn.duban.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What an uploaded file really is: its bytes are checked by their own structure — an image by its magic number, a
 * Word or Excel file by its package parts, an MP4 or MOV by its chain of boxes, an MP3 by its frame header, an
 * OpenDocument by its {@code mimetype} — and must agree with its extension. The name alone decides nothing. A Word or
 * Excel package carrying a program (an entry named .exe, .js, …, macros, or an embedded OLE object that packs an
 * executable) is refused. Pure: no Spring, no database; reads at most the structure it needs (entry names, box
 * headers, embedded objects streamed a chunk at a time), never decodes media.
 */
public final class FileTypes {

    /** The kinds of file a template's attachment kind accepts ({@code accept: [document, video]}). */
    public enum Category {
        DOCUMENT("文档", "PDF、Word、WPS、OpenDocument 或纯文本文档", "PDF、Word、WPS、OpenDocument、纯文本", ".pdf,.doc,.docx,.wps,.odt,.txt"),
        IMAGE("图片", "JPG、PNG、GIF 或 WebP 图片", "JPG、PNG、GIF、WebP", ".jpg,.jpeg,.png,.gif,.webp"),
        AUDIO("音频", "MP3、M4A、WAV 或 AMR 音频", "MP3、M4A、WAV、AMR", ".mp3,.m4a,.wav,.amr"),
        VIDEO("视频", "MP4、MOV、M4V、3GP 或 AVI 视频", "MP4、MOV、M4V、3GP、AVI", ".mp4,.mov,.m4v,.3gp,.avi"),
        SPREADSHEET("表格", "XLSX、XLS、ODS 或 CSV 表格", "XLSX、XLS、ODS、CSV", ".xlsx,.xls,.ods,.csv"),
        ARCHIVE("压缩包", "ZIP、RAR 或 7Z 压缩包", "ZIP、RAR、7Z", ".zip,.rar,.7z");

        private final String label;
        private final String phrase;
        private final String formats;
        private final String extensions;

        Category(String label, String phrase, String formats, String extensions) {
            this.label = label;
            this.phrase = phrase;
            this.formats = formats;
            this.extensions = extensions;
        }

        /** 文档, 图片, 音频 …: what a person calls it. */
        public String label() {
            return label;
        }

        /** "JPG、PNG、GIF 或 WebP 图片": the formats, as a refusal says them. */
        public String phrase() {
            return phrase;
        }

        /** "JPG、PNG、GIF、WebP": the formats, as a list. */
        public String formats() {
            return formats;
        }

        /** For the file input's {@code accept}: ".jpg,.jpeg,…". */
        public String extensions() {
            return extensions;
        }

        /** The category a template names ({@code document}, {@code video} …); null when it names none. */
        public static Category of(String name) {
            if (name == null) {
                return null;
            }
            for (Category c : values()) {
                if (c.name().equalsIgnoreCase(name.strip())) {
                    return c;
                }
            }
            return null;
        }
    }

    /** What a file was found to be. */
    public record Detected(Category category, String contentType) {}

    /** Why a file is not what its name says, when there is more to say than "not acceptable". */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** The most zip entries read to find a package's parts (a real .docx or .xlsx has a few dozen). */
    static final int MAX_PACKAGE_ENTRIES = 2_000;
    /** The most top-level boxes of an MP4/MOV walked (a real one has a handful). */
    static final int MAX_BOXES = 10_000;

    private static final Set<String> MOVIE_FIRST_BOXES = Set.of("ftyp", "moov", "mdat", "wide", "free", "skip", "pnot");

    private FileTypes() {}

    /**
     * Where a file's structure is read from: its length and its bytes at a position, a few at a time — an upload
     * on disk is never read whole into memory (a 500 MB video is checked by reading its box headers).
     */
    public interface Source {
        long length();

        /** Up to {@code n} bytes from {@code at} (fewer near the end, none past it). */
        byte[] read(long at, int n);

        static Source of(byte[] b) {
            return new Source() {
                public long length() {
                    return b.length;
                }

                public byte[] read(long at, int n) {
                    if (at < 0 || at >= b.length) {
                        return new byte[0];
                    }
                    return java.util.Arrays.copyOfRange(b, (int) at, (int) Math.min(b.length, at + n));
                }
            };
        }

        /** A file on disk, read with positional reads (the channel's position is not moved). */
        static Source of(java.nio.channels.FileChannel channel) {
            return new Source() {
                public long length() {
                    try {
                        return channel.size();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }

                public byte[] read(long at, int n) {
                    long size = length();
                    if (at < 0 || at >= size) {
                        return new byte[0];
                    }
                    java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate((int) Math.min(n, size - at));
                    try {
                        while (buf.hasRemaining()) {
                            if (channel.read(buf, at + buf.position()) < 0) {
                                break;
                            }
                        }
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return java.util.Arrays.copyOf(buf.array(), buf.position());
                }
            };
        }
    }

    /** The most bytes of a zip's central directory read (a real .docx or .xlsx has a few kilobytes). */
    static final int MAX_DIRECTORY_BYTES = 8 * 1024 * 1024;

    /**
     * What the bytes are, given the file's extension: empty when they are nothing duban accepts or not what the
     * extension says. A zip renamed to .docx or .xlsx is refused with its own message ({@link Refused}).
     */
    public static Optional<Detected> detect(Source b, String filename) {
        String ext = extension(filename);
        Detected d = switch (ext) {
            case "jpg", "jpeg" -> starts(b, 0xFF, 0xD8, 0xFF) ? new Detected(Category.IMAGE, "image/jpeg") : null;
            case "png" -> starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A) ? new Detected(Category.IMAGE, "image/png") : null;
            case "gif" -> starts(b, 'G', 'I', 'F', '8') ? new Detected(Category.IMAGE, "image/gif") : null;
            case "webp" -> riff(b, "WEBP") ? new Detected(Category.IMAGE, "image/webp") : null;
            case "pdf" -> starts(b, '%', 'P', 'D', 'F', '-') ? new Detected(Category.DOCUMENT, "application/pdf") : null;
            case "doc" -> ole(b) ? new Detected(Category.DOCUMENT, "application/msword") : null;
            case "wps" -> ole(b) || officePackage(b, ext, "word/document.xml") ? new Detected(Category.DOCUMENT, "application/vnd.ms-works") : null;
            case "docx" -> officePackage(b, ext, "word/document.xml")
                    ? new Detected(Category.DOCUMENT, "application/vnd.openxmlformats-officedocument.wordprocessingml.document") : null;
            case "odt" -> openDocument(b, ext, "application/vnd.oasis.opendocument.text")
                    ? new Detected(Category.DOCUMENT, "application/vnd.oasis.opendocument.text") : null;
            case "txt" -> isText(b) ? new Detected(Category.DOCUMENT, "text/plain") : null;
            case "xlsx" -> officePackage(b, ext, "xl/workbook.xml")
                    ? new Detected(Category.SPREADSHEET, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") : null;
            case "xls" -> ole(b) ? new Detected(Category.SPREADSHEET, "application/vnd.ms-excel") : null;
            case "ods" -> openDocument(b, ext, "application/vnd.oasis.opendocument.spreadsheet")
                    ? new Detected(Category.SPREADSHEET, "application/vnd.oasis.opendocument.spreadsheet") : null;
            case "csv" -> isText(b) ? new Detected(Category.SPREADSHEET, "text/csv") : null;
            case "mp3" -> mp3(b) ? new Detected(Category.AUDIO, "audio/mpeg") : null;
            case "m4a" -> movie(b, true) ? new Detected(Category.AUDIO, "audio/mp4") : null;
            case "wav" -> riff(b, "WAVE") ? new Detected(Category.AUDIO, "audio/wav") : null;
            case "amr" -> starts(b, '#', '!', 'A', 'M', 'R') ? new Detected(Category.AUDIO, "audio/amr") : null;
            case "mp4", "m4v", "3gp" -> movie(b, true) ? new Detected(Category.VIDEO, "video/mp4") : null;
            case "mov" -> movie(b, false) ? new Detected(Category.VIDEO, "video/quicktime") : null;
            case "avi" -> riff(b, "AVI ") ? new Detected(Category.VIDEO, "video/x-msvideo") : null;
            case "zip" -> starts(b, 'P', 'K', 3, 4) ? new Detected(Category.ARCHIVE, "application/zip") : null;
            case "rar" -> starts(b, 'R', 'a', 'r', '!', 0x1A, 0x07) ? new Detected(Category.ARCHIVE, "application/vnd.rar") : null;
            case "7z" -> starts(b, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C) ? new Detected(Category.ARCHIVE, "application/x-7z-compressed") : null;
            default -> null;
        };
        return Optional.ofNullable(d);
    }

    /** The type the bytes say they are by their first bytes alone (magic numbers), whatever the file is called. */
    static String magic(byte[] bytes) {
        Source b = Source.of(bytes);
        if (starts(b, 0xFF, 0xD8, 0xFF)) return "image/jpeg";
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return "image/png";
        if (starts(b, 'G', 'I', 'F', '8')) return "image/gif";
        if (riff(b, "WEBP")) return "image/webp";
        if (starts(b, '%', 'P', 'D', 'F', '-')) return "application/pdf";
        if (starts(b, 'P', 'K', 3, 4)) return "application/zip";
        if (ole(b)) return "application/x-ole-storage";
        if (isText(b)) return "text/plain";
        return "application/octet-stream";
    }

    /**
     * An Office Open XML package with its content types and the part that makes it what the extension says
     * ({@code word/document.xml}, {@code xl/workbook.xml}). Only the central directory's names are read.
     * A zip without them, renamed, is refused by name.
     */
    static boolean officePackage(Source b, String ext, String mainPart) {
        if (!starts(b, 'P', 'K', 3, 4)) {
            return false;
        }
        List<Entry> entries = entries(b);
        List<String> names = entries.stream().map(Entry::name).toList();
        if (names.contains("[Content_Types].xml") && names.contains(mainPart)) {
            refuseExecutables(b, entries);
            return true;
        }
        if (ext.equals("wps")) {
            return false;
        }
        throw new Refused("不是有效的 " + ext.toUpperCase(Locale.ROOT) + (ext.equals("xlsx") ? " 表格" : " 文档")
                + "（压缩包改名不能作为" + (ext.equals("xlsx") ? "表格" : "文档") + "上传）");
    }

    /**
     * An OpenDocument file: its first entry is {@code mimetype}, stored uncompressed, holding exactly its type (read
     * from the first local header; nothing is inflated).
     */
    static boolean openDocument(Source b, String ext, String mimetype) {
        if (!starts(b, 'P', 'K', 3, 4)) {
            return false;
        }
        byte[] h = b.read(0, 30);
        if (h.length == 30 && u16le(h, 8) == 0) {
            int nameLength = u16le(h, 26);
            int extra = u16le(h, 28);
            long size = u32le(h, 18);
            String name = new String(b.read(30, nameLength), StandardCharsets.UTF_8);
            if (name.equals("mimetype") && size == mimetype.length()
                    && new String(b.read(30L + nameLength + extra, (int) size), StandardCharsets.US_ASCII).equals(mimetype)) {
                return true;
            }
        }
        throw new Refused("不是有效的 " + ext.toUpperCase(Locale.ROOT) + (ext.equals("ods") ? " 表格" : " 文档")
                + "（压缩包改名不能作为" + (ext.equals("ods") ? "表格" : "文档") + "上传）");
    }

    /**
     * The names in a zip's central directory, read from the end-of-central-directory record: nothing is inflated,
     * so a zip bomb (a small file that inflates to gigabytes) costs no more than an honest file. Empty when the
     * directory is missing, does not fit in the file, or is larger than any real package's.
     */
    static List<String> entryNames(Source s) {
        return entries(s).stream().map(Entry::name).toList();
    }

    /** An entry of a zip's central directory: its name, how it is stored, and where its local header is. */
    record Entry(String name, int method, long compressedSize, long size, long localHeader) {}

    /** The entries of a zip's central directory ({@link #entryNames}); nothing is inflated. */
    static List<Entry> entries(Source s) {
        List<Entry> found = new java.util.ArrayList<>();
        // the record is 22 bytes, followed by a comment of at most 65,535
        long tailStart = Math.max(0, s.length() - 22 - 65_535);
        byte[] tail = s.read(tailStart, (int) (s.length() - tailStart));
        int eocd = -1;
        for (int i = tail.length - 22; i >= 0; i--) {
            if (u32le(tail, i) == 0x06054b50L) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) {
            return found;
        }
        int count = u16le(tail, eocd + 10);
        long dirSize = u32le(tail, eocd + 12);
        long dirStart = u32le(tail, eocd + 16);
        if (dirSize > MAX_DIRECTORY_BYTES || dirStart + dirSize > s.length()) {
            return List.of();
        }
        byte[] b = s.read(dirStart, (int) dirSize);
        int at = 0;
        for (int i = 0; i < Math.min(count, MAX_PACKAGE_ENTRIES); i++) {
            if (at + 46 > b.length || u32le(b, at) != 0x02014b50L) {
                return List.of();
            }
            int nameLength = u16le(b, at + 28);
            int extra = u16le(b, at + 30);
            int comment = u16le(b, at + 32);
            if (at + 46 + nameLength > b.length) {
                return List.of();
            }
            found.add(new Entry(new String(b, at + 46, nameLength, StandardCharsets.UTF_8), u16le(b, at + 10), u32le(b, at + 20),
                    u32le(b, at + 24), u32le(b, at + 42)));
            at += 46 + nameLength + extra + comment;
        }
        return found;
    }

    /** Names of programs and scripts Windows runs when opened (an entry so named has no place in a document). */
    private static final java.util.regex.Pattern EXECUTABLE_NAME = java.util.regex.Pattern.compile(
            "(?i).*\\.(exe|dll|bat|cmd|com|scr|pif|cpl|msi|msp|jar|js|jse|vbs|vbe|wsf|wsh|hta|ps1|psm1|lnk|reg)$");

    /** The ending of such a name inside an embedded object, ANSI or UTF-16LE, with its terminating NUL. */
    private static final java.util.regex.Pattern EMBEDDED_NAME_END = java.util.regex.Pattern.compile(
            "(?i)\\.(?:exe|dll|bat|cmd|com|scr|pif|cpl|msi|msp|jar|js|jse|vbs|vbe|wsf|wsh|hta|ps1|psm1|lnk|reg)\\x00"
                    + "|\\.\\x00(?:e\\x00x\\x00e|d\\x00l\\x00l|b\\x00a\\x00t|c\\x00m\\x00d|s\\x00c\\x00r|j\\x00s|v\\x00b\\x00s|p\\x00s\\x001"
                    + "|j\\x00a\\x00r|m\\x00s\\x00i|h\\x00t\\x00a|l\\x00n\\x00k)\\x00\\x00\\x00");

    /** The most bytes of one embedded object read (inflated) to look for a program in it; a larger one is refused. */
    static final long MAX_EMBEDDED_BYTES = 32L * 1024 * 1024;

    /**
     * Refuses a package that carries a program: an entry named like one, macros ({@code vbaProject.bin}), or an
     * embedded OLE object ({@code embeddings/*.bin}: Word's "Package" object wraps any file) holding a Windows
     * executable (its MZ and PE headers) or a file named like a program. Embedded objects are inflated a chunk at a
     * time, at most {@link #MAX_EMBEDDED_BYTES} each, so a bomb costs no more than that much reading.
     */
    static void refuseExecutables(Source s, List<Entry> entries) {
        for (Entry e : entries) {
            String name = e.name();
            String base = name.substring(name.lastIndexOf('/') + 1);
            if (EXECUTABLE_NAME.matcher(name).matches()) {
                throw new Refused("内含可执行文件“" + base + "”，不能上传（文档中不能夹带程序）");
            }
            if (base.equalsIgnoreCase("vbaProject.bin")) {
                throw new Refused("内含宏（vbaProject.bin），不能上传；请另存为不含宏的文档后再上传");
            }
            if (name.toLowerCase(Locale.ROOT).matches(".*/embeddings/[^/]*\\.bin")) {
                embeddedProgram(s, e).ifPresent(what -> {
                    throw new Refused("内嵌的对象（" + base + "）" + what + "，不能上传（文档中不能夹带程序）");
                });
            }
        }
    }

    /** What program an embedded object holds, in words; empty when it holds none. */
    static Optional<String> embeddedProgram(Source s, Entry e) {
        if (e.size() > MAX_EMBEDDED_BYTES) {
            return Optional.of("过大，无法检查其中是否含有程序");
        }
        byte[] local = s.read(e.localHeader(), 30);
        if (local.length < 30 || u32le(local, 0) != 0x04034b50L || (e.method() != 0 && e.method() != 8)) {
            return Optional.of("无法读取");
        }
        long data = e.localHeader() + 30 + u16le(local, 26) + u16le(local, 28);
        java.io.InputStream raw = new java.io.InputStream() {
            long at = data;
            final long end = data + e.compressedSize();

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] into, int off, int len) {
                if (at >= end) {
                    return -1;
                }
                byte[] b = s.read(at, (int) Math.min(len, end - at));
                if (b.length == 0) {
                    return -1;
                }
                System.arraycopy(b, 0, into, off, b.length);
                at += b.length;
                return b.length;
            }
        };
        java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
        try (java.io.InputStream in = e.method() == 8 ? new java.util.zip.InflaterInputStream(raw, inflater, 64 * 1024) : raw) {
            // each window is the chunk just read and the end of the one before, so a header or name across two chunks is seen
            final int overlap = 4096;
            byte[] window = new byte[overlap + 256 * 1024];
            int kept = 0;
            long total = 0;
            for (int n; (n = in.readNBytes(window, kept, window.length - kept)) > 0; ) {
                total += n;
                if (total > MAX_EMBEDDED_BYTES) {
                    return Optional.of("过大，无法检查其中是否含有程序");
                }
                int length = kept + n;
                Optional<String> found = programIn(window, length);
                if (found.isPresent()) {
                    return found;
                }
                kept = Math.min(overlap, length);
                System.arraycopy(window, length - kept, window, 0, kept);
            }
            return Optional.empty();
        } catch (java.io.IOException | RuntimeException broken) {
            return Optional.of("已损坏，无法检查其中是否含有程序");
        } finally {
            inflater.end();
        }
    }

    /** A Windows executable (the MZ header pointing at its PE header) or a program's file name in these bytes. */
    private static Optional<String> programIn(byte[] b, int length) {
        for (int i = 0; i + 0x40 <= length; i++) {
            if (b[i] == 'M' && b[i + 1] == 'Z') {
                long pe = u32le(b, i + 0x3C);
                if (pe >= 0x40 && pe <= 4000 && i + pe + 4 <= length && b[(int) (i + pe)] == 'P' && b[(int) (i + pe + 1)] == 'E'
                        && b[(int) (i + pe + 2)] == 0 && b[(int) (i + pe + 3)] == 0) {
                    return Optional.of("是可执行程序");
                }
            }
        }
        java.util.regex.Matcher m = EMBEDDED_NAME_END.matcher(new String(b, 0, length, StandardCharsets.ISO_8859_1));
        while (m.find()) {
            // the name before its ending: printable characters back to the path's last separator (every other byte a NUL in UTF-16LE)
            boolean wide = b[m.start() + 1] == 0;
            int step = wide ? 2 : 1;
            int from = m.start();
            while (from - step >= 0 && m.start() - from < 240 && b[from - step] > 0x20 && b[from - step] < 0x7F
                    && b[from - step] != '\\' && b[from - step] != '/' && (!wide || b[from - step + 1] == 0)) {
                from -= step;
            }
            if (from < m.start()) {
                String stem = new String(b, from, m.start() - from, wide ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
                String ending = new String(b, m.start(), m.end() - m.start() - (wide ? 2 : 1), wide ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
                return Optional.of("内含可执行文件“" + stem + ending + "”");
            }
        }
        return Optional.empty();
    }

    private static long u32le(byte[] b, int at) {
        return (b[at] & 0xFFL) | ((b[at + 1] & 0xFFL) << 8) | ((b[at + 2] & 0xFFL) << 16) | ((b[at + 3] & 0xFFL) << 24);
    }

    private static int u16le(byte[] b, int at) {
        return (b[at] & 0xFF) | ((b[at + 1] & 0xFF) << 8);
    }

    /**
     * An ISO base media file (MP4, M4A, M4V, 3GP, MOV): a chain of top-level boxes, each a 32-bit size and a
     * four-character type, that ends exactly at the end of the file, with what a player needs to play anything — a
     * {@code moov} box whose own boxes chain exactly to its end and hold the movie header ({@code mvhd}, 108 bytes at
     * least) and at least one track ({@code trak} with its {@code tkhd} and {@code mdia}), and media data ({@code mdat})
     * that is not empty. An MP4 starts with {@code ftyp}; an older MOV may start with {@code moov}, {@code mdat} or
     * {@code wide}. A few bytes that only look like boxes (a 24-byte "video") are not one: the smallest file so made is
     * about 250 bytes, a real clip kilobytes. Only box headers are read: 16 bytes a box, however large the file.
     */
    static boolean movie(Source s, boolean ftypFirst) {
        List<Box> top = boxes(s, 0, s.length());
        if (top == null || top.isEmpty() || (ftypFirst ? !top.get(0).type().equals("ftyp") : !MOVIE_FIRST_BOXES.contains(top.get(0).type()))) {
            return false;
        }
        boolean media = top.stream().anyMatch(b -> b.type().equals("mdat") && b.size() > b.header());
        Box moov = top.stream().filter(b -> b.type().equals("moov")).findFirst().orElse(null);
        if (!media || moov == null) {
            return false;
        }
        List<Box> movie = boxes(s, moov.body(), moov.end());
        if (movie == null || movie.stream().noneMatch(b -> b.type().equals("mvhd") && b.size() >= MIN_MVHD)) {
            return false;
        }
        List<Box> tracks = movie.stream().filter(b -> b.type().equals("trak")).toList();
        return !tracks.isEmpty() && tracks.stream().limit(MAX_TRACKS_READ).allMatch(t -> {
            List<Box> track = boxes(s, t.body(), t.end());
            return track != null && track.stream().anyMatch(b -> b.type().equals("tkhd") && b.size() >= MIN_TKHD)
                    && track.stream().anyMatch(b -> b.type().equals("mdia"));
        });
    }

    /** The smallest movie header (version 0) and track header (version 0), header included. */
    static final int MIN_MVHD = 108;
    static final int MIN_TKHD = 92;
    /** The most tracks whose boxes are read (a real file has two or three). */
    static final int MAX_TRACKS_READ = 64;

    /** A box: its type, where it starts, its whole size and the size of its header (8, or 16 with a 64-bit size). */
    record Box(String type, long at, long size, int header) {
        long body() {
            return at + header;
        }

        long end() {
            return at + size;
        }
    }

    /**
     * The boxes from {@code start} to {@code end}, their headers read; null when they do not chain exactly to the end
     * (a box past it, a size smaller than its header, a type that is no four printable characters), or there are more
     * than {@link #MAX_BOXES}.
     */
    static List<Box> boxes(Source s, long start, long end) {
        List<Box> found = new java.util.ArrayList<>();
        long at = start;
        while (at < end) {
            if (found.size() >= MAX_BOXES) {
                return null;
            }
            byte[] h = s.read(at, 16);
            if (h.length < 8) {
                return null;
            }
            long size = u32(h, 0);
            String type = new String(h, 4, 4, StandardCharsets.ISO_8859_1);
            if (!type.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ' || (c >= 'A' && c <= 'Z') || c == 0xA9)) {
                return null;
            }
            int header = 8;
            if (size == 1) {
                if (h.length < 16) {
                    return null;
                }
                size = (u32(h, 8) << 32) | u32(h, 12);
                header = 16;
            } else if (size == 0) {
                size = end - at;
            }
            if (size < header || size > end - at) {
                return null;
            }
            found.add(new Box(type, at, size, header));
            at += size;
        }
        return found;
    }

    /**
     * An MP3: an optional ID3v2 tag (its size in the header), then an MPEG audio frame header — the 11-bit frame
     * sync, a defined version and layer, a bitrate index that is neither free nor bad, a defined sample rate.
     */
    static boolean mp3(Source s) {
        long at = 0;
        byte[] b = s.read(0, 10);
        if (starts(s, 'I', 'D', '3') && b.length >= 10) {
            if ((b[3] & 0xFF) == 0xFF || (b[4] & 0xFF) == 0xFF) {
                return false;
            }
            int size = ((b[6] & 0x7F) << 21) | ((b[7] & 0x7F) << 14) | ((b[8] & 0x7F) << 7) | (b[9] & 0x7F);
            at = 10L + size + ((b[5] & 0x10) != 0 ? 10 : 0);
        }
        byte[] f = s.read(at, 4);
        if (f.length < 4) {
            return false;
        }
        int b1 = f[0] & 0xFF;
        int b2 = f[1] & 0xFF;
        int b3 = f[2] & 0xFF;
        boolean sync = b1 == 0xFF && (b2 & 0xE0) == 0xE0;
        boolean version = ((b2 >> 3) & 0x3) != 1;
        boolean layer = ((b2 >> 1) & 0x3) != 0;
        int bitrate = (b3 >> 4) & 0xF;
        boolean rate = ((b3 >> 2) & 0x3) != 3;
        return sync && version && layer && bitrate != 0 && bitrate != 0xF && rate;
    }

    private static boolean riff(Source s, String form) {
        byte[] b = s.read(0, 12);
        return b.length >= 12 && starts(s, 'R', 'I', 'F', 'F') && new String(b, 8, 4, StandardCharsets.US_ASCII).equals(form);
    }

    private static boolean ole(Source s) {
        return starts(s, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1);
    }

    private static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    private static boolean starts(Source s, int... magic) {
        byte[] b = s.read(0, magic.length);
        if (b.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) return false;
        }
        return true;
    }

    /** Text: no NUL and valid UTF-8 in its first 8 KB. */
    static boolean isText(Source s) {
        byte[] b = s.read(0, 8192);
        int n = b.length;
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) return false;
        }
        var decoder = StandardCharsets.UTF_8.newDecoder();
        try {
            decoder.decode(java.nio.ByteBuffer.wrap(b, 0, n));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return n == 8192; // a multi-byte character cut at the sample's end
        }
    }

    static String extension(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
