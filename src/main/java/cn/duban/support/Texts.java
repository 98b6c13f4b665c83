package cn.duban.support;

/** Text a person typed, read one way everywhere: an optional field (a reason, a note, a document number). */
public final class Texts {

    private Texts() {}

    /** The text without surrounding spaces, or null when nothing but spaces was typed. */
    public static String optional(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
    }
}
