package io.mixnetspark.spark.sql;

import io.mixnetspark.spark.exec.LabelingContract;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.GetArrayItem;
import org.apache.spark.sql.catalyst.expressions.GetStructField;
import org.apache.spark.sql.catalyst.expressions.Literal;
import org.apache.spark.sql.catalyst.expressions.Slice;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import scala.Option;

/**
 * {@code LabelingFunction} is one of the SQL functions that label images: its name, its
 * arguments, its result type, and how its result is read from the columns a batched labeling
 * appends ({@link LabelingContract}).
 */
public enum LabelingFunction {

    /** {@code mixnet_topk(image [, k [, model]])}: the top-k array, null for an unreadable image. */
    TOP_K("mixnet_topk", true, LabelingContract.TOP_K,
            "_FUNC_(image [, k [, model]]) - The k (default spark.mixnet.topK) most probable classes of an image"
                    + " (binary content or a path), as array<struct<rank, index, wnid, label, probability>>;"
                    + " null when the image cannot be read (see mixnet_error)."),
    /** {@code mixnet_label(image [, model])}: the most probable class's label. */
    LABEL("mixnet_label", false, DataTypes.StringType,
            "_FUNC_(image [, model]) - The most probable class's label of an image (binary content or a path);"
                    + " null when the image cannot be read (see mixnet_error)."),
    /** {@code mixnet_error(image [, model])}: why an image could not be labeled, or null. */
    ERROR("mixnet_error", false, DataTypes.StringType,
            "_FUNC_(image [, model]) - Why an image (binary content or a path) could not be labeled, or null"
                    + " when it was.");

    private final String sqlName;
    private final boolean takesK;
    private final DataType resultType;
    private final String usage;

    LabelingFunction(String sqlName, boolean takesK, DataType resultType, String usage) {
        this.sqlName = sqlName;
        this.takesK = takesK;
        this.resultType = resultType;
        this.usage = usage;
    }

    /**
     * The function's name in SQL.
     *
     * @return e.g. {@code mixnet_topk}
     */
    public String sqlName() {
        return sqlName;
    }

    /**
     * The result type.
     *
     * @return the Spark SQL type of the function's value
     */
    public DataType resultType() {
        return resultType;
    }

    /**
     * The usage text {@code DESCRIBE FUNCTION} shows.
     *
     * @return usage with {@code _FUNC_} for the name
     */
    public String usage() {
        return usage;
    }

    /**
     * The arguments in the order the function takes them.
     *
     * @return {@code image, k, model} or {@code image, model}
     */
    String signature() {
        return takesK ? "image [, k [, model]]" : "image [, model]";
    }

    /**
     * The most arguments the function takes.
     *
     * @return 3 or 2
     */
    int maxArguments() {
        return takesK ? 3 : 2;
    }

    /**
     * Position of the {@code k} argument.
     *
     * @return 1, or -1 when the function takes none
     */
    int kPosition() {
        return takesK ? 1 : -1;
    }

    /**
     * Position of the {@code model} argument.
     *
     * @return 2 or 1
     */
    int modelPosition() {
        return takesK ? 2 : 1;
    }

    /**
     * The function's value read from a labeling's appended columns.
     *
     * @param topK the labeled top-k array, of {@code labeledK} entries
     * @param error the labeled error message
     * @param k the classes this call asked for ({@code <= labeledK})
     * @param labeledK the classes the labeling listed
     * @return the expression that replaces the call
     */
    Expression readFrom(Expression topK, Expression error, int k, int labeledK) {
        return switch (this) {
            case TOP_K -> k == labeledK ? topK : new Slice(topK, Literal.create(1, DataTypes.IntegerType),
                    Literal.create(k, DataTypes.IntegerType));
            case LABEL -> new GetStructField(new GetArrayItem(topK, Literal.create(0, DataTypes.IntegerType), false),
                    LabelingContract.TOP_K_ENTRY.fieldIndex("label"), Option.apply("label"));
            case ERROR -> error;
        };
    }
}
