package cn.duban.engine;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.TestPropertySource;

/** A server on a zone with summer time (New York leaves it on 1 November 2026), twelve or thirteen hours behind. */
@TestPropertySource(properties = "duban.test.host-zone=America/New_York")
class ChinaTimeOnNewYorkIT extends ChinaTimeIT {

    @BeforeAll
    static void host() {
        hostOn("America/New_York");
    }

    @Override
    String hostZone() {
        return "America/New_York";
    }
}
