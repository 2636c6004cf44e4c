package io.trailwatch.cloudtrail;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Format 2 of a serialized {@link CloudTrailRecord}, encoded into and decoded from a plain byte
 * array, so that a record crosses a shuffle with one bulk write and one bulk read instead of a
 * virtual call per byte.
 *
 * <pre>
 * record  = origin:string  eventTime:int64  sequence:varint  size:varint  entry*
 * entry   = pathCode:varint [path:string if pathCode = 0]  kind:byte  value:string
 * string  = (byteLength + 1):varint bytes     (0 = null; bytes in modified UTF-8)
 * </pre>
 *
 * Paths in {@link KnownPaths} are written as their code, most in one byte. Strings use modified
 * UTF-8 (each UTF-16 unit on its own, as {@link java.io.DataOutput#writeUTF} does), so any Java
 * string, unpaired surrogates included, reads back exactly; ASCII text, nearly all of CloudTrail,
 * is one byte per character and decodes with a bulk copy.
 *
 * <p>Not thread-safe: one codec per serializer instance.
 */
final class CompactRecordCodec {

    private static final FieldKind[] KINDS = FieldKind.values();

    private final KnownPaths knownPaths;
    private byte[] buffer = new byte[4096];

    /** The record being read: set for the length of one {@link #decode} or {@link #stringAt}. */
    private byte[] in;

    private int position;
    private int limit;

    CompactRecordCodec(KnownPaths knownPaths) {
        this.knownPaths = knownPaths;
    }

    /** Encodes the record; the bytes are {@link #buffer()}[0, returned length). */
    int encode(CloudTrailRecord record) {
        position = 0;
        writeString(record.origin());
        writeLong(record.eventTimeMillis());
        writeVarLong(record.sequence());
        int size = record.size();
        writeVarLong(size);
        for (int i = 0; i < size; i++) {
            String path = record.path(i);
            int code = knownPaths.codeOf(path);
            writeVarLong(code);
            if (code == KnownPaths.NOT_KNOWN) {
                writeString(path);
            }
            ensure(1);
            buffer[position++] = (byte) record.kind(i).ordinal();
            writeString(record.value(i));
        }
        return position;
    }

    /** The buffer that {@link #encode} wrote to and {@link #decode} reads from. */
    byte[] buffer() {
        return buffer;
    }

    /**
     * The record in {@code record}, which it keeps: this checks the whole structure (every number,
     * path code, kind and string bound) and finds where each value starts, so a truncated or
     * garbled record fails here, but it creates no value strings; {@link CloudTrailRecord} decodes
     * a value when it is first asked for, with {@link #stringAt}.
     */
    CloudTrailRecord decode(byte[] record) throws IOException {
        in = record;
        position = 0;
        limit = record.length;
        try {
            int originAt = position;
            skipString();
            long eventTime = readLong();
            long sequence = readVarLong();
            int size = readCount();
            String[] paths = new String[size];
            FieldKind[] kinds = new FieldKind[size];
            int[] valueAt = new int[size];
            for (int i = 0; i < size; i++) {
                long code = readVarLong();
                if (code == KnownPaths.NOT_KNOWN) {
                    paths[i] = knownPaths.share(readString());
                } else {
                    paths[i] = code > Integer.MAX_VALUE ? null : knownPaths.pathOf((int) code);
                    if (paths[i] == null) {
                        throw new IOException(
                                "corrupt CloudTrail record: unknown path code " + code);
                    }
                }
                require(1);
                int kind = in[position++];
                if (kind < 0 || kind >= KINDS.length) {
                    throw new IOException("corrupt CloudTrail record: unknown field kind " + kind);
                }
                kinds[i] = KINDS[kind];
                valueAt[i] = position;
                skipString();
            }
            if (position != limit) {
                throw new IOException(
                        "corrupt CloudTrail record: " + (limit - position) + " bytes left over");
            }
            return new CloudTrailRecord(
                    record, originAt, eventTime, sequence, paths, kinds, valueAt);
        } finally {
            in = null;
        }
    }

    /** The string that starts at {@code offset} of a record {@link #decode} has checked. */
    static String stringAt(byte[] record, int offset) {
        int position = offset;
        long header = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = record[position++];
            header |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                break;
            }
        }
        if (header == 0) {
            return null;
        }
        try {
            return text(record, position, position + (int) (header - 1));
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): a bulk ASCII copy
    private void writeString(String text) {
        if (text == null) {
            writeVarLong(0);
            return;
        }
        int length = text.length();
        int bytes = length;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                bytes += c >= 0x800 ? 2 : 1;
            }
        }
        writeVarLong(bytes + 1L);
        ensure(bytes);
        byte[] out = buffer;
        int at = position;
        if (bytes == length) {
            text.getBytes(0, length, out, at); // every char is ASCII: one byte each
            position = at + length;
            return;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | (c >> 6));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            } else {
                out[at++] = (byte) (0xE0 | (c >> 12));
                out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        position = at;
    }

    private String readString() throws IOException {
        long header = readVarLong();
        if (header == 0) {
            return null;
        }
        int start = position;
        position += stringLength(header);
        return text(in, start, position);
    }

    /** The text of {@code bytes[start, end)}: ASCII with one bulk copy, else modified UTF-8. */
    private static String text(byte[] bytes, int start, int end) throws IOException {
        for (int i = start; i < end; i++) {
            if (bytes[i] < 0) {
                return decodeModifiedUtf8(bytes, start, end);
            }
        }
        return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
    }

    /**
     * Steps over a string, checking its bounds. Its text is checked when it is decoded: looking at
     * every byte here cost as much as decoding it.
     */
    private void skipString() throws IOException {
        long header = readVarLong();
        if (header != 0) {
            position += stringLength(header);
        }
    }

    private int stringLength(long header) throws IOException {
        long length = header - 1;
        if (length < 0 || length > limit - position) {
            throw new IOException("corrupt CloudTrail record: a string runs past its end");
        }
        return (int) length;
    }

    private static String decodeModifiedUtf8(byte[] in, int start, int end) throws IOException {
        char[] chars = new char[end - start];
        int count = 0;
        int i = start;
        while (i < end) {
            int b = in[i++] & 0xFF;
            if (b < 0x80) {
                chars[count++] = (char) b;
            } else if ((b & 0xE0) == 0xC0 && i < end) {
                chars[count++] = (char) (((b & 0x1F) << 6) | (in[i++] & 0x3F));
            } else if ((b & 0xF0) == 0xE0 && i + 1 < end) {
                chars[count++] =
                        (char) (((b & 0x0F) << 12) | ((in[i] & 0x3F) << 6) | (in[i + 1] & 0x3F));
                i += 2;
            } else {
                throw new IOException("corrupt CloudTrail record: bad text encoding");
            }
        }
        return new String(chars, 0, count);
    }

    private void writeLong(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[position++] = (byte) (value >>> shift);
        }
    }

    private long readLong() throws IOException {
        require(8);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (in[position++] & 0xFF);
        }
        return value;
    }

    /** Unsigned LEB128: seven bits per byte, low bits first; negatives take ten bytes. */
    private void writeVarLong(long value) {
        ensure(10);
        while ((value & ~0x7FL) != 0) {
            buffer[position++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buffer[position++] = (byte) value;
    }

    private long readVarLong() throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            require(1);
            byte b = in[position++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IOException("corrupt CloudTrail record: a number longer than ten bytes");
    }

    private int readCount() throws IOException {
        long count = readVarLong();
        if (count < 0 || count > limit) {
            throw new IOException("corrupt CloudTrail record: count " + count + " out of range");
        }
        return (int) count;
    }

    private void ensure(int bytes) {
        if (position + bytes > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(position + bytes, buffer.length * 2));
        }
    }

    private void require(int bytes) throws EOFException {
        if (position + bytes > limit) {
            throw new EOFException("corrupt CloudTrail record: ends early");
        }
    }
}
