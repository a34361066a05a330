/**
 * Labeling an image lake into a SQL table: the input of every layout ({@link
 * io.mixnetspark.spark.predict.LakeInput}), the predictions table ({@link
 * io.mixnetspark.spark.predict.PredictionsTable}) and one labeling run ({@link
 * io.mixnetspark.spark.predict.PredictionRun}).
 */
package io.mixnetspark.spark.predict;
