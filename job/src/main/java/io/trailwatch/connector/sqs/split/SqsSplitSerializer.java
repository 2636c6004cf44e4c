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

    @Override
    public int getVersion() {
        return VERSION_2;
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
                String splitId = in.readUTF();
                String queueUrl = in.readUTF();
                return new SqsSplit(splitId, queueUrl, readProcessedFiles(in));
            default:
                throw new IOException(
                        "unknown SqsSplit serialization version "
                                + version
                                + "; this build reads versions 1 to "
                                + VERSION_2);
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

    static void writeProcessedFiles(DataOutput out, List<ProcessedFiles.Entry> files)
            throws IOException {
        out.writeInt(files.size());
        for (ProcessedFiles.Entry file : files) {
            out.writeUTF(file.bucket());
            out.writeUTF(file.key());
            out.writeUTF(file.eTag());
            out.writeBoolean(file.failed());
            out.writeLong(file.expiresAt());
        }
    }

    static List<ProcessedFiles.Entry> readProcessedFiles(DataInput in) throws IOException {
        int count = in.readInt();
        List<ProcessedFiles.Entry> files = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String bucket = in.readUTF();
            String key = in.readUTF();
            String eTag = in.readUTF();
            boolean failed = in.readBoolean();
            files.add(new ProcessedFiles.Entry(bucket, key, eTag, failed, in.readLong()));
        }
        return files;
    }
}
