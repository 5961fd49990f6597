package headwater.headend.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileBytesTest {
    @TempDir
    Path dir;

    /** Every byte and every range reads back the same, whether the file is one chunk or many small ones. */
    @ParameterizedTest(name = "{0} bytes in chunks of 2^{1}")
    @CsvSource({"0, 30", "1, 30", "5000, 30", "5000, 12", "5000, 7", "4096, 12", "4097, 12", "1, 1", "300, 1"})
    void readsBackTheFileAcrossChunkBoundaries(int size, int chunkBits) throws Exception {
        byte[] content = new byte[size];
        new Random(size * 31L + chunkBits).nextBytes(content);
        Path path = Files.write(dir.resolve("f.bin"), content);
        FileBytes bytes;
        try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ)) {
            bytes = FileBytes.map(file, size, chunkBits);
        }
        assertThat(bytes.size()).isEqualTo(size);
        for (int i = 0; i < size; i++) {
            assertThat(bytes.get(i)).as("byte %d", i).isEqualTo(content[i]);
        }
        Random ranges = new Random(size);
        for (int k = 0; k < 200 && size > 0; k++) {
            int at = ranges.nextInt(size);
            int len = ranges.nextInt(Math.min(400, size - at) + 1);
            byte[] dst = new byte[len + 2];
            bytes.copy(at, dst, 1, len);
            assertThat(Arrays.copyOfRange(dst, 1, len + 1)).as("range %d+%d", at, len)
                    .isEqualTo(Arrays.copyOfRange(content, at, at + len));
            assertThat(dst[0]).isZero();
            assertThat(dst[len + 1]).isZero();
        }
    }
}
