package cn.duban.campaign;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A 发文字号 as GB/T 9704-2012 writes it: the issuer's 代字, the year in hexagonal brackets 〔〕, the serial number
 * and 号 — 沂卫字〔2026〕12号. Read leniently (square or round brackets, half-width, spaces) and written the standard
 * way. Pure.
 */
public record DocumentNumber(String prefix, int year, int serial) {

    private static final Pattern FORM = Pattern.compile(
            "^\\s*([^〔〕\\[\\]［］()（）\\s]{1,30})\\s*[〔\\[［(（]\\s*(\\d{4})\\s*[〕\\]］)）]\\s*0*(\\d{1,5})\\s*号\\s*$");

    /** The number written, or empty when it is not in the form 代字〔年份〕序号号. */
    public static Optional<DocumentNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches() || Integer.parseInt(m.group(3)) == 0) {
            return Optional.empty();
        }
        return Optional.of(new DocumentNumber(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
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
