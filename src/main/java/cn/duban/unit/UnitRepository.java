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

    private static final String SELECT = "SELECT code, name, type, mailbox, head_name, head_user, parent_code, active FROM duban_unit";

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
                INSERT INTO duban_unit (code, name, type, mailbox, head_name, head_user, parent_code, active, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(u.code(), u.name(), u.type(), u.mailbox(), u.headName(), u.headUser(), u.parentCode(), u.active(),
                        LocalDateTime.now(clock))
                .update();
    }

    /** Writes every field but the code (which templates and groups name, and never changes). */
    void update(Unit u) {
        BatchReads.forget(new UnitKey(u.code()));
        jdbc.sql("""
                UPDATE duban_unit SET name = ?, type = ?, mailbox = ?, head_name = ?, head_user = ?, parent_code = ?, active = ?,
                       updated_at = ?
                WHERE code = ?""")
                .params(u.name(), u.type(), u.mailbox(), u.headName(), u.headUser(), u.parentCode(), u.active(),
                        LocalDateTime.now(clock), u.code())
                .update();
    }

    /** Every unit directly under this one, active or not. */
    List<Unit> children(String parentCode) {
        return jdbc.sql(SELECT + " WHERE parent_code = ? ORDER BY code").param(parentCode).query(Unit.class).list();
    }

    /** The active units directly under this one (an index on parent_code serves it). */
    List<Unit> activeChildren(String parentCode) {
        return jdbc.sql(SELECT + " WHERE active AND parent_code = ? ORDER BY code").param(parentCode).query(Unit.class).list();
    }

    /** Every unit, active or not, by code (the operator's registry page and an import's comparison). */
    List<Unit> everyUnit() {
        return jdbc.sql(SELECT + " ORDER BY code").query(Unit.class).list();
    }

    /** The unit types, code → Chinese name, by name. */
    Map<String, String> types() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT code, name FROM duban_unit_type ORDER BY name").query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    void saveType(String code, String name) {
        if (jdbc.sql("UPDATE duban_unit_type SET name = ? WHERE code = ?").params(name, code).update() == 0) {
            jdbc.sql("INSERT INTO duban_unit_type (code, name, created_at) VALUES (?, ?, ?)")
                    .params(code, name, LocalDateTime.now(clock)).update();
        }
    }

    void deleteType(String code) {
        jdbc.sql("DELETE FROM duban_unit_type WHERE code = ?").param(code).update();
    }

    long unitsOfType(String type) {
        return jdbc.sql("SELECT COUNT(*) FROM duban_unit WHERE type = ?").param(type).query(Long.class).single();
    }

    /** Records a change of the registry: who did what to which unit, when. */
    void logChange(String unitCode, String action, String detail, String actor) {
        jdbc.sql("INSERT INTO duban_unit_change (unit_code, action, detail, changed_by, changed_at) VALUES (?, ?, ?, ?, ?)")
                .params(unitCode, action, detail.length() > 2000 ? detail.substring(0, 2000) : detail, actor, LocalDateTime.now(clock))
                .update();
    }

    /** The latest changes of the registry, newest first. */
    List<UnitChange> changes(int limit) {
        return jdbc.sql("SELECT unit_code, action, detail, changed_by, changed_at FROM duban_unit_change ORDER BY id DESC"
                        + " FETCH FIRST ? ROWS ONLY")
                .param(limit).query(UnitChange.class).list();
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

    /** The units directly under each of these (deactivated ones too), by parent, in code order: one query per piece. */
    Map<String, List<Unit>> childrenOf(List<String> parents) {
        Map<String, List<Unit>> out = new HashMap<>();
        for (List<String> piece : InLists.of(parents)) {
            jdbc.sql(SELECT + " WHERE parent_code IN (:parents) ORDER BY code")
                    .param("parents", piece)
                    .query(Unit.class)
                    .list()
                    .forEach(u -> out.computeIfAbsent(u.parentCode(), k -> new java.util.ArrayList<>()).add(u));
        }
        return out;
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

    /** The codes the registry does not know, or knows as deactivated. */
    List<String> unknownCodes(Collection<String> codes) {
        return codes.stream().filter(c -> find(c).filter(Unit::active).isEmpty()).toList();
    }
}
