/**
 * Files from the Hugging Face Hub (or a mirror) and from plain URLs, fetched the way Python's
 * {@code huggingface_hub} does and kept in its cache layout, so weights already downloaded by Python
 * tools are reused and the other way round: {@link io.mixnetspark.hub.HubEnvironment} reads the
 * settings ({@code HF_HOME}, {@code HF_ENDPOINT}, {@code HF_HUB_OFFLINE}, {@code HF_TOKEN}...),
 * {@link io.mixnetspark.hub.HubCache} is the folder layout, {@link io.mixnetspark.hub.HubClient}
 * asks the hub and downloads, {@link io.mixnetspark.hub.VerifiedDownload} writes one file
 * (resumed, checked against its SHA-256, renamed into place, one writer across JVMs).
 *
 * <p>Knows nothing of Spark, Hadoop or the network model; runs on the driver only.
 */
package io.mixnetspark.hub;
