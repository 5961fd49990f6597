package headwater.store.billing;

import org.jdbi.v3.core.Handle;

/**
 * Gap-free document numbers: the next number of a series and year is taken inside the transaction that stores the
 * document, so a rolled-back document gives its number back. The row is created at the first number of a year and
 * then incremented with one UPDATE, which PostgreSQL locks until commit (SQLite serialises writers).
 */
final class DocumentSequence {

    private DocumentSequence() {
    }

    static long next(Handle handle, String series, int year) {
        handle.createUpdate("INSERT INTO document_sequence (series, year, last) VALUES (:series, :year, 0) "
                + "ON CONFLICT (series, year) DO NOTHING").bind("series", series).bind("year", year).execute();
        return handle.createQuery("UPDATE document_sequence SET last = last + 1 WHERE series = :series AND year = :year "
                + "RETURNING last").bind("series", series).bind("year", year).mapTo(Long.class).one();
    }
}
