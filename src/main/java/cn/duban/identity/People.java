package cn.duban.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** People as others read them: a name, never only a login id. Chinese names are stored family name first. */
@Component
public class People {

    private final IdentityService identityService;

    public People(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** A person's name ("李晓燕"); empty when none was entered. */
    public static String name(User u) {
        return Objects.toString(u.getFirstName(), "") + Objects.toString(u.getLastName(), "");
    }

    /** The names of these accounts, in one query; accounts without a name, or gone, are left out. */
    public Map<String, String> names(Collection<String> ids) {
        return names(identityService, ids);
    }

    /** The same, for callers outside Spring (the engine's plugins). */
    public static Map<String, String> names(IdentityService identityService, Collection<String> ids) {
        Map<String, String> out = new HashMap<>();
        String[] wanted = ids.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
        if (wanted.length == 0) {
            return out;
        }
        // Names are read past Camunda's authorizations: a unit's reporter may not list accounts, yet reads the name
        // of the colleague who saved a draft or the reviewer who returned the report. Only names leave this method,
        // of accounts that duban's own records name.
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            for (User u : identityService.createUserQuery().userIdIn(wanted).list()) {
                if (!name(u).isBlank()) {
                    out.put(u.getId(), name(u));
                }
            }
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
        return out;
    }

    /** The mail addresses of these accounts (past authorizations, as {@link #names}); accounts without one are left out. */
    public Map<String, String> emails(Collection<String> ids) {
        Map<String, String> out = new HashMap<>();
        String[] wanted = ids.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
        if (wanted.length == 0) {
            return out;
        }
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            for (User u : identityService.createUserQuery().userIdIn(wanted).list()) {
                if (u.getEmail() != null && !u.getEmail().isBlank()) {
                    out.put(u.getId(), u.getEmail().strip());
                }
            }
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
        return out;
    }
}
