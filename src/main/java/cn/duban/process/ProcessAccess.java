package cn.duban.process;

import cn.duban.identity.IdentitySetup;
import cn.duban.identity.Roles;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Who may start which process: every office's drafters start campaigns from Tasklist; every other instance is started
 * by duban.
 */
@Component
@Order(3)
class ProcessAccess implements ApplicationRunner {

    private final IdentitySetup identity;
    private final cn.duban.office.Offices offices;

    ProcessAccess(IdentitySetup identity, cn.duban.office.Offices offices) {
        this.identity = identity;
        this.offices = offices;
    }

    @Override
    public void run(ApplicationArguments args) {
        offices.all().forEach(this::drafters);
    }

    @org.springframework.context.event.EventListener
    void added(cn.duban.office.Offices.Added event) {
        drafters(event.office());
    }

    private void drafters(cn.duban.office.Office office) {
        String group = office.group(Roles.OfficeRole.DRAFTER);
        identity.grant(group, Resources.PROCESS_DEFINITION, CampaignProcess.KEY,
                ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ);
        identity.grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    }
}
