package cn.duban.support;

/**
 * The one way a name becomes a file or a zip entry: an uploaded file's name, a unit's name as a folder of the
 * upward package, a notice's title as a workbook's name. Whatever it was typed as, the result is one plain name:
 * no path (so nothing written from it lands outside its folder — "zip slip"), no control characters, none of the
 * characters Windows refuses, no leading dots, and at most {@link #MAX_LENGTH} characters with its extension kept.
 */
public final class FileNames {

    public static final int MAX_LENGTH = 120;
    public static final String UNNAMED = "未命名";

    private FileNames() {}

    /** The name as a single file or folder name. */
    public static String safe(String name) {
        String n = name == null ? "" : name;
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        n = n.replaceAll("[\\p{Cntrl}<>:\"|?*]", "_").strip();
        while (n.startsWith(".")) {
            n = n.substring(1).strip();
        }
        if (n.isEmpty()) {
            return UNNAMED;
        }
        if (n.length() > MAX_LENGTH) {
            int dot = n.lastIndexOf('.');
            String ext = dot > 0 && n.length() - dot <= 10 ? n.substring(dot) : "";
            n = n.substring(0, MAX_LENGTH - ext.length()) + ext;
        }
        return n;
    }

    /** The name with every path separator turned into a visible character first, so that a title like "a/b" stays whole. */
    public static String safeTitle(String title) {
        return safe(title == null ? null : title.replace('/', '／').replace('\\', '＼'));
    }
}
