package headwater.media.hls;

/** The {@code RESOLUTION} attribute of a variant stream: display width and height in pixels. */
public record Resolution(int width, int height) {
    public Resolution {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("resolution " + width + "x" + height + " is not positive");
        }
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
