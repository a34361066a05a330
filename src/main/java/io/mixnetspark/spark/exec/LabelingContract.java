package io.mixnetspark.spark.exec;

import io.mixnetspark.model.ClassNames;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * {@code LabelingContract} is the one definition of what labeling adds to a row: the five output
 * columns in their order and the ranked-class struct of the top-k array. The labeling stage's
 * schema, the rows {@link BatchedLabeler} builds, the predictions table's DDL and the SQL functions'
 * result type are all derived from it, and the number of classes asked for is checked here only.
 */
public final class LabelingContract {

    /** The element of the top-k array: one ranked class (rank 1 is the most probable). */
    public static final StructType TOP_K_ENTRY = new StructType(new StructField[] {
        DataTypes.createStructField("rank", DataTypes.IntegerType, false),
        DataTypes.createStructField("index", DataTypes.IntegerType, false),
        DataTypes.createStructField("wnid", DataTypes.StringType, false),
        DataTypes.createStructField("label", DataTypes.StringType, false),
        DataTypes.createStructField("probability", DataTypes.DoubleType, false)
    });

    /** The top-k array: ranked classes, best first. */
    public static final ArrayType TOP_K = DataTypes.createArrayType(TOP_K_ENTRY, false);

    /** Position of the predicted class index among the appended columns. */
    public static final int PREDICTION = 0;
    /** Position of the probability vector among the appended columns. */
    public static final int PROBABILITY = 1;
    /** Position of the logits vector among the appended columns. */
    public static final int RAW_PREDICTION = 2;
    /** Position of the top-k array among the appended columns. */
    public static final int TOP_K_COLUMN = 3;
    /** Position of the error message among the appended columns. */
    public static final int ERROR = 4;

    private static final List<DataType> APPENDED_TYPES = List.of(DataTypes.DoubleType, SQLDataTypes.VectorType(),
            SQLDataTypes.VectorType(), TOP_K, DataTypes.StringType);

    private LabelingContract() {}

    /**
     * The columns labeling appends to every row, in order: prediction (double), probability and
     * rawPrediction (ML vectors), the top-k array and the error message. All are nullable: a row
     * that could not be labeled has only its error.
     *
     * @param prediction name of the predicted class index column
     * @param probability name of the probability column
     * @param rawPrediction name of the logits column
     * @param topK name of the top-k column
     * @param error name of the error column
     * @return the five fields
     */
    public static StructField[] appendedFields(String prediction, String probability, String rawPrediction,
            String topK, String error) {
        String[] names = {prediction, probability, rawPrediction, topK, error};
        StructField[] fields = new StructField[names.length];
        for (int i = 0; i < names.length; i++) {
            fields[i] = DataTypes.createStructField(names[i], APPENDED_TYPES.get(i), true);
        }
        return fields;
    }

    /**
     * The top-k array's type in SQL DDL, as a table column declares it.
     *
     * @return e.g. {@code ARRAY<STRUCT<rank: INT, ...>>}
     */
    public static String topKDdl() {
        StringBuilder ddl = new StringBuilder("ARRAY<STRUCT<");
        StructField[] fields = TOP_K_ENTRY.fields();
        for (int i = 0; i < fields.length; i++) {
            ddl.append(i == 0 ? "" : ", ").append(fields[i].name()).append(": ").append(fields[i].dataType().sql());
        }
        return ddl.append(">>").toString();
    }

    /**
     * Builds one entry of the top-k array.
     *
     * @param rank 1 for the most probable class
     * @param index the class's output index
     * @param classes the model's class ids and names
     * @param probability the class's probability
     * @return the struct row
     */
    public static Row topKEntry(int rank, int index, ClassNames classes, double probability) {
        return RowFactory.create(rank, index, classes.ids().get(index), classes.names().get(index), probability);
    }

    /**
     * Checks how many classes a labeling lists per image.
     *
     * @param k the classes asked for
     * @param classes the model's class count
     * @return {@code k}
     * @throws IllegalArgumentException when {@code k} is below 1 or above the class count
     */
    public static int checkTopK(int k, int classes) {
        if (k < 1 || k > classes) {
            throw new IllegalArgumentException("topK=" + k + " must be between 1 and the model's " + classes
                    + " classes");
        }
        return k;
    }
}
