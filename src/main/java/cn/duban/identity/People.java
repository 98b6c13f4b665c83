package cn.duban.identity;

import cn.duban.support.InLists;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import cn.duban.engine.ClientCalls;
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
        users(identityService, ids).stream().filter(u -> !name(u).isBlank()).forEach(u -> out.put(u.getId(), name(u)));
        return out;
    }

    /** The mail addresses of these accounts, read as {@link #names} are; accounts without one are left out. */
    public Map<String, String> emails(Collection<String> ids) {
        Map<String, String> out = new HashMap<>();
        users(identityService, ids).stream().filter(u -> u.getEmail() != null && !u.getEmail().isBlank())
                .forEach(u -> out.put(u.getId(), u.getEmail().strip()));
        return out;
    }

    /**
     * The names of a group's members by their mail addresses ({@code lvna@…} → 吕娜), read past authorizations as
     * {@link #names} are: a page that lists where a unit's mail went names the people, not their addresses.
     */
    public Map<String, String> namesByEmail(String group) {
        Map<String, String> out = new HashMap<>();
        ClientCalls.asDuban(identityService, () -> identityService.createUserQuery().memberOfGroup(group).list()).stream()
                .filter(u -> u.getEmail() != null && !u.getEmail().isBlank() && !name(u).isBlank())
                .forEach(u -> out.put(u.getEmail().strip().toLowerCase(java.util.Locale.ROOT), name(u)));
        return out;
    }

    /**
     * These accounts, read past Camunda's authorizations, a query per {@link InLists} piece: a unit's reporter may
     * not list accounts, yet reads the name of the colleague who saved a draft or the reviewer who returned the
     * report, and reminders run with nobody logged in. Only names and addresses leave this class, of accounts that
     * duban's own records name.
     */
    private static List<User> users(IdentityService identityService, Collection<String> ids) {
        List<String> wanted = ids.stream().filter(Objects::nonNull).distinct().toList();
        List<User> out = new ArrayList<>();
        if (wanted.isEmpty()) {
            return out;
        }
        for (List<String> piece : InLists.of(wanted)) {
            out.addAll(ClientCalls.asDuban(identityService,
                    () -> identityService.createUserQuery().userIdIn(piece.toArray(String[]::new)).list()));
        }
        return out;
    }
}
