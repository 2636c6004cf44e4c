package io.trailwatch.ingest;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** {@link S3ObjectFetcher} on the AWS SDK v2 {@link S3Client} (GetObject, streamed). */
public final class SdkS3ObjectFetcher implements S3ObjectFetcher {

    private static final int TOO_MANY_REQUESTS = 429;
    private static final int REQUEST_TIMEOUT = 408;

    private final S3Client s3;

    public SdkS3ObjectFetcher(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public FetchedObject open(S3ObjectRef object, String requiredETag) throws FetchException {
        GetObjectRequest.Builder request =
                GetObjectRequest.builder().bucket(object.bucket()).key(object.key());
        if (requiredETag != null && !requiredETag.isEmpty()) {
            request.ifMatch(requiredETag);
        }
        try {
            ResponseInputStream<GetObjectResponse> body = s3.getObject(request.build());
            GetObjectResponse response = body.response();
            long length = response.contentLength() == null ? -1 : response.contentLength();
            return new FetchedObject(body, response.eTag(), length);
        } catch (SdkException e) {
            throw classify(object, e);
        }
    }

    static FetchException classify(S3ObjectRef object, SdkException e) {
        if (e instanceof NoSuchKeyException || e instanceof NoSuchBucketException) {
            return FetchException.permanent(object + " does not exist", e);
        }
        if (e instanceof S3Exception) {
            int status = ((S3Exception) e).statusCode();
            String code =
                    ((S3Exception) e).awsErrorDetails() == null
                            ? String.valueOf(status)
                            : ((S3Exception) e).awsErrorDetails().errorCode();
            boolean retryable =
                    status >= 500 || status == TOO_MANY_REQUESTS || status == REQUEST_TIMEOUT;
            String message = "GetObject " + object + " failed: " + code + " (HTTP " + status + ")";
            return retryable
                    ? FetchException.retryable(message, e)
                    : FetchException.permanent(message, e);
        }
        if (e instanceof SdkClientException || e.retryable()) {
            return FetchException.retryable("GetObject " + object + " failed: " + e, e);
        }
        return FetchException.permanent("GetObject " + object + " failed: " + e, e);
    }

    @Override
    public void close() {
        s3.close();
    }
}
