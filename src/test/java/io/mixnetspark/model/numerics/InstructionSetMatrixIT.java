package io.mixnetspark.model.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixnetspark.testing.ChildJvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parity tests under every instruction set this CPU offers oneDNN: each runs in a forked JVM
 * with {@code ONEDNN_MAX_CPU_ISA} set before libtorch loads, so that the kernels oneDNN picks (and
 * the fast paths the self-check keeps) are those of that ISA. The default, then the AVX-512 levels
 * below the highest present, AVX2 and SSE4.1 ({@link #caps}). Every run must pass every test.
 */
class InstructionSetMatrixIT {

    /** The parity tests of issue 25: fixture logits and stages, the training-step fixture, MindCV ckpt, infer-tensor, replicas, float16. */
    static final String[] PARITY_TESTS = {
        "io.mixnetspark.model.FixtureParityTest",
        "io.mixnetspark.train.TrainStepFixtureTest",
        "io.mixnetspark.model.MindCvCheckpointTest",
        "io.mixnetspark.cli.InferTensorCommandTest",
        "io.mixnetspark.train.CpuReplicasTest",
        "io.mixnetspark.train.MixedPrecisionTrainingTest",
        "io.mixnetspark.model.numerics.OneDnnPointwiseFaultTest",
    };

    @TempDir
    Path home;

    @TestFactory
    Stream<DynamicTest> parityHoldsUnderEveryIsaCap() {
        return caps(CpuDescription.current()).stream().map(cap -> DynamicTest.dynamicTest("ONEDNN_MAX_CPU_ISA=" + cap,
                () -> {
                    Map<String, String> env = cap.equals("default") ? Map.of() : Map.of("ONEDNN_MAX_CPU_ISA", cap);
                    Map<String, String> properties = Map.of("ai.djl.offline", "true",
                            "mixnet.shared.dir", System.getProperty("mixnet.shared.dir", "../shared"),
                            "mixnet.home", home.resolve(cap).toString(),
                            "derby.stream.error.file", home.resolve(cap + "-derby.log").toString());
                    ChildJvm.Result run = ChildJvm.run(ParitySuiteMain.class, properties, env, 900, PARITY_TESTS);
                    String tests = run.output().lines().filter(l -> l.startsWith("tests|")).findFirst().orElse("");
                    String numerics = run.output().lines().filter(l -> l.startsWith("numerics|")).findFirst().orElse("");
                    System.out.println("ONEDNN_MAX_CPU_ISA=" + cap + ": " + tests + "; " + numerics);
                    assertEquals(0, run.exitCode(), run.output());
                    assertTrue(tests.contains(" 0 failed, 0 skipped"), run.output());
                    assertTrue(numerics.contains("oneDNN ISA " + (cap.equals("default") ? "default" : cap)), numerics);
                }));
    }

    /**
     * The caps to run: {@code default}, each AVX-512 level the CPU has below its highest (the
     * highest is what the default runs, short of AMX), AVX2 and SSE41 where present.
     *
     * @param cpu the processor
     * @return the caps, {@code default} first
     */
    static List<String> caps(CpuDescription cpu) {
        List<String> caps = new ArrayList<>(List.of("default"));
        List<String> supported = cpu.supportedIsaCaps();
        List<String> avx512 = supported.stream().filter(c -> c.startsWith("AVX512")).toList();
        caps.addAll(avx512.stream().skip(1).toList());
        supported.stream().filter(c -> c.equals("AVX2") || c.equals("SSE41")).forEach(caps::add);
        return caps;
    }
}
