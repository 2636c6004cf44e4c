package io.trailwatch.cloudtrail;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink serializer for {@link CloudTrailRecord}: no Kryo, no reflection. Writes format 2 ({@link
 * CompactRecordCodec}): a length, then the record encoded in one byte array with common paths as
 * small numbers. Every record that reaches a windowed pattern crosses a shuffle and, in batch mode,
 * a sort that copies it again, so this is on the hot path of {@code detect}.
 *
 * <p>The length prefix lets {@link #copy(DataInputView, DataOutputView)} move a record's bytes
 * without decoding them. A record read by this serializer keeps its bytes, decodes values only as
 * they are asked for, and is written again by copying those bytes (see {@link CloudTrailRecord}).
 * State written in format 1 ({@link Snapshot}) is migrated on restore.
 *
 * <p>Each instance has its own buffer, so {@link #duplicate()} returns a new one, as Flink requires
 * of stateful serializers.
 */
public final class CloudTrailRecordSerializer extends TypeSerializer<CloudTrailRecord> {

    private static final long serialVersionUID = 2L;

    private transient CompactRecordCodec codec;

    /** A serializer for one thread; see {@link #duplicate()}. */
    public CloudTrailRecordSerializer() {}

    private CompactRecordCodec codec() {
        if (codec == null) {
            codec = new CompactRecordCodec(KnownPaths.v1());
        }
        return codec;
    }

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public TypeSerializer<CloudTrailRecord> duplicate() {
        return new CloudTrailRecordSerializer();
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
        byte[] encoded = record.encoded();
        if (encoded != null) { // read in this format and immutable: the same bytes again
            target.writeInt(encoded.length);
            target.write(encoded);
            return;
        }
        CompactRecordCodec encoder = codec();
        int length = encoder.encode(record);
        target.writeInt(length);
        target.write(encoder.buffer(), 0, length);
    }

    @Override
    public CloudTrailRecord deserialize(DataInputView source) throws IOException {
        byte[] record = new byte[readLength(source)];
        source.readFully(record);
        return codec().decode(record);
    }

    @Override
    public CloudTrailRecord deserialize(CloudTrailRecord reuse, DataInputView source)
            throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int length = readLength(source);
        target.writeInt(length);
        target.write(source, length);
    }

    private static int readLength(DataInputView source) throws IOException {
        int length = source.readInt();
        if (length < 0) {
            throw new IOException("corrupt CloudTrail record: negative length " + length);
        }
        return length;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof CloudTrailRecordSerializer;
    }

    @Override
    public int hashCode() {
        return CloudTrailRecordSerializer.class.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<CloudTrailRecord> snapshotConfiguration() {
        return new CompactSnapshot();
    }

    /** Snapshot of format 2; state written in format 1 is migrated to it on restore. */
    public static final class CompactSnapshot implements TypeSerializerSnapshot<CloudTrailRecord> {

        private static final int VERSION = 1;

        @Override
        public int getCurrentVersion() {
            return VERSION;
        }

        @Override
        public void writeSnapshot(DataOutputView out) {
            // Nothing to write: the format has no parameters; the known paths are fixed per format.
        }

        @Override
        public void readSnapshot(
                int readVersion, DataInputView in, ClassLoader userCodeClassLoader) {
            if (readVersion != VERSION) {
                throw new IllegalStateException(
                        "CloudTrail record serializer snapshot version "
                                + readVersion
                                + " is newer than this TrailWatch knows ("
                                + VERSION
                                + "); restore with the version that wrote it");
            }
        }

        @Override
        public TypeSerializer<CloudTrailRecord> restoreSerializer() {
            return new CloudTrailRecordSerializer();
        }

        @Override
        public TypeSerializerSchemaCompatibility<CloudTrailRecord> resolveSchemaCompatibility(
                TypeSerializerSnapshot<CloudTrailRecord> oldSnapshot) {
            if (oldSnapshot instanceof CompactSnapshot) {
                return TypeSerializerSchemaCompatibility.compatibleAsIs();
            }
            if (oldSnapshot instanceof Snapshot) {
                return TypeSerializerSchemaCompatibility.compatibleAfterMigration();
            }
            return TypeSerializerSchemaCompatibility.incompatible();
        }
    }

    /**
     * Snapshot of format 1, under the name savepoints taken with it carry; restores the format-1
     * reader so that {@link CompactSnapshot} can migrate the state.
     */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<CloudTrailRecord> {
        public Snapshot() {
            super(() -> FormatOneRecordSerializer.INSTANCE);
        }
    }
}
