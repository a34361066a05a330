package io.mixnetspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mixnetspark.model.blocks.FastPaths;
import io.mixnetspark.model.numerics.Numerics;
import io.mixnetspark.model.numerics.NumericsReport;
import org.junit.jupiter.api.Test;

/** {@code mixnet info}: sizes, the CPU and the fast paths as JSON, and usage errors with exit code 2. */
class InfoCommandTest {

    @Test
    void printsParamsBuffersAndMacsAsJson() throws Exception {
        CliRun run = CliRun.of("info", "--model", "mixnet_s", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode info = new ObjectMapper().readTree(run.out());
        assertEquals(4_134_606L, info.get("params").asLong());
        assertEquals(32_192L, info.get("bn_buffers").asLong());
        assertEquals(239_173_360L, info.get("conv_fc_macs").asLong());
        double ratio = info.get("macs").asDouble() / 256e6;
        assertTrue(Math.abs(ratio - 1) < 0.03, "macs " + info.get("macs"));
        NumericsReport numerics = Numerics.ensureChecked();
        assertEquals(numerics.cpu().summary(), info.get("cpu").asText());
        assertEquals(FastPaths.describe(numerics.paths()), info.get("fast_paths").asText());
        assertEquals(numerics.verdicts().size(), info.get("numerics").get("verdicts").size(), info.toString());
    }

    @Test
    void badVariantAndBadFlagsAreUsageErrors() {
        CliRun unknown = CliRun.of("info", "--model", "mixnet_q");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("allowed values are mixnet_s, mixnet_m, mixnet_l"), unknown.err());
        CliRun badFlag = CliRun.of("info", "--no-such-flag");
        assertEquals(2, badFlag.exitCode());
        assertTrue(badFlag.err().contains("--no-such-flag"), badFlag.err());
        CliRun badNumber = CliRun.of("info", "--num_classes", "ten");
        assertEquals(2, badNumber.exitCode());
        assertTrue(badNumber.err().contains("--num_classes"), badNumber.err());
    }

    @Test
    void topLevelHelpListsTheSubcommands() {
        CliRun help = CliRun.of("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("info"), help.out());
    }
}
