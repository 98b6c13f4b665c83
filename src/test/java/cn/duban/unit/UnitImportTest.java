package cn.duban.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What an import would do to the registry, worked out without Spring or a database. */
class UnitImportTest {

    static final List<Unit> REGISTRY = List.of(
            new Unit("jkzx", "沂源县疾病预防控制中心", "cdc", "jkzx@x.cn", "张明", "jkzx-head", null, true),
            new Unit("lsjd", "历山街道社区卫生服务中心", "township", null, "彭国庆", "lsjd-head", null, true),
            new Unit("old", "已撤并的卫生院", "township", null, null, null, null, false),
            new Unit("gone", "将被撤并的卫生院", "township", null, null, null, null, true));

    @Test
    void newChangedGoneAndBackAreToldApartFieldByField() {
        var rows = UnitCsv.parse("""
                code,name,type,parent
                jkzx,沂源县疾病预防控制中心,cdc,
                lsjd,沂源县历山街道社区卫生服务中心,township,jkzx
                old,已撤并的卫生院,township,
                nmjd,南麻街道社区卫生服务中心,community,jkzx
                """);
        UnitImport.Plan plan = UnitImport.plan(REGISTRY, rows, Set.of("cdc", "township"));
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.added()).extracting(r -> r.unit().code()).containsExactly("nmjd");
        assertThat(plan.newTypes()).containsExactly("community");
        assertThat(plan.unchanged()).isEqualTo(1);
        assertThat(plan.changed()).hasSize(2);
        UnitImport.Changed renamed = plan.changed().get(0);
        assertThat(renamed.after().code()).isEqualTo("lsjd");
        assertThat(renamed.fields()).extracting(UnitImport.FieldChange::label).containsExactly("名称", "上级单位");
        assertThat(renamed.fields().get(0).to()).isEqualTo("沂源县历山街道社区卫生服务中心");
        // columns the file leaves out keep their values: the head and the mailbox are not cleared
        assertThat(renamed.after().headName()).isEqualTo("彭国庆");
        assertThat(plan.changed().get(1).reactivated()).isTrue();
        assertThat(plan.changed().get(1).fields()).isEmpty();
        // a unit the file no longer lists is deactivated, never deleted; one already inactive is not listed again
        assertThat(plan.deactivated()).extracting(Unit::code).containsExactly("gone");
        assertThat(plan.deactivated().get(0).active()).isFalse();
    }

    @Test
    void aParentNobodyKnowsAndALoopAreProblemsWithTheirLines() {
        var rows = UnitCsv.parse("""
                code,name,type,parent
                jkzx,沂源县疾病预防控制中心,cdc,lsjd
                lsjd,历山街道社区卫生服务中心,township,jkzx
                gone,将被撤并的卫生院,township,nowhere
                """);
        UnitImport.Plan plan = UnitImport.plan(REGISTRY, rows, Set.of("cdc", "township"));
        assertThat(plan.problems()).containsExactly(
                "第 4 行：上级单位 nowhere 既不在文件中，也不在单位名册中",
                "第 2 行：上级单位构成循环（jkzx → lsjd → jkzx）");
    }

    @Test
    void anEmptyColumnClearsAFieldAndAnUnchangedFileChangesNothing() {
        var cleared = UnitImport.plan(REGISTRY, UnitCsv.parse("code,name,type,mailbox\njkzx,沂源县疾病预防控制中心,cdc,\n"
                + "lsjd,历山街道社区卫生服务中心,township,\ngone,将被撤并的卫生院,township,\n"), Set.of("cdc", "township"));
        assertThat(cleared.changed()).singleElement().satisfies(c -> assertThat(c.fields())
                .containsExactly(new UnitImport.FieldChange("mailbox", "邮箱", "jkzx@x.cn", "")));
        var same = UnitImport.plan(REGISTRY, UnitCsv.parse("code,name,type\njkzx,沂源县疾病预防控制中心,cdc\n"
                + "lsjd,历山街道社区卫生服务中心,township\ngone,将被撤并的卫生院,township\n"), Set.of("cdc", "township"));
        assertThat(same.empty()).isTrue();
        assertThat(same.unchanged()).isEqualTo(3);
    }
}
