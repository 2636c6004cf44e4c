package io.trailwatch.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a template record as a new event: same shape, sizes and field kinds, with the account,
 * region, time, principal, identifiers and addresses of the event being generated.
 *
 * <p>Values that identify one call ({@code eventID}, {@code requestID}, {@code sharedEventID}) are
 * fresh for every record. Values that identify a principal or a machine ({@code principalId},
 * {@code accessKeyId}, IPv4 addresses) are mapped consistently: the same original value in the same
 * account always becomes the same new value, so a user keeps their key and their address across the
 * corpus, as in real traffic. Every ISO-8601 timestamp moves with {@code eventTime}, so a session's
 * {@code creationDate} stays before its events.
 */
final class RecordRewriter {

    /** Everything that changes between a template and the event written from it. */
    record Target(String account, String region, long eventTimeSeconds, String userName) {}

    private final long seed;

    RecordRewriter(long seed) {
        this.seed = seed;
    }

    void write(JsonGenerator out, ObjectNode template, Target target, SplittableRandom random)
            throws IOException {
        new OneRecord(template, target, random).writeObject(out, template);
    }

    /** The substitutions for one record. */
    private final class OneRecord {
        private final Target target;
        private final SplittableRandom random;
        private final String sourceAccount;
        private final String sourceRegion;
        private final String sourceUser;
        private final long shiftSeconds;

        OneRecord(ObjectNode template, Target target, SplittableRandom random) {
            this.target = target;
            this.random = random;
            this.sourceAccount = nonEmpty(template.path("recipientAccountId").asText(""));
            this.sourceRegion = nonEmpty(template.path("awsRegion").asText(""));
            JsonNode identity = template.path("userIdentity");
            this.sourceUser =
                    target.userName() != null && "IAMUser".equals(identity.path("type").asText())
                            ? nonEmpty(identity.path("userName").asText(""))
                            : null;
            long sourceTime = parseSeconds(template.path("eventTime").asText(""));
            this.shiftSeconds =
                    sourceTime == Long.MIN_VALUE ? 0 : target.eventTimeSeconds() - sourceTime;
        }

        void writeObject(JsonGenerator out, JsonNode object) throws IOException {
            out.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
                    fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.writeFieldName(field.getKey());
                writeValue(out, field.getKey(), field.getValue());
            }
            out.writeEndObject();
        }

        private void writeValue(JsonGenerator out, String name, JsonNode value) throws IOException {
            if (value.isObject()) {
                writeObject(out, value);
            } else if (value.isArray()) {
                out.writeStartArray();
                for (JsonNode element : value) {
                    writeValue(out, name, element);
                }
                out.writeEndArray();
            } else if (value.isTextual()) {
                out.writeString(rewrite(name, value.textValue()));
            } else {
                TemplateLibrary.JSON.writeTree(out, value);
            }
        }

        private String rewrite(String name, String text) {
            switch (name) {
                case "eventID":
                case "requestID":
                case "sharedEventID":
                    return scramble(text, 0, random);
                case "eventTime":
                    return Instant.ofEpochSecond(target.eventTimeSeconds()).toString();
                case "principalId":
                    // AIDA / AROA say what kind of principal it is: keep them.
                    return scramble(text, 4, consistent(text));
                case "accessKeyId":
                    // AKIA / ASIA say what kind of key it is: keep them.
                    return scramble(text, 4, consistent(text));
                case "sourceIPAddress":
                    return isIpv4(text) ? mapIpv4(text) : text;
                default:
                    return moved(substituted(text));
            }
        }

        private String substituted(String text) {
            String result = text;
            if (sourceAccount != null && result.contains(sourceAccount)) {
                result = result.replace(sourceAccount, target.account());
            }
            if (sourceRegion != null && result.contains(sourceRegion)) {
                result = result.replace(sourceRegion, target.region());
            }
            if (sourceUser != null) {
                if (result.equals(sourceUser)) {
                    return target.userName();
                }
                String arnUser = ":user/" + sourceUser;
                if (result.endsWith(arnUser)) {
                    result =
                            result.substring(0, result.length() - sourceUser.length())
                                    + target.userName();
                }
            }
            return result;
        }

        private String moved(String text) {
            if (shiftSeconds == 0 || !looksLikeIsoSeconds(text)) {
                return text;
            }
            long seconds = parseSeconds(text);
            return seconds == Long.MIN_VALUE
                    ? text
                    : Instant.ofEpochSecond(seconds + shiftSeconds).toString();
        }

        private String mapIpv4(String text) {
            SplittableRandom mapped = consistent(text);
            String first = text.substring(0, text.indexOf('.'));
            if (text.startsWith("10.") || text.startsWith("192.168.") || text.startsWith("172.")) {
                // Private addresses (VPC endpoints, on-premises) stay private.
                String prefix = text.startsWith("192.168.") ? "192.168" : first;
                int octets = text.startsWith("192.168.") ? 2 : 3;
                StringBuilder ip = new StringBuilder(prefix);
                for (int i = 0; i < octets; i++) {
                    ip.append('.').append(mapped.nextInt(256));
                }
                return ip.toString();
            }
            int[] publicFirstOctets = {3, 18, 34, 35, 52, 54, 81, 91, 185, 203};
            return publicFirstOctets[mapped.nextInt(publicFirstOctets.length)]
                    + "."
                    + mapped.nextInt(256)
                    + "."
                    + mapped.nextInt(256)
                    + "."
                    + (1 + mapped.nextInt(254));
        }

        /** A generator that depends only on the corpus seed, the account and {@code value}. */
        private SplittableRandom consistent(String value) {
            long mixed = seed * 0x9E3779B97F4A7C15L;
            mixed ^= target.account().hashCode() * 0xC2B2AE3D27D4EB4FL;
            mixed ^= value.hashCode() * 0x165667B19E3779F9L;
            return new SplittableRandom(mixed);
        }
    }

    /**
     * Replaces every letter and digit from {@code keep} on with a random one of the same class
     * (digit, lower-case hexadecimal or letter, upper-case), so UUIDs stay UUIDs and key ids stay
     * key ids.
     */
    static String scramble(String text, int keep, SplittableRandom random) {
        char[] chars = text.toCharArray();
        for (int i = keep; i < chars.length; i++) {
            char c = chars[i];
            if (c >= '0' && c <= '9') {
                chars[i] = (char) ('0' + random.nextInt(10));
            } else if (c >= 'a' && c <= 'f') {
                chars[i] = (char) ('a' + random.nextInt(6));
            } else if (c >= 'g' && c <= 'z') {
                chars[i] = (char) ('a' + random.nextInt(26));
            } else if (c >= 'A' && c <= 'Z') {
                chars[i] = (char) ('A' + random.nextInt(26));
            }
        }
        return new String(chars);
    }

    private static boolean isIpv4(String text) {
        int dots = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return dots == 3 && !text.startsWith(".");
    }

    /** A cheap pre-check for {@code 2023-07-10T11:41:02Z} before parsing. */
    private static boolean looksLikeIsoSeconds(String text) {
        return text.length() == 20
                && text.charAt(4) == '-'
                && text.charAt(10) == 'T'
                && text.charAt(19) == 'Z';
    }

    private static long parseSeconds(String text) {
        try {
            return Instant.parse(text).getEpochSecond();
        } catch (DateTimeParseException e) {
            return Long.MIN_VALUE;
        }
    }

    private static String nonEmpty(String text) {
        return text.isEmpty() ? null : text;
    }
}
