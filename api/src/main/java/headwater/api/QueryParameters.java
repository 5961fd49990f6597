package headwater.api;

import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query parameters of a listing, checked strictly: only the listed names, each at most once, integers as
 * canonical decimals, booleans as {@code true}/{@code false}. Errors are collected so that one answer names every
 * bad parameter.
 */
final class QueryParameters {

    private final MultiMap params;
    private final List<FieldError> errors = new ArrayList<>();

    QueryParameters(MultiMap params, Set<String> accepted) {
        this.params = params;
        for (String name : new TreeSet<>(params.names())) {
            if (!accepted.contains(name)) {
                errors.add(new FieldError(name, "is not a query parameter here (accepted: "
                        + String.join(", ", new TreeSet<>(accepted)) + ")"));
            } else if (params.getAll(name).size() > 1) {
                errors.add(new FieldError(name, "is given " + params.getAll(name).size() + " times: give it once"));
            }
        }
    }

    String text(String name) {
        return params.get(name);
    }

    int integer(String name, int defaultValue, int min, int max) {
        String value = params.get(name);
        if (value == null) {
            return defaultValue;
        }
        if (!value.matches("-?[0-9]{1,10}")) {
            errors.add(new FieldError(name, "is \"" + value + "\": must be an integer from " + min + " to " + max));
            return defaultValue;
        }
        long parsed = Long.parseLong(value);
        if (parsed < min || parsed > max) {
            errors.add(new FieldError(name, "is " + parsed + ": must be from " + min + " to " + max));
            return defaultValue;
        }
        return (int) parsed;
    }

    Boolean bool(String name) {
        String value = params.get(name);
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            errors.add(new FieldError(name, "is \"" + value + "\": must be true or false"));
            return null;
        }
        return Boolean.valueOf(value);
    }

    <E extends Enum<E>> E choice(String name, Class<E> type) {
        String value = params.get(name);
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        errors.add(new FieldError(name, "is \"" + value + "\": must be one of " + List.of(type.getEnumConstants())));
        return null;
    }

    /**
     * The {@code sort} parameter: the lower-case name of one of {@code type}'s constants, with a leading '-' for
     * descending order; {@code fallback} ascending when absent.
     */
    <E extends Enum<E>> Sorting<E> sort(Class<E> type, E fallback) {
        String value = params.get("sort");
        if (value == null) {
            return new Sorting<>(fallback, false);
        }
        boolean descending = value.startsWith("-");
        String name = descending ? value.substring(1) : value;
        for (E constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(name)) {
                return new Sorting<>(constant, descending);
            }
        }
        errors.add(new FieldError("sort", "is \"" + value + "\": must be one of " + Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT)).toList() + ", with a leading '-' for descending order"));
        return new Sorting<>(fallback, false);
    }

    record Sorting<E extends Enum<E>>(E by, boolean descending) {
    }

    void error(String name, String message) {
        errors.add(new FieldError(name, message));
    }

    /** @throws ApiException naming every bad parameter, if any */
    void check() {
        if (!errors.isEmpty()) {
            throw ApiException.fields(errors);
        }
    }
}
