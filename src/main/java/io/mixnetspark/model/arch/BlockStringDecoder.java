package io.mixnetspark.model.arch;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code BlockStringDecoder} turns one timm block string into a {@link BlockSpec}, following
 * timm's {@code _decode_block_str} ({@code timm/models/_efficientnet_builder.py}).
 *
 * <p>Grammar: {@code <type>_<option>_<option>...} with type {@code ds} or {@code ir}; options
 * {@code r<repeats>}, {@code k<k>[.<k>...]} (depthwise kernels), {@code a<1>[.<1>...]}
 * (expansion groups), {@code p<1>[.<1>...]} (projection groups), {@code s<stride>}, {@code
 * e<ratio>}, {@code c<channels>}, {@code se<ratio>}, {@code n<act>} ({@code nre}, {@code nsw}) and
 * {@code noskip}. Anything else fails with a message naming the bad token.
 */
public final class BlockStringDecoder {

    private static final Pattern OPTION = Pattern.compile("([a-z]+)(\\d.*)");

    private BlockStringDecoder() {}

    /**
     * Decodes one block string.
     *
     * @param blockString e.g. {@code ir_r1_k3.5.7_s2_e6_c40_se0.5_nsw}
     * @param defaultActivation the activation when the string names none
     * @return the decoded spec
     * @throws IllegalArgumentException naming the string and the offending token
     */
    public static BlockSpec decode(String blockString, Activation defaultActivation) {
        String[] ops = blockString.split("_");
        BlockType type = parseType(blockString, ops[0]);
        Map<String, String> options = new HashMap<>();
        Activation activation = defaultActivation;
        boolean noSkip = false;
        for (int i = 1; i < ops.length; i++) {
            String op = ops[i];
            if (op.equals("noskip")) {
                noSkip = true;
            } else if (op.startsWith("n")) {
                activation = Activation.parse(op.substring(1));
            } else {
                Matcher m = OPTION.matcher(op);
                if (!m.matches() || !isKnownOption(m.group(1))) {
                    throw new IllegalArgumentException(
                            "Bad token '" + op + "' in block string '" + blockString
                                    + "': expected r, k, a, p, s, e, c, se, n<act> or noskip");
                }
                options.put(m.group(1), m.group(2));
            }
        }
        for (String required : new String[] {"r", "k", "s", "e", "c"}) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException(
                        "Block string '" + blockString + "' lacks option '" + required + "'");
            }
        }
        try {
            return new BlockSpec(
                    type,
                    Integer.parseInt(options.get("r")),
                    parseList(options.get("k")),
                    groupCount(options.get("a")),
                    groupCount(options.get("p")),
                    Integer.parseInt(options.get("s")),
                    Double.parseDouble(options.get("e")),
                    Integer.parseInt(options.get("c")),
                    options.containsKey("se") ? Double.parseDouble(options.get("se")) : 0.0,
                    activation,
                    noSkip);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "Bad number in block string '" + blockString + "': " + e.getMessage(), e);
        }
    }

    private static BlockType parseType(String blockString, String token) {
        switch (token.toLowerCase(Locale.ROOT)) {
            case "ds":
                return BlockType.DS;
            case "ir":
                return BlockType.IR;
            default:
                throw new IllegalArgumentException(
                        "Unknown block type '" + token + "' in '" + blockString + "': allowed ds, ir");
        }
    }

    private static boolean isKnownOption(String key) {
        return Arrays.asList("r", "k", "a", "p", "s", "e", "c", "se").contains(key);
    }

    private static int[] parseList(String value) {
        return Arrays.stream(value.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }

    /** {@code a1.1} means two 1x1 groups; absent or {@code a1} means one plain conv. */
    private static int groupCount(String value) {
        if (value == null) {
            return 1;
        }
        int[] kernels = parseList(value);
        for (int k : kernels) {
            if (k != 1) {
                throw new IllegalArgumentException(
                        "Expansion/projection kernels must be 1x1, got '" + value + "'");
            }
        }
        return kernels.length;
    }
}
