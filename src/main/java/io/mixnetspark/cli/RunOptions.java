package io.mixnetspark.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code RunOptions} are the flags shared by the commands that read a dataset and record a run
 * ({@code train}, {@code validate}, {@code predict}): the source options, where the run's tables
 * live, and the run id.
 */
final class RunOptions {

    @Option(names = "--option", paramLabel = "KEY=VALUE",
            description = "Option of the mixnet-images source (e.g. groundTruth=LOC_val_solution.csv,"
                    + " classIndex=folders); repeatable.")
    Map<String, String> sourceOptions = new LinkedHashMap<>();

    @Mixin
    CatalogOptions catalog;

    @Option(names = "--run_id", description = "Run id (a rerun with the same id replaces its rows). Default: new.")
    String runId;

    /**
     * Returns the run id given, else a new one.
     *
     * @param kind the command, which prefixes a new id
     * @return the run id
     */
    String runId(String kind) {
        return runId != null ? runId : RunIds.next(kind);
    }
}
