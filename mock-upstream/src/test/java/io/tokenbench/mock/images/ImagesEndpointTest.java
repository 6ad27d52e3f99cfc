package io.tokenbench.mock.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.models.images.Image;
import com.openai.models.images.ImageEditParams;
import com.openai.models.images.ImageGenerateParams;
import com.openai.models.images.ImagesResponse;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.media.MediaFixture;
import io.tokenbench.mock.testing.NoLeaks;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /v1/images/generations} driven by the official SDK with response validation on. */
@ExtendWith(NoLeaks.class)
class ImagesEndpointTest {

    @RegisterExtension static final MediaFixture fixture = new MediaFixture();

    private static BufferedImage png(byte[] bytes) {
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            assertThat(image).as("ImageIO decodes the PNG").isNotNull();
            return image;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void b64JsonImagesDecodeAsPngsOfTheRequestedSize() {
        ImagesResponse response =
                fixture.sdk
                        .images()
                        .generate(
                                ImageGenerateParams.builder()
                                        .model("gpt-image-1")
                                        .prompt("a lighthouse")
                                        .n(10)
                                        .size(ImageGenerateParams.Size._1536X1024)
                                        .responseFormat(ImageGenerateParams.ResponseFormat.B64_JSON)
                                        .build());
        List<Image> images = response.data().orElseThrow();
        assertThat(images).hasSize(10);
        assertThat(response.created()).isPositive();
        java.util.Set<Integer> blues = new java.util.HashSet<>();
        for (Image image : images) {
            BufferedImage png = png(Base64.getDecoder().decode(image.b64Json().orElseThrow()));
            assertThat(png.getWidth()).isEqualTo(1536);
            assertThat(png.getHeight()).isEqualTo(1024);
            // The pattern: red grows with x, green with y, blue is one of 16 levels (multiples of
            // 17).
            assertThat(png.getRGB(0, 0) & 0xffff00).isZero();
            assertThat((png.getRGB(1535, 0) >> 16) & 0xff).isEqualTo(255);
            assertThat((png.getRGB(0, 1023) >> 8) & 0xff).isEqualTo(255);
            assertThat((png.getRGB(767, 511) >> 16) & 0xff).isEqualTo(767 * 255 / 1535);
            int blue = png.getRGB(0, 0) & 0xff;
            assertThat(blue % 17).isZero();
            assertThat(png.getRGB(1000, 900) & 0xff).isEqualTo(blue);
            blues.add(blue);
            assertThat(image.revisedPrompt()).contains("a lighthouse");
        }
        assertThat(blues)
                .as("images of one request differ (10 draws from 16 levels)")
                .hasSizeGreaterThan(1);
        Settlement settlement = fixture.gate.last();
        assertThat(settlement.endpoint()).isEqualTo(ImagesRoutes.ENDPOINT);
        assertThat(settlement.usage()).isEqualTo(new Settlement.Usage(0, 0, 10, 0.0));
        assertThat(settlement.end()).isEqualTo(Settlement.End.COMPLETED);
    }

    @Test
    void urlImagesAreServedByTheMock() {
        ImagesResponse response =
                fixture.sdk
                        .images()
                        .generate(
                                ImageGenerateParams.builder()
                                        .model("gpt-image-1")
                                        .prompt("a cat")
                                        .size(ImageGenerateParams.Size._256X256)
                                        .responseFormat(ImageGenerateParams.ResponseFormat.URL)
                                        .build());
        String url = response.data().orElseThrow().get(0).url().orElseThrow();
        assertThat(url).startsWith(fixture.mock.baseUrl() + ImageStore.PREFIX + "/");
        HttpResponse<byte[]> image =
                fixture.send("GET", URI.create(url).getPath(), null, null, null);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("content-type")).contains("image/png");
        BufferedImage decoded = png(image.body());
        assertThat(decoded.getWidth()).isEqualTo(256);
        assertThat(decoded.getHeight()).isEqualTo(256);
        assertThat(fixture.send("GET", ImageStore.PREFIX + "/nope.png", null, null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void editsTakeAMultipartImageAndAnswerLikeGenerations() throws IOException {
        byte[] source = PngEncoder.gradient(64, 64, 3);
        ImagesResponse response =
                fixture.sdk
                        .images()
                        .edit(
                                ImageEditParams.builder()
                                        .image(source)
                                        .prompt("add a hat")
                                        .n(2)
                                        .size(ImageEditParams.Size._512X512)
                                        .responseFormat(ImageEditParams.ResponseFormat.B64_JSON)
                                        .build());
        List<Image> images = response.data().orElseThrow();
        assertThat(images).hasSize(2);
        BufferedImage edited =
                png(Base64.getDecoder().decode(images.get(0).b64Json().orElseThrow()));
        assertThat(edited.getWidth()).isEqualTo(512);
        assertThat(fixture.gate.last().endpoint()).isEqualTo(ImagesRoutes.EDITS);
        assertThat(fixture.gate.last().usage().images()).isEqualTo(2);
        String noImage =
                "--B\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\nx\r\n--B--\r\n";
        HttpResponse<byte[]> missing =
                fixture.send(
                        "POST",
                        ImagesRoutes.EDITS,
                        "multipart/form-data; boundary=B",
                        noImage.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(MediaFixture.error(missing).path("param").asText()).isEqualTo("image");
        HttpResponse<byte[]> json = fixture.postJson(ImagesRoutes.EDITS, "{\"prompt\":\"x\"}");
        assertThat(MediaFixture.error(json).path("code").asText())
                .isEqualTo("invalid_content_type");
    }

    @Test
    void autoSizeIs1024Square() {
        HttpResponse<byte[]> response =
                fixture.postJson(ImagesRoutes.ENDPOINT, "{\"prompt\":\"x\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        String b64 = new String(response.body()).replaceAll(".*\"b64_json\":\"([^\"]+)\".*", "$1");
        BufferedImage image = png(Base64.getDecoder().decode(b64));
        assertThat(image.getWidth()).isEqualTo(1024);
        assertThat(image.getHeight()).isEqualTo(1024);
    }

    @Test
    void badInputIs400BeforeAdmission() {
        assertBad("{\"model\":\"gpt-image-1\"}", 400, "prompt", "missing_required_parameter");
        assertBad("{\"prompt\":\"x\",\"size\":\"100x100\"}", 400, "size", "invalid_value");
        assertBad("{\"prompt\":\"x\",\"n\":11}", 400, "n", "invalid_value");
        assertBad(
                "{\"prompt\":\"x\",\"response_format\":\"jpeg\"}",
                400,
                "response_format",
                "invalid_value");
        assertBad(
                "{\"prompt\":\"x\",\"output_format\":\"webp\"}",
                400,
                "output_format",
                "invalid_value");
        assertBad("{\"prompt\":\"x\",\"model\":\"tts-1\"}", 400, "model", "invalid_value");
        assertBad("{\"prompt\":\"x\",\"model\":\"nope\"}", 404, null, "model_not_found");
        assertBad("[]", 400, "body", "invalid_type");
    }

    private static void assertBad(String body, int status, String param, String code) {
        int before = fixture.gate.admissions.size();
        HttpResponse<byte[]> response = fixture.postJson(ImagesRoutes.ENDPOINT, body);
        assertThat(response.statusCode()).as(body).isEqualTo(status);
        assertThat(MediaFixture.error(response).path("param").textValue())
                .as(body)
                .isEqualTo(param);
        assertThat(MediaFixture.error(response).path("code").textValue()).as(body).isEqualTo(code);
        assertThat(fixture.gate.admissions).hasSize(before);
    }
}
