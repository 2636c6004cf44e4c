package io.trailwatch.connector.sns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;

/**
 * Checkpoints the entries the writer buffers. Version 1 writes subject, message, severity, pattern
 * id, message group id and deduplication id, each as a length (-1 for null) and UTF-8 bytes; a
 * later version must keep reading this one.
 */
public class SnsStateSerializer extends AsyncSinkWriterStateSerializer<SnsPublishEntry> {

    static final int VERSION = 1;

    private static final int NULL_LENGTH = -1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    protected void serializeRequestToStream(SnsPublishEntry entry, DataOutputStream out)
            throws IOException {
        writeString(entry.subject(), out);
        writeString(entry.message(), out);
        writeString(entry.severity(), out);
        writeString(entry.patternId(), out);
        writeString(entry.messageGroupId(), out);
        writeString(entry.deduplicationId(), out);
    }

    @Override
    protected SnsPublishEntry deserializeRequestFromStream(long requestSize, DataInputStream in)
            throws IOException {
        String subject = readString(in);
        String message = readString(in);
        String severity = readString(in);
        String patternId = readString(in);
        String messageGroupId = readString(in);
        String deduplicationId = readString(in);
        if (subject == null || message == null || severity == null || patternId == null) {
            throw new IOException(
                    "SNS sink state is corrupt: an entry lacks subject, message, severity or"
                            + " patternId");
        }
        return new SnsPublishEntry(
                subject, message, severity, patternId, messageGroupId, deduplicationId);
    }

    private static void writeString(String value, DataOutputStream out) throws IOException {
        if (value == null) {
            out.writeInt(NULL_LENGTH);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == NULL_LENGTH) {
            return null;
        }
        if (length < 0) {
            throw new IOException("SNS sink state is corrupt: negative string length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
