package io.trailwatch.cloudtrail;

import static io.trailwatch.cloudtrail.LogFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** String values read in place are exactly what Jackson reads, whatever they contain. */
class InPlaceJsonParserTest {

    private static final JsonFactory IN_PLACE = new InPlaceJsonFactory(new JsonFactoryBuilder());
    private static final JsonFactory JACKSON = new JsonFactory();

    @Test
    void plainEscapedNonAsciiAndControlStringsReadAsJacksonReadsThem() throws IOException {
        String json =
                "{\"a\":\"\",\"b\":\"x\",\"c\":\"1234567\",\"d\":\"12345678\",\"e\":\"123456789\","
                        + "\"f\":\"arn:aws:iam::123456789012:role/Admin\",\"g\":\"tab\\there\","
                        + "\"h\":\"quote \\\" inside\",\"i\":\"caf\u00e9 \u65e5\u672c\","
                        + "\"j\":\"long plain value that spans several eight-byte words ok\","
                        + "\"k\":[\"x\",\"\\u0041\",12,true,null],\"l\":\"\u00e9\"}";

        assertThat(tokens(IN_PLACE, json)).isEqualTo(tokens(JACKSON, json));
    }

    @Test
    void everyPositionOfASpecialCharacterWithinAWordIsFound() throws IOException {
        for (int at = 0; at < 17; at++) {
            String plain = "p".repeat(at);
            for (String special : List.of("\\\"", "\\\\", "\u00e9", "\\n")) {
                String json = "[\"" + plain + special + "tail\",\"" + plain + "\"]";
                assertThat(tokens(IN_PLACE, json)).as(json).isEqualTo(tokens(JACKSON, json));
            }
        }
    }

    @Test
    void rawControlCharactersInAStringFailAsInJackson() throws IOException {
        for (String control : List.of("\u0001", "\u001f", "\t")) {
            String json = "[\"plain" + control + "text\"]";
            assertThatThrownBy(() -> tokens(IN_PLACE, json))
                    .as(json)
                    .isInstanceOf(JsonParseException.class)
                    .hasMessageContaining("Illegal unquoted character");
            assertThatThrownBy(() -> tokens(JACKSON, json)).isInstanceOf(JsonParseException.class);
        }
    }

    @Test
    void fourByteCharactersAndEscapedSurrogatePairsReadAsInJackson() throws IOException {
        for (String json : List.of("[\"a\uD83D\uDE00b\"]", "[\"a\\ud83d\\ude00b\"]")) {
            assertThat(tokens(IN_PLACE, json)).as(json).isEqualTo(tokens(JACKSON, json));
        }
    }

    @Test
    void textCharactersAgreeWithTheStringRead() throws IOException {
        try (JsonParser parser = IN_PLACE.createParser(utf8("[\"plain value\"]"))) {
            assertThat(parser).isInstanceOf(InPlaceJsonParser.class);
            parser.nextToken();
            parser.nextToken();
            assertThat(parser.getText()).isEqualTo("plain value");
            assertThat(
                            new String(
                                    parser.getTextCharacters(),
                                    parser.getTextOffset(),
                                    parser.getTextLength()))
                    .isEqualTo("plain value");
            assertThat(parser.nextToken()).isEqualTo(JsonToken.END_ARRAY);
        }
    }

    @Test
    void aStringCutOffByTheEndOfTheInputFailsAsInJackson() throws IOException {
        try (JsonParser parser = IN_PLACE.createParser(utf8("[\"never closed"))) {
            parser.nextToken();
            parser.nextToken();
            assertThatThrownBy(parser::getText).isInstanceOf(JsonEOFException.class);
        }
    }

    @Test
    void byteOrderMarkAndUtf16AreLeftToJackson() throws IOException {
        byte[] withBom = utf8("\uFEFF[\"x\"]");
        byte[] utf16 = "[\"x\"]".getBytes(java.nio.charset.StandardCharsets.UTF_16BE);

        for (byte[] input : List.of(withBom, utf16)) {
            try (JsonParser parser = IN_PLACE.createParser(input)) {
                assertThat(parser).isNotInstanceOf(InPlaceJsonParser.class);
                parser.nextToken();
                parser.nextToken();
                assertThat(parser.getText()).isEqualTo("x");
            }
        }
    }

    private static List<String> tokens(JsonFactory factory, String json) throws IOException {
        List<String> tokens = new ArrayList<>();
        byte[] bytes = utf8(json);
        try (JsonParser parser = factory.createParser(bytes, 0, bytes.length)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                tokens.add(token + " " + parser.getText());
            }
        }
        return tokens;
    }
}
