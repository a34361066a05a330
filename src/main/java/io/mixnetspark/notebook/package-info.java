/**
 * Helpers for the Java notebooks in {@code notebooks/} (rapaio Java kernel): the notebook's Spark
 * session and Spark results as HTML tables.
 */
package io.mixnetspark.notebook;
