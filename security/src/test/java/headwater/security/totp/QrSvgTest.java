package headwater.security.totp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The SVG is drawn back into pixels from its own path and decoded by ZXing's reader: it says what was encoded. */
class QrSvgTest {

    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern SQUARE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");
    private static final int SCALE = 4;

    @Test
    void an_otpauth_uri_decodes_back_from_the_svg() throws Exception {
        String uri = OtpauthUri.of("Headwater", "admin", TotpKey.generate());
        String svg = QrSvg.of(uri);

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>")
                .doesNotContain("<script").doesNotContain(uri);
        assertThat(decode(svg)).isEqualTo(uri);
    }

    private static String decode(String svg) throws Exception {
        Matcher box = VIEW_BOX.matcher(svg);
        assertThat(box.find()).isTrue();
        int size = Integer.parseInt(box.group(1));
        int pixels = size * SCALE;
        int[] rgb = new int[pixels * pixels];
        java.util.Arrays.fill(rgb, 0xffffff);
        Matcher square = SQUARE.matcher(svg);
        while (square.find()) {
            int x = Integer.parseInt(square.group(1));
            int y = Integer.parseInt(square.group(2));
            for (int dy = 0; dy < SCALE; dy++) {
                for (int dx = 0; dx < SCALE; dx++) {
                    rgb[(y * SCALE + dy) * pixels + x * SCALE + dx] = 0;
                }
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, pixels, rgb)));
        return new QRCodeReader().decode(bitmap).getText();
    }
}
