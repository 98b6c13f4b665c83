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
