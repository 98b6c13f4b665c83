package cn.duban.report;

/** A valid MP4 for tests outside this package (FileTypesTest's builder). */
public final class FileTypesTestAccess {

    private FileTypesTestAccess() {}

    public static byte[] mp4() {
        return FileTypesTest.mp4("moov", "mdat");
    }

    /** A movie box as a player needs it (for the benchmarks' own MP4s). */
    public static byte[] moov() {
        return FileTypesTest.moov();
    }
}
