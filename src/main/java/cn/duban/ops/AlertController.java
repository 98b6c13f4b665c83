package cn.duban.ops;

import cn.duban.identity.CurrentUser;
import cn.duban.support.Forbidden;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/** The alerts on Cockpit's start page (cockpit/duban/alerts.js): the operators' and administrators' only. */
@RestController
class AlertController {

    private final Alerts alerts;

    AlertController(Alerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/api/ops/alerts")
    Alerts.Panel alerts(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
        if (!user.isOperator()) {
            throw new Forbidden("仅运维人员和系统管理员可以查看运维告警");
        }
        return alerts.panel();
    }
}
