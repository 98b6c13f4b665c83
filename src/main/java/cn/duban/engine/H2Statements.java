package cn.duban.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On H2 only: duban's versions of three Camunda statements that a unit's Tasklist runs on every refresh, so
 * that 本单位待办 stays fast with many open tasks (docs/benchmarks.md: 2.1 s → about 0.1 s at 100,000).
 * PostgreSQL plans Camunda's own statements well and keeps them.
 *
 * <p><b>The task query</b> (list and count). Camunda's {@code selectTaskByQueryCriteria} always
 * <em>left</em>-joins {@code ACT_RU_IDENTITYLINK} and filters the candidate groups in the WHERE clause.
 * PostgreSQL turns that into an inner join and starts from the group's identity links; H2 does not reorder
 * outer joins, so it walks all open tasks and, under authorization checks, looks up each task's
 * authorizations. duban reads Camunda's own mapping ({@code Task.xml}) at start and copies the two
 * statements with one addition: when the main query names candidates ({@link #narrowsByCandidate}), the
 * conjunct {@code RES.ID_ IN (SELECT TASK_ID_ FROM ACT_RU_IDENTITYLINK WHERE TYPE_ = 'candidate' AND ...)}
 * with the same candidate condition. The WHERE clause already requires such a link, so the rows are the
 * same; H2 answers the IN from the identity links' group index and reads the tasks by primary key. If
 * Camunda's mapping is not as expected (another version), the task query stays Camunda's and a warning is
 * logged: queries stay correct, only slower.
 *
 * <p><b>The groups holding authorizations.</b> Before any authorization check Camunda reads
 * {@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION}, which reads every authorization (one or more
 * per open task). duban's version reads the same distinct groups from the {@code GROUP_ID_} index one group
 * at a time (a recursive query: the next group after the last), so its cost follows the number of groups,
 * not of authorizations. It leaves out the NULL "group" of user authorizations, which Camunda discards.
 *
 * <p>The versions are registered under their own namespace and Camunda's statement names are mapped to them
 * for this engine, the mechanism Camunda uses for its own database-specific statements.
 * {@code H2StatementsIT} compares their results with Camunda's own.
 */
@Component
public class H2Statements extends AbstractProcessEnginePlugin {

    static final String NAMESPACE = "cn.duban.engine.H2Statements";
    static final String TASK_MAPPING = "org/camunda/bpm/engine/impl/mapping/entity/Task.xml";
    static final String TASK_NAMESPACE = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity";
    static final List<String> TASK_STATEMENTS = List.of("selectTaskByQueryCriteria", "selectTaskCountByQueryCriteria");
    static final String AUTHORIZED_GROUPS = "selectAuthorizedGroupIds";
    static final List<String> STATEMENTS = Stream.concat(TASK_STATEMENTS.stream(), Stream.of(AUTHORIZED_GROUPS)).toList();
    static final String AUTHORIZED_GROUPS_SQL = """
              <select id="selectAuthorizedGroupIds_h2" resultType="string">
                WITH RECURSIVE DUBAN_G(ID) AS (
                  SELECT MIN(GROUP_ID_) FROM ${prefix}ACT_RU_AUTHORIZATION
                  UNION ALL
                  SELECT (SELECT A.GROUP_ID_ FROM ${prefix}ACT_RU_AUTHORIZATION A
                          WHERE A.GROUP_ID_ &gt; DUBAN_G.ID ORDER BY A.GROUP_ID_ LIMIT 1)
                  FROM DUBAN_G WHERE DUBAN_G.ID IS NOT NULL)
                SELECT ID FROM DUBAN_G WHERE ID IS NOT NULL
              </select>
            """;
    static final String CANDIDATE_TASKS = """
                <if test="@cn.duban.engine.H2Statements@narrowsByCandidate(queries)">
                  and RES.ID_ IN (select DUBAN_I.TASK_ID_ from ${prefix}ACT_RU_IDENTITYLINK DUBAN_I
                    where DUBAN_I.TYPE_ = 'candidate' and (
                    <trim prefixOverrides="or">
                      <if test="queries[0].candidateUser != null">
                        or DUBAN_I.USER_ID_ = #{queries[0].candidateUser}
                      </if>
                      <if test="queries[0].candidateGroups != null &amp;&amp; queries[0].candidateGroups.size &gt; 0">
                        or DUBAN_I.GROUP_ID_ IN
                        <foreach item="dubanGroup" collection="queries[0].candidateGroups" open="(" separator="," close=")">#{dubanGroup}</foreach>
                      </if>
                      <if test="queries[0].candidateGroupLike != null">
                        or DUBAN_I.GROUP_ID_ LIKE #{queries[0].candidateGroupLike}
                      </if>
                    </trim>))
                </if>
            """;
    static final String WHERE_END = "</where>";
    /** The copies' ids differ from Camunda's, so Camunda's short names stay unambiguous for MyBatis. */
    static final String SUFFIX = "_h2";

    private static final Logger log = LoggerFactory.getLogger(H2Statements.class);

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
        if (!"h2".equals(sessions.getDatabaseType())) {
            return;
        }
        StringBuilder body = new StringBuilder(AUTHORIZED_GROUPS_SQL);
        List<String> replaced = new ArrayList<>(List.of(AUTHORIZED_GROUPS));
        Optional<String> taskQuery = readMapping().flatMap(H2Statements::rewrite);
        if (taskQuery.isPresent()) {
            body.append(taskQuery.get());
            replaced.addAll(TASK_STATEMENTS);
        } else {
            log.warn("Camunda's task query mapping is not as duban expects; H2 keeps Camunda's own task query "
                    + "(correct, slower with many open tasks)");
        }
        Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
        InputStream xml = new ByteArrayInputStream(mapper(body.toString()).getBytes(StandardCharsets.UTF_8));
        new XMLMapperBuilder(xml, mybatis, NAMESPACE + ".xml", mybatis.getSqlFragments()).parse();
        Map<String, String> mappings = new HashMap<>();
        if (sessions.getStatementMappings() != null) {
            mappings.putAll(sessions.getStatementMappings());
        }
        replaced.forEach(id -> mappings.put(id, NAMESPACE + "." + id + SUFFIX));
        sessions.setStatementMappings(mappings);
        log.info("H2: duban's versions of {}", replaced);
    }

    /**
     * Whether the main query (the first; OR queries follow it) names candidates — a user, groups or a group
     * pattern. Camunda then writes {@code I.TYPE_ = 'candidate' and (I.USER_ID_ = ? or I.GROUP_ID_ IN (...)
     * or I.GROUP_ID_ LIKE ?)} as a conjunct of the WHERE clause, which {@link #CANDIDATE_TASKS} repeats as a
     * semi-join.
     */
    public static boolean narrowsByCandidate(List<TaskQueryImpl> queries) {
        if (queries == null || queries.isEmpty()) {
            return false;
        }
        TaskQueryImpl main = queries.get(0);
        if (main.getCandidateUser() != null || main.getCandidateGroupLike() != null) {
            return true;
        }
        List<String> groups = main.getCandidateGroups();
        return groups != null && !groups.isEmpty();
    }

    /**
     * Runs {@code work} with Camunda's own statements (for comparisons: the equivalence test and the
     * Tasklist benchmark); on another database, or if duban's copy is not installed, simply runs it.
     */
    public static <T> T withCamundasOwn(ProcessEngineConfigurationImpl configuration, Supplier<T> work) {
        DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
        Map<String, String> dubans = sessions.getStatementMappings();
        if (dubans == null) {
            return work.get();
        }
        Map<String, String> camundas = new HashMap<>(dubans);
        STATEMENTS.forEach(camundas::remove);
        sessions.setStatementMappings(camundas);
        try {
            return work.get();
        } finally {
            sessions.setStatementMappings(dubans);
        }
    }

    static Optional<String> readMapping() {
        try (InputStream in = TaskQueryImpl.class.getClassLoader().getResourceAsStream(TASK_MAPPING)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * duban's copy of the two task-query statements and the fragments they include, or empty if Camunda's
     * mapping lacks any of them or its WHERE clause does not end the query's SQL.
     */
    static Optional<String> rewrite(String camundaMapping) {
        StringBuilder body = new StringBuilder();
        for (String id : TASK_STATEMENTS) {
            Optional<String> select = element(camundaMapping, "select", id);
            if (select.isEmpty()) {
                return Optional.empty();
            }
            body.append(select.get().replace("id=\"" + id + "\"", "id=\"" + id + SUFFIX + "\"")
                    .replace("resultMap=\"taskResultMap\"",
                    "resultMap=\"" + TASK_NAMESPACE + ".taskResultMap\"")).append('\n');
        }
        Optional<String> columns = element(camundaMapping, "sql", "columnSelection");
        Optional<String> criteria = element(camundaMapping, "sql", "selectTaskByQueryCriteriaSql");
        if (columns.isEmpty() || criteria.isEmpty()) {
            return Optional.empty();
        }
        String sql = criteria.get();
        int whereEnd = sql.lastIndexOf(WHERE_END);
        if (whereEnd < 0 || !sql.substring(whereEnd + WHERE_END.length()).strip().equals("</sql>")) {
            return Optional.empty();
        }
        body.append(columns.get()).append('\n')
                .append(sql, 0, whereEnd).append(CANDIDATE_TASKS).append(sql.substring(whereEnd)).append('\n');
        return Optional.of(body.toString());
    }

    static String mapper(String body) {
        return """
                <?xml version="1.0" encoding="UTF-8" ?>
                <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
                <mapper namespace="%s">
                %s</mapper>
                """.formatted(NAMESPACE, body);
    }

    private static Optional<String> element(String xml, String tag, String id) {
        Matcher m = Pattern.compile("<" + tag + " id=\"" + Pattern.quote(id) + "\".*?</" + tag + ">", Pattern.DOTALL)
                .matcher(xml);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }
}
