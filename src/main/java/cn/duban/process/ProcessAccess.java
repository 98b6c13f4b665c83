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

/** Who may start which process: drafters start campaigns from Tasklist; every other instance is started by duban. */
@Component
@Order(2)
class ProcessAccess implements ApplicationRunner {

    private final IdentitySetup identity;

    ProcessAccess(IdentitySetup identity) {
        this.identity = identity;
    }

    @Override
    public void run(ApplicationArguments args) {
        identity.grant(Roles.DRAFTER, Resources.PROCESS_DEFINITION, CampaignProcess.KEY,
                ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ);
        identity.grant(Roles.DRAFTER, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    }
}
