package io.trailwatch.cloudtrail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.IOContext;
import java.io.IOException;

/**
 * A {@link JsonFactory} whose parsers of UTF-8 byte arrays are {@link InPlaceJsonParser}s, which
 * read plain string values straight from the array. Everything else (streams, UTF-16 and UTF-32, a
 * byte order mark) goes through Jackson's own bootstrapping as before.
 */
final class InPlaceJsonFactory extends JsonFactory {

    private static final long serialVersionUID = 1L;

    InPlaceJsonFactory(JsonFactoryBuilder builder) {
        super(builder);
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int length, IOContext context)
            throws IOException {
        if (!isPlainUtf8(data, offset, length)
                || !isEnabled(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)) {
            return super._createParser(data, offset, length, context);
        }
        return new InPlaceJsonParser(
                context,
                _parserFeatures,
                _objectCodec,
                _byteSymbolCanonicalizer.makeChildOrPlaceholder(_factoryFeatures),
                data,
                offset,
                offset + length);
    }

    /**
     * JSON text starts with an ASCII character; Jackson tells UTF-16 and UTF-32 from UTF-8 by the
     * zero bytes among the first four, and skips a byte order mark. Neither is here.
     */
    private static boolean isPlainUtf8(byte[] data, int offset, int length) {
        if (length < 4) {
            return false;
        }
        for (int i = offset; i < offset + 4; i++) {
            if (data[i] == 0) {
                return false;
            }
        }
        int first = data[offset] & 0xff;
        return first != 0xef && first != 0xfe && first != 0xff;
    }
}
