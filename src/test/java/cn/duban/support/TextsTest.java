package cn.duban.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void anOptionalFieldIsItsTextWithoutSurroundingSpacesOrNothing() {
        assertThat(Texts.optional("  请补充文号 \n")).isEqualTo("请补充文号");
        assertThat(Texts.optional(" \u3000 ")).as("a full-width space is a space too").isNull();
        assertThat(Texts.optional("")).isNull();
        assertThat(Texts.optional(null)).isNull();
    }
}
