/**
 * The training step speed benchmark ({@link io.mixnetspark.train.bench.TrainStepBenchmark}), run
 * by {@code scripts/train-step-bench.sh}; figures in {@code BENCHMARKS.md}. Imports {@code train},
 * {@code model} and the machine description of {@code data.bench}, never Spark.
 */
package io.mixnetspark.train.bench;
