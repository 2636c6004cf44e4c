package io.trailwatch.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.aggregate.AggregateJson;
import io.trailwatch.alert.Alert;
import io.trailwatch.alert.AlertFactory;
import io.trailwatch.alert.AlertJson;
import io.trailwatch.pipeline.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Athena tables in {@code deploy/athena/} declare exactly what the job writes, where. */
class AthenaTablesTest {

    private static final String BASE = "s3://YOUR-BUCKET/YOUR-PREFIX/";
    private static final String PARTITION_TEMPLATE = "dt=${dt}/hour=${hour}/";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static AthenaDdl table(String file) throws IOException {
        return AthenaDdl.read(RepositoryFiles.root().resolve("deploy/athena").resolve(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {"minute", "hour"})
    void aggregateTablesHaveTheFieldsOfEveryAggregateLine(String granularity) throws Exception {
        AthenaDdl ddl = table("aggregates_" + granularity + ".sql");

        assertThat(ddl.columnNames()).isEqualTo(AggregateJson.FIELDS);
        assertHourPartitioned(ddl, OutputFiles.AGGREGATES + "/" + granularity + "/");
    }

    @Test
    void alertTableHasTheFieldsOfTheAlertJson() throws Exception {
        AthenaDdl ddl = table("alerts.sql");

        assertThat(ddl.columnNames()).isEqualTo(fieldNames(AlertJson.toJson(alert())));
        assertThat(AthenaDdl.structFields(ddl.column("events").type()))
                .containsExactlyInAnyOrderElementsOf(AlertFactory.EVENT_FIELDS);
        assertHourPartitioned(ddl, OutputFiles.ALERTS + "/");
    }

    @Test
    void lateRecordTableHasEveryFieldOfTheRealCloudTrailDatasets() throws Exception {
        AthenaDdl ddl = table("late_records.sql");

        assertThat(ddl.columnNames()).containsAll(topLevelFieldsOfDatasets());
        assertHourPartitioned(ddl, OutputFiles.LATE + "/");
    }

    private static void assertHourPartitioned(AthenaDdl ddl, String directory) {
        assertThat(ddl.partitionColumns()).containsExactly("dt", "hour");
        assertThat(ddl.location()).isEqualTo(BASE + directory);
        assertThat(ddl.template()).isEqualTo(BASE + directory + PARTITION_TEMPLATE);
        assertThat(HourPartition.of(0) + "/").matches("dt=1970-01-01/hour=00/");
    }

    private static List<String> fieldNames(String json) throws IOException {
        List<String> names = new ArrayList<>();
        MAPPER.readTree(json).fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> topLevelFieldsOfDatasets() throws IOException {
        Set<String> fields = new TreeSet<>();
        for (String dataset : List.of("invictus", "stratus")) {
            try (Stream<Path> files = Files.list(RepositoryFiles.dataset(dataset))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                    JsonNode log = MAPPER.readTree(file.toFile());
                    JsonNode records = log.isArray() ? log : log.get("Records");
                    records.forEach(record -> record.fieldNames().forEachRemaining(fields::add));
                }
            }
        }
        assertThat(fields).contains("eventTime", "userIdentity", "requestParameters");
        return fields;
    }

    private static Alert alert() {
        Alert alert = new Alert();
        alert.alertId = "a1";
        alert.patternId = "p";
        alert.title = "t";
        alert.severity = "low";
        alert.groupKeys = new String[] {"$.recipientAccountId"};
        alert.groupValues = new String[] {"111122223333"};
        alert.count = 1;
        alert.firstEventTime = "2024-03-01T10:00:00Z";
        alert.lastEventTime = "2024-03-01T10:00:00Z";
        alert.eventIds = new String[] {"e1"};
        alert.events = new String[] {"{\"eventID\":\"e1\"}"};
        alert.detectedAt = "2024-03-01T10:01:00Z";
        return alert;
    }
}
