package io.trailwatch.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Format 2 on real records: exact, smaller than format 1, and strict about corrupt bytes. */
class CloudTrailRecordFormatTest {

    /** The known paths are part of the format: this fails if the list is edited. */
    private static final String KNOWN_PATHS_V1_SHA256 =
            "9688363bdf067bb14c25d7a19b7d3db87bcc22067412fb5b643894153da38e1c";

    private static List<CloudTrailRecord> datasetRecords;

    @BeforeAll
    static void readDatasets() throws IOException {
        datasetRecords = new ArrayList<>();
        try (Stream<Path> files = Files.walk(LogFiles.DATASETS)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                if (file.toString().endsWith(".json") || file.toString().endsWith(".ndjson")) {
                    datasetRecords.addAll(LogFiles.read(file).records());
                }
            }
        }
        assertThat(datasetRecords).hasSizeGreaterThan(3_000);
    }

    @Test
    void everyDatasetRecordReadsBackEqual() throws IOException {
        CloudTrailRecordSerializer serializer = new CloudTrailRecordSerializer();
        for (CloudTrailRecord record : datasetRecords) {
            assertThat(roundTrip(serializer, record)).isEqualTo(record);
        }
    }

    @Test
    void isAtMostTwoThirdsTheSizeOfFormatOne() throws IOException {
        long formatOne = serializedBytes(FormatOneRecordSerializer.INSTANCE);
        long formatTwo = serializedBytes(new CloudTrailRecordSerializer());

        assertThat((double) formatTwo / formatOne).isLessThan(0.65);
    }

    @Test
    void pathsReadBackAsSharedInstances() throws IOException {
        CloudTrailRecordSerializer serializer = new CloudTrailRecordSerializer();
        CloudTrailRecord unknownPath =
                CloudTrailRecord.builder()
                        .add("eventTime", FieldKind.STRING, "2023-07-10T11:45:00Z")
                        .add("newlyAddedField", FieldKind.STRING, "x")
                        .build("file.json");

        CloudTrailRecord first = roundTrip(serializer, unknownPath);
        CloudTrailRecord second = roundTrip(serializer, unknownPath);

        assertThat(first.path(0)).isSameAs(second.path(0)).isSameAs("eventTime");
        assertThat(first.path(1)).isEqualTo("newlyAddedField").isSameAs(second.path(1));
    }

    @Test
    void knownPathsListIsTheOneFormatTwoWasWrittenWith() throws Exception {
        try (InputStream in = KnownPaths.class.getResourceAsStream(KnownPaths.RESOURCE)) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            assertThat(HexFormat.of().formatHex(digest))
                    .as(
                            "%s is part of the serialized format; add a new list instead of editing it",
                            KnownPaths.RESOURCE)
                    .isEqualTo(KNOWN_PATHS_V1_SHA256);
        }
        assertThat(KnownPaths.v1().pathOf(1)).isNotNull();
        assertThat(KnownPaths.v1().codeOf("eventTime")).isPositive();
    }

    @Test
    void truncatedRecordIsAnError() throws IOException {
        byte[] bytes = serialize(new CloudTrailRecordSerializer(), datasetRecords.get(0));
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 7);

        assertThatThrownBy(() -> deserialize(truncated)).isInstanceOf(IOException.class);
    }

    @Test
    void unknownPathCodeIsAnError() throws IOException {
        byte[] record =
                oneEntryRecord(
                        0xFF,
                        0x7F, // path code 16,383: not in the list
                        0, // kind
                        0 // value: null
                        );

        assertThatThrownBy(() -> deserialize(record))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("corrupt CloudTrail record: unknown path code 16383");
    }

    @Test
    void aRecordReadBackIsWrittenAsTheSameBytes() throws IOException {
        CloudTrailRecordSerializer serializer = new CloudTrailRecordSerializer();
        for (CloudTrailRecord record : datasetRecords) {
            byte[] written = serialize(serializer, record);
            CloudTrailRecord readBack = deserialize(written);

            assertThat(readBack.encoded()).isNotNull();
            assertThat(serialize(serializer, readBack)).isEqualTo(written);
        }
    }

    @Test
    void valuesReadBackOnDemandAreTheOriginals() throws IOException {
        CloudTrailRecordSerializer serializer = new CloudTrailRecordSerializer();
        for (CloudTrailRecord record : SerializerTestRecords.varied()) {
            CloudTrailRecord readBack = roundTrip(serializer, record);

            assertThat(readBack.size()).isEqualTo(record.size());
            for (int i = record.size() - 1; i >= 0; i--) { // out of order, one at a time
                assertThat(readBack.path(i)).isEqualTo(record.path(i));
                assertThat(readBack.kind(i)).isEqualTo(record.kind(i));
                assertThat(readBack.value(i)).isEqualTo(record.value(i));
            }
            assertThat(readBack.origin()).isEqualTo(record.origin());
            assertThat(readBack.sequence()).isEqualTo(record.sequence());
            assertThat(readBack.eventTimeMillis()).isEqualTo(record.eventTimeMillis());
            assertThat(readBack.hashCode()).isEqualTo(record.hashCode());
            assertThat(roundTrip(serializer, record)).isEqualTo(record);
        }
    }

    /** Text is decoded when first read, so a garbled character is reported then, by its field. */
    @Test
    void badTextIsAnErrorWhenTheValueIsRead() throws IOException {
        int eventName = KnownPaths.v1().codeOf("eventName");
        assertThat(eventName).isBetween(1, 127);
        CloudTrailRecord record =
                deserialize(
                        oneEntryRecord(
                                eventName,
                                FieldKind.STRING.ordinal(),
                                2, // a one-byte string
                                0xFF // not modified UTF-8
                                ));

        assertThatThrownBy(record::eventName)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("corrupt CloudTrail record: bad text encoding");
    }

    @Test
    void formatOneStateIsMigratedAndFormatTwoKept() {
        var current = new CloudTrailRecordSerializer().snapshotConfiguration();

        TypeSerializerSchemaCompatibility<CloudTrailRecord> fromFormatOne =
                current.resolveSchemaCompatibility(
                        FormatOneRecordSerializer.INSTANCE.snapshotConfiguration());
        TypeSerializerSchemaCompatibility<CloudTrailRecord> fromFormatTwo =
                current.resolveSchemaCompatibility(
                        new CloudTrailRecordSerializer().snapshotConfiguration());

        assertThat(fromFormatOne.isCompatibleAfterMigration()).isTrue();
        assertThat(fromFormatTwo.isCompatibleAsIs()).isTrue();
        assertThat(FormatOneRecordSerializer.INSTANCE.snapshotConfiguration().restoreSerializer())
                .isSameAs(FormatOneRecordSerializer.INSTANCE);
    }

    private static long serializedBytes(TypeSerializer<CloudTrailRecord> serializer)
            throws IOException {
        long total = 0;
        for (CloudTrailRecord record : datasetRecords) {
            total += serialize(serializer, record).length;
        }
        return total;
    }

    private static CloudTrailRecord roundTrip(
            TypeSerializer<CloudTrailRecord> serializer, CloudTrailRecord record)
            throws IOException {
        return serializer.deserialize(new DataInputDeserializer(serialize(serializer, record)));
    }

    private static byte[] serialize(
            TypeSerializer<CloudTrailRecord> serializer, CloudTrailRecord record)
            throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(1024);
        serializer.serialize(record, out);
        return out.getCopyOfBuffer();
    }

    /** A serialized record with no origin, time 0, sequence 0 and one entry of these bytes. */
    private static byte[] oneEntryRecord(int... entry) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        byte[] header = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}; // origin, time, sequence, one entry
        out.writeInt(header.length + entry.length);
        out.write(header);
        for (int b : entry) {
            out.writeByte(b);
        }
        return out.getCopyOfBuffer();
    }

    private static CloudTrailRecord deserialize(byte[] bytes) throws IOException {
        return new CloudTrailRecordSerializer().deserialize(new DataInputDeserializer(bytes));
    }
}
