package cn.duban.engine;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.TestPropertySource;

/** A server on UTC, as most cloud machines and many installs are. */
@TestPropertySource(properties = "duban.test.host-zone=UTC")
class ChinaTimeOnUtcIT extends ChinaTimeIT {

    @BeforeAll
    static void host() {
        hostOn("UTC");
    }

    @Override
    String hostZone() {
        return "UTC";
    }
}
