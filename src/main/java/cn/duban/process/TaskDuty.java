package cn.duban.process;

import java.util.Collection;
import java.util.Set;

/**
 * Whose a task of duban's processes is — the one rule of who may decide, whatever path the request takes. A task is
 * done only by the person it is assigned to; a task assigned to nobody, by one of its candidates (a candidate user,
 * or a member of a candidate group); and it is only ever given to a candidate. The candidates are what the model
 * names when the task is created (the 科长 for 核稿, the leader for 签发, the unit's head for 单位负责人审批, the
 * section's reviewers or the intermediate unit for 审核报送, the unit's own people for its work), and no person may
 * change them. Being an operator or the administrator gives no duty.
 *
 * @param assignee        who holds the task, or null
 * @param candidateUsers  the people the model offers it to by name
 * @param candidateGroups the groups the model offers it to
 */
record TaskDuty(String assignee, Set<String> candidateUsers, Set<String> candidateGroups) {

    TaskDuty {
        candidateUsers = Set.copyOf(candidateUsers);
        candidateGroups = Set.copyOf(candidateGroups);
    }

    /** Whether this person (with these groups) is among those the task is offered to. */
    boolean isCandidate(String user, Collection<String> groups) {
        return user != null && (candidateUsers.contains(user) || groups.stream().anyMatch(candidateGroups::contains));
    }

    /** Whether this person may do the task now: complete it, claim it, decide it. */
    boolean mayDo(String user, Collection<String> groups) {
        if (user == null) {
            return false;
        }
        return assignee != null ? assignee.equals(user) : isCandidate(user, groups);
    }

    /** Whether this person may change who holds the task (claim it, give it back, pass it to a colleague): its holder or a candidate. */
    boolean mayHandOn(String user, Collection<String> groups) {
        return user != null && (user.equals(assignee) || isCandidate(user, groups));
    }
}
