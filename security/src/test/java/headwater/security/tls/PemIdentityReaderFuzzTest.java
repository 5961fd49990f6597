package headwater.security.tls;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Optional;

/**
 * The operator's PEM files are outside input: any text either reads as a key and the certificate it belongs to, or
 * is refused with a {@link TlsMaterialException} that names the source; nothing else is thrown.
 *
 * <p>Without {@code JAZZER_FUZZ=1} this replays the seed corpus in {@code PemIdentityReaderFuzzTestInputs/read}. A
 * longer run: {@code JAZZER_FUZZ=1 ./mvnw -B -pl security -am test -Dtest=PemIdentityReaderFuzzTest
 * -Djazzer.max_duration=10m}.
 */
class PemIdentityReaderFuzzTest {

    @FuzzTest
    void read(FuzzedDataProvider data) {
        boolean withPassword = data.consumeBoolean();
        String certificate = data.consumeString(4096);
        String key = data.consumeRemainingAsString();
        try {
            TlsIdentity identity = PemIdentityReader.read(certificate, "cert.pem", key, "key.pem",
                    withPassword ? Optional.of("pw".toCharArray()) : Optional.empty());
            assertThat(identity.chain()).isNotEmpty();
        } catch (TlsMaterialException e) {
            assertThat(e.getMessage()).startsWith(e.source() + ": ");
            assertThat(e.source()).isIn("cert.pem", "key.pem");
        }
    }
}
