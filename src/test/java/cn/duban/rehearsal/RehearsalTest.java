package cn.duban.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.campaign.CampaignTemplate;
import cn.duban.campaign.TemplateParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Issue #28 §10: 试运行 — a draft's timeline by the running notice's own rules, without waiting for the dates. */
class RehearsalTest {

    /** Weekends off, and 2026-10-01..07 (国庆) too. */
    static final Rehearsal.Days DAYS = new Rehearsal.Days() {
        boolean working(LocalDate d) {
            return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY
                    && (d.isBefore(LocalDate.of(2026, 10, 1)) || d.isAfter(LocalDate.of(2026, 10, 7)));
        }

        @Override
        public LocalDate onOrAfter(LocalDate day) {
            LocalDate d = day;
            while (!working(d)) {
                d = d.plusDays(1);
            }
            return d;
        }

        @Override
        public LocalDate workingDaysBefore(LocalDate day, int n) {
            LocalDate d = day;
            for (int left = n; left > 0; ) {
                d = d.minusDays(1);
                if (working(d)) {
                    left--;
                }
            }
            return d;
        }
    };

    static CampaignTemplate seed(String name) throws IOException {
        return TemplateParser.parse(new ClassPathResource("campaigns/" + name + ".yaml").getContentAsString(StandardCharsets.UTF_8));
    }

    static List<String> said(List<Rehearsal.Event> events) {
        return events.stream().map(e -> e.day() + " " + e.time() + " " + e.what() + " → " + e.who()).toList();
    }

    @Test
    void aNoticeDueOnAHolidayIsMovedAndItsRemindersOverdueMailAndDigestFollowTheCalendar() throws IOException {
        // signed off on Monday 2026-09-21, due 2026-10-03 (国庆): moved to Thursday 10-08; reminders 3 and 1 working days before
        var events = Rehearsal.timeline(seed("yiyuan-health-2024-315"), LocalDate.of(2026, 9, 21), LocalDate.of(2026, 10, 3),
                19, 0, 9, DAYS, 3);
        assertThat(said(events)).containsExactly(
                "2026-09-21  签发后印发通知，下发到 19 个单位（“通知下发”邮件），各单位在待办中签收 → 19 个单位",
                "2026-09-28 上午9时 报送提醒：距截止还有 10 天 → 尚未报送的单位",
                "2026-09-30 上午9时 最后提醒：距截止还有 8 天，同时发给单位负责人 → 尚未报送的单位及其负责人",
                "2026-10-08  报送截止（星期四）（通知所定 10月3日为休息日，顺延至此） → 19 个单位",
                "2026-10-09 上午9时 逾期通知：尚未报送的单位收到逾期邮件，同时发给单位负责人；督办看板标为逾期 → 尚未报送的单位及其负责人",
                "2026-10-09 上午9时 每天一封未报单位汇总邮件，直至全部报送 → 综合监督科");
    }

    @Test
    void aRollUpShowsTheMembersDayOfTheirOwnBeforeTheNoticesDeadline() throws IOException {
        CampaignTemplate t = TemplateParser.parse(new ClassPathResource("campaigns/yiyuan-health-2024-315.yaml")
                .getContentAsString(StandardCharsets.UTF_8)
                .replaceFirst("(?m)^  date: 2024-03-22$", "  date: 2026-10-20")
                + "\nrollup: {membersDue: 2026-10-17}\n");
        var events = Rehearsal.timeline(t, LocalDate.of(2026, 10, 9), null, 12, 10, 9, DAYS, 3);
        assertThat(said(events)).contains(
                "2026-10-17  下级单位（10 个）报送截止（星期六）：由汇总单位审核 → 10 个下级单位",
                "2026-10-18 上午9时 汇总单位每天收到本单位下级单位逾期未报汇总（直至报齐） → 汇总单位",
                "2026-10-18 上午9时 逾期通知（下级单位）：尚未报送的下级单位收到逾期邮件，同时发给其负责人 → 尚未报送的下级单位及其负责人",
                "2026-10-20  报送截止（星期二） → 2 个单位");
        assertThat(said(events)).filteredOn(s -> s.contains("最后提醒")).containsExactly(
                "2026-10-16 上午9时 最后提醒：距截止还有 1 天，同时发给单位负责人 → 尚未报送的下级单位及其负责人",
                "2026-10-19 上午9时 最后提醒：距截止还有 1 天，同时发给单位负责人 → 尚未报送的汇总单位和直报单位及其负责人");
    }

    @Test
    void aPeriodicReturnOpensEachPeriodAndCarriesOverAMissedOne() throws IOException {
        var events = Rehearsal.timeline(seed("county-medical-order-monthly"), LocalDate.of(2026, 12, 21), null, 8, 0, 9, DAYS, 2);
        List<String> s = said(events);
        assertThat(s.get(0)).startsWith("2026-12-21  签发：登记各期（定期报送，按月报送");
        assertThat(s).contains(
                "2027-02-01 上午8时 开放第 1 期（2027年1月），各单位待办中出现本期填报 → 8 个单位",
                "2027-02-05  报送截止（星期五） → 8 个单位",
                "2027-02-06 上午9时 本期未报送的单位结转上期数据（标为“结转”，仍计为逾期） → 综合监督科",
                "2027-04-05  第 3 期报送截止 → 8 个单位",
                "2028-01-05  第 12 期报送截止 → 8 个单位");
        assertThat(s).filteredOn(x -> x.contains("开放第")).hasSize(12);
        assertThat(s).filteredOn(x -> x.contains("本期未报送的单位结转上期")).as("periods shown in full: 2").hasSize(2);
        assertThat(events).isSortedAccordingTo(java.util.Comparator.comparing(Rehearsal.Event::day));
    }
}
