package cn.duban.rehearsal;

import cn.duban.calendar.WorkCalendar;
import cn.duban.campaign.CampaignService;
import cn.duban.campaign.CampaignTemplate;
import cn.duban.report.Rollups;
import cn.duban.support.DubanProperties;
import cn.duban.unit.Units;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 试运行 of a draft: its timeline ({@link Rehearsal}) as if it were signed off today (or on a day the drafter gives),
 * with the units it would reach in today's registry and the county's calendar; nothing is started or kept.
 */
@Service
@Transactional(readOnly = true)
public class RehearsalService {

    /** Periods of a periodic return shown with their reminders; the rest by their dates only. */
    static final int PERIODS_SHOWN = 3;

    private final CampaignService campaigns;
    private final Units units;
    private final Rollups rollups;
    private final WorkCalendar calendar;
    private final Clock clock;
    private final int reminderHour;

    RehearsalService(CampaignService campaigns, Units units, Rollups rollups, WorkCalendar calendar, Clock clock, DubanProperties settings) {
        this.campaigns = campaigns;
        this.units = units;
        this.rollups = rollups;
        this.calendar = calendar;
        this.clock = clock;
        this.reminderHour = settings.reminders().hour();
    }

    /** The timeline, or (when the draft cannot run as it stands) its problems. */
    public record Result(List<Rehearsal.Event> events, List<String> problems, int units, LocalDate signOff) {}

    public Result rehearse(String campaignId, CampaignTemplate built, LocalDate deadline, LocalDate signOff) {
        LocalDate today = LocalDate.now(clock);
        LocalDate day = signOff == null ? today : signOff;
        List<String> problems = new java.util.ArrayList<>(campaigns.draftProblems(campaignId, built, deadline, null));
        String bad = badDay(day, today);
        if (bad != null) {
            problems.add(bad);
        }
        if (!problems.isEmpty()) {
            return new Result(List.of(), problems, 0, day);
        }
        Set<String> codes = built.targets().activeCodes(units);
        int members = rollups.fromRegistry(built, codes).size();
        var days = new Rehearsal.Days() {
            @Override
            public LocalDate onOrAfter(LocalDate d) {
                return calendar.onOrAfter(d);
            }

            @Override
            public LocalDate workingDaysBefore(LocalDate d, int n) {
                return calendar.workingDaysBefore(d, n);
            }
        };
        return new Result(Rehearsal.timeline(built, day, deadline, codes.size(), members, reminderHour, days, PERIODS_SHOWN),
                List.of(), codes.size(), day);
    }

    /** Why a day cannot be rehearsed from (in the past, too far ahead), or null. */
    static String badDay(LocalDate day, LocalDate today) {
        if (day.isBefore(today)) {
            return "试运行的签发日期不能早于今天";
        }
        return day.isAfter(today.plusYears(2)) ? "试运行的签发日期最多在两年之内" : null;
    }
}
