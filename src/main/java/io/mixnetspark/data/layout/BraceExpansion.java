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
 *
 * <p>A pattern's paths are counted before any is made, so a pattern over {@link #MAX_EXPANSION} is
 * refused at once whatever its span ({@code {000000..999999999}} or a product of small ranges).
 */
public final class BraceExpansion {

    /**
     * The most paths one pattern may expand to: ImageNet's 1,282 training shards with ample margin,
     * while the driver still holds the planned paths in a few hundred MB.
     */
    public static final int MAX_EXPANSION = 1_000_000;

    /** The most digits of a range bound: every 18-digit number and their differences fit a long. */
    static final int MAX_BOUND_DIGITS = 18;

    private BraceExpansion() {}

    /**
     * Expands a pattern.
     *
     * @param pattern e.g. {@code s3a://bucket/train-{000000..001281}.tar}
     * @return the expanded strings in order (the pattern itself when it has no braces)
     * @throws IllegalArgumentException on an unbalanced brace, a bad range, or more than {@link
     *     #MAX_EXPANSION} results (counted before expanding)
     */
    public static List<String> expand(String pattern) {
        if (count(pattern, pattern) > MAX_EXPANSION) {
            throw new IllegalArgumentException("shard pattern " + pattern + " expands to more than "
                    + MAX_EXPANSION + " paths (the limit of a pattern, BraceExpansion.MAX_EXPANSION)");
        }
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
            out.add(pattern);
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

    /**
     * Counts the paths a pattern (or a part of one) expands to without making them, up to just
     * over {@link #MAX_EXPANSION}.
     */
    private static long count(String part, String pattern) {
        long total = 1;
        int open = part.indexOf('{');
        while (open >= 0) {
            int close = matchingClose(part, open);
            String body = part.substring(open + 1, close);
            List<String> parts = splitTopLevel(body);
            long choices = 0;
            if (parts.size() > 1) {
                for (String alternative : parts) {
                    choices = capped(choices + count(alternative, pattern));
                }
            } else {
                Range range = Range.of(body, pattern);
                choices = range == null ? 1 : capped(range.size());
            }
            total = capped(total * choices);
            open = part.indexOf('{', close + 1);
        }
        return total;
    }

    private static long capped(long count) {
        return Math.min(count, MAX_EXPANSION + 1L);
    }

    private static List<String> alternatives(String body, String pattern) {
        List<String> parts = splitTopLevel(body);
        if (parts.size() > 1) {
            return parts;
        }
        Range range = Range.of(body, pattern);
        return range == null ? null : range.values();
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

    /** An inclusive numeric range {@code {N..M}}, zero-padded to {@code width} when non-zero. */
    private record Range(long start, long end, int width) {

        /** The range a brace body holds, or null when it is no range. */
        static Range of(String body, String pattern) {
            int dots = body.indexOf("..");
            if (dots < 0 || body.indexOf('{') >= 0) {
                return null;
            }
            String first = body.substring(0, dots);
            String last = body.substring(dots + 2);
            if (!first.matches("-?\\d+") || !last.matches("-?\\d+")) {
                throw new IllegalArgumentException("bad range {" + body + "} in " + pattern + " (expected {N..M})");
            }
            if (digits(first).length() > MAX_BOUND_DIGITS || digits(last).length() > MAX_BOUND_DIGITS) {
                throw new IllegalArgumentException("range {" + body + "} in " + pattern + " has a bound of more than "
                        + MAX_BOUND_DIGITS + " digits");
            }
            boolean padded = hasLeadingZero(first) || hasLeadingZero(last);
            return new Range(Long.parseLong(first), Long.parseLong(last),
                    padded ? Math.max(first.length(), last.length()) : 0);
        }

        long size() {
            return Math.abs(end - start) + 1;
        }

        List<String> values() {
            List<String> values = new ArrayList<>();
            long step = start <= end ? 1 : -1;
            for (long v = start; ; v += step) {
                values.add(width > 0 ? String.format(Locale.ROOT, "%0" + width + "d", v) : Long.toString(v));
                if (v == end) {
                    return values;
                }
            }
        }

        private static String digits(String number) {
            return number.startsWith("-") ? number.substring(1) : number;
        }

        private static boolean hasLeadingZero(String number) {
            String digits = digits(number);
            return digits.length() > 1 && digits.charAt(0) == '0';
        }
    }
}
