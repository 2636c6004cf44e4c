package io.trailwatch.connector.sqs.split;

import io.trailwatch.ingest.ProcessedFiles;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Versioned serializer of {@link SqsSplit}.
 *
 * <ul>
 *   <li>Version 1: split id and queue URL.
 *   <li>Version 2 (current): adds the reader's remembered log files.
 * </ul>
 */
public final class SqsSplitSerializer implements SimpleVersionedSerializer<SqsSplit> {

    public static final SqsSplitSerializer INSTANCE = new SqsSplitSerializer();

    static final int VERSION_1 = 1;
    static final int VERSION_2 = 2;
    static final int VERSION_3 = 3;

    @Override
    public int getVersion() {
        return VERSION_3;
    }

    @Override
    public byte[] serialize(SqsSplit split) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        out.writeUTF(split.splitId());
        out.writeUTF(split.queueUrl());
        writeProcessedFiles(out, split.processedFiles());
        return out.getCopyOfBuffer();
    }

    @Override
    public SqsSplit deserialize(int version, byte[] serialized) throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        switch (version) {
            case VERSION_1:
                return new SqsSplit(in.readUTF(), in.readUTF(), List.of());
            case VERSION_2:
            case VERSION_3:
                String splitId = in.readUTF();
                String queueUrl = in.readUTF();
                return new SqsSplit(splitId, queueUrl, readProcessedFiles(in, version));
            default:
                throw new IOException(
                        "unknown SqsSplit serialization version "
                                + version
                                + "; this build reads versions 1 to "
                                + VERSION_3);
        }
    }

    /** Version 1, kept so the test proves old checkpoints still restore. */
    static byte[] serializeV1(SqsSplit split) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(split.splitId());
            out.writeUTF(split.queueUrl());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Version 2 (no count of records emitted), kept so the test proves old checkpoints restore. */
    static byte[] serializeV2(SqsSplit split) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        out.writeUTF(split.splitId());
        out.writeUTF(split.queueUrl());
        out.writeInt(split.processedFiles().size());
        for (ProcessedFiles.Entry file : split.processedFiles()) {
            out.writeUTF(file.bucket());
            out.writeUTF(file.key());
            out.writeUTF(file.eTag());
            out.writeBoolean(file.failed());
            out.writeLong(file.expiresAt());
        }
        return out.getCopyOfBuffer();
    }

    static void writeProcessedFiles(DataOutput out, List<ProcessedFiles.Entry> files)
            throws IOException {
        out.writeInt(files.size());
        for (ProcessedFiles.Entry file : files) {
            out.writeUTF(file.bucket());
            out.writeUTF(file.key());
            out.writeUTF(file.eTag());
            out.writeBoolean(file.failed());
            out.writeLong(file.recordsEmitted());
            out.writeLong(file.expiresAt());
        }
    }

    static List<ProcessedFiles.Entry> readProcessedFiles(DataInput in, int version)
            throws IOException {
        int count = in.readInt();
        List<ProcessedFiles.Entry> files = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String bucket = in.readUTF();
            String key = in.readUTF();
            String eTag = in.readUTF();
            boolean failed = in.readBoolean();
            if (version >= VERSION_3) {
                long recordsEmitted = in.readLong();
                files.add(
                        new ProcessedFiles.Entry(
                                bucket, key, eTag, failed, recordsEmitted, in.readLong()));
            } else {
                files.add(new ProcessedFiles.Entry(bucket, key, eTag, failed, in.readLong()));
            }
        }
        return files;
    }
}
