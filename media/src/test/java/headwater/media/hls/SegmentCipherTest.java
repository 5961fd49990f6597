package headwater.media.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentCipherTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    @Test
    void opensslDecryptsWhatWeEncryptAsHlsPlayersDo() throws Exception {
        byte[] key = random(16);
        byte[] iv = random(16);
        byte[] clear = random(188 * 1000);
        Path encrypted = dir.resolve("1.ts");
        Files.write(encrypted, SegmentCipher.encrypt(key, iv, clear));
        Path decrypted = dir.resolve("1.clear.ts");
        HexFormat hex = HexFormat.of();
        Process openssl = new ProcessBuilder(List.of("openssl", "enc", "-d", "-aes-128-cbc", "-K", hex.formatHex(key),
                "-iv", hex.formatHex(iv), "-in", encrypted.toString(), "-out", decrypted.toString()))
                .redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes());
        assertThat(openssl.waitFor()).as(output).isZero();
        assertThat(Files.readAllBytes(decrypted)).isEqualTo(clear);
    }

    @Test
    void weDecryptWhatOpensslEncrypts() throws Exception {
        byte[] key = random(16);
        byte[] iv = random(16);
        byte[] clear = random(188 * 7 + 3);
        Path in = dir.resolve("clear");
        Path out = dir.resolve("enc");
        Files.write(in, clear);
        HexFormat hex = HexFormat.of();
        Process openssl = new ProcessBuilder(List.of("openssl", "enc", "-e", "-aes-128-cbc", "-K", hex.formatHex(key),
                "-iv", hex.formatHex(iv), "-in", in.toString(), "-out", out.toString()))
                .redirectErrorStream(true).start();
        openssl.getInputStream().readAllBytes();
        assertThat(openssl.waitFor()).isZero();
        assertThat(SegmentCipher.decrypt(key, iv, Files.readAllBytes(out))).isEqualTo(clear);
    }

    @Test
    void streamingInPiecesGivesTheSameBytesAsAllAtOnce() throws Exception {
        byte[] key = random(16);
        byte[] iv = random(16);
        byte[] clear = random(188 * 333);
        Cipher cipher = SegmentCipher.encryptor(key, iv);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int off = 0; off < clear.length; off += 1000) {
            byte[] piece = cipher.update(clear, off, Math.min(1000, clear.length - off));
            if (piece != null) {
                out.write(piece);
            }
        }
        out.write(cipher.doFinal());
        assertThat(out.toByteArray()).isEqualTo(SegmentCipher.encrypt(key, iv, clear));
    }

    @Test
    void padsEveryLengthToTheNextWholeBlock() {
        byte[] key = random(16);
        byte[] iv = random(16);
        for (int n : new int[] {0, 1, 15, 16, 17, 188, 376, 1504}) {
            assertThat(SegmentCipher.encrypt(key, iv, new byte[n]).length).as("%d clear bytes", n)
                    .isEqualTo((int) SegmentCipher.encryptedLength(n)).isGreaterThan(n).isLessThanOrEqualTo(n + 16);
        }
    }

    @Test
    void theSameSegmentUnderTwoIvsDiffers() {
        byte[] key = random(16);
        byte[] clear = new byte[188 * 4];
        assertThat(SegmentCipher.encrypt(key, random(16), clear)).isNotEqualTo(SegmentCipher.encrypt(key, random(16), clear));
    }

    @Test
    void theWrongKeyFailsOrYieldsOtherBytesNeverTheSegment() {
        byte[] key = random(16);
        byte[] iv = random(16);
        byte[] clear = random(188 * 10);
        byte[] encrypted = SegmentCipher.encrypt(key, iv, clear);
        byte[] other = random(16);
        try {
            assertThat(SegmentCipher.decrypt(other, iv, encrypted)).isNotEqualTo(clear);
        } catch (GeneralSecurityException expected) {
            // bad padding: the usual outcome
        }
    }

    @Test
    void refusesKeysAndIvsThatAreNot128Bits() {
        assertThatThrownBy(() -> SegmentCipher.encrypt(new byte[15], new byte[16], new byte[1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SegmentCipher.encrypt(new byte[16], new byte[32], new byte[1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSegmentEncryptionNamesItsKeyRelativelyAndCopiesItsIv() throws IOException {
        byte[] iv = random(16);
        SegmentEncryption e = new SegmentEncryption("00ff", iv);
        assertThat(e.keyUri()).isEqualTo("key/00ff.key");
        assertThat(e.segmentKey().method()).isEqualTo(KeyMethod.AES_128);
        assertThat(e.segmentKey().iv()).isEqualTo(iv);
        iv[0] ^= 1;
        assertThat(e.iv()).isNotEqualTo(iv);
        assertThat(SegmentEncryption.parseIv(e.ivHex())).isEqualTo(e.iv());
        assertThat(SegmentEncryption.parseIv("zz")).isNull();
        for (String bad : new String[] {"", "00FF", "../x", "a".repeat(65), "0a.key"}) {
            assertThatThrownBy(() -> new SegmentEncryption(bad, new byte[16]))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
