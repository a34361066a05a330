package io.mixnetspark.spark.train;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mixnetspark.train.CheckpointFiles;
import io.mixnetspark.train.CheckpointRetention;
import io.mixnetspark.train.EpochRecord;
import io.mixnetspark.train.TrainingCheckpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code RunCheckpoints} lays out the checkpoints of one fit under its run folder: {@code
 * epoch-0001/} after the first epoch, {@code epoch-0002/} after the second, each a complete {@link
 * TrainingCheckpoint} plus {@value #HISTORY} (the per-epoch records so far). A folder counts only
 * once its state file exists (written last), so a checkpoint cut short by a failure is ignored.
 * {@link #prune} applies a {@link CheckpointRetention}.
 */
public final class RunCheckpoints {

    /** The training history file in each checkpoint folder. */
    public static final String HISTORY = "history.json";

    private static final Pattern EPOCH_FOLDER = Pattern.compile("epoch-(\\d+)");
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private final Configuration conf;
    private final Path run;

    /**
     * Points at a run folder.
     *
     * @param conf the Hadoop configuration
     * @param run the run folder URI
     */
    public RunCheckpoints(Configuration conf, String run) {
        this.conf = conf;
        this.run = new Path(run);
    }

    /**
     * Returns the folder for the checkpoint taken after an epoch.
     *
     * @param completedEpochs epochs completed when the checkpoint is taken
     * @return its files
     */
    public HadoopCheckpointFiles afterEpoch(int completedEpochs) {
        return new HadoopCheckpointFiles(conf, folder(completedEpochs).toString());
    }

    private Path folder(int completedEpochs) {
        return new Path(run, String.format("epoch-%04d", completedEpochs));
    }

    /**
     * Finds the newest complete checkpoint.
     *
     * @return its files, or empty when the run has none
     * @throws IOException when the folder cannot be listed
     */
    public Optional<HadoopCheckpointFiles> latest() throws IOException {
        return savedEpochs().stream().max(Integer::compare).map(this::afterEpoch);
    }

    /**
     * Lists the complete checkpoints.
     *
     * @return their completed-epoch numbers, ascending
     * @throws IOException when the folder cannot be listed
     */
    public SortedSet<Integer> savedEpochs() throws IOException {
        SortedSet<Integer> saved = new TreeSet<>();
        FileSystem fs = run.getFileSystem(conf);
        if (!fs.exists(run)) {
            return saved;
        }
        for (FileStatus status : fs.listStatus(run)) {
            Matcher m = EPOCH_FOLDER.matcher(status.getPath().getName());
            if (status.isDirectory() && m.matches()) {
                int epochs = Integer.parseInt(m.group(1));
                if (afterEpoch(epochs).exists(TrainingCheckpoint.STATE)) {
                    saved.add(epochs);
                }
            }
        }
        return saved;
    }

    /**
     * Deletes the complete checkpoints that a retention rule does not keep (incomplete folders are
     * left alone: a running fit may be writing one).
     *
     * @param retention the rule
     * @param history the fit's records so far, for {@link CheckpointRetention.Policy#TOP_K}
     * @return the completed-epoch numbers deleted
     * @throws IOException when listing or deleting fails
     */
    public SortedSet<Integer> prune(CheckpointRetention retention, List<EpochRecord> history) throws IOException {
        if (retention.keepsAll()) {
            return new TreeSet<>();
        }
        SortedSet<Integer> deleted = savedEpochs();
        deleted.removeAll(retention.kept(deleted, history));
        FileSystem fs = run.getFileSystem(conf);
        for (int epochs : deleted) {
            if (!fs.delete(folder(epochs), true)) {
                throw new IOException("could not delete the old checkpoint " + folder(epochs));
            }
        }
        return deleted;
    }

    /**
     * Writes the history into a checkpoint folder (before the checkpoint itself, whose state file
     * comes last).
     *
     * @param files the checkpoint folder
     * @param history the records so far
     * @throws IOException when writing fails
     */
    public static void writeHistory(CheckpointFiles files, List<EpochRecord> history) throws IOException {
        try (OutputStream out = files.create(HISTORY)) {
            JSON.writeValue(out, history);
        }
    }

    /**
     * Reads the history saved with a checkpoint.
     *
     * @param files the checkpoint folder
     * @return the records
     * @throws IOException when the file is missing or unreadable
     */
    public static List<EpochRecord> readHistory(CheckpointFiles files) throws IOException {
        try (InputStream in = files.open(HISTORY)) {
            return JSON.readValue(in, new TypeReference<List<EpochRecord>>() {});
        }
    }

    @Override
    public String toString() {
        return run.toString();
    }
}
