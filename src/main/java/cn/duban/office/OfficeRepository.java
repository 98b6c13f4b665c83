package cn.duban.office;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OfficeRepository {

    private static final String SELECT = "SELECT code, name, active, created_by, created_at FROM duban_office";

    private final JdbcClient jdbc;

    OfficeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Office> all() {
        return jdbc.sql(SELECT + " ORDER BY created_at, code").query(Office.class).list();
    }

    Optional<Office> find(String code) {
        return jdbc.sql(SELECT + " WHERE code = ?").param(code).query(Office.class).optional();
    }

    boolean nameTaken(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM duban_office WHERE name = ?").param(name).query(Integer.class).single() > 0;
    }

    void insert(String code, String name, String by, LocalDateTime at) {
        jdbc.sql("INSERT INTO duban_office (code, name, active, created_by, created_at) VALUES (?, ?, TRUE, ?, ?)")
                .params(code, name, by, at).update();
    }
}
