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

    /** A template as the start form lists it. */
    public record Entry(String code, String title, String issuer, String source) {}

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

    public List<Entry> list() {
        List<Entry> out = new ArrayList<>();
        shipped.values().forEach(t -> out.add(new Entry(t.code(), t.title(), t.issuer(), "内置")));
        jdbc.sql("SELECT code, source FROM duban_template ORDER BY code").query((rs, i) -> rs.getString("source")).list()
                .forEach(src -> {
                    CampaignTemplate t = TemplateParser.parse(src);
                    out.add(new Entry(t.code(), t.title(), t.issuer(), "上传"));
                });
        return out;
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
     * Checks and keeps an uploaded template. A template whose units are not in the registry is refused
     * with the field that names them; re-uploading an uploaded code replaces it (running campaigns keep
     * their own copy).
     */
    @Transactional
    public CampaignTemplate upload(String source, String uploadedBy) {
        CampaignTemplate t = TemplateParser.parse(source);
        checkAgainstRegistry(t);
        if (shipped.containsKey(t.code())) {
            throw new TemplateException(List.of("字段 code：" + t.code() + " 与内置模板重复，请换一个编码"));
        }
        jdbc.sql("DELETE FROM duban_template WHERE code = ?").param(t.code()).update();
        jdbc.sql("INSERT INTO duban_template (code, title, source, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?)")
                .params(t.code(), t.title(), source, uploadedBy, LocalDateTime.now(clock)).update();
        return t;
    }

    /** Every unit code a template names must be registered, and its targets must pick at least one unit. */
    public void checkAgainstRegistry(CampaignTemplate t) {
        List<String> p = new ArrayList<>();
        unknown(p, "targets", t.targets());
        for (int i = 0; i < t.items().size(); i++) {
            var item = t.items().get(i);
            unknown(p, "items[" + i + "].appliesTo", item.appliesTo());
            unknown(p, "items[" + i + "].lead", item.lead());
            unknown(p, "items[" + i + "].cooperating", item.cooperating());
        }
        if (p.isEmpty() && (t.targets() == null || t.targets().activeCodes(units).isEmpty())) {
            p.add("字段 targets 在单位名册中没有选中任何单位");
        }
        if (!p.isEmpty()) {
            throw new TemplateException(p);
        }
    }

    private void unknown(List<String> p, String field, UnitSelector s) {
        List<String> missing = s == null ? List.of() : units.unknownCodes(s.units());
        if (!missing.isEmpty()) {
            p.add("字段 " + field + ".units 含未登记或已停用的单位：" + String.join("、", missing));
        }
        java.util.Set<String> types = units.typeNames().keySet();
        List<String> unknownTypes = s == null ? List.of() : s.types().stream().filter(t -> !types.contains(t)).toList();
        if (!unknownTypes.isEmpty()) {
            p.add("字段 " + field + ".types 含单位名册中没有的单位类型：" + String.join("、", unknownTypes));
        }
    }
}
