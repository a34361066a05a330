package io.mixnetspark.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code HubEnvironment} is where and how files are fetched, read from the environment variables
 * Python's {@code huggingface_hub} reads, with the same defaults:
 *
 * <ul>
 *   <li>{@code HF_ENDPOINT}: the hub or a mirror (default {@code https://huggingface.co});</li>
 *   <li>{@code MIXNET_CACHE}: one folder for this project's cache ({@code hub/} and {@code assets/}
 *       under it); else {@code HF_HUB_CACHE} and {@code HF_ASSETS_CACHE}, else {@code HF_HOME}'s
 *       {@code hub/} and {@code assets/}; {@code HF_HOME} defaults to {@code $XDG_CACHE_HOME/huggingface},
 *       else {@code ~/.cache/huggingface};</li>
 *   <li>{@code HF_HUB_OFFLINE} ({@code 1}, {@code true}, {@code yes}, {@code on}): the cache only;</li>
 *   <li>{@code HF_TOKEN}, else the file {@code HF_TOKEN_PATH} or {@code HF_HOME/token}: sent as a
 *       bearer token to the endpoint's host only, never printed ({@link #toString} hides it);</li>
 *   <li>{@code HF_HUB_DOWNLOAD_TIMEOUT}: seconds to wait for an answer (default 10);</li>
 *   <li>{@code MIXNET_MINDCV_ENDPOINT}: where MindCV's released checkpoints live (default
 *       {@code https://download.mindspore.cn/toolkits/mindcv}).</li>
 * </ul>
 *
 * @param endpoint the hub's base URI
 * @param hubCache the hub cache folder (holds {@code models--ORG--REPO/})
 * @param assetsCache the assets folder (files from plain URLs, under {@code mixnet-spark/})
 * @param offline whether only the cache may be used
 * @param token the access token, if any
 * @param timeout how long to wait for a server's answer
 * @param mindCvEndpoint the base URI of MindCV's checkpoints
 */
public record HubEnvironment(URI endpoint, Path hubCache, Path assetsCache, boolean offline, Optional<String> token,
        Duration timeout, URI mindCvEndpoint) {

    /** The public hub. */
    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";

    /** Where MindCV publishes its checkpoints ({@code mixnet.py}'s {@code default_cfgs}). */
    public static final String DEFAULT_MINDCV_ENDPOINT = "https://download.mindspore.cn/toolkits/mindcv";

    private static final Set<String> TRUE = Set.of("1", "true", "yes", "on");

    /**
     * Validates the settings.
     *
     * @param endpoint the hub's base URI
     * @param hubCache the hub cache folder
     * @param assetsCache the assets folder
     * @param offline whether only the cache may be used
     * @param token the access token, if any
     * @param timeout how long to wait for a server's answer
     * @param mindCvEndpoint the base URI of MindCV's checkpoints
     */
    public HubEnvironment {
        endpoint = withoutTrailingSlash(endpoint);
        mindCvEndpoint = withoutTrailingSlash(mindCvEndpoint);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("HF_HUB_DOWNLOAD_TIMEOUT must be positive, got " + timeout.toSeconds() + " s");
        }
    }

    /**
     * Reads the settings of this process's environment.
     *
     * @return the settings
     */
    public static HubEnvironment current() {
        return of(System.getenv());
    }

    /**
     * Reads the settings from a map of environment variables.
     *
     * @param env variable names to values
     * @return the settings
     * @throws IllegalArgumentException naming a variable whose value is not allowed
     */
    public static HubEnvironment of(Map<String, String> env) {
        Path home = Path.of(System.getProperty("user.home"));
        Path hfHome = path(env, "HF_HOME")
                .orElse(path(env, "XDG_CACHE_HOME").orElse(home.resolve(".cache")).resolve("huggingface"));
        Optional<Path> mixnetCache = path(env, "MIXNET_CACHE");
        Path hub = mixnetCache.map(m -> m.resolve("hub")).orElse(path(env, "HF_HUB_CACHE").orElse(hfHome.resolve("hub")));
        Path assets = mixnetCache.map(m -> m.resolve("assets"))
                .orElse(path(env, "HF_ASSETS_CACHE").orElse(hfHome.resolve("assets")));
        Optional<String> token = value(env, "HF_TOKEN")
                .or(() -> tokenFile(path(env, "HF_TOKEN_PATH").orElse(hfHome.resolve("token"))));
        return new HubEnvironment(uri(env, "HF_ENDPOINT", DEFAULT_ENDPOINT), hub, assets,
                value(env, "HF_HUB_OFFLINE").map(v -> TRUE.contains(v.toLowerCase(Locale.ROOT))).orElse(false),
                token, Duration.ofSeconds(seconds(env, "HF_HUB_DOWNLOAD_TIMEOUT", 10)),
                uri(env, "MIXNET_MINDCV_ENDPOINT", DEFAULT_MINDCV_ENDPOINT));
    }

    /**
     * Returns these settings with another hub cache and assets folder (both under {@code folder}),
     * as {@code MIXNET_CACHE} would give.
     *
     * @param folder the cache root, e.g. a local copy of a cache folder kept on HDFS or S3
     * @return the changed settings
     */
    public HubEnvironment withCache(Path folder) {
        return new HubEnvironment(endpoint, folder.resolve("hub"), folder.resolve("assets"), offline, token, timeout,
                mindCvEndpoint);
    }

    /** Shows every setting but the token, which is shown only as present or absent. */
    @Override
    public String toString() {
        return "HubEnvironment[endpoint=" + endpoint + ", hubCache=" + hubCache + ", assetsCache=" + assetsCache
                + ", offline=" + offline + ", token=" + (token.isPresent() ? "(set)" : "(none)") + ", timeout="
                + timeout.toSeconds() + "s, mindCvEndpoint=" + mindCvEndpoint + "]";
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    private static Optional<Path> path(Map<String, String> env, String name) {
        return value(env, name).map(v -> v.startsWith("~/") ? Path.of(System.getProperty("user.home"), v.substring(2)) : Path.of(v));
    }

    private static URI uri(Map<String, String> env, String name, String fallback) {
        String v = value(env, name).orElse(fallback);
        URI uri;
        try {
            uri = URI.create(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be an http(s) URL, got " + v, e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(name + " must be an http(s) URL, got " + v);
        }
        return uri;
    }

    private static long seconds(Map<String, String> env, String name, long fallback) {
        Optional<String> v = value(env, name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            double seconds = Double.parseDouble(v.get());
            if (seconds > 0 && seconds <= 86_400) {
                return Math.max(1, Math.round(seconds));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a number of seconds from 1 to 86400, got " + v.get());
    }

    private static Optional<String> tokenFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String token = Files.readString(file, StandardCharsets.UTF_8).trim();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token file " + file, e);
        }
    }

    private static URI withoutTrailingSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
    }
}
