package headwater.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Runs a test method once per database: SQLite, then PostgreSQL. The method takes one {@link TestStore}, fresh for
 * each run. The PostgreSQL run is skipped with the reason when the server is unreachable, and fails under
 * {@code CI=true}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@ArgumentsSource(EachDatabaseProvider.class)
public @interface EachDatabase {
}
