package cn.duban.support;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** A day as a form hands it in ({@code yyyy-MM-dd}, possibly followed by a time), read one way everywhere. */
public final class Dates {

    private Dates() {}

    /**
     * The day, or null when nothing was given.
     *
     * @param what the field as the person knows it, e.g. "报送截止日期", for the refusal "报送截止日期应为形如 2026-03-20 的日期"
     */
    public static LocalDate day(Object value, String what) {
        String text = value == null ? "" : value.toString().strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new Refusal(what + "应为形如 2026-03-20 的日期（年-月-日）");
        }
    }

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A moment as people read it: {@code 2026-03-20 14:05}. */
    public static String minute(LocalDateTime time) {
        return time.format(MINUTE);
    }
}
