package cn.duban.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class UnitCsvTest {

    @Test
    void theDemoCountyHasAtLeastTwentyHealthUnitsEachWithReporterAndHead() throws IOException {
        var rows = UnitCsv.parse(new ClassPathResource("units/demo-units.csv").getContentAsString(StandardCharsets.UTF_8));
        assertThat(rows).filteredOn(r -> !r.unit().type().startsWith("market") && !r.unit().type().startsWith("consumer"))
                .hasSizeGreaterThanOrEqualTo(20)
                .allSatisfy(r -> {
                    assertThat(r.reporterUser()).isNotBlank();
                    assertThat(r.unit().headUser()).isNotBlank();
                });
        assertThat(rows).extracting(r -> r.unit().type()).contains("hospital", "mch", "cdc", "enforcement", "township");
    }

    @Test
    void duplicateCodesAndBadMailboxesAreRefusedWithTheirLines() {
        String csv = """
                code,name,type,mailbox,head
                a1,甲卫生院,township,a1@x.cn,张三
                a1,乙卫生院,township,not-a-mailbox,李四
                """;
        assertThatThrownBy(() -> UnitCsv.parse(csv)).isInstanceOf(UnitCsv.UnitCsvException.class)
                .hasMessageContaining("第 3 行：单位编码 a1 重复")
                .hasMessageContaining("第 3 行：邮箱 “not-a-mailbox” 格式不正确");
    }

    @Test
    void aFileWithoutTheHeaderIsRefused() {
        assertThatThrownBy(() -> UnitCsv.parse("a1,甲,township,,张三")).hasMessageContaining("表头");
    }
}
