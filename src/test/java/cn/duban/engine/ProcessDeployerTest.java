package cn.duban.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An older build leaves a newer build's models in place; without Spring or the engine. */
class ProcessDeployerTest {

    @Test
    void anOlderBuildDoesNotDeployOverANewerOne() {
        String older = "0.1.0 2026-12-01T08:00:00Z";
        String newer = "0.2.0 2026-12-08T08:00:00.123Z";
        assertThat(ProcessDeployer.newerDeployed(newer, older)).isTrue();
        assertThat(ProcessDeployer.newerDeployed(older, newer)).isFalse();
        assertThat(ProcessDeployer.newerDeployed(newer, newer)).isFalse();
        // nothing recorded yet (a database from before), or a build without build-info (run from an IDE): deploy as always
        assertThat(ProcessDeployer.newerDeployed(null, older)).isFalse();
        assertThat(ProcessDeployer.newerDeployed(newer, null)).isFalse();
        assertThat(ProcessDeployer.newerDeployed("garbage", older)).isFalse();
    }
}
