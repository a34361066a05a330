/**
 * Small helpers for the project's thread pools (decoding, image preparation, training replicas):
 * naming their threads and waiting for their results. Depends on nothing else in the project.
 */
package io.mixnetspark.concurrent;
