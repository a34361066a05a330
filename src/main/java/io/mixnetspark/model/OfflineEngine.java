package io.mixnetspark.model;

import ai.djl.engine.Engine;

/**
 * {@code OfflineEngine} starts DJL's PyTorch engine without any network access: it sets {@code
 * ai.djl.offline=true} (unless the caller set it) before the engine loads, so the natives come from
 * the Maven jars on the class path and nothing is downloaded or reported home (stack notes
 * section 2).
 */
public final class OfflineEngine {

    private OfflineEngine() {}

    /**
     * Ensures offline mode and returns the PyTorch engine.
     *
     * @return the engine
     */
    public static Engine pytorch() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        return Engine.getEngine("PyTorch");
    }
}
