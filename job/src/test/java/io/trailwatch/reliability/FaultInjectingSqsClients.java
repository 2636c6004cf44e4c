package io.trailwatch.reliability;

import io.trailwatch.aws.SqsClientProvider;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * SQS clients that fail their reader once, right after the first ReceiveMessage that returned
 * messages: SQS counts them as received and hides them, but the reader never sees them, as when a
 * task manager dies between the two.
 */
final class FaultInjectingSqsClients implements SqsClientProvider {
    private static final long serialVersionUID = 1L;

    private final SqsClientProvider clients;
    private final String fault;

    FaultInjectingSqsClients(SqsClientProvider clients, String fault) {
        this.clients = clients;
        this.fault = fault;
    }

    @Override
    public SqsClient createSqsClient() {
        return new Client(clients.createSqsClient());
    }

    /** Forwards the calls the source makes; fails after a receive. */
    private final class Client implements SqsClient {
        private final SqsClient sqs;

        Client(SqsClient sqs) {
            this.sqs = sqs;
        }

        @Override
        public ReceiveMessageResponse receiveMessage(ReceiveMessageRequest request) {
            ReceiveMessageResponse response = sqs.receiveMessage(request);
            if (response.hasMessages()
                    && !response.messages().isEmpty()
                    && Faults.fireOnce(fault)) {
                throw new InjectedFault(
                        fault
                                + ": received "
                                + response.messages().size()
                                + " messages, crashed before reading their files");
            }
            return response;
        }

        @Override
        public DeleteMessageBatchResponse deleteMessageBatch(DeleteMessageBatchRequest request) {
            return sqs.deleteMessageBatch(request);
        }

        @Override
        public ChangeMessageVisibilityBatchResponse changeMessageVisibilityBatch(
                ChangeMessageVisibilityBatchRequest request) {
            return sqs.changeMessageVisibilityBatch(request);
        }

        @Override
        public String serviceName() {
            return sqs.serviceName();
        }

        @Override
        public void close() {
            sqs.close();
        }
    }
}
