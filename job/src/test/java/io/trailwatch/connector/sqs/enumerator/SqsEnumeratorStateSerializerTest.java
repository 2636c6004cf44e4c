package io.trailwatch.connector.sqs.enumerator;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.connector.sqs.split.SqsSplit;
import io.trailwatch.ingest.ProcessedFiles;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SqsEnumeratorStateSerializerTest {

    private static final String QUEUE = "http://127.0.0.1:9324/000000000000/trail";

    @Test
    void roundTripsAssignedIdsAndReturnedSplits() throws IOException {
        SqsSplit returned =
                new SqsSplit(
                        "sqs-reader-1",
                        QUEUE,
                        List.of(new ProcessedFiles.Entry("b", "k", "\"e\"", false, 42L)));
        SqsEnumeratorState state =
                new SqsEnumeratorState(Set.of("sqs-reader-0"), List.of(returned));
        SqsEnumeratorStateSerializer serializer = new SqsEnumeratorStateSerializer();

        SqsEnumeratorState copy =
                serializer.deserialize(serializer.getVersion(), serializer.serialize(state));

        assertThat(copy).isEqualTo(state);
    }
}
