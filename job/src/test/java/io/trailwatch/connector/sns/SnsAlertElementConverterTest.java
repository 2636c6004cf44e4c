package io.trailwatch.connector.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.alert.Alert;
import io.trailwatch.alert.AlertJson;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SnsAlertElementConverterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int ONE_MEGABYTE = 1_048_576;

    private final SnsAlertElementConverter standard = new SnsAlertElementConverter(false);

    @Test
    void smallAlertsAreSentUnchanged() {
        Alert alert = TestAlerts.failedSignIns(1, 5);

        SnsPublishEntry entry = standard.convert(alert);

        assertThat(entry.message()).isEqualTo(AlertJson.toJson(alert));
        assertThat(entry.severity()).isEqualTo("medium");
        assertThat(entry.patternId()).isEqualTo("console-signin-failures");
    }

    @Test
    void aOneMegabyteAlertIsTrimmedToSnsLimitAndStillParses() throws Exception {
        Alert huge = TestAlerts.withLargeEvents(400, 2_600);
        assertThat(AlertJson.toJson(huge).length()).isGreaterThan(ONE_MEGABYTE);

        SnsPublishEntry entry = standard.convert(huge);

        assertThat(entry.sizeInBytes()).isLessThanOrEqualTo(SnsPublishEntry.MAX_PUBLISH_BYTES);
        assertThat(entry.message().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(SnsPublishEntry.MAX_PUBLISH_BYTES);
        Alert parsed = AlertJson.parse(entry.message());
        JsonNode json = MAPPER.readTree(entry.message());
        int kept = parsed.events.length;
        assertThat(kept).isBetween(1, 399);
        assertThat(json.get("truncated").asBoolean()).isTrue();
        assertThat(json.get("eventsOmitted").asInt()).isEqualTo(400 - kept);
        assertThat(parsed.events).containsExactly(Arrays.copyOf(eventsOf(huge), kept));
        assertThat(parsed.eventIds).containsExactly(huge.eventIds);
        assertThat(parsed.count).isEqualTo(400);
        assertThat(parsed.alertId).isEqualTo(huge.alertId);
    }

    @Test
    void trimmingKeepsAsManyEventsAsFit() {
        Alert huge = TestAlerts.withLargeEvents(400, 2_600);

        SnsPublishEntry entry = standard.convert(huge);

        int kept = AlertJson.parse(entry.message()).events.length;
        long oneMoreEvent = entry.sizeInBytes() + huge.events[kept].length() + 1;
        assertThat(oneMoreEvent).isGreaterThan(SnsPublishEntry.MAX_PUBLISH_BYTES);
    }

    @Test
    void alertsOfVeryManyEventsAlsoLoseEventIds() throws Exception {
        Alert many = TestAlerts.failedSignIns(1, 20_000);

        SnsPublishEntry entry = standard.convert(many);

        assertThat(entry.sizeInBytes()).isLessThanOrEqualTo(SnsPublishEntry.MAX_PUBLISH_BYTES);
        Alert parsed = AlertJson.parse(entry.message());
        JsonNode json = MAPPER.readTree(entry.message());
        assertThat(parsed.events).isEmpty();
        assertThat(json.get("eventsOmitted").asInt()).isEqualTo(20_000);
        assertThat(json.get("eventIdsOmitted").asInt())
                .isEqualTo(20_000 - parsed.eventIds.length)
                .isPositive();
        assertThat(parsed.eventIds)
                .containsExactly(Arrays.copyOf(many.eventIds, parsed.eventIds.length));
    }

    @Test
    void anAlertThatCannotFitIsRejectedNamingIt() {
        Alert alert = TestAlerts.failedSignIns(1, 1);
        alert.groupValues = new String[] {"v".repeat(300_000)};

        assertThatThrownBy(() -> standard.convert(alert))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(alert.alertId)
                .hasMessageContaining("console-signin-failures");
    }

    @Test
    void fifoEntriesCarryGroupAndDeduplicationIds() {
        Alert alert = TestAlerts.rootLogin(7);

        SnsPublishEntry entry = new SnsAlertElementConverter(true).convert(alert);

        assertThat(entry.messageGroupId()).isEqualTo("root-account-usage");
        assertThat(entry.deduplicationId()).isEqualTo(alert.alertId);
    }

    @Test
    void fifoTopicsAreRecognisedByTheirSuffix() {
        assertThat(SnsAlertElementConverter.isFifoTopic("arn:aws:sns:us-east-1:1:alerts.fifo"))
                .isTrue();
        assertThat(SnsAlertElementConverter.isFifoTopic("arn:aws:sns:us-east-1:1:alerts"))
                .isFalse();
    }

    private static String[] eventsOf(Alert alert) {
        // AlertJson.parse gives events back as compact JSON, as they were written.
        return AlertJson.parse(AlertJson.toJson(alert)).events;
    }
}
