package headwater.api.xtream;

/**
 * A cheap change stamp of what the Xtream listings are built from: the channels, the categories and the packages with
 * all their memberships (channels, films, series). Two calls return equal values exactly when none of it changed in
 * between, so the endpoints may keep what they read and serialized under one stamp and reuse it until the stamp
 * changes. Called once per request on a worker (may block briefly); an implementation may memoize its own reading
 * for a short while, which then bounds how long a change takes to show.
 */
@FunctionalInterface
public interface XtreamCatalogueStamp {

    /** @return a value whose {@code equals} says "nothing changed since the value it is compared to" */
    Object current();

    /** No stamp: every request reads the catalogue afresh (a value equal to no other). */
    XtreamCatalogueStamp NONE = Object::new;
}
