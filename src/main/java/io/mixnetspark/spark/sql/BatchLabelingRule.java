package io.mixnetspark.spark.sql;

import io.mixnetspark.spark.exec.LabelingContract;
import io.mixnetspark.spark.ml.MixNetClassificationModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.Alias;
import org.apache.spark.sql.catalyst.expressions.Attribute;
import org.apache.spark.sql.catalyst.expressions.AttributeReference;
import org.apache.spark.sql.catalyst.expressions.ExprId;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.NamedExpression;
import org.apache.spark.sql.catalyst.expressions.NamedExpression$;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.Project;
import org.apache.spark.sql.catalyst.rules.Rule;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Function1;
import scala.Option;
import scala.PartialFunction;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractPartialFunction;

/**
 * {@code BatchLabelingRule} makes the SQL labeling functions run in batches on the executors. At
 * the end of analysis it finds each plan node whose expressions call {@link LabelingFunction}s and
 * puts, under the node, one batched labeling of the images per distinct image and model (the
 * labeling stage's partition function, as {@code MixNetClassificationModel.transform} runs it),
 * then replaces every call by a column of that labeling: {@code mixnet_topk} by the top-k array
 * (sliced to its k), {@code mixnet_label} by the first entry's label, {@code mixnet_error} by the
 * error. Calls that differ only in k share one labeling. The node's output keeps its attribute
 * ids, so the plan above it is untouched. A call in a node with several inputs (a join condition)
 * is refused with what to do instead.
 */
public final class BatchLabelingRule extends Rule<LogicalPlan> {

    private static final String COLUMN_PREFIX = "__mixnet_";

    private final SparkSession spark;

    /**
     * Creates the rule for a session (whose {@code spark.mixnet.*} settings it reads).
     *
     * @param spark the session
     */
    public BatchLabelingRule(SparkSession spark) {
        this.spark = spark;
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUpWithSubqueries(new AbstractPartialFunction<LogicalPlan, LogicalPlan>() {
            @Override
            public boolean isDefinedAt(LogicalPlan node) {
                return node.resolved() && !calls(node).isEmpty();
            }

            @Override
            public <A1 extends LogicalPlan, B1> B1 applyOrElse(A1 node, Function1<A1, B1> otherwise) {
                @SuppressWarnings("unchecked")
                B1 result = isDefinedAt(node) ? (B1) rewrite(node) : otherwise.apply(node);
                return result;
            }
        });
    }

    private LogicalPlan rewrite(LogicalPlan node) {
        if (node.children().size() != 1) {
            throw new IllegalArgumentException(calls(node).get(0).sql() + " cannot be used in " + node.nodeName()
                    + " (a node with " + node.children().size() + " inputs, e.g. a join condition): label the images"
                    + " in a subquery and use its column");
        }
        LogicalPlan child = node.children().head();
        SqlLabelingSettings settings = SqlLabelingSettings.of(spark);
        Map<GroupKey, Group> groups = new LinkedHashMap<>();
        for (LabelingCall call : calls(node)) {
            Group group = groups.computeIfAbsent(new GroupKey(call.image().canonicalized(),
                    call.model().orElse(settings.model())), key -> new Group(call.image(), groups.size()));
            group.k = Math.max(group.k, k(call, settings));
        }
        List<NamedExpression> withImages = new ArrayList<>(CollectionConverters.asJava(child.output()));
        for (Group group : groups.values()) {
            withImages.add(alias(group.image, COLUMN_PREFIX + "image_" + group.number, NamedExpression$.MODULE$.newExprId()));
        }
        LogicalPlan labeled = new Project(seq(withImages), child);
        for (Map.Entry<GroupKey, Group> entry : groups.entrySet()) {
            labeled = label(labeled, entry.getKey().model(), entry.getValue(), settings);
        }
        // each labeling serializes all its columns anew: read every group's columns from the last one
        for (Group group : groups.values()) {
            group.topK = labeled.output().apply(group.firstColumn + LabelingContract.TOP_K_COLUMN);
            group.error = labeled.output().apply(group.firstColumn + LabelingContract.ERROR);
        }
        Map<ExprId, Attribute> moved = new LinkedHashMap<>();
        List<Attribute> before = CollectionConverters.asJava(child.output());
        for (int i = 0; i < before.size(); i++) {
            moved.put(before.get(i).exprId(), labeled.output().apply(i));
        }
        LogicalPlan rewritten = node.withNewChildren(seq(List.of(labeled)))
                .mapExpressions(new ScalaFunction(e -> e.transformDown(new Replacement(groups, moved, settings))));
        return withOutputOf(node, rewritten);
    }

    private LogicalPlan label(LogicalPlan input, String model, Group group, SqlLabelingSettings settings) {
        SqlModels.Loaded loaded = SqlModels.get(spark.sparkContext(), model, settings.variant());
        MixNetClassificationModel stage = loaded.model().copy(ParamMap.empty())
                .setInputCol(COLUMN_PREFIX + "image_" + group.number)
                .setTopK(LabelingContract.checkTopK(group.k, loaded.model().payload().classes().size()));
        settings.stageParams().forEach((name, value) -> {
            @SuppressWarnings("unchecked")
            org.apache.spark.ml.param.Param<Object> param = (org.apache.spark.ml.param.Param<Object>) stage.getParam(name);
            stage.set(param, parse(stage, name, value));
        });
        StructType in = input.schema();
        StructType out = in;
        String n = "_" + group.number;
        for (StructField f : LabelingContract.appendedFields(COLUMN_PREFIX + "prediction" + n,
                COLUMN_PREFIX + "probability" + n, COLUMN_PREFIX + "raw" + n, COLUMN_PREFIX + "top_k" + n,
                COLUMN_PREFIX + "error" + n)) {
            out = out.add(f);
        }
        group.firstColumn = in.size();
        return RowPartitions.map(stage.partitionLabeler(JavaSparkContext.fromSparkContext(spark.sparkContext()), in,
                loaded.payload(), loaded.payloadKey()), input, out);
    }

    private static Object parse(MixNetClassificationModel stage, String name, String value) {
        boolean integer = stage.getParam(name) instanceof org.apache.spark.ml.param.IntParam;
        try {
            return integer ? (Object) Integer.parseInt(value.trim()) : value.trim();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SqlLabelingSettings.PREFIX + name + "=" + value + " must be an integer");
        }
    }

    private static int k(LabelingCall call, SqlLabelingSettings settings) {
        return call.function() == LabelingFunction.TOP_K ? call.k().orElse(settings.topK()) : 1;
    }

    /** The node's rewritten output under the original attribute ids, so the plan above still resolves. */
    private static LogicalPlan withOutputOf(LogicalPlan node, LogicalPlan rewritten) {
        List<Attribute> before = CollectionConverters.asJava(node.output());
        List<Attribute> after = CollectionConverters.asJava(rewritten.output());
        boolean same = true;
        List<NamedExpression> restored = new ArrayList<>(after.size());
        for (int i = 0; i < after.size(); i++) {
            Attribute original = before.get(i);
            if (after.get(i).exprId().equals(original.exprId())) {
                restored.add(after.get(i));
            } else {
                same = false;
                restored.add(new Alias(after.get(i), original.name(), original.exprId(), original.qualifier(),
                        Option.empty(), seq(List.of())));
            }
        }
        return same ? rewritten : new Project(seq(restored), rewritten);
    }

    private static Alias alias(Expression child, String name, ExprId id) {
        return new Alias(child, name, id, seq(List.of()), Option.empty(), seq(List.of()));
    }

    /** The distinct labeling calls in a node's own expressions (not in its children's). */
    static List<LabelingCall> calls(LogicalPlan node) {
        Map<Expression, LabelingCall> found = new LinkedHashMap<>();
        for (Expression e : CollectionConverters.asJava(node.expressions())) {
            collect(e, found);
        }
        return new ArrayList<>(found.values());
    }

    private static void collect(Expression e, Map<Expression, LabelingCall> found) {
        if (e instanceof LabelingCall call) {
            found.putIfAbsent(call.canonicalized(), call);
            return;
        }
        for (Expression child : CollectionConverters.asJava(e.children())) {
            collect(child, found);
        }
    }

    private static <T> Seq<T> seq(List<T> list) {
        return CollectionConverters.asScala(list).toSeq();
    }

    /** Which labeling a call reads: its image (canonical form) and its model. */
    private record GroupKey(Expression image, String model) {}

    /**
     * One labeling: its image expression, its k (the largest its calls ask), the position of its
     * first appended column and its result columns.
     */
    private static final class Group {
        final Expression image;
        final int number;
        int k;
        int firstColumn;
        Attribute topK;
        Attribute error;

        Group(Expression image, int number) {
            this.image = image;
            this.number = number;
        }
    }

    /** Replaces calls by their labeling's columns and the child's attributes by their moved copies. */
    private static final class Replacement extends AbstractPartialFunction<Expression, Expression> {
        private final Map<GroupKey, Group> groups;
        private final Map<ExprId, Attribute> moved;
        private final SqlLabelingSettings settings;

        Replacement(Map<GroupKey, Group> groups, Map<ExprId, Attribute> moved, SqlLabelingSettings settings) {
            this.groups = groups;
            this.moved = moved;
            this.settings = settings;
        }

        @Override
        public boolean isDefinedAt(Expression e) {
            return e instanceof LabelingCall || (e instanceof AttributeReference a && moved.containsKey(a.exprId()));
        }

        @Override
        public <A1 extends Expression, B1> B1 applyOrElse(A1 e, Function1<A1, B1> otherwise) {
            Object result;
            if (e instanceof LabelingCall call) {
                Group group = groups.get(new GroupKey(call.image().canonicalized(), call.model().orElse(settings.model())));
                result = call.function().readFrom(group.topK, group.error, k(call, settings), group.k);
            } else if (e instanceof AttributeReference a && moved.containsKey(a.exprId())) {
                result = moved.get(a.exprId());
            } else {
                return otherwise.apply(e);
            }
            @SuppressWarnings("unchecked")
            B1 typed = (B1) result;
            return typed;
        }
    }

    /** A Java function as the Scala function {@code mapExpressions} takes. */
    private static final class ScalaFunction extends scala.runtime.AbstractFunction1<Expression, Expression> {
        private final java.util.function.UnaryOperator<Expression> function;

        ScalaFunction(java.util.function.UnaryOperator<Expression> function) {
            this.function = function;
        }

        @Override
        public Expression apply(Expression e) {
            return function.apply(e);
        }
    }
}
