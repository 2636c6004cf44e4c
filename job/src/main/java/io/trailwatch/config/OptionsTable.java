package io.trailwatch.config;

/**
 * The Markdown table of every option, as {@code docs/configuration.md} shows it between its {@value
 * #START} and {@value #END} markers ({@code ConfigurationDocTest} keeps the two equal).
 */
public final class OptionsTable {

    public static final String START = "<!-- options:start (generated from the code) -->";
    public static final String END = "<!-- options:end -->";

    private OptionsTable() {}

    public static String markdown() {
        StringBuilder table =
                new StringBuilder("| Key | Type | Default | Description |\n|---|---|---|---|\n");
        for (OptionCatalog.Entry entry : OptionCatalog.entries()) {
            table.append("| `")
                    .append(entry.key())
                    .append("` | ")
                    .append(cell(entry.type()))
                    .append(" | ")
                    .append(entry.defaultText().isEmpty() ? "" : "`" + entry.defaultText() + "`")
                    .append(" | ")
                    .append(cell(entry.description()))
                    .append(" |\n");
        }
        return table.toString();
    }

    /** The document with the table between the markers replaced by the current one. */
    public static String replaceTable(String document) {
        int start = document.indexOf(START);
        int end = document.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException(
                    "the document lacks the markers " + START + " and " + END);
        }
        return document.substring(0, start + START.length())
                + "\n"
                + markdown()
                + document.substring(end);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;").replace("\n", " ");
    }
}
