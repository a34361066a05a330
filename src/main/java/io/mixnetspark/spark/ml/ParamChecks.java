package io.mixnetspark.spark.ml;

import java.io.Serializable;
import java.util.function.Predicate;
import scala.runtime.AbstractFunction1;

/**
 * {@code ParamChecks} makes Spark param validators (Scala functions) from Java predicates, for the
 * checks {@code ParamValidators} cannot express.
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
