package cn.duban.campaign;

import cn.duban.support.DubanProperties;
import cn.duban.campaign.CampaignTemplate.UnitSelector;
import cn.duban.unit.Units;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The templates a drafter can start a campaign from: those shipped under
 * {@code src/main/resources/campaigns/} and those uploaded by drafters (kept in duban's table).
 */
@Service
public class TemplateCatalog {

    /**
     * A template as the start form and the template list show it: where it comes from (内置/上传), its current
     * version (0 for a shipped one), whether it is retired, and how many campaigns used it.
     */
    public record Entry(String code, String title, String issuer, String source, int version, boolean retired,
                        String uploadedBy, LocalDateTime uploadedAt, long campaigns) {}

    /** One uploaded version of a template. */
    public record Version(String code, int version, String title, String uploadedBy, LocalDateTime uploadedAt) {}

    /** One change of the catalog, as its audit lists it. */
    public record Change(String code, String action, String detail, String changedBy, LocalDateTime changedAt) {}

    private final Map<String, CampaignTemplate> shipped = new TreeMap<>();
    private final JdbcClient jdbc;
    private final Units units;
    private final Clock clock;

    public TemplateCatalog(DubanProperties settings, JdbcClient jdbc, Units units, Clock clock) {
        String location = settings.templates().location();
        this.jdbc = jdbc;
        this.units = units;
        this.clock = clock;
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources(location)) {
                CampaignTemplate t;
                try {
                    t = TemplateParser.parse(r.getContentAsString(StandardCharsets.UTF_8));
                } catch (TemplateException e) {
                    throw new IllegalStateException(r.getFilename() + ": " + e.getMessage(), e);
                }
                shipped.put(t.code(), t);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The templates the start form offers: every one not retired. */
    public List<Entry> list() {
        return list(false);
    }

    /** Every template, retired ones too when asked (the template list of the section). */
    @Transactional(readOnly = true)
    public List<Entry> list(boolean withRetired) {
        java.util.Set<String> retired = new java.util.HashSet<>(jdbc.sql("SELECT code FROM duban_template_retired").query(String.class).list());
        Map<String, Long> used = new java.util.HashMap<>();
        jdbc.sql("SELECT template_code, COUNT(*) FROM duban_campaign GROUP BY template_code")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list().forEach(e -> used.put(e.getKey(), e.getValue()));
        List<Entry> out = new ArrayList<>();
        shipped.values().forEach(t -> out.add(new Entry(t.code(), t.title(), t.issuer(), "内置", 0, retired.contains(t.code()),
                null, null, used.getOrDefault(t.code(), 0L))));
        jdbc.sql("SELECT code, source, version, uploaded_by, uploaded_at FROM duban_template ORDER BY code")
                .query((rs, i) -> {
                    CampaignTemplate t = TemplateParser.parse(rs.getString("source"));
                    return new Entry(t.code(), t.title(), t.issuer(), "上传", rs.getInt("version"), retired.contains(t.code()),
                            rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toLocalDateTime(), used.getOrDefault(t.code(), 0L));
                }).list().forEach(out::add);
        return out.stream().filter(e -> withRetired || !e.retired()).toList();
    }

    /** The current version of a template: 0 for a shipped one. */
    public int versionOf(String code) {
        if (shipped.containsKey(code)) {
            return 0;
        }
        return jdbc.sql("SELECT version FROM duban_template WHERE code = ?").param(code).query(Integer.class).optional().orElse(0);
    }

    /** Whether the start form may still offer it. */
    public boolean isRetired(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM duban_template_retired WHERE code = ?").param(code).query(Long.class).single() > 0;
    }

    /** Every uploaded version of a template, newest first. */
    @Transactional(readOnly = true)
    public List<Version> versions(String code) {
        return jdbc.sql("SELECT code, version, title, uploaded_by, uploaded_at FROM duban_template_version WHERE code = ? ORDER BY version DESC")
                .param(code).query(Version.class).list();
    }

    /** The latest changes of the catalog, newest first. */
    @Transactional(readOnly = true)
    public List<Change> changes(int limit) {
        return jdbc.sql("SELECT code, action, detail, changed_by, changed_at FROM duban_template_change ORDER BY id DESC FETCH FIRST ? ROWS ONLY")
                .param(Math.max(1, Math.min(limit, 500))).query(Change.class).list();
    }

    /** Takes a template off the start form (or puts it back); campaigns that used it are untouched. */
    @Transactional
    public void retire(String code, boolean retire, String actor) {
        get(code);
        boolean now = isRetired(code);
        if (now == retire) {
            return;
        }
        if (retire) {
            jdbc.sql("INSERT INTO duban_template_retired (code, retired_by, retired_at) VALUES (?, ?, ?)")
                    .params(code, actor, LocalDateTime.now(clock)).update();
        } else {
            jdbc.sql("DELETE FROM duban_template_retired WHERE code = ?").param(code).update();
        }
        audit(code, retire ? "RETIRE" : "RESTORE", retire ? "停用（不再出现在发起表单中）" : "恢复使用", actor);
    }

    /** Deletes an uploaded template that no campaign used, with its versions; a used or shipped one is retired instead. */
    @Transactional
    public void delete(String code, String actor) {
        if (shipped.containsKey(code)) {
            throw new TemplateException(List.of("内置模板不能删除，可以停用"));
        }
        get(code);
        long used = jdbc.sql("SELECT COUNT(*) FROM duban_campaign WHERE template_code = ?").param(code).query(Long.class).single();
        if (used > 0) {
            throw new TemplateException(List.of("该模板已用于 " + used + " 个活动，不能删除，可以停用"));
        }
        jdbc.sql("DELETE FROM duban_template_version WHERE code = ?").param(code).update();
        jdbc.sql("DELETE FROM duban_template_retired WHERE code = ?").param(code).update();
        jdbc.sql("DELETE FROM duban_template WHERE code = ?").param(code).update();
        audit(code, "DELETE", "删除（未被任何活动使用）", actor);
    }

    private void audit(String code, String action, String detail, String actor) {
        jdbc.sql("INSERT INTO duban_template_change (code, action, detail, changed_by, changed_at) VALUES (?, ?, ?, ?, ?)")
                .params(code, action, detail, actor, LocalDateTime.now(clock)).update();
    }

    public Optional<CampaignTemplate> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        CampaignTemplate t = shipped.get(code);
        if (t != null) {
            return Optional.of(t);
        }
        return jdbc.sql("SELECT source FROM duban_template WHERE code = ?").param(code).query(String.class).optional()
                .map(TemplateParser::parse);
    }

    public CampaignTemplate get(String code) {
        return find(code).orElseThrow(() -> new CampaignException("没有编码为 " + code + " 的活动模板"));
    }

    /**
     * 另存为模板: what the drafting form built, kept for next year under a code of its own (its 文号 left behind: a
     * notice started from it takes its own), checked and versioned as an upload is.
     */
    @Transactional
    public CampaignTemplate saveDraftAs(String code, CampaignTemplate built, String savedBy) {
        return saveDraftAs(code, null, built, savedBy);
    }

    /**
     * The same, from the drafting form, which asks no code: a notice's template is named after the notice it was saved
     * from ({@code notice-c20261208-ab12cd}), so saving it again from the same notice makes its next version.
     */
    public CampaignTemplate saveDraftAs(String code, String campaignId, CampaignTemplate built, String savedBy) {
        if (built == null) {
            throw new TemplateException(List.of("没有收到要保存的通知内容"));
        }
        if ((code == null || code.isBlank()) && campaignId != null && !campaignId.isBlank()) {
            code = "notice-" + campaignId.strip().toLowerCase(java.util.Locale.ROOT);
        }
        return upload(TemplateParser.toJson(built.withCode(code == null ? "" : code.strip()).withDocumentNumber(null)), savedBy);
    }

    /**
     * Checks and keeps an uploaded template. A template whose units are not in the registry is refused
     * with the field that names them; uploading a code again makes its next version, which new campaigns
     * start from (running campaigns keep the copy they started with).
     */
    @Transactional
    public CampaignTemplate upload(String source, String uploadedBy) {
        CampaignTemplate t = TemplateParser.parse(source);
        checkAgainstRegistry(t);
        if (shipped.containsKey(t.code())) {
            throw new TemplateException(List.of("字段 code：" + t.code() + " 与内置模板重复，请换一个编码"));
        }
        LocalDateTime now = LocalDateTime.now(clock);
        int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM duban_template_version WHERE code = ?").param(t.code())
                .query(Integer.class).single() + 1;
        jdbc.sql("INSERT INTO duban_template_version (code, version, title, source, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(t.code(), version, t.title(), source, uploadedBy, now).update();
        if (jdbc.sql("UPDATE duban_template SET title = ?, source = ?, uploaded_by = ?, uploaded_at = ?, version = ? WHERE code = ?")
                .params(t.title(), source, uploadedBy, now, version, t.code()).update() == 0) {
            jdbc.sql("INSERT INTO duban_template (code, title, source, uploaded_by, uploaded_at, version) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(t.code(), t.title(), source, uploadedBy, now, version).update();
        }
        audit(t.code(), "UPLOAD", (version == 1 ? "上传" : "上传新版本") + " 第 " + version + " 版：" + t.title(), uploadedBy);
        return t;
    }

    /**
     * The items of a notice being drafted that name units it is not sent to (its 适用单位, 牵头单位, 配合单位 against
     * its 报送对象), held against the live registry ({@link ItemRecipients}).
     */
    public List<String> itemsOutsideRecipients(CampaignTemplate t) {
        return ItemRecipients.problems(t, units.active());
    }

    /** Every unit code a template names must be registered, and its targets must pick at least one unit. */
    public void checkAgainstRegistry(CampaignTemplate t) {
        List<String> p = new ArrayList<>();
        java.util.Set<String> types = units.typeNames().keySet();
        unknown(p, "targets", t.targets(), types);
        for (int i = 0; i < t.items().size(); i++) {
            var item = t.items().get(i);
            unknown(p, "items[" + i + "].appliesTo", item.appliesTo(), types);
            unknown(p, "items[" + i + "].lead", item.lead(), types);
            unknown(p, "items[" + i + "].cooperating", item.cooperating(), types);
        }
        if (t.rollup() != null && !t.rollup().members().isEmpty()) {
            List<String> named = new ArrayList<>(t.rollup().members().keySet());
            t.rollup().members().values().forEach(named::addAll);
            List<String> missing = units.unknownCodes(named);
            if (!missing.isEmpty()) {
                p.add("字段 rollup.members 含未登记或已停用的单位：" + String.join("、", missing));
            }
        }
        if (p.isEmpty() && (t.targets() == null || t.targets().activeCodes(units).isEmpty())) {
            p.add("字段 targets 在单位名册中没有选中任何单位");
        }
        if (!p.isEmpty()) {
            throw new TemplateException(p);
        }
    }

    private void unknown(List<String> p, String field, UnitSelector s, java.util.Set<String> types) {
        List<String> missing = s == null ? List.of() : units.unknownCodes(s.units());
        if (!missing.isEmpty()) {
            p.add("字段 " + field + ".units 含未登记或已停用的单位：" + String.join("、", missing));
        }
        List<String> parents = s == null ? List.of() : units.unknownCodes(s.childrenOf());
        if (!parents.isEmpty()) {
            p.add("字段 " + field + ".childrenOf 含未登记或已停用的单位：" + String.join("、", parents));
        }
        List<String> unknownTypes = s == null ? List.of() : s.types().stream().filter(t -> !types.contains(t)).toList();
        if (!unknownTypes.isEmpty()) {
            p.add("字段 " + field + ".types 含单位名册中没有的单位类型：" + String.join("、", unknownTypes));
        }
    }
}
