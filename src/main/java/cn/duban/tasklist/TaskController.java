package cn.duban.tasklist;

import cn.duban.identity.CurrentUser;
import cn.duban.identity.People;
import cn.duban.process.TaskDuties;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * What Tasklist asks when a person opens a task (tasklist/duban/claim.js): may they do it now, and who holds it — so
 * that a task nobody holds is taken by opening it, and one a colleague holds says by whom, never a greyed 办结 without
 * a word.
 */
@RestController
class TaskController {

    private final TaskDuties duties;
    private final People people;

    TaskController(TaskDuties duties, People people) {
        this.duties = duties;
        this.people = people;
    }

    @GetMapping("/api/tasks/{id}/duty")
    Map<String, Object> duty(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable String id) {
        return duties.of(id, user.id(), user.groups()).<Map<String, Object>>map(d -> {
            boolean mine = user.id().equals(d.holder());
            // who holds it is said to those it is offered to (Tasklist shows them as much); to others only that it is not theirs
            String holder = d.holder() == null || mine || !d.candidate() ? "" : people.names(List.of(d.holder())).getOrDefault(d.holder(), "其他人");
            return Map.of("found", true, "mayDo", d.mayDo(), "held", d.holder() != null, "mine", mine, "holderName", holder,
                    "message", message(d, mine, holder), "board", board(user, d));
        }).orElse(Map.of("found", false, "message", "该任务已经办结或不存在，请刷新任务列表"));
    }

    /**
     * Where Tasklist's ↗ beside the task's process leads: the campaign (and unit) on the 督办看板 for the section, Cockpit's
     * own page for operators ({@code "cockpit"}), nowhere for a unit's people ({@code ""}: they have no Cockpit).
     */
    static String board(CurrentUser user, TaskDuties.Duty d) {
        if (user.isOperator()) {
            return "cockpit";
        }
        if (!user.isSupervision() || d.campaignId() == null) {
            return "";
        }
        return "/camunda/app/cockpit/default/#/duban?campaign=" + java.net.URLEncoder.encode(d.campaignId(), java.nio.charset.StandardCharsets.UTF_8)
                + (d.unitCode() == null ? "" : "&unit=" + java.net.URLEncoder.encode(d.unitCode(), java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String message(TaskDuties.Duty d, boolean mine, String holder) {
        if (mine || (d.mayDo() && d.holder() == null)) {
            return "";
        }
        if (d.holder() != null && !holder.isEmpty()) {
            return "此任务由" + holder + "办理中：您可以查看，不能办结。";
        }
        return "此任务不属于您的职责：您可以查看，不能办理。";
    }
}
