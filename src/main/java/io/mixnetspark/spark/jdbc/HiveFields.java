package io.mixnetspark.spark.jdbc;

import java.lang.reflect.Field;

/**
 * Reaches the private fields of Hive's service classes that Spark's Thrift server reaches the same
 * way: Hive keeps its session manager, operation manager, operation table and session state private,
 * with no hook to put Spark's in their place.
 */
final class HiveFields {

    private HiveFields() {}

    /**
     * Sets a field declared by {@code owner} on {@code target}.
     *
     * @param owner the class that declares the field
     * @param target the object
     * @param name the field's name
     * @param value the new value
     */
    static void set(Class<?> owner, Object target, String name, Object value) {
        try {
            field(owner, name).set(target, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot set " + owner.getName() + "." + name, e);
        }
    }

    /**
     * Reads a field declared by {@code owner} on {@code target}.
     *
     * @param owner the class that declares the field
     * @param target the object
     * @param name the field's name
     * @param type the field's type
     * @param <T> the field's type
     * @return the value
     */
    static <T> T get(Class<?> owner, Object target, String name, Class<T> type) {
        try {
            return type.cast(field(owner, name).get(target));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + owner.getName() + "." + name, e);
        }
    }

    private static Field field(Class<?> owner, String name) {
        try {
            Field field = owner.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(owner.getName() + " has no field " + name
                    + ": not the hive-service version this server was written for", e);
        }
    }
}
