package io.trailwatch.aws;

import java.io.Serializable;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Creates the S3 client a task uses. Serializable so it travels with the job graph; the client
 * itself is created on the task manager.
 */
@FunctionalInterface
public interface S3ClientProvider extends Serializable {
    S3Client createS3Client();
}
