package cn.duban.support;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.web.multipart.MultipartFile;

/**
 * An uploaded text file (a unit registry CSV, a year's holiday schedule) as a person saves it: UTF-8, with or without
 * a BOM, or else GB18030 — what a Chinese spreadsheet program saves a CSV as by default. One reading for every upload
 * of text, with its size checked before it is read.
 */
public final class UploadedText {

    private UploadedText() {}

    /**
     * @param tooLarge the refusal when the file exceeds {@code maxBytes}, e.g. "名册文件过大（最多 2 MB）"
     * @param what     the file as the person knows it, e.g. "名册文件"
     */
    public static String read(MultipartFile file, long maxBytes, String tooLarge, String what) {
        if (file.getSize() > maxBytes) {
            throw new Refusal(tooLarge);
        }
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw new Refusal(what + "未能读取，请重新选择文件");
        }
        return decode(bytes);
    }

    /** UTF-8 when the bytes are valid UTF-8, else GB18030. */
    public static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }
}
