package headwater.domain.subscriber;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes IP address literals without ever asking DNS (unlike {@code InetAddress.getByName}, which resolves
 * anything that is not a literal). IPv4 is strict dotted-quad decimal: no leading zeros, which some systems read as
 * octal. IPv6 is RFC 4291 text (hex groups, one "::", an optional dotted IPv4 tail), written back in the RFC 5952
 * canonical form.
 */
final class IpLiteral {

    private IpLiteral() {
    }

    /** Why a text is not an address; the message completes "… is not an IPv4/IPv6 address: ". */
    static final class Refusal extends Exception {

        Refusal(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The 4 or 16 bytes of {@code text}, which holds no prefix length. */
    static byte[] parse(String text) throws Refusal {
        if (text.indexOf(':') >= 0) {
            return ipv6(text);
        }
        return ipv4(text);
    }

    static byte[] ipv4(String text) throws Refusal {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new Refusal("it has " + parts.length + " part" + (parts.length == 1 ? "" : "s")
                    + ", an IPv4 address has 4 separated by '.'");
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty()) {
                throw new Refusal("part " + (i + 1) + " is empty");
            }
            if (part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new Refusal("part " + (i + 1) + " (" + part + ") is not a decimal number from 0 to 255");
            }
            if (part.length() > 1 && part.charAt(0) == '0') {
                throw new Refusal("part " + (i + 1) + " (" + part + ") has a leading zero, which some systems read as octal");
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                throw new Refusal("part " + (i + 1) + " (" + part + ") is above 255");
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    static byte[] ipv6(String text) throws Refusal {
        if (text.contains(":::")) {
            throw new Refusal("it has \":::\" (\"::\" stands for one run of zero groups)");
        }
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            throw new Refusal("\"::\" appears more than once");
        }
        List<Integer> head = groups(gap >= 0 ? text.substring(0, gap) : text, gap < 0);
        List<Integer> tail = gap >= 0 ? groups(text.substring(gap + 2), true) : List.of();
        int count = head.size() + tail.size();
        if (gap < 0 && count != 8) {
            throw new Refusal("it has " + count + " groups of 16 bits, 8 are needed (or \"::\" for a run of zeros)");
        }
        if (gap >= 0 && count > 7) {
            throw new Refusal("it has " + count + " groups of 16 bits besides \"::\", at most 7 allowed");
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < head.size(); i++) {
            put(bytes, i, head.get(i));
        }
        for (int i = 0; i < tail.size(); i++) {
            put(bytes, 8 - tail.size() + i, tail.get(i));
        }
        return bytes;
    }

    /** The 16-bit groups of one side of "::"; a dotted IPv4 tail counts as two groups. */
    private static List<Integer> groups(String side, boolean last) throws Refusal {
        List<Integer> groups = new ArrayList<>();
        if (side.isEmpty()) {
            return groups;
        }
        String[] parts = side.split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty()) {
                throw new Refusal("it has an empty group (a single ':' at the start or the end)");
            }
            if (part.indexOf('.') >= 0) {
                if (!last || i != parts.length - 1) {
                    throw new Refusal("the dotted IPv4 part " + part + " is not at the end");
                }
                byte[] v4;
                try {
                    v4 = ipv4(part);
                } catch (Refusal r) {
                    throw new Refusal("its IPv4 part " + part + " is not valid: " + r.getMessage());
                }
                groups.add(((v4[0] & 0xff) << 8) | (v4[1] & 0xff));
                groups.add(((v4[2] & 0xff) << 8) | (v4[3] & 0xff));
                continue;
            }
            if (part.length() > 4) {
                throw new Refusal("the group " + part + " has more than 4 hex digits");
            }
            int value = 0;
            for (int k = 0; k < part.length(); k++) {
                int digit = Character.digit(part.charAt(k), 16);
                if (digit < 0 || part.charAt(k) > 'f') {
                    throw new Refusal("the group " + part + " is not hexadecimal");
                }
                value = value * 16 + digit;
            }
            groups.add(value);
        }
        return groups;
    }

    private static void put(byte[] bytes, int group, int value) {
        bytes[2 * group] = (byte) (value >>> 8);
        bytes[2 * group + 1] = (byte) value;
    }

    /** Dotted quad for 4 bytes; RFC 5952 for 16 (lower case, no leading zeros, the longest zero run as "::"). */
    static String format(byte[] bytes) {
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
