package cn.duban.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the role groups and what each role may do (Camunda authorizations are on). Runs at every
 * start and only adds what is missing, so an admin's later changes in Admin are kept.
 *
 * <p>A unit's people get no global permission at all: they see a task only because the engine grants
 * its candidate group or assignee access to it.
 */
@Component
@Order(1)
public class IdentitySetup implements ApplicationRunner {

    private static final String WORKFLOW = "WORKFLOW";

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;

    public IdentitySetup(IdentityService identityService, AuthorizationService authorizationService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
    }

    @Override
    public void run(ApplicationArguments args) {
        Roles.NAMES.forEach((id, name) -> ensureGroup(id, name, WORKFLOW));

        for (String role : Roles.NAMES.keySet()) {
            grant(role, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        }
        for (String role : List.of(Roles.DRAFTER, Roles.REVIEWER, Roles.SECTION_HEAD, Roles.LEADER, Roles.OPERATOR)) {
            grantSectionRole(role);
        }
        // the section works with everyone: Tasklist names who holds a task, and the roles and units it is offered to, by
        // name, not by login id or group id
        for (String role : List.of(Roles.DRAFTER, Roles.REVIEWER, Roles.SECTION_HEAD, Roles.LEADER)) {
            grant(role, Resources.USER, "*", Permissions.READ);
            grant(role, Resources.GROUP, "*", Permissions.READ);
        }
        // operators watch (processes, tasks, history, incidents), retry failed jobs and manage users in Admin; they
        // decide nothing: no task work or assignment, no deleting, moving or suspending instances (Duties holds the
        // same for every path and for the administrator too)
        grant(Roles.OPERATOR, Resources.APPLICATION, "admin", Permissions.ACCESS);
        limit(Roles.OPERATOR, Resources.PROCESS_INSTANCE, OPERATOR_ON_INSTANCES);
        limit(Roles.OPERATOR, Resources.PROCESS_DEFINITION, OPERATOR_ON_DEFINITIONS);
        grant(Roles.OPERATOR, Resources.USER, "*", Permissions.ALL);
        grant(Roles.OPERATOR, Resources.GROUP, "*", Permissions.ALL);
        grant(Roles.OPERATOR, Resources.GROUP_MEMBERSHIP, "*", Permissions.ALL);
        grant(Roles.OPERATOR, Resources.AUTHORIZATION, "*", Permissions.READ);
    }

    /** What operators may do to process instances: read them, retry their jobs, annotate incidents (UPDATE). */
    static final Permission[] OPERATOR_ON_INSTANCES = {ProcessInstancePermissions.READ, ProcessInstancePermissions.RETRY_JOB,
            ProcessInstancePermissions.UPDATE};
    /** ... and through a definition: read its instances, tasks and history, retry jobs, start their own (not duban's) processes. */
    static final Permission[] OPERATOR_ON_DEFINITIONS = {ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
            ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.RETRY_JOB,
            ProcessDefinitionPermissions.UPDATE_INSTANCE, ProcessDefinitionPermissions.CREATE_INSTANCE};

    /**
     * Grants a group exactly these permissions on every resource of a type. Earlier versions gave operators ALL (task
     * work and deletion included): such a grant is cut back to the list; a grant an administrator narrowed is kept.
     */
    private void limit(String groupId, Resource resource, Permission... permissions) {
        Authorization auth = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId("*").list().stream()
                .filter(a -> a.getAuthorizationType() == AUTH_TYPE_GRANT)
                .findFirst().orElse(null);
        if (auth != null && auth.isEveryPermissionGranted()) {
            authorizationService.deleteAuthorization(auth.getId());
        }
        grant(groupId, resource, "*", permissions);
    }

    /** What the bureau's staff may open and read: Tasklist, Cockpit (the 督办看板), the processes' definitions and instances. */
    public void grantSectionRole(String group) {
        grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(group, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
        grant(group, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ);
        grant(group, Resources.DEPLOYMENT, "*", Permissions.READ);
        grant(group, Resources.DECISION_DEFINITION, "*", Permissions.READ);
    }

    public void ensureGroup(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group g = identityService.newGroup(id);
            g.setName(name);
            g.setType(type);
            identityService.saveGroup(g);
        }
    }

    public void ensureMembership(String userId, String groupId) {
        if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identityService.createMembership(userId, groupId);
        }
    }

    /** Grants a group permissions on a resource, adding to what it already holds. */
    public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization auth = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).list().stream()
                .filter(a -> a.getAuthorizationType() == AUTH_TYPE_GRANT)
                .findFirst().orElse(null);
        if (auth == null) {
            auth = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            auth.setGroupId(groupId);
            auth.setResource(resource);
            auth.setResourceId(resourceId);
        }
        boolean changed = auth.getId() == null;
        for (Permission p : permissions) {
            if (!auth.isPermissionGranted(p)) {
                auth.addPermission(p);
                changed = true;
            }
        }
        if (changed) {
            authorizationService.saveAuthorization(auth);
        }
    }

    /** Grants every user a permission on one resource (used for the shared Tasklist filters). */
    public void grantEveryone(Resource resource, String resourceId, Permission permission) {
        if (authorizationService.createAuthorizationQuery().resourceType(resource).resourceId(resourceId)
                .authorizationType(AUTH_TYPE_GLOBAL).count() == 0) {
            Authorization auth = authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
            auth.setUserId(Authorization.ANY);
            auth.setResource(resource);
            auth.setResourceId(resourceId);
            auth.addPermission(permission);
            authorizationService.saveAuthorization(auth);
        }
    }
}
