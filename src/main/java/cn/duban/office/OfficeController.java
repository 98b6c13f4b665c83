package cn.duban.office;

import cn.duban.identity.CurrentUser;
import cn.duban.identity.People;
import cn.duban.identity.Roles;
import cn.duban.support.Forbidden;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** 科室 in Admin: the offices with their people by role; operators and administrators add one. */
@RestController
class OfficeController {

    record OfficeForm(String code, String name) {}

    /** An office as Admin shows it: its groups and, per role, its people by name. */
    record OfficeView(String code, String name, Map<String, String> groups, Map<String, List<String>> people) {}

    private final Offices offices;
    private final IdentityService identityService;

    OfficeController(Offices offices, IdentityService identityService) {
        this.offices = offices;
        this.identityService = identityService;
    }

    @GetMapping("/api/offices")
    List<OfficeView> list(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
        if (!user.isSupervision()) {
            throw new Forbidden("仅局机关人员和运维人员可以查看科室");
        }
        return offices.all().stream().map(this::view).toList();
    }

    @PostMapping("/api/offices")
    OfficeView add(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @RequestBody(required = false) OfficeForm form) {
        if (!user.isOperator()) {
            throw new Forbidden("仅运维人员和系统管理员可以添加科室");
        }
        return view(offices.add(form == null ? null : form.code(), form == null ? null : form.name(), user.id()));
    }

    private OfficeView view(Office o) {
        Map<String, String> groups = new java.util.LinkedHashMap<>();
        Map<String, List<String>> people = new java.util.LinkedHashMap<>();
        for (Roles.OfficeRole role : Roles.OfficeRole.values()) {
            groups.put(role.label(), o.group(role));
            var members = cn.duban.engine.ClientCalls.asDuban(identityService,
                    () -> identityService.createUserQuery().memberOfGroup(o.group(role)).orderByUserId().asc().list());
            people.put(role.label(), members.stream().map(u -> People.name(u).isBlank() ? "（未填姓名）" : People.name(u)).toList());
        }
        return new OfficeView(o.code(), o.name(), groups, people);
    }
}
