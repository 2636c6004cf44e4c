package io.trailwatch.connector.sns;

import java.io.Serializable;

/**
 * Creates the SNS client on the task manager. Serializable, because the sink that holds it travels
 * with the job graph; the client itself is created where it is used.
 */
@FunctionalInterface
public interface SnsClientProvider extends Serializable {

    /**
     * @param maxConcurrentRequests how many requests the writer may have in flight at once
     */
    SnsPublishClient create(int maxConcurrentRequests);
}
