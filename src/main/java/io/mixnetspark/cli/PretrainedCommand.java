package io.mixnetspark.cli;

import io.mixnetspark.hub.HubClient;
import io.mixnetspark.hub.HubEnvironment;
import io.mixnetspark.model.pretrained.PretrainedName;
import io.mixnetspark.model.pretrained.PretrainedWeights;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mixnet pretrained NAME...}: downloads pretrained weights by name into the Hugging Face
 * cache (or finds them there) and prints where they are and what they need, so a cache can be
 * filled where the hub is reachable and copied to machines where it is not. With no name it prints
 * the names and the cache folders.
 */
@Command(name = "pretrained", mixinStandardHelpOptions = true,
        description = "Download pretrained weights by name into the Hugging Face cache (or find them there) and print"
                + " where they are.",
        footer = {"Names: " + PretrainedName.ALLOWED + ".",
            "Environment: HF_HOME or MIXNET_CACHE (cache), HF_ENDPOINT (mirror), HF_HUB_OFFLINE=1 (cache only),",
            "HF_TOKEN (gated or private repositories; never printed), HF_HUB_DOWNLOAD_TIMEOUT (seconds)."})
public final class PretrainedCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "Weights to fetch, e.g. mixnet_s.")
    List<String> names = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        HubClient hub = HubClient.forThisProcess();
        HubEnvironment env = hub.environment();
        if (names.isEmpty()) {
            out.println("Names: " + PretrainedName.ALLOWED);
            out.println("Hub cache: " + env.hubCache() + (env.offline() ? " (offline)" : ", from " + env.endpoint()));
            out.println("MindCV files: " + env.assetsCache().resolve("mixnet-spark/mindcv") + ", from " + env.mindCvEndpoint());
            return 0;
        }
        for (String name : names) {
            PretrainedWeights weights = PretrainedWeights.resolve(name, hub);
            out.printf("%s: %s (%s, %d classes, SE %s, eval %d px, crop %.3f)%n", name, weights.file(),
                    weights.config().variant().modelName(), weights.config().numClasses(),
                    weights.config().seActivation().name().toLowerCase(java.util.Locale.ROOT), weights.imageSize(),
                    weights.cropPct());
        }
        out.flush();
        return 0;
    }
}
