package io.trailwatch.aws;

import java.io.Serializable;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Creates the SQS client a task uses. Serializable so it travels with the job graph; the client
 * itself is created on the task manager. Tests pass small hand-written fakes.
 */
@FunctionalInterface
public interface SqsClientProvider extends Serializable {
    SqsClient createSqsClient();
}
