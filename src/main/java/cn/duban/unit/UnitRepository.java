package cn.duban.unit;

import cn.duban.support.BatchReads;
import cn.duban.support.InLists;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UnitRepository {

    private static final String SELECT = "SELECT code, name, type, mailbox, head_name, head_user FROM duban_unit";

    private final JdbcClient jdbc;
    private final Clock clock;

    UnitRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM duban_unit").query(Long.class).single();
    }

    void insert(Unit u) {
        BatchReads.forget(new UnitKey(u.code()));
        jdbc.sql("""
                INSERT INTO duban_unit (code, name, type, mailbox, head_name, head_user, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(u.code(), u.name(), u.type(), u.mailbox(), u.headName(), u.headUser(), LocalDateTime.now(clock))
                .update();
    }

    Optional<Unit> find(String code) {
        return BatchReads.read(new UnitKey(code), () ->
                jdbc.sql(SELECT + " WHERE code = ?")
                        .param(code)
                        .query(Unit.class)
                        .optional());
    }

    /** The key of a unit's row in a {@link BatchReads} scope. */
    private record UnitKey(String code) {}

    /** Reads these units' rows with one query into the open {@link BatchReads} scope (a distribution batch). */
    void preload(Collection<String> codes) {
        findAll(List.copyOf(codes)).forEach((code, u) -> BatchReads.preload(new UnitKey(code), u));
    }

    /** These units' registry rows by code, read with one query per {@link InLists} piece; unknown codes are left out. */
    Map<String, Unit> findAll(List<String> codes) {
        Map<String, Unit> rows = new HashMap<>();
        for (List<String> piece : InLists.of(codes)) {
            jdbc.sql(SELECT + " WHERE code IN (:codes)")
                    .param("codes", piece)
                    .query(Unit.class)
                    .list()
                    .forEach(u -> rows.put(u.code(), u));
        }
        return rows;
    }

    /** The account of the unit's head, who approves its report when the template asks for it. */
    String headUserOf(String code) {
        return find(code).map(Unit::headUser).orElse(null);
    }

    List<Unit> findAll() {
        return jdbc.sql(SELECT + " WHERE active ORDER BY code")
                .query(Unit.class)
                .list();
    }

    /** The codes of the active units: all of them, or those of the given types and codes (unknown codes ignored), sorted. */
    Set<String> activeCodes(boolean all, Collection<String> types, Collection<String> codes) {
        Set<String> found = new TreeSet<>();
        if (all) {
            found.addAll(jdbc.sql("SELECT code FROM duban_unit WHERE active").query(String.class).list());
            return found;
        }
        for (String type : types) {
            found.addAll(jdbc.sql("SELECT code FROM duban_unit WHERE active AND type = ?").param(type).query(String.class).list());
        }
        for (String code : codes) {
            jdbc.sql("SELECT code FROM duban_unit WHERE active AND code = ?").param(code).query(String.class).optional()
                    .ifPresent(found::add);
        }
        return found;
    }

    /** The codes the registry does not know. */
    List<String> unknownCodes(Collection<String> codes) {
        return codes.stream().filter(c -> find(c).isEmpty()).toList();
    }
}
