package io.trailwatch.connector.sqs.reader;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a reader from receiving messages until it knows the remembered files every reader restored
 * (the enumerator's {@code SharedFilesEvent}): a message another reader had read part or all of
 * before the checkpoint may be redelivered to this one. The task thread opens it; the fetch thread
 * waits on it.
 */
final class SharedFilesGate {

    private final CountDownLatch shared = new CountDownLatch(1);

    void open() {
        shared.countDown();
    }

    boolean isOpen() {
        return shared.getCount() == 0;
    }

    /** Waits up to {@code timeoutMillis}; true once open. */
    boolean awaitOpen(long timeoutMillis) throws InterruptedException {
        return shared.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }
}
