package cn.duban.engine;

import cn.duban.support.Refusal;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * What duban's guarded engine services share: telling a client's call from duban's own, and answering a refusal
 * the way the engine's REST APIs pass it on.
 */
public final class ClientCalls {

    private ClientCalls() {}

    /**
     * What a person reads when Camunda's authorizations refuse them: what they may not do, in Chinese, without the
     * engine's English text or the ids it names.
     */
    public static String notPermitted(org.camunda.bpm.engine.AuthorizationException e) {
        String resource = e.getMissingAuthorizations().isEmpty() ? e.getResourceType()
                : e.getMissingAuthorizations().get(0).getResourceType();
        String what = switch (resource == null ? "" : resource) {
            case "Task" -> "查看或办理该任务";
            case "ProcessDefinition" -> "查看或发起该流程";
            case "ProcessInstance" -> "查看或处理该流程实例";
            case "User", "Group", "GroupMembership", "Tenant", "TenantMembership" -> "维护用户和角色";
            case "Authorization" -> "维护权限";
            case "Deployment" -> "管理流程部署";
            case "Batch" -> "执行批量操作";
            case "Filter" -> "使用该任务筛选";
            default -> "执行此操作";
        };
        return "您没有权限" + what + "；如确需办理，请联系系统管理员";
    }

    /**
     * A client's call: a person is logged in (the webapps, /engine-rest and duban's API all set the engine's
     * authentication) and no engine command runs on this thread. duban's own code inside listeners and delegates,
     * and what the job executor does, is not a client.
     */
    public static boolean isClientCall(IdentityService identityService) {
        return Context.getCommandContext() == null && identityService.getCurrentAuthentication() != null;
    }

    /** The groups of whoever is logged in; empty when nobody is. */
    public static List<String> groups(IdentityService identityService) {
        Authentication auth = identityService.getCurrentAuthentication();
        return auth == null || auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
    }

    /**
     * Runs work duban does itself on a person's behalf as duban, without the person's engine authentication: starting
     * a process of its own that they asked for through duban's API (duban's guards refuse it as their own call), or
     * reading the names of people duban's records name past Camunda's authorizations. Their authentication is
     * restored afterwards.
     */
    public static <T> T asDuban(IdentityService identityService, Supplier<T> work) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    /** Runs a service call; a refusal of duban's rules inside it reaches a client as itself, not as an engine error. */
    public static <T> T translated(IdentityService identityService, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            Refusal refusal = Refusal.in(e);
            if (refusal != null && !(e instanceof RefusedRequest) && isClientCall(identityService)) {
                throw new RefusedRequest(refusal);
            }
            throw e;
        }
    }

    /**
     * A refusal on its way to a REST client: JAX-RS answers it with its own status and a body of the Chinese
     * message alone (and what a form needs to show it at the field). Java callers see the same message.
     */
    public static final class RefusedRequest extends WebApplicationException {

        public RefusedRequest(Refusal refusal) {
            super(refusal.getMessage(), refusal, Response.status(refusal.status()).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(body(refusal)).build());
        }

        private static Map<String, Object> body(Refusal refusal) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "Refusal");
            body.putAll(refusal.body());
            return body;
        }
    }
}
