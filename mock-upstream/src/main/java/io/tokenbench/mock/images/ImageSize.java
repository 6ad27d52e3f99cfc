package io.tokenbench.mock.images;

import io.tokenbench.mock.openai.ApiError;
import io.tokenbench.mock.openai.ApiErrorException;
import java.util.List;

/**
 * A supported {@code size}; {@code auto} means 1024x1024. Anything else is a 400 naming {@code
 * size}.
 */
public record ImageSize(int width, int height) {

    public static final List<String> SUPPORTED =
            List.of(
                    "256x256",
                    "512x512",
                    "1024x1024",
                    "1536x1024",
                    "1024x1536",
                    "1792x1024",
                    "1024x1792",
                    "auto");

    public static ImageSize parse(String value) {
        if (!SUPPORTED.contains(value)) {
            throw new ApiErrorException(
                    ApiError.invalidValue(
                            "size",
                            "'"
                                    + value
                                    + "' is not supported; supported"
                                    + " sizes are "
                                    + String.join(", ", SUPPORTED)
                                    + "."));
        }
        if (value.equals("auto")) {
            return new ImageSize(1024, 1024);
        }
        int x = value.indexOf('x');
        return new ImageSize(
                Integer.parseInt(value.substring(0, x)), Integer.parseInt(value.substring(x + 1)));
    }

    public String wire() {
        return width + "x" + height;
    }
}
