package cn.duban.office;

import cn.duban.identity.IdentitySetup;
import cn.duban.identity.Roles;
import cn.duban.support.Refusal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bureau's offices, as data: an operator adds one (its code and name) and duban creates its groups — 拟稿人,
 * 报送审核人, 负责人（核稿） — with what those roles may do in Tasklist and Cockpit; an administrator then puts its
 * people in them in Admin (who decides is not IT's to say). The office a notice belongs to is its drafter's.
 */
@Service
@Transactional
public class Offices {

    /** Told when an office is added, for what other features grant its groups (starting a campaign, say). */
    public record Added(Office office) {}

    private final OfficeRepository offices;
    private final IdentityService identityService;
    private final IdentitySetup identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Offices(OfficeRepository offices, IdentityService identityService, IdentitySetup identity, ApplicationEventPublisher events,
            Clock clock) {
        this.offices = offices;
        this.identityService = identityService;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Office> all() {
        return offices.all();
    }

    @Transactional(readOnly = true)
    public Optional<Office> find(String code) {
        return offices.find(code == null ? Roles.DEFAULT_OFFICE : code);
    }

    /** The office's name, as every screen says it ("综合监督科"). */
    @Transactional(readOnly = true)
    public String nameOf(String code) {
        return find(code).map(Office::name).orElse(code);
    }

    /** Adds an office and its groups; refused, field by field, when its code or name is wrong or taken. */
    public Office add(String code, String name, String actor) {
        Map<String, String> problems = new LinkedHashMap<>(OfficeRules.check(code, name));
        String c = code == null ? "" : code.strip();
        String n = name == null ? "" : name.strip();
        if (!problems.containsKey("code") && offices.find(c).isPresent()) {
            problems.put("code", "科室编码“" + c + "”已被使用");
        }
        if (!problems.containsKey("name") && offices.nameTaken(n)) {
            problems.put("name", "已有名为“" + n + "”的科室");
        }
        if (!problems.isEmpty()) {
            throw new Problems(problems);
        }
        offices.insert(c, n, actor, LocalDateTime.now(clock));
        Office office = offices.find(c).orElseThrow();
        // duban creates the groups and their grants itself: an operator may add an office, not grant its roles
        cn.duban.engine.ClientCalls.asDuban(identityService, () -> {
            ensureGroups(office);
            return null;
        });
        cn.duban.engine.ClientCalls.asDuban(identityService, () -> {
            events.publishEvent(new Added(office));
            return null;
        });
        return office;
    }

    /** Creates the office's groups, and what each role may do, where they are missing (an office added before). */
    public void ensureGroups(Office office) {
        for (Roles.OfficeRole role : Roles.OfficeRole.values()) {
            String group = office.group(role);
            identity.ensureGroup(group, office.name() + "·" + role.label(), Roles.OFFICE_GROUP_TYPE);
            identity.grantSectionRole(group);
        }
    }

    /**
     * The office a notice drafted by this person belongs to: the one office they draft for; of several, the one the
     * template names as its section, else the first; none (an administrator): the bureau's first office.
     */
    @Transactional(readOnly = true)
    public String officeOfDrafter(String userId, String section) {
        if (userId == null) {
            return Roles.DEFAULT_OFFICE;
        }
        List<String> drafting = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
                .map(g -> Roles.officeOf(g, Roles.OfficeRole.DRAFTER)).filter(java.util.Objects::nonNull).distinct().sorted().toList();
        if (drafting.isEmpty()) {
            return Roles.DEFAULT_OFFICE;
        }
        if (drafting.size() > 1 && section != null) {
            for (String code : drafting) {
                if (offices.find(code).map(o -> o.name().equals(section.strip())).orElse(false)) {
                    return code;
                }
            }
        }
        return drafting.contains(Roles.DEFAULT_OFFICE) ? Roles.DEFAULT_OFFICE : drafting.get(0);
    }

    /** An office refused field by field. */
    public static final class Problems extends Refusal {
        private final Map<String, String> fieldErrors;

        Problems(Map<String, String> fieldErrors) {
            super(fieldErrors.values().iterator().next());
            this.fieldErrors = Map.copyOf(fieldErrors);
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("fieldErrors", fieldErrors);
        }
    }
}
