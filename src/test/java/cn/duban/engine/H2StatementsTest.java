package cn.duban.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;

/** The rewrite of Camunda's task query mapping, without an engine. */
class H2StatementsTest {

    @Test
    void camundasMappingGetsTheCandidateConditionOnceBeforeTheEndOfItsWhereClause() {
        String mapper = H2Statements.readMapping().flatMap(H2Statements::rewrite).orElseThrow();
        assertThat(H2Statements.mapper(mapper)).contains("<mapper namespace=\"" + H2Statements.NAMESPACE + "\">");
        assertThat(mapper)
                .contains("resultMap=\"" + H2Statements.TASK_NAMESPACE + ".taskResultMap\"")
                .doesNotContain("resultMap=\"taskResultMap\"")
                .contains("<select id=\"selectTaskByQueryCriteria_h2\"", "<select id=\"selectTaskCountByQueryCriteria_h2\"",
                        "<sql id=\"columnSelection\">", "<sql id=\"selectTaskByQueryCriteriaSql\">");
        assertThat(mapper.split("DUBAN_I.TYPE_ = 'candidate'", -1)).hasSize(2);
        assertThat(mapper.indexOf("DUBAN_I.TYPE_")).isLessThan(mapper.lastIndexOf("</where>"));
        assertThat(mapper.indexOf("DUBAN_I.TYPE_")).isGreaterThan(mapper.indexOf("queryTenantCheck"));
    }

    @Test
    void aMappingOfAnotherShapeIsLeftAlone() {
        assertThat(H2Statements.rewrite("<mapper namespace=\"x\"></mapper>")).isEmpty();
        String mapping = H2Statements.readMapping().orElseThrow();
        assertThat(H2Statements.rewrite(mapping.replace("</where>\n  </sql>", "</where>\n  AND 1=1 </sql>"))).isEmpty();
    }

    @Test
    void onlyAMainQueryNamingCandidatesIsNarrowed() {
        assertThat(narrows(new TaskQueryImpl().taskCandidateGroup("unit-a"))).isTrue();
        assertThat(narrows(new TaskQueryImpl().taskCandidateGroupIn(List.of("unit-a", "reporter")))).isTrue();
        assertThat(narrows(new TaskQueryImpl().taskCandidateGroupLike("unit-%"))).isTrue();
        assertThat(narrows(new TaskQueryImpl().taskInvolvedUser("u"))).isFalse();
        assertThat(narrows(new TaskQueryImpl().withCandidateGroups())).isFalse();
        assertThat(narrows(new TaskQueryImpl().taskAssignee("u"))).isFalse();
        TaskQuery orOnly = new TaskQueryImpl().or().taskCandidateGroup("unit-a").taskAssignee("u").endOr();
        assertThat(narrows(orOnly)).isFalse();
        assertThat(H2Statements.narrowsByCandidate(List.of())).isFalse();
    }

    private static boolean narrows(TaskQuery query) {
        return H2Statements.narrowsByCandidate(((TaskQueryImpl) query).getQueries());
    }
}
