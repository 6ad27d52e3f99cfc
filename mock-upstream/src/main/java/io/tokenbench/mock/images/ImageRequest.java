package io.tokenbench.mock.images;

import io.tokenbench.mock.media.JsonBody;
import io.tokenbench.mock.media.Multipart;
import io.tokenbench.mock.openai.ApiError;
import io.tokenbench.mock.openai.ApiErrorException;
import java.util.List;
import java.util.Set;

/**
 * A validated image request, from a generations JSON body or an edits multipart form: {@code
 * prompt} (required, non-blank), {@code model} (null: the catalog default), {@code n} 1..10, {@code
 * size} ({@link ImageSize}), {@code response_format} {@code b64_json} (default) or {@code url},
 * {@code output_format} {@code png} only.
 */
record ImageRequest(String model, String prompt, int n, ImageSize size, boolean url) {

    static final int MAX_N = 10;
    private static final List<String> RESPONSE_FORMATS = List.of("b64_json", "url");

    static ImageRequest fromJson(JsonBody body) {
        String model = body.optionalString("model").orElse(null);
        String prompt = body.requiredString("prompt");
        int n = body.optionalInt("n", 1, MAX_N).orElse(1);
        String size = body.optionalString("size").orElse("auto");
        String format = body.oneOf("response_format", Set.copyOf(RESPONSE_FORMATS), "b64_json");
        body.oneOf("output_format", Set.of("png"), "png");
        return of(model, prompt, n, size, format);
    }

    /** An edits form; the {@code image} (or {@code image[]}) part must be present. */
    static ImageRequest fromForm(Multipart form) {
        if (!form.parts().containsKey("image") && !form.parts().containsKey("image[]")) {
            throw new ApiErrorException(ApiError.missingParameter("image"));
        }
        String prompt = form.field("prompt");
        if (prompt == null) {
            throw new ApiErrorException(ApiError.missingParameter("prompt"));
        }
        String nText = form.field("n");
        int n;
        try {
            n = nText == null ? 1 : Integer.parseInt(nText.strip());
        } catch (NumberFormatException e) {
            throw new ApiErrorException(ApiError.invalidType("n", "an integer", "'" + nText + "'"));
        }
        if (n < 1 || n > MAX_N) {
            throw new ApiErrorException(
                    ApiError.invalidValue(
                            "n", "must be between 1 and " + MAX_N + ", got " + n + "."));
        }
        String format =
                form.field("response_format") == null ? "b64_json" : form.field("response_format");
        if (!RESPONSE_FORMATS.contains(format)) {
            throw new ApiErrorException(
                    ApiError.invalidValue(
                            "response_format",
                            "'"
                                    + format
                                    + "' is not supported;"
                                    + " supported values are b64_json, url."));
        }
        String output = form.field("output_format");
        if (output != null && !output.equals("png")) {
            throw new ApiErrorException(
                    ApiError.invalidValue(
                            "output_format",
                            "'" + output + "' is not supported;" + " supported values are png."));
        }
        return of(
                form.field("model"),
                prompt,
                n,
                form.field("size") == null ? "auto" : form.field("size"),
                format);
    }

    private static ImageRequest of(String model, String prompt, int n, String size, String format) {
        if (prompt.isBlank()) {
            throw new ApiErrorException(
                    ApiError.invalidValue("prompt", "the prompt must not be empty."));
        }
        return new ImageRequest(model, prompt, n, ImageSize.parse(size), format.equals("url"));
    }
}
