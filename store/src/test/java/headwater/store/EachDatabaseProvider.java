package headwater.store;

import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

/** Supplies a fresh {@link TestStore} per database; the run's PostgreSQL database lives in JUnit's root store. */
public final class EachDatabaseProvider implements ArgumentsProvider {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EachDatabaseProvider.class);

    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        PostgresServer postgres = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(PostgresServer.class, k -> PostgresServer.start(), PostgresServer.class);
        return Stream.of(
                Arguments.of(new TestStore(Dialect.SQLITE, null)),
                Arguments.of(new TestStore(Dialect.POSTGRESQL, postgres)));
    }
}
