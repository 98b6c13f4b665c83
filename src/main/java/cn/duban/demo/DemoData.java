package cn.duban.demo;

import cn.duban.support.DubanProperties;
import cn.duban.process.NoticeApprovalProcess;
import cn.duban.process.CampaignProcess;
import cn.duban.identity.IdentitySetup;
import cn.duban.identity.Roles;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The demo county: the supervision section's people (the units come from the demo unit CSV), and on
 * first start a campaign from seed 000 with its deadline ten days from today, drafted, reviewed and
 * signed off so that every unit has its task waiting. Prints where to log in.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "duban.demo.enabled", havingValue = "true")
public class DemoData implements ApplicationRunner {

    public static final String SEED_000 = "yiyuan-health-2024-315";
    /** The demo's second office, 疾病预防控制科. */
    static final String DEMO_OFFICE = "jkk";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** id, name, roles */
    static final List<String[]> SECTION = List.of(
            new String[] {"yanglei", "杨磊", Roles.DRAFTER + "," + Roles.REVIEWER},
            new String[] {"wangshu", "王舒", Roles.REVIEWER},
            new String[] {"zhangke", "张珂", Roles.SECTION_HEAD},
            new String[] {"lijun", "李军", Roles.LEADER},
            new String[] {"operator", "运维", Roles.OPERATOR},
            // a second office of the bureau: its own notices, its own 核稿 and reviews
            new String[] {"liufang", "刘芳", Roles.officeGroup(DEMO_OFFICE, Roles.OfficeRole.DRAFTER) + ","
                    + Roles.officeGroup(DEMO_OFFICE, Roles.OfficeRole.REVIEWER)},
            new String[] {"zhaoming", "赵明", Roles.officeGroup(DEMO_OFFICE, Roles.OfficeRole.HEAD)});

    private final IdentityService identityService;
    private final IdentitySetup identitySetup;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final Clock clock;
    private final Environment env;
    private final String password;
    private final boolean campaign;
    private final cn.duban.office.Offices offices;

    public DemoData(IdentityService identityService, IdentitySetup identitySetup, RuntimeService runtimeService,
                    TaskService taskService, Clock clock, Environment env, DubanProperties settings,
                    cn.duban.office.Offices offices) {
        this.offices = offices;
        String password = settings.demo().password();
        this.identityService = identityService;
        this.identitySetup = identitySetup;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.clock = clock;
        this.env = env;
        this.password = password;
        this.campaign = settings.demo().campaign();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (offices.find(DEMO_OFFICE).isEmpty()) {
            offices.add(DEMO_OFFICE, "疾病预防控制科", "system");
        }
        for (String[] p : SECTION) {
            if (identityService.createUserQuery().userId(p[0]).count() == 0) {
                User u = identityService.newUser(p[0]);
                u.setFirstName(p[1].substring(0, 1));
                u.setLastName(p[1].substring(1));
                u.setEmail(p[0] + "@demo.duban.local");
                u.setPassword(password);
                identityService.saveUser(u);
            }
            for (String role : p[2].split(",")) {
                identitySetup.ensureMembership(p[0], role);
            }
        }
        personalAddresses();
        if (campaign
                && runtimeService.createProcessInstanceQuery().processDefinitionKey(CampaignProcess.KEY).count() == 0) {
            startSeedCampaign();
        }
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        log.info("""

                ==============================================================
                 duban 督办 is running with demo data
                 Tasklist: http://localhost:{}/camunda/app/tasklist/
                 Cockpit:  http://localhost:{}/camunda/app/cockpit/
                 Admin:    http://localhost:{}/camunda/app/admin/
                 Logins (password "{}" unless noted):
                   admin / admin            system administrator
                   yanglei                  综合监督科 拟稿人 + 审核人
                   wangshu                  综合监督科 审核人
                   zhangke                  综合监督科 科长（核稿）
                   liufang, zhaoming        疾病预防控制科 拟稿人+审核人, 负责人（核稿）
                   lijun                    局领导（签发）
                   operator                 运维人员（Cockpit, Admin）
                   rmyy-reporter            沂源县人民医院 填报专人
                   rmyy-head                沂源县人民医院 负责人
                   <unit>-reporter / <unit>-head for every unit in units/demo-units.csv
                ==============================================================""",
                port, port, port, password);
    }

    /** Seed 000 as a live campaign: drafted by 杨磊, reviewed by 张珂, signed by 李军. */
    /**
     * Each demo person of a unit gets an address of their own (lsjd-reporter@demo.duban.local) instead of the unit's
     * mailbox, so that mail reaches the named person, copied to the unit's mailbox, and each person reads their own
     * under 邮件 in Tasklist.
     */
    private void personalAddresses() {
        for (String role : List.of(Roles.REPORTER, Roles.UNIT_HEAD)) {
            for (User u : identityService.createUserQuery().memberOfGroup(role).list()) {
                String own = u.getId() + "@demo.duban.local";
                if (u.getEmail() != null && u.getEmail().endsWith("@demo.duban.local") && !u.getEmail().equals(own)) {
                    u.setEmail(own);
                    identityService.saveUser(u);
                }
            }
        }
    }

    private void startSeedCampaign() {
        LocalDate deadline = LocalDate.now(clock).plusDays(10);
        as("yanglei", () -> runtimeService.startProcessInstanceByKey(CampaignProcess.KEY, Map.of(
                CampaignProcess.TEMPLATE_CODE.name(), SEED_000,
                CampaignProcess.DEADLINE.name(), Variables.stringValue(deadline.toString(), true))));
        complete("yanglei", NoticeApprovalProcess.DRAFT_NOTICE, Map.of());
        complete("zhangke", NoticeApprovalProcess.REVIEW_NOTICE, Map.of(NoticeApprovalProcess.NOTICE_REVIEWED.name(), true,
                NoticeApprovalProcess.COMMENT.name(), Variables.stringValue("同意，请领导签发。", true)));
        complete("lijun", NoticeApprovalProcess.SIGN_OFF_NOTICE, Map.of(NoticeApprovalProcess.NOTICE_SIGNED.name(), true,
                NoticeApprovalProcess.COMMENT.name(), Variables.stringValue("同意印发。", true)));
        log.info("Demo campaign from seed 000 issued; deadline {}", deadline);
    }

    private void complete(String user, String taskKey, Map<String, Object> variables) {
        as(user, () -> {
            var task = taskService.createTaskQuery().taskDefinitionKey(taskKey).singleResult();
            taskService.complete(task.getId(), variables);
            return null;
        });
    }

    private <T> T as(String user, java.util.function.Supplier<T> work) {
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
        identityService.setAuthentication(user, groups);
        try {
            return work.get();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
