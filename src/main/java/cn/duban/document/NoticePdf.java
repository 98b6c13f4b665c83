package cn.duban.document;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * A {@link NoticeDocument} as a PDF: its print page ({@link NoticeHtml#print}) laid out by openhtmltopdf on PDFBox,
 * with the fonts duban ships embedded as subsets, so that it reads and prints the same on any computer and phone.
 * The fonts GB/T 9704 names are not free to ship; free fonts stand in for them (src/main/resources/fonts/README.md),
 * and the .docx stays the file to edit and to issue under seal.
 */
public final class NoticePdf {

    /** Family name in the print style → the font file shipped under {@code /fonts}. */
    private static final String[][] FONTS = {
            {"AR PL SungtiL GB", "gbsn00lp.ttf"},
            {"AR PL KaitiM GB", "gkai00mp.ttf"},
            {"Droid Sans Fallback", "DroidSansFallbackFull.ttf"}};

    /** The font files, read once (14 MB) and handed to each rendering from memory. */
    private static volatile byte[][] fonts;

    /** PDFs laid out at once, at most one per core: a rush of downloads waits its turn rather than starving the rest. */
    private static final java.util.concurrent.Semaphore RENDERING = new java.util.concurrent.Semaphore(
            Math.max(1, Runtime.getRuntime().availableProcessors()));

    static {
        // the renderer tells at INFO of every font it loads for every PDF; what goes wrong (a missing glyph) is a WARNING
        com.openhtmltopdf.util.XRLog.listRegisteredLoggers()
                .forEach(name -> com.openhtmltopdf.util.XRLog.setLevel(name, java.util.logging.Level.WARNING));
    }

    private NoticePdf() {}

    public static void write(NoticeDocument d, OutputStream out) {
        byte[][] files = fonts();
        RENDERING.acquireUninterruptibly();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            for (int i = 0; i < FONTS.length; i++) {
                byte[] file = files[i];
                builder.useFont(() -> new ByteArrayInputStream(file), FONTS[i][0]);
            }
            builder.withProducer("督办 duban");
            builder.withHtmlContent(NoticeHtml.print(d), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            RENDERING.release();
        }
    }

    private static byte[][] fonts() {
        byte[][] loaded = fonts;
        if (loaded == null) {
            synchronized (NoticePdf.class) {
                if (fonts == null) {
                    byte[][] read = new byte[FONTS.length][];
                    for (int i = 0; i < FONTS.length; i++) {
                        try (InputStream in = NoticePdf.class.getResourceAsStream("/fonts/" + FONTS[i][1])) {
                            if (in == null) {
                                throw new IllegalStateException("font /fonts/" + FONTS[i][1] + " is missing from the build");
                            }
                            read[i] = in.readAllBytes();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                    fonts = read;
                }
                loaded = fonts;
            }
        }
        return loaded;
    }
}
