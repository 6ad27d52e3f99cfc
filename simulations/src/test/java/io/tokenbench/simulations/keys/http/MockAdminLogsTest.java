package io.tokenbench.simulations.keys.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.simulations.keys.cli.InProcessMock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link MockAdmin#logs} reads every row of a key across pages of {@code GET /admin/logs}. */
class MockAdminLogsTest {

    @Test
    void readsEveryRowOfTheKeyAcrossPagesInOrder() throws Exception {
        try (InProcessMock mock = InProcessMock.start()) {
            MockAdmin admin = new MockAdmin(mock.baseUrl(), Secret.of(mock.adminToken()));
            MockAdmin.CreatedKey key = admin.createKey("pager", null, "none", "none");
            MockAdmin.CreatedKey other = admin.createKey("other", null, "none", "none");
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < 5; i++) {
                chat(http, mock.baseUrl(), key.secret());
                chat(http, mock.baseUrl(), other.secret());
            }

            List<MockAdmin.LogRow> paged = admin.logs(key.view().id(), 2);
            List<MockAdmin.LogRow> whole = admin.logs(key.view().id());

            assertThat(paged)
                    .hasSize(5)
                    .allMatch(r -> r.keyId() == key.view().id() && r.status() == 200);
            assertThat(paged)
                    .extracting(MockAdmin.LogRow::requestId)
                    .doesNotHaveDuplicates()
                    .containsExactlyElementsOf(
                            whole.stream().map(MockAdmin.LogRow::requestId).toList());
        }
    }

    private static void chat(HttpClient http, URI base, Secret key) throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(base.resolve("/v1/chat/completions"))
                        .header("Authorization", key.bearer())
                        .header("Content-Type", "application/json")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"model\":\"tokenbench-tiny\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                        .build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
    }
}
