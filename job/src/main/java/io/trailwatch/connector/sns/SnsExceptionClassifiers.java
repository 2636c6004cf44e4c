package io.trailwatch.connector.sns;

import static org.apache.flink.connector.base.sink.writer.AsyncSinkFatalExceptionClassifiers.getInterruptedExceptionClassifier;

import java.util.Set;
import java.util.function.Consumer;
import org.apache.flink.connector.base.sink.throwable.FatalExceptionClassifier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sns.model.AuthorizationErrorException;
import software.amazon.awssdk.services.sns.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sns.model.BatchRequestTooLongException;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sns.model.InvalidBatchEntryIdException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sns.model.InvalidSecurityException;
import software.amazon.awssdk.services.sns.model.KmsAccessDeniedException;
import software.amazon.awssdk.services.sns.model.KmsDisabledException;
import software.amazon.awssdk.services.sns.model.KmsNotFoundException;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.TooManyEntriesInBatchRequestException;

/**
 * Which SNS failures are fatal and which are worth retrying. Fatal: the caller is not allowed or
 * not authenticated, the topic does not exist, or the request itself is invalid — sending it again
 * gives the same answer, so the job fails with a message that says what to fix. Retryable:
 * throttling, server errors (5xx) and I/O problems.
 */
public final class SnsExceptionClassifiers {

    /** Error codes that mean "not allowed / not authenticated" whatever exception carries them. */
    private static final Set<String> AUTH_ERROR_CODES =
            Set.of(
                    "AccessDenied",
                    "AccessDeniedException",
                    "AuthorizationError",
                    "InvalidClientTokenId",
                    "SignatureDoesNotMatch",
                    "UnrecognizedClientException",
                    "ExpiredToken",
                    "MissingAuthenticationToken");

    /** Entry error codes of PublishBatch that mean "try again later". */
    private static final Set<String> RETRYABLE_ENTRY_CODES =
            Set.of(
                    "Throttled",
                    "ThrottledException",
                    "Throttling",
                    "ThrottlingException",
                    "KMSThrottling",
                    "KmsThrottlingException",
                    "InternalError",
                    "InternalErrorException",
                    "InternalFailure",
                    "ServiceUnavailable");

    private static final FatalExceptionClassifier REQUEST_CLASSIFIER =
            FatalExceptionClassifier.createChain(
                    getInterruptedExceptionClassifier(),
                    fatal(
                            AuthorizationErrorException.class,
                            "SNS denied publishing to the topic: grant sns:Publish on it to the"
                                    + " job's role"),
                    fatal(
                            InvalidSecurityException.class,
                            "SNS rejected the request's security: use HTTPS and Signature Version"
                                    + " 4"),
                    fatal(
                            NotFoundException.class,
                            "SNS topic not found: check the topic ARN and the region"),
                    fatal(
                            InvalidParameterException.class,
                            "SNS rejected a parameter of the request"),
                    fatal(
                            InvalidParameterValueException.class,
                            "SNS rejected a parameter value of the request"),
                    fatal(
                            KmsAccessDeniedException.class,
                            "SNS cannot use the topic's KMS key: allow the key's use to SNS and"
                                    + " the job's role"),
                    fatal(KmsDisabledException.class, "the topic's KMS key is disabled"),
                    fatal(KmsNotFoundException.class, "the topic's KMS key does not exist"),
                    fatal(
                            EmptyBatchRequestException.class,
                            "the sink sent an empty PublishBatch request"),
                    fatal(
                            TooManyEntriesInBatchRequestException.class,
                            "the sink sent more than 10 entries in one PublishBatch request"),
                    fatal(
                            BatchEntryIdsNotDistinctException.class,
                            "the sink sent duplicate entry ids in one PublishBatch request"),
                    fatal(
                            InvalidBatchEntryIdException.class,
                            "the sink sent an invalid entry id in a PublishBatch request"),
                    fatal(
                            BatchRequestTooLongException.class,
                            "the sink sent a PublishBatch request over SNS's size limit"),
                    new FatalExceptionClassifier(
                            SnsExceptionClassifiers::isAuthFailure,
                            err ->
                                    new SnsAlertSinkException(
                                            "AWS rejected the credentials or denied access: check"
                                                    + " the credentials and the role's policy",
                                            err)),
                    new FatalExceptionClassifier(
                            SnsExceptionClassifiers::isMissingCredentialsOrRegion,
                            err ->
                                    new SnsAlertSinkException(
                                            "the AWS client is misconfigured: provide credentials"
                                                    + " (default chain) and a region",
                                            err)));

    private SnsExceptionClassifiers() {}

    /**
     * Whether a failed PublishBatch request must fail the job; if so, {@code onFatal} receives the
     * exception that explains why.
     */
    public static boolean isFatal(Throwable err, Consumer<Exception> onFatal) {
        // Flink's classifier answers "may continue": false means it found the error fatal.
        return !REQUEST_CLASSIFIER.isFatal(err, onFatal);
    }

    /**
     * Whether one failed entry of a PublishBatch response is worth sending again: throttling and
     * server-side faults are; errors SNS blames on the sender are not.
     */
    public static boolean isRetryable(BatchResultErrorEntry error) {
        if (error.code() != null && RETRYABLE_ENTRY_CODES.contains(error.code())) {
            return true;
        }
        return !Boolean.TRUE.equals(error.senderFault());
    }

    private static FatalExceptionClassifier fatal(
            Class<? extends Throwable> type, String explanation) {
        return FatalExceptionClassifier.withRootCauseOfType(
                type, err -> new SnsAlertSinkException(explanation, err));
    }

    private static boolean isAuthFailure(Throwable err) {
        AwsServiceException service = find(err, AwsServiceException.class);
        if (service == null) {
            return false;
        }
        int status = service.statusCode();
        String code =
                service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
        return status == 401 || status == 403 || (code != null && AUTH_ERROR_CODES.contains(code));
    }

    private static boolean isMissingCredentialsOrRegion(Throwable err) {
        SdkClientException client = find(err, SdkClientException.class);
        String message = client == null ? null : client.getMessage();
        return message != null
                && (message.contains("Unable to load credentials")
                        || message.contains("Unable to load region"));
    }

    private static <T extends Throwable> T find(Throwable err, Class<T> type) {
        for (Throwable t = err; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
