package io.trailwatch.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.junit.jupiter.api.Test;

/** Flink's serializer contract for {@link AlertSerializer}, on alerts that reach every branch. */
class AlertSerializerTest extends SerializerTestBase<Alert> {

    @Override
    protected TypeSerializer<Alert> createSerializer() {
        return new AlertSerializer();
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<Alert> getTypeClass() {
        return Alert.class;
    }

    @Override
    protected Alert[] getTestData() {
        Alert fewFields = alert("few-fields");
        fewFields.title = "";
        fewFields.groupKeys = new String[0];
        fewFields.groupValues = new String[0];
        fewFields.eventIds = new String[0];
        fewFields.events = new String[0];

        Alert threshold = alert("threshold-alert");
        threshold.groupKeys = new String[] {"$.userIdentity.arn", "$.userAgent"};
        threshold.groupValues = new String[] {"arn:aws:iam::123456789012:user/alice", null};
        threshold.eventIds = new String[] {"e1", "e2", "e3"};
        threshold.events =
                new String[] {"{\"eventID\":\"e1\"}", "{\"eventID\":\"e2\"}", "x".repeat(100_000)};
        threshold.count = 3;

        Alert notLatin1 = alert("not-latin-1");
        notLatin1.title = "Zoë Ωmega 名前 \uD83D\uDE00 and an unpaired \uD800";
        notLatin1.groupKeys = new String[0];
        notLatin1.groupValues = new String[0];
        notLatin1.events = new String[] {"{\"userName\":\"Ωmega\"}", ""};

        return new Alert[] {fewFields, threshold, notLatin1};
    }

    @Test
    void alertsUseThisSerializerWhereverTheyTravel() {
        assertThat(TypeInformation.of(Alert.class).createSerializer(new SerializerConfigImpl()))
                .isInstanceOf(AlertSerializer.class);
    }

    private static Alert alert(String patternId) {
        Alert alert = new Alert();
        alert.alertId = "a".repeat(40);
        alert.patternId = patternId;
        alert.title = "Title";
        alert.severity = "high";
        alert.groupKeys = new String[] {"$.recipientAccountId"};
        alert.groupValues = new String[] {"123456789012"};
        alert.count = 1;
        alert.firstEventTime = "2024-05-01T00:00:00Z";
        alert.lastEventTime = "2024-05-01T00:05:00Z";
        alert.firstEventTimeMillis = 1_714_521_600_000L;
        alert.eventIds = new String[] {"e1"};
        alert.events = new String[] {"{\"eventID\":\"e1\"}"};
        alert.detectedAt = "2024-05-01T00:06:00Z";
        return alert;
    }
}
