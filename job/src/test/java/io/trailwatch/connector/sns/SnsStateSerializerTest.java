package io.trailwatch.connector.sns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;
import org.junit.jupiter.api.Test;

class SnsStateSerializerTest {

    private final SnsStateSerializer serializer = new SnsStateSerializer();

    @Test
    void roundTripsStandardAndFifoEntries() throws Exception {
        SnsPublishEntry standard =
                new SnsPublishEntry(
                        "[HIGH] Root account used - 123456789012",
                        "{\"alertId\":\"a\",\"title\":\"Zugriff — ü\"}",
                        "high",
                        "root-account-usage",
                        null,
                        null);
        SnsPublishEntry fifo =
                new SnsPublishEntry("[LOW] x", "m".repeat(200_000), "low", "p", "p", "alert-id-1");
        BufferedRequestState<SnsPublishEntry> state =
                new BufferedRequestState<>(
                        List.of(
                                new RequestEntryWrapper<>(standard, standard.sizeInBytes()),
                                new RequestEntryWrapper<>(fifo, fifo.sizeInBytes())));

        BufferedRequestState<SnsPublishEntry> restored =
                serializer.deserialize(serializer.getVersion(), serializer.serialize(state));

        assertThat(restored.getBufferedRequestEntries())
                .extracting(RequestEntryWrapper::getRequestEntry)
                .containsExactly(standard, fifo);
        assertThat(restored.getBufferedRequestEntries())
                .extracting(RequestEntryWrapper::getSize)
                .containsExactly(standard.sizeInBytes(), fifo.sizeInBytes());
    }

    @Test
    void versionOneIsTheCurrentFormat() {
        assertThat(serializer.getVersion()).isEqualTo(1);
    }
}
