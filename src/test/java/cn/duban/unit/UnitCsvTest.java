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
                .hasMessageContaining("第 3 行：邮箱“not-a-mailbox”格式不正确");
    }

    /** Issue #27 item 4: unit {@code head}'s group would be {@code unit-head}, the role of every unit head. */
    @Test
    void aCodeWhoseGroupIsARoleIsRefused() {
        String csv = """
                code,name,type,mailbox,head
                head,某单位,township,h@x.cn,张三
                """;
        assertThatThrownBy(() -> UnitCsv.parse(csv)).isInstanceOf(UnitCsv.UnitCsvException.class)
                .hasMessageContaining("第 2 行：单位编码“head”已保留给角色“单位负责人”，请换一个编码");
        assertThat(UnitCsv.parse(csv.replace("head,某单位", "heads,某单位"))).hasSize(1);
    }

    @Test
    void aSpreadsheetsCsvReadsWithChineseHeadersQuotesAndABom() {
        String csv = "\uFEFF单位编码,单位名称,单位类型,上级单位编码,负责人\r\n"
                + "a1,\"甲卫生院（含一分院,二分院）\",township,jkzx,张三\r\n"
                + "a2,\"乙卫生院\"\"新院\"\"\",township,,\r\n";
        var rows = UnitCsv.parse(csv);
        assertThat(rows).extracting(r -> r.unit().name()).containsExactly("甲卫生院（含一分院,二分院）", "乙卫生院\"新院\"");
        assertThat(rows.get(0).unit().parentCode()).isEqualTo("jkzx");
        assertThat(rows.get(1).unit().parentCode()).isNull();
        assertThat(rows.get(0).columns()).containsExactlyInAnyOrder("code", "name", "type", "parent", "head");
        assertThat(rows.get(1).line()).isEqualTo(3);
    }

    @Test
    void unknownColumnsBrokenQuotesAndASelfParentAreSaidInChinese() {
        assertThatThrownBy(() -> UnitCsv.parse("code,name,type,地址\na1,甲,township,某路\n"))
                .hasMessageContaining("第 1 行：不认识的列“地址”");
        assertThatThrownBy(() -> UnitCsv.parse("code,name,type\na1,\"甲,township\n"))
                .hasMessageContaining("不是有效的 CSV：引号不成对");
        assertThatThrownBy(() -> UnitCsv.parse("code,name,type,parent\na1,甲,township,a1\n"))
                .hasMessageContaining("第 2 行：上级单位不能是本单位");
        assertThatThrownBy(() -> UnitCsv.parse("code,name,type\na1,甲,township,多出的一列\n"))
                .hasMessageContaining("第 2 行的列数多于表头");
    }

    @Test
    void aFileWithoutTheHeaderIsRefused() {
        assertThatThrownBy(() -> UnitCsv.parse("a1,甲,township,,张三")).hasMessageContaining("表头");
    }
}
