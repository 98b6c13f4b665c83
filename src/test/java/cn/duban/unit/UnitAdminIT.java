package cn.duban.unit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Driver;
import cn.duban.identity.Roles;
import cn.duban.report.ReportService;
import cn.duban.report.UnitStatus;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The unit registry managed while duban runs, over real HTTP: an operator adds a unit (its group and accounts made
 * as the first start makes them), is refused in Chinese at each field, imports a CSV after its preview, deactivates a
 * unit — which leaves the campaign that already reached it untouched and keeps it out of the next one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Driver.class)
class UnitAdminIT {

    @Autowired TestRestTemplate http;
    @Autowired Driver driver;
    @Autowired IdentityService identityService;
    @Autowired UnitAdmin admin;
    @Autowired Units units;
    @Autowired ReportService reports;
    @Autowired org.camunda.bpm.engine.ProcessEngine engine;

    final List<String> created = new ArrayList<>();

    @BeforeEach
    void people() {
        cn.duban.SharedJvmEngines.restApiUses(engine);
        driver.sectionPeople();
        driver.user("ops1", Roles.OPERATOR);
    }

    /** The units a test added leave the registry's active list again, so other tests' campaigns never reach them. */
    @AfterEach
    void deactivateWhatWasAdded() {
        for (int i = created.size() - 1; i >= 0; i--) {
            String code = created.get(i);
            units.find(code).filter(Unit::active).ifPresent(u -> admin.setActive(code, false, "test"));
        }
    }

    @Test
    void anOperatorAddsAUnitUnderAParentAndItsPeopleGetTheirGroupsButNoKnownPassword() {
        String code = unique("ylzx");
        var r = ops().postForEntity("/api/units", Map.of("code", code, "name", "沂源县燕崖镇卫生院（新）", "type", "township",
                "parentCode", "jkzx", "headName", "高远", "headUser", code + "-head", "reporterName", "韩梅", "reporterUser", code + "-reporter"),
                Map.class);
        assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.OK);
        created.add(code);
        assertThat((List<Object>) r.getBody().get("createdAccounts")).containsExactly(code + "-head", code + "-reporter");
        assertThat(identityService.createGroupQuery().groupId(Roles.unitGroup(code)).singleResult().getName()).isEqualTo("沂源县燕崖镇卫生院（新）");
        assertThat(identityService.createGroupQuery().groupMember(code + "-reporter").list()).extracting(g -> g.getId())
                .containsExactlyInAnyOrder(Roles.unitGroup(code), Roles.REPORTER);
        assertThat(identityService.createGroupQuery().groupMember(code + "-head").list()).extracting(g -> g.getId())
                .containsExactlyInAnyOrder(Roles.unitGroup(code), Roles.UNIT_HEAD);
        assertThat(identityService.checkPassword(code + "-reporter", "test")).as("no shared password for a new account").isFalse();
        assertThat(units.children("jkzx")).extracting(Unit::code).contains(code);
        // a notice reaches the CDC's units through the hierarchy: childrenOf
        var t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  childrenOf: [jkzx]");
        assertThat(t.targets().activeCodes(units)).contains(code).doesNotContain("jkzx", "rmyy");

        // the operator sees the unit's people with their roles
        List<Map<?, ?>> people = ops().getForObject("/api/units/" + code + "/people", List.class);
        assertThat(people).extracting(p -> (Object) p.get("id")).containsExactly(code + "-head", code + "-reporter");
        assertThat(people.get(1).get("name")).isEqualTo("韩梅");
        assertThat((List<Object>) people.get(1).get("roles")).containsExactly("单位填报专人");
        assertThat(http.withBasicAuth("reviewer1", "test").getForEntity("/api/units/" + code + "/people", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // the registry lists it with its type's and parent's names; a rename reaches the group
        Map<?, ?> registry = ops().getForObject("/api/units", Map.class);
        Map<?, ?> row = ((List<Map<?, ?>>) registry.get("units")).stream().filter(u -> code.equals(u.get("code"))).findFirst().orElseThrow();
        assertThat(row.get("typeName")).isEqualTo("镇（街道）卫生院");
        assertThat(row.get("parentName")).isEqualTo("沂源县疾病预防控制中心");
        ops().put("/api/units/" + code, Map.of("name", "沂源县燕崖镇中心卫生院", "type", "township", "parentCode", "jkzx"));
        assertThat(identityService.createGroupQuery().groupId(Roles.unitGroup(code)).singleResult().getName()).isEqualTo("沂源县燕崖镇中心卫生院");
        assertThat(admin.changes(10)).extracting(UnitChange::detail).anyMatch(d -> d.contains("名称：沂源县燕崖镇卫生院（新） → 沂源县燕崖镇中心卫生院"));
    }

    @Test
    void badEntriesAreRefusedAtTheirFieldsAndAUnitMayNotTouchTheRegistry() {
        var r = ops().postForEntity("/api/units", Map.of("code", "Bad Code", "name", "", "type", "spaceport", "parentCode", "nowhere",
                "reporterUser", "rmyy-reporter"), Map.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        Map<?, ?> fields = (Map<?, ?>) r.getBody().get("fieldErrors");
        assertThat(fields.get("code").toString()).startsWith("单位编码“Bad Code”只能含小写字母");
        assertThat(fields.get("name")).isEqualTo("单位名称必填（最多 200 字）");
        assertThat(fields.get("type")).isEqualTo("单位类型 spaceport 不存在，请先在“单位类型”中添加");
        assertThat(fields.get("parentCode")).isEqualTo("上级单位 nowhere 不在单位名册中");
        assertThat(fields.get("reporterUser")).isEqualTo("账号 rmyy-reporter 已属于其他单位");

        // a unit cannot be its own grandparent
        String a = unique("pa");
        String b = unique("pb");
        ops().postForEntity("/api/units", Map.of("code", a, "name", "甲", "type", "township"), Map.class);
        ops().postForEntity("/api/units", Map.of("code", b, "name", "乙", "type", "township", "parentCode", a), Map.class);
        created.addAll(List.of(a, b));
        var loop = ops().exchange("/api/units/" + a, org.springframework.http.HttpMethod.PUT,
                new HttpEntity<>(Map.of("name", "甲", "type", "township", "parentCode", b)), Map.class);
        assertThat(loop.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(((Map<?, ?>) loop.getBody().get("fieldErrors")).get("parentCode")).isEqualTo("“乙”是本单位的下级，不能作为上级单位");
        // a parent with active children is not deactivated before them
        var parentFirst = ops().postForEntity("/api/units/" + a + "/deactivate", null, Map.class);
        assertThat(parentFirst.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(parentFirst.getBody().get("message").toString()).contains("下还有启用的下级单位（乙）");

        for (String user : List.of("rmyy-reporter", "reviewer1")) {
            var refused = http.withBasicAuth(user, "test").postForEntity("/api/units", Map.of("code", unique("x"), "name", "某", "type", "township"), Map.class);
            assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody().get("message")).isEqualTo("仅运维人员和系统管理员可以维护单位名册");
        }
        assertThat(http.withBasicAuth("rmyy-reporter", "test").getForEntity("/api/units", Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("reviewer1", "test").getForEntity("/api/units", Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aDeactivatedUnitKeepsTheCampaignThatReachedItAndMissesTheNext() {
        String code = unique("tc");
        ops().postForEntity("/api/units", Map.of("code", code, "name", "将撤并的卫生院", "type", "township", "reporterUser", code + "-reporter"), Map.class);
        created.add(code);
        var t = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [" + code + ", rmyy]");
        String running = driver.issue(driver.startCampaign(t.code(), LocalDate.now().plusDays(10).toString()));
        ops().postForEntity("/api/units/" + code + "/deactivate", null, Map.class);
        assertThat(units.find(code).orElseThrow().active()).isFalse();
        // the running campaign keeps its own list: the unit signs for the notice as before
        driver.sign(running, code);
        assertThat(reports.unit(running, code).status()).isEqualTo(UnitStatus.IN_PROGRESS);
        // a new notice naming it is refused against the live registry; one for every unit does not reach it
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [" + code + "]"))
                .hasMessageContaining("含未登记或已停用的单位：" + code);
        assertThat(units.activeCodes(true, List.of(), List.of())).doesNotContain(code).contains("rmyy");
        // and it comes back
        ops().postForEntity("/api/units/" + code + "/activate", null, Map.class);
        assertThat(units.find(code).orElseThrow().active()).isTrue();
    }

    @Test
    void aCsvIsPreviewedThenImportedAndWhatItNoLongerListsIsDeactivatedNotDeleted() {
        String keep = unique("ka");
        String drop = unique("kb");
        String fresh = unique("kc");
        ops().postForEntity("/api/units", Map.of("code", keep, "name", "甲卫生院", "type", "township"), Map.class);
        ops().postForEntity("/api/units", Map.of("code", drop, "name", "乙卫生院", "type", "township"), Map.class);
        created.addAll(List.of(keep, drop, fresh));
        // the registry as it is, less one unit, one renamed, one new under a new type — saved by a spreadsheet as GBK
        String others = units.active().stream().filter(u -> !u.code().equals(keep) && !u.code().equals(drop))
                .map(u -> u.code() + "," + u.name() + "," + u.type() + ",").collect(Collectors.joining("\r\n"));
        String csv = "单位编码,单位名称,单位类型,上级单位编码\r\n" + others + "\r\n" + keep + ",甲中心卫生院,township,jkzx\r\n"
                + fresh + ",\"丙卫生院（含一分院,二分院）\",village-clinic," + keep + "\r\n";
        byte[] gbk = csv.getBytes(Charset.forName("GB18030"));

        Map<?, ?> preview = upload("/api/units/import/preview", gbk);
        assertThat(preview.get("applied")).isEqualTo(false);
        assertThat((List<?>) preview.get("added")).hasSize(1);
        assertThat(preview.get("newTypes")).isEqualTo(List.of("village-clinic"));
        assertThat(preview.get("deactivated").toString()).contains(drop).contains("乙卫生院");
        assertThat(preview.get("changed").toString()).contains("甲中心卫生院").contains("上级单位");
        assertThat(units.find(fresh)).as("a preview writes nothing").isEmpty();

        Map<?, ?> done = upload("/api/units/import", gbk);
        assertThat(done.get("applied")).isEqualTo(true);
        assertThat(units.find(fresh).orElseThrow().name()).isEqualTo("丙卫生院（含一分院,二分院）");
        assertThat(units.find(fresh).orElseThrow().parentCode()).isEqualTo(keep);
        assertThat(units.find(keep).orElseThrow().name()).isEqualTo("甲中心卫生院");
        assertThat(units.find(drop).orElseThrow().active()).as("deactivated, not deleted").isFalse();
        assertThat(units.typeNames()).containsEntry("village-clinic", "village-clinic");
        assertThat(identityService.createGroupQuery().groupId(Roles.unitGroup(fresh)).count()).isOne();

        // a file with a problem imports nothing, and says where
        var bad = uploadEntity("/api/units/import", ("code,name,type,parent\n" + fresh + ",丙,township,nowhere\n").getBytes(StandardCharsets.UTF_8));
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("message").toString()).contains("第 2 行：上级单位 nowhere 既不在文件中，也不在单位名册中");
        assertThat(units.find("rmyy").orElseThrow().active()).as("nothing of a refused file is applied").isTrue();
    }

    private TestRestTemplate ops() {
        return http.withBasicAuth("ops1", "test");
    }

    private Map<?, ?> upload(String path, byte[] content) {
        var r = uploadEntity(path, content);
        assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    private org.springframework.http.ResponseEntity<Map> uploadEntity(String path, byte[] content) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "名册.csv";
            }
        });
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.MULTIPART_FORM_DATA);
        return ops().postForEntity(path, new HttpEntity<>(body, h), Map.class);
    }

    private static String unique(String prefix) {
        return prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }
}
