package cn.duban.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * On H2 only: Camunda's task query with one redundant condition that lets H2 start from the few tasks offered
 * to the user's groups instead of from every open task.
 *
 * <p>Camunda's {@code selectTaskByQueryCriteria} always <em>left</em>-joins {@code ACT_RU_IDENTITYLINK}
 * and filters the candidate groups in the WHERE clause. PostgreSQL turns that into an inner join and starts
 * from the group's identity links; H2 does not reorder outer joins, so it walks all open tasks and, under
 * authorization checks, looks up each task's authorizations: 1.6–2.0 s for a reporter's 本单位待办 at
 * 100,000 open tasks (docs/benchmarks.md).
 *
 * <p>This plugin reads Camunda's own mapping ({@code Task.xml}) at start and copies the task query (list and
 * count) with one addition: when the main query asks for candidates ({@link #narrowsByCandidate}), the
 * conjunct {@code RES.ID_ IN (SELECT TASK_ID_ FROM ACT_RU_IDENTITYLINK WHERE TYPE_ = 'candidate' AND ...)}
 * with the same candidate condition. The main query's WHERE clause already requires such a link, so the
 * rows are the same; H2 answers the IN from the identity links' group index and reads the tasks by primary
 * key. The copy is registered under its own namespace and Camunda's statement names are mapped to it for
 * this engine, the mechanism Camunda uses for its own database-specific statements. If Camunda's mapping is
 * not as expected (another version), the plugin logs a warning and leaves Camunda's statements in place:
 * queries stay correct, only slower. {@code H2TaskQueryIT} compares both statements' results.
 */
@Component
public class H2TaskQuery extends AbstractProcessEnginePlugin {

    static final String NAMESPACE = "cn.duban.engine.H2TaskQuery";
    static final String TASK_MAPPING = "org/camunda/bpm/engine/impl/mapping/entity/Task.xml";
    static final String TASK_NAMESPACE = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity";
    static final List<String> STATEMENTS = List.of("selectTaskByQueryCriteria", "selectTaskCountByQueryCriteria");
    static final String CANDIDATE_TASKS = """
                <if test="@cn.duban.engine.H2TaskQuery@narrowsByCandidate(queries)">
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

    private static final Logger log = LoggerFactory.getLogger(H2TaskQuery.class);

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
        if (!"h2".equals(sessions.getDatabaseType())) {
            return;
        }
        Optional<String> mapper = readMapping().flatMap(H2TaskQuery::rewrite);
        if (mapper.isEmpty()) {
            log.warn("Camunda's task query mapping is not as duban expects; H2 keeps Camunda's own task query "
                    + "(correct, slower with many open tasks)");
            return;
        }
        Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
        InputStream xml = new ByteArrayInputStream(mapper.get().getBytes(StandardCharsets.UTF_8));
        new XMLMapperBuilder(xml, mybatis, NAMESPACE + ".xml", mybatis.getSqlFragments()).parse();
        Map<String, String> mappings = new HashMap<>();
        if (sessions.getStatementMappings() != null) {
            mappings.putAll(sessions.getStatementMappings());
        }
        STATEMENTS.forEach(id -> mappings.put(id, NAMESPACE + "." + id + SUFFIX));
        sessions.setStatementMappings(mappings);
        log.info("H2: task queries for candidates start from the identity links (duban's copy of Camunda's task query)");
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
        List<String> groups = main.getCandidateGroups();
        return main.getCandidateUser() != null || (groups != null && !groups.isEmpty()) || main.getCandidateGroupLike() != null;
    }

    /**
     * Runs {@code work} with Camunda's own task-query statements (for comparisons: the equivalence test and the
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
     * The mapper holding duban's copy of the two task-query statements and the fragments they include, or
     * empty if Camunda's mapping lacks any of them or its WHERE clause does not end the query's SQL.
     */
    static Optional<String> rewrite(String camundaMapping) {
        StringBuilder body = new StringBuilder();
        for (String id : STATEMENTS) {
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
        return Optional.of("""
                <?xml version="1.0" encoding="UTF-8" ?>
                <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
                <mapper namespace="%s">
                %s</mapper>
                """.formatted(NAMESPACE, body));
    }

    private static Optional<String> element(String xml, String tag, String id) {
        Matcher m = Pattern.compile("<" + tag + " id=\"" + Pattern.quote(id) + "\".*?</" + tag + ">", Pattern.DOTALL)
                .matcher(xml);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }
}
