package io.trailwatch.connector.sns;

import java.time.Duration;
import org.apache.flink.api.common.operators.MailboxExecutor;
import org.apache.flink.api.common.operators.ProcessingTimeService;

/**
 * Runs a retry after a delay without blocking anyone: the writer's request stays in flight while it
 * waits, so Flink's own limits on in-flight requests and its checkpoint flush see it.
 */
@FunctionalInterface
interface RetryTimer {

    void after(Duration delay, Runnable retry);

    /**
     * On the task's processing-time service. Failures arrive on the SDK's threads, so the timer is
     * registered from the mailbox (the task thread), where that service expects its callers; the
     * timer fires there too.
     */
    static RetryTimer onTaskTimers(MailboxExecutor mailbox, ProcessingTimeService time) {
        return (delay, retry) ->
                mailbox.execute(
                        () ->
                                time.registerTimer(
                                        time.getCurrentProcessingTime() + delay.toMillis(),
                                        firedAt -> retry.run()),
                        "schedule an SNS retry in %s ms",
                        delay.toMillis());
    }
}
