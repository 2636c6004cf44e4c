package io.trailwatch.connector.sns;

import java.util.OptionalLong;
import org.apache.flink.api.common.JobInfo;
import org.apache.flink.api.common.TaskInfo;
import org.apache.flink.api.common.operators.MailboxExecutor;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.apache.flink.runtime.metrics.groups.InternalSinkWriterMetricGroup;
import org.apache.flink.runtime.metrics.groups.UnregisteredMetricGroups;
import org.apache.flink.streaming.runtime.tasks.StreamTaskActionExecutor;
import org.apache.flink.streaming.runtime.tasks.TestProcessingTimeService;
import org.apache.flink.streaming.runtime.tasks.mailbox.MailboxExecutorImpl;
import org.apache.flink.streaming.runtime.tasks.mailbox.TaskMailboxImpl;
import org.apache.flink.util.UserCodeClassLoader;

/**
 * What a sink writer gets from its task, without a task: a real mailbox on the test thread (the
 * writer completes requests through it), a manual clock, and unregistered metrics.
 */
final class TestWriterContext implements WriterInitContext {

    private final MailboxExecutor mailbox =
            new MailboxExecutorImpl(
                    new TaskMailboxImpl(Thread.currentThread()),
                    Integer.MAX_VALUE,
                    StreamTaskActionExecutor.IMMEDIATE);
    private final TestProcessingTimeService time = new TestProcessingTimeService();
    private final SinkWriterMetricGroup metrics =
            InternalSinkWriterMetricGroup.wrap(
                    UnregisteredMetricGroups.createUnregisteredOperatorMetricGroup());

    /** The manual clock: setting its time fires the timers due. */
    TestProcessingTimeService time() {
        return time;
    }

    /** Runs the mails waiting in the mailbox, as the task thread would between records. */
    void runMailbox() throws InterruptedException {
        while (mailbox.tryYield()) {
            // each call ran one mail
        }
    }

    SinkWriterMetricGroup metrics() {
        return metrics;
    }

    @Override
    public MailboxExecutor getMailboxExecutor() {
        return mailbox;
    }

    @Override
    public ProcessingTimeService getProcessingTimeService() {
        return time;
    }

    @Override
    public SinkWriterMetricGroup metricGroup() {
        return metrics;
    }

    @Override
    public UserCodeClassLoader getUserCodeClassLoader() {
        throw new UnsupportedOperationException("not needed by the SNS sink");
    }

    @Override
    public SerializationSchema.InitializationContext asSerializationSchemaInitializationContext() {
        throw new UnsupportedOperationException("not needed by the SNS sink");
    }

    @Override
    public boolean isObjectReuseEnabled() {
        return false;
    }

    @Override
    public <IN> TypeSerializer<IN> createInputSerializer() {
        throw new UnsupportedOperationException("not needed by the SNS sink");
    }

    @Override
    public OptionalLong getRestoredCheckpointId() {
        return OptionalLong.empty();
    }

    @Override
    public JobInfo getJobInfo() {
        throw new UnsupportedOperationException("not needed by the SNS sink");
    }

    @Override
    public TaskInfo getTaskInfo() {
        throw new UnsupportedOperationException("not needed by the SNS sink");
    }
}
