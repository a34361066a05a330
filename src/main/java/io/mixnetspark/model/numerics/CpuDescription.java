package io.mixnetspark.model.numerics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code CpuDescription} is what the numerics reports say about the processor: its model name,
 * vendor, family and model numbers and the instruction sets oneDNN chooses kernels by, read from
 * {@code /proc/cpuinfo} (Linux; elsewhere only the architecture is known), and the oneDNN ISA cap
 * the process runs under ({@code ONEDNN_MAX_CPU_ISA}, read by oneDNN when it first runs).
 *
 * @param modelName the model name, e.g. {@code AMD EPYC 9R45}, or the architecture
 * @param vendor the vendor id, e.g. {@code AuthenticAMD}, or empty
 * @param family the CPU family number, or -1
 * @param model the model number, or -1
 * @param flags the instruction-set flags (lower case, as in {@code /proc/cpuinfo})
 * @param isaCap the value of {@code ONEDNN_MAX_CPU_ISA}, or {@code default}
 */
public record CpuDescription(String modelName, String vendor, int family, int model, Set<String> flags,
        String isaCap) {

    /** oneDNN's ISA caps from the highest to the lowest that this project's CPUs can have, with the flag each needs. */
    private static final String[][] ISA_CAPS = {
        {"AVX512_CORE_AMX", "amx_tile"},
        {"AVX512_CORE_BF16", "avx512_bf16"},
        {"AVX512_CORE_VNNI", "avx512_vnni"},
        {"AVX512_CORE", "avx512bw"},
        {"AVX2_VNNI", "avx_vnni"},
        {"AVX2", "avx2"},
        {"AVX", "avx"},
        {"SSE41", "sse4_1"},
    };

    /** Copies the flags. */
    public CpuDescription {
        flags = Set.copyOf(flags);
    }

    /**
     * Describes this machine's processor.
     *
     * @return the description
     */
    public static CpuDescription current() {
        String cap = System.getenv("ONEDNN_MAX_CPU_ISA");
        String isaCap = cap == null || cap.isBlank() ? "default" : cap.trim().toUpperCase(Locale.ROOT);
        Path info = Path.of("/proc/cpuinfo");
        if (Files.isReadable(info)) {
            try (Stream<String> lines = Files.lines(info)) {
                return parse(lines.takeWhile(l -> !l.isBlank()).toList(), isaCap);
            } catch (IOException | RuntimeException e) {
                // fall through: the architecture is all there is to say
            }
        }
        return new CpuDescription(System.getProperty("os.arch"), "", -1, -1, Set.of(), isaCap);
    }

    /**
     * Reads one processor's block of {@code /proc/cpuinfo}.
     *
     * @param lines the block's lines
     * @param isaCap the oneDNN ISA cap in effect
     * @return the description
     */
    static CpuDescription parse(List<String> lines, String isaCap) {
        String name = System.getProperty("os.arch");
        String vendor = "";
        int family = -1;
        int model = -1;
        Set<String> flags = new HashSet<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            switch (key) {
                case "model name" -> name = value;
                case "vendor_id" -> vendor = value;
                case "cpu family" -> family = Integer.parseInt(value);
                case "model" -> model = Integer.parseInt(value);
                case "flags" -> flags.addAll(Arrays.asList(value.split("\\s+")));
                default -> { }
            }
        }
        return new CpuDescription(name, vendor, family, model, flags, isaCap);
    }

    /**
     * The widest vector instructions the processor has: {@code AVX-512}, {@code AVX2}, {@code AVX},
     * {@code SSE4.1} or {@code unknown}.
     *
     * @return the name
     */
    public String vectorWidth() {
        if (flags.contains("avx512f")) {
            return "AVX-512";
        }
        if (flags.contains("avx2")) {
            return "AVX2";
        }
        return flags.contains("avx") ? "AVX" : flags.contains("sse4_1") ? "SSE4.1" : "unknown";
    }

    /**
     * The values of {@code ONEDNN_MAX_CPU_ISA} that give this processor a different oneDNN
     * instruction set, highest first ({@code AVX512_CORE_BF16}, ..., {@code AVX2}, {@code AVX},
     * {@code SSE41}): the caps a test matrix runs under besides the default.
     *
     * @return the caps this processor supports
     */
    public List<String> supportedIsaCaps() {
        List<String> caps = new ArrayList<>();
        for (String[] cap : ISA_CAPS) {
            if (flags.contains(cap[1])) {
                caps.add(cap[0]);
            }
        }
        return caps;
    }

    /**
     * One line for logs and tables, e.g. {@code AMD EPYC (AuthenticAMD family 26 model 2, AVX-512,
     * oneDNN ISA default)}.
     *
     * @return the summary
     */
    public String summary() {
        String ids = vendor.isEmpty() ? "" : vendor + " family " + family + " model " + model + ", ";
        return modelName + " (" + ids + vectorWidth() + ", oneDNN ISA " + isaCap + ")";
    }
}
