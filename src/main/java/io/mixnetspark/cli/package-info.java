/**
 * The {@code mixnet} command line: one picocli class per subcommand, shared option groups, and
 * the entry point {@link io.mixnetspark.cli.MixNetCli}. Nothing else in the project depends on
 * this package.
 */
package io.mixnetspark.cli;
