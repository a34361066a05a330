package io.mixnetspark.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import io.mixnetspark.model.blocks.FastPath;
import io.mixnetspark.model.blocks.FastPaths;
import io.mixnetspark.model.blocks.GradientMode;
import io.mixnetspark.model.numerics.Numerics;
import io.mixnetspark.model.numerics.NumericsReport;
import io.mixnetspark.testing.ReferenceFixtures;
import java.io.IOException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The self-check decides on small probes; this checks its choice where the network really runs:
 * MixNet-S with the reference fixture's weights, at six resolutions and three batch sizes (eval)
 * and three (training: logits and every gradient), under the fast paths this JVM took against the
 * plain ops (which the fixture parity tests tie to the independent reference). Faults of oneDNN
 * kernels seen so far depend on the width, the pixel count and the batch size, so a choice that is
 * right on the probes but wrong at one of these sizes fails here.
 */
class FastPathsAtEverySizeTest {

    private static final double TOLERANCE = 1e-4;
    private static final Set<FastPath> PLAIN = EnumSet.noneOf(FastPath.class);

    /** The eval cases share one model (eval leaves it unchanged); training cases load their own. */
    private static NDManager evalManager;
    private static MixNetModel evalModel;

    @BeforeAll
    static void loadEvalModel() throws IOException {
        evalManager = NDManager.newBaseManager(Device.cpu());
        evalModel = ReferenceFixtures.mixnetS(evalManager, ReferenceFixtures.dir("mixnet_s-timm-random"));
    }

    @AfterAll
    static void closeEvalModel() {
        evalModel.close();
        evalManager.close();
    }

    @ParameterizedTest(name = "eval {0} px, batch {1}")
    @CsvSource({"128,1", "128,8", "160,3", "160,4", "192,1", "192,8", "224,3", "224,4", "256,1", "256,3",
        "320,1", "320,8"})
    void evalLogitsUnderTheChosenPathsMatchThePlainOps(int size, int batch) {
        NumericsReport report = Numerics.ensureChecked();
        try (NDManager manager = evalManager.newSubManager()) {
            manager.getEngine().setRandomSeed(size * 31 + batch);
            NDArray input = manager.randomNormal(new Shape(batch, 3, size, size));
            NDArray fast = evalModel.logits(input);
            NDArray plain = FastPaths.with(PLAIN, () -> evalModel.logits(input));
            assertClose(plain, fast, 0f, "eval logits at " + size + " px, batch " + batch + ", " + report.summary());
        }
    }

    @ParameterizedTest(name = "training {0} px, batch {1}")
    @CsvSource({"128,2", "160,4", "224,3"})
    void trainingGradientsUnderTheChosenPathsMatchThePlainOps(int size, int batch) throws IOException {
        NumericsReport report = Numerics.ensureChecked();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
                MixNetModel fastModel = ReferenceFixtures.mixnetS(manager, ReferenceFixtures.dir("mixnet_s-timm-random"));
                MixNetModel plainModel = ReferenceFixtures.mixnetS(manager, ReferenceFixtures.dir("mixnet_s-timm-random"))) {
            manager.getEngine().setRandomSeed(size * 17 + batch);
            NDArray input = manager.randomNormal(new Shape(batch, 3, size, size));
            Map<String, NDArray> fast = trainingPass(fastModel, input, FastPaths.current());
            Map<String, NDArray> plain = trainingPass(plainModel, input, PLAIN);
            // a gradient that is zero in exact arithmetic (a BatchNorm shift whose output a training-mode
            // BatchNorm re-centres, say) holds only rounding: it is compared at 1% of the pass's largest
            // gradient instead of at its own scale
            float largestGradient = plain.entrySet().stream().filter(e -> e.getKey().startsWith("gradient"))
                    .map(e -> e.getValue().abs().max().getFloat()).max(Float::compare).orElseThrow();
            plain.forEach((key, expected) -> assertClose(expected, fast.get(key), 1e-2f * largestGradient,
                    key + " at " + size + " px, batch " + batch + ", " + report.summary()));
        }
    }

    /** Train-mode logits and the gradient of every parameter for the loss sum(logits * seeded weights). */
    private static Map<String, NDArray> trainingPass(MixNetModel model, NDArray input, Set<FastPath> paths) {
        NDManager manager = input.getManager();
        return FastPaths.with(paths, () -> GradientMode.with(true, () -> {
            NDArray logits = model.network().forward(new ParameterStore(manager, false), new NDList(input), true)
                    .singletonOrThrow();
            manager.getEngine().setRandomSeed(5);
            NDArray objective = logits.mul(manager.randomNormal(logits.getShape())).sum();
            JniUtils.backward((PtNDArray) objective, (PtNDArray) manager.ones(new Shape()), false, false);
            Map<String, NDArray> results = new LinkedHashMap<>();
            results.put("train-mode logits", logits);
            for (Map.Entry<String, Parameter> e : model.stateDict().entries().entrySet()) {
                if (e.getValue().requiresGradient()) {
                    results.put("gradient of " + e.getKey(), e.getValue().getArray().getGradient());
                }
            }
            return results;
        }));
    }

    /** Within {@link #TOLERANCE} of the larger of the expected tensor's largest value and {@code floor}. */
    private static void assertClose(NDArray expected, NDArray actual, float floor, String what) {
        float largest = expected.abs().max().getFloat();
        float worst = actual.sub(expected).abs().max().getFloat();
        assertTrue(worst <= TOLERANCE * Math.max(Math.max(largest, floor), 1e-6f), what + ": largest difference "
                + worst + ", largest value " + largest + ", floor " + floor);
    }
}
