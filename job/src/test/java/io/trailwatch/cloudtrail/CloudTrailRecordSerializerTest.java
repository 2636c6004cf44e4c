package io.trailwatch.cloudtrail;

import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Flink's contract tests for serializers (copy, serialize individually and in sequence, duplicate
 * across threads, snapshot and restore), run on records that exercise every part of format 2.
 */
class CloudTrailRecordSerializerTest extends SerializerTestBase<CloudTrailRecord> {

    @Override
    protected TypeSerializer<CloudTrailRecord> createSerializer() {
        return new CloudTrailRecordSerializer();
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<CloudTrailRecord> getTypeClass() {
        return CloudTrailRecord.class;
    }

    @Override
    protected CloudTrailRecord[] getTestData() {
        return SerializerTestRecords.varied().toArray(new CloudTrailRecord[0]);
    }
}
