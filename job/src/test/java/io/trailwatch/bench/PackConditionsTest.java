package io.trailwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.pattern.PatternDefinition;
import io.trailwatch.pattern.PatternKind;
import io.trailwatch.pattern.PatternLoader;
import io.trailwatch.pattern.PatternSet;
import io.trailwatch.pipeline.RepositoryFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PackConditionsTest {

    private static PatternSet pack;

    @BeforeAll
    static void loadPack() throws Exception {
        pack = PatternLoader.load(RepositoryFiles.patterns());
    }

    @Test
    void everyFilterThresholdAndSequenceStepIsOneCondition() {
        int expected = 0;
        for (PatternDefinition pattern : pack.patterns()) {
            expected +=
                    pattern.kind() == PatternKind.SEQUENCE ? pattern.sequence().steps().size() : 1;
        }

        assertThat(PackConditions.of(pack)).hasSize(expected);
    }

    @Test
    void subsetsTakeEachKindInTurn() {
        PatternSet three = PackConditions.firstMixed(pack, 3);

        assertThat(three.patterns())
                .extracting(PatternDefinition::kind)
                .containsExactly(PatternKind.FILTER, PatternKind.THRESHOLD, PatternKind.SEQUENCE);
    }

    @Test
    void subsetsNeverExceedThePack() {
        assertThat(PackConditions.firstMixed(pack, 1).size()).isEqualTo(1);
        assertThat(PackConditions.firstMixed(pack, pack.size() + 10).size()).isEqualTo(pack.size());
    }
}
