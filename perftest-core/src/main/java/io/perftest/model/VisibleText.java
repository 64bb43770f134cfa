package io.perftest.model;

/**
 * Which characters of a user's text must not reach a terminal or a page as they are: control
 * characters (terminal escape sequences), formatting characters (bidirectional overrides that
 * reorder what is shown, zero-width characters), line and paragraph separators, and surrogates
 * without their pair. One rule for every place that shows such text.
 */
public final class VisibleText {

    private VisibleText() {
    }

    /** Whether the code point {@code cp} is hidden or acts on the display instead of showing. */
    public static boolean isHidden(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
    }

    /** {@code text} with every hidden character written as {@code \\uXXXX}; the text itself when there is none. */
    public static String of(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            boolean hidden = isHidden(cp);
            if (hidden && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (hidden) {
                for (int k = i; k < i + n; k++) {
                    out.append(unicodeEscape(text.charAt(k)));
                }
            } else if (out != null) {
                out.append(text, i, i + n);
            }
            i += n;
        }
        return out == null ? text : out.toString();
    }

    /** {@code \\uXXXX} (lower-case hex) for one UTF-16 unit. */
    static String unicodeEscape(char c) {
        String hex = Integer.toHexString(c);
        return "\\u" + "0".repeat(4 - hex.length()) + hex;
    }
}
