package cn.duban.campaign;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A 发文字号 as GB/T 9704-2012 writes it: the issuer's 代字, the year in hexagonal brackets 〔〕, the serial number
 * and 号 — 沂卫字〔2026〕12号. Read leniently (square or round brackets, half-width, spaces) and written the standard
 * way. Pure.
 *
 * <p>A number is a key: two notices may not have the same one. So what looks the same is the same number — the text is
 * {@linkplain #normalized normalised} before it is read: invisible format characters (zero-width spaces and joiners,
 * bidirectional controls, the byte-order mark, soft hyphens) are removed, every kind of space (no-break, figure,
 * narrow, ideographic) is a space, and compatibility forms are unified (NFKC: full-width digits are digits). They are
 * removed rather than refused because a drafter cannot see them (they come with a paste from Word or a web page), and
 * once removed, a look-alike of a taken number is refused as taken. The 代字 holds Chinese characters, Latin letters
 * and digits only, so no other invisible or look-alike character can make a second "same" number.
 */
public record DocumentNumber(String prefix, int year, int serial) {

    private static final Pattern FORM = Pattern.compile(
            "^\\s*([\\p{IsHan}A-Za-z0-9]{1,30})\\s*[〔\\[(]\\s*(\\d{4})\\s*[〕\\])]\\s*0*(\\d{1,5})\\s*号\\s*$");

    /** Format characters (Cf: zero-width, bidirectional controls, BOM, soft hyphen …) and the Hangul fillers, which show as nothing. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\u115F\\u1160\\u3164\\uFFA0]");

    /** Every space separator (no-break, figure, narrow, ideographic …) and line break. */
    private static final Pattern SPACES = Pattern.compile("[\\p{Z}\\s]+");

    /** The number written, or empty when it is not in the form 代字〔年份〕序号号. */
    public static Optional<DocumentNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(normalized(text));
        if (!m.matches() || Integer.parseInt(m.group(3)) == 0) {
            return Optional.empty();
        }
        return Optional.of(new DocumentNumber(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
    }

    /**
     * The text as a person sees it: without invisible characters, every space a plain one (trimmed), compatibility
     * forms unified (NFKC: ２０２６ is 2026, （ is (, a compatibility ideograph its unified one; 〔〕 stay as they are).
     */
    public static String normalized(String text) {
        String visible = INVISIBLE.matcher(text).replaceAll("");
        return SPACES.matcher(java.text.Normalizer.normalize(visible, java.text.Normalizer.Form.NFKC)).replaceAll(" ").strip();
    }

    @Override
    public String toString() {
        return prefix + "〔" + year + "〕" + serial + "号";
    }

    /** The next one of the same issuer and year. */
    public DocumentNumber next() {
        return new DocumentNumber(prefix, year, serial + 1);
    }
}
