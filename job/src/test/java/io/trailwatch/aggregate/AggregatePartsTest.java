package io.trailwatch.aggregate;

import static io.trailwatch.aggregate.TestActivity.ALICE;
import static io.trailwatch.aggregate.TestActivity.CLOUDTRAIL_SERVICE;
import static io.trailwatch.aggregate.TestActivity.T0;
import static io.trailwatch.aggregate.TestActivity.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwatch.cloudtrail.RecordFlattener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AggregatePartsTest {

    @Test
    void principalIsTheArnWhenPresent() {
        assertThat(Principals.of(call("GetObject", T0).by(ALICE).build())).isEqualTo(ALICE);
    }

    @Test
    void awsServicesAreNamedByInvokedBy() {
        assertThat(Principals.of(call("Decrypt", T0).byService(CLOUDTRAIL_SERVICE).build()))
                .isEqualTo(CLOUDTRAIL_SERVICE);
    }

    @Test
    void identitiesWithoutArnFallBackToPrincipalIdThenAccount() throws Exception {
        String crossAccount =
                "{\"userIdentity\":{\"type\":\"AWSAccount\",\"principalId\":\"AIDAEXAMPLE\","
                        + "\"accountId\":\"444455556666\"}}";
        String anonymous =
                "{\"userIdentity\":{\"type\":\"AWSAccount\",\"principalId\":\"\","
                        + "\"accountId\":\"ANONYMOUS_PRINCIPAL\"}}";
        assertThat(Principals.of(RecordFlattener.flatten(crossAccount))).isEqualTo("AIDAEXAMPLE");
        assertThat(Principals.of(RecordFlattener.flatten(anonymous)))
                .isEqualTo("ANONYMOUS_PRINCIPAL");
        assertThat(Principals.of(RecordFlattener.flatten("{\"eventName\":\"X\"}"))).isNull();
    }

    @Test
    void granularitiesAreNamedAfterTheirSize() {
        assertThat(Granularity.of(Duration.ofMinutes(1)).name()).isEqualTo("minute");
        assertThat(Granularity.of(Duration.ofHours(1)).name()).isEqualTo("hour");
        assertThat(Granularity.of(Duration.ofDays(1)).name()).isEqualTo("day");
        assertThat(Granularity.of(Duration.ofMinutes(5)).name()).isEqualTo("5m");
        assertThat(Granularity.of(Duration.ofSeconds(90)).name()).isEqualTo("90s");
        assertThat(Granularity.of(Duration.ofHours(6)).name()).isEqualTo("6h");
    }

    @Test
    void windowsAlignToTheEpochAsFlinkTumblingWindowsDo() {
        long t = Instant.parse("2024-03-01T10:17:42Z").toEpochMilli();
        assertThat(Instant.ofEpochMilli(Granularity.HOUR.windowStart(t)))
                .isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
        assertThat(Instant.ofEpochMilli(Granularity.MINUTE.windowEnd(t)))
                .isEqualTo(Instant.parse("2024-03-01T10:18:00Z"));
    }

    @Test
    void unusableWindowSizesAreRefusedWithTheSize() {
        assertThatThrownBy(() -> Granularity.of(Duration.ZERO))
                .hasMessageContaining("positive whole number of seconds");
        assertThatThrownBy(() -> Granularity.of(Duration.ofMillis(1500)))
                .hasMessageContaining("PT1.5S");
        assertThatThrownBy(
                        () ->
                                ActivityAggregates.granularities(
                                        List.of(Duration.ofMinutes(1), Duration.ofSeconds(60))))
                .hasMessageContaining("listed twice");
    }

    @Test
    void jsonHasEveryFieldInTheDeclaredOrder() throws Exception {
        AggregateRow row = new AggregateRow();
        row.granularity = "minute";
        row.windowStartMillis = T0.toEpochMilli();
        row.windowEndMillis = T0.plusSeconds(60).toEpochMilli();
        row.dimension = "errorCode";
        row.events = 4;
        String json = AggregateJson.toJson(row);
        assertThat(json)
                .isEqualTo(
                        "{\"granularity\":\"minute\",\"windowStart\":\"2024-03-01T10:00:00Z\","
                                + "\"windowEnd\":\"2024-03-01T10:01:00Z\",\"dimension\":\"errorCode\","
                                + "\"value\":null,\"events\":4,\"errors\":0,"
                                + "\"distinctEventNames\":null,\"distinctSourceIps\":null,"
                                + "\"late\":false}");
        List<String> names = new java.util.ArrayList<>();
        new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(json)
                .fieldNames()
                .forEachRemaining(names::add);
        assertThat(names).isEqualTo(AggregateJson.FIELDS);
    }
}
