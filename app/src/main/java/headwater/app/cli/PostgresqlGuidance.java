package headwater.app.cli;

import headwater.app.config.HeadwaterConfig;

/** What to run instead of {@code headwater backup|restore} when the store is PostgreSQL: its own tools. */
final class PostgresqlGuidance {

    private PostgresqlGuidance() {
    }

    /** Prints the pg_dump/pg_restore commands on stderr; returns the usage exit code (the command does not apply). */
    static int print(StoreOptions options, HeadwaterConfig config, String command) {
        String url = config.database().describeUrl();
        var err = options.err();
        err.println("headwater " + command + ": the database is PostgreSQL (" + url + "): back it up and restore it"
                + " with PostgreSQL's tools, for example:");
        err.println("  pg_dump --format=custom --file=headwater.dump <database>");
        err.println("  pg_restore --clean --if-exists --dbname=<database> headwater.dump   (with the server stopped)");
        err.flush();
        return HeadwaterCommand.USAGE;
    }
}
