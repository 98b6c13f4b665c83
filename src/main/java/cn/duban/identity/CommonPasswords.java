package cn.duban.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The passwords everybody tries first, refused whoever sets them: those of the kept list
 * ({@code identity/common-passwords.txt}), compared without regard to case and with simple leetspeak undone on both
 * sides ({@code P@ssw0rd} is {@code password}); a listed word, a keyboard walk or one or two letters with a simple
 * number before or after it ({@code Admin@123}, {@code zhang1990}, {@code woaini1314}, {@code qwe123},
 * {@code a1234567}); and numbers alone that are runs, repeats, years or dates ({@code 20262026}). Pure: the list is
 * read from the classpath once.
 */
final class CommonPasswords {

    static final String LIST_RESOURCE = "identity/common-passwords.txt";

    /** Longer passwords are not common: nobody guesses a 65-character password from a list. */
    static final int MAX_CHECKED = 64;

    /** Keyboard rows and columns (and the alphabet), walked either way. */
    private static final String[] WALKS = {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "abcdefghijklmnopqrstuvwxyz",
            "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p", "qazwsxedcrfvtgbyhnujmikolp", "1q2w3e4r5t6y7u8i9o0p", "q1w2e3r4t5y6u7i8o9p0",
            "zaq1xsw2cde3vfr4bgt5nhy6mju7", "147258369", "159357", "741852963", "789456123"};

    private static final Set<String> LIST = load();

    private CommonPasswords() {}

    static boolean isCommon(String password) {
        if (password == null || password.isBlank()) {
            return true;
        }
        String p = password.strip().toLowerCase(Locale.ROOT);
        if (p.length() > MAX_CHECKED) {
            return false;
        }
        if (LIST.contains(deleet(p)) || walk(p) || !hasLetter(p) && simpleAffix(p)) {
            return true;
        }
        for (int i = 1; i < p.length(); i++) {
            String head = p.substring(0, i);
            String tail = p.substring(i);
            if (weakWord(head) && simpleAffix(tail) || simpleAffix(head) && weakWord(tail)) {
                return true;
            }
        }
        return false;
    }

    /** A listed word, a keyboard walk, or one or two letters: what a number is put beside to make a "password". */
    private static boolean weakWord(String w) {
        if (!hasLetter(w)) {
            return false;
        }
        return LIST.contains(deleet(w)) || walk(w) || w.length() <= 2 && w.chars().allMatch(Character::isLetter);
    }

    /** Digits and at most two other signs, the digits a simple number (or none, as in {@code password!}). */
    private static boolean simpleAffix(String a) {
        StringBuilder digits = new StringBuilder();
        int signs = 0;
        for (char c : a.toCharArray()) {
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (Character.isLetter(c)) {
                return false;
            } else {
                signs++;
            }
        }
        return signs <= 2 && (digits.isEmpty() ? signs > 0 : simpleNumber(digits.toString()));
    }

    /** Short, a run, a repeat, a year, a date, or a listed number (5201314). */
    static boolean simpleNumber(String d) {
        if (d.length() <= 4 || LIST.contains(deleet(d)) || walk(d)) {
            return true;
        }
        for (int k = 1; k <= d.length() / 2; k++) {
            if (d.length() % k == 0 && d.substring(0, k).repeat(d.length() / k).equals(d)) {
                return true;
            }
        }
        return date(d);
    }

    /** yyyymmdd, yyyymm, yymmdd, or a date and a year run together (19900101 2026…), as birthdays are written. */
    private static boolean date(String d) {
        return switch (d.length()) {
            case 6 -> year(d.substring(0, 4)) && month(d.substring(4)) || month(d.substring(2, 4)) && day(d.substring(4));
            case 8 -> year(d.substring(0, 4)) && month(d.substring(4, 6)) && day(d.substring(6))
                    || month(d.substring(0, 2)) && day(d.substring(2, 4)) && year(d.substring(4))
                    || year(d.substring(0, 4)) && year(d.substring(4));
            default -> false;
        };
    }

    private static boolean year(String y) {
        return y.startsWith("19") || y.startsWith("20");
    }

    private static boolean month(String m) {
        int v = Integer.parseInt(m);
        return v >= 1 && v <= 12;
    }

    private static boolean day(String m) {
        int v = Integer.parseInt(m);
        return v >= 1 && v <= 31;
    }

    /** Three or more keys along a keyboard row or column, or a run of the alphabet or the digits, either way. */
    private static boolean walk(String s) {
        if (s.length() < 3) {
            return false;
        }
        for (String w : WALKS) {
            if (w.contains(s) || new StringBuilder(w).reverse().toString().contains(s)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasLetter(String s) {
        return s.chars().anyMatch(Character::isLetter);
    }

    /** Simple leetspeak undone: {@code @ 4} → a, {@code 8} → b, {@code 3} → e, {@code 1 ! | l} → i, {@code 0} → o, {@code 5 $} → s, {@code 7 +} → t. */
    static String deleet(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
            out.append(switch (c) {
                case '@', '4' -> 'a';
                case '8' -> 'b';
                case '3' -> 'e';
                case '1', '!', '|', 'l' -> 'i';
                case '0' -> 'o';
                case '5', '$' -> 's';
                case '7', '+' -> 't';
                default -> c;
            });
        }
        return out.toString();
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = CommonPasswords.class.getClassLoader().getResourceAsStream(LIST_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(LIST_RESOURCE + " is missing from the classpath");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(deleet(word));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
