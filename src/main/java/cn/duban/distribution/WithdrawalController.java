package cn.duban.distribution;

import cn.duban.identity.CurrentUser;
import cn.duban.identity.People;
import cn.duban.report.ReportService;
import cn.duban.report.Withdrawal;
import cn.duban.support.Forbidden;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** 撤销该单位的报送 on the 督办看板: the section (its drafters and its head) withdraws a unit, with a reason. */
@RestController
class WithdrawalController {

    record WithdrawalRequest(String reason) {}

    /** A withdrawal as the board shows it: who, by name. */
    record WithdrawalView(String unitCode, String statusBeforeLabel, String reason, String withdrawnByName, LocalDateTime withdrawnAt) {}

    private final UnitWithdrawal withdrawals;
    private final ReportService reports;
    private final People people;

    private final cn.duban.campaign.CampaignAccess access;

    WithdrawalController(UnitWithdrawal withdrawals, ReportService reports, People people, cn.duban.campaign.CampaignAccess access) {
        this.access = access;
        this.withdrawals = withdrawals;
        this.reports = reports;
        this.people = people;
    }

    @PostMapping("/api/campaigns/{id}/units/{unit}/withdrawal")
    WithdrawalView withdraw(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id,
                            @PathVariable String unit, @RequestBody(required = false) WithdrawalRequest body) {
        if (!access.decides(user, id)) {
            throw new Forbidden("只有本通知主办科室的拟稿人和负责人可以撤销单位的报送");
        }
        return view(withdrawals.withdraw(id, unit, body == null ? null : body.reason(), user.id()));
    }

    @GetMapping("/api/campaigns/{id}/withdrawals")
    List<WithdrawalView> list(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id) {
        access.requireWatcher(user, id, "仅本通知的主办科室、局领导和运维人员可以查看撤销记录");
        return reports.withdrawals(id).stream().map(this::view).toList();
    }

    private WithdrawalView view(Withdrawal w) {
        String name = people.names(List.of(w.withdrawnBy())).getOrDefault(w.withdrawnBy(), "综合监督科");
        return new WithdrawalView(w.unitCode(), w.statusBefore().label(), w.reason(), name, w.withdrawnAt());
    }
}
