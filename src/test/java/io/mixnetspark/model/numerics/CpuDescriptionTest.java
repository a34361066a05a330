package io.mixnetspark.model.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the numerics reports say about a processor, read from {@code /proc/cpuinfo} blocks. */
class CpuDescriptionTest {

    /** The AMD EPYC (Zen 5) virtual machine of issue 25, abridged. */
    private static final List<String> ZEN5 = List.of(
            "processor\t: 0",
            "vendor_id\t: AuthenticAMD",
            "cpu family\t: 26",
            "model\t\t: 2",
            "model name\t: AMD EPYC",
            "flags\t\t: fpu sse4_1 sse4_2 avx f16c avx2 avx512f avx512dq avx512cd avx512bw avx512vl avx_vnni"
                    + " avx512_bf16 avx512vbmi avx512_vnni avx512_vp2intersect");

    /** An Intel Xeon without AVX-512. */
    private static final List<String> HASWELL = List.of(
            "vendor_id\t: GenuineIntel",
            "cpu family\t: 6",
            "model\t\t: 63",
            "model name\t: Intel(R) Xeon(R) CPU E5-2673 v3 @ 2.40GHz",
            "flags\t\t: fpu sse4_1 sse4_2 avx avx2 fma");

    @Test
    void describesTheProcessorAndItsWidestVectors() {
        CpuDescription zen5 = CpuDescription.parse(ZEN5, "default");
        assertEquals("AMD EPYC (AuthenticAMD family 26 model 2, AVX-512, oneDNN ISA default)", zen5.summary());
        CpuDescription xeon = CpuDescription.parse(HASWELL, "AVX2");
        assertEquals("Intel(R) Xeon(R) CPU E5-2673 v3 @ 2.40GHz (GenuineIntel family 6 model 63, AVX2, oneDNN ISA AVX2)",
                xeon.summary());
    }

    @Test
    void listsTheOneDnnIsaCapsTheProcessorSupportsHighestFirst() {
        assertEquals(List.of("AVX512_CORE_BF16", "AVX512_CORE_VNNI", "AVX512_CORE", "AVX2_VNNI", "AVX2", "AVX", "SSE41"),
                CpuDescription.parse(ZEN5, "default").supportedIsaCaps());
        assertEquals(List.of("AVX2", "AVX", "SSE41"), CpuDescription.parse(HASWELL, "default").supportedIsaCaps());
    }

    @Test
    void thisMachineIsDescribed() {
        CpuDescription here = CpuDescription.current();
        assertFalse(here.modelName().isBlank());
        assertFalse(here.summary().isBlank());
    }
}
