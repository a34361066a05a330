package io.mixnetspark.train;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code CheckpointRetention} decides when a fit checkpoints and which checkpoints it keeps, as
 * MindCV's {@code ckpt_save_interval}, {@code keep_checkpoint_max} and {@code ckpt_save_policy} do:
 * a checkpoint every {@code interval} epochs and after the last epoch; then {@link Policy#LATEST_K}
 * keeps the {@code keep} newest and {@link Policy#TOP_K} the {@code keep} with the best validation
 * top-1 (ties: the newer; an epoch without a validation figure ranks last). The newest checkpoint
 * is always kept, whatever the policy, because a retried or resumed fit continues from it; so
 * {@code TOP_K} may keep {@code keep + 1}.
 *
 * @param keep checkpoints kept (>= 1), or 0 to keep every one
 * @param policy which ones
 * @param interval epochs between checkpoints (>= 1)
 */
public record CheckpointRetention(int keep, Policy policy, int interval) implements Serializable {

    /** Which checkpoints are kept. */
    public enum Policy {
        /** The newest ones. */
        LATEST_K,
        /** The ones with the best validation top-1. */
        TOP_K;

        /**
         * Parses MindCV's name ({@code latest_k} or {@code top_k}, any case).
         *
         * @param name the name
         * @return the policy
         * @throws IllegalArgumentException naming the allowed values
         */
        public static Policy parse(String name) {
            for (Policy p : values()) {
                if (p.name().equalsIgnoreCase(name)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("checkpoint policy '" + name + "' is not one of " + names());
        }

        /** @return MindCV's names of the policies: the constants in lower case */
        public static List<String> names() {
            return Arrays.stream(values()).map(p -> p.name().toLowerCase(Locale.ROOT)).toList();
        }
    }

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public CheckpointRetention {
        if (keep < 0) {
            throw new IllegalArgumentException("checkpoints kept must be >= 0 (0 = all), not " + keep);
        }
        if (interval < 1) {
            throw new IllegalArgumentException("checkpoint interval must be >= 1 epoch, not " + interval);
        }
    }

    /**
     * Tells whether the fit checkpoints after an epoch.
     *
     * @param completedEpochs epochs completed
     * @param totalEpochs epochs of the fit
     * @return true every {@code interval} epochs and after the last one
     */
    public boolean savesAfter(int completedEpochs, int totalEpochs) {
        return completedEpochs % interval == 0 || completedEpochs == totalEpochs;
    }

    /** @return whether every checkpoint is kept ({@code keep} 0), so nothing is ever deleted */
    public boolean keepsAll() {
        return keep == 0;
    }

    /**
     * Chooses the checkpoints to keep.
     *
     * @param saved the completed-epoch numbers of the checkpoints on disk
     * @param history the fit's records so far; record {@code e} is epoch {@code e + 1}'s
     * @return the completed-epoch numbers to keep
     */
    public Set<Integer> kept(Set<Integer> saved, List<EpochRecord> history) {
        if (keepsAll() || saved.isEmpty()) {
            return new TreeSet<>(saved);
        }
        Map<Integer, Double> valTop1 = new HashMap<>();
        for (EpochRecord r : history) {
            if (!Double.isNaN(r.valTop1())) {
                valTop1.put(r.epoch() + 1, r.valTop1());
            }
        }
        Comparator<Integer> newestFirst = Comparator.reverseOrder();
        Comparator<Integer> order = policy == Policy.LATEST_K ? newestFirst
                : Comparator.<Integer>comparingDouble(epochs -> -valTop1.getOrDefault(epochs, -1.0))
                        .thenComparing(newestFirst);
        Set<Integer> kept = new TreeSet<>(saved.stream().sorted(order).limit(keep).toList());
        kept.add(saved.stream().max(Integer::compare).orElseThrow());
        return kept;
    }
}
