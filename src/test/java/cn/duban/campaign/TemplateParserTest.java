package cn.duban.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.campaign.CampaignTemplate.IndicatorType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class TemplateParserTest {

    static String seed(String name) throws IOException {
        return new ClassPathResource("campaigns/" + name + ".yaml").getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void seed000HasTheAttachmentsElevenRowsAndItsDeadline() throws IOException {
        CampaignTemplate t = TemplateParser.parse(seed("yiyuan-health-2024-315"));
        assertThat(t.issuer()).isEqualTo("沂源县卫生健康局");
        assertThat(t.section()).isEqualTo("综合监督科");
        assertThat(t.contact().person()).isEqualTo("杨磊");
        assertThat(t.deadline().date()).isEqualTo(LocalDate.of(2024, 3, 22));
        assertThat(t.indicators()).extracting(CampaignTemplate.Indicator::name).containsExactly(
                "普法宣传活动", "组织新闻发布会", "开展线上线下消费教育活动", "受理消费者咨询情况", "受理消费者投诉情况",
                "解决消费纠纷", "为消费者挽回经济损失", "发布消费提（警）示", "组织新闻媒体专栏专题", "媒体宣传报道", "印发各类宣传资料");
        assertThat(t.indicators()).extracting(CampaignTemplate.Indicator::unit)
                .containsExactly("场", "场", "次", "件", "件", "件", "万元", "条", "期", "篇", "份");
        assertThat(t.indicators().get(6).type()).isEqualTo(IndicatorType.DECIMAL);
        assertThat(t.indicators().get(6).effectiveScale()).isEqualTo(2);
        assertThat(t.indicators()).filteredOn(i -> i.type() == IndicatorType.INTEGER).hasSize(10);
        assertThat(t.attachments().summaryRequired()).isTrue();
        assertThat(t.items()).filteredOn(i -> i.appliesTo() != null).extracting(CampaignTemplate.ActivityItem::code)
                .containsExactly("2", "4-1", "4-2", "6");
    }

    @Test
    void seed001HasEightItemsWithLeadsAndItsDutyRoster() throws IOException {
        CampaignTemplate t = TemplateParser.parse(seed("xx-market-2023-315"));
        assertThat(t.items()).hasSize(8).allSatisfy(i -> assertThat(i.lead()).isNotNull());
        assertThat(t.items()).filteredOn(CampaignTemplate.ActivityItem::hasCooperation).hasSize(6);
        assertThat(t.dutyRoster()).hasSize(2);
        assertThat(t.deadline().daysAfterIssue()).isEqualTo(14);
        assertThat(t.unitHeadApproval()).isTrue();
        assertThat(t.indicators()).filteredOn(CampaignTemplate.Indicator::isSubtotal).singleElement()
                .satisfies(i -> assertThat(i.sumOf()).containsExactly("consultations", "complaints"));
    }

    @Test
    void jsonTemplatesAreAcceptedToo() {
        String json = """
                {"code": "json-1", "title": "测试通知", "issuer": "某局", "section": "某科", "noticeText": "正文",
                 "targets": {"all": true}, "deadline": {"daysAfterIssue": 5},
                 "indicators": [{"code": "a", "name": "宣传", "unit": "场", "type": "integer"}]}""";
        assertThat(TemplateParser.parse(json).code()).isEqualTo("json-1");
    }

    @Test
    void aCampaignKeepsItsTemplateAsJsonAndReadsItBack() throws IOException {
        CampaignTemplate t = TemplateParser.parse(seed("xx-market-2023-315"));
        assertThat(TemplateParser.fromJson(TemplateParser.toJson(t))).isEqualTo(t);
    }

    @Test
    void aBadIndicatorTypeIsRefusedNamingTheField() throws IOException {
        String bad = seed("yiyuan-health-2024-315").replace("unit: 万元, type: decimal", "unit: 万元, type: money");
        assertThatThrownBy(() -> TemplateParser.parse(bad)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("indicators[6].type");
    }

    @Test
    void missingFieldsAreAllNamed() {
        assertThatThrownBy(() -> TemplateParser.parse("code: x\ntitle: 标题\n"))
                .isInstanceOf(TemplateException.class)
                .satisfies(e -> assertThat(((TemplateException) e).problems()).anyMatch(p -> p.contains("issuer"))
                        .anyMatch(p -> p.contains("targets")).anyMatch(p -> p.contains("deadline"))
                        .noneMatch(p -> p.contains("indicators")));
    }

    @Test
    void aTableWithColumnsIsCheckedColumnByColumn() {
        String base = "code: x\ntitle: 关于开展演练的通知\nissuer: 某县卫生健康局\nsection: 综合监督科\nnoticeText: 各单位：……\n"
                + "targets: {all: true}\ndeadline: {daysAfterIssue: 7}\n";
        var ok = TemplateParser.parse(base + """
                table:
                  rowHeading: 乡镇
                  rows: {subUnits: true}
                  columns:
                    - {code: sites, name: 监测点, unit: 个, type: integer}
                    - {code: funds, name: 经费, unit: 万元, type: decimal, scale: 2}
                    - {code: all, name: 合计, sumOf: [sites, funds]}
                    - {code: kind, name: 方式, type: choice, options: [自查, 抽查]}
                    - {code: remark, name: 备注, type: text, maxLength: 200}
                rules:
                  - {check: "[funds] <= 100", message: 经费偏高}
                """);
        assertThat(ok.table().heading()).isEqualTo("乡镇");
        assertThat(ok.table().numericColumns()).extracting(c -> c.code()).containsExactly("sites", "funds", "all");
        assertThat(ok.hasTable()).isTrue();
        assertThatThrownBy(() -> TemplateParser.parse(base + """
                indicators:
                  - {code: "1", name: 场次, unit: 场, type: integer}
                table:
                  rows: {fixed: [{code: a, name: 甲}], added: {max: 3}}
                  columns:
                    - {code: sites, name: 监测点, type: integer, scale: 2}
                    - {code: sites, name: 重复}
                    - {code: kind, name: 方式, type: choice}
                    - {code: sum, name: 合计, sumOf: [kind, nothing]}
                rules:
                  - {check: "[remark] > 0", message: 无此列}
                """))
                .hasMessageContaining("字段 table 与 indicators 只能给出其一")
                .hasMessageContaining("字段 table.columns[0].scale 只用于 decimal 列")
                .hasMessageContaining("字段 table.columns[1].code 重复：sites")
                .hasMessageContaining("字段 table.columns[1].type 必填")
                .hasMessageContaining("字段 table.columns[2].options 必填")
                .hasMessageContaining("字段 table.columns[3].sumOf 引用了不存在、不是数字或本身是合计的列 kind")
                .hasMessageContaining("字段 table.rows 须且只须给出")
                .hasMessageContaining("字段 rules[0].check 引用了不存在的指标 [remark]");
        // a unit's own row (本级) is a row per sub-unit's companion, nothing else's
        assertThatThrownBy(() -> TemplateParser.parse(base + """
                table:
                  rows: {fixed: [{code: a, name: 甲}], ownRow: true}
                  columns:
                    - {code: sites, name: 监测点, type: integer}
                """)).hasMessageContaining("字段 table.rows.ownRow 只用于 subUnits: true");
        assertThat(TemplateParser.parse(base + """
                table:
                  rows: {subUnits: true, ownRow: true}
                  columns:
                    - {code: sites, name: 监测点, type: integer}
                """).table().hasOwnRow()).isTrue();
    }

    @Test
    void attachmentKindsAreCheckedFieldByField() {
        String base = "code: x\ntitle: 关于开展演练的通知\nissuer: 某县卫生健康局\nsection: 综合监督科\nnoticeText: 各单位：……\n"
                + "targets: {all: true}\ndeadline: {daysAfterIssue: 7}\n";
        var ok = TemplateParser.parse(base + "attachments:\n  kinds:\n    - {code: VIDEO, label: 演练视频, accept: [video], min: 1, maxSizeMb: 200}\n");
        assertThat(ok.attachments().effectiveKinds()).singleElement().satisfies(k -> assertThat(k.label()).isEqualTo("演练视频"));
        assertThatThrownBy(() -> TemplateParser.parse(base + "attachments:\n  minPhotos: 2\n  kinds:\n"
                + "    - {code: VIDEO, label: 演练视频, accept: [movie], min: 3, max: 2}\n"
                + "    - {code: video, label: 又一类, accept: []}\n"))
                .hasMessageContaining("给出 kinds 时")
                .hasMessageContaining("字段 attachments.kinds[0].accept 的值“movie”无法识别")
                .hasMessageContaining("字段 attachments.kinds[0].max 须在 1～200 之间且不小于 min")
                .hasMessageContaining("字段 attachments.kinds[1].code 重复：video")
                .hasMessageContaining("字段 attachments.kinds[1].accept 必填");
        assertThat(TemplateParser.parse(base).attachments().effectiveKinds()).extracting(k -> k.code())
                .as("without kinds: the summary document and the photos").containsExactly("SUMMARY", "PHOTO");
    }

    @Test
    void aNoticeMayHaveNoStatisticsTableButARuleThenHasNothingToCheck() {
        String base = "code: x\ntitle: 关于开展安全生产月活动的通知\nissuer: 某县卫生健康局\nsection: 综合监督科\nnoticeText: 各单位：……\n"
                + "targets: {all: true}\ndeadline: {daysAfterIssue: 7}\n";
        assertThat(TemplateParser.parse(base).indicators()).isEmpty();
        assertThatThrownBy(() -> TemplateParser.parse(base + "rules:\n  - {check: \"[1] > 0\", message: 应有活动}\n"))
                .hasMessageContaining("rules[0].check");
    }

    @Test
    void unknownFieldsDuplicateCodesAndBadReferencesAreRefused() {
        String base = """
                code: t1
                title: 标题
                issuer: 某局
                section: 某科
                noticeText: 正文
                targets: {all: true}
                deadline: {date: 2024-03-22}
                """;
        assertThatThrownBy(() -> TemplateParser.parse(base + "colour: red\nindicators: [{code: a, name: n, unit: 场, type: integer}]"))
                .hasMessageContaining("未知字段 colour");
        assertThatThrownBy(() -> TemplateParser.parse(base + "indicators: [{code: a, name: n, unit: 场, type: integer}, {code: a, name: m, unit: 场, type: integer}]"))
                .hasMessageContaining("indicators[1].code 重复");
        assertThatThrownBy(() -> TemplateParser.parse(base + "indicators: [{code: a, name: n, unit: 场, type: integer, sumOf: [zz]}]"))
                .hasMessageContaining("indicators[0].sumOf");
        assertThatThrownBy(() -> TemplateParser.parse(base.replace("{date: 2024-03-22}", "{date: 2024-03-22, daysAfterIssue: 3}")
                + "indicators: [{code: a, name: n, unit: 场, type: integer}]")).hasMessageContaining("deadline");
        assertThatThrownBy(() -> TemplateParser.parse(base.replace("{date: 2024-03-22}", "{date: 3月22日}")
                + "indicators: [{code: a, name: n, unit: 场, type: integer}]")).hasMessageContaining("deadline.date");
    }

    /** Issue #28 §9: every unknown field at once, each with what its place knows; a value of the wrong kind in words. */
    @Test
    void everyUnknownFieldIsNamedAndAWrongKindOfValueIsSaidInWords() {
        String base = """
                code: t1
                title: 标题
                issuer: 某局
                section: 某科
                noticeText: 正文
                targets: {all: true}
                deadline: {date: 2024-03-22}
                """;
        assertThatThrownBy(() -> TemplateParser.parse(base + "colour: red\nitems: [{code: a, title: t, colour: blue}]\n"
                + "indicators: [{code: a, name: n, unit: 场, type: integer, size: 3}]"))
                .hasMessageContaining("未知字段 colour（此处可用：")
                .hasMessageContaining("未知字段 items[0].colour（此处可用：")
                .hasMessageContaining("未知字段 indicators[0].size（此处可用：")
                .hasMessageNotContaining("docs/templates.md");
        String table = base + """
                table:
                  rows: {fixed: [{code: a, name: 甲}]}
                  totalRow: 市州合计
                  columns:
                    - {code: n, name: 数量, type: integer}
                """;
        assertThatThrownBy(() -> TemplateParser.parse(table))
                .hasMessageContaining("字段 table.totalRow 的值应为 true 或 false；合计行的名称请写在 table.totalLabel")
                .hasMessageNotContaining("java.").hasMessageNotContaining("Boolean");
        assertThat(TemplateParser.parse(table.replace("totalRow: 市州合计", "totalLabel: 市州合计")).table().totalName())
                .isEqualTo("市州合计");
        assertThatThrownBy(() -> TemplateParser.parse(base + "indicators: {code: a}"))
                .hasMessageContaining("字段 indicators 的值应为列表");
    }

    /** Issue #28 §9: a text column with a fixed format (地上x层，地下x层), shown by an example that follows it. */
    @Test
    void aTextColumnMayRequireAFormatShownByAnExample() {
        String base = """
                code: t1
                title: 标题
                issuer: 某局
                section: 某科
                noticeText: 正文
                targets: {all: true}
                deadline: {date: 2024-03-22}
                table:
                  rows: {added: {max: 20}}
                  columns:
                """;
        var t = TemplateParser.parse(base + "    - {code: floors, name: 层数, type: text, pattern: '地上\\d+层，地下\\d+层', example: 地上3层，地下1层}\n");
        assertThat(t.table().column("floors").example()).isEqualTo("地上3层，地下1层");
        assertThatThrownBy(() -> TemplateParser.parse(base + "    - {code: floors, name: 层数, type: text, pattern: '地上\\d+层', example: 三层}\n"))
                .hasMessageContaining("example“三层”不符合它自己的 pattern");
        assertThatThrownBy(() -> TemplateParser.parse(base + "    - {code: floors, name: 层数, type: integer, pattern: '\\d+'}\n"))
                .hasMessageContaining("pattern 只用于 text 列");
        assertThatThrownBy(() -> TemplateParser.parse(base + "    - {code: floors, name: 层数, type: text, pattern: '([', example: x}\n"))
                .hasMessageContaining("pattern 不是有效的格式");
    }

    @Test
    void notYamlAtAllIsRefusedWithTheLine() {
        assertThatThrownBy(() -> TemplateParser.parse("code: 'unclosed\ntitle: x")).isInstanceOf(TemplateException.class)
                .hasMessageContaining("不是有效的 YAML/JSON");
        assertThatThrownBy(() -> TemplateParser.parse("")).hasMessageContaining("模板内容为空");
        assertThatThrownBy(() -> TemplateParser.parse("x".repeat(TemplateParser.MAX_SOURCE_CHARS + 1))).hasMessageContaining("模板过大");
    }

    @Test
    void everyValueIsLimitedAtTheDoorToWhatEveryLaterStepHolds() throws IOException {
        String seed = seed("yiyuan-health-2024-315");
        String title = "通".repeat(TemplateParser.MAX_TITLE);
        assertThat(TemplateParser.parse(seed.replaceFirst("(?m)^title: .*$", "title: " + title)).title()).isEqualTo(title);
        assertThatThrownBy(() -> TemplateParser.parse(seed.replaceFirst("(?m)^title: .*$", "title: " + title + "知")))
                .isInstanceOf(TemplateException.class).hasMessageContaining("字段 title 过长（最多 200 个字符）");
        // the 400,000-character table title that once broke every workbook download
        assertThatThrownBy(() -> TemplateParser.parse(seed.replaceFirst("(?m)^tableTitle: .*$", "tableTitle: " + "表".repeat(400_000))))
                .isInstanceOf(TemplateException.class).hasMessageContaining("字段 tableTitle 过长");
    }

    /**
     * Issue 29 §4: what a field may hold on its own is declared on the template's records (Bean Validation) and said
     * as every problem is, at its path, all at once, in the order of the paths (items[2] before items[10]); what fields
     * say together stays in code and is said beside them.
     */
    @Test
    void eachFieldsOwnLimitIsDeclaredOnItsRecordAndSaidAtItsPath() throws IOException {
        String two = seed("county-vaccination-clinics-two-tier");
        String bad = two.replace("label: 督导工作总结, accept: [document], min: 1, max: 1,", "label: \"\", accept: [document], min: 1, max: 1, maxSizeMb: 4096,")
                .replace("daysAfterIssue: 20", "daysAfterIssue: 400")
                .replace("{code: found, name: 发现问题, unit: 个, type: integer}\n      - {code: fixed", "{code: found, name: \" \", unit: 个个个个个个个个个个个个个个个个个个个个个, type: integer}\n      - {code: fixed")
                .replace("mailbox:", "mailbox: ")
                .replace("  phone: \"3232576\"", "  phone: \"3232576\"\n  mailbox: not-a-mailbox");
        assertThatThrownBy(() -> TemplateParser.parse(bad)).isInstanceOf(TemplateException.class)
                .satisfies(e -> assertThat(((TemplateException) e).problems()).containsSubsequence(
                        "字段 attachments.kinds[1].label 必填",
                        "字段 attachments.kinds[1].maxSizeMb 须在 1～2048 之间",
                        "字段 contact.mailbox 不是有效的邮箱地址",
                        "字段 deadline.daysAfterIssue 须在 1～366 之间",
                        "字段 tables[0].columns[1].name 必填",
                        "字段 tables[0].columns[1].unit 过长（最多 20 个字符）"));
        // two items: the tenth's problem after the second's
        CampaignTemplate t = TemplateParser.parse(seed("yiyuan-health-2024-315"));
        var items = new java.util.ArrayList<>(t.items());
        while (items.size() < 11) {
            items.add(items.get(0));
        }
        var blank = new CampaignTemplate.ActivityItem("x", null, " ", null, null, null, null, null);
        items.set(2, blank);
        items.set(10, new CampaignTemplate.ActivityItem("y", null, " ", null, null, null, null, null));
        var withItems = new CampaignTemplate(t.code(), t.title(), t.documentNumber(), t.issuer(), t.section(), t.contact(), t.noticeText(),
                items, t.targets(), t.deadline(), t.indicators(), t.attachments(), t.dutyRoster(), t.unitHeadApproval(), t.reminders(),
                t.tableTitle(), t.rules(), t.rollup(), t.table(), t.periodic(), t.zeroReport(), t.tables());
        assertThat(TemplateParser.fieldProblems(withItems)).containsExactly("字段 items[2].title 必填", "字段 items[10].title 必填");
    }

    /** Issue 27 item 15: every field within its own limit, 30 items of 20,000 characters are still too much as a whole. */
    @Test
    void aNoticeIsLimitedAsAWholeNotOnlyFieldByField() {
        CampaignTemplate atLimit = LongNotices.seed000WithText(TemplateParser.MAX_TOTAL_TEXT, '字');
        assertThat(TemplateParser.validate(atLimit)).isEmpty();
        CampaignTemplate over = LongNotices.seed000WithText(TemplateParser.MAX_TOTAL_TEXT + 1, '字');
        assertThat(over.items()).allSatisfy(i -> assertThat(i.text().length()).isLessThanOrEqualTo(TemplateParser.MAX_ITEM_TEXT));
        assertThat(TemplateParser.validate(over)).containsExactly("通知的文字合计过多（各项文字合计最多 524288 字，现 524289 字），"
                + "请精简正文或活动事项，或把长的内容作为附件");
        assertThat(TemplateParser.byField(TemplateParser.validate(over))).containsKey("_");
    }

    /** Issue #28 §4: a notice routes its units through intermediates of its own, with a members' day of its own. */
    @Test
    void aRollupNamesItsOwnMembersAndDayAndEveryMistakeInThem() throws IOException {
        CampaignTemplate t = TemplateParser.parse(seed("yiyuan-health-2024-315")
                + "\nrollup: {membersDue: 2024-03-16, members: {rmyy: [dlz, yzz]}}\n");
        assertThat(t.rollup().membersDue()).isEqualTo(LocalDate.of(2024, 3, 16));
        assertThat(t.rollup().members()).containsEntry("rmyy", java.util.List.of("dlz", "yzz"));
        assertThat(t.rollup().ownHierarchy()).containsEntry("dlz", "rmyy").containsEntry("yzz", "rmyy");

        assertThatThrownBy(() -> TemplateParser.parse(seed("yiyuan-health-2024-315")
                + "\nrollup: {membersDue: 2024-03-25, membersDueWorkingDaysBefore: 2, members: {rmyy: [dlz, rmyy], jkzx: [dlz], dlz: [yzz]}}\n"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("只能给出其一")
                .hasMessageContaining("晚于报送截止日期 2024-03-22")
                .hasMessageContaining("rollup.members.rmyy 含无效的单位编码“rmyy”")
                .hasMessageContaining("单位 dlz 只能经一个汇总单位报送")
                .hasMessageContaining("只支持两级");
    }

    /** Issue #28 §4: each tier fills forms of its own; the intermediate's is built from its members' — and every slip said. */
    @Test
    void aTableOrAKindIsOneTiersAndAnIntermediatesTableCarriesItsMembers() throws IOException {
        String two = seed("county-vaccination-clinics-two-tier");
        CampaignTemplate t = TemplateParser.parse(two);
        assertThat(t.partFor(true).tables()).extracting(CampaignTemplate.StatTable::code).containsExactly("clinic");
        assertThat(t.partFor(false).tables()).extracting(CampaignTemplate.StatTable::code).containsExactly("county");
        assertThat(t.partFor(true).kinds()).extracting(CampaignTemplate.AttachmentKind::code).containsExactly("PHOTO");
        assertThat(t.partFor(false).kinds()).extracting(CampaignTemplate.AttachmentKind::code).containsExactly("SUMMARY");
        assertThat(t.attachmentNo(t.tableByCode("county"))).isEqualTo(2);
        assertThat(t.tableByCode("county").carriedColumns(t.tableByCode("clinic")))
                .extracting(CampaignTemplate.Column::code).containsExactly("checked", "found", "fixed");

        // without a roll-up there are no tiers
        assertThatThrownBy(() -> TemplateParser.parse(two.replaceFirst("(?ms)^rollup:\\n  membersDueWorkingDaysBefore: 5\\n", "")))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("tables[0].tier 只用于两级汇总（rollup）的通知")
                .hasMessageContaining("attachments.kinds[0].tier 只用于两级汇总（rollup）的通知")
                .hasMessageContaining("tables[1].carry 是下级单位所填的一张表（tier: members）的编码");
        // a tier of another name; a carry from a table the members do not fill; a choice from the other tier's form
        assertThatThrownBy(() -> TemplateParser.parse(two.replace("tier: members\n    rows:", "tier: lower\n    rows:")))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("tables[0].tier 须为 members（下级单位填报）或 direct（汇总单位及直报单位填报）");
        assertThatThrownBy(() -> TemplateParser.parse(two.replace("carry: clinic", "carry: county")))
                .isInstanceOf(TemplateException.class).hasMessageContaining("tables[1].carry");
        assertThatThrownBy(() -> TemplateParser.parse(two.replace("{code: visits, name: 现场督导, unit: 次, type: integer}",
                        "{code: visits, name: 现场督导, unit: 次, type: integer}\n      - {code: note, name: 自查备注, type: choice, from: clinic.remark}")))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("tables[1].columns[4].from：clinic 只由下级单位填报，本表的填报单位须与它相同");
    }
}
