package cn.duban.series;

import cn.duban.identity.CurrentUser;
import cn.duban.support.Forbidden;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/** A periodic return's series as the section reads it on the 督办看板: operators and the supervision section only. */
@RestController
class SeriesController {

    private final SeriesService series;

    private final cn.duban.campaign.CampaignAccess access;

    SeriesController(SeriesService series, cn.duban.campaign.CampaignAccess access) {
        this.access = access;
        this.series = series;
    }

    @GetMapping("/api/series/{id}")
    SeriesService.Matrix matrix(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id) {
        access.requireWatcher(user, id, "仅本通知的主办科室、局领导和运维人员可以查看定期报送的各期情况");
        return series.matrix(id);
    }
}
