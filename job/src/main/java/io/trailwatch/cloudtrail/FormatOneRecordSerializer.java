package io.trailwatch.cloudtrail;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * The first serialized format of {@link CloudTrailRecord}: origin, event time, sequence, entry
 * count, then per entry path, kind ordinal and nullable value, every string in Flink's {@link
 * StringValue} encoding. Kept only so that state written in it (savepoints before format 2) can be
 * read and migrated; {@link CloudTrailRecordSerializer} writes format 2.
 */
final class FormatOneRecordSerializer extends TypeSerializerSingleton<CloudTrailRecord> {

    private static final long serialVersionUID = 1L;

    static final FormatOneRecordSerializer INSTANCE = new FormatOneRecordSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public CloudTrailRecord createInstance() {
        return CloudTrailRecord.builder().build("");
    }

    @Override
    public CloudTrailRecord copy(CloudTrailRecord from) {
        return from;
    }

    @Override
    public CloudTrailRecord copy(CloudTrailRecord from, CloudTrailRecord reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(CloudTrailRecord record, DataOutputView target) throws IOException {
        StringValue.writeString(record.origin(), target);
        target.writeLong(record.eventTimeMillis());
        target.writeLong(record.sequence());
        int size = record.size();
        target.writeInt(size);
        for (int i = 0; i < size; i++) {
            StringValue.writeString(record.path(i), target);
            target.writeByte(record.kind(i).ordinal());
            StringValue.writeString(record.value(i), target); // handles null
        }
    }

    @Override
    public CloudTrailRecord deserialize(DataInputView source) throws IOException {
        String origin = StringValue.readString(source);
        long eventTime = source.readLong();
        long sequence = source.readLong();
        int size = source.readInt();
        String[] paths = new String[size];
        FieldKind[] kinds = new FieldKind[size];
        String[] values = new String[size];
        for (int i = 0; i < size; i++) {
            paths[i] = StringValue.readString(source);
            kinds[i] = FieldKind.ofOrdinal(source.readByte());
            values[i] = StringValue.readString(source);
        }
        return new CloudTrailRecord(paths, kinds, values, eventTime, origin, sequence);
    }

    @Override
    public CloudTrailRecord deserialize(CloudTrailRecord reuse, DataInputView source)
            throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public TypeSerializerSnapshot<CloudTrailRecord> snapshotConfiguration() {
        return new CloudTrailRecordSerializer.Snapshot();
    }
}
