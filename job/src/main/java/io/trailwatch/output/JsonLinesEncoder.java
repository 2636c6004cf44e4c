package io.trailwatch.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.Encoder;

/** Plain JSON Lines, one element per line, UTF-8. */
final class JsonLinesEncoder<T> implements Encoder<T> {

    private static final long serialVersionUID = 1L;

    private final JsonLine<T> json;

    JsonLinesEncoder(JsonLine<T> json) {
        this.json = json;
    }

    @Override
    public void encode(T element, OutputStream stream) throws IOException {
        stream.write(json.toJson(element).getBytes(StandardCharsets.UTF_8));
        stream.write('\n');
    }
}
