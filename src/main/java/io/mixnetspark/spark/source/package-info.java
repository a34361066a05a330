/**
 * The Spark data source {@code mixnet-images} ({@link io.mixnetspark.spark.source.MixNetImagesSource},
 * facade {@link io.mixnetspark.spark.source.ImageDatasets}): ImageFolder, WebDataset, Hugging Face
 * Parquet and TFRecord datasets read through the DataSource V2 API into one schema.
 *
 * <p>Driver side: {@code MixNetImagesSource}, {@code ImageTable}, {@code ImageScan} (options,
 * listing, partition planning). Executor side: {@code ImageReaderFactory} and {@code
 * ImageRowReader}, which wrap the Spark-free readers of {@code io.mixnetspark.data.layout}.
 */
package io.mixnetspark.spark.source;
