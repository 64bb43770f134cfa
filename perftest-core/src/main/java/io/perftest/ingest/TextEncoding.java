package io.perftest.ingest;

/** Recognises text files in an encoding the parsers do not read (they read UTF-8, hence ASCII). */
public final class TextEncoding {

    private TextEncoding() {
    }

    /** A message saying what is wrong with the encoding of a file starting with {@code head}, or null if it looks like UTF-8. */
    public static String problemOf(byte[] head) {
        if (head.length >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE) || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
            return "the file is UTF-16 encoded (it starts with a UTF-16 byte order mark); save it as UTF-8";
        }
        int n = Math.min(head.length, 4096);
        int zeros = zeroBytes(head, n);
        if (n > 0 && zeros * 4 > n) {
            return "the file is binary or UTF-16/32 encoded (" + zeros + " zero bytes in its first " + n
                    + "); perftest reads text files in UTF-8";
        }
        return null;
    }

    /** How many of the first {@code limit} bytes of {@code head} are zero. */
    public static int zeroBytes(byte[] head, int limit) {
        int zeros = 0;
        for (int i = 0; i < Math.min(head.length, limit); i++) {
            if (head[i] == 0) {
                zeros++;
            }
        }
        return zeros;
    }

    /** {@code text} without a leading UTF-8 byte order mark. */
    public static String withoutBom(String text) {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }
}
