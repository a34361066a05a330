package io.mixnetspark.spark.sql;

import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.analysis.TypeCheckResult;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.codegen.CodegenContext;
import org.apache.spark.sql.catalyst.expressions.codegen.ExprCode;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import scala.collection.immutable.IndexedSeq;
import scala.collection.immutable.Seq;

/**
 * {@code LabelingCall} is a call of a {@link LabelingFunction} in a query, as the analyzer resolves
 * it: the image expression and the constant {@code k} and model arguments. It is never evaluated
 * row by row: {@link BatchLabelingRule} replaces every call, at the end of analysis, by a column of
 * a batched labeling of the images, so {@link #eval} and code generation refuse.
 */
public final class LabelingCall extends Expression {

    private final LabelingFunction function;
    private final Seq<Expression> arguments;

    /**
     * Creates a call (also the constructor Spark's tree copying uses).
     *
     * @param function the function called
     * @param arguments its arguments: the image, then {@code k} and the model as the function takes them
     */
    public LabelingCall(LabelingFunction function, Seq<Expression> arguments) {
        this.function = function;
        this.arguments = arguments;
    }

    /**
     * The function called.
     *
     * @return the function
     */
    public LabelingFunction function() {
        return function;
    }

    /**
     * The image argument: binary content or a path string.
     *
     * @return the first argument
     */
    public Expression image() {
        return arguments.apply(0);
    }

    /**
     * The classes asked for, when the call gives {@code k}.
     *
     * @return k, or empty for the session's default
     */
    public Optional<Integer> k() {
        int at = function.kPosition();
        return at < 0 || at >= arguments.size() ? Optional.empty()
                : Optional.of(((Number) arguments.apply(at).eval(null)).intValue());
    }

    /**
     * The model the call names, when it names one.
     *
     * @return a pretrained name, a weights file or a saved model folder; empty for the session's
     */
    public Optional<String> model() {
        int at = function.modelPosition();
        return at >= arguments.size() ? Optional.empty() : Optional.of(arguments.apply(at).eval(null).toString());
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        DataType image = image().dataType();
        if (!image.equals(DataTypes.BinaryType) && !image.equals(DataTypes.StringType)) {
            return failure("its image must be binary (the file's content) or a string (a path), not "
                    + image.simpleString());
        }
        int k = function.kPosition();
        if (k > 0 && k < arguments.size()) {
            Expression given = arguments.apply(k);
            if (!given.foldable() || !given.dataType().equals(DataTypes.IntegerType) || given.eval(null) == null
                    || ((Number) given.eval(null)).intValue() < 1) {
                return failure("its k must be a constant integer >= 1, not " + given.sql());
            }
        }
        int model = function.modelPosition();
        if (model < arguments.size()) {
            Expression given = arguments.apply(model);
            if (!given.foldable() || !given.dataType().equals(DataTypes.StringType) || given.eval(null) == null) {
                return failure("its model must be a constant string (a pretrained name, a weights file or a"
                        + " saved model folder), not " + given.sql());
            }
        }
        return TypeCheckResult.TypeCheckSuccess$.MODULE$;
    }

    private TypeCheckResult failure(String why) {
        return new TypeCheckResult.TypeCheckFailure(function.sqlName() + "(" + function.signature() + "): " + why);
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public DataType dataType() {
        return function.resultType();
    }

    @Override
    public Seq<Expression> children() {
        return arguments;
    }

    @Override
    public String prettyName() {
        return function.sqlName();
    }

    @Override
    public Object eval(InternalRow input) {
        throw notRewritten();
    }

    @Override
    public ExprCode doGenCode(CodegenContext ctx, ExprCode ev) {
        throw notRewritten();
    }

    private IllegalStateException notRewritten() {
        return new IllegalStateException(sql() + " was not replaced by a batched labeling: the session lacks"
                + " spark.sql.extensions=" + MixNetSqlExtensions.class.getName());
    }

    @Override
    public Expression withNewChildrenInternal(IndexedSeq<Expression> children) {
        return new LabelingCall(function, children);
    }

    @Override
    public int productArity() {
        return 2;
    }

    @Override
    public Object productElement(int n) {
        return switch (n) {
            case 0 -> function;
            case 1 -> arguments;
            default -> throw new IndexOutOfBoundsException(n);
        };
    }

    @Override
    public boolean canEqual(Object other) {
        return other instanceof LabelingCall;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabelingCall call && call.function == function && call.arguments.equals(arguments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(function, arguments);
    }
}
