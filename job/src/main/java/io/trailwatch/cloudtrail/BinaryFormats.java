package io.trailwatch.cloudtrail;

/** Names the binary formats a log file is sometimes mistaken for, from its first bytes. */
final class BinaryFormats {

    private BinaryFormats() {}

    /**
     * Describes {@code head} if it cannot start JSON text, e.g. "a zip archive (starts with bytes
     * 50 4b 03 04)"; {@code null} if it may be text (the JSON parser then has the last word).
     */
    static String describe(byte[] head) {
        String name = knownFormat(head);
        if (name == null && !isBinary(head)) {
            return null;
        }
        return (name == null ? "binary data" : name) + " (starts with bytes " + hex(head) + ")";
    }

    private static String knownFormat(byte[] head) {
        if (startsWith(head, 0x50, 0x4b, 0x03, 0x04)) {
            return "a zip archive";
        }
        if (startsWith(head, 0x42, 0x5a, 0x68)) {
            return "bzip2-compressed data";
        }
        if (startsWith(head, 0x28, 0xb5, 0x2f, 0xfd)) {
            return "zstd-compressed data";
        }
        if (startsWith(head, 0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00)) {
            return "xz-compressed data";
        }
        if (startsWith(head, 0x50, 0x41, 0x52, 0x31)) {
            return "a Parquet file";
        }
        return null;
    }

    /** A control byte other than whitespace cannot start JSON in UTF-8 or UTF-16 alike. */
    private static boolean isBinary(byte[] head) {
        int first = head[0] & 0xff;
        boolean whitespace = first == ' ' || first == '\t' || first == '\n' || first == '\r';
        // A zero byte may be the high half of a UTF-16/32 character, which Jackson detects.
        return first < 0x20 && first != 0 && !whitespace;
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static String hex(byte[] head) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(head.length, 4); i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(String.format("%02x", head[i] & 0xff));
        }
        return text.toString();
    }
}
