package cn.duban.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BatchReadsTest {

    final AtomicInteger loads = new AtomicInteger();

    Optional<String> load() {
        return Optional.of("row " + loads.incrementAndGet());
    }

    @Test
    void withoutAScopeEveryReadGoesToTheDatabase() {
        assertThat(BatchReads.read("k", this::load)).contains("row 1");
        assertThat(BatchReads.read("k", this::load)).contains("row 2");
        BatchReads.preload("k", "ignored");
        assertThat(BatchReads.read("k", this::load)).contains("row 3");
    }

    @Test
    void inAScopeARowIsReadOnceUntilItIsForgotten() {
        try (BatchReads scope = BatchReads.open()) {
            assertThat(BatchReads.read("k", this::load)).contains("row 1");
            assertThat(BatchReads.read("k", this::load)).contains("row 1");
            assertThat(BatchReads.read("other", this::load)).contains("row 2");
            BatchReads.forget("k");
            assertThat(BatchReads.read("k", this::load)).contains("row 3");
            // a missing row is remembered as missing too
            assertThat(BatchReads.read("gone", () -> { loads.incrementAndGet(); return Optional.empty(); })).isEmpty();
            assertThat(BatchReads.read("gone", this::load)).isEmpty();
            // rows read in bulk answer without a load
            BatchReads.preload("bulk", "from the batch query");
            assertThat(BatchReads.read("bulk", this::load)).contains("from the batch query");
        }
        assertThat(loads).hasValue(4);
        // closed: back to the database
        assertThat(BatchReads.read("k", this::load)).contains("row 5");
    }

    @Test
    void scopesDoNotNest() {
        try (BatchReads scope = BatchReads.open()) {
            assertThatThrownBy(BatchReads::open).isInstanceOf(IllegalStateException.class);
        }
        BatchReads.open().close();
    }
}
