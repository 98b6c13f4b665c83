package cn.duban.rehearsal;

import cn.duban.campaign.CampaignTemplate;
import cn.duban.campaign.Deadlines;
import cn.duban.campaign.Periods;
import cn.duban.reminder.ReminderPolicy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * 试运行: what a notice would do, day by day, if it were signed off on a given day — when it goes out, which
 * reminders go to whom, when it is due (moved to a working day or not), the overdue mail and the section's digest,
 * a roll-up's members' own day, each period of a periodic return opening and closing, a carry-over — worked out by
 * the rules the running notice follows ({@link Deadlines}, {@link ReminderPolicy}, {@link Periods}, the work
 * calendar, {@link CampaignTemplate.Rollup#membersDueFor}), so the drafter sees it without waiting for the dates,
 * and nothing is kept. Pure: no database, no engine (RehearsalTest).
 */
public final class Rehearsal {

    private Rehearsal() {}

    /**
     * One thing that would happen.
     *
     * @param day  the day
     * @param time its hour as the person sees it (上午8时), or empty for the whole day
     * @param what what happens, in a clerk's words
     * @param who  whom it reaches (各单位, 尚未报送的单位及其负责人, 综合监督科)
     */
    public record Event(LocalDate day, String time, String what, String who) {}

    /** The working-day rules of the county's calendar. */
    public interface Days {
        LocalDate onOrAfter(LocalDate day);

        LocalDate workingDaysBefore(LocalDate day, int n);
    }

    /**
     * The notice's timeline.
     *
     * @param signOff       the day it would be signed off (签发) and go out
     * @param override      the deadline the drafter typed, or null for the notice's own
     * @param units         how many units it would go to
     * @param members       how many of them report through an intermediate (a roll-up)
     * @param reminderHour  the hour of the daily reminder check
     * @param periodsShown  how many periods of a periodic return are shown in full (the rest by their dates only)
     */
    public static List<Event> timeline(CampaignTemplate t, LocalDate signOff, LocalDate override, int units, int members,
                                       int reminderHour, Days days, int periodsShown) {
        List<Event> out = new ArrayList<>();
        String hour = "上午" + reminderHour + "时";
        String section = t.section() == null || t.section().isBlank() ? "主办科室" : t.section();
        if (t.runsInPeriods()) {
            var p = t.periodic();
            out.add(new Event(signOff, "", "签发：登记各期（" + Periods.describe(p) + "）", section));
            List<Periods.Period> periods = Periods.of(p, signOff, days::onOrAfter).stream()
                    .filter(x -> !Periods.dueDate(p, x, days::onOrAfter).isBefore(signOff)).toList();
            if (periods.size() < Periods.of(p, signOff, days::onOrAfter).size()) {
                out.add(new Event(signOff, "", "已过报送期限的 " + (Periods.of(p, signOff, days::onOrAfter).size() - periods.size())
                        + " 期不再开放", section));
            }
            for (int i = 0; i < periods.size(); i++) {
                Periods.Period x = periods.get(i);
                LocalDate due = Periods.dueDate(p, x, days::onOrAfter);
                LocalDate opens = x.opens().isBefore(signOff) ? signOff : x.opens();
                out.add(new Event(opens, "上午8时", "开放第 " + x.no() + " 期（" + x.label() + "），各单位待办中出现本期填报", units + " 个单位"));
                if (i < periodsShown) {
                    out.addAll(oneRound(t, opens, due, moved(p.movesToWorkingDay(), x.due(), due), hour, section, units, 0, days));
                    if (p.carriesOver()) {
                        out.add(new Event(due.plusDays(1), hour, "本期未报送的单位结转上期数据（标为“结转”，仍计为逾期）", section));
                    }
                } else {
                    out.add(new Event(due, "", "第 " + x.no() + " 期报送截止" + moved(p.movesToWorkingDay(), x.due(), due), units + " 个单位"));
                }
            }
        } else {
            LocalDate due = Deadlines.compute(t, override, signOff, days::onOrAfter);
            LocalDate said = override != null ? override
                    : t.deadline().date() != null ? t.deadline().date() : signOff.plusDays(t.deadline().daysAfterIssue());
            out.add(new Event(signOff, "", "签发后印发通知，下发到 " + units + " 个单位（“通知下发”邮件），各单位在待办中签收", units + " 个单位"));
            out.addAll(oneRound(t, signOff, due, moved(t.deadline().moveToWorkingDay(), said, due), hour, section, units, members, days));
        }
        out.sort(Comparator.comparing(Event::day));
        return List.copyOf(out);
    }

    /** One due date's reminders, deadline, overdue mail and digest (and a roll-up's members' before it). */
    private static List<Event> oneRound(CampaignTemplate t, LocalDate from, LocalDate due, String movedNote, String hour,
                                        String section, int units, int members, Days days) {
        List<Event> out = new ArrayList<>();
        var r = t.reminders();
        if (members > 0 && t.rollsUp()) {
            LocalDate membersDue = t.rollup().membersDueFor(due, days::workingDaysBefore);
            out.addAll(reminders(r, from, membersDue, hour, "尚未报送的下级单位", days));
            out.add(new Event(membersDue, "", "下级单位（" + members + " 个）报送截止" + weekday(membersDue) + "：由汇总单位审核", members + " 个下级单位"));
            if (r.sendsOverdueMail()) {
                out.add(new Event(membersDue.plusDays(1), hour, "逾期通知（下级单位）：尚未报送的下级单位收到逾期邮件，同时发给其负责人",
                        "尚未报送的下级单位及其负责人"));
            }
            if (r.sendsDailyDigest()) {
                out.add(new Event(membersDue.plusDays(1), hour, "汇总单位每天收到本单位下级单位逾期未报汇总（直至报齐）", "汇总单位"));
            }
        }
        out.addAll(reminders(r, from, due, hour, members > 0 ? "尚未报送的汇总单位和直报单位" : "尚未报送的单位", days));
        out.add(new Event(due, "", "报送截止" + weekday(due) + movedNote, (units - members) + " 个单位"));
        if (r.sendsOverdueMail()) {
            out.add(new Event(due.plusDays(1), hour, "逾期通知：尚未报送的单位收到逾期邮件，同时发给单位负责人；督办看板标为逾期", "尚未报送的单位及其负责人"));
        } else {
            out.add(new Event(due.plusDays(1), "", "督办看板将尚未报送的单位标为逾期（本通知不发逾期邮件）", section));
        }
        if (r.sendsDailyDigest()) {
            out.add(new Event(due.plusDays(1), hour, "每天一封未报单位汇总邮件，直至全部报送", section));
        }
        return out;
    }

    /** The reminders a unit still owing would get before {@code due}, by the rule the daily check follows. */
    private static List<Event> reminders(CampaignTemplate.Reminders r, LocalDate from, LocalDate due, String hour, String who, Days days) {
        List<Event> out = new ArrayList<>();
        Optional<ReminderPolicy.Step> last = Optional.empty();
        for (LocalDate day = from; !day.isAfter(due); day = day.plusDays(1)) {
            Optional<ReminderPolicy.Step> step = ReminderPolicy.stepReached(day, due, r, days::workingDaysBefore);
            if (step.isPresent() && !step.equals(last)) {
                boolean lastOne = step.get().kind() == ReminderPolicy.Kind.LAST_REMINDER;
                out.add(new Event(day, hour, lastOne ? "最后提醒：距截止" + (day.equals(due) ? "当天" : "还有 " + java.time.temporal.ChronoUnit.DAYS.between(day, due) + " 天")
                        + "，同时发给单位负责人" : "报送提醒：距截止还有 " + java.time.temporal.ChronoUnit.DAYS.between(day, due) + " 天",
                        who + (lastOne ? "及其负责人" : "")));
                last = step;
            }
        }
        return out;
    }

    private static String moved(boolean moves, LocalDate said, LocalDate due) {
        return moves && !said.equals(due) ? "（通知所定 " + said.getMonthValue() + "月" + said.getDayOfMonth() + "日为休息日，顺延至此）" : "";
    }

    private static String weekday(LocalDate day) {
        return "（" + switch (day.getDayOfWeek()) {
            case MONDAY -> "星期一";
            case TUESDAY -> "星期二";
            case WEDNESDAY -> "星期三";
            case THURSDAY -> "星期四";
            case FRIDAY -> "星期五";
            case SATURDAY -> "星期六";
            case SUNDAY -> "星期日";
        } + "）";
    }
}
