package cn.duban.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InListsTest {

    @Test
    void idsAreCutIntoPiecesOfAtMostTheSizeInOrder() {
        List<Integer> ids = IntStream.range(0, 2 * InLists.SIZE + 1).boxed().toList();
        List<List<Integer>> pieces = InLists.of(ids);
        assertThat(pieces).extracting(List::size).containsExactly(InLists.SIZE, InLists.SIZE, 1);
        assertThat(pieces.stream().flatMap(List::stream).toList()).isEqualTo(ids);
        assertThat(InLists.of(List.of())).isEmpty();
        assertThat(InLists.of(List.of("a"))).containsExactly(List.of("a"));
    }
}
