package cn.duban.unit;

import cn.duban.support.DubanProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the unit registry CSV on first start (when duban's unit table is empty), through the same import an
 * operator runs later ({@link UnitAdmin#importCsv}); from then on the registry is managed while duban runs.
 */
@Component
@Order(2)
public class UnitRegistry implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(UnitRegistry.class);

    private final UnitRepository units;
    private final UnitAdmin admin;
    private final Resource csv;

    public UnitRegistry(UnitRepository units, UnitAdmin admin, org.springframework.core.io.ResourceLoader resources,
                        DubanProperties settings) {
        this.units = units;
        this.admin = admin;
        this.csv = resources.getResource(settings.units().csv());
    }

    @Override
    public void run(ApplicationArguments args) {
        if (units.count() > 0) {
            // an install from before issue 30: a unit's people read each other's names
            units.findAll().forEach(u -> admin.shareNames(u.code()));
            return;
        }
        try {
            int n = load(csv.getContentAsString(StandardCharsets.UTF_8));
            log.info("Loaded {} units from {}", n, csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read unit registry " + csv, e);
        }
    }

    /** Loads a registry file: all of it or, on any bad row, none of it. Returns the units it added. */
    @Transactional
    public int load(String content) {
        return admin.firstStart(content).added().size();
    }
}
