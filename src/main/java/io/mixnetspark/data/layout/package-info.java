/**
 * Image dataset layouts on disk, read and written without Spark: ImageFolder ({@link
 * io.mixnetspark.data.layout.ImageFolderLister}, {@link io.mixnetspark.data.layout.ImageFolderReader}),
 * WebDataset tar ({@link io.mixnetspark.data.layout.WebDatasetReader}, {@link
 * io.mixnetspark.data.layout.WebDatasetWriter}), Hugging Face Parquet ({@link
 * io.mixnetspark.data.layout.HfParquetReader}, {@link io.mixnetspark.data.layout.HfParquetWriter})
 * and TensorFlow TFRecord ({@link io.mixnetspark.data.layout.TfRecordReader}, {@link
 * io.mixnetspark.data.layout.TfRecordWriter}); the ImageNet class index and validation ground
 * truth ({@link io.mixnetspark.data.layout.ClassIndex}, {@link
 * io.mixnetspark.data.layout.ValidationGroundTruth}, {@link
 * io.mixnetspark.data.layout.DevkitSynsets}); shard path patterns ({@link
 * io.mixnetspark.data.layout.ShardFiles}).
 *
 * <p>Every reader yields {@link io.mixnetspark.data.layout.ImageRecord}s through the cursor {@link
 * io.mixnetspark.data.layout.ImageRecordReader}, streaming with constant memory. Stream formats
 * (tar, TFRecord) take an {@code InputStream}/{@code OutputStream}; listing and Parquet go through
 * Hadoop's {@code FileSystem}, so {@code file://}, {@code hdfs://} and {@code s3a://} work alike.
 *
 * <p>This package must not import Spark or DJL: the Spark data source ({@code
 * io.mixnetspark.spark.source}) adapts it, and it is tested without a SparkSession.
 */
package io.mixnetspark.data.layout;
