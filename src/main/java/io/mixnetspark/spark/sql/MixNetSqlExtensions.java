package io.mixnetspark.spark.sql;

import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.SparkSessionExtensionsProvider;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.ExpressionInfo;
import scala.Option;
import scala.Tuple3;
import scala.collection.immutable.Seq;
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;

/**
 * {@code MixNetSqlExtensions} adds the SQL labeling functions to a Spark session from
 * configuration alone: {@code spark.sql.extensions=io.mixnetspark.spark.sql.MixNetSqlExtensions}
 * registers {@code mixnet_topk(image [, k [, model]])}, {@code mixnet_label(image [, model])} and
 * {@code mixnet_error(image [, model])} ({@link LabelingFunction}) and the analysis rule that runs
 * them in batches on the executors ({@link BatchLabelingRule}); the model and the labeling's
 * settings come from {@code spark.mixnet.*} ({@link SqlLabelingSettings}). So {@code spark-sql},
 * PySpark's {@code spark.sql} and {@code F.expr}, Spark Connect clients and {@code ./mixnet sql}
 * can label images in SQL.
 */
public final class MixNetSqlExtensions extends AbstractFunction1<SparkSessionExtensions, BoxedUnit>
        implements SparkSessionExtensionsProvider {

    /** Creates the provider (Spark instantiates it by name). */
    public MixNetSqlExtensions() {}

    @Override
    public BoxedUnit apply(SparkSessionExtensions extensions) {
        for (LabelingFunction function : LabelingFunction.values()) {
            ExpressionInfo info = new ExpressionInfo(LabelingCall.class.getName(), null, function.sqlName(),
                    function.usage(), "", "", "", "", "", "", "");
            extensions.injectFunction(new Tuple3<>(new FunctionIdentifier(function.sqlName(), Option.empty()), info,
                    new Builder(function)));
        }
        extensions.injectPostHocResolutionRule(new RuleFactory());
        return BoxedUnit.UNIT;
    }

    /** Builds a call from the parsed arguments, checking their count. */
    private static final class Builder extends AbstractFunction1<Seq<Expression>, Expression> {
        private final LabelingFunction function;

        Builder(LabelingFunction function) {
            this.function = function;
        }

        @Override
        public Expression apply(Seq<Expression> arguments) {
            if (arguments.isEmpty() || arguments.size() > function.maxArguments()) {
                throw new IllegalArgumentException(function.sqlName() + " takes (" + function.signature() + "), "
                        + arguments.size() + " arguments were given");
            }
            return new LabelingCall(function, arguments);
        }
    }

    /** Creates the batching rule for each session. */
    private static final class RuleFactory extends AbstractFunction1<org.apache.spark.sql.SparkSession,
            org.apache.spark.sql.catalyst.rules.Rule<org.apache.spark.sql.catalyst.plans.logical.LogicalPlan>> {
        @Override
        public org.apache.spark.sql.catalyst.rules.Rule<org.apache.spark.sql.catalyst.plans.logical.LogicalPlan> apply(
                org.apache.spark.sql.SparkSession spark) {
            return new BatchLabelingRule(spark);
        }
    }
}
