package headwater.security.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyFileTest {

    @TempDir
    Path dir;

    @Test
    void firstReadCreatesAnOwnerOnlyFileThatLaterReadsReturn() throws IOException {
        Path file = dir.resolve("sub/master.key");

        MasterKeyFile.Loaded first = MasterKeyFile.readOrCreate(file);
        MasterKeyFile.Loaded again = MasterKeyFile.readOrCreate(file);

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.key()).isEqualTo(first.key());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file).strip()).hasSize(44);
        assertThat(dir.resolve("sub").toFile().list()).containsExactly("master.key");
    }

    @Test
    void writeReplacesOnlyWhenAsked() {
        Path file = dir.resolve("master.key");
        MasterKey first = MasterKeyFile.readOrCreate(file).key();
        MasterKey next = MasterKey.generate();

        assertThatThrownBy(() -> MasterKeyFile.write(file, next, false)).hasMessageContaining(file.toString());
        assertThat(MasterKeyFile.read(file)).isEqualTo(first);
        MasterKeyFile.write(file, next, true);
        assertThat(MasterKeyFile.read(file)).isEqualTo(next);
    }

    @Test
    void fileWithoutAKeyIsNamedButNotQuoted() throws IOException {
        Path file = dir.resolve("master.key");
        Files.writeString(file, "secret-ish garbage");

        assertThatThrownBy(() -> MasterKeyFile.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString()).hasMessageNotContaining("garbage");
    }
}
