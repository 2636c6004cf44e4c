package io.trailwatch.detect.windowed;

import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.Test;

class ThresholdWindowBoundsTest {

    @Test
    void isStoredAsAPojoWithoutKryo() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(ThresholdWindowBounds.class);
    }
}
