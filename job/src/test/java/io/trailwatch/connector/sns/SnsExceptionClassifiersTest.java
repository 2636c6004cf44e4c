package io.trailwatch.connector.sns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sns.model.AuthorizationErrorException;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.InternalErrorException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sns.model.ThrottledException;

class SnsExceptionClassifiersTest {

    private final List<Exception> reported = new ArrayList<>();

    @Test
    void authorizationErrorsAreFatal() {
        assertFatal(
                AuthorizationErrorException.builder()
                        .statusCode(403)
                        .awsErrorDetails(details("AuthorizationError"))
                        .build(),
                "grant sns:Publish");
    }

    @Test
    void rejectedCredentialsAreFatalWhateverExceptionCarriesThem() {
        assertFatal(
                SnsException.builder()
                        .statusCode(403)
                        .awsErrorDetails(details("InvalidClientTokenId"))
                        .build(),
                "check the credentials");
    }

    @Test
    void missingTopicIsFatal() {
        assertFatal(
                NotFoundException.builder()
                        .statusCode(404)
                        .awsErrorDetails(details("NotFound"))
                        .build(),
                "check the topic ARN");
    }

    @Test
    void invalidParametersAreFatal() {
        assertFatal(
                InvalidParameterException.builder()
                        .statusCode(400)
                        .awsErrorDetails(details("InvalidParameter"))
                        .build(),
                "rejected a parameter");
    }

    @Test
    void missingCredentialsAreFatal() {
        assertFatal(
                SdkClientException.create("Unable to load credentials from any of the providers"),
                "provide credentials");
    }

    @Test
    void fatalErrorsAreFoundBehindTheFutureThatCarriesThem() {
        assertFatal(
                new CompletionException(
                        NotFoundException.builder()
                                .statusCode(404)
                                .awsErrorDetails(details("NotFound"))
                                .build()),
                "check the topic ARN");
    }

    @Test
    void throttlingIsRetryable() {
        assertRetryable(
                ThrottledException.builder()
                        .statusCode(400)
                        .awsErrorDetails(details("Throttled"))
                        .build());
    }

    @Test
    void serverErrorsAreRetryable() {
        assertRetryable(
                InternalErrorException.builder()
                        .statusCode(500)
                        .awsErrorDetails(details("InternalError"))
                        .build());
        assertRetryable(
                SnsException.builder()
                        .statusCode(503)
                        .awsErrorDetails(details("ServiceUnavailable"))
                        .build());
    }

    @Test
    void ioErrorsAreRetryable() {
        assertRetryable(
                SdkClientException.create(
                        "Unable to execute HTTP request", new IOException("Connection refused")));
    }

    @Test
    void entryErrorsBlamedOnTheSenderAreFatalUnlessThrottling() {
        assertThat(SnsExceptionClassifiers.isRetryable(entryError("InvalidParameter", true)))
                .isFalse();
        assertThat(SnsExceptionClassifiers.isRetryable(entryError("Throttled", true))).isTrue();
        assertThat(SnsExceptionClassifiers.isRetryable(entryError("InternalError", false)))
                .isTrue();
        assertThat(SnsExceptionClassifiers.isRetryable(entryError("Unexpected", false))).isTrue();
    }

    private void assertFatal(Throwable error, String explanation) {
        assertThat(SnsExceptionClassifiers.isFatal(error, reported::add)).isTrue();
        assertThat(reported)
                .singleElement()
                .satisfies(e -> assertThat(e).hasMessageContaining(explanation));
    }

    private void assertRetryable(Throwable error) {
        assertThat(SnsExceptionClassifiers.isFatal(error, reported::add)).isFalse();
        assertThat(reported).isEmpty();
    }

    private static AwsErrorDetails details(String code) {
        return AwsErrorDetails.builder().errorCode(code).errorMessage(code).build();
    }

    private static BatchResultErrorEntry entryError(String code, boolean senderFault) {
        return BatchResultErrorEntry.builder()
                .id("0")
                .code(code)
                .message(code)
                .senderFault(senderFault)
                .build();
    }
}
