package io.trailwatch.cloudtrail;

import java.util.zip.CRC32;

/**
 * Decompresses a gzip file held whole in memory in one call, the fast way to read the small files
 * CloudTrail writes: no stream layers, no buffer copies, and the text lands in one array that the
 * JSON parser reads in place.
 *
 * <p>Only the plain case is handled: one gzip member, a header without reserved flags, and a
 * trailer whose CRC-32 and size match the decompressed text. Anything else (concatenated members,
 * damage of any kind, text larger than the limits) returns {@code null}, and the caller reads the
 * file with the streaming decoder, which reports what is wrong exactly as it always has.
 */
public final class WholeGzip {

    /** Largest file, as stored, read whole; larger ones are streamed. */
    static final int MAX_STORED_BYTES = 8 << 20;

    /** Largest decompressed text held whole; larger files are streamed with bounded memory. */
    static final int MAX_TEXT_BYTES = 64 << 20;

    private static final int HEADER_BYTES = 10;
    private static final int TRAILER_BYTES = 8;
    private static final int DEFLATE = 8;
    private static final int FHCRC = 0x02;
    private static final int FEXTRA = 0x04;
    private static final int FNAME = 0x08;
    private static final int FCOMMENT = 0x10;
    private static final int RESERVED_FLAGS = 0xe0;

    private WholeGzip() {}

    /** The raw-deflate decoder in use ("ISA-L via Intel GKL" or "JDK zlib"), for the benchmark. */
    public static String decoderName() {
        return RawInflaters.fastest().name();
    }

    /** A decompressed text, {@code bytes[0, length)}; hand it back with {@link #release}. */
    public record Text(byte[] bytes, int length) {}

    /**
     * The decompressed text of {@code gzip[0, length)}, or {@code null} if the file is not one
     * intact gzip member whose text fits within {@code maxTextBytes} and {@link #MAX_TEXT_BYTES}.
     */
    public static Text inflate(byte[] gzip, int length, long maxTextBytes) {
        return inflate(gzip, length, maxTextBytes, RawInflaters.fastest());
    }

    static Text inflate(byte[] gzip, int length, long maxTextBytes, RawInflater inflater) {
        int start = deflateStart(gzip, length);
        int trailer = length - TRAILER_BYTES;
        if (start < 0 || trailer <= start) {
            return null;
        }
        long size = littleEndianInt(gzip, trailer + 4) & 0xffffffffL;
        if (size == 0 || size > Math.min(MAX_TEXT_BYTES, maxTextBytes)) {
            return null;
        }
        // One spare byte: a member that decompresses to more than its trailer says fills it.
        byte[] bytes = SpareText.take((int) size + 1);
        Text text = new Text(bytes, (int) size);
        if (!inflater.inflateExactly(gzip, start, trailer - start, bytes, text.length)) {
            release(text);
            return null;
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, text.length);
        if ((int) crc.getValue() != littleEndianInt(gzip, trailer)) {
            release(text);
            return null;
        }
        return text;
    }

    /**
     * Hands back a text's array once nothing reads it any more (records hold strings, never the
     * array), so that the next file on this thread decompresses into it instead of a new array.
     */
    public static void release(Text text) {
        SpareText.give(text.bytes);
    }

    /** Where the deflate data starts after the member header, or -1 for an unusual header. */
    private static int deflateStart(byte[] gzip, int length) {
        if (length < HEADER_BYTES
                || (gzip[0] & 0xff) != 0x1f
                || (gzip[1] & 0xff) != 0x8b
                || gzip[2] != DEFLATE) {
            return -1;
        }
        int flags = gzip[3] & 0xff;
        if ((flags & RESERVED_FLAGS) != 0) {
            return -1;
        }
        int position = HEADER_BYTES;
        if ((flags & FEXTRA) != 0) {
            if (position + 2 > length) {
                return -1;
            }
            position += 2 + ((gzip[position] & 0xff) | (gzip[position + 1] & 0xff) << 8);
        }
        if ((flags & FNAME) != 0) {
            position = afterZero(gzip, position, length);
        }
        if ((flags & FCOMMENT) != 0) {
            position = afterZero(gzip, position, length);
        }
        if ((flags & FHCRC) != 0) {
            return -1; // rare; streamed, so GZIPInputStream checks the header CRC as before
        }
        return position >= 0 && position <= length ? position : -1;
    }

    private static int afterZero(byte[] gzip, int position, int length) {
        if (position < 0) {
            return -1;
        }
        for (int i = position; i < length; i++) {
            if (gzip[i] == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    private static int littleEndianInt(byte[] bytes, int at) {
        return (bytes[at] & 0xff)
                | (bytes[at + 1] & 0xff) << 8
                | (bytes[at + 2] & 0xff) << 16
                | (bytes[at + 3] & 0xff) << 24;
    }

    /**
     * One spare text array per thread: allocating (zeroing) a fresh array for every file showed in
     * profiles. Only small arrays are kept, so an idle thread holds little memory.
     */
    private static final class SpareText {
        static final int MAX_KEPT_BYTES = 1 << 20;

        private static final ThreadLocal<byte[][]> PER_THREAD =
                ThreadLocal.withInitial(() -> new byte[1][]);

        static byte[] take(int length) {
            byte[][] slot = PER_THREAD.get();
            byte[] spare = slot[0];
            if (spare != null && spare.length >= length) {
                slot[0] = null;
                return spare;
            }
            return new byte[length];
        }

        static void give(byte[] bytes) {
            if (bytes.length <= MAX_KEPT_BYTES) {
                byte[][] slot = PER_THREAD.get();
                if (slot[0] == null || slot[0].length < bytes.length) {
                    slot[0] = bytes;
                }
            }
        }
    }
}
