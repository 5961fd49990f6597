package headwater.security.totp;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * A QR code (ZXing's encoder) as a self-contained SVG document: one path of unit squares on a white background, with
 * the standard four-module quiet zone, scalable to any size without blur. Made for {@code otpauth://} URIs, so that
 * enrolment needs no image library in the browser and no network. The SVG holds no script and no text: only the
 * squares.
 */
public final class QrSvg {

    /** Modules of quiet zone on each side (ISO/IEC 18004). */
    private static final int QUIET_ZONE = 4;

    private QrSvg() {
    }

    /** The SVG of {@code text} at error-correction level M. */
    public static String of(String text) {
        BitMatrix matrix = matrix(text);
        int size = matrix.getWidth();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\"><rect width=\"" + size + "\" height=\"" + size
                + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    /** The modules of {@code text}'s QR code, quiet zone included: {@code true} is dark. */
    static BitMatrix matrix(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.MARGIN, QUIET_ZONE,
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("the text does not fit in a QR code: " + text.length()
                    + " characters", e);
        }
    }
}
