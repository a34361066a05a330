package io.mixnetspark.data.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code BraceExpansion} expands shell-style braces in a shard path, as WebDataset's {@code
 * braceexpand} does: {@code {000000..001281}} is an inclusive numeric range (zero-padded to the
 * wider bound when either bound has a leading zero; descending when the first bound is larger) and
 * {@code {a,b,c}} a list. Several braces multiply; braces nest. A brace with neither {@code ..}
 * nor a top-level comma is kept literally.
 */
public final class BraceExpansion {

    /** The most paths one pattern may expand to. */
    public static final int MAX_EXPANSION = 1_000_000;

    private BraceExpansion() {}

    /**
     * Expands a pattern.
     *
     * @param pattern e.g. {@code s3a://bucket/train-{000000..001281}.tar}
     * @return the expanded strings in order (the pattern itself when it has no braces)
     * @throws IllegalArgumentException on an unbalanced brace, a bad range, or more than {@link
     *     #MAX_EXPANSION} results
     */
    public static List<String> expand(String pattern) {
        List<String> out = new ArrayList<>();
        expandInto(pattern, 0, out);
        return out;
    }

    private static void expandInto(String pattern, int from, List<String> out) {
        int open = pattern.indexOf('{', from);
        if (open < 0) {
            if (pattern.indexOf('}', from) >= 0 && unbalancedClose(pattern)) {
                throw new IllegalArgumentException("unbalanced '}' in " + pattern);
            }
            add(out, pattern);
            return;
        }
        int close = matchingClose(pattern, open);
        String body = pattern.substring(open + 1, close);
        String prefix = pattern.substring(0, open);
        String suffix = pattern.substring(close + 1);
        List<String> alternatives = alternatives(body, pattern);
        if (alternatives == null) {
            expandInto(pattern, close + 1, out);
            return;
        }
        for (String alternative : alternatives) {
            expandInto(prefix + alternative + suffix, prefix.length(), out);
        }
    }

    private static List<String> alternatives(String body, String pattern) {
        List<String> parts = splitTopLevel(body);
        if (parts.size() > 1) {
            return parts;
        }
        int dots = body.indexOf("..");
        if (dots < 0 || body.indexOf('{') >= 0) {
            return null;
        }
        String first = body.substring(0, dots);
        String last = body.substring(dots + 2);
        if (!first.matches("-?\\d+") || !last.matches("-?\\d+")) {
            throw new IllegalArgumentException("bad range {" + body + "} in " + pattern + " (expected {N..M})");
        }
        long start = Long.parseLong(first);
        long end = Long.parseLong(last);
        if (Math.abs(end - start) >= MAX_EXPANSION) {
            throw new IllegalArgumentException("range {" + body + "} in " + pattern + " is too large");
        }
        boolean padded = hasLeadingZero(first) || hasLeadingZero(last);
        int width = padded ? Math.max(first.length(), last.length()) : 0;
        List<String> values = new ArrayList<>();
        long step = start <= end ? 1 : -1;
        for (long v = start; ; v += step) {
            values.add(padded ? String.format(Locale.ROOT, "%0" + width + "d", v) : Long.toString(v));
            if (v == end) {
                break;
            }
        }
        return values;
    }

    private static boolean hasLeadingZero(String number) {
        String digits = number.startsWith("-") ? number.substring(1) : number;
        return digits.length() > 1 && digits.charAt(0) == '0';
    }

    private static List<String> splitTopLevel(String body) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(body.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(body.substring(start));
        return parts;
    }

    private static int matchingClose(String pattern, int open) {
        int depth = 0;
        for (int i = open; i < pattern.length(); i++) {
            if (pattern.charAt(i) == '{') {
                depth++;
            } else if (pattern.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced '{' in " + pattern);
    }

    private static boolean unbalancedClose(String pattern) {
        int depth = 0;
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) == '{') {
                depth++;
            } else if (pattern.charAt(i) == '}' && --depth < 0) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<String> out, String value) {
        if (out.size() >= MAX_EXPANSION) {
            throw new IllegalArgumentException("a shard pattern expands to more than " + MAX_EXPANSION + " paths");
        }
        out.add(value);
    }
}
