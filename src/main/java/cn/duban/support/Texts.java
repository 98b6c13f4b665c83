package cn.duban.support;

/** Text a person typed, read one way everywhere: an optional field (a reason, a note, a document number). */
public final class Texts {

    private Texts() {}

    /** The text without surrounding spaces, or null when nothing but spaces was typed. */
    public static String optional(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
    }

    /** Characters XML 1.0 may not hold (control characters a paste from Word brings, and two non-characters). */
    private static final java.util.regex.Pattern NOT_XML = java.util.regex.Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");

    /**
     * The text without what a document's XML may not hold (Word and the PDF renderer refuse the whole file for one
     * such character); null stays null.
     */
    public static String printable(String text) {
        return text == null ? null : NOT_XML.matcher(text).replaceAll("");
    }
}
