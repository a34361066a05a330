package io.mixnetspark.spark.ml;

import io.mixnetspark.spark.exec.LabelingContract;
import java.util.Arrays;
import org.apache.spark.ml.image.ImageSchema;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * {@code LabelingSchema} checks a labeling stage's input column and declares its output columns,
 * without running a job (Spark's {@code transformSchema} contract).
 */
final class LabelingSchema {

    private LabelingSchema() {}

    /** How the input column carries the image. */
    enum InputKind {
        /** Encoded bytes (JPEG, PNG, ...). */
        BYTES,
        /** Spark's image struct (decoded BGR pixels). */
        IMAGE_STRUCT,
        /** A path or URI to read with Hadoop's file systems. */
        PATH
    }

    /**
     * Classifies the input column's type.
     *
     * @param schema the input schema
     * @param column the input column
     * @return how the column carries images
     * @throws IllegalArgumentException naming the column, its type and the accepted types
     */
    static InputKind inputKind(StructType schema, String column) {
        if (!Arrays.asList(schema.fieldNames()).contains(column)) {
            throw new IllegalArgumentException("Input column '" + column + "' does not exist; columns are "
                    + Arrays.toString(schema.fieldNames()) + ". Set inputCol.");
        }
        DataType type = schema.apply(column).dataType();
        if (type.equals(DataTypes.BinaryType)) {
            return InputKind.BYTES;
        }
        if (type.equals(DataTypes.StringType)) {
            return InputKind.PATH;
        }
        if (type.equals(ImageSchema.columnSchema())) {
            return InputKind.IMAGE_STRUCT;
        }
        throw new IllegalArgumentException("Input column '" + column + "' has type " + type.simpleString()
                + "; expected binary (encoded image), string (path) or Spark's image struct");
    }

    /**
     * Declares the output schema: the input columns plus the stage's output columns.
     *
     * @param schema the input schema
     * @param inputCol the input column, checked
     * @param columns the names of the output columns
     * @return the output schema
     * @throws IllegalArgumentException when the input column is missing or of the wrong type, or an
     *     output column exists already
     */
    static StructType output(StructType schema, String inputCol, OutputColumns columns) {
        inputKind(schema, inputCol);
        StructType out = schema;
        for (StructField f : outputFields(columns)) {
            if (Arrays.asList(schema.fieldNames()).contains(f.name())) {
                throw new IllegalArgumentException("Output column '" + f.name() + "' already exists in the input");
            }
            out = out.add(f);
        }
        return out;
    }

    private static StructField[] outputFields(OutputColumns c) {
        return LabelingContract.appendedFields(c.prediction(), c.probability(), c.rawPrediction(), c.topK(), c.error());
    }
}
