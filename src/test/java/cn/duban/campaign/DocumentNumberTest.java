package cn.duban.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** 发文字号 read without Spring: what looks the same is the same number (issue 27 item 15). */
class DocumentNumberTest {

    static final DocumentNumber SEVEN = new DocumentNumber("沂卫字", 2026, 7);

    @Test
    void theStandardFormAndItsLenientSpellingsAreRead() {
        assertThat(DocumentNumber.parse("沂卫字〔2026〕7号")).hasValue(SEVEN);
        assertThat(DocumentNumber.parse(" 沂卫字[2026]07号 ")).hasValue(SEVEN);
        assertThat(DocumentNumber.parse("沂卫字（2026）7号")).hasValue(SEVEN);
        assertThat(DocumentNumber.parse("沂卫字［２０２６］７号")).as("full-width brackets and digits").hasValue(SEVEN);
        assertThat(DocumentNumber.parse("第七号")).isEmpty();
        assertThat(DocumentNumber.parse("沂卫字〔26〕1号")).isEmpty();
        assertThat(SEVEN.toString()).isEqualTo("沂卫字〔2026〕7号");
    }

    @Test
    void invisibleCharactersAndOtherSpacesAreRemovedSoALookAlikeIsTheSameNumber() {
        for (String lookAlike : new String[] {
                "沂卫字\u200B〔2026〕7号",          // zero-width space
                "沂\u200D卫字〔2026〕7号",          // zero-width joiner
                "沂卫字〔2026〕\u2067 7\u2069号",   // bidirectional isolate
                "\u202E沂卫字〔2026〕7号\u202C",    // right-to-left override
                "\uFEFF沂卫字〔2026〕7号",          // byte-order mark
                "沂卫字\u00AD〔2026〕7号",          // soft hyphen
                "沂卫字\u00A0〔2026〕\u202F7号",    // no-break and narrow no-break spaces
                "沂卫字\u3000〔2026〕7\u2007号",    // ideographic and figure spaces
                "沂卫字〔2026〕\u20607号"}) {        // word joiner
            assertThat(DocumentNumber.parse(lookAlike)).as(escaped(lookAlike)).hasValue(SEVEN);
        }
    }

    @Test
    void theIssuersCodeHoldsChineseLettersAndDigitsOnly() {
        assertThat(DocumentNumber.parse("沂卫监12字〔2026〕7号")).hasValueSatisfying(n -> assertThat(n.prefix()).isEqualTo("沂卫监12字"));
        assertThat(DocumentNumber.parse("沂卫\u3164字〔2026〕7号")).as("a Hangul filler shows as nothing").hasValue(SEVEN);
        assertThat(DocumentNumber.parse("沂卫\u2800字〔2026〕7号")).as("a blank braille pattern is no character of a 代字").isEmpty();
        assertThat(DocumentNumber.parse("沂卫字.〔2026〕7号")).isEmpty();
    }

    @Test
    void theTextShownInARefusalIsWithoutItsInvisibleCharacters() {
        assertThat(DocumentNumber.normalized("\u202E第七号\u200B ")).isEqualTo("第七号");
        assertThat(DocumentNumber.parse(null)).isEqualTo(Optional.empty());
    }

    private static String escaped(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> b.append(c < 0x2000 && c != 0xA0 && c != 0xAD ? Character.toString(c) : String.format("\\u%04X", c)));
        return b.toString();
    }
}
