package io.trailwatch.aggregate;

import static org.apache.flink.types.PojoTestUtils.assertSerializedAsPojoWithoutKryo;

import org.junit.jupiter.api.Test;

/** What the aggregation shuffles, keeps in state and emits travels as Flink POJOs, never Kryo. */
class AggregateTypesTest {

    @Test
    void shuffledCountsAreAPojo() {
        assertSerializedAsPojoWithoutKryo(ActivityCount.class);
    }

    @Test
    void windowTotalsAreAPojo() {
        assertSerializedAsPojoWithoutKryo(ActivityTotals.class);
    }

    @Test
    void outputRowsAreAPojo() {
        assertSerializedAsPojoWithoutKryo(AggregateRow.class);
    }
}
