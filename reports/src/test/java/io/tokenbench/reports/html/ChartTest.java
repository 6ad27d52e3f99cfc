package io.tokenbench.reports.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The chart's data as the browser receives it. */
class ChartTest {

    private static JsonNode spec(Chart c) throws Exception {
        String html = c.toHtml();
        String json =
                html.substring(
                        html.indexOf("<script type=\"application/json\">") + 32,
                        html.indexOf("</script>"));
        return new ObjectMapper().readTree(json.replace("<\\/", "</"));
    }

    @Test
    void seriesWithDifferentXValuesAreMergedOntoTheirUnionWithNullsAndTheExtentWidensTheAxis()
            throws Exception {
        Chart c =
                Chart.time("t", "y", "ms")
                        .line("a", "#000000", new double[] {2, 3}, new double[] {20, 30})
                        .line("b", "#111111", new double[] {1, 3}, new double[] {10, Double.NaN})
                        .xExtent(0, 5);
        JsonNode s = spec(c);
        assertThat(s.get("xs").toString()).isEqualTo("[0.0,1.0,2.0,3.0,5.0]");
        assertThat(s.get("series").get(0).get("ys").toString())
                .isEqualTo("[null,null,20.0,30.0,null]");
        assertThat(s.get("series").get(1).get("ys").toString())
                .isEqualTo("[null,10.0,null,null,null]");
        assertThat(s.get("x").get("kind").asText()).isEqualTo("time");
        assertThat(s.get("sync").asText()).isEqualTo("time");
        assertThat(c.drawableSeries()).isEqualTo(2);
    }

    @Test
    void textCannotCloseTheScriptOrTheAttribute() throws Exception {
        Chart c =
                Chart.linear("</script><b>\"x\"", "x", "", "y", "")
                        .hline(1, "</script>", "#000000")
                        .line("s", "#000000", new double[] {1}, new double[] {1});
        String html = c.toHtml();
        assertThat(html.indexOf("</script>")).isEqualTo(html.lastIndexOf("</script>"));
        assertThat(html)
                .startsWith(
                        "<figure class=\"tb-chart\" aria-label=\"&lt;/script&gt;&lt;b&gt;&quot;x&quot;\">");
        assertThat(spec(c).get("title").asText()).isEqualTo("</script><b>\"x\"");
    }

    @Test
    void mismatchedSeriesAreRefused() {
        assertThatThrownBy(
                        () ->
                                Chart.linear("t", "x", "", "y", "")
                                        .line(
                                                "s",
                                                "#000000",
                                                new double[] {1, 2},
                                                new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 x values, 1 y values");
    }

    @Test
    void aChartWithoutFiniteValuesHasNothingToDraw() {
        assertThat(
                        Chart.linear("t", "x", "", "y", "")
                                .line("s", "#000000", new double[] {1}, new double[] {Double.NaN})
                                .drawableSeries())
                .isZero();
    }
}
