package io.mixnetspark.cli;

import io.mixnetspark.config.RecipeConfig;
import io.mixnetspark.data.layout.ClassIndex;
import io.mixnetspark.data.layout.ImageFolderSpec;
import io.mixnetspark.spark.source.ImageDatasets;
import io.mixnetspark.spark.source.ImageReadOptions;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * {@code RecipeData} finds and reads a recipe's data as MindCV does: {@code data_dir/train_split}
 * and {@code data_dir/val_split} (any layout of the {@code mixnet-images} source, recipe key {@code
 * layout}). Labels follow the ImageNet class index for a 1000-class model, else the sorted class
 * folder names; {@code num_samples} keeps a random subset (by {@code seed}) of each split.
 */
final class RecipeData {

    private RecipeData() {}

    /**
     * Returns {@code data_dir/split} when that folder exists, else empty.
     *
     * @param spark the session (its Hadoop configuration)
     * @param dataDir the dataset root
     * @param split the split folder name
     * @return the split's location
     * @throws IOException when the file system cannot be asked
     */
    static Optional<String> split(SparkSession spark, String dataDir, String split) throws IOException {
        if (split.isEmpty()) {
            return Optional.empty();
        }
        Path path = new Path(dataDir, split);
        FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
        return fs.isDirectory(path) ? Optional.of(path.toString()) : Optional.empty();
    }

    /**
     * Fails when an ImageFolder recipe's {@code data_dir} does not exist (shard layouts name files
     * or patterns, which the source checks itself).
     *
     * @param spark the session (its Hadoop configuration)
     * @param recipe the recipe
     * @throws IOException when the file system cannot be asked
     * @throws IllegalArgumentException naming the missing folder
     */
    static void requireFolder(SparkSession spark, RecipeConfig recipe) throws IOException {
        Path path = new Path(recipe.getString("data_dir"));
        if (recipe.getString("layout").equalsIgnoreCase("imagefolder")
                && !path.getFileSystem(spark.sparkContext().hadoopConfiguration()).isDirectory(path)) {
            throw new IllegalArgumentException("data_dir " + path + " is not a folder; give --data_dir DIR holding "
                    + recipe.getString("train_split") + "/ and " + recipe.getString("val_split") + "/");
        }
    }

    /**
     * Returns the source options that label a dataset for a model of {@code numClasses} classes:
     * the given options, plus {@code classIndex=folders} unless the model has the 1000 ImageNet classes.
     *
     * @param numClasses the model's classes
     * @param given the user's source options (they win)
     * @return the options
     */
    static Map<String, String> labelOptions(int numClasses, Map<String, String> given) {
        Map<String, String> options = new LinkedHashMap<>(given);
        if (numClasses != ClassIndex.imagenet().size()) {
            options.putIfAbsent(ImageReadOptions.CLASS_INDEX, ImageFolderSpec.FOLDERS);
        }
        return options;
    }

    /**
     * Reads one split, keeping {@code num_samples} random images when the recipe sets it.
     *
     * @param spark the session
     * @param recipe the recipe (layout, num_samples, seed)
     * @param location the split's location
     * @param options source options
     * @return the rows ({@code key, label, wnid, image, source})
     */
    static Dataset<Row> read(SparkSession spark, RecipeConfig recipe, String location, Map<String, String> options) {
        Dataset<Row> rows = ImageDatasets.read(spark, recipe.getString("layout"), location, options);
        if (!recipe.isSet("num_samples")) {
            return rows;
        }
        return rows.orderBy(functions.rand(recipe.getInt("seed"))).limit(recipe.getInt("num_samples"));
    }
}
