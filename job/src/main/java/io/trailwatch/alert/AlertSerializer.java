package io.trailwatch.alert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink serializer for {@link Alert}: its fields in a fixed order, each string as one bulk write.
 * Flink's POJO serializer wrote strings a character at a time through virtual calls, and an alert
 * carries its events as JSON text (a kilobyte or more each), so alerts cost more to move between
 * de-duplication, sinks and {@code detect}'s result collection than to make.
 *
 * <pre>
 * alert  = alertId patternId title severity:string  groupKeys groupValues:strings  count:int32
 *          firstEventTime lastEventTime:string  firstEventTimeMillis:int64
 *          eventIds events:strings  detectedAt:string
 * strings = count:int32 (-1 = null) string*
 * string  = header:int32 (-1 = null; else length * 2 + 1 if Latin-1, length * 2 if UTF-16)
 *           then length bytes, or length chars
 * </pre>
 *
 * Each instance has its own buffer, so {@link #duplicate()} returns a new one.
 */
public final class AlertSerializer extends TypeSerializer<Alert> {

    private static final long serialVersionUID = 1L;

    private transient byte[] buffer;

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<Alert> duplicate() {
        return new AlertSerializer();
    }

    @Override
    public Alert createInstance() {
        return new Alert();
    }

    @Override
    public Alert copy(Alert from) {
        Alert copy = new Alert();
        copy.alertId = from.alertId;
        copy.patternId = from.patternId;
        copy.title = from.title;
        copy.severity = from.severity;
        copy.groupKeys = copyOf(from.groupKeys);
        copy.groupValues = copyOf(from.groupValues);
        copy.count = from.count;
        copy.firstEventTime = from.firstEventTime;
        copy.lastEventTime = from.lastEventTime;
        copy.firstEventTimeMillis = from.firstEventTimeMillis;
        copy.eventIds = copyOf(from.eventIds);
        copy.events = copyOf(from.events);
        copy.detectedAt = from.detectedAt;
        return copy;
    }

    private static String[] copyOf(String[] texts) {
        return texts == null ? null : texts.clone();
    }

    @Override
    public Alert copy(Alert from, Alert reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(Alert alert, DataOutputView target) throws IOException {
        writeString(alert.alertId, target);
        writeString(alert.patternId, target);
        writeString(alert.title, target);
        writeString(alert.severity, target);
        writeStrings(alert.groupKeys, target);
        writeStrings(alert.groupValues, target);
        target.writeInt(alert.count);
        writeString(alert.firstEventTime, target);
        writeString(alert.lastEventTime, target);
        target.writeLong(alert.firstEventTimeMillis);
        writeStrings(alert.eventIds, target);
        writeStrings(alert.events, target);
        writeString(alert.detectedAt, target);
    }

    @Override
    public Alert deserialize(DataInputView source) throws IOException {
        Alert alert = new Alert();
        alert.alertId = readString(source);
        alert.patternId = readString(source);
        alert.title = readString(source);
        alert.severity = readString(source);
        alert.groupKeys = readStrings(source);
        alert.groupValues = readStrings(source);
        alert.count = source.readInt();
        alert.firstEventTime = readString(source);
        alert.lastEventTime = readString(source);
        alert.firstEventTimeMillis = source.readLong();
        alert.eventIds = readStrings(source);
        alert.events = readStrings(source);
        alert.detectedAt = readString(source);
        return alert;
    }

    @Override
    public Alert deserialize(Alert reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    private void writeStrings(String[] texts, DataOutputView target) throws IOException {
        if (texts == null) {
            target.writeInt(-1);
            return;
        }
        target.writeInt(texts.length);
        for (String text : texts) {
            writeString(text, target);
        }
    }

    private String[] readStrings(DataInputView source) throws IOException {
        int count = source.readInt();
        if (count < -1) {
            throw new IOException("corrupt alert: " + count + " strings");
        }
        if (count == -1) {
            return null;
        }
        String[] texts = new String[count];
        for (int i = 0; i < count; i++) {
            texts[i] = readString(source);
        }
        return texts;
    }

    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): a bulk Latin-1 copy
    private void writeString(String text, DataOutputView target) throws IOException {
        if (text == null) {
            target.writeInt(-1);
            return;
        }
        int length = text.length();
        for (int i = 0; i < length; i++) {
            if (text.charAt(i) > 0xFF) {
                target.writeInt(length * 2);
                target.writeChars(text);
                return;
            }
        }
        target.writeInt(length * 2 + 1);
        byte[] bytes = bufferOf(length);
        text.getBytes(0, length, bytes, 0);
        target.write(bytes, 0, length);
    }

    private String readString(DataInputView source) throws IOException {
        int header = source.readInt();
        if (header == -1) {
            return null;
        }
        if (header < 0) {
            throw new IOException("corrupt alert: string header " + header);
        }
        int length = header >>> 1;
        if ((header & 1) == 1) {
            byte[] bytes = bufferOf(length);
            source.readFully(bytes, 0, length);
            return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        }
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = source.readChar();
        }
        return new String(chars);
    }

    private byte[] bufferOf(int length) {
        if (buffer == null || buffer.length < length) {
            buffer = new byte[Math.max(length, 4096)];
        }
        return buffer;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof AlertSerializer;
    }

    @Override
    public int hashCode() {
        return AlertSerializer.class.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<Alert> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot of this format: it has no parameters. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Alert> {
        public Snapshot() {
            super(AlertSerializer::new);
        }
    }
}
