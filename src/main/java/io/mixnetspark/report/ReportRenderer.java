package io.mixnetspark.report;

import io.mixnetspark.report.RunReport.ClassPoint;
import io.mixnetspark.report.RunReport.ConfusedPair;
import io.mixnetspark.report.RunReport.EpochPoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * {@code ReportRenderer} writes a {@link RunReport} as {@code index.html} plus PNG plots into a
 * folder: loss, learning rate and accuracy per epoch, per-class accuracy (the {@value
 * #MAX_CLASSES} worst classes when there are more) and the most confused pairs. The loss axis is
 * logarithmic: early epochs of a fit can be orders of magnitude above the rest. A plot is left
 * out when the run has nothing for it (a validate run has no learning rate); the page says so.
 */
public final class ReportRenderer {

    /** Classes shown in the per-class plot at most (the worst by top-1). */
    public static final int MAX_CLASSES = 30;

    private static final int WIDTH = 720;
    private static final int HEIGHT = 420;

    private ReportRenderer() {}

    /**
     * Renders the report.
     *
     * @param report what to show
     * @param folder the output folder (created when missing; files in it are replaced)
     * @return the HTML page
     * @throws IOException when writing fails
     */
    public static Path render(RunReport report, Path folder) throws IOException {
        Files.createDirectories(folder);
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>MixNet run ")
                .append(escape(report.runId())).append("</title>\n<style>body{font-family:sans-serif;margin:2em}"
                        + "td,th{padding:2px 10px;text-align:left}img{display:block;margin:1em 0}</style></head><body>\n")
                .append("<h1>Run ").append(escape(report.runId())).append("</h1>\n<table>\n");
        for (Map.Entry<String, String> f : report.facts().entrySet()) {
            html.append("<tr><th>").append(escape(f.getKey())).append("</th><td>")
                    .append(f.getValue() == null ? "" : escape(f.getValue()).replace("\n", "<br>")).append("</td></tr>\n");
        }
        html.append("</table>\n");
        List<EpochPoint> epochs = report.epochs();
        XYChart loss = lines(epochs, "Loss", "loss (log scale)",
                new Series("train loss (label-smoothed)", EpochPoint::trainLoss), new Series("validation loss", EpochPoint::valLoss));
        if (loss != null) {
            // ticks at 1..9 x each decade: a fit whose losses stay within one decade still gets labels
            loss.getStyler().setYAxisLogarithmic(true).setYAxisLogarithmicDecadeOnly(false);
        }
        section(html, folder, "Loss per epoch", "loss.png", loss);
        section(html, folder, "Learning rate per epoch", "lr.png", lines(epochs, "Learning rate", "lr",
                new Series("learning rate (last step)", EpochPoint::lr)));
        section(html, folder, "Accuracy per epoch", "accuracy.png", lines(epochs, "Accuracy", "accuracy",
                new Series("train top-1", EpochPoint::trainTop1), new Series("validation top-1", EpochPoint::valTop1),
                new Series("validation top-5", EpochPoint::valTop5)));
        String at = report.classEpoch() == null ? "" : " (epoch " + report.classEpoch() + ")";
        section(html, folder, "Per-class accuracy" + at, "classes.png", classChart(report.classes()));
        section(html, folder, "Most confused pairs" + at, "confused.png", confusedChart(report.confusedPairs()));
        html.append("</body></html>\n");
        Path page = folder.resolve("index.html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        return page;
    }

    private static void section(StringBuilder html, Path folder, String title, String file, Chart<?, ?> chart)
            throws IOException {
        html.append("<h2>").append(escape(title)).append("</h2>\n");
        if (chart == null) {
            html.append("<p>Nothing recorded for this run.</p>\n");
            return;
        }
        BitmapEncoder.saveBitmap(chart, folder.resolve(file).toString(), BitmapFormat.PNG);
        html.append("<img src=\"").append(file).append("\" alt=\"").append(escape(title)).append("\">\n");
    }

    /** A line of an epoch plot: its legend and how to read it from a point. */
    private record Series(String name, Function<EpochPoint, Double> value) {}

    private static XYChart lines(List<EpochPoint> epochs, String title, String yTitle, Series... series) {
        XYChart chart = null;
        for (Series s : series) {
            List<Integer> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (EpochPoint p : epochs) {
                Double v = s.value().apply(p);
                if (v != null && !v.isNaN()) {
                    x.add(p.epoch());
                    y.add(v);
                }
            }
            if (x.isEmpty()) {
                continue;
            }
            if (chart == null) {
                chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("epoch")
                        .yAxisTitle(yTitle).build();
                chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
                chart.getStyler().setDecimalPattern("#0.####");
            }
            chart.addSeries(s.name(), x, y);
        }
        return chart;
    }

    private static CategoryChart classChart(List<ClassPoint> classes) {
        if (classes.isEmpty()) {
            return null;
        }
        List<ClassPoint> shown = classes.stream()
                .sorted(Comparator.comparingDouble(ClassPoint::top1).thenComparingInt(ClassPoint::classIndex))
                .limit(MAX_CLASSES).toList();
        CategoryChart chart = bars(classes.size() > MAX_CLASSES
                ? "Per-class accuracy, the " + MAX_CLASSES + " worst of " + classes.size() + " classes"
                : "Per-class accuracy", "accuracy");
        List<String> names = shown.stream().map(c -> shortName(c.name())).toList();
        chart.addSeries("top-1", names, shown.stream().map(ClassPoint::top1).toList());
        chart.addSeries("top-5", names, shown.stream().map(ClassPoint::top5).toList());
        return chart;
    }

    private static CategoryChart confusedChart(List<ConfusedPair> pairs) {
        if (pairs.isEmpty()) {
            return null;
        }
        CategoryChart chart = bars("Most confused pairs (true -> predicted)", "images");
        chart.addSeries("images", pairs.stream().map(p -> shortName(p.trueName()) + " -> " + shortName(p.predictedName()))
                .toList(), pairs.stream().map(ConfusedPair::count).toList());
        chart.getStyler().setLegendVisible(false);
        return chart;
    }

    private static CategoryChart bars(String title, String yTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT + 120).title(title).yAxisTitle(yTitle)
                .build();
        chart.getStyler().setXAxisLabelRotation(60);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setDecimalPattern("#0.##");
        return chart;
    }

    private static String shortName(String name) {
        String first = name == null ? "?" : name.split(",")[0].strip();
        return first.length() > 24 ? first.substring(0, 23) + "…" : first;
    }

    /**
     * Escapes text for HTML content and attribute values.
     *
     * @param text the text
     * @return the text with {@code & < > "} escaped
     */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
