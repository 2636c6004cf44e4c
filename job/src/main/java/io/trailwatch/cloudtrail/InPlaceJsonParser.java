package io.trailwatch.cloudtrail;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Jackson's UTF-8 parser over a byte array that holds the whole text, with one shortcut: a string
 * value that is plain ASCII (no escapes, no control characters) becomes a {@code String} copied
 * straight from the input array. Jackson would decode it into a {@code char[]} and compress that
 * back into a Latin-1 string; CloudTrail values are almost all plain ASCII, and this was the
 * largest cost of flattening after tokenising itself. Any other string goes to Jackson.
 */
final class InPlaceJsonParser extends UTF8StreamJsonParser {

    private static final VarHandle EIGHT_BYTES =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long QUOTES = '"' * LOW_BITS;
    private static final long BACKSLASHES = '\\' * LOW_BITS;
    private static final long CONTROL_LIMIT = 0x20 * LOW_BITS;

    InPlaceJsonParser(
            IOContext context,
            int features,
            ObjectCodec codec,
            ByteQuadsCanonicalizer symbols,
            byte[] input,
            int start,
            int end) {
        super(context, features, null, codec, symbols, input, start, end, false);
    }

    @Override
    public String getText() throws IOException {
        if (_currToken == JsonToken.VALUE_STRING && _tokenIncomplete) {
            String plain = plainAsciiString();
            if (plain != null) {
                return plain;
            }
        }
        return super.getText();
    }

    /**
     * Reads the current string value if it is plain ASCII and ends within the input, leaving the
     * parser just past its closing quote as Jackson would; {@code null} otherwise, with nothing
     * consumed.
     */
    private String plainAsciiString() throws IOException {
        byte[] input = _inputBuffer;
        int start = _inputPtr;
        // A longer string goes to Jackson, which reports it against the limit.
        int end =
                (int)
                        Math.min(
                                _inputEnd,
                                start + (long) _streamReadConstraints.getMaxStringLength() + 1);
        int i = start;
        // Eight bytes at a time until one of them is a quote, a backslash, a control character
        // or not ASCII; then byte by byte from there.
        while (i + Long.BYTES <= end) {
            long word = (long) EIGHT_BYTES.get(input, i);
            long special =
                    zeroByte(word ^ QUOTES)
                            | zeroByte(word ^ BACKSLASHES)
                            | ((word - CONTROL_LIMIT) & ~word)
                            | word;
            if ((special & HIGH_BITS) != 0) {
                i += Long.numberOfTrailingZeros(special & HIGH_BITS) >>> 3;
                break;
            }
            i += Long.BYTES;
        }
        for (; i < end; i++) {
            byte b = input[i];
            if (b == '"') {
                String value = new String(input, start, i - start, StandardCharsets.ISO_8859_1);
                _inputPtr = i + 1;
                _tokenIncomplete = false;
                _textBuffer.resetWithString(value); // getTextCharacters() and kin stay right
                return value;
            }
            if (b < 0x20 || b == '\\') {
                return null; // non-ASCII bytes are negative; escapes and controls need Jackson
            }
        }
        return null;
    }

    /** The high bit of each byte that is zero (exact for the lowest such byte). */
    private static long zeroByte(long word) {
        return (word - LOW_BITS) & ~word;
    }
}
