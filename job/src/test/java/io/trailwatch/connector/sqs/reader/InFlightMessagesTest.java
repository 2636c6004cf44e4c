package io.trailwatch.connector.sqs.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A message is deleted only when a checkpoint taken after its last record completes. */
class InFlightMessagesTest {

    private final InFlightMessages inFlight = new InFlightMessages();

    private List<String> deletedAt(long checkpointId) {
        return inFlight.checkpointCompleted(checkpointId).stream()
                .map(held -> held.messageId)
                .toList();
    }

    @Test
    void aMessageEmittedBeforeACheckpointIsDeletedWhenThatCheckpointCompletes() {
        inFlight.received("m1", "r1");
        inFlight.emitted("m1");
        inFlight.checkpointTaken(7);

        assertThat(deletedAt(6)).isEmpty();
        assertThat(deletedAt(7)).containsExactly("m1");
        assertThat(inFlight.size()).isZero();
    }

    @Test
    void aMessageEmittedAfterTheCheckpointWaitsForTheNextOne() {
        inFlight.received("m1", "r1");
        inFlight.checkpointTaken(7);
        inFlight.emitted("m1");

        assertThat(deletedAt(7)).isEmpty();
        inFlight.checkpointTaken(8);
        assertThat(deletedAt(8)).containsExactly("m1");
    }

    @Test
    void aMessageStillBeingReadIsNeverDeletedAndKeepsItsVisibilityExtended() {
        inFlight.received("m1", "r1");
        inFlight.checkpointTaken(7);

        assertThat(deletedAt(7)).isEmpty();
        assertThat(inFlight.receiptHandles()).containsExactly("r1");
    }

    @Test
    void aMessageLeftForRedriveIsNeitherDeletedNorExtended() {
        inFlight.received("m1", "r1");
        inFlight.leaveForRedrive("m1");
        inFlight.checkpointTaken(7);

        assertThat(deletedAt(7)).isEmpty();
        assertThat(inFlight.receiptHandles()).isEmpty();
    }

    @Test
    void receivingStopsWhileTheBoundIsReached() throws InterruptedException {
        inFlight.received("m1", "r1");
        inFlight.received("m2", "r2");

        assertThat(inFlight.awaitRoom(2, 10)).isFalse();
        inFlight.leaveForRedrive("m1");
        assertThat(inFlight.awaitRoom(2, 10)).isTrue();
    }
}
