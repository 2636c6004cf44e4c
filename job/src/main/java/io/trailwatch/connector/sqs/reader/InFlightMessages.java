package io.trailwatch.connector.sqs.reader;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages a reader holds between receiving and deleting them. A message is
 *
 * <ol>
 *   <li><em>processing</em> while its files are read and emitted;
 *   <li><em>emitted</em> once its last record left the source;
 *   <li><em>covered</em> by the first checkpoint taken after that, and deleted when that checkpoint
 *       completes.
 * </ol>
 *
 * A message left for the redrive policy is simply forgotten: its visibility is no longer extended,
 * so it reappears. Thread-safe: the fetch thread adds, the task thread advances, the acknowledger
 * reads receipt handles.
 */
final class InFlightMessages {

    private static final long NOT_COVERED = Long.MAX_VALUE;

    /** A message and, once emitted, the checkpoint that covers it. */
    static final class Held {
        final String messageId;
        final String receiptHandle;
        boolean emitted;
        long coveringCheckpoint = NOT_COVERED;

        Held(String messageId, String receiptHandle) {
            this.messageId = messageId;
            this.receiptHandle = receiptHandle;
        }
    }

    private final Map<String, Held> held = new LinkedHashMap<>();

    synchronized void received(String messageId, String receiptHandle) {
        held.put(messageId, new Held(messageId, receiptHandle));
    }

    synchronized int size() {
        return held.size();
    }

    /** Waits up to {@code timeoutMillis} for room; true if fewer than {@code max} are held. */
    synchronized boolean awaitRoom(int max, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        long left;
        while (held.size() >= max && (left = deadline - System.currentTimeMillis()) > 0) {
            wait(left);
        }
        return held.size() < max;
    }

    /** Forgets the message without deleting it, so the queue redelivers or dead-letters it. */
    synchronized void leaveForRedrive(String messageId) {
        held.remove(messageId);
        notifyAll();
    }

    synchronized void emitted(String messageId) {
        Held message = held.get(messageId);
        if (message != null) {
            message.emitted = true;
        }
    }

    /** Every message emitted before this checkpoint is covered by it. */
    synchronized void checkpointTaken(long checkpointId) {
        for (Held message : held.values()) {
            if (message.emitted && message.coveringCheckpoint == NOT_COVERED) {
                message.coveringCheckpoint = checkpointId;
            }
        }
    }

    /** Removes and returns the messages covered by this or an earlier checkpoint. */
    synchronized List<Held> checkpointCompleted(long checkpointId) {
        List<Held> done = new ArrayList<>();
        Iterator<Held> it = held.values().iterator();
        while (it.hasNext()) {
            Held message = it.next();
            if (message.coveringCheckpoint <= checkpointId) {
                done.add(message);
                it.remove();
            }
        }
        if (!done.isEmpty()) {
            notifyAll();
        }
        return done;
    }

    /** Receipt handles of every held message, whose visibility must be kept extended. */
    synchronized List<String> receiptHandles() {
        List<String> handles = new ArrayList<>(held.size());
        held.values().forEach(message -> handles.add(message.receiptHandle));
        return handles;
    }
}
