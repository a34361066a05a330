package io.mixnetspark.spark.ml;

import java.io.Serializable;
import java.util.Arrays;
import java.util.function.Predicate;
import org.apache.spark.ml.param.Param;
import scala.runtime.AbstractFunction1;

/**
 * {@code ParamChecks} makes Spark param validators (Scala functions) from Java predicates, for the
 * checks {@code ParamValidators} cannot express, and checks a value before a stage sets it, with a
 * message that names the param and what it allows (Spark's own says only "given invalid value").
 */
final class ParamChecks {

    private ParamChecks() {}

    /**
     * Wraps a predicate as a serializable Spark validator.
     *
     * @param valid the check
     * @param <T> the param's value type (boxed)
     * @return the validator
     */
    static <T> scala.Function1<T, Object> of(SerializablePredicate<T> valid) {
        return new Validator<>(valid);
    }

    /**
     * Checks a value against its param's validator.
     *
     * @param param the param
     * @param value the value (boxed; arrays shown by content)
     * @throws IllegalArgumentException naming the param, the value and the param's doc
     */
    static void require(Param<?> param, Object value) {
        @SuppressWarnings("unchecked")
        scala.Function1<Object, Object> valid = (scala.Function1<Object, Object>) param.isValid();
        if (value == null || !(Boolean) valid.apply(value)) {
            String shown = value instanceof double[] range ? Arrays.toString(range) : String.valueOf(value);
            throw new IllegalArgumentException(param.name() + "=" + shown + " is not allowed: " + param.doc());
        }
    }

    /** A predicate that can travel with its param. */
    interface SerializablePredicate<T> extends Predicate<T>, Serializable {}

    private static final class Validator<T> extends AbstractFunction1<T, Object> implements Serializable {
        private static final long serialVersionUID = 1L;
        private final SerializablePredicate<T> valid;

        Validator(SerializablePredicate<T> valid) {
            this.valid = valid;
        }

        @Override
        public Object apply(T value) {
            return valid.test(value);
        }
    }
}
