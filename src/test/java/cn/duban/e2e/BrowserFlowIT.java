package cn.duban.e2e;

import cn.duban.process.NoticeApprovalProcess;
import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.calendar.WorkCalendar;
import cn.duban.process.CampaignProcess;
import cn.duban.report.ReportService;
import cn.duban.process.UnitReportProcess;
import cn.duban.report.UnitStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole flow as people work it, in a real headless Chromium on the real Tasklist and Cockpit pages of
 * duban started on a random port (demo users and units, job executor on). The engine is read only to
 * check what the pages did and to find the task a mail would link to. Each step leaves a screenshot under
 * target/e2e/. Without chromium the test fails (it never skips): .ci/run installs it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "e2e"})
@org.springframework.context.annotation.Import(cn.duban.Driver.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class BrowserFlowIT {

    static final String PW = "demo";
    static final String UNIT = "lsjd";
    static final String REPORTER = UNIT + "-reporter";
    static final String TASKLIST = "/camunda/app/tasklist/default/";

    @LocalServerPort int port;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired ReportService reports;
    @Autowired WorkCalendar calendar;
    @Autowired cn.duban.reminder.UrgeService urges;
    @Autowired cn.duban.unit.Units units;
    @Autowired cn.duban.Driver driver;
    @Autowired cn.duban.unit.UnitAdmin unitAdmin;
    @Autowired cn.duban.campaign.TemplateCatalog catalog;
    @Autowired cn.duban.office.Offices offices;
    @Autowired cn.duban.report.ContributionService contributions;
    @Autowired org.camunda.bpm.engine.ProcessEngine engine;
    @Autowired cn.duban.series.SeriesService series;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Browser b;
    Path files;
    /** The task on screen: complete() waits until the engine no longer has it. */
    String current;

    @BeforeAll
    void browser() throws Exception {
        b = new Browser("http://localhost:" + port, Path.of("target/e2e"));
        files = Files.createTempDirectory("duban-e2e");
    }

    @AfterAll
    void close() {
        if (b != null) {
            b.close();
        }
    }

    /** First: it finds the 科长 and the leader as the only ones of their roles (the other tests add more, sectionPeople). */
    @Test
    @org.junit.jupiter.api.Order(1)
    void aCampaignFromTemplateToAnApprovedUnitReportThroughTasklistAndCockpit() throws Exception {
        try {
            flow();
        } catch (Exception | AssertionError e) {
            // what the browser showed when it went wrong, beside the step screenshots
            b.screenshot("FAILED");
            Files.writeString(Path.of("target/e2e/FAILED.html"), b.driver.getPageSource());
            throw e;
        }
    }

    /**
     * A two-level roll-up as the CDC's reporter meets it: a township centre under the CDC hands in (set up through the
     * services), and the CDC's reporter finds 审核报送 in 本单位待办, reads the member's report, is told at the field what a
     * return needs, approves, and sees the member in the roll-up on the CDC's own form.
     */
    @Test
    void anIntermediateUnitReviewsItsMembersReportInTasklist() throws Exception {
        try {
            rollUp();
        } catch (Exception | AssertionError e) {
            b.screenshot("FAILED-rollup");
            Files.writeString(Path.of("target/e2e/FAILED-rollup.html"), b.driver.getPageSource());
            throw e;
        }
    }

    /**
     * A statistics table with columns as the CDC's reporter meets it on a phone (a row per township centre, a sum, a
     * date, a choice and a remark), refused at the cell, warned at the row; read by the reviewer and on the 督办看板;
     * and a table whose unit adds its own rows, one deleted in the middle.
     */
    @Test
    void tablesWithColumnsAreFilledCellByCellAndReadInEveryView() throws Exception {
        try {
            tables();
        } catch (Exception | AssertionError e) {
            b.screenshot("FAILED-tables");
            Files.writeString(Path.of("target/e2e/FAILED-tables.html"), b.driver.getPageSource());
            throw e;
        }
    }

    void tables() throws Exception {
        driver.sectionPeople();
        LocalDate deadline = calendar.onOrAfter(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30));
        String vector = new org.springframework.core.io.ClassPathResource("campaigns/county-vector-control-spring.yaml")
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("(?m)^code: .*$", "code: vector-e2e-" + System.nanoTime() % 100_000)
                // a rule that stops the hand-in, besides the template's warning
                .replace("rules:\n", "rules:\n  - check: \"[rubbish] <= [water]\"\n    message: 清理垃圾场所数不应多于清理积水容器数\n    hard: true\n");
        String code = driver.as("drafter1", () -> catalog.upload(vector, "drafter1")).code();
        String id = driver.issue(driver.startCampaign(code, deadline.toString()));
        b.until(d -> driver.unitTasks(id, "jkzx", UnitReportProcess.SIGN_NOTICE).isEmpty() ? null : Boolean.TRUE);
        driver.sign(id, "jkzx");
        driver.stage(id, "jkzx", true, true);
        List<cn.duban.unit.Unit> towns = units.children("jkzx");
        Task fill = b.until(d -> driver.unitTasks(id, "jkzx", UnitReportProcess.FILL_REPORT).stream().findFirst().orElse(null));

        b.phone(true);
        b.login("tasklist", "jkzx-reporter", PW);
        openTask("jkzx-reporter", fill);
        WebElement sheet = b.visible("#sheet");
        // on a phone each row is a card (the header row hidden, each field under its column's name)
        assertThat(b.js("return getComputedStyle(document.querySelector('#sheet thead')).display")).isEqualTo("none");
        assertThat(sheet.getAttribute("textContent")).contains("乡镇（街道）卫生院").contains("投药面积（万平方米）").contains("清理孳生地合计（处）")
                .contains("完成情况").contains("备注").contains(towns.get(0).name());
        assertThat(sheet.findElements(By.cssSelector("tbody tr"))).hasSize(towns.size() + 1);
        for (cn.duban.unit.Unit t : towns) {
            String row = "_" + t.code() + "_";
            b.type("input[name='c" + row + "area']", "1.5");
            b.type("input[name='c" + row + "bait']", "12.5");
            b.type("input[name='c" + row + "water']", t == towns.get(0) ? "2.5" : "10");
            b.type("input[name='c" + row + "rubbish']", "3");
            b.set("input[name='c" + row + "day']", "2026-03-20");
            new org.openqa.selenium.support.ui.Select(b.visible("select[name='c" + row + "progress']")).selectByVisibleText("已完成");
        }
        // the sum and the total row follow the typing; the bad cell is told at the cell, by the server's rule
        String first = "_" + towns.get(0).code() + "_";
        b.until(d -> b.visible("input[name='c" + first + "water']").findElement(By.xpath("..")).getText()
                .contains("须为整数（单位：处）") ? Boolean.TRUE : null);
        b.js("arguments[0].scrollIntoView({block: 'center'})", b.visible("input[name='c" + first + "water']"));
        b.screenshot("phone-table-bad-cell");
        // the table itself on a phone too, for whoever prefers it (scrolled sideways), and back to the cards
        b.click("#sheetView");
        b.until(d -> "none".equals(b.js("return getComputedStyle(document.querySelector('#sheet thead')).display")) ? null : Boolean.TRUE);
        b.js("arguments[0].scrollIntoView({block: 'start'})", b.visible("#sheet"));
        b.screenshot("phone-table-view");
        b.click("#sheetView");
        b.until(d -> "none".equals(b.js("return getComputedStyle(document.querySelector('#sheet thead')).display")) ? Boolean.TRUE : null);
        b.type("input[name='c" + first + "water']", "10");
        b.type("input[name='c" + first + "bait']", "0");
        b.type("input[name='c" + first + "remark']", "毒饵延期到货，4月10日补投");
        b.waitForText(towns.get(0).name() + "：有投药面积但投放毒饵为 0，请核实");
        b.type("textarea#note", "毒饵延期到货，已在备注中说明。");
        // a rule that stops the hand-in says 必须修改 at its row, and is no warning to explain; 办结 brings it into view
        b.type("input[name='c" + first + "rubbish']", "30");
        waitSaved();
        b.click("button[ng-click='complete()']");
        WebElement hardCell = b.visible("input[name='c" + first + "rubbish']").findElement(By.xpath(".."));
        b.until(d -> hardCell.getText().contains("必须修改：" + towns.get(0).name() + "：清理垃圾场所数不应多于清理积水容器数") ? Boolean.TRUE : null);
        assertThat(b.visible("#warnings").getText()).doesNotContain("清理垃圾场所数").doesNotContain("必须修改");
        b.until(d -> Boolean.TRUE.equals(b.js("var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;",
                hardCell)) ? Boolean.TRUE : null);
        b.screenshot("phone-table-hard-rule-at-row");
        b.type("input[name='c" + first + "rubbish']", "3");
        assertThat(sheet.findElement(By.cssSelector("tbody tr:last-child")).getText()).contains("合计")
                .contains(String.valueOf(13 * towns.size()));
        waitSaved();
        assertThat(b.pageText()).doesNotContain("ENGINE-").doesNotContain("jkzx-reporter");
        b.screenshot("phone-table-filled");
        complete();
        b.until(d -> reports.unit(id, "jkzx").status() == UnitStatus.SUBMITTED ? Boolean.TRUE : null);
        assertThat(reports.versions(id, "jkzx").get(0).texts()).containsEntry(towns.get(0).code() + ".remark", "毒饵延期到货，4月10日补投");
        b.phone(false);

        // the reviewer reads the rows with the remark and the warning the unit explained
        b.login("tasklist", "wangshu", PW);
        openTask("wangshu", b.until(d -> driver.unitTasks(id, "jkzx", UnitReportProcess.REVIEW_REPORT).stream().findFirst().orElse(null)));
        assertThat(b.visible("#grid").getText()).contains(towns.get(0).name()).contains("毒饵延期到货，4月10日补投")
                .contains("1.50").contains("合计");
        assertThat(b.pageText()).contains("有投药面积但投放毒饵为 0");
        b.screenshot("review-table");
        // on a phone the reviewer reads each row as a card: nothing cut off at the side
        b.phone(true);
        b.until(d -> "none".equals(b.js("return getComputedStyle(document.querySelector('#grid thead')).display")) ? Boolean.TRUE : null);
        assertThat(b.js("var g = document.querySelector('#grid .table-responsive'); return g.scrollWidth <= g.clientWidth + 1;"))
                .as("the review's table does not scroll sideways on a phone").isEqualTo(Boolean.TRUE);
        b.js("arguments[0].scrollIntoView({block: 'start'})", b.visible("#grid"));
        b.screenshot("phone-review-table");
        b.phone(false);

        // the 督办看板's unit page shows the same table
        b.login("cockpit", "zhangke", PW);
        b.go("/camunda/app/cockpit/default/#/duban?campaign=" + id + "&unit=jkzx");
        assertThat(b.visible("#duban-grid").getText()).contains(towns.get(0).name()).contains("备注").contains("合计");
        b.screenshot("dashboard-unit-table");

        // rows the unit adds: three added, the middle one deleted, the numbers stay 1, 2 and the draft keeps them
        String activities = driver.as("drafter1", () -> catalog.upload(cn.duban.lifecycle.StatisticsTableIT.ACTIVITIES
                .replace("code: activities", "code: act-e2e-" + System.nanoTime() % 100_000), "drafter1")).code();
        String act = driver.issue(driver.startCampaign(activities, null));
        b.until(d -> driver.unitTasks(act, "rmyy", UnitReportProcess.SIGN_NOTICE).isEmpty() ? null : Boolean.TRUE);
        driver.sign(act, "rmyy");
        b.login("tasklist", "rmyy-reporter", PW);
        openTask("rmyy-reporter", b.until(d -> driver.unitTasks(act, "rmyy", UnitReportProcess.FILL_REPORT).stream().findFirst().orElse(null)));
        b.type("input[name='c_1_name']", "义诊进社区");
        b.click("#addRow");
        b.type("input[name='c_2_name']", "健康讲座");
        b.click("#addRow");
        b.type("input[name='c_3_name']", "中医药文化宣传");
        b.type("input[name='c_3_people']", "80");
        b.click(b.driver.findElement(By.cssSelector("button[title='删除第 2 行']")));
        assertThat(b.visible("input[name='c_2_name']").getAttribute("value")).isEqualTo("中医药文化宣传");
        assertThat(b.driver.findElements(By.cssSelector("input[name='c_3_name']"))).isEmpty();
        waitSaved();
        b.screenshot("table-added-rows");
        b.driver.navigate().to("about:blank");
        b.go(TASKLIST + "#/?task=" + current);
        waitForForm();
        b.waitForText("暂存的内容");
        assertThat(b.visible("input[name='c_2_name']").getAttribute("value")).isEqualTo("中医药文化宣传");
        assertThat(b.visible("input[name='c_2_people']").getAttribute("value")).isEqualTo("80");
    }

    /**
     * A notice with two linked forms (the shipped county-medical-buildings-safety) as the hospital's reporter meets
     * it: the 签收 form offers the blank forms to fill offline; the fill-in form shows 附件1 and 附件2, each with its
     * own rows and total; a hazard's building is chosen from the buildings the unit listed in 附件1; the reviewer and
     * the 督办看板 read both forms.
     */
    @Test
    void aNoticeWithTwoFormsIsFilledFormByFormAndReadWhole() throws Exception {
        try {
            severalForms();
        } catch (Exception | AssertionError e) {
            b.screenshot("FAILED-forms");
            Files.writeString(Path.of("target/e2e/FAILED-forms.html"), b.driver.getPageSource());
            throw e;
        }
    }

    void severalForms() throws Exception {
        driver.sectionPeople();
        LocalDate deadline = calendar.onOrAfter(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(20));
        var started = driver.startCampaign("county-medical-buildings-safety", deadline.toString());
        // the drafting form says the notice has two forms and what they hold, nothing hidden (read there, not edited)
        b.login("tasklist", "drafter1", "test");
        openTask("drafter1", driver.task((String) runtimeService.getVariable(started.getId(), CampaignProcess.CAMPAIGN_ID.name()),
                NoticeApprovalProcess.DRAFT_NOTICE));
        assertThat(b.visible("#severalTables").getText()).contains("附件1 医疗机构房屋建筑基本情况清单").contains("附件2 房屋建筑安全隐患排查整治台账")
                .contains("从附件1已填的内容中选择").contains("由单位逐行添加");
        // each form is edited in its turn: 附件2's title and a column renamed, handed on, and so issued
        b.click("#sheet2");
        b.until(d -> "房屋建筑安全隐患排查整治台账".equals(b.visible("#sheetTitle").getAttribute("value")) ? Boolean.TRUE : null);
        // the hazard's building: a choice from what the unit lists in 附件1, shown and settable as such
        WebElement buildingRow = b.driver.findElements(By.cssSelector("#tableColumns tbody tr")).stream()
                .filter(r -> r.findElements(By.cssSelector("input.form-control")).stream().anyMatch(i -> "建筑名称".equals(i.getAttribute("value"))))
                .findFirst().orElseThrow();
        var fromSelects = buildingRow.findElements(By.tagName("select"));
        assertThat(new org.openqa.selenium.support.ui.Select(fromSelects.get(0)).getFirstSelectedOption().getText()).isEqualTo("从另一张表已填的内容中选择");
        assertThat(new org.openqa.selenium.support.ui.Select(fromSelects.get(1)).getFirstSelectedOption().getText())
                .isEqualTo("附件1“医疗机构房屋建筑基本情况清单”的“建筑名称”");
        b.type("#sheetTitle", "房屋建筑安全隐患排查整治台账（2026年）");
        WebElement measure = b.driver.findElements(By.cssSelector("#tableColumns tbody tr input.form-control")).stream()
                .filter(i -> "整改措施".equals(i.getAttribute("value"))).findFirst().orElseThrow();
        measure.clear();
        measure.sendKeys("整改措施及责任人");
        waitDraftSaved();
        b.js("arguments[0].scrollIntoView({block: 'start'})", b.visible("#severalTables"));
        b.screenshot("drafting-several-tables");
        assertThat(b.pageText()).doesNotContain("ENGINE-");
        completeOnceChecked();
        String id = (String) runtimeService.getVariable(started.getId(), CampaignProcess.CAMPAIGN_ID.name());
        var edited = campaignService.get(id).template();
        assertThat(edited.tables()).extracting(t -> t.title()).containsExactly("医疗机构房屋建筑基本情况清单", "房屋建筑安全隐患排查整治台账（2026年）");
        assertThat(edited.tables().get(1).columns()).extracting(c -> c.name()).contains("整改措施及责任人").doesNotContain("整改措施");
        assertThat(edited.tables().get(1).columns()).filteredOn(c -> "building".equals(c.code())).singleElement()
                .satisfies(c -> assertThat(c.from()).isEqualTo("buildings.name"));
        driver.submit("head1", driver.task(id, NoticeApprovalProcess.REVIEW_NOTICE), java.util.Map.of(NoticeApprovalProcess.NOTICE_REVIEWED.name(), true));
        driver.submit("leader1", driver.task(id, NoticeApprovalProcess.SIGN_OFF_NOTICE), java.util.Map.of(NoticeApprovalProcess.NOTICE_SIGNED.name(), true));
        driver.runJobs();
        Task sign = b.until(d -> driver.unitTasks(id, "rmyy", UnitReportProcess.SIGN_NOTICE).stream().findFirst().orElse(null));
        b.login("tasklist", "rmyy-reporter", PW);
        openTask("rmyy-reporter", sign);
        assertThat(b.visible("#blankXlsx").getAttribute("href")).endsWith("/api/campaigns/" + id + "/units/rmyy/blank.xlsx");
        b.screenshot("forms-sign-blank-xlsx");
        driver.sign(id, "rmyy");
        driver.stage(id, "rmyy", true, false);
        openTask("rmyy-reporter", b.until(d -> driver.unitTasks(id, "rmyy", UnitReportProcess.FILL_REPORT).stream().findFirst().orElse(null)));
        assertThat(b.visible("#sheet").getText()).contains("附件1").contains("医疗机构房屋建筑基本情况清单").contains("建成年份");
        assertThat(b.visible("#sheet-hazards").getText()).contains("附件2").contains("房屋建筑安全隐患排查整治台账").contains("隐患描述");
        b.type("input[name='c_buildings_1_name']", "门诊楼");
        b.type("input[name='c_buildings_1_built']", "1998");
        b.type("input[name='c_buildings_1_floors']", "地上5层，地下1层");
        b.type("input[name='c_buildings_1_area']", "8200.5");
        new org.openqa.selenium.support.ui.Select(b.visible("select[name='c_buildings_1_structure']")).selectByVisibleText("框架结构");
        b.click("#addRow");
        b.type("input[name='c_buildings_2_name']", "后勤楼");
        b.type("input[name='c_buildings_2_built']", "1985");
        b.type("input[name='c_buildings_2_floors']", "地上3层");
        b.type("input[name='c_buildings_2_area']", "1200");
        new org.openqa.selenium.support.ui.Select(b.visible("select[name='c_buildings_2_structure']")).selectByVisibleText("砖混结构");
        // the hazard's building: one of those the unit listed in 附件1, chosen, not typed
        b.until(d -> new org.openqa.selenium.support.ui.Select(b.visible("select[name='c_hazards_1_building']")).getOptions().stream()
                .map(WebElement::getText).toList().containsAll(List.of("门诊楼", "后勤楼")) ? Boolean.TRUE : null);
        new org.openqa.selenium.support.ui.Select(b.visible("select[name='c_hazards_1_building']")).selectByVisibleText("后勤楼");
        b.type("input[name='c_hazards_1_hazard']", "二层外墙开裂");
        new org.openqa.selenium.support.ui.Select(b.visible("select[name='c_hazards_1_level']")).selectByVisibleText("一般隐患");
        b.type("input[name='c_hazards_1_funds']", "12.5");
        new org.openqa.selenium.support.ui.Select(b.visible("select[name='c_hazards_1_status']")).selectByVisibleText("整改中");
        b.type("textarea#summary", "已完成院内房屋建筑安全隐患排查。");
        waitSaved();
        // each form's own total, as typed
        assertThat(b.visible("#sheet").findElement(By.cssSelector("tbody tr:last-child")).getText()).contains("合计").contains("9400.50");
        assertThat(b.visible("#sheet-hazards").findElement(By.cssSelector("tbody tr:last-child")).getText()).contains("合计").contains("12.50");
        assertThat(b.pageText()).doesNotContain("ENGINE-").doesNotContain("buildings:").doesNotContain("rmyy-reporter");
        b.screenshot("forms-filled");
        b.phone(true);
        b.js("arguments[0].scrollIntoView({block: 'start'})", b.visible("#sheet-hazards"));
        b.screenshot("phone-forms-second-form");
        b.phone(false);
        completeOnceChecked();
        b.until(d -> reports.unit(id, "rmyy").status() == UnitStatus.SUBMITTED ? Boolean.TRUE : null);
        var version = reports.versions(id, "rmyy").get(0);
        assertThat(version.texts()).containsEntry("hazards:1.building", "后勤楼").containsEntry("buildings:2.name", "后勤楼");
        assertThat(version.values().get("buildings:_total.area")).isEqualByComparingTo("9400.50");

        // the reviewer reads both forms
        b.login("tasklist", "wangshu", PW);
        openTask("wangshu", b.until(d -> driver.unitTasks(id, "rmyy", UnitReportProcess.REVIEW_REPORT).stream().findFirst().orElse(null)));
        assertThat(b.visible("#grid").getText()).contains("附件1").contains("门诊楼").contains("9400.50");
        assertThat(b.visible("#grid-2").getText()).contains("附件2").contains("二层外墙开裂").contains("后勤楼").contains("12.50");
        b.screenshot("forms-review");
        // and so does the 督办看板's unit page
        b.login("cockpit", "zhangke", PW);
        b.go("/camunda/app/cockpit/default/#/duban?campaign=" + id + "&unit=rmyy");
        assertThat(b.visible("#duban-grid-2").getText()).contains("二层外墙开裂");
        assertThat(b.pageText()).contains("附件1 医疗机构房屋建筑基本情况清单").contains("附件2 房屋建筑安全隐患排查整治台账");
        b.screenshot("forms-dashboard-unit");
    }

    /**
     * Two tiers with forms of their own (the shipped county-vaccination-clinics-two-tier), drafted by an office of its own
     * (防保股, added as data: its drafter's notice names it as 承办科室, its head checks it): the drafting form says who
     * fills each form and that the CDC's rows of its centres come from their approved forms; the CDC's reporter finds
     * its centre's row filled and read-only, the centre not yet approved said apart, types its own row and its visits,
     * explains the missing centre, and hands in — on a desktop and a phone.
     */
    @Test
    void twoTiersFillFormsOfTheirOwnAndTheCdcsIsBuiltFromItsCentres() throws Exception {
        try {
            twoTiers();
        } catch (Exception | AssertionError e) {
            b.screenshot("FAILED-tiers");
            Files.writeString(Path.of("target/e2e/FAILED-tiers.html"), b.driver.getPageSource());
            throw e;
        }
    }

    void twoTiers() throws Exception {
        driver.sectionPeople();
        // the notice is 防保股's, an office of its own: an operator added it, its drafter starts the notice, its head checks it
        var fbg = offices.all().stream().filter(o -> o.name().equals("防保股")).findFirst()
                .orElseGet(() -> offices.add("fbg", "防保股", "ops1"));
        String drafter = fbg.code() + "-d";
        driver.user(drafter, cn.duban.identity.Roles.officeGroup(fbg.code(), cn.duban.identity.Roles.OfficeRole.DRAFTER));
        driver.user(fbg.code() + "-h", cn.duban.identity.Roles.officeGroup(fbg.code(), cn.duban.identity.Roles.OfficeRole.HEAD));
        // people are named, as the administrator enters them: the pages show 周敏, never a login id
        named(drafter, "周敏");
        named(fbg.code() + "-h", "吴刚");
        var t = driver.uploadVariant("campaigns/county-vaccination-clinics-two-tier.yaml", "  units: [jkzx, lcz, dlz]");
        LocalDate deadline = calendar.onOrAfter(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(20));
        // 防保股's drafter starts it in Tasklist's 发起流程, as 综合监督科's does
        b.login("tasklist", drafter, "test");
        b.waitForText("发起流程");
        b.click(".start-process-action a");
        b.click(b.withText("a[ng-click='selectProcessDefinition(processDefinition)']", "督办活动"));
        WebElement select = b.visible("select#templateCode");
        b.until(d -> select.findElements(By.tagName("option")).size() > 1 ? Boolean.TRUE : null);
        b.js("var s = arguments[0]; for (var i = 0; i < s.options.length; i++) { if (s.options[i].value === arguments[1] || s.options[i].value === 'string:' + arguments[1]) { s.selectedIndex = i; } }"
                + " s.dispatchEvent(new Event('change'));", select, t.code());
        b.set("input#deadline", deadline.toString());
        java.util.Set<Object> running = runtimeService.createVariableInstanceQuery().variableName(CampaignProcess.CAMPAIGN_ID.name())
                .list().stream().map(v -> v.getValue()).collect(java.util.stream.Collectors.toSet());
        b.click("button[ng-click='startProcessInstance()']");
        String id = b.until(d -> runtimeService.createVariableInstanceQuery().variableName(CampaignProcess.CAMPAIGN_ID.name())
                .list().stream().map(v -> (String) v.getValue()).filter(v -> !running.contains(v)).findFirst().orElse(null));
        openTask(drafter, b.until(d -> taskService.createTaskQuery().taskDefinitionKey(NoticeApprovalProcess.DRAFT_NOTICE)
                .processVariableValueEquals("campaignId", id).singleResult()));
        assertThat(b.visible("#section").getAttribute("value")).as("its own office runs it").isEqualTo("防保股");
        assertThat(b.visible("#section").getAttribute("readonly")).as("not for the form to change").isNotNull();
        assertThat(b.visible("#sectionOwn").getText()).contains("由防保股承办");
        assertThat(b.visible("#severalTables").getText()).contains("附件1 预防接种门诊自查情况表（下级单位填报）")
                .contains("附件2 全县预防接种门诊督导汇总表（上级单位及直接报局的单位填报）");
        b.click("#sheet2");
        b.until(d -> "全县预防接种门诊督导汇总表".equals(b.visible("#sheetTitle").getAttribute("value")) ? Boolean.TRUE : null);
        assertThat(new org.openqa.selenium.support.ui.Select(b.visible("#tier")).getFirstSelectedOption().getText()).isEqualTo("上级单位及直接报局的单位");
        assertThat(new org.openqa.selenium.support.ui.Select(b.visible("#carry")).getFirstSelectedOption().getText())
                .isEqualTo("自动取自其审核通过的附件1 预防接种门诊自查情况表（同名的数字栏目）");
        // the members' day: a day of their own instead of working days before the deadline
        new org.openqa.selenium.support.ui.Select(b.visible("#membersDueKind")).selectByVisibleText("在这一天前");
        LocalDate membersDay = deadline.minusDays(4);
        b.js("var e = arguments[0]; e.value = arguments[1]; e.dispatchEvent(new Event('input')); e.dispatchEvent(new Event('change'));",
                b.visible("#membersDue"), membersDay.toString());
        waitDraftSaved();
        b.js("arguments[0].scrollIntoView({block: 'start'})", b.visible("#rollup"));
        b.screenshot("drafting-two-tiers");
        assertThat(b.pageText()).doesNotContain("ENGINE-").doesNotContain("members").doesNotContain("direct").doesNotContain(drafter)
                .contains("周敏");
        completeOnceChecked();
        var edited = campaignService.get(id).template();
        assertThat(edited.rollup().membersDue()).isEqualTo(membersDay);
        assertThat(edited.tables()).extracting(x -> x.tier() + "/" + x.carry()).containsExactly("members/null", "direct/clinic");
        assertThat(edited.attachments().kinds()).extracting(k -> k.tier()).containsExactly("members", "direct");
        assertThat(campaignService.get(id).officeCode()).isEqualTo(fbg.code());
        assertThat(edited.section()).isEqualTo("防保股");
        driver.submit(fbg.code() + "-h", driver.task(id, NoticeApprovalProcess.REVIEW_NOTICE), java.util.Map.of(NoticeApprovalProcess.NOTICE_REVIEWED.name(), true));
        driver.submit("leader1", driver.task(id, NoticeApprovalProcess.SIGN_OFF_NOTICE), java.util.Map.of(NoticeApprovalProcess.NOTICE_SIGNED.name(), true));
        driver.runJobs();
        b.until(d -> driver.unitTasks(id, "lcz", UnitReportProcess.SIGN_NOTICE).stream().findFirst().orElse(null));
        assertThat(reports.unit(id, "lcz").dueDate()).isEqualTo(membersDay);

        // the centres hand in their own form; the CDC approves one
        java.util.Map<String, String> clinic = new java.util.LinkedHashMap<>();
        int[][] figures = {{12, 3, 2}, {8, 1, 1}, {6, 0, 0}, {10, 2, 2}};
        String[] rows = {"setup", "cold", "stock", "record"};
        for (int i = 0; i < rows.length; i++) {
            clinic.put("clinic:" + rows[i] + ".checked", String.valueOf(figures[i][0]));
            clinic.put("clinic:" + rows[i] + ".found", String.valueOf(figures[i][1]));
            clinic.put("clinic:" + rows[i] + ".fixed", String.valueOf(figures[i][2]));
        }
        for (String unit : List.of("lcz", "dlz")) {
            driver.sign(id, unit);
            driver.stage(id, unit, false, true);
            driver.handIn(id, unit, clinic, List.of());
        }
        driver.submit("jkzx-reporter", driver.unitTask(id, "lcz", UnitReportProcess.REVIEW_REPORT), java.util.Map.of(
                UnitReportProcess.REPORT_APPROVED.name(), true, UnitReportProcess.COMMENT.name(), cn.duban.Driver.transientString(""),
                UnitReportProcess.NEW_DUE_DATE.name(), cn.duban.Driver.transientString("")));

        // the CDC's own form: the centre's row carried, read only; the other centre said apart
        driver.sign(id, "jkzx");
        driver.stage(id, "jkzx", true, false);
        b.login("tasklist", "jkzx-reporter", PW);
        openTask("jkzx-reporter", b.until(d -> driver.unitTasks(id, "jkzx", UnitReportProcess.FILL_REPORT).stream().findFirst().orElse(null)));
        assertThat(b.visible("#sheet").getText()).contains("附件2").contains("全县预防接种门诊督导汇总表").contains("沂源县鲁村镇中心卫生院")
                .contains("36").doesNotContain("自查情况表 ");
        assertThat(b.driver.findElements(By.cssSelector("input[name='c_county_lcz_found']"))).as("a carried cell is not typed").isEmpty();
        assertThat(b.visible("#carried-county").getText()).contains("“自查项目”、“发现问题”、“已整改”").contains("附件1“预防接种门诊自查情况表”");
        assertThat(b.visible("#missing-county").getText()).contains("沂源县东里镇中心卫生院");
        b.type("input[name='c_county_jkzx_checked']", "4");
        b.type("input[name='c_county_jkzx_found']", "1");
        b.type("input[name='c_county_jkzx_fixed']", "1");
        b.type("input[name='c_county_jkzx_visits']", "2");
        new org.openqa.selenium.support.ui.Select(b.visible("select[name='c_county_jkzx_verdict']")).selectByVisibleText("合格");
        b.type("input[name='c_county_lcz_visits']", "1");
        new org.openqa.selenium.support.ui.Select(b.visible("select[name='c_county_lcz_verdict']")).selectByVisibleText("基本合格");
        b.type("textarea#summary", "已完成全县预防接种门诊督导。");
        b.type("textarea#note", "东里镇中心卫生院的自查退回补充中，随后补报。");
        waitSaved();
        assertThat(b.visible("#sheet").findElement(By.cssSelector("tbody tr:last-child")).getText()).contains("合计").contains("40").contains("7");
        assertThat(b.pageText()).doesNotContain("ENGINE-").doesNotContain("county:").doesNotContain("jkzx-reporter");
        b.screenshot("tiers-cdc-form");
        b.phone(true);
        b.js("arguments[0].scrollIntoView({block: 'start'})", b.visible("#sheet"));
        b.screenshot("phone-tiers-cdc-form");
        b.phone(false);
        completeOnceChecked();
        b.until(d -> reports.unit(id, "jkzx").status() == UnitStatus.SUBMITTED ? Boolean.TRUE : null);
        var version = reports.versions(id, "jkzx").get(0);
        assertThat(version.values().get("county:lcz.found")).isEqualByComparingTo("6");
        assertThat(version.values().get("county:_total.checked")).isEqualByComparingTo("40");
        assertThat(version.texts()).containsEntry("county:lcz.verdict", "基本合格");

        // 防保股's reviewer reads the CDC's report with its centres' reports and their files, carried up with it
        String reviewer = fbg.code() + "-r";
        driver.user(reviewer, cn.duban.identity.Roles.officeGroup(fbg.code(), cn.duban.identity.Roles.OfficeRole.REVIEWER));
        named(reviewer, "郑洁");
        b.login("tasklist", reviewer, "test");
        openTask(reviewer, b.until(d -> driver.unitTasks(id, "jkzx", UnitReportProcess.REVIEW_REPORT).stream().findFirst().orElse(null)));
        assertThat(b.visible("#grid").getText()).contains("附件2").contains("沂源县鲁村镇中心卫生院").contains("基本合格").contains("全县合计");
        assertThat(b.visible("#memberReports").getText()).contains("已审核通过 1 / 2").contains("沂源县鲁村镇中心卫生院")
                .contains("自查照片：现场.png").contains("沂源县东里镇中心卫生院").contains("审核通过后随本单位报送");
        b.js("arguments[0].scrollIntoView({block: 'start'})", b.visible("#memberReports"));
        assertThat(b.pageText()).contains("郑洁").doesNotContain(reviewer).doesNotContain("ENGINE-");
        b.screenshot("tiers-section-review");
    }

    /**
     * A cooperating unit sends the lead its part of an item (seed 001, the market bureau's notice): the 城关所's
     * reporter writes it, attaches a photo and a file that is not one (refused at the field, in Chinese, no toast),
     * and hands it in; the lead's form lists it with the file.
     */
    @Test
    void aCooperatingUnitSendsItsPartWithAFileToTheLead() throws Exception {
        try {
            contribution();
        } catch (Exception | AssertionError e) {
            b.screenshot("FAILED-contribution");
            Files.writeString(Path.of("target/e2e/FAILED-contribution.html"), b.driver.getPageSource());
            throw e;
        }
    }

    void contribution() throws Exception {
        driver.sectionPeople();
        var t = driver.uploadVariant("campaigns/xx-market-2023-315.yaml", "  units: [sj12315, sjxbw, sjspg, sjcgs]");
        String id = driver.issue(driver.startCampaign(t.code(), LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(14).toString()));
        for (String unit : List.of("sj12315", "sjxbw", "sjspg")) {
            driver.sign(id, unit);
        }
        // its 签收 shows the items that concern it and its role in each, by name, and the duty roster (duban/unit-items.html)
        b.login("tasklist", "sjcgs-reporter", PW);
        openTask("sjcgs-reporter", driver.unitTask(id, "sjcgs", UnitReportProcess.SIGN_NOTICE));
        b.until(d -> b.visible("#unitItems").getText().contains("与本单位（XX县城关市场监管所）有关的活动事项") ? Boolean.TRUE : null);
        assertThat(b.visible("#unitItems").getText()).contains("本单位配合").contains("本单位牵头").contains("牵头：XX县市场监管局12315指挥中心")
                .contains("值班安排").doesNotContain("sj12315");
        driver.sign(id, "sjcgs");
        Task task = driver.unitTasks(id, "sjcgs", UnitReportProcess.SEND_CONTRIBUTION).stream()
                .filter(x -> x.getName().contains("第 5 项")).findFirst().orElseThrow();
        openTask("sjcgs-reporter", task);
        Path fake = Files.writeString(files.resolve("bu-shi-tupian.png"), "这不是图片");
        b.driver.findElement(By.cssSelector("input#contributionFiles")).sendKeys(fake.toAbsolutePath().toString());
        b.waitForText("不是可接受的文档或图片");
        assertThat(b.pageText()).doesNotContain("通信错误").doesNotContain("ENGINE-");
        Path png = files.resolve("peihe-xianchang.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 6, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        b.driver.findElement(By.cssSelector("input#contributionFiles")).sendKeys(png.toAbsolutePath().toString());
        b.waitForText("peihe-xianchang.png");
        assertThat(b.pageText()).contains("peihe-xianchang.png （1 KB）");
        b.type("textarea#contribution", "城关所配合开展进社区宣传 2 场。");
        b.screenshot("contribution-form");
        completeOnceChecked();
        var received = contributions.receivedBy(id, "sj12315");
        assertThat(received).filteredOn(c -> c.itemCode().equals("5") && c.fromUnit().equals("sjcgs")).singleElement()
                .satisfies(c -> assertThat(c.attachments()).extracting(a -> a.filename()).containsExactly("peihe-xianchang.png"));
    }

    /**
     * A 零报告 as a market supervision station's reporter hands it in (the shipped lift check allows one): ticked, the
     * table goes away, the summary says why, and it is handed in as a 零报告.
     */
    @Test
    void aZeroReportIsTickedAndExplainedInTheSummary() throws Exception {
        try {
            driver.sectionPeople();
            LocalDate deadline = calendar.onOrAfter(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(20));
            String id = driver.issue(driver.startCampaign("county-elevator-safety-check", deadline.toString()));
            b.until(d -> driver.unitTasks(id, "sjxzs", UnitReportProcess.SIGN_NOTICE).isEmpty() ? null : Boolean.TRUE);
            driver.sign(id, "sjxzs");
            b.login("tasklist", "sjxzs-reporter", PW);
            openTask("sjxzs-reporter", b.until(d -> driver.unitTasks(id, "sjxzs", UnitReportProcess.FILL_REPORT).stream().findFirst().orElse(null)));
            b.visible("#sheet");
            b.click("input[name='zeroReport']");
            b.until(d -> d.findElements(By.id("sheet")).isEmpty() ? Boolean.TRUE : null);
            b.type("textarea#summary", "经排查，本所辖区内无在用电梯，特此零报告。");
            waitSaved();
            b.screenshot("zero-report");
            completeOnceChecked();
            b.until(d -> reports.unit(id, "sjxzs").status() == UnitStatus.SUBMITTED ? Boolean.TRUE : null);
            assertThat(reports.versions(id, "sjxzs").get(0).zeroReport()).isTrue();
        } catch (Exception | AssertionError e) {
            b.screenshot("FAILED-zero");
            Files.writeString(Path.of("target/e2e/FAILED-zero.html"), b.driver.getPageSource());
            throw e;
        }
    }

    /**
     * A periodic return on the 督办看板: the series' card leads to its matrix (a row per unit, a column per period, the
     * month that opened by itself with the unit's report in it, the month to come not yet open) and its download.
     */
    @Test
    void aPeriodicReturnIsReadAsAPeriodByUnitMatrix() throws Exception {
        try {
            series();
        } catch (Exception | AssertionError e) {
            b.screenshot("FAILED-series");
            Files.writeString(Path.of("target/e2e/FAILED-series.html"), b.driver.getPageSource());
            throw e;
        }
    }

    void series() throws Exception {
        driver.sectionPeople();
        java.time.YearMonth last = java.time.YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);
        // last month's period opens at once (its opening day has passed), due by the end of this month; next month waits
        String yaml = new org.springframework.core.io.ClassPathResource("campaigns/county-medical-order-monthly.yaml")
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("(?m)^code: .*$", "code: monthly-e2e-" + System.nanoTime() % 100_000)
                .replaceFirst("(?ms)^targets:\\n(  .*?\\n)+", "targets:\n  units: [rmyy, zyy]\n")
                .replace("first: 2027-01", "first: " + last).replace("count: 12", "count: 2").replace("dueDay: 5", "dueDay: 31");
        String code = driver.as("drafter1", () -> catalog.upload(yaml, "drafter1")).code();
        String id = driver.issue(driver.startCampaign(code, null));
        String first = b.until(d -> jdbcPeriod(id));
        b.until(d -> driver.unitTasks(first, "rmyy", UnitReportProcess.SIGN_NOTICE).isEmpty() ? null : Boolean.TRUE);
        driver.sign(first, "rmyy");
        driver.handIn(first, "rmyy", java.util.Map.of("checked", "12", "found", "3", "fixed", "2", "trained", "40"), List.of());

        b.login("cockpit", "zhangke", PW);
        b.go("/camunda/app/cockpit/default/#/duban");
        b.click("[data-series='" + id + "'] a.title");
        WebElement matrix = b.visible("#duban-series-matrix");
        assertThat(matrix.getText()).contains(last.getYear() + "年" + last.getMonthValue() + "月").contains("沂源县人民医院")
                .contains("已报送").contains("未签收").contains("未开放");
        assertThat(b.visible("#duban-series-cumulative").getText()).contains("全县合计").contains("本年累计");
        assertThat(b.pageText()).doesNotContain("ENGINE-").doesNotContain(id);
        assertThat(b.fetch(b.withText(".downloads a", "各期报送情况").getAttribute("href")))
                .isEqualTo("200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        b.screenshot("dashboard-series-matrix");
        b.click(b.withText("#duban-series-matrix a", last.getMonthValue() + "月"));
        b.visible("#duban-dashboard[data-loaded='true'] tr[data-unit='rmyy']");
        assertThat(b.pageText()).contains("定期报送各期情况");
    }

    /**
     * A notice built in the drafting form: the title changed, an item added (told at its field while its name is
     * empty), the simple table turned into one with columns (a number column and a remark), handed on; after 核稿 and
     * 签发 its Word document has the new item in its body and the new columns in its attachment's table.
     */
    @Test
    void aNoticeIsBuiltInTheDraftingFormIssuedAndItsDocumentOpened() throws Exception {
        try {
            drafting();
        } catch (Exception | AssertionError e) {
            b.screenshot("FAILED-drafting");
            Files.writeString(Path.of("target/e2e/FAILED-drafting.html"), b.driver.getPageSource());
            throw e;
        }
    }

    void drafting() throws Exception {
        driver.sectionPeople();
        String code = driver.uploadVariant("campaigns/yiyuan-health-2024-315.yaml", "  units: [rmyy, zyy]").code();
        LocalDate deadline = calendar.onOrAfter(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(15));
        var started = driver.startCampaign(code, deadline.toString());
        String id = (String) runtimeService.getVariable(started.getId(), CampaignProcess.CAMPAIGN_ID.name());
        // (the test's driver started it as its own drafter: the section's drafter takes the draft over)
        Task draft = task(id, NoticeApprovalProcess.DRAFT_NOTICE);
        taskService.setAssignee(draft.getId(), "yanglei");
        b.login("tasklist", "yanglei", PW);
        openTask("yanglei", draft);
        b.visible("fieldset#targets");
        b.until(d -> b.visible("fieldset#targets legend").getText().contains("共 2 个单位") ? Boolean.TRUE : null);
        b.type("input#title", "关于开展2026年冬季健康宣传活动的通知");
        // nothing the template holds is hidden: its items for the CDC and the enforcement brigade show their 适用单位,
        // told at the item that those two are not sent the notice; the drafter adds them to 报送对象
        WebElement outside = b.until(d -> d.findElements(By.cssSelector("fieldset#items .item-part")).stream()
                .filter(e -> e.getText().contains("不在报送对象中")).findFirst().orElse(null));
        assertThat(outside.getText()).contains("适用单位：沂源县疾病预防控制中心、沂源县卫生健康监督执法大队")
                .contains("适用单位中的沂源县疾病预防控制中心、沂源县卫生健康监督执法大队不在报送对象中");
        b.js("arguments[0].scrollIntoView({block: 'center'})", outside);
        b.screenshot("drafting-item-outside-recipients");
        b.phone(true);
        b.js("arguments[0].scrollIntoView({block: 'center'})", outside);
        b.screenshot("phone-drafting-item-outside-recipients");
        b.phone(false);
        for (String unit : List.of("沂源县疾病预防控制中心", "沂源县卫生健康监督执法大队")) {
            b.click(b.withText("fieldset#targets .units label", unit).findElement(By.tagName("input")));
        }
        b.until(d -> b.visible("fieldset#targets legend").getText().contains("共 4 个单位") ? Boolean.TRUE : null);
        b.until(d -> b.visible("fieldset#items").getText().contains("不在报送对象中")
                || b.visible("fieldset#items").getText().contains("没有一个是本通知的报送对象") ? null : Boolean.TRUE);
        // an item added and left without a name: the template's rule answers at its field
        int items = b.driver.findElements(By.cssSelector("fieldset#items .row-item")).size();
        b.click("#addItem");
        WebElement name = b.visible("input[name='item_" + items + "_title']");
        b.until(d -> name.findElement(By.xpath("..")).getText().contains("必填") ? Boolean.TRUE : null);
        b.type("input[name='item_" + items + "_title']", "开展冬季健康知识讲座");
        b.until(d -> name.findElement(By.xpath("..")).getText().contains("必填") ? null : Boolean.TRUE);
        // the template's rules read as the figures' names, not [6] <= [5]; the template is saved without a code to invent
        assertThat(b.js("var s = document.querySelector('#rules .rule select.operand'); return s.options[s.selectedIndex].text;"))
                .isEqualTo("6. 解决消费纠纷");
        assertThat(b.visible("#rules").getText()).doesNotContain("[6]").doesNotContain("[5]");
        b.js("arguments[0].scrollIntoView({block: 'center'})", b.visible("#rules"));
        b.screenshot("drafting-rules-by-name");
        b.click("#saveAsTemplate button");
        String savedAs = b.until(d -> {
            String t = b.visible("#saveAsTemplate").getText();
            return t.contains("已保存为模板") ? t : null;
        });
        assertThat(savedAs).contains("第 1 版");
        // the table: from one number per row to columns, a number and a remark
        b.click(b.withText("fieldset#table label.radio-inline", "多栏统计表"));
        b.visible("#tableColumns");
        b.type("#tableColumns tbody tr:nth-child(1) td:nth-child(1) input", "开展场次");
        b.type("#tableColumns tbody tr:nth-child(1) td:nth-child(2) input", "场");
        b.type("#tableColumns input[ng-model='r.name']", "健康讲座");
        b.click("#addColumn");
        b.type("#tableColumns tbody tr:nth-child(2) td:nth-child(1) input", "备注");
        new org.openqa.selenium.support.ui.Select(b.visible("#tableColumns tbody tr:nth-child(2) td:nth-child(3) select")).selectByValue("TEXT");
        b.js("arguments[0].scrollIntoView({block: 'center'})", b.visible("#tableColumns"));
        b.screenshot("drafting-form-table");
        // nothing drafted is lost: the page closed and the task opened again brings the form's work back, kept on the
        // server for this drafter; 暂存 says it saved
        waitDraftSaved();
        b.driver.navigate().to("about:blank");
        b.go(TASKLIST + "#/?task=" + current);
        waitForForm();
        assertThat(b.visible("#draftRestored").getText()).contains("暂存的内容");
        assertThat(b.visible("input#title").getAttribute("value")).isEqualTo("关于开展2026年冬季健康宣传活动的通知");
        assertThat(b.visible("input[name='item_" + items + "_title']").getAttribute("value")).isEqualTo("开展冬季健康知识讲座");
        assertThat(b.visible("#tableColumns tbody tr:nth-child(2) td:nth-child(1) input").getAttribute("value")).isEqualTo("备注");
        b.js("window.scrollTo(0, 0); document.querySelectorAll('.ctn-content-container, [cam-tasklist-task] .form-container, .task-details').forEach(function (e) { e.scrollTop = 0; });");
        b.screenshot("drafting-restored-after-reload");
        b.type("input#contactPerson", "杨磊（综合监督科）");
        b.click("button[ng-click='save($event)']");
        b.until(d -> b.visible("#draftState").getText().startsWith("已暂存（") ? Boolean.TRUE : null);
        b.js("arguments[0].scrollIntoView({block: 'center'})", b.visible("#draftState"));
        b.screenshot("drafting-stored");
        // a deadline typed key by key raises nothing over the page (years 2, 20, 202 are not checked)
        b.typeDate("input#deadline", deadline);
        waitDraftSaved();
        assertThat(b.notifications()).noneMatch(n -> n.contains("通信错误") || n.contains("400"));
        // a deadline in the past is told at its field; the preview shows what is on the form, not yet handed on
        b.set("input#deadline", "2020-01-06");
        b.until(d -> b.visible("fieldset#dates").getText().contains("已过，请填写今天或以后的日期") ? Boolean.TRUE : null);
        b.set("input#deadline", deadline.toString());
        b.until(d -> b.visible("fieldset#dates").getText().contains("已过") ? null : Boolean.TRUE);
        b.click("#previewButton");
        WebElement frame = b.visible("#draftPreview");
        b.driver.switchTo().frame(frame);
        try {
            String shown = b.until(d -> {
                String text = d.findElement(By.tagName("body")).getText();
                return text.contains("开展冬季健康知识讲座") ? text : null;
            });
            assertThat(shown).contains("关于开展2026年冬季健康宣传活动的通知").contains("开展场次（场）");
        } finally {
            b.driver.switchTo().defaultContent();
        }
        b.js("arguments[0].scrollIntoView({block: 'start'})", frame);
        b.screenshot("drafting-form-preview");
        // 试运行: the notice's days as if signed off today, nothing sent
        b.click("#rehearsalButton");
        String timeline = b.until(d -> {
            var t = d.findElements(By.id("rehearsalTimeline"));
            return t.isEmpty() || !t.get(0).isDisplayed() ? null : t.get(0).getText();
        });
        assertThat(timeline).contains("签发后印发通知，下发到").contains(deadline.toString()).contains("报送截止");
        b.js("arguments[0].scrollIntoView({block: 'start'})", b.visible("#rehearsal"));
        b.screenshot("drafting-form-rehearsal");
        assertThat(b.pageText()).doesNotContain("ENGINE-").doesNotContain("yanglei");
        completeOnceChecked();
        var campaign = campaignService.get(id);
        assertThat(campaign.title()).isEqualTo("关于开展2026年冬季健康宣传活动的通知");
        assertThat(campaign.template().items()).extracting(i -> i.title()).contains("开展冬季健康知识讲座");
        assertThat(campaign.template().table().columns()).extracting(c -> c.name()).containsExactly("开展场次", "备注");
        assertThat(campaign.template().indicators()).isEmpty();
        driver.submit("head1", task(id, NoticeApprovalProcess.REVIEW_NOTICE), java.util.Map.of(NoticeApprovalProcess.NOTICE_REVIEWED.name(), true));
        driver.submit("leader1", task(id, NoticeApprovalProcess.SIGN_OFF_NOTICE), java.util.Map.of(NoticeApprovalProcess.NOTICE_SIGNED.name(), true));
        // the issued notice as the unit opens it: the new item in the body, the new columns in the attachment's table
        b.login("tasklist", "rmyy-reporter", PW);
        b.until(d -> driver.unitTasks(id, "rmyy", UnitReportProcess.SIGN_NOTICE).isEmpty() ? null : Boolean.TRUE);
        b.go("/api/campaigns/" + id + "/notice.html");
        assertThat(b.pageText()).contains("关于开展2026年冬季健康宣传活动的通知").contains("开展冬季健康知识讲座")
                .contains("开展场次（场）").contains("备注").contains("健康讲座");
        b.screenshot("drafted-notice-as-issued");
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(noticeDocuments.docx(id)))) {
            var table = doc.getTables().get(doc.getTables().size() - 1);
            assertThat(table.getRow(0).getTableCells()).extracting(c -> c.getText()).containsExactly("序号", "项目", "开展场次（场）", "备注");
        }

        // a blank notice: nothing inherited — no title, body, units, items, dates or deadline fallback
        b.login("tasklist", "yanglei", PW);
        b.click(".start-process-action a");
        b.click(b.withText("a[ng-click='selectProcessDefinition(processDefinition)']", "督办活动"));
        b.click("#fromBlank");
        assertThat(b.pageText()).doesNotContain("docs/").doesNotContain("不填则按模板");
        b.screenshot("start-blank-notice");
        long before = taskService.createTaskQuery().taskDefinitionKey(NoticeApprovalProcess.DRAFT_NOTICE).taskAssignee("yanglei").count();
        b.click("button[ng-click='startProcessInstance()']");
        Task blank = b.until(d -> taskService.createTaskQuery().taskDefinitionKey(NoticeApprovalProcess.DRAFT_NOTICE).taskAssignee("yanglei")
                .count() > before ? taskService.createTaskQuery().taskDefinitionKey(NoticeApprovalProcess.DRAFT_NOTICE).taskAssignee("yanglei")
                .orderByTaskCreateTime().desc().list().get(0) : null);
        openTask("yanglei", blank);
        b.until(d -> b.visible("fieldset#dates").getText().contains("请填写报送截止日期") ? Boolean.TRUE : null);
        assertThat(b.visible("input#title").getAttribute("value")).isEmpty();
        assertThat(b.visible("textarea#noticeText").getAttribute("value")).isEmpty();
        assertThat(b.visible("input#deadline").getAttribute("value")).isEmpty();
        assertThat(b.visible("fieldset#items legend").getText()).contains("0 项");
        assertThat(b.visible("fieldset#targets legend").getText()).contains("共 0 个单位");
        assertThat(b.visible(".duban-draft").getText()).doesNotContain("不填则按模板").doesNotContain("2024").doesNotContain("childrenOf");
        b.js("window.scrollTo(0, 0); document.querySelectorAll('.ctn-content-container, [cam-tasklist-task] .form-container, .task-details').forEach(function (e) { e.scrollTop = 0; });");
        b.screenshot("drafting-blank-notice");
    }

    @Autowired cn.duban.campaign.CampaignService campaignService;
    @Autowired cn.duban.document.NoticeDocuments noticeDocuments;

    /**
     * A 督办通报 as the section, the 科长, the leader and a unit meet it: sent from the 督办看板, read in a frame and
     * refused at the field when returned without a reason, passed by the 科长 at a desk and signed by the leader on a
     * phone, then found by the unit's reporter (on a phone) on its own task, and followed on the 督办看板 to 已印发.
     */
    @Test
    void aCircularIsSentFromTheDashboardSignedInTasklistAndReadByTheUnit() throws Exception {
        try {
            circular();
        } catch (Exception | AssertionError e) {
            b.screenshot("FAILED-circular");
            Files.writeString(Path.of("target/e2e/FAILED-circular.html"), b.driver.getPageSource());
            throw e;
        }
    }

    void circular() throws Exception {
        driver.sectionPeople();
        // a notice whose units' heads approve each report before it leaves the unit: the head meets the circular too
        String yaml = new org.springframework.core.io.ClassPathResource("campaigns/yiyuan-health-2024-315.yaml")
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("(?m)^code: .*$", "code: circular-e2e-" + System.nanoTime() % 100_000)
                .replaceFirst("(?ms)^targets:\\n(  .*?\\n)+", "targets:\n  units: [rmyy, zyy]\n")
                .replace("unitHeadApproval: false", "unitHeadApproval: true");
        String code = driver.as("drafter1", () -> catalog.upload(yaml, "drafter1")).code();
        String id = driver.issue(driver.startCampaign(code, calendar.onOrAfter(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(7)).toString()));
        driver.sign(id, "rmyy");

        // the section sends today's circular from the 督办看板, and may not send a second while it is being decided
        b.phone(false);
        b.login("cockpit", "zhangke", PW);
        b.go("/camunda/app/cockpit/default/#/duban?campaign=" + id);
        b.click("#duban-send-circular");
        b.visible("#duban-circulars tr[data-status='REVIEWING']");
        assertThat(b.visible("#duban-circulars").getText()).contains("第1期").contains("待核稿").contains("张珂")
                .contains("办结后才能再送一期").doesNotContain("zhangke");
        assertThat(b.driver.findElement(By.id("duban-send-circular")).isEnabled()).isFalse();
        b.screenshot("dashboard-circular-sent");

        // 核稿 and 签发: the circular as it was sent, in a frame; the 科长 at a desk, the leader on a phone
        for (String[] step : List.of(new String[] {"zhangke", cn.duban.process.CircularApprovalProcess.REVIEW_CIRCULAR},
                new String[] {"lijun", cn.duban.process.CircularApprovalProcess.SIGN_OFF_CIRCULAR})) {
            boolean phone = step[0].equals("lijun");
            b.login("tasklist", step[0], PW);
            b.phone(phone);
            openTask(step[0], task(id, step[1]));
            String text = framed("#circularPreview", "通报");
            assertThat(text).contains("第1期").contains("活动方案落实情况的通报").contains("应报 2 家").doesNotContain("ENGINE-");
            assertThat(b.fetch(b.visible("#circularDocx").getAttribute("href")))
                    .isEqualTo("200 application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            if (!phone) {
                b.click("input[name='approved'][ng-value='false']");
                refusedAt("#commentError", "退回时请填写退回理由");
            }
            b.click("input[name='approved'][ng-value='true']");
            b.until(d -> d.findElements(By.id("commentError")).isEmpty() ? Boolean.TRUE : null);
            assertThat(b.pageText()).as("names, not login ids or engine messages").doesNotContain("ENGINE-").doesNotContain(step[0])
                    .doesNotContain("drafter1").doesNotContain("zhangke");
            if (phone) {
                assertThat(doneReachable()).as("on a phone the leader's 办结 is on screen and uncovered").isEqualTo(Boolean.TRUE);
            }
            b.screenshot((phone ? "phone-circular-" : "circular-") + step[1]);
            completeOnceChecked();
        }

        // the unit's reporter finds it on its task (a phone), and the section sees it issued
        b.login("tasklist", "rmyy-reporter", PW);
        b.phone(true);
        openTask("rmyy-reporter", b.until(d -> driver.unitTasks(id, "rmyy", UnitReportProcess.FILL_REPORT).stream().findFirst().orElse(null)));
        assertThat(b.visible("#circulars").getText()).contains("督办通报").contains("第1期").contains("印发");
        assertThat(b.fetch(b.visible("#circulars a").getAttribute("href"))).isEqualTo("200 application/pdf");
        b.screenshot("phone-unit-circular");
        // the unit's head, approving the report before it leaves the unit, meets it on the same phone
        driver.stage(id, "rmyy", true, true);
        driver.handIn(id, "rmyy", cn.duban.Driver.seed000Figures("1"), List.of());
        b.login("tasklist", "rmyy-head", PW);
        openTask("rmyy-head", b.until(d -> driver.unitTasks(id, "rmyy", UnitReportProcess.APPROVE_BY_HEAD).stream().findFirst().orElse(null)));
        assertThat(b.visible("#circulars").getText()).contains("督办通报").contains("第1期").contains("PDF");
        assertThat(b.pageText()).as("names, not login ids or engine messages").doesNotContain("ENGINE-").doesNotContain("rmyy-");
        b.screenshot("phone-head-circular");
        // and approves the report on it: it leaves the unit for the section's review
        b.click("input[name='approved'][ng-value='true']");
        completeOnceChecked();
        b.until(d -> reports.unit(id, "rmyy").status() == UnitStatus.SUBMITTED ? Boolean.TRUE : null);
        b.phone(false);
        b.login("cockpit", "zhangke", PW);
        b.go("/camunda/app/cockpit/default/#/duban?campaign=" + id);
        assertThat(b.visible("#duban-circulars tr[data-status='ISSUED']").getText()).contains("已印发").contains("李军");
        assertThat(b.driver.findElement(By.id("duban-send-circular")).isEnabled()).isTrue();
        b.screenshot("dashboard-circular-issued");

        // 补发: a hospital added to the registry while the notice runs is sent it from the board, with its own due date
        String added = "xqyy" + System.nanoTime() % 10_000;
        unitAdmin.create(new cn.duban.unit.UnitAdmin.UnitForm(added, "沂源县新区人民医院", "hospital", null, null, null, "韩梅",
                added + "-reporter", null), "operator");
        b.driver.navigate().refresh();
        b.visible("#duban-late-unit");
        LocalDate lateDue = calendar.onOrAfter(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(14));
        b.set("#duban-late-unit", added);
        b.set("#duban-late-due", lateDue.toString());
        b.type("#duban-late-reason", "新设立的医院，补发本通知");
        b.click("#duban-late-send");
        b.until(d -> b.visible("#duban-late").getText().contains("沂源县新区人民医院") && b.visible("#duban-late table.late").getText()
                .contains(lateDue.toString()) ? Boolean.TRUE : null);
        assertThat(b.visible("#duban-late table.late").getText()).contains("张珂").contains("新设立的医院").doesNotContain(added);
        b.until(d -> driver.unitTasks(id, added, UnitReportProcess.SIGN_NOTICE).isEmpty() ? null : Boolean.TRUE);
        b.js("arguments[0].scrollIntoView({block: 'center'})", b.visible("#duban-late"));
        b.screenshot("dashboard-late-addition");
    }

    /** The text of a document previewed in a frame, once it has loaded. */
    String framed(String css, String marker) {
        WebElement frame = b.visible(css);
        b.driver.switchTo().frame(frame);
        try {
            return b.until(d -> {
                String text = d.findElement(By.tagName("body")).getText();
                return text.contains(marker) ? text : null;
            });
        } finally {
            b.driver.switchTo().defaultContent();
        }
    }

    /** The text of the notice's preview (the frame in the 核稿, 签发 forms), once it has loaded. */
    String preview() {
        WebElement frame = b.visible("#noticePreview");
        b.driver.switchTo().frame(frame);
        try {
            return b.until(d -> {
                String text = d.findElement(By.tagName("body")).getText();
                return text.contains("文件") ? text : null;
            });
        } finally {
            b.driver.switchTo().defaultContent();
        }
    }

    /** The campaign the series' first period became, once the series' timer has opened it. */
    String jdbcPeriod(String seriesId) {
        return series.matrix(seriesId).periods().get(0).campaignId();
    }

    void rollUp() throws Exception {
        driver.sectionPeople();
        String member = "bsws" + System.nanoTime() % 10_000;
        unitAdmin.create(new cn.duban.unit.UnitAdmin.UnitForm(member, "沂源县燕崖镇北山卫生所", "township", null, null, null, "高远",
                member + "-reporter", "jkzx"), "operator");
        String yaml = new org.springframework.core.io.ClassPathResource("campaigns/yiyuan-health-2024-315.yaml")
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("(?m)^code: .*$", "code: rollup-e2e-" + System.nanoTime() % 100_000)
                .replaceFirst("(?ms)^targets:\\n(  .*?\\n)+", "targets:\n  units: [jkzx, " + member + "]\n")
                + "\nrollup: {membersDueWorkingDaysBefore: 2}\n";
        String code = driver.as("drafter1", () -> catalog.upload(yaml, "drafter1")).code();
        LocalDate deadline = calendar.onOrAfter(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(12));
        String id = driver.issue(driver.startCampaign(code, deadline.toString()));
        b.until(d -> driver.unitTasks(id, member, UnitReportProcess.SIGN_NOTICE).isEmpty() ? null : Boolean.TRUE);
        driver.sign(id, member);
        driver.stage(id, member, true, true);
        driver.handIn(id, member, cn.duban.Driver.seed000Figures("2"), List.of());
        Task review = b.until(d -> driver.unitTasks(id, member, UnitReportProcess.REVIEW_REPORT).stream().findFirst().orElse(null));

        b.login("tasklist", "jkzx-reporter", PW);
        b.click(b.withText(".task-filter", "本单位待办"));
        b.until(d -> d.findElements(By.cssSelector(".tasks-list li.task")).stream()
                .anyMatch(t -> t.getText().contains("审核报送") && t.getText().contains("沂源县燕崖镇北山卫生所")) ? Boolean.TRUE : null);
        b.screenshot("rollup-intermediate-list");
        // as a clerk does: the task clicked in the list; the CDC has two people, nobody holds it: opening it takes it
        current = review.getId();
        b.click(b.withText(".tasks-list li.task h4.task a", "沂源县燕崖镇北山卫生所"));
        waitForForm();
        b.until(d -> "jkzx-reporter".equals(taskService.createTaskQuery().taskId(review.getId()).singleResult().getAssignee()) ? Boolean.TRUE : null);
        b.waitForText("审核报送：沂源县燕崖镇北山卫生所");
        assertThat(b.pageText()).contains("高远").doesNotContain(member + "-reporter").doesNotContain("ENGINE-");
        b.click("input[name='approved'][ng-value='false']");
        refusedAt("#newDueDateError", "退回时请填写新的报送期限");
        b.click("input[name='approved'][ng-value='true']");
        b.screenshot("rollup-intermediate-review");
        complete();
        b.until(d -> reports.unit(id, member).status() == UnitStatus.APPROVED ? Boolean.TRUE : null);

        // the CDC's own form: its member in the roll-up, approved, with the approved totals
        driver.sign(id, "jkzx");
        Task own = b.until(d -> driver.unitTasks(id, "jkzx", UnitReportProcess.FILL_REPORT).stream().findFirst().orElse(null));
        current = own.getId();
        b.click(b.withText(".task-filter", "我的待办"));
        b.click(b.withText(".tasks-list li.task h4.task a", "填报并报送统计表"));
        waitForForm();
        assertThat(b.visible("#members").getText()).contains("已审核通过 1 / 1").contains("沂源县燕崖镇北山卫生所").contains("已通过合计");
        b.screenshot("rollup-intermediate-form");
    }

    void flow() throws Exception {
        // ---- 拟稿: the drafter starts a campaign from seed 000's template in Tasklist's start dialog
        b.login("tasklist", "yanglei", PW);
        b.waitForText("发起流程");
        b.screenshot("tasklist-zh");
        b.click(".start-process-action a");
        b.click(b.withText("a[ng-click='selectProcessDefinition(processDefinition)']", "督办活动"));
        WebElement select = b.visible("select#templateCode");
        b.until(d -> select.findElements(By.tagName("option")).size() > 1 ? Boolean.TRUE : null);
        b.js("var s = arguments[0]; for (var i = 0; i < s.options.length; i++) { if (s.options[i].text.indexOf('3·15') >= 0"
                + " && s.options[i].text.indexOf('卫生') >= 0) { s.selectedIndex = i; } } s.dispatchEvent(new Event('change'));", select);
        LocalDate deadline = calendar.onOrAfter(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(10));
        // a date in a year whose holiday schedule is not loaded, typed key by key: only the complete date is checked,
        // and nothing raises Tasklist's error over the page; the drafter is told, beside the date
        b.typeDate("input#deadline", LocalDate.of(2041, 3, 1));
        assertThat(b.visible("#deadlineWarning").getText()).startsWith("2041 年的法定节假日和调休安排尚未载入");
        assertThat(b.notifications()).noneMatch(n -> n.contains("通信错误") || n.contains("400"));
        b.screenshot("start-campaign-unknown-year");
        // the drafter's template list: where each comes from, how often used, retire/restore
        b.click("#templateAdmin summary");
        assertThat(b.visible("#templateAdmin tr[data-template='yiyuan-health-2024-315']").getText()).contains("内置").contains("可用").contains("停用");
        b.set("input#deadline", deadline.toString());
        b.until(d -> d.findElements(By.id("deadlineWarning")).isEmpty() ? Boolean.TRUE : null);
        b.screenshot("start-campaign");
        // the campaign this click starts (other tests of the class may have campaigns running)
        java.util.Set<Object> running = runtimeService.createVariableInstanceQuery().variableName(CampaignProcess.CAMPAIGN_ID.name())
                .list().stream().map(v -> v.getValue()).collect(java.util.stream.Collectors.toSet());
        b.click("button[ng-click='startProcessInstance()']");
        String campaignId = b.until(d -> runtimeService.createVariableInstanceQuery().variableName(CampaignProcess.CAMPAIGN_ID.name())
                .list().stream().map(v -> (String) v.getValue()).filter(v -> !running.contains(v)).findFirst().orElse(null));

        // the draft as the template made it, sent on for review
        openTask("yanglei", task(campaignId, NoticeApprovalProcess.DRAFT_NOTICE));
        assertThat(b.visible("input#title").getAttribute("value")).contains("3·15");
        // the 发文字号 in the standard form (a bracket typed the easy way is written 〔〕 when the draft is handed on)
        String number = "沂卫字[" + LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + "]" + (100 + System.nanoTime() % 800) + "号";
        b.type("input#documentNumber", number);
        b.screenshot("draft-notice");
        completeOnceChecked();

        // ---- 核稿 by the section head, 签发 by the leader: each reads the notice at one size and decides at the other
        // (the 科长 reads on a phone and decides at a desk; the leader reads at a desk and signs off on a phone)
        for (String[] step : List.of(new String[] {"zhangke", NoticeApprovalProcess.REVIEW_NOTICE}, new String[] {"lijun", NoticeApprovalProcess.SIGN_OFF_NOTICE})) {
            boolean phone = step[0].equals("lijun");
            b.login("tasklist", step[0], PW);
            b.phone(!phone);
            // the only 科长 (the only leader) finds the step in 我的待办, counted, already theirs: no 认领
            filterCount("我的待办", 1);
            b.click(b.withText(".task-filter", "我的待办"));
            b.until(d -> d.findElements(By.cssSelector(".tasks-list li.task")).stream().anyMatch(t -> t.getText().contains("3·15")) ? Boolean.TRUE : null);
            assertThat(taskService.createTaskQuery().taskId(task(campaignId, step[1]).getId()).singleResult().getAssignee()).isEqualTo(step[0]);
            b.screenshot((phone ? "my-tasks-" : "phone-my-tasks-") + step[0]);
            openTask(step[0], task(campaignId, step[1]));
            // the ↗ beside the task's process leads the section to the campaign on the 督办看板, not to Cockpit's engine page
            String boardLink = b.until(d -> d.findElements(By.cssSelector("a.instance-link")).stream().map(a -> a.getAttribute("href"))
                    .filter(href -> href != null && href.contains("#/duban?campaign=" + campaignId)).findFirst().orElse(null));
            String notice = preview();
            assertThat(notice).contains("沂源县卫生健康局文件").contains(number.replace('[', '〔').replace(']', '〕'))
                    .contains("二、主要活动").contains("附件：").contains("单位负责人").doesNotContain("ENGINE-");
            assertThat(b.fetch(b.visible("#noticeDocx").getAttribute("href")))
                    .isEqualTo("200 application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            assertThat(b.fetch(b.visible("#noticePdf").getAttribute("href"))).isEqualTo("200 application/pdf");
            assertThat(b.pageText()).as("names, not login ids or engine messages").doesNotContain("ENGINE-").doesNotContain(step[0]);
            if (!phone) {
                assertThat(b.js("var n = document.querySelector('.column.tasks-list'); return !n || n.offsetParent === null;"))
                        .as("on a phone the 科长's open task fills the screen").isEqualTo(Boolean.TRUE);
                assertThat(doneReachable()).as("on a phone the 科长's 办结 is on screen and uncovered").isEqualTo(Boolean.TRUE);
                // the task's head takes a line or two, not half the screen: the form starts in the top third
                b.js("window.scrollTo(0, 0); document.querySelectorAll('.ctn-content-container, [cam-tasklist-task] .form-container, .task-details').forEach(function (e) { e.scrollTop = 0; });");
                assertThat(((Number) b.js("var f = document.querySelector('.task-details form[role=form]'); return f.getBoundingClientRect().top / window.innerHeight;"))
                        .doubleValue()).as("where the form starts on a phone, as a share of the screen").isLessThan(0.3);
                b.screenshot("phone-read-" + step[0]);
            }
            b.phone(phone);
            b.visible("#noticePreview");
            if (!phone) {
                // a return without a reason: the server's rule answers at the field, in Chinese, and the task stays
                b.click("input[name='approved'][ng-value='false']");
                refusedAt("#commentError", "退回时请填写退回理由");
                b.screenshot("decision-return-without-reason");
            }
            b.click("input[name='approved'][ng-value='true']");
            b.type("textarea#comment", "同意。");
            b.until(d -> d.findElements(By.id("commentError")).isEmpty() ? Boolean.TRUE : null);
            assertThat(b.pageText()).as("names, not login ids or engine messages").doesNotContain("ENGINE-")
                    .doesNotContain(step[0]).doesNotContain("yanglei").doesNotContain("zhangke");
            if (phone) {
                assertThat(b.js("var n = document.querySelector('.column.tasks-list'); return !n || n.offsetParent === null;"))
                        .as("on a phone the leader's open task fills the screen").isEqualTo(Boolean.TRUE);
                assertThat(doneReachable()).as("on a phone the leader's 办结 is on screen and uncovered").isEqualTo(Boolean.TRUE);
            }
            b.screenshot((phone ? "phone-decision-" : "decision-") + step[0]);
            complete();
            // 办结 says what was decided and what happens next, and the decision is in the person's 已办
            assertThat(b.visible("#duban-confirm").getText()).contains(phone ? "已签发《" : "已通过核稿《")
                    .contains(phone ? "各单位的“签收”任务随即生成" : "下一步：送领导签发");
            b.screenshot((phone ? "phone-confirm-" : "confirm-") + step[0]);
            openDone();
            assertThat(b.visible("#duban-done .box[data-loaded='true'] table.duban-done-decided").getText())
                    .contains(phone ? "领导签发" : "科长核稿").contains("通过").contains("3·15");
            b.screenshot((phone ? "phone-done-" : "done-") + step[0]);
            b.click("#duban-done .close");
            b.phone(false);
            if (!phone) {
                // where the ↗ leads: the notice on the 督办看板, the engine's pages nowhere
                b.driver.navigate().to(boardLink);
                b.visible("#duban-dashboard[data-loaded='true']");
                assertThat(b.pageText()).contains("关于印发2024年“3·15”国际消费者权益日活动方案的通知").doesNotContain("流程实例").doesNotContain(campaignId);
                b.screenshot("task-link-to-board");
            }
        }
        // the drafter finds the notice they drafted in 已办, with where it stands now
        b.login("tasklist", "yanglei", PW);
        openDone();
        assertThat(b.visible("#duban-done .box[data-loaded='true'] table.duban-done-drafted").getText()).contains("3·15")
                .contains(number.replace('[', '〔').replace(']', '〕'));
        b.screenshot("done-drafter");
        b.click("#duban-done .close");
        // the job executor distributes the notice: every unit gets its 签收 task
        b.until(d -> unitTasks(campaignId, UnitReportProcess.SIGN_NOTICE).isEmpty() ? null : Boolean.TRUE);

        // ---- the unit's reporter sees their own unit's task only, and signs for the notice: with nothing in 我的待办,
        // Tasklist opens on 本单位待办 where the 签收 waits (not on an empty list)
        b.login("tasklist", REPORTER, PW);
        b.until(d -> b.visible(".task-filter.active").getText().contains("本单位待办") ? Boolean.TRUE : null);
        b.until(d -> d.findElements(By.cssSelector(".tasks-list li.task")).size() == 1 ? Boolean.TRUE : null);
        List<WebElement> visible = b.driver.findElements(By.cssSelector(".tasks-list li.task"));
        assertThat(visible).hasSize(1);
        assertThat(visible.get(0).getText()).contains("签收").contains("2024年“3·15”国际消费者权益日活动方案").contains("沂源县历山街道社区卫生服务中心");
        filterCount("本单位待办", 1);
        assertThat(taskService.createTaskQuery().taskDefinitionKey(UnitReportProcess.SIGN_NOTICE)
                .processVariableValueEquals("campaignId", campaignId).count()).as("other units have theirs too").isGreaterThan(1);
        // no engine words or tools: no bare priority, no 新建任务, 键盘快捷键 or 发起流程 for a unit
        assertThat(b.driver.findElements(By.cssSelector(".tasks-list .task .priority, li.create-task-action, li.shortcut-help,"
                + " li.start-process-action, .ce-eol-banner")).stream().noneMatch(WebElement::isDisplayed)).isTrue();
        assertThat(b.visible("[cam-widget-header]").getText()).doesNotContain("新建任务").doesNotContain("键盘快捷键").doesNotContain("发起流程");
        b.screenshot("reporter-sees-own-task");
        current = unitTask(campaignId, UnitReportProcess.SIGN_NOTICE).getId();
        b.click(visible.get(0).findElement(By.cssSelector("h4.task a")));
        // nobody in the unit holds it, the reporter may do it: opening it takes it, 办结 is free (no 认领); no link into
        // Cockpit beside it (a unit has none)
        waitForForm();
        b.until(d -> d.findElements(By.cssSelector("a.instance-link")).stream().noneMatch(WebElement::isDisplayed) ? Boolean.TRUE : null);
        assertThat(taskService.createTaskQuery().taskId(current).singleResult().getAssignee()).isEqualTo(REPORTER);
        b.waitForText("负责信息报送的专人");
        b.screenshot("sign-notice");
        complete();
        awaitStatus(campaignId, UnitStatus.IN_PROGRESS);
        assertThat(b.visible("#duban-confirm").getText()).contains("已签收").contains("报送专人：吕娜").contains("我的待办");

        // ---- 填报: a bad figure is refused in Chinese, then the table, a summary and a photo go in
        openTask(REPORTER, unitTask(campaignId, UnitReportProcess.FILL_REPORT));
        b.visible("input[name='v_1']");
        for (int i = 1; i <= 11; i++) {
            if (!b.driver.findElements(By.cssSelector("input[name='v_" + i + "']")).isEmpty()) {
                b.type("input[name='v_" + i + "']", i == 3 ? "三" : "2");
            }
        }
        b.type("textarea#summary", "本单位开展“3·15”宣传活动，发放资料200份。");
        Path pdf = Files.write(files.resolve("huodong-zongjie.pdf"), "%PDF-1.4\n% duban e2e\n".getBytes());
        Path png = files.resolve("xianchang.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 6, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        b.driver.findElement(By.cssSelector("input#summaryFile")).sendKeys(pdf.toAbsolutePath().toString());
        b.waitForText("huodong-zongjie.pdf");
        // a file that is not an image: refused in Chinese at the photo field, no toast, 办结 still free to click
        Path fake = Files.writeString(files.resolve("jia-tupian.png"), "这不是图片");
        b.driver.findElement(By.cssSelector("input#photos")).sendKeys(fake.toAbsolutePath().toString());
        b.waitForText("不是 JPG、PNG");
        assertThat(b.visible("input#photos").findElement(By.xpath("..")).getText()).contains("jia-tupian.png").contains("不是 JPG、PNG");
        assertThat(b.pageText()).doesNotContain("通信错误").doesNotContain("ENGINE-");
        Object free = b.js("var btn = document.querySelector(\"button[ng-click='complete()']\"); btn.scrollIntoView({block: 'center'});"
                + " var r = btn.getBoundingClientRect(); var e = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                + " return e === btn || btn.contains(e);");
        assertThat(free).as("办结 is not covered").isEqualTo(Boolean.TRUE);
        b.js("arguments[0].scrollIntoView({block: 'center'})", b.visible("input#photos"));
        b.screenshot("refused-photo-at-field");
        b.driver.findElement(By.cssSelector("input#photos")).sendKeys(png.toAbsolutePath().toString());
        b.waitForText("xianchang.png");
        b.until(d -> b.pageText().contains("不是 JPG、PNG") ? null : Boolean.TRUE);
        // the server's own check answers each change: the bad figure is marked at its row as it is typed
        b.waitForText("不是数字");
        waitSaved();

        // nothing typed is lost: the page closed and the task opened again brings back the figures and the summary
        b.driver.navigate().to("about:blank");
        b.go(TASKLIST + "#/?task=" + current);
        waitForForm();
        b.waitForText("暂存的内容");
        assertThat(b.visible("input[name='v_1']").getAttribute("value")).isEqualTo("2");
        assertThat(b.visible("input[name='v_3']").getAttribute("value")).isEqualTo("三");
        assertThat(b.visible("textarea#summary").getAttribute("value")).contains("发放资料200份");
        b.screenshot("draft-restored-after-reload");
        waitSaved();

        // a refused 办结 on a phone: the first problem comes into view (not a list 2,500 px down), and the list under the
        // form follows each fix
        b.phone(true);
        b.type("input[name='v_5']", "-1");
        waitSaved();
        b.click("button[ng-click='complete()']");
        b.until(d -> b.visible("#problems").getText().contains("还有 2 处需要处理") ? Boolean.TRUE : null);
        b.until(d -> Boolean.TRUE.equals(b.js("var i = document.querySelector(\"input[name='v_3']\"); var r = i.getBoundingClientRect();"
                + " return document.activeElement === i && r.top >= 0 && r.bottom <= window.innerHeight;")) ? Boolean.TRUE : null);
        b.screenshot("phone-refused-first-problem-in-view");
        assertThat(reports.unit(campaignId, UNIT).status()).isEqualTo(UnitStatus.IN_PROGRESS);
        b.type("input[name='v_3']", "5");
        waitSaved();
        b.until(d -> b.visible("#problems").getText().contains("还有 1 处需要处理") ? Boolean.TRUE : null);
        assertThat(b.visible("#problems").getText()).doesNotContain("不是数字").contains("不能为负数");
        b.js("arguments[0].scrollIntoView({block: 'center'})", b.visible("#problems"));
        b.screenshot("phone-problems-follow-the-fixes");
        b.type("input[name='v_5']", "2");
        waitSaved();
        b.until(d -> d.findElements(By.id("problems")).isEmpty() ? Boolean.TRUE : null);
        b.phone(false);
        b.js("window.scrollTo(0, 0); document.querySelectorAll('.ctn-content-container, [cam-tasklist-task] .form-container, .task-details').forEach(function (e) { e.scrollTop = 0; });");
        b.screenshot("report-filled");
        complete();
        awaitStatus(campaignId, UnitStatus.SUBMITTED);
        assertThat(b.visible("#duban-confirm").getText()).contains("已报送（第 1 版）").contains("下一步：沂源县卫生健康局综合监督科审核");
        b.screenshot("confirm-handed-in");

        // ---- the reviewer returns it with a reason and a new due date: the report clicked in 待审核报送 is theirs by
        // opening it (nobody held it), 办结 free, no 认领
        b.login("tasklist", "wangshu", PW);
        current = unitTask(campaignId, UnitReportProcess.REVIEW_REPORT).getId();
        b.click(b.withText(".task-filter", "待审核报送"));
        b.click(b.withText(".tasks-list li.task h4.task a", "沂源县历山街道社区卫生服务中心"));
        waitForForm();
        b.waitForText("审核报送：沂源县历山街道社区卫生服务中心");
        assertThat(taskService.createTaskQuery().taskId(current).singleResult().getAssignee()).isEqualTo("wangshu");
        assertThat(b.driver.findElements(By.cssSelector("button.claim")).stream().noneMatch(WebElement::isDisplayed)).isTrue();
        b.screenshot("review-taken-by-opening");
        b.waitForText("huodong-zongjie.pdf");
        assertThat(b.pageText()).as("a small file's size in KB").contains("（1 KB）").doesNotContain("0.0 MB");
        b.click("input[name='approved'][ng-value='false']");
        refusedAt("#newDueDateError", "退回时请填写新的报送期限");
        assertThat(b.visible("#commentError").getText()).isEqualTo("退回时请填写退回理由");
        b.type("textarea#comment", "第3项请附活动台账后重报");
        b.set("input#newDueDate", calendar.onOrAfter(deadline.plusDays(2)).toString());
        b.screenshot("review-return");
        complete();
        awaitStatus(campaignId, UnitStatus.RETURNED);
        assertThat(b.visible("#duban-confirm").getText()).contains("已退回沂源县历山街道社区卫生服务中心").contains("已通知填报人");

        // the reviewer urges the returned unit on 跟踪报送进度: the note is written at the unit's row
        openTask("wangshu", task(campaignId, CampaignProcess.MONITOR_REPORTS));
        WebElement returned = b.visible("#monitorUnits tr[data-unit='" + UNIT + "']");
        assertThat(returned.getText()).contains("已退回");
        b.click(returned.findElement(By.cssSelector("button.urge")));
        WebElement urgeRow = b.visible("#monitorUnits tr.urge-row");
        assertThat(b.js("return arguments[0].previousElementSibling.getAttribute('data-unit')", urgeRow)).isEqualTo(UNIT);
        b.type("#urgeNote", "请今日内重报");
        b.click("#urgeSend");
        String urgedSaid = b.until(d -> {
            String t = b.visible("#urgeResult").getText();
            return t.isBlank() ? null : t;
        });
        assertThat(urgedSaid).contains("已催办 1 个单位：沂源县历山街道社区卫生服务中心");
        b.js("arguments[0].scrollIntoView({block: 'center'})", b.visible("#monitorUnits tr.urge-row"));
        b.screenshot("monitor-urge-at-row");
        // the mail links to the unit's own task (not Tasklist's start page) and says who urged
        String fillTask = unitTask(campaignId, UnitReportProcess.FILL_REPORT).getId();
        assertThat(jdbc.sql("SELECT text_body FROM duban_outbox WHERE campaign_id = ? AND kind = 'URGE'").param(campaignId)
                .query(String.class).list()).isNotEmpty()
                .allSatisfy(t -> assertThat(t).contains("王舒（沂源县卫生健康局综合监督科）催办").contains("#/?task=" + fillTask));

        // ---- the reporter, on a phone, sees the reason and the urge, fixes and hands in again (the attachments are kept)
        b.phone(true);
        b.login("tasklist", REPORTER, PW);
        openTask(REPORTER, unitTask(campaignId, UnitReportProcess.FILL_REPORT));
        assertThat(b.driver.findElements(By.cssSelector(".small-screen-warning")).stream().noneMatch(WebElement::isDisplayed)).isTrue();
        b.screenshot("phone-fill-form");
        b.waitForText("第3项请附活动台账后重报");
        assertThat(b.visible("#urges").getText()).contains("王舒").contains("请今日内重报").doesNotContain("wangshu");
        assertThat(b.pageText()).contains("第 1 版被退回（王舒");
        // 邮件: the return and the urge were addressed to the reporter by name (and copied to the unit's mailbox)
        b.click("button.navbar-toggle");
        b.click("#duban-mail-open");
        String mail = b.visible("#duban-done .box[data-loaded='true']").getText();
        assertThat(mail).contains(REPORTER + "@demo.duban.local").contains("退回通知").contains("催办");
        b.screenshot("mail-reporter");
        b.click("#duban-done .close");
        b.click("button.navbar-toggle");
        b.waitForText("保留上一版附件");
        b.screenshot("reporter-sees-reason");
        b.type("input[name='v_3']", "6");
        b.type("textarea#note", "已补充活动台账。");
        waitSaved();
        Object reachable = doneReachable();
        b.screenshot("phone-fill-form-filled");
        assertThat(reachable).as("on a phone 办结 stays on screen and uncovered while the form is filled").isEqualTo(Boolean.TRUE);
        complete();
        awaitStatus(campaignId, UnitStatus.SUBMITTED);
        assertThat(b.visible("#duban-confirm").getText()).contains("已报送（第 2 版）");
        b.screenshot("phone-confirm-handed-in");

        // 已办: the unit finds what it handed in, both versions, with their statuses and the review, by name
        openDone();
        String done = b.visible("#duban-done .box[data-loaded='true'] table.duban-done-handed-in").getText();
        assertThat(done).contains("第 2 版").contains("已报送，待审核").contains("第 1 版").contains("退回修改")
                .contains("第3项请附活动台账后重报").contains("王舒").contains("2024年“3·15”").doesNotContain(REPORTER);
        b.screenshot("done-reporter");
        b.click("#duban-done .close");
        b.phone(false);

        // ---- the reviewer approves; a colleague who opens the same report meanwhile is told who has it, reads it and
        // its files, and cannot 办结 it
        b.login("tasklist", "wangshu", PW);
        openTask("wangshu", unitTask(campaignId, UnitReportProcess.REVIEW_REPORT));
        b.waitForText("已补充活动台账");
        String held = current;
        b.login("tasklist", "yanglei", PW);
        b.go(TASKLIST + "#/?task=" + held);
        assertThat(b.visible("#duban-duty").getText()).isEqualTo("此任务由王舒办理中：您可以查看，不能办结。");
        b.waitForText("已补充活动台账");
        WebElement file = b.visible("a[href^='/api/attachments/']");
        assertThat(b.js("var a = arguments[0]; a.scrollIntoView({block: 'center'}); var r = a.getBoundingClientRect(); var e = document.elementFromPoint(r.left + r.width / 2,"
                + " r.top + r.height / 2); return getComputedStyle(a).pointerEvents !== 'none' && (e === a || a.contains(e));", file))
                .as("a file of the report opens for a colleague too").isEqualTo(Boolean.TRUE);
        assertThat(b.visible("button[ng-click='complete()']").isEnabled()).isFalse();
        assertThat(taskService.createTaskQuery().taskId(held).singleResult().getAssignee()).isEqualTo("wangshu");
        b.js("document.getElementById('duban-duty').scrollIntoView({block: 'center'})");
        b.screenshot("review-held-by-colleague");
        b.login("tasklist", "wangshu", PW);
        openTask("wangshu", unitTask(campaignId, UnitReportProcess.REVIEW_REPORT));
        b.waitForText("已补充活动台账");
        // the photo at a glance: a thumbnail that has loaded; the versions with names and Chinese statuses
        b.until(d -> Boolean.TRUE.equals(b.js("var i = document.querySelector('.duban-thumbs img'); return !!i && i.complete && i.naturalWidth > 0;"))
                ? Boolean.TRUE : null);
        b.click(b.withText("details summary", "历次版本"));
        assertThat(b.pageText()).contains("吕娜 于").contains("退回修改（王舒").doesNotContain("RETURNED").doesNotContain(REPORTER);
        b.click("input[name='approved'][ng-value='true']");
        b.screenshot("review-approve");
        // the reviewer opens it again on a phone: the report fills the screen, the photo is there, 办结 on screen
        b.phone(true);
        b.driver.navigate().to("about:blank");
        b.go(TASKLIST + "#/?task=" + current);
        b.waitForText("已补充活动台账");
        b.click("input[name='approved'][ng-value='true']");
        b.until(d -> Boolean.TRUE.equals(b.js("var i = document.querySelector('.duban-thumbs img'); return !!i && i.naturalWidth > 0"
                + " && document.querySelector('.column.tasks-list').offsetParent === null;")) ? Boolean.TRUE : null);
        assertThat(doneReachable()).as("on a phone the reviewer's 办结 is on screen and uncovered").isEqualTo(Boolean.TRUE);
        b.screenshot("phone-review");
        complete();
        awaitStatus(campaignId, UnitStatus.APPROVED);
        b.phone(false);
        openDone();
        assertThat(b.visible("#duban-done .box[data-loaded='true'] table.duban-done-reviewed").getText())
                .contains("审核通过").contains("退回修改").contains("沂源县历山街道社区卫生服务中心");
        b.click("#duban-done .close");

        // ---- Cockpit: the section head's dashboard shows the unit approved, its figures in the totals
        b.login("cockpit", "zhangke", PW);
        b.click(b.withText("a", "督办看板"));
        b.visible("#duban-dashboard[data-loaded='true']");
        b.visible("[data-campaign='" + campaignId + "']");
        b.screenshot("dashboard-campaigns");
        b.click("[data-campaign='" + campaignId + "'] a.title");
        WebElement row = b.visible("tr[data-unit='" + UNIT + "']");
        assertThat(row.getAttribute("data-bucket")).isEqualTo("APPROVED");
        assertThat(row.getText()).contains("已通过");
        assertThat(b.visible("table.totals").getText()).contains("6");
        assertThat(b.pageText()).contains("已通过 1").contains("未签收");
        b.screenshot("dashboard-campaign");
        // the board offers 催办 too: a unit that has not signed, urged with a note written at its row
        WebElement unsigned = b.visible("tr[data-bucket='NOT_SIGNED']");
        String unsignedName = unsigned.findElement(By.tagName("td")).getText();
        assertThat(row.findElements(By.cssSelector("button.urge"))).as("an approved unit owes nothing").isEmpty();
        b.click(unsigned.findElement(By.cssSelector("button.urge")));
        b.type("#duban-urge-note", "请尽快签收并报送");
        b.click("#duban-urge-send");
        b.until(d -> b.visible("#duban-urge-result").getText().contains("已催办 1 个单位：" + unsignedName) ? Boolean.TRUE : null);
        b.js("arguments[0].scrollIntoView({block: 'center'})", b.visible("tr.urge-row"));
        b.screenshot("dashboard-urge");
        // the downloads on the dashboard answer the section head with the workbooks
        for (String link : List.of("全县汇总表", "上报材料包")) {
            assertThat(b.fetch(b.withText(".downloads a", link).getAttribute("href"))).startsWith("200 application/");
        }
        assertThat(b.fetch(row.findElement(By.linkText("下载")).getAttribute("href")))
                .isEqualTo("200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        // the unit's own page: versions, figures, the photo, the urge and a timeline, names not ids, no engine pages
        b.click(row.findElement(By.cssSelector("a.unit-link")));
        b.visible("#duban-dashboard[data-loaded='true'] #duban-unit");
        assertThat(b.pageText()).contains("沂源县历山街道社区卫生服务中心").contains("第 2 版").contains("审核通过").contains("第 1 版")
                .contains("退回修改").contains("王舒 催办").contains("请今日内重报").contains("时间线").contains("吕娜 报送第 1 版")
                .doesNotContain(campaignId);
        // people by name everywhere on the page, the mail's recipients too (the demo addresses carry login ids)
        assertThat(b.visible("table.mails").getText()).contains("吕娜");
        assertThat(b.pageText()).doesNotContain(REPORTER).doesNotContain("wangshu").doesNotContain("@").doesNotContain("ENGINE-");
        assertThat(b.driver.findElements(By.cssSelector("#duban-dashboard a[href*='process-instance']"))).isEmpty();
        b.screenshot("dashboard-unit");
        // the campaign list: found by a word of its title; nothing found is said
        b.go("/camunda/app/cockpit/default/#/duban");
        b.visible("#duban-dashboard[data-loaded='true'] #duban-search");
        b.type("#duban-search", "消费者权益日");
        b.visible("[data-campaign='" + campaignId + "']");
        b.type("#duban-search", "没有这个通知");
        b.waitForText("没有符合条件的活动");

        // the section head's Cockpit starts on 督办看板, without the engine's pages in its navigation
        b.go("/camunda/app/cockpit/default/#/");
        b.until(d -> d.getCurrentUrl().contains("#/duban") ? Boolean.TRUE : null);
        b.visible("#duban-dashboard[data-loaded='true']");
        String nav = b.visible("ul[ng-controller='camHeaderViewsCtrl']").getText();
        assertThat(nav).contains("督办看板").doesNotContain("决策").doesNotContain("人工任务").doesNotContain("更多");
        assertThat(b.pageText()).doesNotContain("社区版");

        // ---- Cockpit's own pages (the operators') and Admin speak Chinese too
        b.login("cockpit", "operator", PW);
        b.go("/camunda/app/cockpit/default/#/processes");
        b.waitForText("运行中的实例");
        assertThat(b.pageText()).contains("流程").contains("督办看板").doesNotContain("COCKPIT_");
        b.screenshot("cockpit-processes-zh");
        b.login("admin", "operator", PW);
        b.go("/camunda/app/admin/default/#/users");
        b.waitForText("用户列表");
        assertThat(b.pageText()).doesNotContain("社区版").doesNotContain("迁移指南");
        assertThat(b.pageText()).as("Chinese names read right from the configuration").contains("管理员");
        assertThat(b.pageText()).doesNotContain("USERS_").doesNotContain("List of Users");
        b.screenshot("admin-users-zh");

        // ---- 单位名册: the operator adds the next office (told at the field what is wrong), then imports a CSV
        // after seeing what it changes
        b.go("/camunda/app/admin/default/#/");
        b.click("#duban-units-open");
        b.visible("#duban-units-table");
        assertThat(b.pageText()).contains("单位名册").contains("沂源县人民医院").contains("镇（街道）卫生院");
        b.click("#duban-units-add");
        b.type("#unit-code", "Yan Ya");
        b.type("#unit-name", "沂源县燕崖镇卫生院北山分院");
        b.set("#unit-type", "township");
        b.click("#duban-unit-save");
        assertThat(b.visible("#unit-code-error").getText()).contains("只能含小写字母");
        assertThat(b.visible("#unit-name").getAttribute("value")).as("nothing typed is lost").isEqualTo("沂源县燕崖镇卫生院北山分院");
        b.screenshot("admin-unit-refused-at-field");
        b.type("#unit-code", "ybsf");
        b.set("#unit-parentCode", "jkzx");
        b.type("#unit-reporterName", "韩梅");
        b.type("#unit-reporterUser", "ybsf-reporter");
        b.click("#duban-unit-save");
        assertThat(b.visible("#duban-units-message").getText()).contains("已保存：沂源县燕崖镇卫生院北山分院").contains("ybsf-reporter")
                .contains("设置初始密码");
        assertThat(b.visible("#duban-units-table tr[data-unit='ybsf']").getText()).contains("沂源县疾病预防控制中心").contains("镇（街道）卫生院");
        b.screenshot("admin-unit-added");
        Path csv = files.resolve("units-2026.csv");
        Files.writeString(csv, "单位编码,单位名称,单位类型\n" + units.active().stream()
                .map(u -> u.code() + "," + (u.code().equals("ybsf") ? "沂源县燕崖镇北山卫生院" : u.name()) + "," + u.type())
                .collect(java.util.stream.Collectors.joining("\n")) + "\n", java.nio.charset.Charset.forName("GB18030"));
        WebElement registryFile = b.driver.findElement(By.id("duban-units-file"));
        b.js("arguments[0].style.display = 'block';", registryFile);
        registryFile.sendKeys(csv.toAbsolutePath().toString());
        assertThat(b.visible("#duban-units-preview").getText()).contains("新增 0 个，变更 1 个，停用 0 个")
                .contains("名称 沂源县燕崖镇卫生院北山分院 → 沂源县燕崖镇北山卫生院");
        b.screenshot("admin-units-import-preview");
        b.click("#duban-units-apply");
        assertThat(b.visible("#duban-units-message").getText()).contains("已导入：新增 0 个，变更 1 个，停用 0 个");
        assertThat(b.visible("#duban-unit-changes").getText()).contains("运维").contains("沂源县燕崖镇北山卫生院")
                .contains("镇（街道）卫生院，上级单位：沂源县疾病预防控制中心").doesNotContain("township").doesNotContain("上级 jkzx");
        // the unit's people, each a link to their account in Admin (where the operator sets the first password)
        b.click(b.visible("#duban-units-table tr[data-unit='ybsf'] button.edit"));
        b.until(d -> d.findElements(By.cssSelector("#duban-unit-people li")).isEmpty() ? null : Boolean.TRUE);
        assertThat(b.visible("#duban-unit-people").getText()).contains("韩梅（ybsf-reporter）：单位填报专人");
        assertThat(b.js("var r = document.getElementById('duban-unit-form').getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight;"))
                .as("the edit form is brought into view").isEqualTo(Boolean.TRUE);
        b.screenshot("admin-unit-people");

        // ---- a wrong password: the login page says in Chinese how many tries are left; the fifth locks the
        // account from this address for a while, and Admin's dashboard shows the lock to operators, who may lift it early
        String said = b.refusedLogin("tasklist", "rmyy-reporter", "wrong-1");
        assertThat(said).contains("用户名或密码错误。再错 4 次，该账号在此网络地址将锁定 15 分钟。");
        assertThat(b.driver.findElements(By.cssSelector(".ce-eol-banner")).stream().noneMatch(WebElement::isDisplayed))
                .as("no end-of-life notice on the login page").isTrue();
        b.screenshot("login-wrong-password");
        // from the browser itself: a lock holds for the address the wrong passwords came from (chromium may reach
        // localhost over ::1 where the test's own client uses 127.0.0.1, and the account elsewhere is not locked)
        for (int i = 2; i <= 5; i++) {
            b.refusedLogin("tasklist", "rmyy-reporter", "wrong-" + i);
        }
        assertThat(b.refusedLogin("tasklist", "rmyy-reporter", PW)).contains("连续登录失败次数过多").contains("后再试");
        b.screenshot("login-locked");
        b.login("admin", "operator", PW);
        b.go("/camunda/app/admin/default/#/");
        b.visible("#duban-lockouts");
        assertThat(b.withText("#duban-lockouts tr", "rmyy-reporter").getText()).contains("账号 rmyy-reporter");
        assertThat(b.pageText()).contains("登录锁定与账号变更").contains("最近的账号变更");
        b.screenshot("admin-lockouts");
        // 工作日历 on the same start page: next year's schedule, when missing, is said; a year is loaded from a file
        int nextYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + 1;
        if (!calendar.knowsYear(nextYear)) {
            assertThat(b.visible("#duban-calendar-missing").getText()).contains(nextYear + " 年");
        }
        Path schedule = files.resolve("holidays-2041.csv");
        Files.writeString(schedule, "日期,类型,名称\n2041-01-01,休,元旦\n2041-02-03,班,春节调休\n");
        b.type("#calendar-year", "2041");
        b.driver.findElement(By.id("calendar-file")).sendKeys(schedule.toAbsolutePath().toString());
        // first what it changes, by date and name; two days are no year's schedule: it asks for a confirmation
        b.click("#calendar-preview");
        assertThat(b.visible("#calendar-flips").getText()).contains("2041-01-01（周二）：工作日→休息日（元旦）")
                .contains("2041-02-03（周日）：休息日→工作日（春节调休）");
        assertThat(b.visible("#calendar-doubts").getText()).contains("文件只有 1 天放假，少于每年的法定节假日");
        b.screenshot("admin-calendar-preview");
        b.click("#calendar-load");
        assertThat(b.visible("#calendar-message .text-danger").getText()).contains("请先核对上面的提示");
        assertThat(calendar.isWorkingDay(LocalDate.of(2041, 1, 1))).as("not loaded unconfirmed").isTrue();
        b.click("#calendar-confirm");
        b.click("#calendar-load");
        assertThat(b.visible("#calendar-message .text-success").getText()).isEqualTo("已载入 2041 年安排，共 2 天。");
        assertThat(calendar.isWorkingDay(LocalDate.of(2041, 1, 1))).isFalse();
        // and who did it, listed on the page
        assertThat(b.withText("#duban-calendar-changes tr", "载入 2041 年安排").getText()).contains("已确认：文件只有 1 天放假");
        b.screenshot("admin-calendar-loaded");
        // the loaded year read on the page, and offered as the file it is loaded from
        b.type("#calendar-show-year", "2041");
        b.click("#calendar-show");
        assertThat(b.visible("#calendar-days").getText()).contains("2041-01-01").contains("周二").contains("放假").contains("元旦")
                .contains("2041-02-03").contains("调休上班");
        assertThat(b.visible("#calendar-download").getAttribute("href")).endsWith("/api/calendar/years/2041/schedule.csv");
        b.js("arguments[0].scrollIntoView({block: 'center'})", b.visible("#calendar-days"));
        b.screenshot("admin-calendar-year-days");
        b.click(b.withText("#duban-lockouts tr", "rmyy-reporter").findElement(By.tagName("button")));
        b.waitForText("没有被锁定的账号或网络地址");
        assertThat(b.withText("#duban-account-changes tr", "解除登录锁定").getText()).contains("operator").contains("rmyy-reporter");
        b.screenshot("admin-lock-lifted");
        b.login("tasklist", "rmyy-reporter", PW);

        // ---- and a unit's people cannot open Cockpit: a Chinese refusal, not the dashboard
        b.login("tasklist", REPORTER, PW);
        b.go("/camunda/app/cockpit/default/#/duban");
        b.visible("#duban-error[data-status='403']");
        assertThat(b.pageText()).contains("无权访问").doesNotContain("督办看板");
        b.screenshot("unit-user-refused-by-cockpit");
    }

    /** Waits until what the page did has reached duban's tables: the unit's status. */
    void awaitStatus(String campaignId, UnitStatus status) {
        b.until(d -> reports.unit(campaignId, UNIT).status() == status ? Boolean.TRUE : null);
    }

    /** Opens the task as a mail's link does and waits until its form can be filled (a task nobody holds is taken by opening it). */
    /** Gives a test's person the Chinese name an administrator would (Driver.user names them by their login id). */
    void named(String userId, String name) {
        var ids = engine.getIdentityService();
        var u = ids.createUserQuery().userId(userId).singleResult();
        if (!name.equals(u.getFirstName())) {
            u.setFirstName(name);
            u.setLastName("");
            ids.saveUser(u);
        }
    }

    void openTask(String user, Task task) {
        current = task.getId();
        b.go(TASKLIST + "#/?task=" + task.getId());
        waitForForm();
    }

    /** Waits until 办结 can be clicked: the task is the person's, by assignment or by opening it (never a click on 认领). */
    void waitForForm() {
        b.visible("button[ng-click='complete()']");
        b.until(d -> d.findElements(By.cssSelector("button[ng-click='complete()']")).stream()
                .anyMatch(e -> e.isDisplayed() && e.isEnabled()) ? Boolean.TRUE : null);
    }

    /** Opens 已办 from the header (on a phone, from the header's menu). */
    void openDone() {
        if (!b.driver.findElement(By.id("duban-done-open")).isDisplayed()) {
            b.click("button.navbar-toggle");
        }
        b.click("#duban-done-open");
    }

    /** Waits until the filter of that name shows the count (duban/filter-counts.js). */
    void filterCount(String filter, int atLeast) {
        b.until(d -> d.findElements(By.cssSelector(".task-filter")).stream()
                .filter(f -> f.getText().contains(filter))
                .flatMap(f -> f.findElements(By.cssSelector(".duban-count")).stream())
                .anyMatch(c -> c.getText().matches("\\d+") && Integer.parseInt(c.getText()) >= atLeast) ? Boolean.TRUE : null);
    }

    /** Waits until the fill-in form has saved the last change as a draft and has the server's verdict on it. */
    void waitSaved() {
        b.until(d -> "saved".equals(d.findElement(By.id("draftState")).getAttribute("data-state")) ? Boolean.TRUE : null);
    }

    /** Waits until the drafting form has kept the last change on the server and has the rules' verdict on it. */
    void waitDraftSaved() {
        b.until(d -> "saved".equals(d.findElement(By.id("draftState")).getAttribute("data-state")) ? Boolean.TRUE : null);
    }

    /** Whether 办结 is on screen and nothing covers it. */
    Object doneReachable() {
        return b.js("var btn = document.querySelector(\"button[ng-click='complete()']\"); var r = btn.getBoundingClientRect();"
                + " var e = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                + " return r.bottom <= window.innerHeight && r.top >= 0 && (e === btn || btn.contains(e));");
    }

    /** Clicks 办结 until the form refuses it at the field (a click while the rules are still answering is told to wait). */
    void refusedAt(String field, String message) {
        String id = current;
        b.until(d -> {
            b.click("button[ng-click='complete()']");
            return d.findElements(By.cssSelector(field)).stream().anyMatch(WebElement::isDisplayed) ? Boolean.TRUE : null;
        });
        assertThat(b.visible(field).getText()).isEqualTo(message);
        assertThat(taskService.createTaskQuery().taskId(id).count()).as("the refused decision left the task open").isOne();
    }

    /**
     * Clicks 办结 until Tasklist has closed the task: a form that checks each change on the server asks to wait while
     * the last check is under way (正在检查刚修改的内容，请稍候再点“办结”), as a person would click again.
     */
    void completeOnceChecked() {
        String id = current;
        b.until(d -> {
            if (taskService.createTaskQuery().taskId(id).count() == 0) {
                return Boolean.TRUE;
            }
            d.findElements(By.cssSelector("button[ng-click='complete()']")).stream().filter(WebElement::isDisplayed).findFirst()
                    .ifPresent(b::click);
            return null;
        });
    }

    /**
     * Clicks 办结 and waits until Tasklist has closed the task; a form still checking the last change asks to wait
     * (请稍候再点“办结”), so a click that left the task open is made again after a while, as a person would.
     */
    void complete() {
        String id = current;
        for (int attempt = 1; ; attempt++) {
            b.click("button[ng-click='complete()']");
            try {
                b.until(java.time.Duration.ofSeconds(4), d -> taskService.createTaskQuery().taskId(id).count() == 0 ? Boolean.TRUE : null);
                return;
            } catch (org.openqa.selenium.TimeoutException e) {
                if (attempt == 8) {
                    throw e;
                }
            }
        }
    }

    Task task(String campaignId, String key) {
        return b.until(d -> taskService.createTaskQuery().taskDefinitionKey(key)
                .processVariableValueEquals("campaignId", campaignId).list().stream().findFirst().orElse(null));
    }

    Task unitTask(String campaignId, String key) {
        return b.until(d -> taskService.createTaskQuery().taskDefinitionKey(key)
                .processInstanceBusinessKey(campaignId + ":" + UNIT).list().stream().findFirst().orElse(null));
    }

    List<Task> unitTasks(String campaignId, String key) {
        return taskService.createTaskQuery().taskDefinitionKey(key).processVariableValueEquals("campaignId", campaignId).list();
    }
}
