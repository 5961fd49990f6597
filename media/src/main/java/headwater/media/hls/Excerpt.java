package headwater.media.hls;

/** Outside text quoted in an error message: shortened, with control characters shown as '?', so logs stay sane. */
final class Excerpt {
    private static final int MAX = 60;

    private Excerpt() {}

    static String of(String text) {
        String s = text.length() > MAX ? text.substring(0, MAX) + "..." : text;
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        return b.toString();
    }
}
