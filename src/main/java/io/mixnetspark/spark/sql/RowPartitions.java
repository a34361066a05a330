package io.mixnetspark.spark.sql;

import io.mixnetspark.spark.exec.PartitionLabeler;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.analysis.SimpleAnalyzer$;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder$;
import org.apache.spark.sql.catalyst.expressions.Attribute;
import org.apache.spark.sql.catalyst.plans.logical.CatalystSerde$;
import org.apache.spark.sql.catalyst.plans.logical.DeserializeToObject;
import org.apache.spark.sql.catalyst.plans.logical.LocalRelation$;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.MapPartitions;
import org.apache.spark.sql.types.StructType;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction1;

/**
 * {@code RowPartitions} builds the resolved logical plan of {@code Dataset.mapPartitions} over
 * {@link Row}s for a plan that is being analyzed: the child's rows become {@code Row} objects, the
 * function maps each partition's iterator, and its rows are serialized back with the given schema
 * (new output attributes). Spark's own helper leaves the deserializer for the analyzer to resolve;
 * here it is resolved against the child's attributes at once, since the plan is built after
 * resolution.
 */
final class RowPartitions {

    private RowPartitions() {}

    /**
     * Returns the plan that runs a partition function over a child plan.
     *
     * @param function the function, run on the executors
     * @param child the resolved child plan
     * @param outSchema the schema of the rows the function returns
     * @return the resolved plan, whose output follows {@code outSchema}
     */
    static LogicalPlan map(PartitionLabeler function, LogicalPlan child, StructType outSchema) {
        ExpressionEncoder<Row> in = ExpressionEncoder$.MODULE$.apply(child.schema());
        DeserializeToObject overChild = CatalystSerde$.MODULE$.deserialize(LocalRelation$.MODULE$.apply(child.output()), in);
        DeserializeToObject resolved = (DeserializeToObject) SimpleAnalyzer$.MODULE$.execute(overChild);
        DeserializeToObject deserialized = new DeserializeToObject(resolved.deserializer(), resolved.outputObjAttr(), child);
        ExpressionEncoder<Row> out = ExpressionEncoder$.MODULE$.apply(outSchema);
        Attribute outObject = CatalystSerde$.MODULE$.generateObjAttr(out);
        return CatalystSerde$.MODULE$.serialize(new MapPartitions(new ScalaPartitionFunction(function), outObject,
                deserialized), out);
    }

    /** A partition function as the Scala function {@code MapPartitions} runs. */
    private static final class ScalaPartitionFunction extends AbstractFunction1<Iterator<Object>, Iterator<Object>>
            implements java.io.Serializable {

        private static final long serialVersionUID = 1L;
        private final PartitionLabeler function;

        ScalaPartitionFunction(PartitionLabeler function) {
            this.function = function;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Iterator<Object> apply(Iterator<Object> rows) {
            java.util.Iterator<?> out = function.call((java.util.Iterator<Row>) (java.util.Iterator<?>)
                    CollectionConverters.asJava(rows));
            return CollectionConverters.asScala((java.util.Iterator<Object>) out);
        }
    }
}
